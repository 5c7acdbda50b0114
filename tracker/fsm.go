package tracker

import (
	"time"

	"github.com/flowtrace/flowtrace/internal/timediff"
)

// This file is the one place that decides transitions. The connection
// logic (conn.go) reduces each segment to state-free facts: what it
// carries and what it acknowledges, whether its receiver answered it,
// where its sequence number lies. The functions here apply RFC 9293's
// check order to those facts in the endpoint's current state and yield
// inputs; next maps (state, input) to a transition. Conn.set is the only
// place a state changes, and every change is one Transition event.

// input is one event in an endpoint's life as the wire shows it: something
// it sent, something it received, or a timer (RFC 9293 §3.10 "event
// processing", seen from outside).
type input uint8

const (
	sndSYN          input = iota // sent SYN (active OPEN)
	sndOpeningSYN                // sent the SYN that opened the connection record
	sndSYNACK                    // sent SYN-ACK, the SYN it answers not delivered
	sndFIN                       // sent its first FIN (CLOSE)
	sndRST                       // sent an acceptable RST (ABORT)
	rcvSYN                       // received a SYN without ACK in SYN-SENT
	rcvAnsweredSYN               // received a SYN it answered with a SYN-ACK
	rcvSYNACK                    // received a SYN-ACK acknowledging its SYN
	rcvACKofSYN                  // received an ACK covering its SYN
	rcvFIN                       // received a FIN that does not acknowledge its FIN
	rcvFINACKofFIN               // received a FIN that also acknowledges its FIN
	rcvACKofFIN                  // received an ACK covering its FIN
	rcvRST                       // received an acceptable RST
	rcvRSTPassive                // received an acceptable RST in SYN-RECEIVED entered from LISTEN
	missedSYN                    // its SYN predates the capture (a SYN-ACK came first)
	missedHandshake              // the handshake predates the capture
	noTCB                        // SYN-SENT, but never retransmitted its SYN nor answered the SYN-ACK
	noTCBUnanswered              // SYN-SENT, never answered, but never retransmitted its SYN
	cookieAnswered               // SYN-RECEIVED, but never retransmitted its SYN-ACK
	rstRevoked                   // closed by a RST, then sent what only a live connection sends
	timeWaitExpired              // 2×MSL elapsed on the capture clock
	timeWaitReused               // a new SYN took over the 4-tuple in TIME-WAIT
	finWait2Expired              // Config.FinTimeout elapsed in an orphaned FIN-WAIT-2
	rcvICMPError                 // received an ICMP error quoting its SYN (icmp.go)
	icmpRevoked                  // closed by an ICMP error, then retransmitted its SYN
	numInputs
)

// next returns the state an endpoint in state s moves to on input in,
// and the reason to print. ok is false when the input changes nothing in
// that state (a retransmission, an ACK already counted, a segment the RFC
// says to drop).
func next(s State, in input) (to State, reason string, ok bool) {
	switch in {
	case sndSYN:
		// §3.10.1 OPEN: an active open sends SYN and enters SYN-SENT.
		if s == Unknown || s == Closed {
			return SynSent, "sent SYN", true
		}
	case sndOpeningSYN:
		// The same, for the SYN that created the connection record: its
		// sender held no TCB (reported from CLOSED, see shownFrom).
		if s == Unknown {
			return SynSent, "sent SYN", true
		}
	case sndSYNACK:
		// §3.10.7.2: in LISTEN a SYN is answered by SYN-ACK and the
		// endpoint enters SYN-RECEIVED. Reached here only when the SYN
		// itself was not delivered on the capture's evidence.
		if s == Unknown || s == Closed || s == Listen {
			return SynReceived, "sent SYN-ACK, its SYN not captured", true
		}
	case sndFIN:
		// §3.10.4 CLOSE.
		switch s {
		case Established, SynReceived:
			return FinWait1, "sent FIN", true
		case CloseWait:
			return LastAck, "sent FIN", true
		}
	case sndRST:
		// §3.10.5 ABORT: send RST, delete the TCB.
		if s != Closed {
			return Closed, "sent RST", true
		}
	case rcvSYN:
		// §3.10.7.3 SYN-SENT, fourth check, SYN without ACK: the
		// simultaneous open of §3.5 Figure 8.
		if s == SynSent {
			return SynReceived, "rcvd SYN: simultaneous open", true
		}
	case rcvAnsweredSYN:
		// §3.10.7.2 LISTEN, third check: SYN → SYN-RECEIVED. The SYN-ACK
		// answering it shows the endpoint was listening (see shownFrom).
		if s == Unknown || s == Closed || s == Listen {
			return SynReceived, "rcvd SYN", true
		}
	case rcvSYNACK:
		switch s {
		case SynSent:
			// §3.10.7.3: SYN-ACK acknowledging our SYN → ESTABLISHED.
			return Established, "rcvd SYN-ACK", true
		case SynReceived:
			// Simultaneous open: the peer's SYN-ACK acknowledges ours.
			return Established, "rcvd SYN-ACK: simultaneous open", true
		}
	case rcvACKofSYN:
		// §3.10.7.4 fifth check, SYN-RECEIVED: an acceptable ACK → ESTABLISHED.
		if s == SynReceived {
			return Established, "rcvd ACK of SYN", true
		}
	case rcvFIN:
		// §3.10.7.4 eighth check, FIN bit.
		switch s {
		case SynReceived, Established:
			return CloseWait, "rcvd FIN", true
		case FinWait1:
			return Closing, "rcvd FIN before ACK of own FIN: simultaneous close", true
		case FinWait2:
			return TimeWait, "rcvd FIN", true
		}
	case rcvFINACKofFIN:
		// §3.10.7.4 eighth check, FIN-WAIT-1: "If our FIN has been ACKed
		// (perhaps in this segment) … enter TIME-WAIT".
		if s == FinWait1 {
			return TimeWait, "rcvd FIN+ACK of own FIN", true
		}
	case rcvACKofFIN:
		// §3.10.7.4 fifth check, per state.
		switch s {
		case FinWait1:
			return FinWait2, "rcvd ACK of FIN", true
		case Closing:
			return TimeWait, "rcvd ACK of FIN", true
		case LastAck:
			return Closed, "rcvd ACK of FIN", true
		}
	case rcvRST:
		// §3.10.7.3 and §3.10.7.4 second check (RST bit), as amended by
		// RFC 5961 §3.2: an acceptable RST closes the connection from any
		// state (in SYN-RECEIVED, after an active open: "connection
		// refused"). Linux (tcp_rfc1337=0) also lets a RST end TIME-WAIT.
		if s != Closed && s != Unknown && s != Listen {
			return Closed, "rcvd RST", true
		}
	case rcvRSTPassive:
		// §3.10.7.4 second check (RST bit), SYN-RECEIVED: "If this
		// connection was initiated with a passive OPEN (i.e., came from
		// the LISTEN state), then return this connection to LISTEN state
		// and return." Linux drops the request socket; the listener stays.
		if s == SynReceived {
			return Listen, "rcvd RST after a passive open", true
		}
	case missedSYN:
		// A SYN-ACK is the capture's first segment: its receiver sent a
		// SYN before the capture started.
		if s == Unknown {
			return SynSent, "its SYN not captured", true
		}
	case missedHandshake:
		// A segment without SYN is the capture's first: both endpoints
		// were synchronized before it started.
		if s == Unknown {
			return Established, "capture started mid-connection", true
		}
	case noTCB:
		// The evidence rule (spoofedSYN): a real client in SYN-SENT
		// retransmits its SYN (§3.8.1) and answers a SYN-ACK (§3.10.7.3).
		if s == SynSent {
			return Closed, "no TCB: SYN never retransmitted, SYN-ACK never answered (spoofed source?)", true
		}
	case noTCBUnanswered:
		// The same rule for a SYN nobody answered: a socket in SYN-SENT
		// retransmits its SYN (§3.8.1) until it gives up, and one
		// closed in SYN-SENT is deleted (§3.10.4 CLOSE, SYN-SENT). A SYN
		// sent once is a raw-socket probe (a scanner) or came from a
		// socket already closed.
		if s == SynSent {
			return Closed, "no TCB: unanswered SYN never retransmitted (raw-socket probe or closed socket?)", true
		}
	case cookieAnswered:
		// The evidence rule (synCookie): a listener that keeps a request
		// retransmits its SYN-ACK; one that never does answered with a
		// SYN cookie and is still only listening (RFC 4987 §3.6).
		if s == SynReceived {
			return Listen, "SYN cookie: SYN-ACK never retransmitted, no request kept", true
		}
	case timeWaitExpired:
		// §3.10.8 time-wait timeout.
		if s == TimeWait {
			return Closed, "TIME-WAIT expired", true
		}
	case finWait2Expired:
		// Not in RFC 9293, which lets FIN-WAIT-2 last forever (§3.10.7.4
		// names no timer). Linux (tcp_fin_timeout, net.ipv4.tcp_fin_timeout,
		// default 60 s) deletes an orphaned FIN-WAIT-2, one whose
		// application has closed the socket, with no segment on the wire.
		if s == FinWait2 {
			return Closed, "FIN-WAIT-2 timeout (orphaned)", true
		}
	case rcvICMPError:
		// Not in RFC 9293 (RFC 1122 §4.2.3.9 only lets hard errors
		// abort). Linux aborts a connect on any destination unreachable
		// but fragmentation needed, and on time exceeded, that quotes its
		// SYN (tcp_v4_err, tcp_v6_err: SYN-SENT, tcp_done_with_error).
		if s == SynSent {
			return Closed, "rcvd ICMP error for its SYN: connect failed", true
		}
	case icmpRevoked:
		// The error was not fatal after all: Linux takes it as a soft
		// error when it arrives while the application holds the socket
		// (inside connect itself on a fast path), and retransmits.
		if s == Closed {
			return SynSent, "retransmitted its SYN: the ICMP error did not abort the connect", true
		}
	case timeWaitReused:
		// RFC 9293 §3.6.1, RFC 6191 and Linux tcp_timewait_state_process:
		// a new SYN that twJudge accepts (its sequence number after
		// RCV.NXT, or its timestamp newer than TS.Recent) reopens the
		// 4-tuple. A SYN it refuses changes nothing.
		if s == TimeWait {
			return Closed, "TIME-WAIT ended by new SYN: port reuse", true
		}
	}
	return s, "", false
}

// shownFrom returns the state a transition on input in is reported from.
// It is s, except where the input itself reveals a state the capture had
// not shown: the sender of the SYN that opened the connection record held
// no TCB (CLOSED), and an endpoint answering a SYN with a SYN-ACK was
// listening (LISTEN).
func shownFrom(s State, in input) State {
	switch in {
	case sndOpeningSYN:
		return Closed
	case rcvAnsweredSYN:
		return Listen
	}
	return s
}

// facts is what a delivered segment shows its receiver, independent of
// the receiver's state. conn.go computes them; receive decides.
type facts uint8

const (
	fSYN       facts = 1 << iota // the segment carries SYN
	fACK                         // the segment carries ACK
	fFIN                         // the segment carries FIN
	fAckOfSYN                    // its ACK covers the receiver's SYN
	fAckOfFIN                    // its ACK covers the receiver's FIN
	fSYNUnseen                   // the receiver's SYN was not captured: its ACK is taken on trust
	fAnswered                    // the receiver answered it with a SYN-ACK
)

// maxSteps is the most inputs one delivered segment yields.
const maxSteps = 3

// receive returns, in RFC 9293's check order (§3.10.7.2 for LISTEN,
// §3.10.7.3 for SYN-SENT, §3.10.7.4 for the others: sequence
// acceptability and RST are checked before delivery, then SYN, ACK, URG,
// the text, FIN), the inputs a delivered segment with facts f is to an
// endpoint in state s. Inputs that change nothing in the state reached
// are harmless: next ignores them.
func receive(s State, f facts) (ins [maxSteps]input, n int) {
	add := func(in input) {
		ins[n] = in
		n++
		if to, _, ok := next(s, in); ok {
			s = to
		}
	}
	ack := f&fACK != 0
	ackOfSYN := ack && f&fAckOfSYN != 0
	switch {
	case f&fSYN != 0 && !ack:
		// §3.10.7.3 fourth check (simultaneous open), or §3.10.7.2 third
		// check for an endpoint that answered it.
		switch {
		case s == SynSent:
			add(rcvSYN)
		case s.Gone() && f&fAnswered != 0:
			add(rcvAnsweredSYN)
		}
	case f&fSYN != 0:
		// §3.10.7.3 fourth check: a SYN-ACK whose ACK is acceptable. With
		// the receiver's SYN not captured, the ACK is taken on trust.
		if ackOfSYN || (ack && f&fSYNUnseen != 0 && s == SynSent) {
			add(rcvSYNACK)
		}
	default:
		// §3.10.7.4 fifth check (ACK), then eighth (FIN).
		if ackOfSYN {
			add(rcvACKofSYN)
		}
		ackOfFIN := ack && f&fAckOfFIN != 0
		if f&fFIN != 0 {
			if ackOfFIN && s == FinWait1 {
				add(rcvFINACKofFIN)
				break
			}
			if ackOfFIN {
				add(rcvACKofFIN)
			}
			add(rcvFIN)
		} else if ackOfFIN {
			add(rcvACKofFIN)
		}
	}
	return ins, n
}

// ackInert reports whether a delivered segment without SYN or FIN can
// change nothing in an endpoint in state s: receive turns such a segment
// into at most rcvACKofSYN and rcvACKofFIN, which act only in SYN-RECEIVED
// and in FIN-WAIT-1, CLOSING and LAST-ACK. received skips the facts for
// it (the established hot path); TestAckInert checks this against receive
// and next for every state and every such segment's facts.
func ackInert(s State) bool {
	switch s {
	case SynReceived, FinWait1, Closing, LastAck:
		return false
	}
	return true
}

// sendsFIN reports whether a FIN sent by an endpoint in state s is a
// CLOSE the tracker follows: in SYN-SENT, §3.10.4 deletes the TCB instead
// of sending a FIN, so a FIN from a SYN-SENT endpoint is not one.
func sendsFIN(s State) bool { return s != SynSent }

// RST verdicts, RFC 9293 §3.10.7 as amended by RFC 5961 §3.2.
const (
	rstExact    = iota // SEG.SEQ = RCV.NXT: the receiver resets
	rstInWindow        // in the window but not exact: a challenge ACK
	rstOutside         // outside the window: dropped
	rstBadACK          // in SYN-SENT, not acknowledging the SYN: dropped
	rstNoConn          // the receiver holds no connection
	rstAssumed         // nothing known to check it against: accepted, inferred
	rstPAWS            // in SYN-SENT, its TSecr older than the SYN: dropped (PAWS)
)

// How a RST's effect on its sender is decided (rstSender).
const (
	rstAborts = iota // the sender deletes its TCB (§3.10.5 ABORT)
	rstReply         // a reset answering an unacceptable ACK: the sender keeps its state
	rstNotTCB        // its timestamp runs backwards: not from the sender's connection
)

// rstFacts is what a RST shows, independent of its receiver's state.
type rstFacts struct {
	acksSYN bool // it carries an ACK acceptable in SYN-SENT (§3.10.7.3)
	known   bool // the receiver's RCV.NXT can be bounded from the capture
	seq     int  // rstExact, rstInWindow or rstOutside against that bound
	paws    bool // its TSecr is older than the TSval of the receiver's SYN
	reply   bool // no ACK, and its seq is the ack of an unacceptable ACK the sender just received
	tsBack  bool // its TSval is older than one the sender sent: older than the receiver's TS.Recent too
}

// rstCheck applies the first check of §3.10.7 to a RST reaching an
// endpoint in state s: in SYN-SENT it is acceptable iff it acknowledges
// the SYN; an endpoint holding no connection has nothing to reset; in the
// other states its sequence number must equal RCV.NXT (RFC 5961 §3.2).
func rstCheck(s State, f rstFacts) int {
	switch {
	case s == SynSent:
		// §3.10.7.3 first check (ACK), then the PAWS test Linux applies
		// in SYN-SENT (tcp_rcv_synsent_state_process) before the RST.
		switch {
		case !f.acksSYN:
			return rstBadACK
		case f.paws:
			return rstPAWS
		}
		return rstExact
	case s.Gone():
		return rstNoConn
	case !f.known:
		return rstAssumed
	}
	return f.seq
}

// The evidence rules. A transition needs the evidence a real receiver
// would leave: a live TCP answers a SYN-ACK with an ACK or a RST at once,
// a FIN with an ACK, data with an ACK within its delayed-ACK time. A
// delivery presumed without that answer (at the end of the input, at
// expiry) is presumed only when the input ended too soon after the
// segment for the answer to be expected.
const (
	// minAnswerWait is the least time the answer to a FIN is waited
	// for: Linux's 200 ms minimum RTO, above any delayed ACK.
	minAnswerWait = 200 * time.Millisecond
	// minSynAckWait is the least time the answer to a SYN-ACK is waited
	// for: it is answered at once (§3.10.7.3), never delayed, so only
	// the round trip and Linux's 40 ms minimum delayed-ACK time bound it.
	minSynAckWait = 40 * time.Millisecond
	// synRetransmit is the sender's first retransmission of an
	// unanswered SYN or SYN-ACK: Linux's initial RTO (TCP_TIMEOUT_INIT).
	synRetransmit = time.Second
)

// answerWait is how long after a segment its answer is due: three round
// trips (of the connection, or the longest handshake of the capture when
// the connection has none; 0 if unknown), at least minSynAckWait for a
// SYN-ACK and minAnswerWait for anything else.
func answerWait(rtt time.Duration, synack bool) time.Duration {
	if synack {
		return max(3*rtt, minSynAckWait)
	}
	return max(3*rtt, minAnswerWait)
}

// presumeDelivery reports whether a segment last sent at sent and never
// answered may be presumed delivered when the input ends (or the
// connection expires) at end: only if the answer was not yet due. A
// retransmission shows that the earlier copies went unanswered; the wait
// starts again at the latest copy, because the capture may lie between
// the receiver and the point where its answers were lost (last-ack-stuck).
// A pcap records no end time: the input ends with its last packet.
func presumeDelivery(sent, end time.Time, wait time.Duration) bool {
	return timediff.Sub(end, sent) < wait
}

// spoofedSYN reports whether a SYN-SENT endpoint that sent one SYN, never
// retransmitted it and never answered the SYN-ACK it was sent, holds no
// TCB: the input went on past its first retransmission, which a real
// client in SYN-SENT would have sent. Its source address was likely
// spoofed (a SYN flood).
func spoofedSYN(synAt, end time.Time, wait time.Duration) bool {
	return timediff.Sub(end, synAt) >= synRetransmit+wait
}

// synCookie reports whether a listener that sent one SYN-ACK at synAckAt
// and never retransmitted it, though the input went on to end past its
// first retransmission time, answered statelessly (a SYN cookie): Linux
// retransmits the SYN-ACK of every request it keeps.
func synCookie(synAckAt, end time.Time, wait time.Duration) bool {
	return timediff.Sub(end, synAckAt) >= synRetransmit+wait
}

// rstSender decides what a RST its receiver accepts does to its sender in
// state s. A reset that answers an unacceptable ACK in SYN-SENT, LISTEN or
// SYN-RECEIVED is sent without leaving that state (§3.10.7.3 first check,
// §3.10.7.4 fifth check). A RST whose TSval is older than one its sender
// already sent did not come from the sender's connection (its timestamp
// clock never runs backwards, RFC 7323 §5.4): a forgery or another host;
// the sender keeps its state.
func rstSender(s State, f rstFacts) int {
	switch {
	case f.tsBack:
		return rstNotTCB
	case f.reply && (s == SynSent || s == SynReceived || s == Listen):
		return rstReply
	}
	return rstAborts
}

// Why a RST was revised (rstRevoked): the reasons an accepted-looking RST
// did not take effect, by what the capture shows.
const (
	whyLost    uint8 = iota // it matched RCV.NXT: lost after the capture point
	whyPAWS                 // its TSval was older than the receiver's TS.Recent
	whyWindow               // the receiver's window was unknown: not in it
	whyNotSent              // its sender went on: it did not come from the sender's connection
)

var revokeReasons = [...]string{
	whyLost:    "revised: the RST was not accepted: lost after the capture point",
	whyPAWS:    "revised: the RST was not accepted: dropped by PAWS (TSval older than the receiver's TS.Recent)",
	whyWindow:  "revised: the RST was not accepted: not in the receiver's window",
	whyNotSent: "revised: the RST did not come from this connection (forged?)",
}

// revoke undoes a RST: an endpoint it closed (or returned to LISTEN)
// that then sends a segment only a live connection sends (data, a FIN,
// an ACK; not a RST or a new SYN) never acted on it. It returns to was,
// the state the RST found.
func revoke(s, was State, why uint8) (to State, reason string, ok bool) {
	if (s != Closed && s != Listen) || was.Gone() || int(why) >= len(revokeReasons) {
		return s, "", false
	}
	return was, revokeReasons[why], true
}

// rstInput returns the input an acceptable RST is to its receiver in
// state s; passive says the receiver entered SYN-RECEIVED from LISTEN
// (§3.10.7.4 second check: a passive open returns to LISTEN).
func rstInput(s State, passive bool) input {
	if s == SynReceived && passive {
		return rcvRSTPassive
	}
	return rcvRST
}

// livesOn reports whether a segment with these flags, sent by an endpoint
// in state s (CLOSED or LISTEN) that a RST put there, shows that the
// endpoint still holds its connection: a closed endpoint sends nothing
// but RSTs (§3.10.7.1), a SYN without ACK would open a new connection,
// and a listener answers a new SYN with a SYN-ACK (§3.10.7.2).
func livesOn(s State, syn, ack, rst bool) bool {
	if s == Listen && syn {
		return false
	}
	return !rst && (ack || !syn)
}

// checksSeq reports whether an endpoint in state s checks a segment's
// sequence number against its window before using it (§3.10.7.4 first
// check): SYN-RECEIVED and the synchronized states. LISTEN and SYN-SENT
// have no receive window yet.
func checksSeq(s State) bool { return s == SynReceived || s.Synchronized() }

// What a SYN without ACK on a 4-tuple that already has a connection is
// (Tracker.startsNew).
const (
	synOld     = iota // part of the connection: a retransmission, or not a new SYN
	synNew            // opens a new connection (port reuse)
	synRefused        // refused by the TIME-WAIT endpoint as an old duplicate (twJudge)
)

// twFacts is what a new SYN shows the endpoint in TIME-WAIT it reaches,
// independent of anything else: where its sequence number lies against
// that endpoint's RCV.NXT, and its timestamp against TS.Recent.
type twFacts struct {
	known   bool // the TIME-WAIT endpoint's RCV.NXT is known from the capture
	after   bool // SEG.SEQ is after RCV.NXT
	ts      bool // the SYN and the old connection both carry timestamps
	tsNewer bool // its TSval is newer than TS.Recent
	tsOlder bool // its TSval is older than TS.Recent (PAWS)
}

// TIME-WAIT verdicts on a new SYN (twJudge).
const (
	twAcceptSeq   = iota // its sequence number is after RCV.NXT: a new connection
	twAcceptTS           // its TSval is newer than TS.Recent: a new connection (RFC 6191)
	twUnknown            // RCV.NXT unknown, no timestamps: accepted, as before this rule
	twRefusedSeq         // neither: an old duplicate, answered with an ACK
	twRefusedPAWS        // its TSval is older than TS.Recent: dropped by PAWS, answered with an ACK
)

// twJudge decides, as the endpoint in TIME-WAIT would, whether a new SYN
// (no ACK, no RST) on its 4-tuple opens a new connection. RFC 9293 §3.6.1
// lets TIME-WAIT accept a SYN whose sequence number is above the
// connection's last; RFC 6191 also accepts one whose timestamp is newer
// than TS.Recent. Linux (tcp_timewait_state_process) does exactly this,
// after PAWS: a SYN whose TSval is older than TS.Recent is rejected
// whatever its sequence number. A refused SYN is an old duplicate: the
// TIME-WAIT endpoint answers with an ACK of the old connection (Linux
// TCP_TW_ACK) and stays in TIME-WAIT. Its sender, if a real client in
// SYN-SENT, finds that ACK unacceptable and answers with a RST
// (§3.10.7.3), which ends TIME-WAIT on Linux (net.ipv4.tcp_rfc1337=0),
// and its retransmitted SYN then opens the new connection.
func twJudge(f twFacts) int {
	switch {
	case f.ts && f.tsOlder:
		return twRefusedPAWS
	case f.known && f.after:
		return twAcceptSeq
	case f.ts && f.tsNewer:
		return twAcceptTS
	case !f.known:
		return twUnknown
	}
	return twRefusedSeq
}

// refusedSYN reports whether a TIME-WAIT verdict refuses the SYN.
func refusedSYN(v int) bool { return v == twRefusedSeq || v == twRefusedPAWS }

// twSYNForged reports whether the sender of a SYN that TIME-WAIT refused
// at synAt, never retransmitted and whose answering ACK it never
// answered, held no socket: the input went on past its first
// retransmission, which a real client in SYN-SENT would have sent (the
// same evidence as spoofedSYN). A real client also answers that ACK with
// a RST at once (§3.10.7.3).
func twSYNForged(synAt, end time.Time, wait time.Duration) bool {
	return spoofedSYN(synAt, end, wait)
}
