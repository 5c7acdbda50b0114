package tracker

import (
	"net/netip"
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/internal/timediff"
	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
)

// maxInflight bounds the SYN/FIN segments held per direction while their
// delivery is unproven. Two suffice for every real exchange (a SYN and the
// SYN-ACK of a simultaneous open); more are presumed delivered in order.
const maxInflight = 4

// inflight is a segment carrying SYN or FIN that was seen on the wire but
// that its receiver has not yet been seen to acknowledge. Seen is not
// delivered: the receiver's state changes only when its own
// ACK proves the segment arrived, when a later segment of the same
// direction arrives (in-order delivery), or, presumed, when the input ends.
type inflight struct {
	// When it was sent, and its latest retransmission (when its answer is
	// due from), in Unix nanoseconds: 8 bytes each where a time.Time takes
	// 24. nsTime gives them back as the same instant in UTC, which is
	// what a capture file's times are (capture.FrameInfo); printers format
	// instants, not locations.
	time, last    int64
	pkt           uint64
	seq, end, ack seqnum.Value
	flags         segment.Flags
}

// nsTime returns the instant ns Unix nanoseconds, in UTC.
func nsTime(ns int64) time.Time { return time.Unix(0, ns).UTC() }

// synTime returns when the endpoint sent its SYN (its first with this
// ISN), or the zero Time if it sent none.
func (e *endpoint) synTime() time.Time {
	if !e.synSent {
		return time.Time{}
	}
	return nsTime(e.synNS)
}

// synAckTime returns when the responder sent its SYN-ACK, or the zero
// Time if it sent none.
func (c *Conn) synAckTime() time.Time {
	if !c.synAckSet {
		return time.Time{}
	}
	return nsTime(c.synAckNS)
}

// inflights is an endpoint's in-flight segments (endpoint.in).
type inflights [maxInflight]inflight

// endpoint is one side of a connection: its state and what the wire has
// shown of its sequence space.
type endpoint struct {
	// Touched by every packet of the connection; kept together.
	state    State
	inferred bool // the current state rests on an assumption
	seen     bool // has sent at least one segment
	synSent  bool // has sent a SYN or SYN-ACK; isn is valid
	finSent  bool
	baseSet  bool
	// FIN-WAIT-2 timeout (finwait2.go).
	dataAfterFIN bool  // sent payload while its peer was in FIN-WAIT-2
	halfClosed   bool  // in FIN-WAIT-2, acknowledged such payload
	nin          uint8 // segments in flight to this endpoint (in)
	z            zeekEndpoint
	isn          seqnum.Value // its initial sequence number
	finSeq       seqnum.Value // sequence number its FIN occupies
	base         seqnum.Value // origin of relative sequence numbers

	// What the evidence rules need (fsm.go): timestamps, the latest
	// unacceptable ACK it received, the window of its SYN, the RST that
	// closed it.
	tsSeen, synTSSet bool
	badAckSet        bool // badAck is the ack of an unacceptable ACK it received last
	nonSYN           bool // has sent a segment without SYN
	synAckSent       bool // has sent a SYN-ACK
	rstClosed        bool // its state is CLOSED (or LISTEN) because of a RST (sent or received)
	passive          bool // entered SYN-RECEIVED from LISTEN (a RST returns it there)
	rstWhy           uint8
	preRST           State // the state that RST found
	synWin           uint16
	tsVal, synTSVal  uint32
	badAck           seqnum.Value

	pkts, bytes, ipBytes uint64

	// seq is the sequence-space analysis of what this endpoint sends;
	// its Detail comes from Tracker.details once it carries data, and goes
	// back when the Conn is freed (release).
	seq reassembly.Dir

	// in holds segments sent to this endpoint whose delivery is unproven:
	// nin of them, in a block from Tracker.inflights while nin > 0 (a
	// connection in progress holds none).
	in *inflights

	since time.Time // when it entered its current state, on the capture clock
	synNS int64     // its SYN's transmission (synTime), in Unix nanoseconds
}

// Conn is one TCP connection: two endpoints and what happened to them.
// It is the hot record: what only some connections need (each direction's
// reassembly.Detail, in-flight blocks, connRare) comes from the tracker's
// pools when first needed and goes back when the connection is freed;
// methods read zero values while a part is absent.
// Observers may read a Conn during a callback; they must not keep it after
// Done returns, because the tracker reuses it. Between callbacks, a
// connection that saw a few header-only segments may be kept compact
// (compact.go): its next
// callback then gets another *Conn, with the same ID, UID and observer
// words. An observer that keeps a *Conn between callbacks needs
// Config.KeepConns.
type Conn struct {
	// The fields every packet touches come first, for the cache: the key
	// and the flags, the observers' words, the history's masks, then the
	// two endpoints; what only a connection's first or last packet, a
	// timer or a rare path reads comes after them. A packet reads about
	// nine of the record's twelve cache lines.
	key       Tuple
	origFirst bool   // the originator is the tuple's first endpoint
	hash      uint64 // the key's hash in the flow table
	id        uint64
	last      time.Time
	class     reassembly.Class // of the latest segment
	// The observers' words (aux.go), beside what every packet reads:
	// the findings engine tests a bit of its word on every packet.
	aux [AuxWords]uint32

	midstream bool // no SYN seen: the handshake predates the capture
	handshake bool // handshake completion reported
	simOpen   bool
	simClose  bool
	closeDone bool // close completion reported
	firstFIN  Side
	anyFIN    bool
	rst       bool // ended by an acceptable RST
	rstBy     Side
	refused   bool
	hsReset   bool // reset before the handshake completed
	synAckSet bool // synAckNS is set
	synRexmit bool // a SYN or SYN-ACK was retransmitted
	cookie    bool // the server answered the SYN with a SYN cookie (inferred)
	synNoTCB  bool // the unanswered SYN came from no socket (inferred, noTCBUnanswered)
	// One-sided capture (onesided.go): the seen side's ACKs so far.
	oneSided  bool
	unseen    Side
	ackSet    bool
	icmpAbort bool          // an ICMP error aborted a connect (icmp.go)
	hsServer  time.Duration // SYN → SYN-ACK at the capture point
	hsClient  time.Duration // SYN-ACK → ACK at the capture point
	// What only rare paths need, taken from Tracker.rares on first use
	// (rareOf) and given back when the Conn is freed.
	rare *connRare
	hist history
	// young is 1 + its place among the young, while one (compact.go); 0
	// if not. Every segment reads it: here it fills the padding before
	// ep, on a line the segment reads anyway.
	young uint32
	ep    [2]endpoint

	// Colder: the first packet, the timers, the handshake's counts.
	first            time.Time
	firstPkt         uint64 // the first segment's packet number
	why              string
	synRexmits       uint32 // retransmissions of the originator's SYN
	synAckRexmits    uint32 // retransmissions of the responder's SYN-ACK
	synAckNS         int64  // the responder's SYN-ACK (synAckTime), in Unix nanoseconds
	queued           stamp  // earliest deadline this connection has in the timer heap, if queuedSet
	gen              uint32 // bumped on reuse, to invalidate heap entries
	queuedSet        bool
	ackPrev, ackLast seqnum.Value // one-sided capture: the seen side's ACKs (onesided.go)
	uid              UID          // computed on first use; zero until then
	tunnel           uint64       // the first segment's segment.Segment.Tunnel
}

// connRare is the part of a connection only rare paths use: port reuse
// refused by TIME-WAIT, ICMP errors, Zeek's scaled letters, bad
// checksums. Its zero value is a connection that saw none of them.
type connRare struct {
	twSyn twRefusal // a SYN the TIME-WAIT endpoint refused, if any
	// ICMP errors attached (icmp.go): the first and how many.
	icmp  ICMPSeen
	icmpN uint32
	// Zeek's scaled T, W and G letters; segments with a bad checksum and
	// Zeek's scaled C letter (checksum.go).
	tw, ww, gw, ck [2]logCount
}

// rareOf returns c's rare part, taking one from t's pool if it has none.
func (c *Conn) rareOf(t *Tracker) *connRare {
	if c.rare == nil {
		c.rare = t.rares.Get()
	}
	return c.rare
}

// twSynSet reports whether a SYN was refused by the TIME-WAIT endpoint.
func (c *Conn) twSynSet() bool { return c.rare != nil && c.rare.twSyn.set }

// twRefusal is the latest SYN on the connection's 4-tuple that its TIME-WAIT
// endpoint refused (twJudge), and what its sender did next.
type twRefusal struct {
	at       time.Time    // when it was sent
	seq, ack seqnum.Value // its sequence number; the ack of the TIME-WAIT endpoint's answer
	n        uint32       // refused SYNs on this connection
	side     Side         // its sender
	set      bool
	acked    bool // the TIME-WAIT endpoint answered it with an ACK (ack)
	rst      bool // its sender answered that ACK with a RST (reported)
	rexmit   bool // it was retransmitted (reported): a real client
	told     bool // it was reported as forged
}

// ID returns the connection's number: 1 for the first connection of the
// input, counting up in order of creation.
func (c *Conn) ID() uint64 { return c.id }

// Tunnel returns the tunnel the connection's first segment arrived in
// (segment.Segment.Tunnel), 0 for none.
func (c *Conn) Tunnel() uint64 { return c.tunnel }

// Addr returns the address and port of a side.
func (c *Conn) Addr(s Side) netip.AddrPort {
	a, b := c.key.addrs()
	pa, pb := c.key.ports()
	if (s == Orig) != c.origFirst {
		a, pa = b, pb
	}
	return netip.AddrPortFrom(a, pa)
}

// State returns a side's current state.
func (c *Conn) State(s Side) State { return c.ep[s].state }

// Since returns when side s entered its current state, on the capture
// clock: the time of the packet (or timer) that caused the transition, or
// the connection's first packet for a state it started in.
func (c *Conn) Since(s Side) time.Time { return c.ep[s].since }

// Inferred reports whether a side's current state rests on an assumption
// (a missed handshake, a delivery presumed at the end of the input).
func (c *Conn) Inferred(s Side) bool { return c.ep[s].inferred }

// Packets returns the number of segments a side sent.
func (c *Conn) Packets(s Side) uint64 { return c.ep[s].pkts }

// Bytes returns the payload bytes a side sent, retransmissions included.
func (c *Conn) Bytes(s Side) uint64 { return c.ep[s].bytes }

// IPBytes returns the IP-level bytes a side sent: the sum of the IP
// lengths of its packets (Zeek's orig_ip_bytes and resp_ip_bytes).
func (c *Conn) IPBytes(s Side) uint64 { return c.ep[s].ipBytes }

// First returns the time of the connection's first segment.
func (c *Conn) First() time.Time { return c.first }

// FirstPkt returns the packet number of the connection's first segment.
func (c *Conn) FirstPkt() uint64 { return c.firstPkt }

// Last returns the time of the connection's latest segment.
func (c *Conn) Last() time.Time { return c.last }

// Midstream reports whether the capture missed the handshake.
func (c *Conn) Midstream() bool { return c.midstream }

// HandshakeRetransmits returns how many times the originator's SYN and
// the responder's SYN-ACK were retransmitted (same ISN). A SYN flood's
// half-open connections show SYN-ACK retransmissions and no answer.
func (c *Conn) HandshakeRetransmits() (syn, synAck uint32) { return c.synRexmits, c.synAckRexmits }

// SynCookie reports whether the responder is inferred to have answered
// the SYN statelessly with a SYN cookie: it never retransmitted its
// unanswered SYN-ACK although the input went on past the first
// retransmission time (see synCookie in fsm.go).
func (c *Conn) SynCookie() bool { return c.cookie }

// RefusedSYNs returns how many SYNs on the connection's 4-tuple its
// endpoint in TIME-WAIT refused as old duplicates (each also a Note,
// Event.RefusedReuse): premature reuses that opened no connection.
func (c *Conn) RefusedSYNs() uint32 {
	if c.rare == nil {
		return 0
	}
	return c.rare.twSyn.n
}

// Rel returns seq relative to the start of side s's sequence space (its
// ISN, or its first sequence number seen), as tcpdump and tshark print it.
func (c *Conn) Rel(s Side, v seqnum.Value) uint32 { return uint32(v - c.ep[s].base) }

// HasBase reports whether Rel has an origin for side s.
func (c *Conn) HasBase(s Side) bool { return c.ep[s].baseSet }

// History returns the Zeek history string (see zeek.go).
func (c *Conn) History() string { return string(c.hist.buf[:c.hist.n]) }

// ConnState returns the Zeek conn_state (see zeek.go).
func (c *Conn) ConnState() string { return c.zeekConnState() }

// Why returns why the connection left the table early: "idle timeout",
// "evicted (table full)", or "" when it ended by itself or at the end of
// the input.
func (c *Conn) Why() string { return c.why }

// End describes how the connection ended, for people: "closed by client",
// "refused", "aborted by server RST", "open" … The strings are constants.
func (c *Conn) End() string {
	o, r := c.ep[Orig].state, c.ep[Resp].state
	byServer := c.rstBy == Resp
	switch {
	case c.refused:
		return EndRefused
	case c.icmpAbort && o.Gone() && r.Gone():
		return EndICMPUnreachable
	case c.rst && c.hsReset:
		return pick(byServer, EndHandshakeResetByServer, EndHandshakeResetByClient)
	case c.rst:
		return pick(byServer, EndAbortedByServer, EndAbortedByClient)
	case c.closeDone && c.simClose:
		return EndSimultaneousClose
	case c.closeDone:
		return pick(c.firstFIN == Resp, EndClosedByServer, EndClosedByClient)
	case c.anyFIN:
		return pick(c.firstFIN == Resp, EndClosingByServer, EndClosingByClient)
	case c.cookie && r == Listen:
		return EndSynCookie
	case (o == SynSent || c.synNoTCB) && r.Gone():
		return EndUnanswered
	case o.Handshaking() || r.Handshaking():
		return EndHandshakeIncomplete
	case o.Synchronized() && r.Synchronized():
		return EndOpen
	}
	return EndUnknown
}

// The values End returns.
const (
	EndClosedByClient         = "closed by client"
	EndClosedByServer         = "closed by server"
	EndSimultaneousClose      = "simultaneous close"
	EndClosingByClient        = "closing, initiated by client"
	EndClosingByServer        = "closing, initiated by server"
	EndRefused                = "refused"
	EndICMPUnreachable        = "unreachable (ICMP error)"
	EndAbortedByClient        = "aborted by client RST"
	EndAbortedByServer        = "aborted by server RST"
	EndHandshakeResetByClient = "reset during handshake by client"
	EndHandshakeResetByServer = "reset during handshake by server"
	EndUnanswered             = "unanswered"
	EndSynCookie              = "SYN cookie, never answered"
	EndHandshakeIncomplete    = "handshake incomplete"
	EndOpen                   = "open"
	EndUnknown                = "unknown"
)

// Endings lists every value End returns, for tools that match on them.
var Endings = [...]string{
	EndClosedByClient, EndClosedByServer, EndSimultaneousClose,
	EndClosingByClient, EndClosingByServer, EndRefused, EndICMPUnreachable,
	EndAbortedByClient, EndAbortedByServer,
	EndHandshakeResetByClient, EndHandshakeResetByServer,
	EndUnanswered, EndSynCookie, EndHandshakeIncomplete, EndOpen, EndUnknown,
}

func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

// AppendHistory appends the Zeek history string to b.
func (c *Conn) AppendHistory(b []byte) []byte { return append(b, c.hist.buf[:c.hist.n]...) }

// sideOf returns the side that sent a segment, given whether its source
// is the first endpoint of the canonical tuple.
func (c *Conn) sideOf(srcFirst bool) Side {
	if srcFirst == c.origFirst {
		return Orig
	}
	return Resp
}

// set feeds input in to side s through next, the transition function, and
// reports the transition as one Transition event. It is the only place
// endpoint states change.
func (c *Conn) set(t *Tracker, s Side, in input, inferred bool) bool {
	e := &c.ep[s]
	to, reason, ok := next(e.state, in)
	if in == rstRevoked {
		to, reason, ok = revoke(e.state, e.preRST, e.rstWhy)
	}
	if !ok {
		return false
	}
	inferred = inferred || c.oneSidedInferred(s, in) // onesided.go
	from := shownFrom(e.state, in)
	e.rstClosed = in == sndRST || in == rcvRST || in == rcvRSTPassive
	if to == SynReceived {
		// Passive unless it crossed its own SYN (simultaneous open).
		e.passive = in != rcvSYN
	}
	if e.rstClosed {
		e.preRST = e.state
	}
	age := timediff.Sub(t.evTime, e.since)
	e.state = to
	e.inferred = inferred
	e.since = t.evTime
	switch {
	case to == Closing:
		c.simClose = true
	case in == rcvSYN:
		c.simOpen = true
	}
	t.emit(Event{Kind: Transition, Side: s, From: from, To: to, Reason: reason, Inferred: inferred, Age: age})
	return true
}

// apply replays one segment sent by side s: first what its ACK proves the
// sender had received, then the sender's own transition, then the
// receiver's.
func (c *Conn) apply(t *Tracker, seg *segment.Segment, s Side) {
	c.last = seg.Time
	e, p := &c.ep[s], &c.ep[s.Peer()]
	syn, ack, rst := seg.Flags&segment.SYN != 0, seg.Flags&segment.ACK != 0, seg.Flags&segment.RST != 0

	if e.rstClosed && (e.state == Closed || e.state == Listen) && livesOn(e.state, syn, ack, rst) {
		c.revise(t, s)
	}
	if c.twSynSet() {
		c.twFollowUp(t, s, seg)
	}
	if c.oneSided || !p.seen {
		c.inferUnseen(t, s, seg) // one-sided captures: onesided.go
	}
	// What the segment shows, whatever the states: is it in its
	// receiver's window, and does it come before its sender's SYN?
	oow := c.outOfWindow(s, seg)
	accepted := !oow && (syn || e.synSent || c.midstream) && !(syn && e.synSent && seg.Seq != e.isn)
	if ack && !rst && !p.state.Synchronized() {
		// Only read (rstSender) while the receiver is not synchronized:
		// skipped on the hot path of established connections.
		c.noteAck(p, seg.Ack)
	}
	switch {
	case oow && checksSeq(p.state):
		c.beyondWindow(t, s)
	case rst:
		c.applyRST(t, seg, s)
	default:
		// The calls are guarded by what makes them do anything, so the
		// segments of a connection in progress skip their code.
		if ack && (e.nin > 0 || s == Orig && c.ep[Resp].state == SynReceived) {
			c.deliverAcked(t, s, seg)
		}
		if seg.Flags&(segment.SYN|segment.FIN) != 0 {
			c.sent(t, s, seg)
		}
		if p.nin > 0 || seg.Flags&(segment.SYN|segment.FIN) != 0 || !ackInert(p.state) || t.slowPath {
			c.received(t, s.Peer(), seg)
		}
	}

	c.hist.update(c, s, seg)
	c.zeekUpdate(s, seg)
	c.observe(t, s, seg, accepted)
	c.notePeerData(s, seg)
	c.noteHalfClose(s, seg)
	c.phases(t)
}

// The functions below marked go:noinline are what apply calls only for
// segments that are not an established connection's data or ACKs (RSTs,
// SYNs, FINs, segments in flight, one-sided captures, segments beyond the
// window). Kept as calls, their code stays out of apply's, so the code the
// per-packet loop runs fits the instruction cache (about 32 KB): inlined,
// as profile-guided optimization did, apply grew to 10 KB, most of it
// never run by a data segment but spread between the lines that are.

// beyondWindow reports a segment sent by side s beyond its receiver's
// window: §3.10.7.4 first check: not acceptable; the receiver sends an
// ACK and drops it, its ACK and FIN unread.
//
//go:noinline
func (c *Conn) beyondWindow(t *Tracker, s Side) {
	t.emit(Event{Kind: Note, Side: s, Reason: "segment beyond the receiver's window: dropped, an ACK expected (RFC 9293 §3.10.7.4)"})
}

// applyRST applies a RST sent by side s: first the in-flight segments it
// shows were delivered to its receiver, then the RST to both ends.
//
//go:noinline
func (c *Conn) applyRST(t *Tracker, seg *segment.Segment, s Side) {
	c.arrive(t, s.Peer(), seg)
	c.sent(t, s, seg) // applies the RST to both ends
}

// twFactsOf reduces a SYN sent by side s to what it shows the peer, in
// TIME-WAIT (twJudge): its sequence number against the peer's RCV.NXT
// (the last ACK the peer sent, else the sender's highest sequence
// number), and its timestamp against the peer's TS.Recent (the latest
// TSval the sender sent on the old connection). delta is SEG.SEQ −
// RCV.NXT.
func (c *Conn) twFactsOf(s Side, seg *segment.Segment) (f twFacts, delta int64) {
	snd, tw := &c.ep[s], &c.ep[s.Peer()]
	rcvNxt, ok := tw.seq.LastAck()
	if !ok {
		rcvNxt, ok = snd.seq.Next()
	}
	if ok {
		f.known = true
		f.after = rcvNxt.LessThan(seg.Seq)
		delta = int64(rcvNxt.Diff(seg.Seq))
	}
	if seg.Opts.HasTS && snd.tsSeen && tw.tsSeen && snd.tsVal != 0 {
		// Linux parses the SYN's timestamp only if TIME-WAIT has a
		// TS.Recent, and PAWS ignores a TS.Recent of 0.
		f.ts = true
		d := int32(seg.Opts.TSVal - snd.tsVal)
		f.tsNewer, f.tsOlder = d > 0, d < 0
	}
	return f, delta
}

// twRefused records a SYN sent by side s that the TIME-WAIT endpoint
// refused with verdict v: it is counted as a packet of the old
// connection, changes no state, never seeds or moves the sequence
// analysis, and is reported as a Note. A retransmission of it shows that
// a real client in SYN-SENT sent it.
func (c *Conn) twRefused(t *Tracker, seg *segment.Segment, s Side, v int, delta int64) {
	e := &c.ep[s]
	c.last = seg.Time
	c.class = 0
	e.pkts++
	e.ipBytes += uint64(seg.IPLen)
	reason := ReasonReuseRefused
	if v == twRefusedPAWS {
		reason = ReasonReuseRefusedPAWS
	}
	t.emit(Event{Kind: Note, Side: s, Reason: reason, Delta: delta})
	w := &c.rareOf(t).twSyn
	n := w.n + 1
	if c.twRetransmitted(t, seg, s) {
		w.n = n
		return
	}
	*w = twRefusal{set: true, side: s, seq: seg.Seq, at: seg.Time, n: n}
}

// twRetransmitted reports whether a SYN sent by side s retransmits the
// refused one, and says once that a real client sent it.
func (c *Conn) twRetransmitted(t *Tracker, seg *segment.Segment, s Side) bool {
	if c.rare == nil {
		return false
	}
	w := &c.rare.twSyn
	if !w.set || w.side != s || w.seq != seg.Seq {
		return false
	}
	if !w.rexmit {
		w.rexmit = true
		t.emit(Event{Kind: Note, Side: s, Reason: ReasonReuseRetransmitted})
	}
	return true
}

// twFollowUp watches what follows a refused SYN on the old connection:
// the TIME-WAIT endpoint's ACK answering it, and a RST from the SYN's
// sender at exactly that ACK's number (<SEQ=SEG.ACK><CTL=RST>), which a
// client in SYN-SENT sends (§3.10.7.3), but so does a host without the
// socket (§3.10.7.1): it shows a live address, not a socket.
//
//go:noinline
func (c *Conn) twFollowUp(t *Tracker, s Side, seg *segment.Segment) {
	w := &c.rare.twSyn
	switch f := seg.Flags; {
	case s != w.side && f&(segment.ACK|segment.RST|segment.SYN) == segment.ACK:
		w.acked, w.ack = true, seg.Ack
	case s == w.side && f&(segment.ACK|segment.RST) == segment.RST && w.acked && seg.Seq == w.ack && !w.rst:
		w.rst = true
		t.emit(Event{Kind: Note, Side: s, Reason: ReasonReuseAnsweredRST})
	}
}

// revise undoes the RST that closed side s, which has just sent a segment
// only a live connection sends (livesOn): it never acted on that RST.
//
//go:noinline
func (c *Conn) revise(t *Tracker, s Side) {
	if !c.set(t, s, rstRevoked, true) {
		return
	}
	if c.rst && s == c.rstBy.Peer() {
		c.rst, c.refused, c.hsReset = false, false, false
	}
}

// noteAck records whether ack, received by endpoint p, is unacceptable to
// it (§3.10.7.3: SEG.ACK =< ISS or SEG.ACK > SND.NXT), for a RST that
// answers it.
//
//go:noinline
func (c *Conn) noteAck(p *endpoint, ack seqnum.Value) {
	p.badAckSet = false
	if !p.synSent {
		return
	}
	next, ok := p.seq.Next()
	if !ok {
		next = p.isn.Add(1)
	}
	p.badAckSet = !(p.isn.LessThan(ack) && ack.LessThanEq(next))
	p.badAck = ack
}

// outOfWindow reports whether seg, sent by side s, begins beyond the
// right edge of its receiver's window: past the most the receiver can
// have received (the sender's highest sequence number, or the receiver's
// latest ACK) plus the window it advertised. Its SYN's window is
// unscaled; later ones are scaled by the negotiated shift (the largest if
// unknown, so a segment is never called out of window wrongly).
func (c *Conn) outOfWindow(s Side, seg *segment.Segment) bool {
	if seg.Flags&(segment.SYN|segment.RST) != 0 {
		return false
	}
	snd, rcv := &c.ep[s], &c.ep[s.Peer()]
	if !rcv.synSent {
		return false
	}
	hi, ok := snd.seq.Next()
	if !ok {
		return false
	}
	if a, ok := rcv.seq.LastAck(); ok && hi.LessThan(a) {
		hi = a
	}
	w := seqnum.Size(rcv.synWin)
	if rcv.nonSYN {
		var known bool
		if w, known = rcv.seq.Window(); !known {
			w <<= 14
		}
	}
	return hi.Add(w).LessThan(seg.Seq)
}

// observe records what a segment its endpoint sent shows of the
// sequence space, and classifies it.
//
// A segment its receiver did not accept (beyond its window, or sent
// before its sender's SYN) is counted but never seeds or moves the
// sequence analysis, nor adds to the bytes.
func (c *Conn) observe(t *Tracker, s Side, seg *segment.Segment, accepted bool) {
	e, p := &c.ep[s], &c.ep[s.Peer()]
	if seg.Opts.HasTS {
		e.tsVal, e.tsSeen = seg.Opts.TSVal, true
	}
	switch {
	case seg.Flags&segment.SYN == 0:
		e.nonSYN = true
	case accepted:
		e.synWin = seg.Window
		if seg.Opts.HasTS {
			e.synTSVal, e.synTSSet = seg.Opts.TSVal, true
		}
		e.base, e.baseSet = seg.Seq, true
	}
	if !e.baseSet {
		e.base, e.baseSet = seg.Seq, true
	}
	if seg.Flags&segment.ACK != 0 && !p.baseSet {
		p.base, p.baseSet = seg.Ack, true
	}
	e.seen = true
	e.pkts++
	e.ipBytes += uint64(seg.IPLen)
	if !accepted {
		c.class = 0
		return
	}
	e.bytes += uint64(seg.PayloadLen)
	if t.noSeq {
		return
	}
	missed := p.seq.Stats().MissedBytes
	c.class = reassembly.Observe(&e.seq, &p.seq, seg, c.hsServer+c.hsClient, &t.details)
	c.hist.scaled(t, c, s, seg, missed != p.seq.Stats().MissedBytes)
}

// deliverAcked applies, in order, the in-flight segments that the ACK of
// seg (sent by side s) proves s had received before sending it.
//
//go:noinline
func (c *Conn) deliverAcked(t *Tracker, s Side, seg *segment.Segment) {
	e := &c.ep[s]
	if s == Orig && c.ep[Resp].state == SynReceived && c.synAckRexmits == 0 && c.synAckSet &&
		c.ep[Resp].isn.Add(1) == seg.Ack &&
		c.unanswered(t, c.synAckTime(), seg.Time, synCookie) {
		// The ACK came after the SYN-ACK's first retransmission was due,
		// and none was sent: a SYN cookie. The ACK completes the
		// handshake as usual.
		c.cookie = true
	}
	synack := seg.Flags&segment.SYN != 0
	n := 0
	for n < int(e.nin) {
		f := &e.in[n]
		// A SYN is delivered once its SYN is acknowledged, even if the
		// data it carries was not accepted (a refused TCP Fast Open).
		if !f.end.LessThanEq(seg.Ack) && (f.flags&segment.SYN == 0 || !f.seq.Add(1).LessThanEq(seg.Ack)) {
			break
		}
		// A SYN-ACK answers a SYN: anything after that SYN arrived after
		// the answer was sent (the crossing SYN-ACKs of a simultaneous open).
		if synack && f.flags&segment.ACK != 0 {
			break
		}
		c.receipt(t, s, f, seg.Flags, false)
		n++
	}
	e.popInflight(t, n)
}

// popInflight drops the first n in-flight segments; the block goes back
// to the pool when none is left.
func (e *endpoint) popInflight(t *Tracker, n int) {
	if n == 0 {
		return
	}
	copy(e.in[:], e.in[n:e.nin])
	e.nin -= uint8(n)
	if e.nin == 0 {
		e.dropInflight(t)
	}
}

// dropInflight forgets every in-flight segment.
func (e *endpoint) dropInflight(t *Tracker) {
	if e.in != nil {
		t.inflights.Put(e.in)
		e.in = nil
	}
	e.nin = 0
}

// pushInflight appends f to the in-flight segments (nin < maxInflight).
func (e *endpoint) pushInflight(t *Tracker, f *inflight) {
	if e.in == nil {
		e.in = t.inflights.Get()
	}
	e.in[e.nin] = *f
	e.nin++
}

// arrive delivers to side r, in order, the in-flight segments that
// precede seg in sequence space: in-order delivery means they arrived
// first. It reports false if seg is a retransmission of one of them.
func (c *Conn) arrive(t *Tracker, r Side, seg *segment.Segment) bool {
	e := &c.ep[r]
	const ctl = segment.SYN | segment.FIN | segment.ACK
	n := 0
	for n < int(e.nin) {
		f := &e.in[n]
		if seg.Flags&(segment.SYN|segment.FIN) != 0 && f.seq == seg.Seq && f.flags&ctl == seg.Flags&ctl {
			f.last = seg.Time.UnixNano() // the earlier copy was not answered: wait from this one
			e.popInflight(t, n)
			return false
		}
		// A SYN without ACK is delivered only with its answer (or
		// presumed): a later segment of its sender does not show that a
		// listener took it.
		if !f.end.LessThanEq(seg.Seq) || f.flags&(segment.SYN|segment.ACK) == segment.SYN {
			break
		}
		c.receipt(t, r, f, 0, false)
		n++
	}
	e.popInflight(t, n)
	return true
}

// received applies seg to its receiver, side r. SYN and FIN segments wait
// in flight for proof of delivery; others take effect on sight, after any
// in-flight segment that precedes them in sequence space.
//
//go:noinline
func (c *Conn) received(t *Tracker, r Side, seg *segment.Segment) {
	e := &c.ep[r]
	if e.nin == 0 && seg.Flags&(segment.SYN|segment.FIN) == 0 && ackInert(e.state) && !t.slowPath {
		// Nothing in flight to deliver first, and this segment cannot
		// move r (ackInert): most segments of a connection in progress.
		return
	}
	if !c.arrive(t, r, seg) {
		return // a retransmission of a segment still in flight
	}
	ns := seg.Time.UnixNano()
	f := inflight{time: ns, last: ns, pkt: seg.Pkt, seq: seg.Seq, end: seg.End(), ack: seg.Ack, flags: seg.Flags}
	if seg.Flags&(segment.SYN|segment.FIN) == 0 {
		c.receipt(t, r, &f, 0, false)
		return
	}
	if e.nin == maxInflight {
		c.receipt(t, r, &e.in[0], 0, true)
		e.popInflight(t, 1)
	}
	e.pushInflight(t, &f)
}

// receipt applies the delivery of segment f to side r. answer holds the
// flags of the segment r sent that proved the delivery (0 if none).
// presumed marks a delivery assumed without proof.
func (c *Conn) receipt(t *Tracker, r Side, f *inflight, answer segment.Flags, presumed bool) {
	ins, n := receive(c.ep[r].state, c.factsOf(r, f, answer))
	for _, in := range ins[:n] {
		c.set(t, r, in, presumed)
	}
}

// factsOf reduces segment f, delivered to side r, to what it shows r
// whatever r's state: its flags, what its ACK covers, and whether r
// answered it with a SYN-ACK.
func (c *Conn) factsOf(r Side, f *inflight, answer segment.Flags) facts {
	e := &c.ep[r]
	var x facts
	if f.flags&segment.SYN != 0 {
		x |= fSYN
	}
	if f.flags&segment.FIN != 0 {
		x |= fFIN
	}
	if f.flags&segment.ACK != 0 {
		x |= fACK
		if e.synSent && e.isn.Add(1).LessThanEq(f.ack) {
			x |= fAckOfSYN
		}
		if !e.synSent {
			x |= fSYNUnseen
		}
		if e.finSent && e.finSeq.Add(1).LessThanEq(f.ack) {
			x |= fAckOfFIN
		}
	}
	if answer&(segment.SYN|segment.ACK) == segment.SYN|segment.ACK {
		x |= fAnswered
	}
	return x
}

// sent applies seg to its sender, side s.
//
//go:noinline
func (c *Conn) sent(t *Tracker, s Side, seg *segment.Segment) {
	e := &c.ep[s]
	f := seg.Flags
	if f&segment.RST != 0 {
		c.sentRST(t, s, seg)
		return
	}
	if f&segment.SYN != 0 {
		if e.synSent && seg.Seq == e.isn {
			c.synRexmit = true // Karn: an answer to which copy? No RTT sample.
			switch {
			case f&segment.ACK == 0:
				c.synRexmits++
			case e.synAckSent:
				c.synAckRexmits++
			default:
				e.synAckSent = true // a simultaneous open's SYN-ACK: its SYN with ACK
			}
		} else if e.synSent {
			// A second ISN on one connection (an attacker's or a broken
			// stack's): the receiver, holding the first, rejects it
			// (RFC 5961 §4), so it neither replaces the ISN nor counts.
			t.emit(Event{Kind: Note, Side: s, Reason: "SYN with another ISN than its first: ignored"})
		} else {
			e.synSent, e.isn, e.synNS = true, seg.Seq, seg.Time.UnixNano()
			if f&segment.ACK == 0 {
				in := sndSYN
				if !c.ep[Orig].seen && !c.ep[Resp].seen {
					in = sndOpeningSYN // this SYN created the connection record
				}
				c.set(t, s, in, false)
			} else {
				e.synAckSent = true
				t.sawServer(c, c.Addr(s))
				c.synAckNS, c.synAckSet = seg.Time.UnixNano(), true
				c.set(t, s, sndSYNACK, true)
			}
		}
	}
	if f&segment.FIN != 0 && !e.finSent && sendsFIN(e.state) {
		e.finSent = true
		e.finSeq = seg.Seq.Add(seqnum.Size(seg.PayloadLen))
		if f&segment.SYN != 0 {
			e.finSeq++
		}
		if !c.anyFIN {
			c.anyFIN, c.firstFIN = true, s
		}
		c.set(t, s, sndFIN, false)
	}
}

// sentRST applies a RST sent by side s to both endpoints, if its receiver
// would accept it.
func (c *Conn) sentRST(t *Tracker, s Side, seg *segment.Segment) {
	snd, rcv := &c.ep[s], &c.ep[s.Peer()]
	f, verdict, delta := c.rstVerdict(s, seg)
	switch verdict {
	case rstExact, rstNoConn, rstAssumed:
		// Only a RST its receiver accepts is evidence of what its sender
		// had received (a refusal answering a SYN).
		if seg.Flags&segment.ACK != 0 {
			c.deliverAcked(t, s, seg)
		}
		handshaking := !c.handshake // the handshake never completed (a CLOSED peer does not reopen it)
		refusal := rcv.state == SynSent && snd.state.Gone()
		// The connection had closed: the RST only ends a TIME-WAIT.
		endsTW := rcv.state == TimeWait && snd.state.Gone()
		inferred := verdict == rstAssumed
		switch rstSender(snd.state, f) {
		case rstAborts:
			snd.dropInflight(t) // whatever the sender had yet to receive no longer matters
			if c.set(t, s, sndRST, inferred) {
				snd.rstWhy = whyNotSent
			}
		case rstReply:
			t.emit(Event{Kind: Note, Side: s, Reason: "RST answering an unacceptable ACK: its sender keeps its state (RFC 9293 §3.10.7.3)"})
		case rstNotTCB:
			t.emit(Event{Kind: Note, Side: s, Reason: "RST with a TSval older than its sender's: not from its connection (forged?), the sender keeps its state"})
		}
		if c.set(t, s.Peer(), rstInput(rcv.state, rcv.passive), inferred) {
			rcv.rstWhy = whyLost
			switch {
			case f.tsBack:
				rcv.rstWhy = whyPAWS
			case inferred:
				rcv.rstWhy = whyWindow
			}
			if endsTW {
				t.emit(Event{Kind: Note, Side: s, Reason: "RST ends TIME-WAIT after the close (Linux with net.ipv4.tcp_rfc1337=0; RFC 1337 TIME-WAIT assassination)"})
				return
			}
			c.rst, c.rstBy = true, s
			switch {
			case refusal:
				c.refused = true
				t.emit(Event{Kind: Phase, Side: s, Reason: "refused"})
			case handshaking && !c.midstream:
				c.hsReset = true
				t.emit(Event{Kind: Phase, Side: s, Reason: c.End()})
			default:
				t.emit(Event{Kind: Phase, Side: s, Reason: c.End()})
			}
		}
	case rstInWindow:
		t.emit(Event{Kind: Note, Side: s, Reason: "RST in window but not exact: ignored, challenge ACK expected per RFC 5961", Delta: delta})
	case rstOutside:
		t.emit(Event{Kind: Note, Side: s, Reason: "RST out of window: ignored", Delta: delta})
	case rstBadACK:
		t.emit(Event{Kind: Note, Side: s, Reason: "RST in SYN-SENT without acceptable ACK: ignored", Delta: delta})
	case rstPAWS:
		t.emit(Event{Kind: Note, Side: s, Reason: "RST in SYN-SENT with a TSecr older than its SYN: ignored (PAWS)"})
	}
}

// rstVerdict decides whether the receiver of a RST from side s accepts it
// (rstCheck), and how far its sequence number is from the receiver's
// RCV.NXT.
func (c *Conn) rstVerdict(s Side, seg *segment.Segment) (f rstFacts, verdict int, delta int64) {
	f, delta = c.rstFactsOf(s, seg)
	verdict = rstCheck(c.ep[s.Peer()].state, f)
	if verdict != rstInWindow && verdict != rstOutside {
		delta = 0
	}
	return f, verdict, delta
}

// rstFactsOf reduces a RST sent by side s to what it shows whatever its
// receiver's state: whether it acknowledges the receiver's SYN, and where
// its sequence number lies against the receiver's RCV.NXT.
func (c *Conn) rstFactsOf(s Side, seg *segment.Segment) (f rstFacts, delta int64) {
	snd, rcv := &c.ep[s], &c.ep[s.Peer()]
	rcvNext, _ := rcv.seq.Next()
	f.acksSYN = seg.Flags&segment.ACK != 0 && rcv.isn.LessThan(seg.Ack) && seg.Ack.LessThanEq(rcvNext)
	ts := &seg.Opts
	f.paws = ts.HasTS && ts.TSEcr != 0 && rcv.synTSSet && int32(ts.TSEcr-rcv.synTSVal) < 0
	f.tsBack = ts.HasTS && snd.tsSeen && int32(ts.TSVal-snd.tsVal) < 0
	f.reply = seg.Flags&segment.ACK == 0 && snd.badAckSet && seg.Seq == snd.badAck
	sndNext, sndSeen := snd.seq.Next()
	rcvAck, rcvAcked := rcv.seq.LastAck()
	if !sndSeen && !rcvAcked {
		return f, 0
	}
	f.known = true
	// The receiver's RCV.NXT lies between the last ACK it sent and the
	// sender's highest sequence number: anything in flight may or may not
	// have arrived.
	lo, hi := sndNext, sndNext
	if rcvAcked {
		lo = rcvAck
	}
	if !sndSeen {
		hi = lo
	}
	if hi.LessThan(lo) {
		lo, hi = hi, lo
	}
	if seg.Seq.InRange(lo, hi.Add(1)) {
		f.seq = rstExact
		return f, 0
	}
	delta = int64(lo.Diff(seg.Seq))
	f.seq = rstOutside
	if seg.Seq.LessThan(lo) {
		return f, delta
	}
	// With the handshake missed the window scale is unknown; the largest
	// (14) is assumed so a RST is never called out of window wrongly.
	w, known := rcv.seq.Window()
	if !known {
		w <<= 14
	}
	if seg.Seq.InWindow(lo, w) {
		f.seq = rstInWindow
	}
	return f, delta
}

// phases reports the phase completions the latest segment brought about.
func (c *Conn) phases(t *Tracker) {
	if (c.handshake || c.midstream) && (c.closeDone || !c.anyFIN || c.rst) {
		return // neither can complete: most segments
	}
	c.phasesDue(t)
}

// phasesDue is phases when a phase can complete.
//
//go:noinline
func (c *Conn) phasesDue(t *Tracker) {
	o, r := c.ep[Orig].state, c.ep[Resp].state
	if !c.handshake && !c.midstream && o.Synchronized() && r.Synchronized() {
		c.handshake = true
		reason := "handshake complete"
		if c.simOpen {
			reason = "handshake complete, simultaneous open"
		}
		var rtt time.Duration
		if !c.synRexmit && !c.simOpen && !c.oneSided { // one-sided: half the handshake was not captured
			syn, synAck := c.ep[Orig].synTime(), c.synAckTime()
			rtt = timediff.Sub(t.evTime, syn)
			c.hsServer = timediff.Sub(synAck, syn)
			c.hsClient = timediff.Sub(t.evTime, synAck)
			if t.cfg.Shared != nil && !t.replaying {
				t.cfg.Shared.SawRTT(c, rtt)
			}
			t.pathRTT = max(t.pathRTT, rtt)
		}
		t.emit(Event{Kind: Phase, Reason: reason, RTT: rtt})
	}
	done := func(s State) bool { return s == TimeWait || s == Closed }
	if !c.closeDone && c.anyFIN && !c.rst && done(o) && done(r) {
		c.closeDone = true
		reason := pick(c.firstFIN == Resp, "server-initiated close", "client-initiated close")
		if c.simClose {
			reason = "simultaneous close"
		}
		t.emit(Event{Kind: Phase, Side: c.firstFIN, Reason: reason})
	}
}

// flushInflight settles every segment still in flight when the input
// ends (or the connection expires) at end, in capture order: a segment
// whose answer was already due and never came was not delivered and is
// dropped; the others are presumed delivered (presumeDelivery). Then the
// endpoints the evidence shows hold no request are settled (settle).
func (c *Conn) flushInflight(t *Tracker, end time.Time) {
	for {
		var e *endpoint
		var r Side
		for s := Orig; s <= Resp; s++ {
			x := &c.ep[s]
			if x.nin > 0 && (e == nil || x.in[0].pkt < e.in[0].pkt) {
				e, r = x, s
			}
		}
		if e == nil {
			break
		}
		f := e.in[0]
		e.popInflight(t, 1)
		synack := f.flags&(segment.SYN|segment.ACK) == segment.SYN|segment.ACK
		if !c.presumed(t, nsTime(f.last), end, synack) {
			continue
		}
		t.evTime, t.evPkt = nsTime(f.time), f.pkt
		c.receipt(t, r, &f, 0, true)
		c.phases(t)
	}
	c.settle(t, end)
}

// presumed is presumeDelivery with this connection's answerWait, asked
// for only when the least wait does not decide: with Config.Shared,
// asking may wait for other trackers.
func (c *Conn) presumed(t *Tracker, sent, end time.Time, synack bool) bool {
	if presumeDelivery(sent, end, answerWait(0, synack)) {
		return true
	}
	return presumeDelivery(sent, end, c.answerWait(t, synack))
}

// unanswered applies rule (spoofedSYN, synCookie, twSYNForged: end is
// past at by the first retransmission and the answer wait for a SYN-ACK)
// with this connection's answerWait, asked for only when end is past at
// by the least wait: with Config.Shared, asking may wait for other
// trackers.
func (c *Conn) unanswered(t *Tracker, at, end time.Time, rule func(at, end time.Time, wait time.Duration) bool) bool {
	if !rule(at, end, answerWait(0, true)) {
		return false
	}
	return rule(at, end, c.answerWait(t, true))
}

// answerWait is how long an answer is waited for on this connection: its
// handshake RTT, or the capture's longest.
func (c *Conn) answerWait(t *Tracker, synack bool) time.Duration {
	rtt := c.hsServer + c.hsClient
	if rtt == 0 {
		rtt = t.pathRTT
		if t.cfg.Shared != nil {
			rtt = t.cfg.Shared.PathRTT(c)
		}
	}
	return answerWait(rtt, synack)
}

// twForged reports the refused SYN as forged if its sender never
// followed it up (twSYNForged).
func (c *Conn) twForged(t *Tracker, end time.Time) {
	if w := &c.rare.twSyn; !w.rexmit && !w.told && c.unanswered(t, w.at, end, twSYNForged) {
		w.told = true
		t.evTime, t.evPkt = w.at.Add(synRetransmit), 0
		t.emit(Event{Kind: Note, Side: w.side, Reason: ReasonReuseForged, Inferred: true})
	}
}

// settle applies, at end, the evidence rules about endpoints that never
// answered: a SYN-SENT originator that never retransmitted its SYN,
// whether nobody answered it or it never answered the SYN-ACK
// (spoofedSYN), and a SYN-RECEIVED responder that
// never retransmitted its SYN-ACK (synCookie).
func (c *Conn) settle(t *Tracker, end time.Time) {
	if c.twSynSet() {
		c.twForged(t, end)
	}
	o, r := &c.ep[Orig], &c.ep[Resp]
	if !r.seen && o.state == SynSent && o.synSent && c.synRexmits == 0 && c.unanswered(t, o.synTime(), end, spoofedSYN) {
		t.evTime, t.evPkt = o.synTime().Add(synRetransmit), 0
		c.synNoTCB = true
		c.set(t, Orig, noTCBUnanswered, true)
		return
	}
	if !r.synSent || !c.synAckSet {
		return
	}
	if r.state == SynReceived && c.synAckRexmits == 0 && c.unanswered(t, c.synAckTime(), end, synCookie) {
		t.evTime, t.evPkt = c.synAckTime().Add(synRetransmit), 0
		c.cookie = true
		c.set(t, Resp, cookieAnswered, true)
	}
	if o.state == SynSent && o.synSent && c.synRexmits == 0 && c.unanswered(t, o.synTime(), end, spoofedSYN) {
		t.evTime, t.evPkt = o.synTime().Add(synRetransmit), 0
		c.set(t, Orig, noTCB, true)
	}
}

// Class returns how the sequence analysis classified the connection's
// latest segment (valid during Observer.Packet).
func (c *Conn) Class() reassembly.Class { return c.class }

// SeqStats returns the sequence-space statistics of what side s sent:
// retransmissions, out-of-order segments, gaps, zero windows, bytes,
// RTT samples. The caller must not modify them (a connection that never
// carried data shares a zero value).
func (c *Conn) SeqStats(s Side) *reassembly.Stats { return c.ep[s].seq.Stats() }

// WindowScale returns the window shift side s's advertisements are
// scaled by, or reassembly.ScaleUnknown / reassembly.ScaleNone.
func (c *Conn) WindowScale(s Side) int8 { return c.ep[s].seq.WScale }

// DupAck returns, for a latest segment classed reassembly.DupAck and sent
// by side s, which duplicate it is and the packet number of the ACK it
// repeats (tshark's duplicate_ack_num and duplicate_ack_frame).
func (c *Conn) DupAck(s Side) (n int, frame uint64) { return c.ep[s].seq.DupAck() }

// Reopened reports whether the latest segment, sent by side s, advertised
// a window again after a zero window (the end of a receiver stall).
func (c *Conn) Reopened(s Side) bool { return c.ep[s].seq.Reopened() }

// HandshakeRTT returns the handshake's round trip as seen from the
// capture point and its two halves: SYN to SYN-ACK (the path to the
// server and back) and SYN-ACK to ACK (the path to the client and back).
// ok is false when there is no sample: the handshake was missed or a SYN
// or SYN-ACK was retransmitted (Karn's rule).
func (c *Conn) HandshakeRTT() (total, server, client time.Duration, ok bool) {
	if c.hsServer == 0 && c.hsClient == 0 {
		return 0, 0, 0, false
	}
	return c.hsServer + c.hsClient, c.hsServer, c.hsClient, true
}

// InFlight returns the bytes side s has sent that its peer has not been
// seen to acknowledge (tshark's bytes in flight).
func (c *Conn) InFlight(s Side) uint32 {
	return uint32(c.ep[s].seq.InFlight(&c.ep[s.Peer()].seq))
}
