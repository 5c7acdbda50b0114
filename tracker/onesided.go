package tracker

import "github.com/flowtrace/flowtrace/segment"

// One-sided captures.
//
// A tap on one direction of a link, or one leg of an asymmetric route,
// captures one endpoint's segments and none of its peer's. What the seen
// side sends still shows what it received (RFC 9293 §3.10.7): its
// acknowledgment numbers and the segments it may send only in certain
// states. flowtrace infers the unseen side's segments from them, as
// phantom segments that take the same path through the state machines
// as captured ones (but count no packets or bytes), and marks every
// transition they cause, and every transition of the unseen side,
// inferred:
//
//   - The seen side, in SYN-SENT, sends a segment with ACK and without SYN
//     or RST: it received a SYN-ACK (§3.10.7.3), from an ISN one below
//     that ACK. The phantom SYN-ACK takes the peer from LISTEN to
//     SYN-RECEIVED, and the ACK then completes the handshake on both
//     sides.
//   - The seen side, in SYN-RECEIVED, sends a segment without SYN: only a
//     synchronized endpoint does, so it received the handshake ACK.
//   - The unseen side's FIN shows as an acknowledgment number that moves
//     one past the highest one before it without data to acknowledge:
//     either while the seen side is in FIN-WAIT-1 or FIN-WAIT-2 (the peer
//     answered its FIN with its own), or just before the seen side's own
//     FIN (a passive close). A single byte of data sent after such a FIN
//     would read the same; the close is the common case.
//   - When the input ends with the unseen side in TIME-WAIT and the seen
//     side in LAST-ACK, the unseen side's final ACK is presumed.
//
// The connection is then one-sided: Conn.OneSided says which side was
// not captured, and Stats.OneSided counts such connections. Should a
// segment of the unseen side appear after all (a capture that merely
// reordered them), the connection is no longer one-sided.

// OneSided reports whether the connection was captured in one direction
// only, and which side's segments are missing.
func (c *Conn) OneSided() (unseen Side, ok bool) { return c.unseen, c.oneSided }

// inferUnseen adds, before segment seg of side s is applied, the phantom
// segments of the unseen peer that seg proves were sent.
//
//go:noinline
func (c *Conn) inferUnseen(t *Tracker, s Side, seg *segment.Segment) {
	e, p := &c.ep[s], &c.ep[s.Peer()]
	if c.oneSided && c.unseen == s {
		c.oneSided = false // its segments were only late
	}
	if p.seen {
		return
	}
	f := seg.Flags
	if f&segment.RST != 0 || f&segment.ACK == 0 {
		return
	}
	switch {
	case e.state == SynSent && e.synSent && f&segment.SYN == 0:
		c.phantom(t, s.Peer(), &segment.Segment{
			Time: seg.Time, Pkt: seg.Pkt, Flags: segment.SYN | segment.ACK,
			Seq: seg.Ack - 1, Ack: e.isn.Add(1),
		})
	case e.state == SynReceived && e.synSent && f&segment.SYN == 0:
		seq := seg.Ack
		if p.baseSet {
			seq = p.base
		}
		c.phantom(t, s.Peer(), &segment.Segment{
			Time: seg.Time, Pkt: seg.Pkt, Flags: segment.ACK,
			Seq: seq, Ack: e.isn.Add(1),
		})
	case c.oneSided && !p.finSent && c.peerFIN(s, seg):
		next, ok := e.seq.Next()
		if !ok {
			next = seg.Seq
		}
		if e.finSent {
			next = e.finSeq.Add(1) // its FIN was acknowledged by the peer's
		}
		c.phantom(t, s.Peer(), &segment.Segment{
			Time: seg.Time, Pkt: seg.Pkt, Flags: segment.FIN | segment.ACK,
			Seq: seg.Ack - 1, Ack: next,
		})
	}
	if c.oneSided && seg.Flags&segment.ACK != 0 && (!c.ackSet || c.ackLast.LessThan(seg.Ack)) {
		c.ackPrev, c.ackLast, c.ackSet = c.ackLast, seg.Ack, true
	}
}

// peerFIN reports whether seg, from the seen side s of a one-sided
// connection, shows that the peer sent a FIN: see the package notes
// above. It is called before seg's ACK is recorded.
func (c *Conn) peerFIN(s Side, seg *segment.Segment) bool {
	e := &c.ep[s]
	if !c.ackSet {
		return false
	}
	switch {
	case e.state == FinWait1 || e.state == FinWait2:
		// Its ACK moves one past the highest before it.
		return c.ackLast.Add(1) == seg.Ack
	case seg.Flags&segment.FIN != 0 && !e.finSent:
		// Its FIN repeats an ACK that had moved one past the one before.
		return seg.Ack == c.ackLast && c.ackPrev.Add(1) == c.ackLast
	}
	return false
}

// phantom applies a segment side s is inferred to have sent, unseen, as
// a captured one is applied, without counting it.
func (c *Conn) phantom(t *Tracker, s Side, seg *segment.Segment) {
	if !c.oneSided {
		c.oneSided, c.unseen = true, s
	}
	e := &c.ep[s]
	if seg.Flags&segment.SYN != 0 {
		e.base, e.baseSet = seg.Seq, true
	}
	if seg.Flags&segment.ACK != 0 {
		c.deliverAcked(t, s, seg)
	}
	c.sent(t, s, seg)
	c.received(t, s.Peer(), seg)
}

// oneSidedEnd presumes, when the input ends, the unseen side's final ACK
// of the seen side's FIN: it is in TIME-WAIT, so it sent one.
func (c *Conn) oneSidedEnd(t *Tracker) {
	if !c.oneSided {
		return
	}
	u, s := c.unseen, c.unseen.Peer()
	if c.ep[u].state != TimeWait || c.ep[s].state != LastAck {
		return
	}
	c.phantom(t, u, &segment.Segment{
		Time: t.evTime, Pkt: t.evPkt, Flags: segment.ACK,
		Seq: c.ep[u].finSeq.Add(1), Ack: c.ep[s].finSeq.Add(1),
	})
	c.phases(t)
}

// oneSidedInferred reports whether a transition of side s on input in
// rests on the one-sided inference.
func (c *Conn) oneSidedInferred(s Side, in input) bool {
	return c.oneSided && (s == c.unseen || in >= rcvSYN && in <= rcvRSTPassive)
}
