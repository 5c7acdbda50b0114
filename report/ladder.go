package report

import (
	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// collapseRun is how many ordinary packets in a row stay arrows; the
// next one turns the run into a band.
const collapseRun = 6

// maxLabels is the most state and note labels a ladder keeps; past it
// notes are only counted (transitions are few: at most a dozen a side).
const maxLabels = 256

type itemKind uint8

const (
	arrow itemKind = iota
	band
)

// Marks of an arrow, besides its reassembly class.
const (
	markNote   uint8 = 1 << iota // the segment drew a Note (a rejected RST, a dropped segment)
	markBadCk                    // bad checksum: dropped by its receiver
	markCapped                   // band: the ladder's cap was reached, everything after is in it
)

// item is one arrow (a packet) or one band (a run of packets) of a
// ladder: 40 bytes. A band's end and byte counts are in the ladder's
// bands, at index seq: bands are few, arrows many.
type item struct {
	t        int64  // capture time (Unix ns); a band's first packet
	pkt      uint64 // packet number; a band's first packet
	seq, ack uint32 // relative to each side's ISN (ack: 0 without ACK); a band: seq indexes ladder.bands
	n        uint32 // arrow: payload length; band: packets
	class    reassembly.Class
	win      uint16
	flags    segment.Flags
	side     tracker.Side
	kind     itemKind
	mark     uint8
}

// bandExt is the rest of a band item.
type bandExt struct {
	t2    int64     // capture time of the band's last packet
	bytes [2]uint64 // payload bytes sent by each side
}

// label is a state change or note written along a timeline.
type label struct {
	t        int64
	at       int32 // the item it happened at; -1 before any (timers only)
	side     tracker.Side
	kind     tracker.EventKind
	to       tracker.State
	inferred bool
	reason   string // static strings from the tracker: no copy
}

// Reasons a ladder is kept (bits of ladder.why).
const (
	whyFirst uint8 = 1 << iota
	whySlow
	whyRexmit
	whyAsked
	whyCited
	whyRecent // waiting in the ring of recently ended ladders
)

// hot is the part of a connection's ladder that an ordinary packet
// touches: one cache line, kept in the Report's table of hot parts and
// found through the connection's auxiliary word. While open, the
// ladder's last item is a band whose counts live here until flush.
type hot struct {
	l      *ladder
	t2     int64
	bytes  [2]uint64
	n      uint32
	class  reassembly.Class
	open   bool     // the last item is a band this accumulates
	capped bool     // the cap was reached: the band takes everything
	_      [22]byte // to 64 bytes: a slot never straddles two cache lines
}

// extend adds one packet to the open band.
func (h *hot) extend(it *item) {
	h.t2 = it.t
	h.n++
	h.bytes[it.side] += uint64(it.n)
	h.class |= it.class
}

// load makes band b (the ladder's last item) the open band.
func (h *hot) load(b *item) {
	e := h.l.ext(b)
	h.open, h.t2, h.n, h.bytes, h.class = true, e.t2, b.n, e.bytes, b.class
}

// flush writes the open band's counts to its item.
func (h *hot) flush() {
	if !h.open {
		return
	}
	b := &h.l.items[len(h.l.items)-1]
	b.n, b.class = h.n, h.class
	e := h.l.ext(b)
	e.t2, e.bytes = h.t2, h.bytes
}

// close flushes and closes the open band, unless the ladder is capped.
func (h *hot) close() {
	h.flush()
	if !h.capped {
		h.open = false
	}
}

// ladder is one connection's record while it is tracked, and after its
// end if kept.
type ladder struct {
	id     uint64
	uid    tracker.UID
	items  []item
	bands  []bandExt // the rest of the band items
	labels []label
	init   [2]tracker.State // states before its first packet
	cur    [2]tracker.State // states now, for the state counts
	moved  [2]bool          // a transition of the side was seen
	run    int              // ordinary arrows at the tail, not yet a band
	notes  int              // notes not labelled (past maxLabels)
	why    uint8
	row    row
	rtt    [2]int64 // one-way time from the capture point to each side (ns), from the handshake; 0 unknown
}

// reset readies a recycled ladder for connection c, keeping its buffers.
func (l *ladder) reset(c *tracker.Conn) {
	items, bands, labels := l.items[:0], l.bands[:0], l.labels[:0]
	if items == nil || cap(items) > 64 { // a long ladder's buffer is not kept for a short one
		items = make([]item, 0, 8)
	}
	if cap(bands) > 16 {
		bands = nil
	}
	if labels == nil {
		labels = make([]label, 0, 8) // a closed connection's transitions
	}
	*l = ladder{id: c.ID(), items: items, bands: bands, labels: labels} // uid: at its end (Done)
}

// add records one packet that the open band (if any) does not take:
// ordinary packets join a band once the run is long. It returns the
// index of the item that holds the packet and how many items the ladder
// grew by (negative when a run folded).
func (h *hot) add(it *item, ordinary bool, full bool) (int32, int) {
	l := h.l
	if h.open && (ordinary || h.capped) {
		h.extend(it)
		return int32(len(l.items) - 1), 0
	}
	if full && !h.capped {
		h.close()
		l.run = 0
		b := l.bandOf(it)
		b.mark |= markCapped
		l.items = append(l.items, b)
		h.load(&l.items[len(l.items)-1])
		h.capped = true
		return int32(len(l.items) - 1), 1
	}
	h.close()
	if !ordinary {
		l.run = 0
		l.items = append(l.items, *it)
		return int32(len(l.items) - 1), 1
	}
	l.items = append(l.items, *it)
	l.run++
	if l.run <= collapseRun {
		return int32(len(l.items) - 1), 1
	}
	// The run is long: fold it into one band.
	start := len(l.items) - l.run
	b := l.bandOf(&l.items[start])
	e := l.ext(&b)
	for i := start + 1; i < len(l.items); i++ {
		it := &l.items[i]
		e.t2 = it.t
		b.n++
		e.bytes[it.side] += uint64(it.n)
		b.class |= it.class
	}
	l.items = append(l.items[:start], b)
	grew := 1 - l.run
	l.run = 0
	h.load(&l.items[start])
	return int32(start), grew
}

// bandOf starts a band with one arrow.
func (l *ladder) bandOf(it *item) item {
	e := bandExt{t2: it.t}
	e.bytes[it.side] = uint64(it.n)
	l.bands = append(l.bands, e)
	return item{t: it.t, pkt: it.pkt, seq: uint32(len(l.bands) - 1), n: 1, kind: band, side: it.side, class: it.class}
}

// ext returns the rest of band b.
func (l *ladder) ext(b *item) *bandExt { return &l.bands[b.seq] }

// end is the capture time of an item's last packet.
func (l *ladder) end(it *item) int64 {
	if it.kind == band {
		return l.ext(it).t2
	}
	return it.t
}

// packets counts the packets in the ladder's arrows and bands (after
// the hot part's flush).
func (l *ladder) packets() uint64 {
	var n uint64
	for i := range l.items {
		if l.items[i].kind == band {
			n += uint64(l.items[i].n)
		} else {
			n++
		}
	}
	return n
}
