package tracker

import (
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// elsewhere is a segment of another connection at ms: it moves the
// capture clock (the input goes on) without touching connection 1.
func elsewhere(ms int) segment.Segment {
	a, b := netip.MustParseAddrPort("10.9.9.9:5555"), netip.MustParseAddrPort("10.9.9.8:6666")
	return segment.Segment{
		Time: t0.Add(time.Duration(ms) * time.Millisecond),
		Src:  a.Addr(), Dst: b.Addr(), SrcPort: a.Port(), DstPort: b.Port(),
		Seq: 1, Ack: 1, Flags: segment.ACK, Window: 100,
	}
}

// doneConn is what replay1 reports of connection 1 when it is done.
type doneConn struct {
	states         [2]State
	syn, synAck    uint32
	cookie         bool
	end            string
	lines          []string
	inferredClient bool
}

type conn1Observer struct {
	recorder
	got doneConn
}

func (o *conn1Observer) Done(c *Conn) {
	o.recorder.Done(c)
	if c.ID() == 1 {
		o.got.states = [2]State{c.State(Orig), c.State(Resp)}
		o.got.syn, o.got.synAck = c.HandshakeRetransmits()
		o.got.cookie = c.SynCookie()
		o.got.end = c.End()
		o.got.inferredClient = c.Inferred(Orig)
	}
}

func replay1(segs ...segment.Segment) doneConn {
	o := &conn1Observer{}
	tr := New(Config{}, o)
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
		tr.Handle(&segs[i])
	}
	tr.Flush()
	o.got.lines = o.lines
	return o.got
}

// TestEvidenceBoundaries tests the evidence rule's boundaries: a delivery
// is presumed only when the input ended before the answer was due
// (answerWait: 40 ms for a SYN-ACK, 200 ms for a FIN, without an RTT); a
// retransmission restarts the wait; past the first retransmission time
// (1 s) the silent endpoints are settled (no TCB, SYN cookie), an
// unanswered SYN's sender too.
func TestEvidenceBoundaries(t *testing.T) {
	syn := pkt(0, "c>s", "S", 1000, 0, 0)
	synack := pkt(1, "s>c", "S.", 5000, 1001, 0)
	synackAgain := pkt(1001, "s>c", "S.", 5000, 1001, 0)
	for _, tc := range []struct {
		name   string
		segs   []segment.Segment
		want   [2]State
		synAck uint32
		cookie bool
	}{
		{"SYN-ACK, input ends before its answer is due", []segment.Segment{syn, synack, elsewhere(1 + 39)}, [2]State{Established, SynReceived}, 0, false},
		{"SYN-ACK, input ends after its answer was due", []segment.Segment{syn, synack, elsewhere(1 + 41)}, [2]State{SynSent, SynReceived}, 0, false},
		{"SYN-ACK, input ends before the first retransmission", []segment.Segment{syn, synack, elsewhere(1000)}, [2]State{SynSent, SynReceived}, 0, false},
		{"SYN-ACK never retransmitted: SYN cookie, source without TCB", []segment.Segment{syn, synack, elsewhere(1 + 1041)}, [2]State{Closed, Listen}, 0, true},
		{"SYN-ACK retransmitted, input ends at once", []segment.Segment{syn, synack, synackAgain, elsewhere(1001 + 39)}, [2]State{Established, SynReceived}, 1, false},
		{"SYN-ACK retransmitted, never answered: half-open", []segment.Segment{syn, synack, synackAgain, elsewhere(1001 + 1500)}, [2]State{Closed, SynReceived}, 1, false},
		{"SYN retransmitted: a real client", []segment.Segment{syn, synack, pkt(1000, "c>s", "S", 1000, 0, 0), pkt(1001, "s>c", "S.", 5000, 1001, 0), elsewhere(3000)}, [2]State{SynSent, SynReceived}, 1, false},
		{"cookie SYN-ACK answered late: ESTABLISHED, cookie recorded", []segment.Segment{syn, synack, pkt(1200, "c>s", ".", 1001, 5001, 0)}, [2]State{Established, Established}, 0, true},
		{"SYN unanswered, input ends before its first retransmission", []segment.Segment{syn, elsewhere(1039)}, [2]State{SynSent, Unknown}, 0, false},
		{"SYN unanswered, never retransmitted: no TCB (a raw-socket probe)", []segment.Segment{syn, elsewhere(1041)}, [2]State{Closed, Unknown}, 0, false},
		{"SYN unanswered, retransmitted: a real client", []segment.Segment{syn, pkt(1000, "c>s", "S", 1000, 0, 0), elsewhere(3500)}, [2]State{SynSent, Unknown}, 0, false},
		{"FIN, input ends before its ACK is due", cat(handshake(), []segment.Segment{pkt(10, "c>s", "F.", 1001, 5001, 0), elsewhere(10 + 199)}), [2]State{FinWait1, CloseWait}, 0, false},
		{"FIN, input ends after its ACK was due", cat(handshake(), []segment.Segment{pkt(10, "c>s", "F.", 1001, 5001, 0), elsewhere(10 + 201)}), [2]State{FinWait1, Established}, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := replay1(tc.segs...)
			if got.states != tc.want || got.synAck != tc.synAck || got.cookie != tc.cookie {
				t.Errorf("states %v, SYN-ACK retransmits %d, cookie %v; want %v, %d, %v\n%s",
					got.states, got.synAck, got.cookie, tc.want, tc.synAck, tc.cookie, strings.Join(got.lines, "\n"))
			}
		})
	}
}

// TestRSTEvidence: a RST applied on sight is revised when its receiver
// goes on talking; a reset answering an unacceptable ACK does not close
// a SYN-SENT client; a RST failing PAWS in SYN-SENT is dropped.
func TestRSTEvidence(t *testing.T) {
	ts := func(s segment.Segment, val, ecr uint32) segment.Segment {
		s.Opts.HasTS, s.Opts.TSVal, s.Opts.TSEcr = true, val, ecr
		return s
	}
	for _, tc := range []struct {
		name string
		segs []segment.Segment
		want [2]State
		line string // a transcript line that must be present
	}{
		{"RST then data from its receiver: revised", cat(handshake(), []segment.Segment{
			pkt(10, "s>c", "R", 5001, 0, 0),
			pkt(20, "c>s", "P.", 1001, 5001, 10),
		}), [2]State{Established, Closed}, "#5 c1 client CLOSED>ESTABLISHED: revised: the RST was not accepted: lost after the capture point [inferred]"},
		{"RST then FIN from its receiver: revised, then closing", cat(handshake(), []segment.Segment{
			pkt(10, "s>c", "R", 5001, 0, 0),
			pkt(20, "c>s", "F.", 1001, 5001, 0),
		}), [2]State{FinWait1, Closed}, "#5 c1 client ESTABLISHED>FIN-WAIT-1: sent FIN"},
		{"RST then a RST from its receiver: no revision", cat(handshake(), []segment.Segment{
			pkt(10, "s>c", "R", 5001, 0, 0),
			pkt(20, "c>s", "R", 1001, 0, 0),
		}), [2]State{Closed, Closed}, "#4 c1 client ESTABLISHED>CLOSED: rcvd RST"},
		{"RST with a TSval older than the receiver's TS.Recent, then data: revised (PAWS)", []segment.Segment{
			ts(pkt(0, "c>s", "S", 1000, 0, 0), 100, 0),
			ts(pkt(1, "s>c", "S.", 5000, 1001, 0), 900, 100),
			ts(pkt(2, "c>s", ".", 1001, 5001, 0), 101, 900),
			ts(pkt(10, "s>c", "R.", 5001, 1001, 0), 500, 101),
			ts(pkt(20, "c>s", "P.", 1001, 5001, 10), 102, 900),
		}, [2]State{Established, Established}, "#5 c1 client CLOSED>ESTABLISHED: revised: the RST was not accepted: dropped by PAWS (TSval older than the receiver's TS.Recent) [inferred]"},
		{"stale ACK in SYN-SENT answered by RST: the client stays", []segment.Segment{
			pkt(0, "c>s", "S", 1000, 0, 0),
			pkt(200, "s>c", ".", 3000000000, 900, 0),
			pkt(201, "c>s", "R", 900, 0, 0),
			pkt(210, "c>s", "S", 1000, 0, 0),
			pkt(220, "s>c", "S.", 5000, 1001, 0),
			pkt(221, "c>s", ".", 1001, 5001, 0),
		}, [2]State{Established, Established}, "#3 c1 note: RST answering an unacceptable ACK: its sender keeps its state (RFC 9293 §3.10.7.3) (0)"},
		{"RST+ACK in SYN-SENT failing PAWS: dropped", []segment.Segment{
			ts(pkt(0, "c>s", "S", 1000, 0, 0), 100000, 0),
			ts(pkt(200, "s>c", "R.", 0, 1001, 0), 1, 5),
			pkt(600, "s>c", "S.", 5000, 1001, 0),
			pkt(601, "c>s", ".", 1001, 5001, 0),
		}, [2]State{Established, Established}, "#3 c1 server LISTEN>SYN-RECEIVED: rcvd SYN"},
		{"RST+ACK in SYN-SENT with a fresh TSecr: refused", []segment.Segment{
			ts(pkt(0, "c>s", "S", 1000, 0, 0), 100000, 0),
			ts(pkt(1, "s>c", "R.", 0, 1001, 0), 1, 100000),
		}, [2]State{Closed, Closed}, "#2 c1 phase: refused"},
		{"ACK beyond the window in SYN-RECEIVED: dropped", []segment.Segment{
			pkt(0, "c>s", "S", 1000, 0, 0),
			pkt(1, "s>c", "S.", 5000, 1001, 0),
			pkt(2, "c>s", ".", 1001+100000000, 5001, 0),
		}, [2]State{Established, SynReceived}, "#3 c1 note: segment beyond the receiver's window: dropped, an ACK expected (RFC 9293 §3.10.7.4) (0)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := replay1(tc.segs...)
			found := false
			for _, l := range got.lines {
				found = found || l == tc.line
			}
			if got.states != tc.want || !found {
				t.Errorf("states %v; want %v; want line %q in\n%s", got.states, tc.want, tc.line, strings.Join(got.lines, "\n"))
			}
		})
	}
}

// TestSYNNotCapturedOnlyWhenTrue: "its SYN not captured" is said only
// when the SYN is not in the capture.
func TestSYNNotCapturedOnlyWhenTrue(t *testing.T) {
	for _, tc := range []struct {
		name string
		segs []segment.Segment
		want string
	}{
		{"refused TCP Fast Open: the SYN-ACK acknowledges the SYN, not its data", []segment.Segment{
			pkt(0, "c>s", "S", 1000, 0, 20),
			pkt(1, "s>c", "S.", 5000, 1001, 0),
		}, "#2 c1 server LISTEN>SYN-RECEIVED: rcvd SYN"},
		// Until the server is seen, the capture looks one-sided, so its
		// SYN-ACK is inferred from the client's ACK (onesided.go): the
		// server received the captured SYN.
		{"the client's ACK captured before the SYN-ACK", []segment.Segment{
			pkt(0, "c>s", "S", 1000, 0, 0),
			pkt(2, "c>s", ".", 1001, 5001, 0),
			pkt(1, "s>c", "S.", 5000, 1001, 0),
		}, "#2 c1 server LISTEN>SYN-RECEIVED: rcvd SYN [inferred]"},
		{"the SYN-ACK of a SYN before the capture", []segment.Segment{
			pkt(1, "s>c", "S.", 5000, 1001, 0),
		}, "#1 c1 server UNKNOWN>SYN-RECEIVED: sent SYN-ACK, its SYN not captured [inferred]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := replay1(tc.segs...)
			found := false
			for _, l := range got.lines {
				found = found || l == tc.want
			}
			if !found {
				t.Errorf("want %q in\n%s", tc.want, strings.Join(got.lines, "\n"))
			}
		})
	}
}

// bytesObserver keeps connection 1's byte counts.
type bytesObserver struct {
	nop
	bytes, zeek, missed [2]uint64
}

func (o *bytesObserver) Done(c *Conn) {
	if c.ID() == 1 {
		for s := Orig; s <= Resp; s++ {
			o.bytes[s], o.zeek[s], o.missed[s] = c.Bytes(s), c.ZeekBytes(s), c.SeqStats(s).MissedBytes
		}
	}
}

// TestWildNumbersDoNotCount: a SYN-ACK retransmitted with another ISN, a
// segment beyond the window and a stale ACK before the server's SYN-ACK
// add no bytes and no missed bytes: bytes come only from sequence space
// the receiver accepted.
func TestWildNumbersDoNotCount(t *testing.T) {
	segs := []segment.Segment{
		pkt(0, "c>s", "S", 1000, 0, 0),
		pkt(1, "s>c", ".", 3000000000, 900, 0), // stale ACK before the SYN-ACK
		pkt(2, "s>c", "S.", 5000, 1001, 0),
		pkt(3, "s>c", "S.", 2000000000, 1001, 0), // another ISN
		pkt(4, "c>s", ".", 1001, 5001, 0),
		pkt(5, "s>c", "P.", 5001, 1001, 100),
		pkt(6, "c>s", "P.", 1001+500000000, 5101, 50), // beyond the window
		pkt(7, "c>s", ".", 1001, 5101, 0),
	}
	o := &bytesObserver{}
	tr := New(Config{}, o)
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
		tr.Handle(&segs[i])
	}
	tr.Flush()
	if o.bytes != [2]uint64{0, 100} || o.zeek != [2]uint64{0, 100} || o.missed != [2]uint64{0, 0} {
		t.Errorf("bytes %v, Zeek bytes %v, missed %v; want [0 100] [0 100] [0 0]", o.bytes, o.zeek, o.missed)
	}
}
