package report

import (
	"bufio"
	"net/netip"
	"os"
	"strings"
	"time"
	"unsafe"

	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Limits bound what a Report keeps; see the package doc.
type Limits struct {
	Items       int // items (arrows and bands) of one ladder; at most 32766 (New lowers it)
	LiveItems   int // items of the ladders of all tracked connections together
	First       int // ladders of the first connections to end
	Top         int // ladders of the slowest, and of the most retransmitting, connections
	Recent      int // other ended ladders kept for findings that cite them later
	RecentItems int // items of those together
	Rows        int // rows of the connection table
	DrawItems   int // arrows and bands of all drawn ladders together (about 850 bytes each)
}

// DefaultLimits returns the limits flowtrace uses: a report of a
// capture of any size stays well under 20 MB.
func DefaultLimits() Limits {
	return Limits{Items: 1500, LiveItems: 1 << 20, First: 12, Top: 8, Recent: 1024, RecentItems: 1 << 16, Rows: 5000, DrawItems: 12000}
}

// Meta describes the run for the page's header.
type Meta struct {
	Input    string         // the file or interface read
	Version  string         // flowtrace's version
	Location *time.Location // zone of the times shown
}

// collector is what a Report keeps, on the Report's goroutine (front.go):
// the ladders, the table's rows, the series and the findings.
type collector struct {
	lim  Limits
	meta Meta

	hand      []uint32     // each connection slot's handle (Report.slot)
	touched   uint32       // what touch read, so that its loads stay
	chunks    [][]ladder   // every ladder, ladderChunk a chunk (ladderAt)
	bands     [][]openBand // every ladder's open band, in the same chunks (bandAt)
	ladders   uint32       // ladders in chunks
	free      []uint32     // indices of recycled ladders
	liveItems int
	ended     int // connections ended so far

	kept      []*ladder // ladders kept for a reason other than whyRecent
	ring      []*ladder // recently ended, unkept ladders
	ringItems int
	slow      []*ladder               // Top slowest, slowest first
	rexmit    []*ladder               // Top most retransmitting, most first
	byUID     map[tracker.UID]*ladder // ended ladders in kept or ring, for cite
	asked     map[tracker.UID]bool
	cited     map[tracker.UID]bool
	endRows   []*row  // free rows for ended ladders (newRow)
	rows      []row   // the table's rows, in no order
	rowHeap   rowHeap // their keys
	dropped   int     // rows dropped past Limits.Rows

	reasons   []string             // labels' reasons (label.reason), in order of first use
	reasonIdx map[reasonKey]uint16 // their indices
	reasonHot [64]reasonSlot       // recently used ones, by address: no map lookup for most labels

	series   series
	findings []finding
	first    int64 // first packet's time
	packets  uint64
}

// finding is what the page shows of a findings.Finding.
type finding struct {
	kind, severity, subject, summary string
	explanation, advice, evidence    string
	first, last                      int64
	firstPkt                         uint64
	uids                             []string
}

// newCollector returns an empty collector.
func newCollector(asked []string, meta Meta, lim Limits) *collector {
	lim.Items = min(lim.Items, maxItems)
	if meta.Location == nil {
		meta.Location = time.UTC
	}
	r := &collector{lim: lim, meta: meta,
		byUID: make(map[tracker.UID]*ladder), asked: make(map[tracker.UID]bool), cited: make(map[tracker.UID]bool)}
	for _, u := range asked {
		r.asked[uidOf(u)] = true
	}
	return r
}

// A connection's handle (collector.hand, by the slot the Report gave
// it): one plus the index of its ladder among all ladders (ladderAt) in
// the low bits, 0 before its first packet and after its end, and
// whether the ladder's last item is an open band (auxOpen) that takes
// every packet (auxCapped).
// The bits of a handle.
const (
	auxOpen   = 1 << 31
	auxCapped = 1 << 30
	auxIndex  = auxCapped - 1
)

// ladderChunk is how many ladders are allocated at once.
const ladderChunk = 128

// ladderOf returns the ladder of the connection in slot, nil if it has none.
func (r *collector) ladderOf(slot uint32) *ladder {
	if h := r.hand[slot] & auxIndex; h != 0 {
		return r.ladderAt(h - 1)
	}
	return nil
}

// ladderAt returns ladder i.
func (r *collector) ladderAt(i uint32) *ladder {
	return &r.chunks[i/ladderChunk][i%ladderChunk]
}

// bandAt returns the open band of ladder i.
func (r *collector) bandAt(i uint32) *openBand {
	return &r.bands[i/ladderChunk][i%ladderChunk]
}

// track stores l's handle and its band's state in slot.
func (r *collector) track(slot uint32, l *ladder) {
	h := l.idx + 1
	if l.open {
		h |= auxOpen
	}
	if l.capped {
		h |= auxCapped
	}
	r.hand[slot] = h
}

// untrack clears slot's handle: its ladder is kept, queued or recycled.
func (r *collector) untrack(slot uint32) { r.hand[slot] = 0 }

// firstItems and firstLabels are how many items and labels a ladder
// holds in itself, on the lines after its first: enough for nine
// connections in ten (a handshake, six arrows, a band, a close; ten
// transitions), which then need no buffer of their own; a longer
// connection's move to the heap.
const (
	firstItems  = 16
	firstLabels = 12
)

// newLadder returns a recycled ladder (the most recently freed: its
// lines are likely cached) or a new one.
func (r *collector) newLadder() *ladder {
	if n := len(r.free); n > 0 {
		i := r.free[n-1]
		r.free = r.free[:n-1]
		return r.ladderAt(i)
	}
	i := r.ladders
	if i%ladderChunk == 0 {
		r.chunks = append(r.chunks, make([]ladder, ladderChunk))
		r.bands = append(r.bands, make([]openBand, ladderChunk))
	}
	r.ladders++
	l := r.ladderAt(i)
	l.idx, l.ob = i, r.bandAt(i)
	return l
}

// packet records a segment (o, from Report.Packet) in its connection's
// ladder and the series. A packet that the open band takes (the common
// case: bulk data) is counted in the band's counts alone, found from the
// connection's handle without touching the ladder.
func (r *collector) packet(o *op, evs []tracker.Event) {
	t := o.t
	r.series.tick(t)
	if r.packets == 0 {
		r.first = t
	}
	r.packets++
	ordinary := o.flags&(segment.SYN|segment.FIN|segment.RST) == 0 && o.class&reassembly.Trouble == 0 &&
		len(evs) == 0 && o.bits&opBadCk == 0
	if int(o.slot) >= len(r.hand) {
		r.hand = append(r.hand, make([]uint32, int(o.slot)+1-len(r.hand))...)
	}
	if h := r.hand[o.slot]; h&auxOpen != 0 && (ordinary || h&auxCapped != 0) {
		i := h&auxIndex - 1
		b := r.bandAt(i)
		b.t2 = t
		b.n++
		b.bytes[o.side] += uint64(o.n)
		b.class |= o.class
		if len(evs) > 0 {
			l := r.ladderAt(i)
			r.events(l, int32(len(l.items)-1), evs)
		}
		return
	}
	l := r.ladderOf(o.slot)
	if l == nil {
		l = r.open(o, evs)
	}
	it := item{t: t, pkt: o.pkt, n: o.n, class: o.class, flags: o.flags, side: o.side, win: o.win, seq: o.seq, ack: o.ack}
	if o.bits&opBadCk != 0 {
		it.mark |= markBadCk
	}
	for i := range evs {
		if evs[i].Kind == tracker.Note {
			it.mark |= markNote
		}
	}
	full := len(l.items) >= r.lim.Items || (r.liveItems >= r.lim.LiveItems && len(l.items) >= 64)
	at, grew := l.add(&it, ordinary, full)
	r.liveItems += grew
	r.track(o.slot, l)
	if len(evs) > 0 {
		r.events(l, at, evs)
	}
}

// eventsOf records events no packet caused (timers, the input's end) on
// the connection in slot.
func (r *collector) eventsOf(slot uint32, evs []tracker.Event) {
	l := r.ladderOf(slot)
	if l == nil {
		return
	}
	if len(evs) > 0 && !evs[0].Time.IsZero() {
		r.series.advance(evs[0].Time.UnixNano())
	}
	l.close() // labels point at the last item: no run may fold it away
	l.run = 0
	r.track(slot, l)
	r.events(l, int32(len(l.items))-1, evs)
}

// open starts the ladder of a connection at its first packet o.
func (r *collector) open(o *op, evs []tracker.Event) *ladder {
	l := r.newLadder()
	l.reset(o.id)
	for s := range 2 {
		side := tracker.Side(s)
		l.init[s] = o.state[s]
		for i := range evs {
			if evs[i].Kind == tracker.Transition && evs[i].Side == side {
				l.init[s] = evs[i].From
				break
			}
		}
	}
	l.cur = l.init
	r.series.opened(l.init)
	r.track(o.slot, l)
	return l
}

// events labels transitions and notes, and moves the state counts.
func (r *collector) events(l *ladder, at int32, evs []tracker.Event) {
	for i := range evs {
		e := &evs[i]
		if e.Kind == tracker.Phase {
			continue
		}
		if e.Kind == tracker.Transition {
			if l.cur[e.Side] != e.From {
				// A state the tracker assumed without an event (LISTEN
				// before a SYN arrives): the side started in it.
				r.series.moved(l.cur[e.Side], e.From)
				if !l.moved[e.Side] {
					l.init[e.Side] = e.From
				}
			}
			l.moved[e.Side] = true
			r.series.moved(e.From, e.To)
			l.cur[e.Side] = e.To
		}
		if len(l.labels) >= maxLabels && e.Kind == tracker.Note {
			l.notes++
			continue
		}
		t := e.Time.UnixNano()
		if e.Time.IsZero() {
			t = r.series.now
		}
		l.labels = append(l.labels, label{t: t, at: int16(at), side: e.Side, kind: e.Kind, to: e.To, inferred: e.Inferred, reason: r.reasonOf(e.Reason)})
	}
}

// reasonKey is a reason string by its bytes' address and length: the
// tracker's reasons are static strings, found without hashing their text.
type reasonKey struct {
	p *byte
	n int
}

// reasonSlot is one entry of collector.reasonHot.
type reasonSlot struct {
	k reasonKey
	i uint16
}

// reasonOf returns the index of reason s in r.reasons, entering it if it
// is new. Past the table's 65536 entries (reasons are a few dozen
// static strings; a tracker that made them up would reach it) the last
// entry stands for every new one.
func (r *collector) reasonOf(s string) uint16 {
	k := reasonKey{unsafe.StringData(s), len(s)}
	slot := &r.reasonHot[(uintptr(unsafe.Pointer(k.p))>>3^uintptr(k.n))%uintptr(len(r.reasonHot))]
	if slot.k == k && k.p != nil {
		return slot.i
	}
	i, ok := r.reasonIdx[k]
	if !ok {
		i = r.newReason(k, s)
	}
	*slot = reasonSlot{k, i}
	return i
}

// newReason enters reason s, found by k, in the table.
func (r *collector) newReason(k reasonKey, s string) uint16 {
	if len(r.reasons) == 1<<16-1 {
		r.reasons = append(r.reasons, "(more reasons than the report keeps)")
	}
	if len(r.reasons) == 1<<16 {
		return 1<<16 - 1
	}
	if r.reasonIdx == nil {
		r.reasonIdx = make(map[reasonKey]uint16)
	}
	i := uint16(len(r.reasons))
	r.reasons = append(r.reasons, s)
	r.reasonIdx[k] = i
	return i
}

// done ends the ladder of the connection in slot, whose end e is:
// kept, put in the ring, or recycled.
func (r *collector) done(slot uint32, e *end) {
	l := r.ladderOf(slot)
	if l == nil {
		return
	}
	l.flush()
	r.untrack(slot)
	r.liveItems -= len(l.items)
	l.row = r.newRow()
	*l.row = e.row
	l.uid = l.row.uid
	for s := range 2 {
		// A side without a transition stayed where the tracker put it.
		if st := l.row.state[s]; !l.moved[s] && st != l.cur[s] {
			r.series.moved(l.cur[s], st)
			l.init[s], l.cur[s] = st, st
		}
	}
	r.series.closed(l.cur, l.row.first, l.row.connState)
	l.rtt = e.rtt
	r.addRow(l.row)
	r.ended++
	if r.ended <= r.lim.First {
		l.why |= whyFirst
	}
	if r.asked[l.uid] {
		l.why |= whyAsked
	}
	if r.cited[l.uid] {
		l.why |= whyCited
	}
	r.rank(l)
	r.byUID[l.uid] = l
	if l.why != 0 {
		r.kept = append(r.kept, l)
		return
	}
	r.toRing(l)
}

// rank enters l among the slowest and most retransmitting, dropping
// whichever falls out.
func (r *collector) rank(l *ladder) {
	dur := func(x *ladder) int64 { return x.row.last - x.row.first }
	rex := func(x *ladder) uint64 { return x.row.rexmits }
	r.slow = r.enter(r.slow, l, whySlow, func(a, b *ladder) bool { return dur(a) > dur(b) })
	if l.row.rexmits > 0 {
		r.rexmit = r.enter(r.rexmit, l, whyRexmit, func(a, b *ladder) bool { return rex(a) > rex(b) })
	}
}

// enter inserts l into the ranked list top (best first, at most
// Limits.Top) and releases the one pushed out.
func (r *collector) enter(top []*ladder, l *ladder, why uint8, better func(a, b *ladder) bool) []*ladder {
	if r.lim.Top <= 0 {
		return top
	}
	if len(top) == r.lim.Top && !better(l, top[len(top)-1]) {
		return top
	}
	i := len(top)
	for i > 0 && better(l, top[i-1]) {
		i--
	}
	top = append(top, nil)
	copy(top[i+1:], top[i:])
	top[i] = l
	l.why |= why
	if len(top) > r.lim.Top {
		out := top[len(top)-1]
		top = top[:len(top)-1]
		r.unkeep(out, why)
	}
	return top
}

// unkeep clears a reason; a ladder left without one is recycled.
func (r *collector) unkeep(l *ladder, why uint8) {
	l.why &^= why
	if l.why != 0 {
		return
	}
	for i, k := range r.kept {
		if k == l {
			r.kept = append(r.kept[:i], r.kept[i+1:]...)
			break
		}
	}
	r.recycle(l)
}

// toRing puts an unkept ladder in the queue of recent ones, recycling
// the oldest past Limits.Recent ladders or Limits.RecentItems items.
func (r *collector) toRing(l *ladder) {
	l.why = whyRecent
	r.ring = append(r.ring, l)
	r.ringItems += len(l.items)
	for len(r.ring) > 0 && (len(r.ring) > r.lim.Recent || r.ringItems > r.lim.RecentItems) {
		old := r.ring[0]
		r.ring[0] = nil
		r.ring = r.ring[1:]
		r.ringItems -= len(old.items)
		if old.why == whyRecent {
			r.recycle(old)
		}
	}
}

// recycle puts an ended ladder that is no longer kept on the free list.
func (r *collector) recycle(l *ladder) {
	if r.byUID[l.uid] == l {
		delete(r.byUID, l.uid)
	}
	r.free = append(r.free, l.idx)
	if l.row != nil {
		r.endRows = append(r.endRows, l.row)
		l.row = nil
	}
}

// rowChunk is how many rows of ended ladders are allocated at once.
const rowChunk = 64

// newRow returns a row for a ladder whose connection ended: a recycled
// ladder's, or one of a new chunk. Only ended ladders (kept or waiting
// in the ring) hold one, so they are far fewer than the ladders.
func (r *collector) newRow() *row {
	if len(r.endRows) == 0 {
		chunk := make([]row, rowChunk)
		for i := range chunk {
			r.endRows = append(r.endRows, &chunk[i])
		}
	}
	w := r.endRows[len(r.endRows)-1]
	r.endRows = r.endRows[:len(r.endRows)-1]
	return w
}

// endedFinding records a finding (Report.Ended) for the page.
func (r *collector) endedFinding(f *finding) {
	f.uids = r.cite(f.subject, f.evidence)
	r.findings = append(r.findings, *f)
}

// findingOf is what the page shows of f.
func findingOf(f *findings.Finding) finding {
	return finding{
		kind: f.Kind, severity: string(f.Severity), subject: f.Subject, summary: f.Summary,
		explanation: f.Explanation, advice: f.Advice, evidence: string(f.Evidence.JSON()),
		first: f.FirstTime.UnixNano(), last: f.LastTime.UnixNano(), firstPkt: f.FirstPkt,
	}
}

// cite marks the uids a finding's subject and evidence name; ended
// ladders waiting in the ring are kept.
func (r *collector) cite(subject, evidence string) []string {
	uids := uidsIn(subject, nil)
	uids = uidsIn(evidence, uids)
	for _, s := range uids {
		u := uidOf(s)
		if r.cited[u] {
			continue
		}
		r.cited[u] = true
		switch l := r.byUID[u]; {
		case l == nil:
		case l.why&whyRecent != 0: // waiting in the ring: now kept
			l.why = whyCited
			r.kept = append(r.kept, l)
		default:
			l.why |= whyCited
		}
	}
	return uids
}

// uidsIn appends the connection uids in s ("C" and 17 base62 characters
// between non-alphanumerics) to dst, without duplicates.
func uidsIn(s string, dst []string) []string {
	alnum := func(b byte) bool { return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
	const n = 18
	for i := 0; i+n <= len(s); i++ {
		j := strings.IndexByte(s[i:len(s)-n+1], 'C') // a vectorised jump to the next candidate
		if j < 0 {
			break
		}
		i += j
		if (i > 0 && alnum(s[i-1])) || (i+n < len(s) && alnum(s[i+n])) {
			continue
		}
		ok := true
		for j := i + 1; j < i+n; j++ {
			if !alnum(s[j]) {
				ok = false
				break
			}
		}
		if ok {
			u := s[i : i+n]
			dup := false
			for _, d := range dst {
				dup = dup || d == u
			}
			if !dup {
				dst = append(dst, u)
			}
			i += n - 1
		}
	}
	return dst
}

// write writes the page to f.
func (r *collector) write(f *os.File) error {
	r.series.finish()
	bw := bufio.NewWriterSize(f, 1<<16) // not the whole page in memory
	err := r.render(bw)
	if err == nil {
		err = bw.Flush()
	}
	return err
}

// row is one line of the connection table.
type row struct {
	id          uint64
	uid         tracker.UID
	addr        [2]netip.AddrPort
	first, last int64
	pkts, bytes [2]uint64
	state       [2]tracker.State
	inferred    [2]bool
	connState   string
	end         string
	rexmits     uint64
	bad         uint64 // segments with a bad checksum
}

func rowOf(c *tracker.Conn) row {
	w := row{id: c.ID(), uid: c.UID(), first: c.First().UnixNano(), last: c.Last().UnixNano(),
		connState: c.ConnState(), end: c.End()}
	for s := range 2 {
		side := tracker.Side(s)
		w.addr[s] = c.Addr(side)
		w.pkts[s], w.bytes[s] = c.Packets(side), c.Bytes(side)
		w.bad += c.BadChecksums(side) // drawn, though not counted as packets
		w.state[s], w.inferred[s] = c.State(side), c.Inferred(side)
		st := c.SeqStats(side)
		w.rexmits += st.Retransmissions
	}
	return w
}

// rowKey is a table row's place in the heap of rows: its interest
// (abnormal end, then retransmissions, then duration) and its index in
// collector.rows. The heap moves these, not the rows.
type rowKey struct {
	rexmits uint64
	dur     int64
	id      uint64
	at      int32
	odd     bool // not a normal SF close
}

func keyOf(w *row, at int) rowKey {
	return rowKey{rexmits: w.rexmits, dur: w.last - w.first, id: w.id, at: int32(at), odd: w.connState != "SF"}
}

// less orders rows for the capped table: the least interesting first.
func less(a, b *rowKey) bool {
	switch {
	case a.odd != b.odd:
		return !a.odd
	case a.rexmits != b.rexmits:
		return a.rexmits < b.rexmits
	case a.dur != b.dur:
		return a.dur < b.dur
	}
	return a.id > b.id
}

// rowHeap is a min-heap of row keys by interest: the root is dropped first.
type rowHeap []rowKey

// push adds k to the heap.
func (h *rowHeap) push(k rowKey) {
	*h = append(*h, k)
	r := *h
	for i := len(r) - 1; i > 0; {
		p := (i - 1) / 2
		if !less(&r[i], &r[p]) {
			break
		}
		r[i], r[p] = r[p], r[i]
		i = p
	}
}

// fixRoot restores the heap after its root was replaced.
func (h rowHeap) fixRoot() {
	for i := 0; ; {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && less(&h[c+1], &h[c]) {
			c++
		}
		if !less(&h[c], &h[i]) {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

// addRow enters a row, dropping the least interesting past Limits.Rows.
func (r *collector) addRow(w *row) {
	if len(r.rows) < r.lim.Rows {
		r.rowHeap.push(keyOf(w, len(r.rows)))
		r.rows = append(r.rows, *w)
		return
	}
	r.dropped++
	if len(r.rowHeap) == 0 {
		return
	}
	if k := keyOf(w, int(r.rowHeap[0].at)); less(&r.rowHeap[0], &k) {
		r.rows[k.at] = *w
		r.rowHeap[0] = k
		r.rowHeap.fixRoot()
	}
}
