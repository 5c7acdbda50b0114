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

// label is a state change or note written along a timeline: 16 bytes
// and no pointer (its reason is an index in the Report's table of
// reasons), so a ladder's inline labels cost the collector nothing.
type label struct {
	t        int64
	reason   uint16 // index in collector.reasons (reasonOf)
	at       int16  // the item it happened at; -1 before any (timers only); items are at most maxItems
	side     tracker.Side
	kind     tracker.EventKind
	to       tracker.State
	inferred bool
}

// maxItems bounds Limits.Items so that a label's item index fits its
// int16 (a capped ladder holds one band more than Limits.Items).
const maxItems = 1<<15 - 2

// Reasons a ladder is kept (bits of ladder.why).
const (
	whyFirst uint8 = 1 << iota
	whySlow
	whyRexmit
	whyAsked
	whyCited
	whyRecent // waiting in the ring of recently ended ladders
)

// openBand is the counts of a ladder's open band, apart from the
// ladder: all ladders' open bands are in dense chunks (collector.bandAt),
// 32 bytes each, so a packet in a band writes a line shared with one
// other ladder that stays in the cache, not a line of its own ladder.
// No pointers: the collector does not scan them.
type openBand struct {
	t2    int64            // its last packet's time
	bytes [2]uint64        // payload bytes by sender
	n     uint32           // packets
	class reassembly.Class // its packets' classes
}

// ladder is one connection's record while it is tracked, and after its
// end if kept. A packet in an open band does not touch it (the band's
// counts are in ob, the band's state in the connection's handle, see
// collector.packet); an arrow writes its first line and an item.
// A short connection's items are on the next lines, in the ladder
// itself.
type ladder struct {
	ladderHead
	// A short connection's items and labels, on the lines after the
	// first: written before they are read, so reset leaves them.
	inline      [firstItems]item
	inlineLabel [firstLabels]label
	ladderTail
	_ [24]byte // to a multiple of 64 bytes (TestItemSize)
}

// ladderHead is a ladder's first cache line: what an arrow touches.
type ladderHead struct {
	items  []item
	ob     *openBand        // the open band's counts (in collector.bands)
	open   bool             // the last item is a band this accumulates
	capped bool             // the cap was reached: the band takes everything
	run    uint8            // ordinary arrows at the tail, not yet a band
	cur    [2]tracker.State // states now, for the state counts
	moved  [2]bool          // a transition of the side was seen
	idx    uint32           // its place among the collector's ladders (ladderAt)
}

// ladderTail is what events and the connection's end touch.
type ladderTail struct {
	labels []label
	bands  []bandExt        // the rest of the band items
	init   [2]tracker.State // states before its first packet
	why    uint8
	notes  int // notes not labelled (past maxLabels)
	id     uint64
	uid    tracker.UID
	rtt    [2]int64 // one-way time from the capture point to each side (ns), from the handshake; 0 unknown
	// row is the connection's table row, set when it ends (collector.done):
	// a tracked connection's ladder does not carry one (most ladders
	// are of tracked connections).
	row *row
}

// extend adds one packet to the open band b.
func (b *openBand) extend(it *item) {
	b.t2 = it.t
	b.n++
	b.bytes[it.side] += uint64(it.n)
	b.class |= it.class
}

// load makes band b (the ladder's last item) the open band.
func (l *ladder) load(b *item) {
	e := l.ext(b)
	l.open = true
	*l.ob = openBand{t2: e.t2, n: b.n, bytes: e.bytes, class: b.class}
}

// flush writes the open band's counts to its item.
func (l *ladder) flush() {
	if !l.open {
		return
	}
	b := &l.items[len(l.items)-1]
	b.n, b.class = l.ob.n, l.ob.class
	e := l.ext(b)
	e.t2, e.bytes = l.ob.t2, l.ob.bytes
}

// close flushes and closes the open band, unless the ladder is capped.
func (l *ladder) close() {
	l.flush()
	if !l.capped {
		l.open = false
	}
}

// reset readies a recycled ladder for connection id, keeping its buffers.
// The inline items and labels are left as they are: they are written
// before they are read.
func (l *ladder) reset(id uint64) {
	items, bands, labels := l.items[:0], l.bands[:0], l.labels[:0]
	if items == nil || cap(items) > 64 { // a long ladder's buffer is not kept for a short one
		items = l.inline[:0:firstItems]
	}
	if cap(bands) > 16 {
		bands = nil
	}
	if labels == nil || cap(labels) > maxLabels {
		labels = l.inlineLabel[:0:firstLabels] // a closed connection's transitions
	}
	// Only the head and tail: zeroing the whole ladder would write its
	// every line, where a short connection uses a few.
	l.ladderHead = ladderHead{ob: l.ob, items: items, idx: l.idx}
	l.ladderTail = ladderTail{id: id, bands: bands, labels: labels} // uid: at its end (done)
}

// add records one packet that the open band (if any) does not take:
// ordinary packets join a band once the run is long. It returns the
// index of the item that holds the packet and how many items the ladder
// grew by (negative when a run folded).
func (l *ladder) add(it *item, ordinary bool, full bool) (int32, int) {
	if l.open && (ordinary || l.capped) {
		l.ob.extend(it)
		return int32(len(l.items) - 1), 0
	}
	if full && !l.capped {
		l.close()
		l.run = 0
		b := l.bandOf(it)
		b.mark |= markCapped
		l.items = append(l.items, b)
		l.load(&l.items[len(l.items)-1])
		l.capped = true
		return int32(len(l.items) - 1), 1
	}
	l.close()
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
	start := len(l.items) - int(l.run)
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
	grew := 2 - int(l.run) // the run's earlier arrows were counted, this packet not yet
	l.run = 0
	l.load(&l.items[start])
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
