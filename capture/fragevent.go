package capture

import (
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// Fragment events: what the reassembler (defrag.go) meets, reported one
// by one as it meets them to a FragObserver, for detectors that draw
// conclusions from fragments (package findings, wired by the command).
// Stats.Frag counts the same things; the events add when and where.
// Unfragmented traffic never produces one.

// FragEventKind says what a FragEvent reports.
type FragEventKind uint8

// The fragment events.
const (
	// FragIncomplete: a train was dropped incomplete, timed out
	// (FragEvent.TimedOut) or still open at the end of the input.
	FragIncomplete FragEventKind = iota + 1
	// FragTiny: a first fragment with fewer than 20 bytes of TCP header.
	FragTiny
	// FragOverlap: a fragment overlapped bytes already held (the train
	// was dropped), or duplicated them with other bytes
	// (FragExample.Duplicate, FragExample.Conflict).
	FragOverlap
	// FragTCP: a train was reassembled into a TCP segment (Flags,
	// DstPort, PayloadLen are its).
	FragTCP
)

// FragEvent is one fragment event.
type FragEvent struct {
	Kind    FragEventKind
	Example FragExample // the train: addresses, ID, first fragment
	// Time and Pkt are where the event happened: the fragment that
	// caused it (or, for a train that timed out, the frame whose time
	// expired it); Pkt is 0 for a train still open at the end of the
	// input, Time then the latest frame's.
	Time     time.Time
	Pkt      uint64
	TimedOut bool // FragIncomplete: timed out rather than open at the end

	// FragTCP: the reassembled segment's.
	DstPort    uint16
	Flags      segment.Flags
	PayloadLen int
}

// FragObserver is told of every fragment event. It is called on the
// goroutine that runs Reader.Next (a read-ahead's producer), in frame
// order.
type FragObserver interface {
	Fragment(ev *FragEvent)
}

// SetFragObserver makes r report fragment events to o (nil: none).
func (r *Reader) SetFragObserver(o FragObserver) {
	r.fragObs = o
	if r.frag != nil {
		r.frag.obs = o
	}
}

// event reports ev to the observer, if any.
func (d *defrag) event(ev FragEvent) {
	if d.obs != nil {
		d.obs.Fragment(&ev)
	}
}
