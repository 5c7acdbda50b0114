package reassembly

import (
	"time"

	"github.com/flowtrace/flowtrace/internal/chunkpool"
	"github.com/flowtrace/flowtrace/internal/seqnum"
)

// Bounds on per-direction memory. A direction never holds payload: at
// most maxHoles ranges of sequence space it has not seen, and maxDigests
// hashes of recent segments.
const (
	maxHoles   = 8
	maxDigests = 8
	// fastRexmitWindow is how soon after the last duplicate ACK a
	// retransmission counts as fast (tshark's 20 ms).
	fastRexmitWindow = 20 * time.Millisecond
	// defaultReorderWindow separates out-of-order from retransmission
	// while the connection's RTT is unknown (tshark's 3 ms).
	defaultReorderWindow = 3 * time.Millisecond
)

// Scale states for WScale.
const (
	ScaleUnknown = -1 // the handshake was not seen
	ScaleNone    = -2 // the handshake was seen without window scaling
)

// Range is the sequence space [First, End).
type Range struct{ First, End seqnum.Value }

// Len returns the size of the range.
func (r Range) Len() seqnum.Size { return r.First.Size(r.End) }

type digest struct {
	r   Range
	sum uint64
}

// Dir is the sequence-space state of one direction of a connection: what
// its sender sent and what its receiver acknowledged. The zero value is
// ready to use. It holds no payload.
//
// Dir itself holds what every segment reads, about 100 bytes; the rest
// (holes, digests, the RTT timer and the statistics) is a Detail, taken
// from a Pool only when the direction first needs it: its first payload
// byte, a hole, or a segment of a notable class. A connection that never
// carries data (a handshake, a scan, a SYN flood) never takes one.
type Dir struct {
	// Touched by every segment; kept together for the cache.
	next      seqnum.Value // highest SEG.SEQ+SEG.LEN seen ("nextseq")
	lastAck   seqnum.Value // the last ACK the sender sent (about the other direction)
	toBeAcked seqnum.Value // end of the contiguous space seen: an ACK beyond it acknowledges the unseen
	nextTS    uint32       // TSval of the segment that set next (RFC 7323)
	window    uint16       // the last window the sender advertised, raw
	WScale    int8         // shift count in force, or ScaleUnknown / ScaleNone
	wsShift   int8         // the shift its SYN's option offered

	started, haveNext, haveTS, haveToBeAcked bool
	haveAck, haveWindow, wsOffered           bool
	zeroWin, reopened                        bool // the window is closed (RSTs aside); the latest segment opened it

	lastClass   Class
	dupAcks     int32  // duplicates of the ACK sent in frame dupAckFrame so far
	dupAckFrame uint64 // frame (segment.Segment.Pkt) that first carried the current ACK

	// When next and lastAck were set, in Unix nanoseconds (8 bytes where a
	// time.Time takes 24; only their differences with later segments'
	// times are used).
	nextTime, lastAckTime int64

	x *Detail // nil until needed (detail)
}

// Detail is the part of a Dir that only a direction carrying data needs:
// the ranges not yet seen, the digests of recent segments, the RTT timer
// and the statistics. Its zero value is a direction that saw nothing of
// note, which is what a Dir without one stands for.
type Detail struct {
	rttEnd              seqnum.Value // the timed segment's end (RFC 6298 §3: one at a time)
	rttTiming           bool
	nholes, ndig, digAt uint8     // holes in use; digests in use; next digest slot
	rttSent             time.Time // when the timed segment was sent; a retransmission cancels it (Karn)

	Stats Stats

	holes [maxHoles]Range
	digs  [maxDigests]digest // a ring of the latest segments
}

// Pool hands out Details and takes them back, so a stream of connections
// reuses a bounded set of them (package chunkpool: a chunk at a time,
// never copied, at most as many as were in use at once, deterministic
// unlike sync.Pool). A nil *Pool allocates each Detail on its own. A Pool
// is not safe for concurrent use.
type Pool struct {
	p chunkpool.Pool[Detail]
}

func (p *Pool) get() *Detail {
	if p == nil {
		return new(Detail)
	}
	return p.p.Get()
}

// Release returns d's Detail, if it has one, to p, and resets d to its
// zero value.
func (d *Dir) Release(p *Pool) {
	if x := d.x; x != nil && p != nil {
		p.p.Put(x)
	}
	*d = Dir{}
}

// detail returns d's Detail, taking one from p if it has none.
func (d *Dir) detail(p *Pool) *Detail {
	if d.x == nil {
		d.x = p.get()
	}
	return d.x
}

// HasDetail reports whether d took a Detail: whether it saw payload, a
// hole or a segment of a notable class.
func (d *Dir) HasDetail() bool { return d.x != nil }

// noStats is what Stats returns for a direction without a Detail. It is
// never written.
var noStats Stats

// Stats returns the direction's statistics. The caller must not modify
// them: a direction without a Detail returns a shared zero value.
func (d *Dir) Stats() *Stats {
	if d.x == nil {
		return &noStats
	}
	return &d.x.Stats
}

// Stats counts what one direction did. Counters are per segment.
type Stats struct {
	Retransmissions, Spurious, FastRetransmissions, OutOfOrder uint64
	PrevNotCaptured, AckedUnseen, DupAcks, ZeroWindows         uint64
	ZeroWindowProbes, WindowFull, WindowUpdates, KeepAlives    uint64
	OverlapMismatches                                          uint64
	WireBytes                                                  uint64 // payload bytes on the wire, retransmissions included
	UniqueBytes                                                uint64 // payload bytes seen for the first time
	MissedBytes                                                uint64 // bytes acknowledged by the peer but never captured
	RTT                                                        RTTStats
}

// RTTStats summarises round-trip samples: the time from a segment this
// direction sent to the peer's first ACK covering it.
type RTTStats struct {
	N             uint64
	Min, Max, Sum time.Duration
}

// Mean returns the average sample, or 0 with none.
func (r *RTTStats) Mean() time.Duration {
	if r.N == 0 {
		return 0
	}
	return r.Sum / time.Duration(r.N)
}

func (r *RTTStats) add(d time.Duration) {
	if d < 0 {
		return
	}
	if r.N == 0 || d < r.Min {
		r.Min = d
	}
	if d > r.Max {
		r.Max = d
	}
	r.Sum += d
	r.N++
}

// Next returns the highest sequence number seen plus one (the next
// expected), and whether anything was seen.
func (d *Dir) Next() (seqnum.Value, bool) { return d.next, d.haveNext }

// LastAck returns the last acknowledgment number this direction's sender
// sent, and whether it sent one.
func (d *Dir) LastAck() (seqnum.Value, bool) { return d.lastAck, d.haveAck }

// Window returns the receive window this direction's sender last
// advertised, scaled by the negotiated shift. known is false when the
// scale is unknown (handshake not seen); the raw value is returned then.
func (d *Dir) Window() (w seqnum.Size, known bool) {
	w = seqnum.Size(d.window)
	switch {
	case d.WScale >= 0:
		return w << uint(d.WScale), true
	case d.WScale == ScaleNone:
		return w, true
	}
	return w, false
}

// Reopened reports whether this direction's latest segment advertised a
// window again after a zero window: the end of a receiver stall.
func (d *Dir) Reopened() bool { return d.reopened }

// DupAck returns how many duplicates of its current acknowledgment this
// direction's sender has sent, and the packet number (segment.Segment.Pkt)
// of the segment that first carried it. For a segment classed DupAck they
// number it as tshark does (tcp.analysis.duplicate_ack_num and
// duplicate_ack_frame): "the 3rd duplicate of the ACK in frame 93". The
// count restarts only when the acknowledgment number changes, as in
// tshark 4.0: a window update in between does not restart it.
func (d *Dir) DupAck() (n int, frame uint64) { return int(d.dupAcks), d.dupAckFrame }

// InFlight returns the bytes this direction has sent that the other has
// not acknowledged, as far as the capture shows.
func (d *Dir) InFlight(rev *Dir) seqnum.Size {
	if !d.haveNext || !rev.haveAck || !rev.lastAck.LessThan(d.next) {
		return 0
	}
	return rev.lastAck.Size(d.next)
}
