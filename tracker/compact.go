package tracker

import (
	"net/netip"
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
)

// Compact connections.
//
// A Conn's hot record takes 720 bytes, and a lone SYN's connection holds
// an in-flight block besides (conn.go): about 1 KB. Under a SYN flood, or a
// scan, almost every connection is one SYN that nothing answers, and the
// table is full of them. Such a connection is kept as a synRec instead: the
// SYN's header fields that the tracker reads, the connection's number and
// the observers' words, 120 bytes, in chunks of a pool with a free
// list (deterministic and bounded, unlike sync.Pool). Its Conn goes back
// to the free list.
//
// The Conn is rebuilt by replaying the SYN, without observers, into a
// Conn from the free list (expand) as soon as anything needs it: another
// segment or an ICMP error on its 4-tuple, its timer, eviction, the end of
// the input. A SYN is stored compactly only if that replay gives a Conn
// equal to the one it left, field for field, so a compact connection
// behaves exactly as a full one. Observers see a Conn in every callback as
// before; a compact connection's next callback may get another *Conn (the
// same ID). Config.KeepConns turns compaction off for observers that keep
// a *Conn between callbacks.

// defaultCompactAbove is how many connections the table holds before new
// ones are stored compactly: below it the memory is not worth the replay.
const defaultCompactAbove = 1 << 13

// synRec is a connection that saw one SYN and nothing else (compact.go).
type synRec struct {
	key      Tuple
	srcFirst bool // the SYN's sender is the tuple's first endpoint
	flags    segment.Flags
	opt      uint8 // optWScale, ...
	id       uint64
	pkt      uint64
	sec      int64
	nsec     uint32
	seq, ack seqnum.Value
	tsVal    uint32
	tsEcr    uint32
	ipLen    uint16
	window   uint16
	mss      uint16
	wscale   uint8
	gen      uint32 // bumped when freed, to invalidate its timer
	aux      [AuxWords]uint32
}

// synRec.opt bits.
const (
	optWScale = 1 << iota
	optSACKPermitted
	optTS
	optUID // the UID was computed (it is computed again on expand)
)

// recChunk is how many records a pool chunk holds: the pool grows a chunk
// at a time and never copies.
const recChunk = 1 << 12

// synPool holds the compact records. Handles are 1 + an index; 0 is none.
type synPool struct {
	chunks [][]synRec
	free   []uint32
	n      uint32 // handles handed out
	live   int
}

func (p *synPool) at(r uint32) *synRec {
	i := r - 1
	return &p.chunks[i/recChunk][i%recChunk]
}

func (p *synPool) get() uint32 {
	p.live++
	if n := len(p.free); n > 0 {
		r := p.free[n-1]
		p.free = p.free[:n-1]
		return r
	}
	if p.n%recChunk == 0 {
		p.chunks = append(p.chunks, make([]synRec, recChunk))
	}
	p.n++
	return p.n
}

func (p *synPool) put(r uint32) {
	p.live--
	x := p.at(r)
	*x = synRec{gen: x.gen + 1}
	p.free = append(p.free, r)
}

// compactable reports whether seg, which just created its connection, may
// leave it compact: a SYN alone, without payload, whose tunnel is the one
// its tuple holds.
func compactable(seg *segment.Segment) bool {
	return seg.Flags&(segment.SYN|segment.ACK|segment.RST|segment.FIN) == segment.SYN &&
		seg.PayloadLen == 0 && seg.IPLen <= 0xffff && seg.IPLen >= 0 && seg.Opts.NumSACK == 0 &&
		seg.Tunnel == seg.TunnelKey
}

// candidate notes connection c, which seg (a lone SYN, sent by the
// originator) just created, as one to keep compact if nothing else arrives
// for it within youngAge: its record is filled now, while seg is at hand,
// and checked then (mature). It reports whether it did; if so, c is not
// scheduled until then.
//
//go:noinline
func (t *Tracker) candidate(c *Conn, seg *segment.Segment, srcFirst bool) bool {
	at := stampOf(seg.Time)
	if at.before(t.youngLast) {
		return false // the clock stepped back: the queue of the young is in order
	}
	r := t.syns.get()
	x := t.syns.at(r)
	gen := x.gen
	*x = synRec{
		key: c.key, srcFirst: srcFirst, flags: seg.Flags,
		id: c.id, pkt: seg.Pkt,
		sec: seg.Time.Unix(), nsec: uint32(seg.Time.Nanosecond()),
		seq: seg.Seq, ack: seg.Ack, tsVal: seg.Opts.TSVal, tsEcr: seg.Opts.TSEcr,
		ipLen: uint16(seg.IPLen), window: seg.Window, mss: seg.Opts.MSS, wscale: seg.Opts.WScale,
		gen: gen,
	}
	if seg.Opts.HasWScale {
		x.opt |= optWScale
	}
	if seg.Opts.SACKPermitted {
		x.opt |= optSACKPermitted
	}
	if seg.Opts.HasTS {
		x.opt |= optTS
	}
	t.youngLast = at
	t.young = append(t.young, youngEnt{c: c, at: at, gen: c.gen, r: r})
	return true
}

// youngEnt is a connection that saw one SYN, waiting youngAge to be kept
// compact (candidate), with its record r.
type youngEnt struct {
	c   *Conn
	at  stamp // its SYN's time
	gen uint32
	r   uint32
}

// youngAge is how long a lone SYN's connection stays a Conn before it is
// kept compact: longer than most handshakes take, so an answered
// connection never pays for the record and its replay.
const youngAge = 50 * time.Millisecond

// matureYoung keeps compact the connections noted by candidate that are
// youngAge old by now, or all of them if all (before an eviction, which
// chooses among scheduled connections).
func (t *Tracker) matureYoung(now stamp, all bool) {
	age := min(youngAge, t.synIdle()/2)
	for t.youngHead < len(t.young) {
		e := &t.young[t.youngHead]
		if !all {
			due := stampOf(time.Unix(e.at.sec, e.at.nsec).Add(age))
			if now.before(due) {
				break
			}
		}
		t.mature(e.c, e.gen, e.r)
		*e = youngEnt{}
		t.youngHead++
	}
	if t.youngHead == len(t.young) {
		t.young, t.youngHead = t.young[:0], 0
	} else if t.youngHead >= 1024 && 2*t.youngHead >= len(t.young) {
		n := copy(t.young, t.young[t.youngHead:])
		clear(t.young[n:])
		t.young, t.youngHead = t.young[:n], 0
	}
}

// mature stores connection c (if it is still generation gen) as its
// compact record r if replaying the record gives c back exactly; c goes
// back to the free list. Otherwise r is freed and c, if untouched since
// its SYN, scheduled.
func (t *Tracker) mature(c *Conn, gen, r uint32) {
	if c.gen != gen || c.queuedSet {
		t.syns.put(r) // gone, or scheduled by a later segment: not a lone SYN
		return
	}
	x := t.syns.at(r)
	x.aux = c.aux
	if c.uid[0] != 0 {
		x.opt |= optUID
	}
	if t.scratch == nil {
		t.scratch = new(Conn)
	}
	t.expandInto(t.scratch, x)
	t.scratch.gen = c.gen
	if !sameConn(t.scratch, c) {
		t.syns.put(r)
		t.compactMiss++
		t.schedule(c)
		return
	}
	i := t.conns.index(c, 0, c.hash)
	t.conns.slots[i].c, t.conns.slots[i].r = nil, r
	t.scheduleSyn(r, t.deadline(c))
	c.release(t)
	c.gen++
	t.free = append(t.free, c)
}

// segment rebuilds the SYN of record x.
func (x *synRec) segment() segment.Segment {
	a, b := x.key.addrs()
	pa, pb := x.key.ports()
	if !x.srcFirst {
		a, b, pa, pb = b, a, pb, pa
	}
	return segment.Segment{
		Time: time.Unix(x.sec, int64(x.nsec)).UTC(), Pkt: x.pkt,
		Src: a, Dst: b, SrcPort: pa, DstPort: pb,
		Seq: x.seq, Ack: x.ack, Flags: x.flags, Window: x.window,
		IPLen: int(x.ipLen), Tunnel: x.key.Tunnel(), TunnelKey: x.key.Tunnel(),
		Opts: segment.Options{
			MSS: x.mss, WScale: x.wscale,
			HasWScale: x.opt&optWScale != 0, SACKPermitted: x.opt&optSACKPermitted != 0,
			HasTS: x.opt&optTS != 0, TSVal: x.tsVal, TSEcr: x.tsEcr,
		},
	}
}

// expandInto rebuilds in c, which must not be in use, the connection that
// record x holds, by replaying its SYN without observers.
func (t *Tracker) expandInto(c *Conn, x *synRec) {
	seg := x.segment()
	gen := c.gen
	c.release(t)
	*c = Conn{gen: gen}
	n, evTime, evPkt := len(t.evs), t.evTime, t.evPkt
	t.evTime, t.evPkt = seg.Time, seg.Pkt
	c.init(t, &x.key, t.conns.hash(&x.key), x.srcFirst, &seg)
	c.id, c.aux = x.id, x.aux
	c.apply(t, &seg, c.sideOf(x.srcFirst))
	if x.opt&optUID != 0 {
		c.UID()
	}
	t.evs = t.evs[:n]
	t.evTime, t.evPkt = evTime, evPkt
}

// expand turns the compact record in slot i back into a Conn, scheduled
// as it was if sched, and returns it.
func (t *Tracker) expand(i int, sched bool) *Conn {
	s := &t.conns.slots[i]
	r := s.r
	c := t.allocConn()
	t.expandInto(c, t.syns.at(r))
	t.syns.put(r)
	s.c, s.r = c, 0
	if sched {
		t.schedule(c)
	}
	return c
}

// lookup returns the connection with key k and hash h, or nil, as a Conn.
func (t *Tracker) lookup(k *Tuple, h uint64) *Conn {
	i := t.conns.find(k, h, &t.syns)
	switch {
	case i < 0:
		return nil
	case t.conns.slots[i].c != nil:
		return t.conns.slots[i].c
	}
	return t.expand(i, true)
}

// addrs returns the tuple's two addresses.
func (k *Tuple) addrs() (a, b netip.Addr) {
	a, b = netip.AddrFrom16([16]byte(k.k[0:16])), netip.AddrFrom16([16]byte(k.k[16:32]))
	if k.k[36] == 4 {
		a, b = a.Unmap(), b.Unmap()
	}
	return a, b
}

// ports returns the tuple's two ports.
func (k *Tuple) ports() (a, b uint16) {
	return uint16(k.k[32])<<8 | uint16(k.k[33]), uint16(k.k[34])<<8 | uint16(k.k[35])
}

// synQueue holds the compact connections' timers in order of creation,
// which is the order of their deadlines as long as the capture's clock
// does not step back (a deadline is the SYN's time plus a constant);
// a connection whose deadline would break the order goes to the heap
// instead. An entry is 8 bytes where a heap entry is 40, and the queue
// grows a chunk at a time, never copying.
type synQueue struct {
	chunks [][]synQEnt
	head   int // the first entry's index in chunks[0]
	tail   int // entries in the last chunk
	spare  []synQEnt
	last   stamp // the latest deadline pushed
}

type synQEnt struct{ r, gen uint32 }

const qChunk = 1 << 12

func (q *synQueue) empty() bool { return len(q.chunks) == 0 }

func (q *synQueue) front() synQEnt { return q.chunks[0][q.head] }

func (q *synQueue) push(e synQEnt, at stamp) {
	if len(q.chunks) == 0 || q.tail == qChunk {
		c := q.spare
		q.spare = nil
		if c == nil {
			c = make([]synQEnt, qChunk)
		}
		q.chunks = append(q.chunks, c)
		q.tail = 0
	}
	q.chunks[len(q.chunks)-1][q.tail] = e
	q.tail++
	q.last = at
}

func (q *synQueue) pop() {
	q.head++
	switch {
	case len(q.chunks) == 1 && q.head == q.tail:
		q.spare, q.chunks = q.chunks[0], q.chunks[:0]
		q.head, q.tail = 0, 0
	case q.head == qChunk:
		q.spare, q.chunks = q.chunks[0], q.chunks[1:]
		q.head = 0
	}
}

func (q *synQueue) reset() {
	*q = synQueue{}
}

// synIdle is how long a connection that saw one SYN lives without
// another segment (deadline).
func (t *Tracker) synIdle() time.Duration { return min(t.cfg.IdleTimeout, handshakeIdle) }

// synDue returns the deadline of compact record x.
func (t *Tracker) synDue(x *synRec) stamp {
	return stampOf(time.Unix(x.sec, int64(x.nsec)).Add(t.synIdle()))
}

// scheduleSyn queues the timer of compact record r, whose connection's
// deadline is d.
func (t *Tracker) scheduleSyn(r uint32, ds stamp) {
	x := t.syns.at(r)
	q := &t.synQ
	if ds != t.synDue(x) || !q.empty() && ds.before(q.last) {
		t.timers.push(timer{atS: ds, id: x.id, gen: x.gen, r: r})
		return
	}
	wasEmpty := q.empty()
	q.push(synQEnt{r, x.gen}, ds)
	if wasEmpty {
		t.synQAt, t.synQID = ds, x.id
	}
}

// popSyn drops the queue's first entry, and the stale ones after it (a
// freed record may hold another connection since), and notes the next
// one's deadline. An entry that goes stale once first keeps the deadline
// noted, and is dropped when it comes due.
func (t *Tracker) popSyn() {
	for t.synQ.pop(); !t.synQ.empty(); t.synQ.pop() {
		e := t.synQ.front()
		if x := t.syns.at(e.r); x.gen == e.gen {
			t.synQAt, t.synQID = t.synDue(x), x.id
			return
		}
	}
}

// firstDue returns the earliest deadline of the heap and the queue.
func (t *Tracker) firstDue() (stamp, bool) {
	switch {
	case t.synQ.empty() && len(t.timers) == 0:
		return stamp{}, false
	case t.synQ.empty():
		return t.timers[0].atS, true
	case len(t.timers) == 0 || t.synFirst():
		return t.synQAt, true
	}
	return t.timers[0].atS, true
}

// synFirst reports whether the queue's first entry comes before the
// heap's (both non-empty).
func (t *Tracker) synFirst() bool {
	h := &t.timers[0]
	return t.synQAt.before(h.atS) || t.synQAt == h.atS && t.synQID < h.id
}
