package tracker

import (
	"slices"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// finWait2 leaves the client in FIN-WAIT-2 at 6 ms: it closed, the server
// acknowledged the FIN and did not close.
func finWait2() []segment.Segment {
	return cat(handshake(), []segment.Segment{
		pkt(5, "c>s", "F.", 1001, 5001, 0),
		pkt(6, "s>c", ".", 5001, 1002, 0),
	})
}

func TestFinWait2TimesOut(t *testing.T) {
	const want = "#0 c1 client FIN-WAIT-2>CLOSED: FIN-WAIT-2 timeout (orphaned) [inferred]"
	// The default is Linux's 60 s, from entering FIN-WAIT-2.
	r := replay(t, Config{}, append(finWait2(), other(60_005))...)
	if slices.Contains(r.lines, want) {
		t.Errorf("FIN-WAIT-2 timed out before 60 s: %v", r.lines)
	}
	if r.conns[1] != [2]State{FinWait2, CloseWait} {
		t.Errorf("before the timeout: %v; want FIN-WAIT-2/CLOSE-WAIT", r.conns[1])
	}
	r = replay(t, Config{}, append(finWait2(), other(60_006))...)
	if !slices.Contains(r.lines, want) || r.conns[1] != [2]State{Closed, CloseWait} {
		t.Errorf("at 60 s: %v, %v; want the timeout and CLOSED/CLOSE-WAIT", r.lines, r.conns[1])
	}
	// Config.FinTimeout shortens it; TIME-WAIT is unaffected.
	r = replay(t, Config{FinTimeout: 3 * time.Second}, append(finWait2(), other(3006))...)
	if r.conns[1] != [2]State{Closed, CloseWait} {
		t.Errorf("with a 3 s timeout: %v; want CLOSED/CLOSE-WAIT", r.conns[1])
	}
}

// A FIN-WAIT-2 endpoint that acknowledges data sent after its FIN is
// half-closed (shutdown(SHUT_WR)), not orphaned: it stays.
func TestFinWait2HalfCloseStays(t *testing.T) {
	segs := append(finWait2(),
		pkt(10, "s>c", "P.", 5001, 1002, 100),
		pkt(11, "c>s", ".", 1002, 5101, 0),
		other(200_000),
	)
	r := replay(t, Config{}, segs...)
	if r.conns[1] != [2]State{FinWait2, CloseWait} {
		t.Errorf("half-close: %v; want FIN-WAIT-2/CLOSE-WAIT", r.conns[1])
	}
}

// The peer's FIN before the timeout ends FIN-WAIT-2 as usual.
func TestFinWait2PeerFINFirst(t *testing.T) {
	segs := append(finWait2(),
		pkt(30_000, "s>c", "F.", 5001, 1002, 0),
		pkt(30_001, "c>s", ".", 1002, 5002, 0),
	)
	r := replay(t, Config{}, segs...)
	if r.conns[1] != [2]State{TimeWait, Closed} {
		t.Errorf("%v; want TIME-WAIT/CLOSED", r.conns[1])
	}
}
