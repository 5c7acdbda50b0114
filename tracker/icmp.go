package tracker

import (
	"net/netip"
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
)

// ICMP errors.
//
// An ICMP destination unreachable or time exceeded (segment.ICMPError)
// quotes the packet it is about, in that packet's sender's direction.
// Handle matches the quote, in this order:
//
//   - to the connection of the quoted TCP 4-tuple: the error is attached
//     to it (Conn.ICMP, and an ICMPObserver is told), with the side that
//     sent the quoted segment and whether the quoted sequence number is
//     one that side sent (from its ISN to the highest sequence number it
//     sent; without a handshake, at most 1 GiB below that). An error whose
//     quoted sequence number was never sent is noted as suspicious: a
//     spoofed or very late ICMP, which Linux ignores (tcp_v4_err's
//     "out of window" check). A valid destination unreachable (other than
//     fragmentation needed) or time exceeded for a side in SYN-SENT aborts
//     its connect, as Linux does (tcp_v4_err, tcp_v6_err): the side moves
//     to CLOSED, marked inferred (the wire does not show the error
//     delivered); a later retransmission of the SYN revives it. In other
//     states the error is a soft error and changes no state (RFC 1122
//     §4.2.3.9). A SYN retransmitted after an abort revokes it (SYN-SENT
//     again): Linux takes an error that arrives while the application
//     holds the socket as a soft one.
//   - to a pending TCP probe (probe.go) from the quoted source: it is the
//     probe's answer, and a destination unreachable makes the verdict
//     "filtered" (nmap's reading: a firewall or router said no).
//   - to a UDP datagram awaiting an answer (udp.go): port unreachable
//     makes the UDP probe "closed", another destination unreachable
//     "filtered".
//
// An error that matches none of these is counted in Stats.ICMPUnmatched
// and reported nowhere else: backscatter from spoofed traffic would
// otherwise flood the output.

// ICMPError is an ICMP error attached to a connection, reported to an
// ICMPObserver. Observers may read it during the call only.
type ICMPError struct {
	Time time.Time
	Pkt  uint64
	// ICMP is the error: sender, destination, type and code.
	ICMP segment.ICMP
	// Src and Dst are the quoted segment's endpoints: Src sent it.
	Src, Dst netip.AddrPort
	// Seq is the quoted sequence number; Flags the quoted flags, when
	// ICMP.HasFlags.
	Seq   seqnum.Value
	Flags segment.Flags
	// Conn is the connection, Side the side that sent the quoted segment.
	Conn *Conn
	Side Side
	// SeqOK says Seq is one Side sent. An error without it is suspicious.
	SeqOK bool
	// Quote names the quoted segment: "SYN", "SYN-ACK", "FIN", "RST",
	// "segment"; QuotePkt is its packet number when known (a SYN or FIN
	// still awaiting its answer), else 0.
	Quote    string
	QuotePkt uint64
	// Aborted says the error aborted Side's connect (SYN-SENT to CLOSED).
	Aborted bool
	// Events are the events the error caused (the abort's transition).
	// They come here and not through Observer.Events.
	Events []Event
}

// ICMPObserver is implemented by Observers that want ICMP errors attached
// to connections reported; the tracker calls ICMP once per such error,
// with the events it caused (ICMPError.Events), as Packet is called for
// a segment. Observers that do not implement it get those events through
// Observer.Events.
type ICMPObserver interface {
	ICMP(e *ICMPError)
}

// ICMPSeen is what a connection keeps of the first ICMP error about it.
type ICMPSeen struct {
	Time  time.Time
	Pkt   uint64
	ICMP  segment.ICMP
	Side  Side // the side whose segment it quotes
	SeqOK bool
	Quote string
}

// ICMP returns the first ICMP error attached to the connection and how
// many there were; n is 0 when none was.
func (c *Conn) ICMP() (first ICMPSeen, n uint32) {
	if c.rare == nil {
		return ICMPSeen{}, 0
	}
	return c.rare.icmp, c.rare.icmpN
}

// maxICMPBehind bounds how far below the highest sequence number a side
// sent a quoted sequence number may lie when its ISN is unknown.
const maxICMPBehind = 1 << 30

// icmpError handles an ICMP error quoting a TCP segment or UDP datagram.
func (t *Tracker) icmpError(seg *segment.Segment) {
	if seg.ICMP.Proto == segment.ProtoUDP {
		if !t.udpICMP(seg) { // udp.go
			t.stats.ICMPUnmatched++
		}
		return
	}
	key, srcFirst := tupleOf(seg)
	h := t.conns.hash(&key)
	if c := t.lookup(&key, h); c != nil {
		t.icmpConn(c, c.sideOf(srcFirst), seg)
		return
	}
	if p := t.probes[key]; p != nil && p.Prober == netip.AddrPortFrom(seg.Src, seg.SrcPort) {
		t.decideProbe(p, seg)
		return
	}
	t.stats.ICMPUnmatched++
}

// icmpConn attaches an ICMP error quoting a segment that side s of c sent.
func (t *Tracker) icmpConn(c *Conn, s Side, seg *segment.Segment) {
	t.stats.ICMP++
	e := &t.icmpBuf
	*e = ICMPError{
		Time: seg.Time, Pkt: seg.Pkt, ICMP: seg.ICMP,
		Src: netip.AddrPortFrom(seg.Src, seg.SrcPort), Dst: netip.AddrPortFrom(seg.Dst, seg.DstPort),
		Seq: seg.Seq, Flags: seg.Flags, Conn: c, Side: s,
		SeqOK: c.sentSeq(s, seg.Seq),
	}
	e.Quote, e.QuotePkt = c.quoted(s, seg)
	x := c.rareOf(t)
	if x.icmpN == 0 {
		x.icmp = ICMPSeen{Time: e.Time, Pkt: e.Pkt, ICMP: e.ICMP, Side: s, SeqOK: e.SeqOK, Quote: e.Quote}
	}
	x.icmpN++
	t.evTime, t.evPkt = seg.Time, seg.Pkt
	t.evs = t.evs[:0]
	cl := seg.ICMP.Class()
	if e.SeqOK && c.ep[s].state == SynSent && cl != segment.ICMPFragNeeded && seg.Seq == c.ep[s].isn {
		e.Aborted = c.set(t, s, rcvICMPError, true)
		c.icmpAbort = c.icmpAbort || e.Aborted
	}
	if t.icmpObs != nil {
		e.Events = t.evs
		t.icmpObs.ICMP(e)
		e.Events = nil
		t.evs = t.evs[:0]
	}
	t.flushEvents(c)
	if e.Aborted {
		t.schedule(c)
	}
}

// sentSeq reports whether side s sent sequence number v: from its ISN to
// the highest sequence number it sent, or, without its ISN, at most
// maxICMPBehind below that.
func (c *Conn) sentSeq(s Side, v seqnum.Value) bool {
	e := &c.ep[s]
	if e.synSent && v == e.isn {
		return true
	}
	next, ok := e.seq.Next()
	if !ok {
		return false
	}
	if e.synSent {
		return v.InRange(e.isn, next.Add(1))
	}
	return v.LessThanEq(next) && v.Size(next) <= maxICMPBehind
}

// quoted names the segment of side s an ICMP error quotes, and its packet
// number when it is a SYN or FIN still in flight.
func (c *Conn) quoted(s Side, seg *segment.Segment) (string, uint64) {
	e := &c.ep[s]
	f := seg.Flags
	if !seg.ICMP.HasFlags {
		switch {
		case e.synSent && seg.Seq == e.isn && e.synAckSent:
			f = segment.SYN | segment.ACK
		case e.synSent && seg.Seq == e.isn:
			f = segment.SYN
		case e.finSent && seg.Seq == e.finSeq:
			f = segment.FIN
		}
	}
	var pkt uint64
	peer := &c.ep[s.Peer()]
	for i := range int(peer.nin) {
		if in := &peer.in[i]; in.seq == seg.Seq && in.flags&(segment.SYN|segment.FIN) != 0 {
			pkt = in.pkt
		}
	}
	switch {
	case f&(segment.SYN|segment.ACK) == segment.SYN|segment.ACK:
		return "SYN-ACK", pkt
	case f&segment.SYN != 0:
		return "SYN", pkt
	case f&segment.RST != 0:
		return "RST", 0
	case f&segment.FIN != 0:
		return "FIN", pkt
	}
	return "segment", 0
}

// icmpAnswer sets probe p's answer to the ICMP error in seg.
func icmpAnswer(p *Probe, seg *segment.Segment) {
	p.Answer, p.AnswerFrom, p.ICMP = AnswerICMP, seg.ICMP.From, seg.ICMP
	cl := seg.ICMP.Class()
	switch {
	case cl == segment.ICMPPortUnreachable && p.Proto == ProtoUDP:
		p.Verdict = VerdictClosed
	case cl.Unreachable():
		p.Verdict = VerdictFiltered
	default:
		p.Verdict = VerdictUnknown
	}
}

// icmpRevive undoes an ICMP abort of side s that its retransmitted SYN
// seg contradicts: the connect was still going on.
func (c *Conn) icmpRevive(t *Tracker, s Side, seg *segment.Segment) {
	if e := &c.ep[s]; e.state == Closed && e.inferred && e.synSent && seg.Seq == e.isn {
		c.set(t, s, icmpRevoked, false)
	}
}
