package findings

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// recorder is a Sink that keeps what it is told, one line each:
// "fired KIND SUBJECT #PKT" and "ended KIND SUBJECT".
type recorder struct {
	lines []string
	ended []*Finding
}

func (r *recorder) Fired(f *Finding) {
	r.lines = append(r.lines, fmt.Sprintf("fired %s %s #%d", f.Kind, f.Subject, f.FirePkt))
}

func (r *recorder) Ended(f *Finding) {
	r.lines = append(r.lines, fmt.Sprintf("ended %s %s", f.Kind, f.Subject))
	r.ended = append(r.ended, f)
}

// nop is a tracker.Observer that does nothing: the printer's place.
type nop struct{}

func (nop) Packet(*tracker.Conn, *segment.Segment, tracker.Side, []tracker.Event) {}
func (nop) Events(*tracker.Conn, []tracker.Event)                                 {}
func (nop) Done(*tracker.Conn)                                                    {}

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// sg returns a segment at ms milliseconds from src to dst ("10.0.0.1:4000")
// with flags as tcpdump writes them ("S", "S.", "R.", "F", "none").
func sg(ms float64, src, dst, flags string, seq, ack uint32, payload int) segment.Segment {
	s, d := netip.MustParseAddrPort(src), netip.MustParseAddrPort(dst)
	var f segment.Flags
	if flags != "none" {
		for _, c := range flags {
			f |= map[rune]segment.Flags{'S': segment.SYN, 'F': segment.FIN, 'R': segment.RST, 'P': segment.PSH,
				'.': segment.ACK, 'U': segment.URG}[c]
		}
	}
	return segment.Segment{
		Time: t0.Add(time.Duration(ms * float64(time.Millisecond))),
		Src:  s.Addr(), Dst: d.Addr(), SrcPort: s.Port(), DstPort: d.Port(),
		Seq: seqnum.Value(seq), Ack: seqnum.Value(ack), Flags: f, Window: 65535, PayloadLen: payload,
		IPLen: 40 + payload, TTL: 64,
	}
}

// replay runs segs through a tracker and an engine with cfg, numbering
// packets from 1, and returns the sink's lines.
func replay(cfg Config, segs []segment.Segment) *recorder {
	r := &recorder{}
	e := New(cfg, r)
	tr := tracker.New(tracker.Config{}, Chain(nop{}, e))
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
		tr.Handle(&segs[i])
	}
	tr.Flush()
	e.Close()
	return r
}

// flood returns n SYNs from distinct spoofed sources to 10.0.0.2:80,
// each answered by a SYN-ACK and never again, 0.1 ms apart.
func flood(n int, startMs float64) []segment.Segment {
	var segs []segment.Segment
	for i := range n {
		src := fmt.Sprintf("10.9.%d.%d:%d", i/250, i%250+1, 10000+i)
		ms := startMs + float64(i)*0.1
		segs = append(segs, sg(ms, src, "10.0.0.2:80", "S", 1000, 0, 0), sg(ms+0.01, "10.0.0.2:80", src, "S.", 5000, 1001, 0))
	}
	return segs
}

// handshake returns a complete connection with data and a close.
func handshake(ms float64, cli string) []segment.Segment {
	srv := "10.0.0.2:80"
	return []segment.Segment{
		sg(ms, cli, srv, "S", 100, 0, 0), sg(ms+1, srv, cli, "S.", 500, 101, 0), sg(ms+2, cli, srv, ".", 101, 501, 0),
		sg(ms+3, cli, srv, "P.", 101, 501, 10), sg(ms+4, srv, cli, "P.", 501, 111, 10),
		sg(ms+5, cli, srv, "F.", 111, 511, 0), sg(ms+6, srv, cli, "F.", 511, 112, 0), sg(ms+7, cli, srv, ".", 112, 512, 0),
	}
}

func TestDetectors(t *testing.T) {
	scanSYN := func(n int) []segment.Segment {
		var segs []segment.Segment
		for i := range n {
			dst := fmt.Sprintf("10.0.0.2:%d", i+1)
			segs = append(segs, sg(float64(i), "10.0.0.1:40000", dst, "S", 7, 0, 0), sg(float64(i)+0.1, dst, "10.0.0.1:40000", "R.", 0, 8, 0))
		}
		return segs
	}
	scanFIN := func(n int) []segment.Segment {
		var segs []segment.Segment
		for i := range n {
			dst := fmt.Sprintf("10.0.0.%d:80", i+2)
			segs = append(segs, sg(float64(i), "10.0.0.1:40000", dst, "F", 7, 0, 0))
		}
		return segs
	}
	var busy []segment.Segment
	for i := range 300 {
		busy = append(busy, handshake(float64(i)*2, fmt.Sprintf("10.1.%d.%d:%d", i/200, i%200+1, 30000+i))...)
	}
	slices.SortStableFunc(busy, func(a, b segment.Segment) int { return a.Time.Compare(b.Time) })
	tests := []struct {
		name string
		cfg  Config
		segs []segment.Segment
		want string
	}{
		{"flood of 150 spoofed SYNs", Config{}, flood(150, 0), "fired syn-flood 10.0.0.2:80 #199; ended syn-flood 10.0.0.2:80"},
		{"99 spoofed SYNs stay below the threshold", Config{}, flood(99, 0), ""},
		{"lower threshold", Config{SynFloodHalfOpen: 50}, flood(99, 0), "fired syn-flood 10.0.0.2:80 #99; ended syn-flood 10.0.0.2:80"},
		{"SYNs spread wider than the window", Config{SynFloodWindow: time.Millisecond}, flood(150, 0), ""},
		{"300 completed handshakes are no flood", Config{}, busy, ""},
		{"SYN scan of 25 ports", Config{}, scanSYN(25), "fired port-scan 10.0.0.1 #50; ended port-scan 10.0.0.1"},
		{"SYN scan of 19 ports", Config{}, scanSYN(19), ""},
		{"FIN scan of 25 hosts", Config{}, scanFIN(25), "fired port-scan 10.0.0.1 #20; ended port-scan 10.0.0.1"},
		{"one SYN+FIN", Config{}, []segment.Segment{sg(0, "10.0.0.1:40000", "10.0.0.2:80", "SF", 7, 0, 0)},
			"fired os-fingerprint 10.0.0.1 #1; ended os-fingerprint 10.0.0.1"},
		{"Xmas to a closed port", Config{}, []segment.Segment{sg(0, "10.0.0.1:40000", "10.0.0.2:80", "FPU", 7, 0, 0), sg(1, "10.0.0.2:80", "10.0.0.1:40000", "R.", 0, 8, 0)},
			"fired os-fingerprint 10.0.0.1 #2; ended os-fingerprint 10.0.0.1"},
		{"data on a SYN refused", Config{}, []segment.Segment{sg(0, "10.0.0.1:40000", "10.0.0.2:81", "S", 7, 0, 20), sg(1, "10.0.0.2:81", "10.0.0.1:40000", "R.", 0, 28, 0)},
			"fired os-fingerprint 10.0.0.1 #2; ended os-fingerprint 10.0.0.1"},
		{"a bare FIN is no fingerprint", Config{FingerprintPackets: 1}, []segment.Segment{sg(0, "10.0.0.1:40000", "10.0.0.2:80", "F", 7, 0, 0)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := replay(tt.cfg, tt.segs)
			if got := strings.Join(r.lines, "; "); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSynFloodEvidence(t *testing.T) {
	segs := flood(150, 0)
	segs = append(segs, handshake(20, "10.0.0.1:40001")...)
	slices.SortStableFunc(segs, func(a, b segment.Segment) int { return a.Time.Compare(b.Time) })
	r := replay(Config{}, segs)
	if len(r.ended) != 1 {
		t.Fatalf("findings: %q", r.lines)
	}
	f := r.ended[0]
	ev := string(f.Evidence.JSON())
	for _, want := range []string{`"attempts":151`, `"half_open":150`, `"sources":151`, `"silent":150`, `"completed":1`, `"threshold":{"half_open":100,"window":"10s"}`} {
		if !strings.Contains(ev, want) {
			t.Errorf("evidence lacks %s: %s", want, ev)
		}
	}
	if !strings.Contains(f.Explanation, "1 client still completed its handshake") || !strings.Contains(f.Explanation, "spoofed") {
		t.Errorf("explanation: %s", f.Explanation)
	}
	if strings.Contains(f.Advice, "tw_recycle") {
		t.Errorf("advice: %s", f.Advice)
	}
	if f.FirstPkt != 1 || f.Severity != Alert {
		t.Errorf("first_pkt %d, severity %s", f.FirstPkt, f.Severity)
	}
}

func TestScanEvidence(t *testing.T) {
	var segs []segment.Segment
	for i := range 30 {
		dst := fmt.Sprintf("10.0.0.2:%d", i+1)
		switch {
		case i == 21:
			segs = append(segs, sg(float64(i), "10.0.0.1:40000", dst, "S", 7, 0, 0), sg(float64(i)+0.1, dst, "10.0.0.1:40000", "S.", 90, 8, 0),
				sg(float64(i)+0.2, "10.0.0.1:40000", dst, "R", 8, 0, 0))
		case i >= 25:
			segs = append(segs, sg(float64(i), "10.0.0.1:40000", dst, "S", 7, 0, 0)) // filtered
		default:
			segs = append(segs, sg(float64(i), "10.0.0.1:40000", dst, "S", 7, 0, 0), sg(float64(i)+0.1, dst, "10.0.0.1:40000", "R.", 0, 8, 0))
		}
	}
	r := replay(Config{}, segs)
	if len(r.ended) != 1 {
		t.Fatalf("findings: %q", r.lines)
	}
	f := r.ended[0]
	ev := string(f.Evidence.JSON())
	for _, want := range []string{`"targets":30`, `"shape":"vertical"`, `"answers":{"open":1,"closed":24,"filtered":5}`, `{"target":"10.0.0.2:22","probe":"SYN","answer":"open","pkt":43}`} {
		if !strings.Contains(ev, want) {
			t.Errorf("evidence lacks %s: %s", want, ev)
		}
	}
	if !strings.Contains(f.Explanation, "1 open (port 22)") || !strings.Contains(f.Explanation, "5 filtered (port 26-30)") {
		t.Errorf("explanation: %s", f.Explanation)
	}
}

func TestEpisodes(t *testing.T) {
	r := &recorder{}
	e := NewEngine(r, 0)
	a := &Finding{Kind: KindPortScan, Subject: "10.0.0.1"}
	if !e.Fire(a) || e.Fire(&Finding{Kind: KindPortScan, Subject: "10.0.0.1"}) {
		t.Fatal("a second finding of an open episode fired")
	}
	b := &Finding{Kind: KindPortScan, Subject: "10.0.0.3"}
	e.Fire(b)
	e.End(a)
	e.End(a)
	if !e.Fire(&Finding{Kind: KindPortScan, Subject: "10.0.0.1"}) {
		t.Error("a new episode after the end did not fire")
	}
	e.Close()
	want := "fired port-scan 10.0.0.1 #0; fired port-scan 10.0.0.3 #0; ended port-scan 10.0.0.1; fired port-scan 10.0.0.1 #0; ended port-scan 10.0.0.3; ended port-scan 10.0.0.1"
	if got := strings.Join(r.lines, "; "); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestEvidenceAndNumbers(t *testing.T) {
	var ev Evidence
	ev.Int("b", 2).Str("a", "x\"y").Strs("uids", []string{"C1"}).Threshold("half_open", 100, "window", 10*time.Second)
	if got, want := string(ev.JSON()), `{"b":2,"a":"x\"y","uids":["C1"],"threshold":{"half_open":100,"window":"10s"}}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	for n, want := range map[int64]string{0: "0", 999: "999", 1874: "1 874", 1234567: "1 234 567", -5000: "-5 000"} {
		if got := Num(n); got != want {
			t.Errorf("Num(%d) = %q, want %q", n, got, want)
		}
	}
	for d, want := range map[time.Duration]string{2100 * time.Millisecond: "2.1 s", 41 * time.Millisecond: "41 ms", 300 * time.Microsecond: "0.3 ms", 75 * time.Second: "75 s"} {
		if got := Seconds(d); got != want {
			t.Errorf("Seconds(%v) = %q, want %q", d, got, want)
		}
	}
	if got := Service(netip.MustParseAddrPort("[2001:db8::1]:8080")); got != "[2001:db8::1]:8080" {
		t.Errorf("Service: %s", got)
	}
}

func TestDistinct(t *testing.T) {
	var d distinct
	for i := range 5000 {
		d.add(netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}))
		d.add(netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}))
	}
	if n := d.count(); n < 4850 || n > 5150 {
		t.Errorf("count %d, want 5000 ± 3 %%", n)
	}
	var small distinct
	for i := range 200 {
		small.add(netip.AddrFrom4([4]byte{10, 0, byte(i >> 8), byte(i)}))
	}
	if small.count() != 200 {
		t.Errorf("small count %d, want exactly 200", small.count())
	}
}

// TestEngineAllocs: the engine with every detector allocates nothing
// per ordinary packet of an established connection.
func TestEngineAllocs(t *testing.T) {
	e := New(Config{}, &recorder{})
	tr := tracker.New(tracker.Config{}, Chain(nop{}, e))
	segs := handshake(0, "10.0.0.1:40000")[:3]
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
		tr.Handle(&segs[i])
	}
	a := sg(10, "10.0.0.1:40000", "10.0.0.2:80", "P.", 101, 501, 100)
	b := sg(10.5, "10.0.0.2:80", "10.0.0.1:40000", ".", 501, 201, 0)
	pkt := uint64(10)
	step := func() {
		a.Pkt, b.Pkt = pkt, pkt+1
		tr.Handle(&a)
		b.Ack = a.Seq.Add(100)
		b.Time = a.Time.Add(500 * time.Microsecond)
		tr.Handle(&b)
		a.Seq = b.Ack
		a.Time = a.Time.Add(time.Millisecond)
		pkt += 2
	}
	for range 100 {
		step()
	}
	if n := testing.AllocsPerRun(1000, step); n != 0 {
		t.Errorf("%.1f allocations per packet pair, want 0", n)
	}
}
