package shard

import (
	"math"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Phases at one packet (and at the end of the input), in the order one
// tracker reports them.
const (
	phTimer  = iota // Advance: timers, by (deadline, connection)
	phProbe         // Advance or Flush: TCP probes decided, by first packet
	phUDP           // Advance or Flush: UDP probes decided, by first packet
	phPacket        // the packet itself, by its owner
	phFlush         // Flush: connections in order of creation
)

// flushIdx is the packet index of the end of the input.
const flushIdx = math.MaxUint64 - 1

// Kinds of callback.
const (
	kPacket = iota
	kEvents
	kDone
	kProbe
	kStray
	kICMP
)

// key orders log entries across workers.
type key struct {
	i     uint64 // the packet's index in the input; flushIdx at its end
	phase uint8
	sec   int64 // a timer's deadline
	nsec  int32
	ord   uint64 // a connection's number, or a probe's first packet
}

func (a *key) less(b *key) bool {
	switch {
	case a.i != b.i:
		return a.i < b.i
	case a.phase != b.phase:
		return a.phase < b.phase
	case a.sec != b.sec:
		return a.sec < b.sec
	case a.nsec != b.nsec:
		return a.nsec < b.nsec
	}
	return a.ord < b.ord
}

// entry is one callback.
type entry struct {
	key
	kind     uint8
	side     tracker.Side
	snap     int32  // index in log.snaps; -1 for none
	slot     uint32 // the connection's slot in the worker (recorder.slotOf)
	x        int32  // index in log.probes, log.strays or log.icmps
	ev0, ev1 int32  // the events, in log.evs
}

// log is a chunk of what one worker reported about one batch, in key
// order: at most chunkLen entries, so that a packet that ends many
// connections at once (a jump of the capture clock, the end of the input)
// does not hold them all. The worker hands it to the merger when it is
// full, when the worker is about to wait for the others (tracker.Shared),
// and at the end of the batch (last). Its buffers are reused.
type log struct {
	bound key   // the worker's entries after this chunk's have keys from bound on
	last  bool  // the worker's last chunk for the batch
	from  uint8 // the worker's number (Live: the workers share one channel)

	entries []entry
	snaps   []*tracker.ConnCopy
	nsnap   int
	parts   tracker.CopyPool // the snaps' parts, back at reset
	evs     []tracker.Event
	probes  []tracker.Probe
	strays  []tracker.Stray
	icmps   []tracker.ICMPError
	segs    []segment.Segment // segments not in the batch
	arena   []byte            // Live: the payloads of segs, which the ring reuses
}

// newLog returns a log with room for chunkLen entries.
func newLog() *log {
	l := &log{snaps: make([]*tracker.ConnCopy, chunkLen)}
	for i := range l.snaps {
		l.snaps[i] = new(tracker.ConnCopy)
	}
	l.parts.Reserve(2 * chunkLen)
	return l
}

func (l *log) reset() {
	l.last = false
	l.entries = l.entries[:0]
	for _, x := range l.snaps[:l.nsnap] {
		x.Release(&l.parts)
	}
	l.nsnap = 0
	l.evs = l.evs[:0]
	clear(l.probes) // they hold segments: let their payloads go
	l.probes = l.probes[:0]
	l.strays = l.strays[:0]
	clear(l.icmps)
	l.segs = l.segs[:0]
	l.arena = l.arena[:0]
	l.icmps = l.icmps[:0]
}

func (l *log) snap(c *tracker.Conn) int32 {
	if l.nsnap == len(l.snaps) {
		l.snaps = append(l.snaps, new(tracker.ConnCopy))
	}
	l.snaps[l.nsnap].Copy(c, &l.parts)
	l.nsnap++
	return int32(l.nsnap - 1)
}

func (l *log) events(evs []tracker.Event) (int32, int32) {
	a := len(l.evs)
	if len(evs) == 0 { // most packets change nothing
		return int32(a), int32(a)
	}
	l.evs = append(l.evs, evs...)
	return int32(a), int32(len(l.evs))
}

// chunkLen is the most entries in a log; nchunks logs a worker fills
// while the merger reads.
const (
	chunkLen = 256
	nchunks  = 4
)

// worker tracks one shard.
type worker struct {
	k     uint8
	tr    *tracker.Tracker
	rec   recorder
	facts *view
	out   chan *log // full logs, to the merger, in order
	free  chan *log // logs the merger read
}

func newWorker(k int, cfg tracker.Config, f *facts) *worker {
	w := &worker{k: uint8(k), out: make(chan *log, nchunks), free: make(chan *log, nchunks)}
	for range nchunks {
		w.free <- newLog()
	}
	w.rec.w = w
	w.facts = f.view(k, &w.rec)
	cfg.Shared = w.facts
	w.tr = tracker.New(cfg, &w.rec)
	return w
}

func (w *worker) run(in chan *batch) {
	for b := range in {
		w.rec.log = <-w.free
		w.rec.log.reset()
		if b.flush {
			w.rec.i, w.rec.phase = flushIdx, phFlush
			w.facts.progress(flushIdx)
			w.tr.Flush()
			w.facts.progress(flushIdx + 1)
		} else {
			w.track(b)
		}
		w.send(key{i: math.MaxUint64}, true)
	}
}

// send hands the log to the merger, with a bound on the keys of what
// comes next, and takes a fresh one unless this was the batch's last.
func (w *worker) send(bound key, last bool) {
	l := w.rec.log
	l.bound, l.last, l.from = bound, last, w.k
	w.out <- l
	w.rec.log = nil
	if !last {
		// Before waiting for a free log: a worker asking for facts
		// may be waiting for this one to pass bound, and the merger
		// for that worker.
		if w.facts != nil {
			w.facts.handed(bound)
		}
		w.rec.log = <-w.free
		w.rec.log.reset()
	}
}

// added is called after each entry: a full log goes to the merger.
func (w *worker) added() {
	if l := w.rec.log; len(l.entries) >= chunkLen {
		w.send(l.entries[len(l.entries)-1].key, false)
	}
}

func (w *worker) track(b *batch) {
	for i := range b.segs {
		seg := &b.segs[i]
		w.rec.i, w.rec.phase = b.base+uint64(i), phTimer
		w.facts.progress(w.rec.i)
		if b.owner[i] != w.k {
			// Another worker's: only the clock moves, and what it fires
			// is of the timer phase (Skip advances first, as Handle).
			w.tr.Skip(seg)
			continue
		}
		w.tr.Advance(seg.Time)
		w.rec.phase, w.rec.cur = phPacket, seg
		w.tr.Handle(seg)
	}
	end := b.base + uint64(len(b.segs))
	w.facts.progress(end)
	w.facts.settle(end) // facts.go: the logs stay short
}

// recorder is a worker tracker's observer: it logs each callback under
// its key.
type recorder struct {
	w     *worker
	log   *log
	i     uint64
	phase uint8
	cur   *segment.Segment // the batch's segment being handled
	// Slots number the worker's live connections densely, for the
	// merger's table: kept in the worker's Conn's first observer word
	// (plus one), which no other observer uses there.
	slots []uint32 // free
	nslot uint32
}

// slotOf returns c's slot, giving it one on its first callback.
func (r *recorder) slotOf(c *tracker.Conn) uint32 {
	if s := c.Aux(0); s != 0 {
		return s - 1
	}
	// The UID is computed on first use and kept in the Conn: once here,
	// on the worker, rather than on every copy the merger's observers
	// read it from.
	c.UID()
	var s uint32
	if n := len(r.slots); n > 0 {
		s = r.slots[n-1]
		r.slots = r.slots[:n-1]
	} else {
		s = r.nslot
		r.nslot++
	}
	c.SetAux(0, s+1)
	return s
}

// keyOf returns the key of a callback about connection c (nil for none).
func (r *recorder) keyOf(c *tracker.Conn) key {
	k := key{i: r.i, phase: r.phase}
	switch r.phase {
	case phTimer:
		at, ok := r.w.tr.Firing()
		if !ok {
			panic(errPhase)
		}
		k.sec, k.nsec, k.ord = at.Unix(), int32(at.Nanosecond()), c.ID()
	case phFlush:
		k.ord = c.ID()
	}
	return k
}

func (r *recorder) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	l := r.log
	e := entry{key: r.keyOf(c), kind: kPacket, side: side, slot: r.slotOf(c), snap: l.snap(c), x: -1}
	e.ev0, e.ev1 = l.events(evs)
	if seg != r.cur {
		// A held ACK replayed as a connection's first packet (probe.go),
		// not the batch's segment, or any segment of a Live capture
		// (cur is nil: there is no batch): keep a copy, with its payload
		// (the ring's frame is reused once the next one is read).
		l.segs = append(l.segs, *seg)
		e.x = int32(len(l.segs) - 1)
		if r.cur == nil && len(seg.Payload) > 0 {
			k := len(l.arena)
			l.arena = append(l.arena, seg.Payload...)
			l.segs[e.x].Payload = l.arena[k:len(l.arena):len(l.arena)]
		}
	}
	l.entries = append(l.entries, e)
	r.w.added()
}

func (r *recorder) Events(c *tracker.Conn, evs []tracker.Event) {
	l := r.log
	e := entry{key: r.keyOf(c), kind: kEvents, slot: r.slotOf(c), snap: l.snap(c), x: -1}
	e.ev0, e.ev1 = l.events(evs)
	l.entries = append(l.entries, e)
	r.w.added()
}

func (r *recorder) Done(c *tracker.Conn) {
	l := r.log
	s := r.slotOf(c)
	l.entries = append(l.entries, entry{key: r.keyOf(c), kind: kDone, slot: s, snap: l.snap(c), x: -1})
	r.slots = append(r.slots, s) // the merger frees it at this entry, before any reuse
	r.w.added()
}

func (r *recorder) Probe(p *tracker.Probe) {
	l := r.log
	k := key{i: r.i, phase: r.phase}
	if r.phase != phPacket {
		k.phase = phProbe
		if p.Proto == tracker.ProtoUDP {
			k.phase = phUDP
		}
		k.ord = p.Pkt
	}
	l.probes = append(l.probes, *p)
	l.entries = append(l.entries, entry{key: k, kind: kProbe, snap: -1, x: int32(len(l.probes) - 1)})
	r.w.added()
}

func (r *recorder) Stray(s *tracker.Stray) {
	l := r.log
	l.strays = append(l.strays, *s)
	l.entries = append(l.entries, entry{key: key{i: r.i, phase: r.phase}, kind: kStray, snap: -1, x: int32(len(l.strays) - 1)})
	r.w.added()
}

func (r *recorder) ICMP(e *tracker.ICMPError) {
	l := r.log
	x := entry{key: key{i: r.i, phase: r.phase}, kind: kICMP, snap: -1}
	if e.Conn != nil {
		x.slot, x.snap = r.slotOf(e.Conn), l.snap(e.Conn)
	}
	x.ev0, x.ev1 = l.events(e.Events)
	l.icmps = append(l.icmps, *e)
	l.icmps[len(l.icmps)-1].Conn, l.icmps[len(l.icmps)-1].Events = nil, nil
	x.x = int32(len(l.icmps) - 1)
	l.entries = append(l.entries, x)
	r.w.added()
}
