package findings

import (
	"time"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Chain returns an Observer that hands every callback first to obs (the
// printer, perhaps behind output filters), then to the engine: a marker
// is printed after the packet line that fired it. It does what
// tracker.Tee(pre, obs, e) does, where pre hands the engine, before obs
// prints a callback, the fragment events queued before it and the
// periodic checks due before its time, so that their markers come first,
// in live and replay alike; it calls the three directly rather than
// through a slice of interfaces, once per packet.
func Chain(obs tracker.Observer, e *Engine) tracker.Observer {
	c := &chain{pre: pre{e}, obs: obs, e: e}
	c.probe, _ = obs.(tracker.ProbeObserver)
	c.stray, _ = obs.(tracker.StrayObserver)
	c.icmp, _ = obs.(tracker.ICMPObserver)
	return c
}

// chain is Chain's Observer. It implements tracker.ProbeObserver,
// tracker.StrayObserver and tracker.ICMPObserver as tracker.Tee's does:
// each goes to pre, to obs if it implements it, and to the engine; an
// ICMP error's events go to obs through Events if obs does not take ICMP
// errors, and to the engine (which does not) after them.
type chain struct {
	pre   pre
	obs   tracker.Observer
	e     *Engine
	probe tracker.ProbeObserver // obs's, or nil
	stray tracker.StrayObserver
	icmp  tracker.ICMPObserver
}

var _ interface {
	tracker.ProbeObserver
	tracker.StrayObserver
	tracker.ICMPObserver
} = (*chain)(nil)

func (c *chain) Packet(conn *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	ns := nanos(seg.Time)
	e := c.e
	if e.fq != nil && e.fq.n.Load() != 0 {
		c.pre.fragments(seg.Pkt, seg.Time)
	}
	e.beforeNs(seg.Time, ns)
	c.obs.Packet(conn, seg, side, evs)
	e.packetTaken(conn, seg, side, evs, ns)
}

func (c *chain) Events(conn *tracker.Conn, evs []tracker.Event) {
	c.pre.Events(conn, evs)
	c.obs.Events(conn, evs)
	c.e.Events(conn, evs)
}

func (c *chain) Done(conn *tracker.Conn) {
	c.obs.Done(conn)
	c.e.Done(conn)
}

func (c *chain) Probe(p *tracker.Probe) {
	c.pre.Probe(p)
	if c.probe != nil {
		c.probe.Probe(p)
	}
	c.e.Probe(p)
}

func (c *chain) Stray(s *tracker.Stray) {
	c.pre.Stray(s)
	if c.stray != nil {
		c.stray.Stray(s)
	}
	c.e.Stray(s)
}

func (c *chain) ICMP(x *tracker.ICMPError) {
	c.pre.ICMP(x)
	if c.icmp != nil {
		c.icmp.ICMP(x)
	}
	if x.Conn != nil && len(x.Events) > 0 {
		if c.icmp == nil {
			c.obs.Events(x.Conn, x.Events)
		}
		c.e.Events(x.Conn, x.Events)
	}
}

// pre is the engine's catching up before a callback is printed.
type pre struct{ e *Engine }

func (p pre) catchUp(pkt uint64, t time.Time) {
	e := p.e
	if e.fq != nil && e.fq.n.Load() != 0 {
		p.fragments(pkt, t)
	}
	e.before(t)
}

func (p pre) fragments(pkt uint64, t time.Time) {
	if pkt == 0 {
		p.e.takeFragments(0, t) // a timer
	} else {
		p.e.takeFragments(pkt, time.Time{})
	}
}

func (p pre) Packet(_ *tracker.Conn, seg *segment.Segment, _ tracker.Side, _ []tracker.Event) {
	p.catchUp(seg.Pkt, seg.Time)
}

func (p pre) Events(_ *tracker.Conn, evs []tracker.Event) {
	if len(evs) > 0 {
		p.catchUp(evs[0].Pkt, evs[0].Time)
	}
}

func (pre) Done(*tracker.Conn) {}

func (p pre) Probe(pr *tracker.Probe)   { p.catchUp(pr.Pkt, pr.Time) }
func (p pre) Stray(s *tracker.Stray)    { p.catchUp(s.Pkt, s.Time) }
func (p pre) ICMP(e *tracker.ICMPError) { p.catchUp(e.Pkt, e.Time) }
