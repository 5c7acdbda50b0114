package printer

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

var t0 = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)

func seg(ms int, fromClient bool, flags segment.Flags, seq, ack uint32, n int) segment.Segment {
	c, s := netip.MustParseAddrPort("[fd00::1]:40000"), netip.MustParseAddrPort("[fd00::2]:443")
	if !fromClient {
		c, s = s, c
	}
	return segment.Segment{Time: t0.Add(time.Duration(ms) * time.Millisecond), Src: c.Addr(), Dst: s.Addr(),
		SrcPort: c.Port(), DstPort: s.Port(), Seq: seqnum.Value(seq), Ack: seqnum.Value(ack), Flags: flags, PayloadLen: n, Window: 100,
		IPLen: 40 + 20 + n}
}

// session is a handshake, data, a client close, and (after 61 s) a
// segment of another connection that expires the TIME-WAIT.
func session() []segment.Segment {
	S, A, F, P := segment.SYN, segment.ACK, segment.FIN, segment.PSH
	segs := []segment.Segment{
		seg(0, true, S, 100, 0, 0),
		seg(1, false, S|A, 900, 101, 0),
		seg(2, true, A, 101, 901, 0),
		seg(3, true, P|A, 101, 901, 10),
		seg(4, true, F|A, 111, 901, 0),
		seg(5, false, F|A, 901, 112, 0),
		seg(6, true, A, 112, 902, 0),
		seg(61000, true, segment.RST, 5000, 0, 0),
	}
	segs[7].SrcPort = 40001
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
	}
	return segs
}

func feed(obs tracker.Observer, segs []segment.Segment) {
	tr := tracker.New(tracker.Config{}, obs)
	for i := range segs {
		tr.Handle(&segs[i])
	}
	tr.Flush()
}

// TestJSONRecords checks that every line is one JSON object, that each
// record type carries its documented fields, and the order of records.
func TestJSONRecords(t *testing.T) {
	var out bytes.Buffer
	p := NewJSON(&out, Options{Verbose: true})
	feed(p, session())
	if err := p.Close(Summary{Frames: 9, TCP: 8, NonTCP: 1, Skipped: []Count{{Name: "truncated TCP header", N: 1}}}); err != nil {
		t.Fatal(err)
	}
	fields := map[string][]string{
		"packet":     {"type", "ts", "conn", "uid", "pkt", "side", "src", "dst", "flags", "seq", "win", "len", "in_flight", "class"},
		"transition": {"type", "ts", "conn", "uid", "pkt", "side", "from", "to", "reason", "inferred"},
		"phase":      {"type", "ts", "conn", "uid", "pkt", "phase"},
		"conn": {"type", "ts", "conn", "uid", "orig_h", "orig_p", "resp_h", "resp_p", "proto", "orig_state", "resp_state",
			"orig_inferred", "resp_inferred", "conn_state", "history", "orig_pkts", "resp_pkts",
			"orig_bytes", "resp_bytes", "orig_seq_bytes", "resp_seq_bytes", "orig_ip_bytes", "resp_ip_bytes",
			"duration", "midstream", "end"},
		"summary": {"type", "frames", "tcp", "non_tcp", "filtered", "skipped", "noted", "connections",
			"port_reuse", "idle_expired", "evicted", "states"},
	}
	var types []string
	for i, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%s", i+1, err, line)
		}
		typ, _ := rec["type"].(string)
		want, ok := fields[typ]
		if !ok {
			t.Fatalf("line %d: unknown type %q", i+1, typ)
		}
		for _, f := range want {
			if _, ok := rec[f]; !ok {
				t.Errorf("%s record lacks %q: %s", typ, f, line)
			}
		}
		if len(types) == 0 || types[len(types)-1] != typ {
			types = append(types, typ)
		}
		if typ == "conn" && rec["conn"].(float64) == 1 {
			if rec["orig_h"] != "fd00::1" || rec["resp_p"].(float64) != 443 || rec["conn_state"] != "SF" ||
				rec["history"] != "ShADFf" || rec["orig_state"] != "CLOSED" || rec["end"] != "closed by client" {
				t.Errorf("conn 1 record wrong: %s", line)
			}
		}
		if typ == "summary" {
			if rec["skipped"].(map[string]any)["truncated TCP header"].(float64) != 1 {
				t.Errorf("summary lost the skipped count: %s", line)
			}
			if st := rec["states"].(map[string]any); st["CLOSED"].(float64) != 4 {
				t.Errorf("summary states %v; want 4 CLOSED", st)
			}
		}
	}
	if !slices.Contains(types, "transition") || types[len(types)-1] != "summary" {
		t.Errorf("record order %v", types)
	}
	if !strings.Contains(out.String(), `"reason":"TIME-WAIT expired"`) {
		t.Error("no TIME-WAIT expiry record")
	}
}

func TestAppendJSONString(t *testing.T) {
	got := string(appendJSONString(nil, "a\"b\\c\n\x01é"))
	var back string
	if err := json.Unmarshal([]byte(got), &back); err != nil || back != "a\"b\\c\n\x01é" {
		t.Errorf("appendJSONString = %s (round trip %q, %v)", got, back, err)
	}
	// Byte for byte what escaping one byte at a time gives.
	ref := func(s string) string {
		b := []byte{'"'}
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c < 0x20:
				b = append(b, fmt.Sprintf("\\u%04x", c)...)
			default:
				b = append(b, c)
			}
		}
		return string(append(b, '"'))
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for _, s := range []string{"", "\"", "plain", "\x00", "end\\", "\x1f\x20\x7f\x80"} {
		if got, want := string(appendJSONString([]byte("x"), s)), "x"+ref(s); got != want {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
	// One byte of every value at every place of plain text (the
	// eight-byte scan's cases).
	for n := 1; n <= 20; n++ {
		for at := range n {
			for c := range 256 {
				b := []byte(strings.Repeat("Plain~ ", 3)[:n])
				b[at] = byte(c)
				if got, want := string(appendJSONString(nil, string(b))), ref(string(b)); got != want {
					t.Fatalf("appendJSONString(%q) = %s, want %s", b, got, want)
				}
			}
		}
	}
	for range 5000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = "ab\"\\\n\x01 é\x1f\x7fxyzw"[rng.IntN(15)]
		}
		if got, want := string(appendJSONString(nil, string(b))), ref(string(b)); got != want {
			t.Fatalf("appendJSONString(%q) = %s, want %s", b, got, want)
		}
	}
}

func TestClock(t *testing.T) {
	for _, ts := range []time.Time{
		time.Date(2026, 11, 22, 23, 59, 59, 999_999_999, time.UTC),
		time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 23, 0, 1, 5_000, time.UTC),
		time.Date(2026, 3, 1, 7, 8, 9, 123_456_000, time.FixedZone("x", 3600)),
	} {
		want := ts.UTC().Format("15:04:05.000000")
		if got := string(appendClock(nil, ts)); got != want {
			t.Errorf("appendClock(%v) = %s; want %s", ts, got, want)
		}
		want = ts.UTC().Format("2006-01-02 15:04:05.000000")
		if got := string(appendStamp(nil, ts)); got != want {
			t.Errorf("appendStamp(%v) = %s; want %s", ts, got, want)
		}
	}
}

func TestEpoch(t *testing.T) {
	ts := time.Date(2026, 11, 22, 12, 0, 0, 42_000, time.UTC)
	if got := string(appendEpoch(nil, ts)); got != "1795348800.000042" {
		t.Errorf("appendEpoch = %s", got)
	}
}

// TestText checks the transcript's shape: a line per state-changing
// packet, the timer line, the table and the histogram.
func TestText(t *testing.T) {
	var out bytes.Buffer
	p := NewText(&out, Options{})
	feed(p, session())
	p.Close(Summary{})
	s := out.String()
	for _, want := range []string{
		"12:00:00.000000 c1 #1 [fd00::1]:40000 > [fd00::2]:443 [S] seq 0 win 100 len 0  client CLOSED → SYN-SENT (sent SYN)\n",
		"12:00:00.002000 c1 #3 [fd00::1]:40000 > [fd00::2]:443 [.] seq 1 ack 1 win 100 len 0  client SYN-SENT → ESTABLISHED (rcvd SYN-ACK); server SYN-RECEIVED → ESTABLISHED (rcvd ACK of SYN); ⇒ handshake complete (RTT 2.000 ms)\n",
		"12:01:00.006000 c1 (timer)  client TIME-WAIT → CLOSED (TIME-WAIT expired)\n",
		"connections: 2\n",
		"final endpoint states (4 endpoints):\n  CLOSED        4\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("transcript lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "#4 ") {
		t.Errorf("a packet that changed nothing was printed without -v:\n%s", s)
	}
}

// TestNoAllocs: printing a packet allocates nothing once warmed up.
func TestNoAllocs(t *testing.T) {
	segs := session()[:4]
	for _, p := range []tracker.Observer{
		NewText(io.Discard, Options{Verbose: true}),
		NewJSON(io.Discard, Options{Verbose: true}),
		NewZeekLog(io.Discard),
		Tee(NewJSON(io.Discard, Options{Verbose: true}), NewZeekLog(io.Discard)),
	} {
		tr := tracker.New(tracker.Config{}, p)
		for i := range segs {
			tr.Handle(&segs[i])
		}
		data := segs[3]
		n := testing.AllocsPerRun(1000, func() {
			data.Seq += 10
			data.Ack++
			tr.Handle(&data)
		})
		if n != 0 {
			t.Errorf("%T: %v allocs per packet; want 0", p, n)
		}
		bad := data
		bad.BadChecksum = true
		n = testing.AllocsPerRun(1000, func() {
			bad.Seq += 10
			tr.Handle(&bad)
		})
		if n != 0 {
			t.Errorf("%T: %v allocs per bad-checksum packet; want 0", p, n)
		}
	}
}
