package tracker

import (
	"fmt"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// probeRecorder is a recorder that also hears probes.
type probeRecorder struct {
	recorder
	probes []string
}

func (r *probeRecorder) Probe(p *Probe) {
	ans := p.Answer
	if p.AnswerPkt != 0 {
		ans += fmt.Sprintf(" #%d", p.AnswerPkt)
	}
	r.probes = append(r.probes, fmt.Sprintf("#%d %s>%s [%s] %s x%d: %s: %s", p.Pkt, p.Prober, p.Target, p.Flags, p.Kind, p.Count, ans, p.Verdict))
}

func replayProbes(t *testing.T, segs ...segment.Segment) (*probeRecorder, Stats) {
	t.Helper()
	r := &probeRecorder{}
	tr := New(Config{}, r)
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
		tr.Handle(&segs[i])
	}
	tr.Flush()
	return r, tr.Stats()
}

func TestProbes(t *testing.T) {
	tests := []struct {
		name   string
		segs   []segment.Segment
		probes string
		done   string
	}{
		{
			name:   "FIN to a closed port",
			segs:   []segment.Segment{pkt(0, "c>s", "F", 1000, 0, 0), pkt(1, "s>c", "R.", 0, 1001, 0)},
			probes: "#1 10.0.0.1:40000>10.0.0.2:80 [F] no ACK x1: RST #2: closed",
		},
		{
			name:   "NULL to an open port, retried, never answered",
			segs:   []segment.Segment{pkt(0, "c>s", "none", 1000, 0, 0), pkt(1100, "c>s", "none", 9000, 0, 0)},
			probes: "#1 10.0.0.1:40000>10.0.0.2:80 [none] no ACK x2: none: open|filtered",
		},
		{
			name:   "Xmas",
			segs:   []segment.Segment{pkt(0, "c>s", "FPU", 1000, 0, 0)},
			probes: "#1 10.0.0.1:40000>10.0.0.2:80 [FPU] no ACK x1: none: open|filtered",
		},
		{
			name:   "SYN+FIN dropped by a listener",
			segs:   []segment.Segment{pkt(0, "c>s", "SF", 1000, 0, 0)},
			probes: "#1 10.0.0.1:40000>10.0.0.2:80 [SF] illegal flags x1: none: open|filtered",
		},
		{
			name:   "SYN+FIN answered with a SYN-ACK",
			segs:   []segment.Segment{pkt(0, "c>s", "SF", 1000, 0, 0), pkt(1, "s>c", "S.", 5000, 1001, 0)},
			probes: "#1 10.0.0.1:40000>10.0.0.2:80 [SF] illegal flags x1: SYN-ACK #2: open",
		},
		{
			name:   "FIN+RST without ACK",
			segs:   []segment.Segment{pkt(0, "c>s", "FR", 1000, 0, 0)},
			probes: "#1 10.0.0.1:40000>10.0.0.2:80 [FR] illegal flags x1: none: open|filtered",
		},
		{
			name:   "ACK scan, answered",
			segs:   []segment.Segment{pkt(0, "c>s", ".", 1000, 777, 0), pkt(1, "s>c", "R", 777, 0, 0)},
			probes: "#1 10.0.0.1:40000>10.0.0.2:80 [.] bare ACK x1: RST #2: unfiltered",
		},
		{
			name:   "ACK scan, filtered",
			segs:   []segment.Segment{pkt(0, "c>s", ".", 1000, 777, 0), pkt(1100, "c>s", ".", 1000, 888, 0)},
			probes: "#1 10.0.0.1:40000>10.0.0.2:80 [.] bare ACK x2: none: filtered",
		},
		{
			name: "a bare ACK, then data: a connection after all",
			segs: []segment.Segment{pkt(0, "c>s", ".", 1000, 5000, 0), pkt(1, "s>c", "P.", 5000, 1000, 10), pkt(2, "c>s", ".", 1000, 5010, 0)},
			done: "c1 10.0.0.1:40000 ESTABLISHED/ESTABLISHED OTH Ad open",
		},
		{
			name: "a bare ACK, then more from its sender: a connection",
			segs: []segment.Segment{pkt(0, "c>s", ".", 1000, 5000, 0), pkt(1, "c>s", "P.", 1000, 5000, 10)},
			done: "c1 10.0.0.1:40000 ESTABLISHED/ESTABLISHED OTH AD open",
		},
		{
			name: "a FIN+ACK is no probe",
			segs: []segment.Segment{pkt(0, "c>s", "F.", 1000, 5000, 0)},
			done: "c1 10.0.0.1:40000 FIN-WAIT-1/CLOSE-WAIT SH F closing, initiated by client",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, st := replayProbes(t, tt.segs...)
			expect(t, "probes", r.probes, tt.probes)
			expect(t, "done", r.done, tt.done)
			if st.Probes != uint64(len(r.probes)) {
				t.Errorf("Stats.Probes = %d; want %d", st.Probes, len(r.probes))
			}
		})
	}
}

// A bare ACK that turns out to open a connection keeps its packet number
// and its place: it is the connection's first packet.
func TestProbeHeldACKReplayed(t *testing.T) {
	r, _ := replayProbes(t, pkt(0, "c>s", ".", 1000, 5000, 0), pkt(1, "s>c", "P.", 5000, 1000, 10))
	expect(t, "transitions", r.lines, `
#1 c1 client UNKNOWN>ESTABLISHED: capture started mid-connection [inferred]
#1 c1 server UNKNOWN>ESTABLISHED: capture started mid-connection [inferred]`)
}

// An unanswered probe is decided when its wait ends on the capture
// clock, before later traffic, not only at the end of the input.
func TestProbeDecidedOnCaptureClock(t *testing.T) {
	r := &probeRecorder{}
	tr := New(Config{}, r)
	fin := pkt(0, "c>s", "F", 1000, 0, 0)
	tr.Handle(&fin)
	tr.Advance(t0.Add(probeWait - 1))
	if len(r.probes) != 0 {
		t.Fatalf("decided before its wait: %v", r.probes)
	}
	tr.Advance(t0.Add(probeWait))
	if len(r.probes) != 1 {
		t.Fatalf("not decided after its wait: %v", r.probes)
	}
	// A RST after the wait is a stray, not an answer.
	rst := pkt(int(probeWait.Milliseconds())+1, "s>c", "R.", 0, 1001, 0)
	tr.Handle(&rst)
	tr.Flush()
	if len(r.probes) != 1 || len(r.done) != 1 {
		t.Errorf("probes %v, conns %v", r.probes, r.done)
	}
}

// A scan fills the pending table no further than maxProbes: the oldest
// probe is decided on the silence so far.
func TestProbeTableBounded(t *testing.T) {
	r := &probeRecorder{}
	tr := New(Config{}, r)
	const n = maxProbes + 100
	for i := range n {
		s := pkt(0, "c>s", "F", 1000, 0, 0)
		s.DstPort = uint16(i % 60000)
		s.SrcPort = uint16(1000 + i/60000)
		tr.Handle(&s)
		if len(tr.probes) > maxProbes {
			t.Fatalf("%d pending probes; the bound is %d", len(tr.probes), maxProbes)
		}
	}
	if len(r.probes) != 100 {
		t.Errorf("%d probes decided early; want 100", len(r.probes))
	}
	tr.Flush()
	if st := tr.Stats(); st.Probes != n || st.Conns != 0 {
		t.Errorf("Stats: %d probes, %d conns; want %d, 0", st.Probes, st.Conns, n)
	}
}
