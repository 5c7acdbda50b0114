package reassembly

import "math/bits"

// Class is the set of things one segment was found to be. A segment can
// be several at once (a keep-alive that is also a zero-window segment).
type Class uint32

// The classes. Their names (Class.AppendTo) are stable: the transcript
// shows them in brackets and scripts may match on them.
const (
	Retransmission         Class = 1 << iota // payload (or SYN/FIN) below the highest sequence seen
	SpuriousRetransmission                   // a retransmission of bytes the receiver had already acknowledged
	FastRetransmission                       // a retransmission answering ≥2 duplicate ACKs within 20 ms
	OutOfOrder                               // below the highest sequence seen, soon after it: reordered, not resent
	PrevNotCaptured                          // starts beyond the next expected sequence: a gap
	AckedUnseen                              // acknowledges bytes the capture never saw
	DupAck                                   // repeats the previous ACK, window and sequence, no payload
	ZeroWindow                               // advertises a zero window
	ZeroWindowProbe                          // one byte at the next sequence while the peer's window is zero
	ZeroWindowProbeAck                       // answers a zero-window probe
	WindowFull                               // fills the peer's advertised window to its edge
	WindowUpdate                             // no payload, same SEQ and ACK, a new window
	KeepAlive                                // zero or one byte at the next sequence minus one
	KeepAliveAck                             // answers a keep-alive
	OverlapMismatch                          // retransmitted bytes differ from the original: injection or evasion
	numClasses             = iota
)

var classNames = [numClasses]string{
	"retransmission",
	"spurious retransmission",
	"fast retransmission",
	"out-of-order",
	"previous segment not captured",
	"ACKed unseen segment",
	"dup ACK",
	"zero window",
	"zero window probe",
	"zero window probe ACK",
	"window full",
	"window update",
	"keep-alive",
	"keep-alive ACK",
	"retransmitted bytes differ",
}

// Trouble is the set of classes that show loss, reordering, a stalled
// receiver or tampering, as opposed to the routine signals of a working
// connection (duplicate ACKs, window updates, window full, keep-alives
// and the ACKs of keep-alives and zero-window probes).
const Trouble = Retransmission | SpuriousRetransmission | FastRetransmission | OutOfOrder |
	PrevNotCaptured | AckedUnseen | ZeroWindow | ZeroWindowProbe | OverlapMismatch

// Name returns the name of a single class ("dup ACK"), or "" when c is
// not exactly one class.
func (c Class) Name() string {
	if c == 0 || c&(c-1) != 0 || c >= 1<<numClasses {
		return ""
	}
	return classNames[bits.TrailingZeros32(uint32(c))]
}

// Each calls f for every class set in c, in declaration order.
func (c Class) Each(f func(name string)) {
	for i := range numClasses {
		if c&(1<<i) != 0 {
			f(classNames[i])
		}
	}
}

// AppendTo appends each class as "[name]", separated by spaces.
func (c Class) AppendTo(b []byte) []byte {
	first := true
	for i := range numClasses {
		if c&(1<<i) == 0 {
			continue
		}
		if !first {
			b = append(b, ' ')
		}
		first = false
		b = append(b, '[')
		b = append(b, classNames[i]...)
		b = append(b, ']')
	}
	return b
}

func (c Class) String() string { return string(c.AppendTo(nil)) }

// Names returns the name of every class, in order.
func Names() []string { return classNames[:] }

// anyRetransmission is a class that repeats sequence space already seen.
const anyRetransmission = Retransmission | SpuriousRetransmission | FastRetransmission
