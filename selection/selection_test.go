package selection

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

var t0 = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

// seg builds a segment literal at ms milliseconds from a to b.
func seg(ms int, a, b, flags string, sq, ack uint32, n int) segment.Segment {
	f, ok := segment.ParseFlags(flags)
	if !ok {
		panic("bad flags " + flags)
	}
	src, dst := netip.MustParseAddrPort(a), netip.MustParseAddrPort(b)
	return segment.Segment{
		Time: t0.Add(time.Duration(ms) * time.Millisecond),
		Src:  src.Addr(), Dst: dst.Addr(), SrcPort: src.Port(), DstPort: dst.Port(),
		Seq: seqnum.Value(sq), Ack: seqnum.Value(ack), Flags: f, PayloadLen: n, Window: 64000,
	}
}

// scenario is four connections, numbered in this order by the tracker:
//
//	c1 10.0.0.1:40000 > 10.0.0.2:80   0–61 ms, client closes, server stuck in CLOSE-WAIT
//	c2 10.0.0.1:40001 > 10.0.0.2:443  1 s, refused (REJ)
//	c3 10.0.0.3:50000 > 10.0.0.2:80   2.5 s, unanswered SYN (S0), still SYN-SENT at the end
//	c4 10.0.0.1:40002 > 10.0.0.2:22   3 s–3.1 s, closed by client (SF)
func scenario() []segment.Segment {
	const (
		c1, s80  = "10.0.0.1:40000", "10.0.0.2:80"
		c2, s443 = "10.0.0.1:40001", "10.0.0.2:443"
		c3       = "10.0.0.3:50000"
		c4, s22  = "10.0.0.1:40002", "10.0.0.2:22"
	)
	segs := []segment.Segment{
		seg(0, c1, s80, "S", 100, 0, 0),
		seg(1, s80, c1, "S.", 300, 101, 0),
		seg(2, c1, s80, ".", 101, 301, 0),
		seg(10, c1, s80, "P.", 101, 301, 10),
		seg(11, s80, c1, ".", 301, 111, 0),
		seg(60, c1, s80, "F.", 111, 301, 0),
		seg(61, s80, c1, ".", 301, 112, 0),
		seg(1000, c2, s443, "S", 500, 0, 0),
		seg(1001, s443, c2, "R.", 0, 501, 0),
		seg(2500, c3, s80, "S", 700, 0, 0), // 0.6 s before the end: too soon to call it a SYN no socket sent
		seg(3000, c4, s22, "S", 100, 0, 0),
		seg(3001, s22, c4, "S.", 300, 101, 0),
		seg(3002, c4, s22, ".", 101, 301, 0),
		seg(3050, c4, s22, "F.", 101, 301, 0),
		seg(3051, s22, c4, "F.", 301, 102, 0),
		seg(3100, c4, s22, ".", 102, 302, 0),
	}
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
	}
	return segs
}

// log is a tracker.Observer that records what reaches it.
type log struct {
	pkts []string // "c1#3"
	done []uint64
	uids map[uint64]string
}

func (l *log) Packet(c *tracker.Conn, s *segment.Segment, _ tracker.Side, _ []tracker.Event) {
	l.pkts = append(l.pkts, fmt.Sprintf("c%d#%d", c.ID(), s.Pkt))
}
func (l *log) Events(*tracker.Conn, []tracker.Event) {}
func (l *log) Done(c *tracker.Conn) {
	l.done = append(l.done, c.ID())
	if l.uids == nil {
		l.uids = make(map[uint64]string)
	}
	l.uids[c.ID()] = c.UID().String()
}

func replay(obs tracker.Observer) {
	tr := tracker.New(tracker.Config{}, obs)
	for _, s := range scenario() {
		tr.Handle(&s)
	}
	tr.Flush()
}

// uidOf returns the uid of connection n in an unfiltered run.
func uidOf(n uint64) string {
	var l log
	replay(&l)
	return l.uids[n]
}

func TestSelect(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		done []uint64 // connections selected, in order of their end
		pkts string   // packets forwarded in two passes (one pass without end filters)
	}{
		{"nothing", Options{}, []uint64{1, 2, 3, 4}, ""},
		{"number", Options{Conns: []string{"c2"}}, []uint64{2}, "c2#8 c2#9"},
		{"uid", Options{Conns: []string{uidOf(3)}}, []uint64{3}, "c3#10"},
		{"uid or number", Options{Conns: []string{uidOf(3) + ",c2"}}, []uint64{2, 3}, "c2#8 c2#9 c3#10"},
		{"port", Options{Ports: []string{"443"}}, []uint64{2}, "c2#8 c2#9"},
		{"ports repeated", Options{Ports: []string{"22", "443"}}, []uint64{2, 4}, ""},
		{"client port", Options{Ports: []string{"50000"}}, []uint64{3}, "c3#10"},
		{"state", Options{States: []string{"close-wait"}}, []uint64{1}, "c1#1 c1#2 c1#3 c1#4 c1#5 c1#6 c1#7"},
		{"state underscore", Options{States: []string{"SYN_SENT"}}, []uint64{3}, "c3#10"},
		{"states or", Options{States: []string{"TIME-WAIT,closing"}}, []uint64{4}, ""},
		{"conn-state", Options{ConnStates: []string{"rej"}}, []uint64{2}, "c2#8 c2#9"},
		{"conn-state S0 or SF", Options{ConnStates: []string{"S0", "sf"}}, []uint64{3, 4}, ""},
		{"ended refused", Options{Ended: []string{"refused"}}, []uint64{2}, ""},
		{"ended closed", Options{Ended: []string{"closed"}}, []uint64{4}, ""},
		{"ended part", Options{Ended: []string{"Initiated By Client"}}, []uint64{1}, ""},
		{"ended unanswered", Options{Ended: []string{"unanswered"}}, []uint64{3}, ""},
		{"ended reset", Options{Ended: []string{"reset"}}, nil, ""},
		{"since relative", Options{Since: "+1500ms"}, []uint64{3, 4}, ""},
		{"until relative, ends included", Options{Until: "+1s"}, []uint64{1, 2}, "c1#1 c1#2 c1#3 c1#4 c1#5 c1#6 c1#7 c2#8"},
		{"range inside a connection", Options{Since: "+50ms", Until: "+1000ms"}, []uint64{1, 2}, "c1#6 c1#7 c2#8"},
		{"since absolute", Options{Since: "2026-11-22T12:00:02Z"}, []uint64{3, 4}, ""},
		{"since local form", Options{Since: "2026-11-22 13:00:02", Loc: time.FixedZone("CET", 3600)}, []uint64{3, 4}, ""},
		{"AND", Options{Ports: []string{"80"}, States: []string{"CLOSE-WAIT"}}, []uint64{1}, ""},
		{"AND, none", Options{Ports: []string{"80"}, Ended: []string{"refused"}}, nil, ""},
		{"AND with time", Options{Ports: []string{"80"}, Since: "+1s"}, []uint64{3}, "c3#10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(tt.o)
			if err != nil {
				t.Fatal(err)
			}
			// One pass.
			var one log
			sel := NewSelect(f, &one)
			replay(sel)
			if !slices.Equal(one.done, tt.done) {
				t.Errorf("one pass: done %v; want %v", one.done, tt.done)
			}
			if sel.RecordsOnly != f.NeedsEnd() || (f.NeedsEnd() && len(one.pkts) > 0) {
				t.Errorf("one pass with end filters must print records only: RecordsOnly %v, packets %v", sel.RecordsOnly, one.pkts)
			}
			// Two passes.
			col := NewCollect(f)
			replay(col)
			var two log
			replay(NewReplay(f, col.IDs(), &two))
			if !slices.Equal(two.done, tt.done) || col.IDs().Len() != len(tt.done) {
				t.Errorf("two passes: done %v (collected %d); want %v", two.done, col.IDs().Len(), tt.done)
			}
			if tt.pkts != "" {
				if got := strings.Join(two.pkts, " "); got != tt.pkts {
					t.Errorf("two passes forwarded %s; want %s", got, tt.pkts)
				}
				if !f.NeedsEnd() {
					if got := strings.Join(one.pkts, " "); got != tt.pkts {
						t.Errorf("one pass forwarded %s; want %s", got, tt.pkts)
					}
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		o   Options
		msg string
	}{
		{Options{Conns: []string{"42"}}, `--conn: "42" is neither a uid`},
		{Options{Conns: []string{"c0"}}, `--conn: "c0" is neither`},
		{Options{Conns: []string{"C1234567890abcdef!"}}, `--conn: "C1234567890abcdef!" is neither`},
		{Options{States: []string{"CLOSEDWAIT"}}, `--state: unknown state "CLOSEDWAIT"; valid: UNKNOWN, CLOSED, LISTEN, SYN-SENT, SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT`},
		{Options{ConnStates: []string{"S4"}}, `--conn-state: unknown Zeek conn_state "S4"; valid: S0, S1, SF, REJ,`},
		{Options{Ended: []string{"exploded"}}, `--ended: unknown ending "exploded"; give closed, closing, refused`},
		{Options{Ended: []string{""}}, `--ended: unknown ending ""`},
		{Options{Ports: []string{"65536"}}, `--port: bad port "65536"`},
		{Options{Since: "yesterday"}, `--since: bad time "yesterday": give RFC 3339`},
		{Options{Until: "+-3s"}, `--until: bad time "+-3s"`},
		{Options{Since: "2026-11-22 25:00:00"}, `--since: bad time`},
		{Options{Since: "+2m", Until: "+1m"}, `--until: "+1m" is before --since "+2m"`},
		{Options{Since: "2026-11-22T12:00:02Z", Until: "2026-11-22T12:00:01Z"}, `--until: "2026-11-22T12:00:01Z" is before`},
	}
	for _, tt := range tests {
		_, err := Parse(tt.o)
		if err == nil || !strings.HasPrefix(err.Error(), tt.msg) {
			t.Errorf("Parse(%+v) = %v; want %q…", tt.o, err, tt.msg)
		}
	}
}

func TestActive(t *testing.T) {
	for _, tt := range []struct {
		o                        Options
		active, byConn, needsEnd bool
	}{
		{Options{}, false, false, false},
		{Options{Conns: []string{"c1"}}, true, true, false},
		{Options{Ports: []string{"80"}}, true, false, false},
		{Options{Until: "+1s"}, true, false, false},
		{Options{States: []string{"CLOSED"}}, true, false, true},
		{Options{ConnStates: []string{"SF"}}, true, false, true},
		{Options{Ended: []string{"open"}}, true, false, true},
	} {
		f, err := Parse(tt.o)
		if err != nil {
			t.Fatal(err)
		}
		if f.Active() != tt.active || f.ByConn() != tt.byConn || f.NeedsEnd() != tt.needsEnd {
			t.Errorf("%+v: Active %v ByConn %v NeedsEnd %v; want %v %v %v", tt.o, f.Active(), f.ByConn(), f.NeedsEnd(), tt.active, tt.byConn, tt.needsEnd)
		}
	}
}

type nop struct{}

func (nop) Packet(*tracker.Conn, *segment.Segment, tracker.Side, []tracker.Event) {}
func (nop) Events(*tracker.Conn, []tracker.Event)                                 {}
func (nop) Done(*tracker.Conn)                                                    {}

// TestSelectNoAllocs: choosing a packet costs no allocation, whatever the
// filters.
func TestSelectNoAllocs(t *testing.T) {
	f, err := Parse(Options{Conns: []string{"c1", uidOf(1)}, Ports: []string{"80"}, Since: "+0s", Until: "+1h"})
	if err != nil {
		t.Fatal(err)
	}
	tr := tracker.New(tracker.Config{}, NewSelect(f, nop{}))
	segs := scenario()
	for i := range 5 {
		tr.Handle(&segs[i])
	}
	ack := segs[4]
	ms := 20
	if n := testing.AllocsPerRun(1000, func() {
		ms++
		ack.Time = t0.Add(time.Duration(ms) * time.Millisecond)
		tr.Handle(&ack)
	}); n != 0 {
		t.Errorf("a selected packet allocates %v times", n)
	}
}

// frames is a capture.Source yielding the same Ethernet frame forever.
type frames struct{ data []byte }

func (f *frames) ReadFrame() ([]byte, capture.FrameInfo, capture.LinkType, error) {
	return f.data, capture.FrameInfo{Timestamp: t0, CaptureLength: len(f.data), Length: len(f.data)}, capture.LinkEthernet, nil
}
func (f *frames) Close() error { return nil }

type discard struct{}

func (discard) Write(b []byte) (int, error) { return len(b), nil }
func (discard) Close() error                { return nil }

// TestFrameWriter: the frame written is the one the segment came from;
// a packet of a connection already written allocates nothing.
func TestFrameWriter(t *testing.T) {
	lf := capture.NewLastFrame(&frames{data: make([]byte, 66)})
	pw, err := capture.NewPcapWriter(discard{}, capture.LinkEthernet, 256)
	if err != nil {
		t.Fatal(err)
	}
	fw := NewFrameWriter(pw, lf)
	f, _ := Parse(Options{Ports: []string{"80"}})
	sel := NewSelect(f, nop{})
	sel.Tap = fw
	tr := tracker.New(tracker.Config{}, sel)
	segs := scenario()
	handle := func(s *segment.Segment) {
		_, _, _, _ = lf.ReadFrame()
		_, _, _, s.Pkt = lf.Frame()
		tr.Handle(s)
	}
	for i := range segs {
		handle(&segs[i])
	}
	if fw.Err() != nil || pw.Packets() != 8 {
		t.Fatalf("wrote %d packets (%v); want c1's 7 and c3's 1", pw.Packets(), fw.Err())
	}
	if got, want := fw.Report(), "wrote 8 packets of 2 connections ("+uidOf(1)+", "+uidOf(3)+")"; got != want {
		t.Errorf("Report() = %q; want %q", got, want)
	}
	ack := segs[6] // c1's last ACK, again and again
	ms := 100
	if n := testing.AllocsPerRun(1000, func() {
		ms++
		ack.Time = t0.Add(time.Duration(ms) * time.Millisecond)
		handle(&ack)
	}); n != 0 {
		t.Errorf("writing a packet allocates %v times", n)
	}
	// A segment whose frame is not the latest one is an error, not a
	// wrong frame.
	s := segs[6]
	s.Pkt = 1
	s.Time = t0.Add(time.Hour)
	s.PayloadLen = 1 // with data: a bare ACK alone on a 4-tuple waits as a possible probe
	tr.Handle(&s)
	if fw.Err() == nil {
		t.Error("a segment without its frame was written")
	}
}

// icmpLog is a log that hears ICMP errors.
type icmpLog struct {
	log
	icmp []string
}

func (l *icmpLog) ICMP(e *tracker.ICMPError) {
	l.icmp = append(l.icmp, fmt.Sprintf("c%d#%d", e.Conn.ID(), e.Pkt))
}

// TestSelectICMP: an ICMP error about a chosen connection is forwarded,
// one about another is not.
func TestSelectICMP(t *testing.T) {
	f, err := Parse(Options{Ports: []string{"80"}})
	if err != nil {
		t.Fatal(err)
	}
	var l icmpLog
	tr := tracker.New(tracker.Config{}, NewSelect(f, &l))
	router := netip.MustParseAddr("10.0.0.254")
	for i, s := range []segment.Segment{
		seg(0, "10.0.0.1:40000", "10.0.0.2:80", "S", 100, 0, 0),
		seg(1, "10.0.0.1:40000", "10.0.0.2:80", "none", 100, 0, 0),
		seg(2, "10.0.0.1:40001", "10.0.0.2:443", "S", 500, 0, 0),
		seg(3, "10.0.0.1:40001", "10.0.0.2:443", "none", 500, 0, 0),
	} {
		s.Pkt = uint64(i + 1)
		if i%2 == 1 {
			s.Kind = segment.ICMPError
			s.ICMP = segment.ICMP{From: router, Type: 3, Code: 13, Proto: segment.ProtoTCP}
		}
		tr.Handle(&s)
	}
	tr.Flush()
	if got := strings.Join(l.icmp, " "); got != "c1#2" {
		t.Errorf("forwarded ICMP errors %q; want c1#2", got)
	}
}
