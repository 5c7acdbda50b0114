package shard

import (
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// conn is what the merger keeps of a live connection: its number and its
// observer words, carried from one callback's copy to the next.
type conn struct {
	id  uint64 // 0: the slot is free
	aux [tracker.AuxWords]uint32
}

// merger calls the observer in the order one tracker would.
type merger struct {
	obs    tracker.Observer
	probe  tracker.ProbeObserver
	stray  tracker.StrayObserver
	icmp   tracker.ICMPObserver
	conns  [][]conn // per worker, by slot (recorder.slotOf)
	nextID uint64
	closed []closedRing // per worker: the numbers strays may name
	heads  []head
	tcp    uint64 // TCP segments merged (Config.Tick)
}

func (m *merger) init(obs tracker.Observer, n int) {
	m.obs = obs
	m.probe, _ = obs.(tracker.ProbeObserver)
	m.stray, _ = obs.(tracker.StrayObserver)
	m.icmp, _ = obs.(tracker.ICMPObserver)
	m.conns = make([][]conn, n)
	m.closed = make([]closedRing, n)
	m.heads = make([]head, n)
}

// merge reports the workers' logs of b in key order, taking each
// worker's next log when its bound is the smallest key in sight: the
// entries of the others before it come first.
func (m *merger) merge(b *batch, workers []*worker) {
	for w, wk := range workers {
		m.heads[w] = head{l: <-wk.out}
	}
	for {
		// The smallest key in sight (best) and the next smallest (next,
		// of worker second): a tie goes to the lower worker.
		best, second := -1, -1
		var bk, next *key
		for w := range m.heads {
			h := &m.heads[w]
			if h.l == nil {
				continue
			}
			var k *key
			switch {
			case h.i < len(h.l.entries):
				k = &h.l.entries[h.i].key
			case h.l.last:
				workers[w].free <- h.l
				h.l = nil
				continue
			default:
				k = &h.l.bound
			}
			switch {
			case best < 0 || k.less(bk):
				second, next = best, bk
				best, bk = w, k
			case second < 0 || k.less(next):
				second, next = w, k
			}
		}
		if best < 0 {
			return
		}
		h := &m.heads[best]
		if h.i == len(h.l.entries) {
			// Only the bound is in sight: the worker's next log.
			workers[best].free <- h.l
			*h = head{l: <-workers[best].out}
			continue
		}
		// Best's run of entries before next, without looking again at
		// the others' heads, which do not move meanwhile.
		for {
			h.i++
			m.call(b, best, h.l, &h.l.entries[h.i-1])
			if h.i == len(h.l.entries) {
				break
			}
			k := &h.l.entries[h.i].key
			if second >= 0 && (next.less(k) || second < best && !k.less(next)) {
				break
			}
		}
	}
}

// head is where the merger is in a worker's logs.
type head struct {
	l *log
	i int
}

// call makes the callback e of worker w's log.
func (m *merger) call(b *batch, w int, l *log, e *entry) {
	switch e.kind {
	case kPacket:
		var seg *segment.Segment
		if e.x >= 0 {
			seg = &l.segs[e.x] // not the batch's (recorder.Packet)
		} else {
			seg = &b.segs[e.i-b.base]
		}
		c, r := m.conn(w, l, e)
		m.obs.Packet(c, seg, e.side, l.evs[e.ev0:e.ev1])
		m.keep(c, r)
	case kEvents:
		c, r := m.conn(w, l, e)
		m.obs.Events(c, l.evs[e.ev0:e.ev1])
		m.keep(c, r)
	case kDone:
		local := l.snaps[e.snap].ID() // before conn renumbers it
		c, r := m.conn(w, l, e)
		m.obs.Done(c)
		if m.stray != nil && c.State(tracker.Orig).Gone() && c.State(tracker.Resp).Gone() {
			m.closed[w].add(c.Key(), local, r.id)
		}
		*r = conn{}
	case kProbe:
		if m.probe != nil {
			m.probe.Probe(&l.probes[e.x])
		}
	case kStray:
		s := &l.strays[e.x]
		s.Conn = m.closed[w].id(s.Conn)
		if m.stray != nil {
			m.stray.Stray(s)
		}
	case kICMP:
		x := &l.icmps[e.x]
		evs := l.evs[e.ev0:e.ev1]
		var c *tracker.Conn
		var r *conn
		if e.snap >= 0 {
			c, r = m.conn(w, l, e)
			x.Conn = c
		}
		switch {
		case m.icmp != nil:
			x.Events = evs
			m.icmp.ICMP(x)
		case c != nil && len(evs) > 0:
			m.obs.Events(c, evs)
		}
		if c != nil {
			m.keep(c, r)
		}
	}
}

// conn returns e's copy of its connection, renumbered and with its
// observer words, and the merger's record of it: new on the connection's
// first callback, its creation.
func (m *merger) conn(w int, l *log, e *entry) (*tracker.Conn, *conn) {
	x := l.snaps[e.snap]
	t := m.conns[w]
	if n := int(e.slot) + 1 - len(t); n > 0 { // a slot the worker just opened
		t = append(t, make([]conn, n)...)
		m.conns[w] = t
	}
	r := &t[e.slot]
	if r.id == 0 {
		m.nextID++
		r.id = m.nextID
	}
	c := &x.Conn
	c.SetID(r.id)
	c.SetAuxAll(r.aux)
	return c, r
}

// keep saves the observer words the callback left on c.
func (m *merger) keep(c *tracker.Conn, r *conn) { r.aux = c.AuxAll() }

// closedRing mirrors a worker tracker's ring of closed connections
// (tracker.MaxClosed of them, one per 4-tuple, the oldest overwritten), to
// give the number of the connection a stray segment names.
type closedRing struct {
	byKey   map[tracker.Tuple]int32
	byLocal map[uint64]uint64 // the workers' number to the merger's
	ring    []closedEnt
	next    int
}

type closedEnt struct {
	key       tracker.Tuple
	local, id uint64
}

func (cr *closedRing) add(k tracker.Tuple, local, id uint64) {
	if cr.byKey == nil {
		cr.byKey = make(map[tracker.Tuple]int32)
		cr.byLocal = make(map[uint64]uint64)
	}
	i, ok := cr.byKey[k]
	if ok || len(cr.ring) == tracker.MaxClosed {
		j := i
		if !ok {
			j = int32(cr.next)
		}
		delete(cr.byLocal, cr.ring[j].local)
	}
	switch {
	case ok:
	case len(cr.ring) < tracker.MaxClosed:
		cr.ring = append(cr.ring, closedEnt{})
		i = int32(len(cr.ring) - 1)
		cr.byKey[k] = i
	default:
		i = int32(cr.next)
		cr.next = (cr.next + 1) % tracker.MaxClosed
		delete(cr.byKey, cr.ring[i].key)
		cr.byKey[k] = i
	}
	cr.ring[i] = closedEnt{key: k, local: local, id: id}
	cr.byLocal[local] = id
}

// id returns the number of the closed connection the worker numbered
// local.
func (cr *closedRing) id(local uint64) uint64 {
	return cr.byLocal[local]
}
