package findings

import (
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Chain returns an Observer that hands every callback first to obs (the
// printer, perhaps behind output filters), then to the engine: a marker
// is printed after the packet line that fired it. Probes, strays and ICMP
// errors go to obs if it wants them; the detectors see an ICMP error's
// events and the probes and connections it answers.
func Chain(obs tracker.Observer, e *Engine) tracker.Observer {
	ch := &chain{obs: obs, e: e}
	ch.po, _ = obs.(tracker.ProbeObserver)
	ch.so, _ = obs.(tracker.StrayObserver)
	ch.io, _ = obs.(tracker.ICMPObserver)
	return ch
}

type chain struct {
	obs tracker.Observer
	po  tracker.ProbeObserver
	so  tracker.StrayObserver
	io  tracker.ICMPObserver
	e   *Engine
}

func (ch *chain) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	ch.obs.Packet(c, seg, side, evs)
	ch.e.Packet(c, seg, side, evs)
}

func (ch *chain) Events(c *tracker.Conn, evs []tracker.Event) {
	ch.obs.Events(c, evs)
	ch.e.Events(c, evs)
}

func (ch *chain) Done(c *tracker.Conn) {
	ch.obs.Done(c)
	ch.e.Done(c)
}

func (ch *chain) Probe(p *tracker.Probe) {
	if ch.po != nil {
		ch.po.Probe(p)
	}
	ch.e.Probe(p)
}

func (ch *chain) Stray(s *tracker.Stray) {
	if ch.so != nil {
		ch.so.Stray(s)
	}
	ch.e.Stray(s)
}

// ICMP implements tracker.ICMPObserver: obs gets the error, the engine
// the events it caused (a connect it aborted), as Observer.Events would.
func (ch *chain) ICMP(e *tracker.ICMPError) {
	if ch.io != nil {
		ch.io.ICMP(e)
	} else if e.Conn != nil && len(e.Events) > 0 {
		ch.obs.Events(e.Conn, e.Events)
	}
	if e.Conn != nil && len(e.Events) > 0 {
		ch.e.Events(e.Conn, e.Events)
	}
}
