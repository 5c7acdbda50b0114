package reassembly

import (
	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
)

// ObserveInOrder is Observe's header prediction (Van Jacobson's, as in
// Linux's tcp_rcv_established fast path): for the commonest segment of a
// connection in progress, one Observe would class as nothing of note
// (Class 0), it makes exactly Observe's updates with a fraction of its
// code, and reports true. For any other segment it changes nothing and
// reports false: the caller then calls Observe.
//
// Predicted, sent in direction fwd: ACK without SYN, FIN or RST; at the
// next sequence number expected (nothing skipped, nothing resent); an
// open window both ways; payload, or an ACK that moves the
// acknowledgment (not a duplicate, a window update or a keep-alive's
// answer); payload that does not fill the peer's window and was not
// acknowledged already; an acknowledgment of nothing unseen, in a
// direction with no hole.
func ObserveInOrder(fwd, rev *Dir, seg *segment.Segment, p *Pool) bool {
	n := seqnum.Size(seg.PayloadLen)
	seq := seg.Seq
	end := seq.Add(n)
	if seg.Flags&(segment.SYN|segment.FIN|segment.RST|segment.ACK) != segment.ACK ||
		!fwd.started || !rev.started || !fwd.haveNext || seq != fwd.next ||
		seg.Window == 0 || !rev.haveWindow || rev.window == 0 {
		return false
	}
	sameAck := fwd.haveAck && seg.Ack == fwd.lastAck
	if n == 0 && sameAck {
		return false // a duplicate ACK, a window update, a keep-alive's answer
	}
	if rev.haveToBeAcked && rev.toBeAcked.LessThan(seg.Ack) {
		return false // acknowledges the unseen
	}
	if x := rev.x; x != nil && x.nholes != 0 {
		return false // may acknowledge a hole: missed bytes
	}
	if n > 0 && rev.haveAck {
		if end.LessThanEq(rev.lastAck) {
			return false // spurious retransmission
		}
		if w, known := rev.Window(); known && end == rev.lastAck.Add(w) {
			return false // fills the window
		}
	}

	// What Observe, resent and advance do for such a segment.
	if n > 0 {
		fwd.detail(p)
	}
	if !sameAck {
		fwd.dupAcks, fwd.dupAckFrame = 0, seg.Pkt
	}
	rev.acked(seg.Ack, seg.Time)
	if n > 0 {
		x := fwd.x
		x.Stats.WireBytes += uint64(n)
		x.Stats.UniqueBytes += uint64(n)
		if !x.rttTiming {
			x.rttEnd, x.rttSent, x.rttTiming = end, seg.Time, true
		}
		fwd.next, fwd.nextTime = end, seg.Time.UnixNano()
		fwd.nextTS, fwd.haveTS = seg.Opts.TSVal, seg.Opts.HasTS
	}
	if !fwd.haveToBeAcked || seq == fwd.toBeAcked {
		fwd.toBeAcked, fwd.haveToBeAcked = fwd.next, true
	}
	if n > 0 && len(seg.Payload) == seg.PayloadLen {
		fwd.x.remember(Range{seq, end}, seg)
	}
	fwd.reopened, fwd.zeroWin = fwd.zeroWin, false // the window is open
	fwd.window, fwd.haveWindow = seg.Window, true
	fwd.lastAck, fwd.haveAck, fwd.lastAckTime = seg.Ack, true, seg.Time.UnixNano()
	fwd.lastClass = 0
	return true
}
