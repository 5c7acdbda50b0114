package reassembly

import (
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/internal/timediff"
	"github.com/flowtrace/flowtrace/segment"
)

// Observe classifies seg, sent in direction fwd (rev is the other
// direction of the same connection), and updates both directions' state.
// reorder separates out-of-order segments from retransmissions: a segment
// below the highest sequence seen that arrives within reorder of it is
// out-of-order. Pass the connection's handshake RTT, or 0 for tshark's
// default of 3 ms. A direction takes its Detail from p when it first
// needs one (see Dir).
//
// The checks and their order follow Wireshark's
// tcp_analyze_sequence_number, so the counts can be compared with
// tshark's tcp.analysis fields; the differences are deliberate and listed
// in the package documentation.
func Observe(fwd, rev *Dir, seg *segment.Segment, reorder time.Duration, p *Pool) Class {
	if !fwd.started {
		fwd.started, fwd.WScale = true, ScaleUnknown
	}
	if !rev.started {
		rev.started, rev.WScale = true, ScaleUnknown
	}
	f := seg.Flags
	ctl := f & (segment.SYN | segment.FIN | segment.RST)
	n := seqnum.Size(seg.PayloadLen)
	seq := seg.Seq
	end := seg.End()
	var c Class
	if n > 0 {
		fwd.detail(p) // payload: bytes, digests, the RTT timer
	}

	if f&segment.SYN != 0 {
		fwd.negotiate(rev, seg)
	}

	if n == 1 && fwd.haveNext && seq == fwd.next && rev.haveWindow && rev.window == 0 {
		// One byte at the next sequence while the peer's window is closed.
		c |= ZeroWindowProbe
		goto ackChecks
	}
	if seg.Window == 0 && ctl == 0 {
		c |= ZeroWindow
	}
	if fwd.haveNext && fwd.next.LessThan(seq) && f&segment.RST == 0 {
		c |= PrevNotCaptured
	}
	if n <= 1 && fwd.haveNext && seq == fwd.next-1 && ctl == 0 {
		c |= KeepAlive
	}
	if ctl == 0 && n == 0 && fwd.haveNext && seq == fwd.next && fwd.haveAck && seg.Ack == fwd.lastAck {
		switch {
		case seg.Window != 0 && fwd.haveWindow && seg.Window != fwd.window:
			c |= WindowUpdate
		case seg.Window != 0 && seg.Window == fwd.window && rev.lastClass&KeepAlive != 0:
			c |= KeepAliveAck
			goto ackChecks
		case seg.Window == 0 && fwd.window == 0 && rev.lastClass&ZeroWindowProbe != 0:
			c |= ZeroWindowProbeAck
			goto ackChecks
		case seg.Window != 0 && seg.Window == fwd.window:
			fwd.dupAcks++
			c |= DupAck
		}
	}
	if n > 0 && ctl == 0 && rev.haveAck && rev.haveWindow {
		if w, known := rev.Window(); known && end == rev.lastAck.Add(w) {
			c |= WindowFull
		}
	}

ackChecks:
	if !fwd.haveAck || seg.Ack != fwd.lastAck {
		fwd.dupAcks, fwd.dupAckFrame = 0, seg.Pkt
	}
	if f&segment.ACK != 0 {
		if rev.haveToBeAcked && rev.toBeAcked.LessThan(seg.Ack) {
			c |= AckedUnseen
			rev.toBeAcked = rev.next
		}
		rev.acked(seg.Ack, seg.Time)
	}

	if (n > 0 || f&(segment.SYN|segment.FIN) != 0) && c&(KeepAlive|ZeroWindowProbe) == 0 {
		c |= fwd.resent(rev, seg, end, reorder)
	}
	fwd.advance(seg, end, c, p)

	fwd.reopened = false
	if f&(segment.SYN|segment.RST) == 0 {
		// A RST's window means nothing; a SYN's opens no stall.
		fwd.reopened = fwd.zeroWin && seg.Window != 0
		fwd.zeroWin = seg.Window == 0
	}
	fwd.window, fwd.haveWindow = seg.Window, true
	if f&segment.ACK != 0 {
		fwd.lastAck, fwd.haveAck, fwd.lastAckTime = seg.Ack, true, seg.Time.UnixNano()
	}
	fwd.lastClass = c
	if c != 0 {
		fwd.detail(p).count(c)
	}
	return c
}

// negotiate records the window-scale option of a SYN and, on the SYN-ACK,
// settles both directions' scale (RFC 7323 §2.2: scaling is on only if
// both SYNs carried the option).
func (d *Dir) negotiate(rev *Dir, seg *segment.Segment) {
	d.wsOffered, d.wsShift = seg.Opts.HasWScale, int8(min(seg.Opts.WScale, 14))
	if seg.Flags&segment.ACK == 0 {
		return // not in force until the SYN-ACK
	}
	if d.wsOffered && rev.wsOffered {
		d.WScale, rev.WScale = d.wsShift, rev.wsShift
	} else {
		d.WScale, rev.WScale = ScaleNone, ScaleNone
	}
}

// acked applies an acknowledgment of this direction's bytes: holes it
// covers were never captured (missed bytes), and a timed segment it covers
// gives an RTT sample.
func (d *Dir) acked(ack seqnum.Value, at time.Time) {
	if d.x != nil {
		d.x.acked(ack, at)
	}
}

func (d *Detail) acked(ack seqnum.Value, at time.Time) {
	for i := 0; i < int(d.nholes); {
		h := &d.holes[i]
		switch {
		case h.End.LessThanEq(ack):
			d.Stats.MissedBytes += uint64(h.Len())
			d.removeHole(i)
			continue
		case h.First.LessThan(ack):
			d.Stats.MissedBytes += uint64(h.First.Size(ack))
			h.First = ack
		}
		i++
	}
	if d.rttTiming && d.rttEnd.LessThanEq(ack) {
		d.Stats.RTT.add(timediff.Sub(at, d.rttSent))
		d.rttTiming = false
	}
}

// resent classifies a segment that does not advance the sequence space:
// fast retransmission, out-of-order, spurious or plain retransmission.
func (d *Dir) resent(rev *Dir, seg *segment.Segment, end seqnum.Value, reorder time.Duration) Class {
	seq := seg.Seq
	n := seqnum.Size(seg.PayloadLen)
	back := d.haveNext && seq.LessThan(d.next)
	if n > 1 && d.haveNext && d.next-1 == seq {
		back = false // new data after a zero-window probe's byte
	}
	var c Class
	switch {
	case back && d.reordered(seg):
		// Never seen, and sent before the segment that set the highest
		// sequence number (its timestamp is older): the original, late.
		c = OutOfOrder
	case back && rev.dupAcks >= 2 && rev.haveAck && rev.lastAck == seq && since(seg.Time, rev.lastAckTime) < fastRexmitWindow:
		c = FastRetransmission
	case back && since(seg.Time, d.nextTime) < cmpReorder(reorder) && d.next != end:
		c = OutOfOrder
	case n > 0 && rev.haveAck && end.LessThanEq(rev.lastAck):
		c = SpuriousRetransmission
	case back:
		c = Retransmission
	}
	if x := d.x; x != nil && c&anyRetransmission != 0 && x.rttTiming && seq.LessThan(x.rttEnd) {
		x.rttTiming = false // Karn's rule
	}
	if c != 0 && n > 0 && len(seg.Payload) == seg.PayloadLen && d.x.mismatch(Range{seq, seq.Add(n)}, seg) {
		c |= OverlapMismatch
	}
	return c
}

// reordered reports whether a segment below the highest sequence seen is
// an original that arrived late rather than a retransmission: all of its
// payload lies in holes (never seen) and its TSval is older than that of
// the segment that set the highest sequence number. A retransmission
// carries a fresh TSval (RFC 7323 §3), so this tells them apart exactly
// where tshark can only guess from timing.
func (d *Dir) reordered(seg *segment.Segment) bool {
	if !seg.Opts.HasTS || !d.haveTS || seg.PayloadLen == 0 || int32(seg.Opts.TSVal-d.nextTS) >= 0 {
		return false
	}
	x := d.x // a segment with payload: its Detail was taken
	r := Range{seg.Seq, seg.Seq.Add(seqnum.Size(seg.PayloadLen))}
	var in seqnum.Size
	for i := range x.nholes {
		h := x.holes[i]
		lo, hi := seqnum.Max(h.First, r.First), h.End
		if r.End.LessThan(hi) {
			hi = r.End
		}
		if lo.LessThan(hi) {
			in += lo.Size(hi)
		}
	}
	return in == r.Len()
}

// since returns how long after the instant ns (Unix nanoseconds) t is.
func since(t time.Time, ns int64) time.Duration { return time.Duration(t.UnixNano() - ns) }

func cmpReorder(r time.Duration) time.Duration {
	if r <= 0 {
		return defaultReorderWindow
	}
	return r
}

// mismatch reports whether bytes over r were seen before with different
// content. Only a segment covering exactly the same range is compared.
func (d *Detail) mismatch(r Range, seg *segment.Segment) bool {
	sum := seg.PayloadSum()
	for i := range d.ndig {
		if d.digs[i].r == r {
			return d.digs[i].sum != sum
		}
	}
	return false
}

// advance records the sequence space a segment covers: the highest
// sequence, holes it opens or fills, digests and the RTT timer.
func (d *Dir) advance(seg *segment.Segment, end seqnum.Value, c Class, p *Pool) {
	seq := seg.Seq
	n := seqnum.Size(seg.PayloadLen)
	if seg.Flags&segment.RST != 0 {
		// A RST occupies no sequence space; a forged one must not move it.
		if !d.haveNext {
			d.next, d.haveNext, d.nextTime = seq, true, seg.Time.UnixNano()
		}
		return
	}
	if c&ZeroWindowProbe != 0 {
		return // a probe's byte does not advance the stream
	}
	if n > 0 {
		x := d.x // taken by Observe
		x.Stats.WireBytes += uint64(n)
		// The payload's own range: a SYN's sequence number comes first.
		r := Range{First: seq}
		if seg.Flags&segment.SYN != 0 {
			r.First++
		}
		r.End = r.First.Add(n)
		switch {
		case !d.haveNext || !r.First.LessThan(d.next):
			x.Stats.UniqueBytes += uint64(n)
		case d.next.LessThan(r.End):
			x.Stats.UniqueBytes += uint64(d.next.Size(r.End)) + x.fill(Range{r.First, d.next})
		default:
			x.Stats.UniqueBytes += x.fill(r)
		}
	}
	switch {
	case !d.haveNext:
		d.next, d.haveNext, d.nextTime = end, true, seg.Time.UnixNano()
		d.nextTS, d.haveTS = seg.Opts.TSVal, seg.Opts.HasTS
	case d.next.LessThan(end):
		if d.next.LessThan(seq) {
			d.detail(p).addHole(Range{d.next, seq})
		}
		if x := d.x; n > 0 && !x.rttTiming {
			x.rttEnd, x.rttSent, x.rttTiming = end, seg.Time, true
		}
		d.next, d.nextTime = end, seg.Time.UnixNano()
		d.nextTS, d.haveTS = seg.Opts.TSVal, seg.Opts.HasTS
	}
	if !d.haveToBeAcked || seq == d.toBeAcked {
		d.toBeAcked, d.haveToBeAcked = d.next, true
	}
	if n > 0 && len(seg.Payload) == seg.PayloadLen && c&anyRetransmission == 0 {
		d.x.remember(Range{seq, seq.Add(n)}, seg)
	}
}

// remember stores a digest of a segment's bytes in a small ring.
func (d *Detail) remember(r Range, seg *segment.Segment) {
	d.digs[d.digAt] = digest{r, seg.PayloadSum()}
	d.digAt = (d.digAt + 1) % maxDigests
	d.ndig = min(d.ndig+1, maxDigests)
}

// addHole records sequence space skipped by a segment beyond the next
// expected. With every slot taken the two nearest holes are merged, so
// the set stays bounded (overstating the hole a little).
func (d *Detail) addHole(r Range) {
	if d.nholes == maxHoles {
		// Merge the last hole with the new one: they are the nearest.
		d.holes[d.nholes-1].End = r.End
		return
	}
	d.holes[d.nholes] = r
	d.nholes++
}

func (d *Detail) removeHole(i int) {
	copy(d.holes[i:], d.holes[i+1:d.nholes])
	d.nholes--
}

// fill removes r from the holes and returns how many bytes of it were in
// a hole: bytes seen for the first time.
func (d *Detail) fill(r Range) uint64 {
	var filled uint64
	for i := 0; i < int(d.nholes); {
		h := d.holes[i]
		lo, hi := seqnum.Max(h.First, r.First), h.End
		if r.End.LessThan(hi) {
			hi = r.End
		}
		if !lo.LessThan(hi) {
			i++
			continue
		}
		filled += uint64(lo.Size(hi))
		switch {
		case lo == h.First && hi == h.End:
			d.removeHole(i)
			continue
		case lo == h.First:
			d.holes[i].First = hi
		case hi == h.End:
			d.holes[i].End = lo
		default: // split
			d.holes[i].End = lo
			if d.nholes < maxHoles {
				copy(d.holes[i+2:], d.holes[i+1:d.nholes])
				d.holes[i+1] = Range{hi, h.End}
				d.nholes++
				i++
			}
		}
		i++
	}
	return filled
}

// count adds a segment's classes to the direction's statistics.
func (d *Detail) count(c Class) {
	s := &d.Stats
	add := func(bit Class, n *uint64) {
		if c&bit != 0 {
			*n++
		}
	}
	add(Retransmission, &s.Retransmissions)
	add(SpuriousRetransmission, &s.Spurious)
	add(FastRetransmission, &s.FastRetransmissions)
	add(OutOfOrder, &s.OutOfOrder)
	add(PrevNotCaptured, &s.PrevNotCaptured)
	add(AckedUnseen, &s.AckedUnseen)
	add(DupAck, &s.DupAcks)
	add(ZeroWindow, &s.ZeroWindows)
	add(ZeroWindowProbe, &s.ZeroWindowProbes)
	add(WindowFull, &s.WindowFull)
	add(WindowUpdate, &s.WindowUpdates)
	add(KeepAlive, &s.KeepAlives)
	add(OverlapMismatch, &s.OverlapMismatches)
}
