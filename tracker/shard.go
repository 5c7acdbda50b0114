package tracker

import (
	"net/netip"
	"time"

	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
)

// What package shard needs to split one input across several Trackers,
// each handling the connections of one shard (Tuple.Hash), and to merge
// what they report into what one Tracker would have reported.

// Skip is Handle for a segment another tracker handles: it moves the
// capture clock (firing this tracker's timers) and the end of the input
// the evidence rules use, exactly as Handle would, and tracks nothing.
func (t *Tracker) Skip(seg *segment.Segment) {
	t.Advance(seg.Time)
	if seg.Kind != segment.TCP {
		return
	}
	if st := stampOf(seg.Time); t.lastSegS.before(st) {
		t.lastSeg, t.lastSegS = seg.Time, st
	}
}

// Firing reports, during an observer callback, whether a timer fired it
// and if so the timer's deadline: Advance fires timers in order of
// (deadline, Conn.ID).
func (t *Tracker) Firing() (at time.Time, ok bool) { return t.firingAt.time(), t.firing }

// KeyOf returns the 4-tuple seg belongs to, as the tracker files it: for
// an ICMP error, the quoted segment's. Its Hash is the same for both
// directions.
func KeyOf(seg *segment.Segment) Tuple {
	k, _ := tupleOf(seg)
	return k
}

// SetID renumbers c: a merger of sharded trackers gives the number one
// tracker would have given.
func (c *Conn) SetID(id uint64) { c.id = id }

// ConnCopy is a copy of a Conn that another goroutine may read while the
// tracker goes on: what the pools hold for the connection (the sequence
// analysis's statistics, in-flight segments, rare parts) is copied into
// parts borrowed from a CopyPool. It is for reading through Conn's
// methods, never for tracking.
type ConnCopy struct {
	Conn
	det  [2]*reassembly.Detail
	in   [2]*inflights
	rare *connRare
}

// CopyPool holds the parts ConnCopies borrow in Copy and give back in
// Release, so that copies come and go without allocating. It is not safe
// for concurrent use.
type CopyPool struct {
	dets  []*reassembly.Detail
	ins   []*inflights
	rares []*connRare
}

func take[T any](s *[]*T) *T {
	n := len(*s)
	if n == 0 {
		return new(T)
	}
	x := (*s)[n-1]
	*s = (*s)[:n-1]
	return x
}

// Copy makes x a copy of c, observer words included, its parts from p.
func (x *ConnCopy) Copy(c *Conn, p *CopyPool) {
	x.Conn = *c
	for s := Orig; s <= Resp; s++ {
		e, d := &c.ep[s], &x.Conn.ep[s]
		if e.seq.HasDetail() && x.det[s] == nil {
			x.det[s] = take(&p.dets)
		}
		x.det[s] = e.seq.CopyTo(&d.seq, x.det[s])
		if e.in != nil {
			if x.in[s] == nil {
				x.in[s] = take(&p.ins)
			}
			*x.in[s] = *e.in
			d.in = x.in[s]
		}
	}
	if c.rare != nil {
		if x.rare == nil {
			x.rare = take(&p.rares)
		}
		*x.rare = *c.rare
		x.Conn.rare = x.rare
	}
}

// Release gives x's parts back to p: x must not be read until the next
// Copy.
func (x *ConnCopy) Release(p *CopyPool) {
	for s := range x.det {
		if x.det[s] != nil {
			p.dets = append(p.dets, x.det[s])
			x.det[s] = nil
		}
		if x.in[s] != nil {
			p.ins = append(p.ins, x.in[s])
			x.in[s] = nil
		}
	}
	if x.rare != nil {
		p.rares = append(p.rares, x.rare)
		x.rare = nil
	}
}

// Key returns the connection's 4-tuple (with its tunnel), as KeyOf gives
// it for the connection's segments.
func (c *Conn) Key() Tuple { return c.key }

// MaxClosed is how many closed connections a tracker remembers for stray
// segments (stray.go): the ring a merger mirrors to number them.
const MaxClosed = maxClosed

// Shared keeps what a tracker learns across connections, for trackers
// that each handle a shard of one input: the endpoints seen answering a
// SYN, which orient connections whose handshake was missed, and the
// longest handshake round trip, the wait assumed for a connection without
// one of its own. Each call names the connection concerned, so that an
// implementation can place it in the input (its ID, and Firing), and
// answer as one tracker would have there.
type Shared interface {
	SawServer(c *Conn, ap netip.AddrPort)
	IsServer(c *Conn, ap netip.AddrPort) bool
	SawRTT(c *Conn, rtt time.Duration)
	PathRTT(c *Conn) time.Duration
}

// MaxServers is how many endpoints a tracker remembers answering a SYN:
// two generations of MaxServers/2, the older dropped when the newer is
// full (sawServer). A Shared keeps the same.
const MaxServers = maxServers

// Reserve makes p hold at least n sequence-analysis parts, the ones most
// copies take, so that a pool sized for its use stops allocating at once.
func (p *CopyPool) Reserve(n int) {
	for len(p.dets) < n {
		p.dets = append(p.dets, new(reassembly.Detail))
	}
}

// AuxAll returns all of c's observer words, and SetAuxAll sets them:
// a merger carries them from one copy of a connection to the next.
func (c *Conn) AuxAll() [AuxWords]uint32 { return c.aux }

// SetAuxAll sets all of c's observer words (AuxAll).
func (c *Conn) SetAuxAll(a [AuxWords]uint32) { c.aux = a }
