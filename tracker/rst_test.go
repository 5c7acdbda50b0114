package tracker

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// stateSetups lead a connection into each state; RSTs are then sent from
// either side. Client ISN 1000, server ISN 5000; after each prefix the
// client's next sequence number is cnxt and the server's snxt.
var stateSetups = []struct {
	name       string
	segs       func() []segment.Segment
	cnxt, snxt uint32
	client     State // the client's state before the RST
	server     State
}{
	{"SYN-RECEIVED", func() []segment.Segment { return handshake()[:2] }, 1001, 5001, SynSent, SynReceived},
	{"ESTABLISHED", handshake, 1001, 5001, Established, Established},
	{"FIN-WAIT-2/CLOSE-WAIT", func() []segment.Segment {
		return cat(handshake(), []segment.Segment{pkt(5, "c>s", "F.", 1001, 5001, 0), pkt(6, "s>c", ".", 5001, 1002, 0)})
	}, 1002, 5001, FinWait2, CloseWait},
	{"FIN-WAIT-1", func() []segment.Segment {
		return cat(handshake(), []segment.Segment{pkt(5, "c>s", "F.", 1001, 5001, 0)})
	}, 1002, 5001, FinWait1, Established},
	{"CLOSING", func() []segment.Segment {
		return cat(handshake(), []segment.Segment{pkt(5, "c>s", "F.", 1001, 5001, 0), pkt(6, "s>c", "F.", 5001, 1001, 0), pkt(7, "c>s", ".", 1002, 5002, 0)})
	}, 1002, 5002, Closing, TimeWait},
	{"LAST-ACK", func() []segment.Segment {
		return cat(handshake(), []segment.Segment{pkt(5, "c>s", "F.", 1001, 5001, 0), pkt(6, "s>c", "F.", 5001, 1002, 0)})
	}, 1002, 5002, FinWait1, LastAck},
}

// TestRSTAcceptability sends, in every setup and from each side, a RST at
// exactly RCV.NXT (closes both endpoints), one in the window but not exact
// (a note, nothing changes) and one far outside (a note, nothing changes).
func TestRSTAcceptability(t *testing.T) {
	for _, st := range stateSetups {
		for _, from := range []string{"c>s", "s>c"} {
			seq := st.cnxt
			if from == "s>c" {
				seq = st.snxt
			}
			for _, tc := range []struct {
				name  string
				seq   uint32
				close bool
				note  string
			}{
				{"exact", seq, true, ""},
				{"in-window", seq + 1000, false, "RST in window but not exact: ignored, challenge ACK expected per RFC 5961"},
				{"out-of-window", seq + 1<<30, false, "RST out of window: ignored"},
				{"behind", seq - 5000, false, "RST out of window: ignored"},
			} {
				t.Run(fmt.Sprintf("%s/%s/%s", st.name, from, tc.name), func(t *testing.T) {
					segs := append(st.segs(), pkt(8, from, "R", tc.seq, 0, 0)) // before any answer is due
					r := replay(t, Config{}, segs...)
					got := r.conns[1]
					if tc.close {
						want := [2]State{Closed, Closed}
						if st.name == "SYN-RECEIVED" && from == "c>s" {
							// §3.10.7.4 second check: a passive open returns to LISTEN.
							want[Resp] = Listen
						}
						if got != want {
							t.Errorf("after exact RST: %v; want %v\n%v", got, want, r.lines)
						}
						return
					}
					// An ignored RST leaves the states as they would be without it.
					if base := replay(t, Config{}, st.segs()...); got != base.conns[1] {
						t.Errorf("after ignored RST: %v; want %v as without it", got, base.conns[1])
					}
					want := fmt.Sprintf("#%d c1 note: %s", len(segs), tc.note)
					if st.client == SynSent && from == "s>c" && tc.name == "behind" {
						want = fmt.Sprintf("#%d c1 note: RST in SYN-SENT without acceptable ACK: ignored", len(segs))
					}
					found := false
					for _, l := range r.lines {
						found = found || strings.HasPrefix(l, want)
					}
					if !found {
						t.Errorf("no event %q in\n%s", want, strings.Join(r.lines, "\n"))
					}
				})
			}
		}
	}
}

func TestRSTInSynSent(t *testing.T) {
	// A RST whose ACK does not cover the SYN is not acceptable in SYN-SENT.
	r := replay(t, Config{}, pkt(0, "c>s", "S", 1000, 0, 0), pkt(1, "s>c", "R.", 0, 999, 0))
	if r.conns[1][Orig] != SynSent {
		t.Errorf("client %v after bad RST; want SYN-SENT", r.conns[1][Orig])
	}
}

func TestAbortPhases(t *testing.T) {
	r := replay(t, Config{}, cat(handshake(), []segment.Segment{pkt(5, "s>c", "R.", 5001, 1001, 0)})...)
	expect(t, "done", r.done, `c1 10.0.0.1:40000 CLOSED/CLOSED RSTR ShAr aborted by server RST`)
	r = replay(t, Config{}, cat(handshake(), []segment.Segment{pkt(5, "c>s", "R.", 1001, 5001, 0)})...)
	expect(t, "done", r.done, `c1 10.0.0.1:40000 CLOSED/CLOSED RSTO ShAR aborted by client RST`)
	// A SYN scan: SYN, SYN-ACK, RST from the scanner. The server's
	// passive open returns to LISTEN (RFC 9293 §3.10.7.4 second check).
	r = replay(t, Config{}, pkt(0, "c>s", "S", 1000, 0, 0), pkt(1, "s>c", "S.", 5000, 1001, 0), pkt(2, "c>s", "R", 1001, 0, 0))
	expect(t, "done", r.done, `c1 10.0.0.1:40000 CLOSED/LISTEN RSTO ShR reset during handshake by client`)
	// A simultaneous open is an active open: a RST in SYN-RECEIVED closes it.
	r = replay(t, Config{}, pkt(0, "c>s", "S", 1000, 0, 0), pkt(1, "s>c", "S", 5000, 0, 0), pkt(2, "c>s", "R.", 1001, 5001, 0))
	if got := r.conns[1][Resp]; got != Closed {
		t.Errorf("simultaneous open, RST in SYN-RECEIVED: server %v; want CLOSED\n%v", got, r.lines)
	}
}

func TestForgedRSTDoesNotMoveSequenceSpace(t *testing.T) {
	// An out-of-window RST (an injection attempt) followed by one 1000
	// bytes into the window: neither may close the connection.
	r := replay(t, Config{}, cat(handshake(), []segment.Segment{
		pkt(5, "c>s", "R", 1001+1<<30, 0, 0),
		pkt(6, "c>s", "R", 2001, 0, 0),
	})...)
	if r.conns[1] != [2]State{Established, Established} {
		t.Errorf("final %v; want ESTABLISHED/ESTABLISHED\n%v", r.conns[1], r.lines)
	}
}
