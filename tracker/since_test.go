package tracker

import (
	"fmt"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// sinceRecorder notes, after every packet, each side's state and when it
// entered it (milliseconds after t0).
type sinceRecorder struct{ lines []string }

func (r *sinceRecorder) Packet(c *Conn, seg *segment.Segment, side Side, evs []Event) {
	ms := func(s Side) int64 { return c.Since(s).Sub(t0).Milliseconds() }
	r.lines = append(r.lines, fmt.Sprintf("%s@%d %s@%d", c.State(Orig), ms(Orig), c.State(Resp), ms(Resp)))
}
func (r *sinceRecorder) Events(*Conn, []Event) {}
func (r *sinceRecorder) Done(*Conn)            {}

// TestSince checks that Since is when a side entered its current state:
// the connection's first packet for the state it starts in, then the
// packet that caused each transition (a receiver's when its ACK proves
// delivery), unchanged by packets that change nothing.
func TestSince(t *testing.T) {
	segs := []segment.Segment{
		pkt(0, "c>s", "S", 100, 0, 0),
		pkt(10, "s>c", "S.", 900, 101, 0),
		pkt(20, "c>s", ".", 101, 901, 0),
		pkt(50, "c>s", "P.", 101, 901, 10),
		pkt(100, "c>s", "F.", 111, 901, 0),
		pkt(110, "s>c", ".", 901, 112, 0),
		pkt(500, "s>c", "P.", 901, 112, 5),
	}
	want := []string{
		"SYN-SENT@0 UNKNOWN@0",
		"SYN-SENT@0 SYN-RECEIVED@10",
		"ESTABLISHED@20 ESTABLISHED@20",
		"ESTABLISHED@20 ESTABLISHED@20",
		"FIN-WAIT-1@100 ESTABLISHED@20",
		"FIN-WAIT-2@110 CLOSE-WAIT@110",
		"FIN-WAIT-2@110 CLOSE-WAIT@110",
	}
	var r sinceRecorder
	tr := New(Config{}, &r)
	for i := range segs {
		tr.Handle(&segs[i])
	}
	if len(r.lines) != len(want) {
		t.Fatalf("%d packets seen; want %d: %q", len(r.lines), len(want), r.lines)
	}
	for i := range want {
		if r.lines[i] != want[i] {
			t.Errorf("after packet %d: %s; want %s", i+1, r.lines[i], want[i])
		}
	}
}
