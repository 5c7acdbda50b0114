package tracker

// input is one event in an endpoint's life as the wire shows it: something
// it sent, or something it received (RFC 9293 §3.10 "event processing",
// seen from outside). The connection logic in conn.go reduces each segment
// to inputs; next decides what they do.
type input uint8

const (
	sndSYN          input = iota // sent SYN (active OPEN)
	sndSYNACK                    // sent SYN-ACK
	sndFIN                       // sent its first FIN (CLOSE)
	sndRST                       // sent an acceptable RST (ABORT)
	rcvSYN                       // received a SYN without ACK
	rcvSYNACK                    // received a SYN-ACK acknowledging its SYN
	rcvACKofSYN                  // received an ACK covering its SYN
	rcvFIN                       // received a FIN that does not acknowledge its FIN
	rcvFINACKofFIN               // received a FIN that also acknowledges its FIN
	rcvACKofFIN                  // received an ACK covering its FIN
	rcvRST                       // received an acceptable RST
	timeWaitExpired              // 2×MSL elapsed on the capture clock
	timeWaitReused               // a new SYN took over the 4-tuple in TIME-WAIT
	finWait2Expired              // Config.FinTimeout elapsed in an orphaned FIN-WAIT-2
)

// next returns the state an endpoint in state s moves to on input in,
// and the reason to print. ok is false when the input changes nothing in
// that state (a retransmission, an ACK already counted, a segment the RFC
// says to drop).
//
// This is the only place transitions are decided.
func next(s State, in input) (to State, reason string, ok bool) {
	switch in {
	case sndSYN:
		// §3.10.1 OPEN: an active open sends SYN and enters SYN-SENT.
		if s == Unknown || s == Closed || s == Listen {
			return SynSent, "sent SYN", true
		}
	case sndSYNACK:
		// §3.10.7.2: in LISTEN a SYN is answered by SYN-ACK and the
		// endpoint enters SYN-RECEIVED. Reached here only when the SYN
		// itself was not captured.
		if s == Unknown || s == Listen || s == Closed {
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
		switch s {
		case Unknown, Listen, Closed:
			// §3.10.7.2 LISTEN, third check: SYN → SYN-RECEIVED.
			return SynReceived, "rcvd SYN", true
		case SynSent:
			// §3.10.7.3 SYN-SENT, fourth check, SYN without ACK: the
			// simultaneous open of §3.5 Figure 8.
			return SynReceived, "rcvd SYN: simultaneous open", true
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
		switch s {
		case FinWait1:
			// §3.10.7.4: "If our FIN has been ACKed … enter TIME-WAIT".
			return TimeWait, "rcvd FIN+ACK of own FIN", true
		case FinWait2:
			return TimeWait, "rcvd FIN", true
		case SynReceived, Established:
			return CloseWait, "rcvd FIN", true
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
		// §3.10.7.3 and §3.10.7.4 first check, as amended by RFC 5961
		// §3.2: an acceptable RST closes the connection from any state.
		// In SYN-RECEIVED after a passive open the RFC returns to LISTEN;
		// for this connection that is CLOSED. Linux (tcp_rfc1337=0) also
		// lets a RST end TIME-WAIT.
		if s != Closed && s != Unknown && s != Listen {
			return Closed, "rcvd RST", true
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
	case timeWaitReused:
		// RFC 9293 §3.6.1 and Linux tcp_timewait_state_process: a new
		// SYN with a higher sequence number reopens the 4-tuple.
		if s == TimeWait {
			return Closed, "TIME-WAIT ended by new SYN: port reuse", true
		}
	}
	return s, "", false
}
