package printer

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // America/New_York without depending on the machine's zoneinfo

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// TestSpool: records come back in id order whatever order they went in,
// from memory, from spilled runs, and when spilling fails; with dense ids
// (placed by id) and sparse ones (sorted).
func TestSpool(t *testing.T) {
	for _, tc := range []struct {
		name   string
		max    int
		dir    string
		warns  int
		stride int // between ids
	}{
		{"memory", 1 << 20, "", 0, 1},
		{"memory, sparse ids", 1 << 20, "", 0, 1000},
		{"spilled", 7, "", 0, 1},
		{"spilled, sparse ids", 7, "", 0, 5},
		{"one per run", 1, "", 0, 1},
		{"no temp dir", 7, filepath.Join(t.TempDir(), "missing"), 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var warned []string
			s := newSpool(tc.max, tc.dir, func(m string) { warned = append(warned, m) })
			defer s.close()
			const n = 1000
			ids := rand.New(rand.NewPCG(1, 2)).Perm(n)
			for _, id := range ids {
				id = (id + 1) * tc.stride
				s.add(uint64(id), fmt.Appendf(nil, "rec%d", id))
			}
			if s.len() != n {
				t.Errorf("len %d, want %d", s.len(), n)
			}
			var got []uint64
			err := s.each(func(id uint64, rec []byte) {
				if string(rec) != fmt.Sprintf("rec%d", id) {
					t.Fatalf("id %d has record %q", id, rec)
				}
				got = append(got, id)
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != n {
				t.Fatalf("%d records back, want %d", len(got), n)
			}
			for i, id := range got {
				if id != uint64((i+1)*tc.stride) {
					t.Fatalf("record %d has id %d", i, id)
				}
			}
			if len(warned) != tc.warns {
				t.Errorf("warnings %q, want %d", warned, tc.warns)
			}
			if tc.warns == 0 && tc.max < n && len(s.runs) == 0 {
				t.Error("nothing was spilled")
			}
		})
	}
}

// manyConns is n short connections from distinct clients, a few with a
// retransmission (for the sequence-analysis table), spread over two days
// and ending out of order (some stay open until the end of the input).
func manyConns(n int) []segment.Segment {
	S, A, F := segment.SYN, segment.ACK, segment.FIN
	var segs []segment.Segment
	base := time.Date(2026, 11, 22, 23, 59, 0, 0, time.UTC)
	for i := range n {
		c := netip.AddrPortFrom(netip.AddrFrom4([4]byte{10, 0, byte(i >> 8), byte(i)}), uint16(30000+i))
		s := netip.MustParseAddrPort("192.0.2.1:443")
		at := base.Add(time.Duration(i) * 500 * time.Millisecond)
		mk := func(ms int, fromClient bool, flags segment.Flags, seq, ack uint32, plen int) {
			src, dst := c, s
			if !fromClient {
				src, dst = s, c
			}
			segs = append(segs, segment.Segment{Time: at.Add(time.Duration(ms) * time.Millisecond), Src: src.Addr(), Dst: dst.Addr(),
				SrcPort: src.Port(), DstPort: dst.Port(), Seq: seqnum.Value(seq), Ack: seqnum.Value(ack), Flags: flags, PayloadLen: plen, Window: 100})
		}
		mk(0, true, S, 100, 0, 0)
		mk(1, false, S|A, 900, 101, 0)
		mk(2, true, A, 101, 901, 0)
		mk(3, true, A, 101, 901, 10)
		if i%5 == 0 {
			mk(4, true, A, 101, 901, 10) // retransmission
		}
		if i%3 != 0 {
			mk(5, true, F|A, 111, 901, 0)
			mk(6, false, F|A, 901, 112, 0)
			mk(7, true, A, 112, 902, 0)
		}
	}
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
	}
	return segs
}

// TestTextSpill: a table spilled in runs of a few rows prints exactly
// what one kept in memory prints.
func TestTextSpill(t *testing.T) {
	segs := manyConns(300)
	for _, wide := range []bool{false, true} {
		print := func(memRows int) string {
			var out bytes.Buffer
			p := newText(&out, Options{Wide: wide}, memRows)
			feed(p, segs)
			if err := p.Close(Summary{}); err != nil {
				t.Fatal(err)
			}
			return out.String()
		}
		mem, spilled := print(1<<20), print(7)
		if mem != spilled {
			t.Errorf("wide=%v: spilled table differs:\n%s", wide, diff(mem, spilled))
		}
		if !strings.Contains(mem, "\nc300 ") || !strings.Contains(mem, "sequence analysis") {
			t.Errorf("wide=%v: table incomplete:\n%s", wide, mem)
		}
	}
}

func diff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(al), len(bl))
}

// TestTableDays: the compact table shows the date in its first column
// only when connections began on different days; the wide one always
// shows dates on both times.
func TestTableDays(t *testing.T) {
	table := func(segs []segment.Segment, opts Options) string {
		var out bytes.Buffer
		p := NewText(&out, opts)
		feed(p, segs)
		p.Close(Summary{})
		s := out.String()
		return s[strings.Index(s, "\nconnections:"):]
	}
	one := table(session(), Options{})
	for _, want := range []string{
		"times in UTC, every connection began on 2026-11-22; pkts and bytes client>server/server>client\n",
		"conn  client           server         first     dur     pkts  bytes  cli state  srv state  zeek  ended\n",
		"c1    [fd00::1]:40000  [fd00::2]:443  12:00:00  0.006s  5/2   10/0   CLOSED     CLOSED     SF    closed by client\n",
		"c2    [fd00::1]:40001  [fd00::2]:443  12:01:01  0.000s  1/0   0/0    CLOSED*    CLOSED*    OTH   RST by client\n",
	} {
		if !strings.Contains(one, want) {
			t.Errorf("table lacks %q:\n%s", want, one)
		}
	}
	two := table(manyConns(300), Options{})
	for _, want := range []string{
		"times in UTC; pkts and bytes client>server/server>client\n",
		"conn  client            server         first                dur     pkts  bytes  cli state    srv state    zeek  ended\n",
		"\nc1    10.0.0.0:30000    192.0.2.1:443  2026-11-22 23:59:00  0.004s  4/1   20/0   ESTABLISHED  ESTABLISHED  S1    open\n",
		"\nc300  10.0.1.43:30299   192.0.2.1:443  2026-11-23 00:01:29  0.007s  5/2   10/0   TIME-WAIT    CLOSED       SF    closed by client\n",
	} {
		if !strings.Contains(two, want) {
			t.Errorf("table lacks %q:\n%s", want, two)
		}
	}
	wide := table(session(), Options{Wide: true})
	for _, want := range []string{
		"times in UTC\n",
		"conn  uid                 client           server         first                       last                        duration   pkts c>s  bytes c>s  pkts s>c  bytes s>c  client state  server state  zeek  ended\n",
		"c1    C084IKPxRcju74ADzC  [fd00::1]:40000  [fd00::2]:443  2026-11-22 12:00:00.000000  2026-11-22 12:00:00.006000  0.006000s  5         10         2         0          CLOSED        CLOSED        SF    closed by client\n",
		"c2    C0EuCRZvYht2WjP8Xn  [fd00::1]:40001  [fd00::2]:443  2026-11-22 12:01:01.000000  2026-11-22 12:01:01.000000  0.000000s  1         0          0         0          CLOSED*       CLOSED*       OTH   aborted by client RST\n",
	} {
		if !strings.Contains(wide, want) {
			t.Errorf("wide table lacks %q:\n%s", want, wide)
		}
	}
}

// TestTimeFormats: the transcript's time in each of tcpdump's -t formats.
func TestTimeFormats(t *testing.T) {
	for _, tc := range []struct {
		f     TimeFormat
		lines []string // the start of the first three lines and of the timer line
	}{
		{TimeOfDay, []string{"12:00:00.000000 c1 #1 ", "12:00:00.001000 c1 #2 ", "12:00:00.002000 c1 #3 ", "12:01:00.006000 c1 (timer)"}},
		{TimeNone, []string{"c1 #1 ", "c1 #2 ", "c1 #3 ", "c1 (timer)"}},
		{TimeEpoch, []string{"1795348800.000000 c1 #1 ", "1795348800.001000 c1 #2 ", "1795348800.002000 c1 #3 ", "1795348860.006000 c1 (timer)"}},
		{TimeDelta, []string{"00:00:00.000000 c1 #1 ", "00:00:00.001000 c1 #2 ", "00:00:00.001000 c1 #3 ", "00:01:00.000000 c1 (timer)"}},
		{TimeDate, []string{"2026-11-22 12:00:00.000000 c1 #1 ", "2026-11-22 12:00:00.001000 c1 #2 ", "2026-11-22 12:00:00.002000 c1 #3 ", "2026-11-22 12:01:00.006000 c1 (timer)"}},
		{TimeSinceFirst, []string{"00:00:00.000000 c1 #1 ", "00:00:00.001000 c1 #2 ", "00:00:00.002000 c1 #3 ", "00:01:00.006000 c1 (timer)"}},
	} {
		var out bytes.Buffer
		p := NewText(&out, Options{Time: tc.f})
		feed(p, session())
		p.Close(Summary{})
		lines := strings.Split(out.String(), "\n")
		var timer string
		for _, l := range lines {
			if strings.Contains(l, "(timer)") {
				timer = l
			}
		}
		got := append(lines[:3:3], timer)
		for i, want := range tc.lines {
			if !strings.HasPrefix(got[i], want) {
				t.Errorf("format %d line %d = %q; want it to begin %q", tc.f, i, got[i], want)
			}
		}
	}
	for n, want := range []TimeFormat{TimeOfDay, TimeNone, TimeEpoch, TimeDelta, TimeDate, TimeSinceFirst} {
		if f, ok := TimeFormatOf(n); !ok || f != want {
			t.Errorf("TimeFormatOf(%d) = %v, %v", n, f, ok)
		}
	}
	if _, ok := TimeFormatOf(MaxTimeCount + 1); ok {
		t.Error("six -t accepted")
	}
}

// TestLocalZone: times in a named zone, across a DST change, and the
// table's note naming both zones.
func TestLocalZone(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	// 2026-03-08 02:00 EST is 03:00 EDT (07:00 UTC).
	segs := session()
	shift := time.Date(2026, 3, 8, 6, 59, 59, 999000000, time.UTC).Sub(t0)
	for i := range segs {
		segs[i].Time = segs[i].Time.Add(shift)
	}
	var out bytes.Buffer
	p := NewText(&out, Options{Location: ny, Time: TimeDate})
	feed(p, segs)
	p.Close(Summary{})
	s := out.String()
	for _, want := range []string{
		"2026-03-08 01:59:59.999000 c1 #1 ",
		"2026-03-08 03:00:00.000000 c1 #2 ",
		"2026-03-08 03:01:00.005000 c1 (timer)",
		"times in America/New_York (EST, UTC-05:00; EDT, UTC-04:00), every connection began on 2026-03-08;",
		"\nc1    [fd00::1]:40000  [fd00::2]:443  01:59:59  0.006s ",
		"\nc2    [fd00::1]:40001  [fd00::2]:443  03:01:00  0.000s ",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	// time.Local is a different *Location: it is called local time.
	c := newClock(time.FixedZone("CET", 3600))
	c.wall(t0)
	if got := string(c.appendZones(nil)); got != "CET (CET, UTC+01:00)" {
		t.Errorf("zones %q", got)
	}
}

func TestClockFormats(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		us := r.Int64N(2e17) - 1e17 // ±3000 years around 1970
		tm := time.UnixMicro(us).UTC()
		if tm.Year() < 0 || tm.Year() > 9999 {
			continue
		}
		if got, want := string(appendDate(nil, us)), tm.Format("2006-01-02"); got != want {
			t.Fatalf("appendDate(%d) = %s; want %s", us, got, want)
		}
		if got, want := string(appendTOD(nil, us)), tm.Format("15:04:05.000000"); got != want {
			t.Fatalf("appendTOD(%d) = %s; want %s", us, got, want)
		}
	}
	for _, tc := range []struct {
		d           time.Duration
		delta, comp string
	}{
		{0, "00:00:00.000000", "0.000s"},
		{1688 * time.Microsecond, "00:00:00.001688", "0.001s"},
		{-1500 * time.Millisecond, "-00:00:01.500000", "-1.500s"},
		{59*time.Second + 999999*time.Microsecond, "00:00:59.999999", "59.999s"},
		{12*time.Minute + 5*time.Second, "00:12:05.000000", "12m05s"},
		{3*time.Hour + 4*time.Minute + 5*time.Second, "03:04:05.000000", "3h04m"},
		{123 * time.Hour, "123:00:00.000000", "123h00m"},
	} {
		if got := string(appendDelta(nil, tc.d.Microseconds())); got != tc.delta {
			t.Errorf("appendDelta(%v) = %s; want %s", tc.d, got, tc.delta)
		}
		if got := string(appendDuration(nil, tc.d)); got != tc.comp {
			t.Errorf("appendDuration(%v) = %s; want %s", tc.d, got, tc.comp)
		}
	}
	for n, want := range map[uint64]string{0: "0", 99999: "99999", 100000: "100k", 999999: "999k", 1234567: "1.2M",
		12345678: "12M", 9_999_999_999: "9.9G", 1 << 62: "4.6E"} {
		if got := string(appendCount(nil, n)); got != want {
			t.Errorf("appendCount(%d) = %s; want %s", n, got, want)
		}
	}
}

// TestNoAllocsFormats: no time format, in UTC or a zone with DST,
// allocates per printed packet.
func TestNoAllocsFormats(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	segs := session()[:4]
	for _, loc := range []*time.Location{time.UTC, ny} {
		for f := TimeOfDay; f <= TimeSinceFirst; f++ {
			tr := tracker.New(tracker.Config{}, NewText(io.Discard, Options{Verbose: true, Location: loc, Time: f}))
			for i := range segs {
				tr.Handle(&segs[i])
			}
			data := segs[3]
			n := testing.AllocsPerRun(1000, func() {
				data.Seq += 10
				data.Ack++
				data.Time = data.Time.Add(time.Millisecond)
				tr.Handle(&data)
			})
			if n != 0 {
				t.Errorf("%v format %d: %v allocs per packet; want 0", loc, f, n)
			}
		}
	}
}

// TestSpillFails: without a usable temporary directory the tables stay
// in memory, the output is the same, and the warning comes once.
func TestSpillFails(t *testing.T) {
	segs := manyConns(100)
	var want, got bytes.Buffer
	p := newText(&want, Options{}, 1<<20)
	feed(p, segs)
	p.Close(Summary{})
	var warned []string
	p = newText(&got, Options{TempDir: filepath.Join(t.TempDir(), "missing"), Warn: func(m string) { warned = append(warned, m) }}, 3)
	feed(p, segs)
	if err := p.Close(Summary{}); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("output differs:\n%s", diff(want.String(), got.String()))
	}
	if len(warned) != 1 || !strings.HasPrefix(warned[0], "cannot spill the table to a temporary file, keeping it in memory: ") {
		t.Errorf("warnings %q", warned)
	}
}

// TestSpillCleanup: the temporary file is unlinked as soon as it exists.
func TestSpillCleanup(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	p := newText(&out, Options{TempDir: dir}, 4)
	feed(p, manyConns(50))
	ents, _ := os.ReadDir(dir)
	if len(ents) != 0 {
		t.Errorf("%d files left in the temporary directory", len(ents))
	}
	if p.conns.f == nil {
		t.Error("nothing was spilled")
	}
	if err := p.Close(Summary{}); err != nil {
		t.Fatal(err)
	}
	if p.conns.f != nil {
		t.Error("the file is still open after Close")
	}
}

// TestSpoolMemBytes: the text table's rows in memory stay within
// MemBytes (and a row) whatever their number: the buffer grows to the
// bound and no further, and the rows beyond it are spilled.
func TestSpoolMemBytes(t *testing.T) {
	s := newSpool(MemRows, "", nil)
	defer s.close()
	row := bytes.Repeat([]byte("x"), 150) // a compact IPv4 row's size
	const n = 20_000                      // about 3 MB of rows
	for i := range n {
		s.add(uint64(i), row)
		if c := cap(s.mem); c > MemBytes+8<<10 {
			t.Fatalf("after %d rows the buffer holds %d bytes, above MemBytes (%d) and a row", i+1, c, MemBytes)
		}
	}
	if len(s.runs) < n*len(row)/MemBytes-1 {
		t.Errorf("%d runs spilled for %d bytes of rows, want about %d", len(s.runs), n*len(row), n*len(row)/MemBytes)
	}
	i := 0
	if err := s.each(func(id uint64, rec []byte) {
		if id != uint64(i) || !bytes.Equal(rec, row) {
			t.Fatalf("record %d: id %d, %d bytes", i, id, len(rec))
		}
		i++
	}); err != nil || i != n {
		t.Fatalf("each: %v, %d records, want %d", err, i, n)
	}
}
