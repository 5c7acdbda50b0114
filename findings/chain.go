package findings

import (
	"time"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Chain returns an Observer that hands every callback first to obs (the
// printer, perhaps behind output filters), then to the engine: a marker
// is printed after the packet line that fired it. Probes, strays and ICMP
// errors go to obs if it wants them; the engine sees the probes and
// strays, and an ICMP error's events (a connect it aborted). (Not
// tracker.Tee: fragment events queued before a callback reach the engine
// before obs prints it.)
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

// The fragment events before a callback, and the periodic checks due
// before its time (before), are handed to the engine before obs prints
// it, so that their markers come first, in live and replay alike.

func (ch *chain) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	ch.e.takeFragments(seg.Pkt, time.Time{})
	ch.e.before(seg.Time)
	ch.obs.Packet(c, seg, side, evs)
	ch.e.Packet(c, seg, side, evs)
}

func (ch *chain) Events(c *tracker.Conn, evs []tracker.Event) {
	if len(evs) > 0 {
		if evs[0].Pkt == 0 {
			ch.e.takeFragments(0, evs[0].Time) // a timer
		} else {
			ch.e.takeFragments(evs[0].Pkt, time.Time{})
		}
		ch.e.before(evs[0].Time)
	}
	ch.obs.Events(c, evs)
	ch.e.Events(c, evs)
}

func (ch *chain) Done(c *tracker.Conn) {
	ch.obs.Done(c)
	ch.e.Done(c)
}

func (ch *chain) Probe(p *tracker.Probe) {
	ch.e.takeFragments(p.Pkt, time.Time{})
	ch.e.before(p.Time)
	if ch.po != nil {
		ch.po.Probe(p)
	}
	ch.e.Probe(p)
}

func (ch *chain) Stray(s *tracker.Stray) {
	ch.e.takeFragments(s.Pkt, time.Time{})
	ch.e.before(s.Time)
	if ch.so != nil {
		ch.so.Stray(s)
	}
	ch.e.Stray(s)
}

// ICMP implements tracker.ICMPObserver: obs gets the error (or, if it does
// not take ICMP errors, the events it caused), the engine its events.
func (ch *chain) ICMP(e *tracker.ICMPError) {
	ch.e.takeFragments(e.Pkt, time.Time{})
	ch.e.before(e.Time)
	if ch.io != nil {
		ch.io.ICMP(e)
	} else if e.Conn != nil && len(e.Events) > 0 {
		ch.obs.Events(e.Conn, e.Events)
	}
	if e.Conn != nil && len(e.Events) > 0 {
		ch.e.Events(e.Conn, e.Events)
	}
}
