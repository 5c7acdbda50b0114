package tracker

import "time"

// EventKind says what an Event reports.
type EventKind uint8

const (
	// Transition is an endpoint changing state: Side, From, To, Reason.
	Transition EventKind = iota
	// Phase is a phase of the connection completing: "handshake
	// complete" (with RTT), "client-initiated close", "refused", …
	Phase
	// Note is an observation that changes no state, such as a RST the
	// receiver would not accept (Delta is its distance from RCV.NXT).
	Note
)

// Event is one thing the tracker concluded. Reason is a short, stable
// English phrase; printers show it as is.
type Event struct {
	Kind     EventKind
	Time     time.Time // capture time of the packet or timer that caused it
	Pkt      uint64    // packet number that caused it; 0 for timers
	Side     Side
	From, To State
	Reason   string
	Inferred bool          // rests on an assumption rather than evidence
	RTT      time.Duration // Phase "handshake complete": SYN to final ACK; 0 if a SYN or SYN-ACK was retransmitted (Karn)
	Delta    int64         // Note on a RST or a refused SYN: SEG.SEQ minus the receiver's RCV.NXT
	// Age is how long the endpoint had been in From (Transition only), on
	// the capture clock: since its previous transition or the
	// connection's first packet.
	Age time.Duration
}

// Reasons of the Notes about a SYN that reuses a 4-tuple while one of its
// endpoints is in TIME-WAIT, and that endpoint refuses it (RFC 9293
// §3.6.1, RFC 6191, Linux tcp_timewait_state_process). Observers match
// them exactly (Event.RefusedReuse, Event.ReuseFollowUp). Each is reported
// on the old connection, whose state it does not change; Side is the
// SYN's sender.
const (
	// ReasonReuseRefused: the SYN's sequence number is not after the
	// TIME-WAIT endpoint's RCV.NXT (Delta is SEG.SEQ − RCV.NXT) and its
	// timestamp, if any, not newer than TS.Recent.
	ReasonReuseRefused = "SYN on TIME-WAIT 4-tuple with seq not above RCV.NXT: refused as an old duplicate, the TIME-WAIT endpoint answers with an ACK (RFC 9293 §3.6.1, RFC 6191)"
	// ReasonReuseRefusedPAWS: the SYN's TSval is older than the TIME-WAIT
	// endpoint's TS.Recent (Delta as above).
	ReasonReuseRefusedPAWS = "SYN on TIME-WAIT 4-tuple with a TSval older than TS.Recent: refused by PAWS, the TIME-WAIT endpoint answers with an ACK (RFC 7323 §5.3, RFC 6191)"
	// ReasonReuseAnsweredRST: the refused SYN's sender (its address)
	// answered the TIME-WAIT endpoint's ACK with <SEQ=SEG.ACK><CTL=RST>,
	// as a client in SYN-SENT does (§3.10.7.3) and as a host without the
	// socket does too (§3.10.7.1): the address is live, the RST alone
	// does not show a socket.
	ReasonReuseAnsweredRST = "RST answering the TIME-WAIT endpoint's ACK (as a client in SYN-SENT or a host without the socket sends, RFC 9293 §3.10.7.3, §3.10.7.1)"
	// ReasonReuseRetransmitted: the refused SYN was retransmitted (the
	// same sequence number): a real client in SYN-SENT sent it. Reported
	// once, whether TIME-WAIT refuses the retransmission too or it opens
	// the new connection.
	ReasonReuseRetransmitted = "refused SYN retransmitted: a real client in SYN-SENT reused the port prematurely"
	// ReasonReuseForged: the refused SYN was never retransmitted, though
	// the input went on past its first retransmission time: no socket
	// sent it (inferred, reported when the old connection ends).
	ReasonReuseForged = "refused SYN never retransmitted: no TCB sent it (forged?)"
)

// RefusedReuse reports whether e is the Note of a SYN that an endpoint in
// TIME-WAIT refused (ReasonReuseRefused or ReasonReuseRefusedPAWS): a
// premature reuse of the 4-tuple, reported on the old connection.
func (e *Event) RefusedReuse() bool {
	return e.Kind == Note && (e.Reason == ReasonReuseRefused || e.Reason == ReasonReuseRefusedPAWS)
}

// ReuseFollowUp reports whether e is the Note that tells what the sender
// of a refused SYN did next: answered the ACK (ReasonReuseAnsweredRST),
// retransmitted it (ReasonReuseRetransmitted: a real client), or nothing
// (ReasonReuseForged: no socket).
func (e *Event) ReuseFollowUp() bool {
	if e.Kind != Note {
		return false
	}
	switch e.Reason {
	case ReasonReuseAnsweredRST, ReasonReuseRetransmitted, ReasonReuseForged:
		return true
	}
	return false
}
