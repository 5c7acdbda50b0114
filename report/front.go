package report

import (
	"fmt"
	"os"

	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Report collects a run's report and writes it to its file on Close.
// Its callbacks only copy what the report needs into batches (an op per
// call, 56 bytes for a packet), which a goroutine of its own hands to
// the collector, in order: the ladders' work runs beside the tracker,
// off the caller's goroutine (the critical path of a run).
type Report struct {
	col  *collector
	f    *os.File
	path string

	b     *batch      // being filled
	todo  chan *batch // filled, for the collector
	free  chan *batch // done with, for reuse
	idle  chan struct{}
	slots uint32   // connection slots handed out
	spare []uint32 // slots freed by Done, reused first
	shut  bool
}

// batchOps is how many ops a batch holds; batches are how many batches
// there are, so at most batches-1 wait for the collector while one fills.
// A batch is also handed over once it holds batchEnds ends or batchEvs
// events (the input's end closes thousands of connections at once), so
// that the batches' memory stays small.
const (
	batchOps  = 1024
	batches   = 8
	batchEnds = 64
	batchEvs  = 1024
)

// batch is a run of callbacks, in order: ops, and the events, ends and
// findings they refer to (op.nev, op.ref).
type batch struct {
	ops   []op
	evs   []tracker.Event
	ends  []end
	finds []finding
	full  bool // hand it over before the next op: it holds batchEnds ends or batchEvs events
}

// opKind is which callback an op records.
type opKind uint8

const (
	opPacket opKind = iota
	opEvents
	opDone
	opFired
	opEnded
	opInputEnded
)

// Bits of op.bits.
const (
	opBadCk uint8 = 1 << iota // the segment's checksum is bad
)

// op is one callback: a packet's fields as the collector records them,
// or a reference to a batch's ends or findings.
type op struct {
	t        int64  // packet: capture time (Unix ns)
	pkt      uint64 // packet: its number
	id       uint64 // packet: the connection's ID, on its first packet
	seq, ack uint32 // packet: relative to each side's ISN (ack: 0 without ACK)
	n        uint32 // packet: payload length
	class    reassembly.Class
	slot     uint32 // the connection's slot: its index in collector.hand
	ref      uint32 // opDone: index in batch.ends; opFired, opEnded: in batch.finds
	win      uint16
	nev      uint16 // events in batch.evs that follow the previous op's
	flags    segment.Flags
	side     tracker.Side
	kind     opKind
	bits     uint8
	state    [2]tracker.State // packet: each side's state, on the connection's first packet
}

// end is what the collector keeps of a connection that ended.
type end struct {
	row row
	rtt [2]int64 // one-way time from the capture point to each side, from the handshake; 0 unknown
}

// auxKey is the Report's word on each tracker.Conn: one plus the
// connection's slot (a small number the collector indexes its handles
// by), 0 before its first packet and after its end.
var auxKey = tracker.NewAuxKey()

// New creates the report file at path (so that a bad path fails before
// the input is read) and returns a Report that writes it on Close. asked
// lists connection uids whose ladders are always kept (--report-conns).
func New(path string, asked []string, meta Meta, lim Limits) (*Report, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	r := &Report{col: newCollector(asked, meta, lim), f: f, path: path,
		todo: make(chan *batch, batches), free: make(chan *batch, batches), idle: make(chan struct{})}
	r.b = newBatch()
	for range batches - 1 {
		r.free <- newBatch()
	}
	go r.collect()
	return r, nil
}

func newBatch() *batch { return &batch{ops: make([]op, 0, batchOps)} }

// collect hands each batch to the collector, until Close.
func (r *Report) collect() {
	for b := range r.todo {
		r.col.run(b)
		b.reset()
		r.free <- b
	}
	close(r.idle)
}

// touchOps is how many ops run reads ahead of their replay (touch).
const touchOps = 64

// reset empties b for reuse.
func (b *batch) reset() {
	clear(b.evs) // no strings or zones held past their batch
	clear(b.finds)
	b.ops, b.evs, b.ends, b.finds, b.full = b.ops[:0], b.evs[:0], b.ends[:0], b.finds[:0], false
}

// run replays a batch's callbacks.
func (c *collector) run(b *batch) {
	evs := b.evs
	for i := range b.ops {
		if i%touchOps == 0 {
			c.touch(b.ops[i:min(i+touchOps, len(b.ops))])
		}
		o := &b.ops[i]
		e := evs[:o.nev:o.nev]
		evs = evs[o.nev:]
		switch o.kind {
		case opPacket:
			c.packet(o, e)
		case opEvents:
			c.eventsOf(o.slot, e)
		case opDone:
			c.done(o.slot, &b.ends[o.ref])
		case opFired:
			f := &b.finds[o.ref]
			c.cite(f.subject, f.evidence)
		case opEnded:
			c.endedFinding(&b.finds[o.ref])
		case opInputEnded:
			c.series.finish()
		}
	}
}

// touch reads the line each packet of ops will update (its open band's
// counts, or its ladder's first line) before they are replayed: the
// loads are independent of each other, so their cache misses overlap,
// where the replay would wait for each in turn.
func (c *collector) touch(ops []op) {
	var s uint32
	for i := range ops {
		o := &ops[i]
		if o.kind != opPacket || int(o.slot) >= len(c.hand) {
			continue
		}
		h := c.hand[o.slot]
		switch j := h&auxIndex - 1; {
		case h == 0:
		case h&auxOpen != 0:
			s += c.bandAt(j).n
		default:
			s += uint32(len(c.ladderAt(j).items))
		}
	}
	c.touched += s
}

// next returns the batch's next op, zero, handing the batch to the
// collector first if it is full.
func (r *Report) next() *op {
	if len(r.b.ops) == cap(r.b.ops) || r.b.full {
		r.handOver()
	}
	r.b.ops = r.b.ops[:len(r.b.ops)+1]
	o := &r.b.ops[len(r.b.ops)-1]
	*o = op{}
	return o
}

// handOver gives the batch being filled to the collector and takes an
// empty one. After Close the batch is dropped: callbacks then record
// nothing.
func (r *Report) handOver() {
	if r.shut {
		r.b.reset()
		return
	}
	r.todo <- r.b
	r.b = <-r.free
}

// withEvents copies evs into the batch for op o.
func (r *Report) withEvents(o *op, evs []tracker.Event) {
	r.b.evs = append(r.b.evs, evs...)
	o.nev = uint16(len(evs))
	r.b.full = r.b.full || len(r.b.evs) >= batchEvs
}

// Packet records a segment in its connection's ladder and the series.
func (r *Report) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	o := r.next()
	h := c.Aux(auxKey)
	if h == 0 {
		h = r.slot() + 1
		c.SetAux(auxKey, h)
		o.id = c.ID()
		o.state = [2]tracker.State{c.State(tracker.Orig), c.State(tracker.Resp)}
	}
	o.kind, o.slot, o.side = opPacket, h-1, side
	o.t, o.pkt, o.n = seg.Time.UnixNano(), seg.Pkt, uint32(seg.PayloadLen)
	o.class, o.win, o.flags = c.Class(), seg.Window, seg.Flags
	if c.HasBase(side) {
		o.seq = c.Rel(side, seg.Seq)
	}
	if seg.Flags&segment.ACK != 0 && c.HasBase(side.Peer()) {
		o.ack = c.Rel(side.Peer(), seg.Ack)
	}
	if seg.BadChecksum {
		o.bits |= opBadCk
	}
	if len(evs) > 0 {
		r.withEvents(o, evs)
	}
}

// slot returns a free connection slot.
func (r *Report) slot() uint32 {
	if n := len(r.spare); n > 0 {
		s := r.spare[n-1]
		r.spare = r.spare[:n-1]
		return s
	}
	r.slots++
	return r.slots - 1
}

// Events records events no packet caused (timers, the input's end).
func (r *Report) Events(c *tracker.Conn, evs []tracker.Event) {
	h := c.Aux(auxKey)
	if h == 0 {
		return
	}
	o := r.next()
	o.kind, o.slot = opEvents, h-1
	r.withEvents(o, evs)
}

// Done ends a connection's ladder: kept, put in the ring, or recycled.
func (r *Report) Done(c *tracker.Conn) {
	h := c.Aux(auxKey)
	if h == 0 {
		return
	}
	c.SetAux(auxKey, 0)
	r.spare = append(r.spare, h-1) // the collector sees this Done before the slot's next packet
	o := r.next()
	o.kind, o.slot, o.ref = opDone, h-1, uint32(len(r.b.ends))
	e := end{row: rowOf(c)} // the uid computed once, at the end: often already by the findings
	if total, server, client, ok := c.HandshakeRTT(); ok && total > 0 {
		e.rtt = [2]int64{int64(client) / 2, int64(server) / 2}
	}
	r.b.ends = append(r.b.ends, e)
	r.b.full = r.b.full || len(r.b.ends) >= batchEnds
}

// Fired marks the connections a finding cites, so that their ladders
// are kept when they end.
func (r *Report) Fired(f *findings.Finding) {
	o := r.next()
	o.kind, o.ref = opFired, uint32(len(r.b.finds))
	r.b.finds = append(r.b.finds, finding{subject: f.Subject, evidence: string(f.Evidence.JSON())})
}

// Ended records a finding for the page.
func (r *Report) Ended(f *findings.Finding) {
	o := r.next()
	o.kind, o.ref = opEnded, uint32(len(r.b.finds))
	r.b.finds = append(r.b.finds, findingOf(f))
}

// InputEnded takes the last sample of the state chart: call it when the
// input ends, before the tracker flushes the connections still open, so
// that the chart's end shows them in their final states.
func (r *Report) InputEnded() { r.next().kind = opInputEnded }

// sync waits until the collector has replayed every callback so far.
// Close does; tests that look at the collector do.
func (r *Report) sync() {
	r.todo <- r.b
	var held [batches]*batch
	for i := range held {
		held[i] = <-r.free // every batch back: all replayed
	}
	r.b = held[0]
	for _, b := range held[1:] {
		r.free <- b
	}
}

// Close writes the page.
func (r *Report) Close() error {
	if r.shut {
		return fmt.Errorf("report %s: closed twice", r.path)
	}
	r.todo <- r.b
	r.b, r.shut = newBatch(), true
	close(r.todo)
	<-r.idle
	err := r.col.write(r.f)
	if cerr := r.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("report %s: %w", r.path, err)
	}
	return nil
}
