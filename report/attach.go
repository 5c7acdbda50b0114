package report

import (
	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Attach returns an Observer that hands every callback first to obs (the
// printers, perhaps behind output filters), then to r. Probes, strays and
// ICMP errors go to obs if it wants them; an ICMP error's events (a
// connect aborted by it) also reach r, as Observer.Events would.
func Attach(obs tracker.Observer, r *Report) tracker.Observer {
	a := &attached{obs: obs, r: r}
	a.po, _ = obs.(tracker.ProbeObserver)
	a.so, _ = obs.(tracker.StrayObserver)
	a.io, _ = obs.(tracker.ICMPObserver)
	return a
}

type attached struct {
	obs tracker.Observer
	po  tracker.ProbeObserver
	so  tracker.StrayObserver
	io  tracker.ICMPObserver
	r   *Report
}

func (a *attached) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	a.obs.Packet(c, seg, side, evs)
	a.r.Packet(c, seg, side, evs)
}

func (a *attached) Events(c *tracker.Conn, evs []tracker.Event) {
	a.obs.Events(c, evs)
	a.r.Events(c, evs)
}

func (a *attached) Done(c *tracker.Conn) {
	a.obs.Done(c)
	a.r.Done(c)
}

func (a *attached) Probe(p *tracker.Probe) {
	if a.po != nil {
		a.po.Probe(p)
	}
}

func (a *attached) Stray(s *tracker.Stray) {
	if a.so != nil {
		a.so.Stray(s)
	}
}

// ICMP implements tracker.ICMPObserver: the printers get the error, r the
// events it caused.
func (a *attached) ICMP(e *tracker.ICMPError) {
	if a.io != nil {
		a.io.ICMP(e)
	} else if e.Conn != nil && len(e.Events) > 0 {
		a.obs.Events(e.Conn, e.Events)
	}
	if e.Conn != nil && len(e.Events) > 0 {
		a.r.Events(e.Conn, e.Events)
	}
}

// Sinks returns a findings.Sink that hands every finding to sink (if not
// nil) and then to r.
func Sinks(sink findings.Sink, r *Report) findings.Sink {
	if sink == nil {
		return r
	}
	return sinks{sink, r}
}

type sinks struct {
	a findings.Sink
	r *Report
}

func (s sinks) Fired(f *findings.Finding) { s.a.Fired(f); s.r.Fired(f) }
func (s sinks) Ended(f *findings.Finding) { s.a.Ended(f); s.r.Ended(f) }
