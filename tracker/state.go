package tracker

// State is one endpoint's TCP state (RFC 9293 §3.3.2), as inferred by a
// passive observer. The zero value, Unknown, means nothing has been
// inferred yet.
type State uint8

// The endpoint states. Unknown is flowtrace's own: the RFC has no name for
// "not observed".
const (
	Unknown State = iota
	Closed
	Listen
	SynSent
	SynReceived
	Established
	FinWait1
	FinWait2
	CloseWait
	Closing
	LastAck
	TimeWait
	numStates
)

var stateNames = [numStates]string{
	Unknown:     "UNKNOWN",
	Closed:      "CLOSED",
	Listen:      "LISTEN",
	SynSent:     "SYN-SENT",
	SynReceived: "SYN-RECEIVED",
	Established: "ESTABLISHED",
	FinWait1:    "FIN-WAIT-1",
	FinWait2:    "FIN-WAIT-2",
	CloseWait:   "CLOSE-WAIT",
	Closing:     "CLOSING",
	LastAck:     "LAST-ACK",
	TimeWait:    "TIME-WAIT",
}

// String returns the RFC 9293 name ("SYN-SENT", "TIME-WAIT", …).
func (s State) String() string {
	if s < numStates {
		return stateNames[s]
	}
	return "INVALID"
}

// ParseState returns the State named by an RFC 9293 name, as String
// prints it.
func ParseState(name string) (State, bool) {
	for i, n := range stateNames {
		if n == name {
			return State(i), true
		}
	}
	return Unknown, false
}

// Synchronized reports whether the endpoint has completed its part of the
// handshake (RFC 9293 §3.5: ESTABLISHED and every state after it).
func (s State) Synchronized() bool { return s >= Established }

// Handshaking reports whether the endpoint is in SYN-SENT or SYN-RECEIVED.
func (s State) Handshaking() bool { return s == SynSent || s == SynReceived }

// Gone reports whether the endpoint holds no connection: CLOSED, or
// never observed to hold one (UNKNOWN, LISTEN).
func (s State) Gone() bool { return s == Closed || s == Unknown || s == Listen }

// Side names an endpoint of a connection: the originator (the side that
// sent the first SYN, or the client by heuristic) or the responder.
type Side uint8

// The two sides.
const (
	Orig Side = iota
	Resp
)

// Peer returns the other side.
func (s Side) Peer() Side { return 1 - s }

// String returns "orig" or "resp", the names used in JSON records.
func (s Side) String() string {
	if s == Orig {
		return "orig"
	}
	return "resp"
}

// Role returns "client" or "server", the names used in the transcript.
func (s Side) Role() string {
	if s == Orig {
		return "client"
	}
	return "server"
}
