package report

import (
	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Attach returns an observer that hands every callback to obs and then to
// r. Probes and strays go to obs only, if it takes them.
func Attach(obs tracker.Observer, r *Report) tracker.Observer {
	a := &attached{obs: obs, r: r}
	po, _ := obs.(tracker.ProbeObserver)
	so, _ := obs.(tracker.StrayObserver)
	switch {
	case po != nil && so != nil:
		return &attachedPS{attached: a, po: po, so: so}
	case po != nil:
		return &attachedP{attached: a, po: po}
	case so != nil:
		return &attachedS{attached: a, so: so}
	}
	return a
}

type attached struct {
	obs tracker.Observer
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

type attachedPS struct {
	*attached
	po tracker.ProbeObserver
	so tracker.StrayObserver
}

func (a *attachedPS) Probe(p *tracker.Probe) { a.po.Probe(p) }
func (a *attachedPS) Stray(s *tracker.Stray) { a.so.Stray(s) }

type attachedP struct {
	*attached
	po tracker.ProbeObserver
}

func (a *attachedP) Probe(p *tracker.Probe) { a.po.Probe(p) }

type attachedS struct {
	*attached
	so tracker.StrayObserver
}

func (a *attachedS) Stray(s *tracker.Stray) { a.so.Stray(s) }

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
