package tracker

import (
	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
)

// Header prediction (Van Jacobson's; Linux's tcp_rcv_established fast
// path): most segments are an established connection's data or ACKs, in
// order, which change no state, cause no event and need none of the
// evidence, revision, probe or timer machinery. predicted handles such a
// segment with a small function that touches few cache lines, and makes
// exactly the updates the general path (handleConn, apply) would; any
// other segment goes the general path. TestPredictSameConns replays
// every bundled trace and generated captures both ways and compares
// every callback and every connection field for field.

// predicted handles seg, sent on connection c from the side srcFirst
// gives, if it is the common case, and reports whether it did.
func (t *Tracker) predicted(c *Conn, seg *segment.Segment, srcFirst bool) bool {
	if t.noPredict {
		return false
	}
	s := c.sideOf(srcFirst)
	if !c.predictable(t, seg, s) {
		return false
	}
	e, p := &c.ep[s], &c.ep[s.Peer()]
	if !reassembly.ObserveInOrder(&e.seq, &p.seq, seg, &t.details) {
		return false
	}
	// handleConn and apply's updates for such a segment: the history's
	// letter, observe's counts; no state moves, so no event, no timer.
	t.evTime, t.evPkt = seg.Time, seg.Pkt
	t.evs = t.evs[:0]
	c.last = seg.Time
	if seg.PayloadLen > 0 {
		c.hist.once(s, hData, 'D')
	} else {
		c.hist.once(s, hACK, 'A')
	}
	if seg.Opts.HasTS {
		e.tsVal, e.tsSeen = seg.Opts.TSVal, true
	}
	e.nonSYN, e.seen = true, true
	e.pkts++
	e.ipBytes += uint64(seg.IPLen)
	e.bytes += uint64(seg.PayloadLen)
	c.class = 0
	t.predictions++
	t.obs.Packet(c, seg, s, t.evs)
	return true
}

// predictable reports whether the general path would apply seg, sent by
// side s, as an established connection's in-order segment: both ends
// ESTABLISHED with nothing in flight, no revision, one-sided inference,
// refused SYN, phase or compaction pending, Zeek's endpoints active, the
// segment an ACK without SYN, FIN or RST, accepted and in its receiver's
// window. The sequence analysis has its own conditions
// (reassembly.ObserveInOrder).
func (c *Conn) predictable(t *Tracker, seg *segment.Segment, s Side) bool {
	e, p := &c.ep[s], &c.ep[s.Peer()]
	return seg.Flags&(segment.SYN|segment.FIN|segment.RST|segment.ACK) == segment.ACK &&
		e.state == Established && p.state == Established &&
		e.nin == 0 && p.nin == 0 &&
		c.young == 0 && !c.oneSided && p.seen && !c.twSynSet() && !t.noSeq &&
		(e.synSent || c.midstream) && e.baseSet && p.baseSet &&
		e.z.state != zInactive &&
		(c.handshake || c.midstream) && (c.closeDone || !c.anyFIN || c.rst) &&
		!c.outOfWindow(s, seg)
}
