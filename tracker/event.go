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
	Delta    int64         // Note on a RST: SEG.SEQ minus the receiver's RCV.NXT
	// Age is how long the endpoint had been in From (Transition only), on
	// the capture clock: since its previous transition or the
	// connection's first packet.
	Age time.Duration
}
