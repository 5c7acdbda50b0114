package sink

import (
	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Observe returns an Observer that hands every callback first to obs (the
// printers, perhaps behind output filters), then to s: a sink sees every
// connection, whatever is printed. Probes and strays go to each that
// wants them.
func Observe(obs, s tracker.Observer) tracker.Observer {
	t := &tee{obs: obs, s: s}
	t.po, _ = obs.(tracker.ProbeObserver)
	t.so, _ = obs.(tracker.StrayObserver)
	t.spo, _ = s.(tracker.ProbeObserver)
	t.sso, _ = s.(tracker.StrayObserver)
	return t
}

type tee struct {
	obs, s  tracker.Observer
	po, spo tracker.ProbeObserver
	so, sso tracker.StrayObserver
}

func (t *tee) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	t.obs.Packet(c, seg, side, evs)
	t.s.Packet(c, seg, side, evs)
}

func (t *tee) Events(c *tracker.Conn, evs []tracker.Event) {
	t.obs.Events(c, evs)
	t.s.Events(c, evs)
}

func (t *tee) Done(c *tracker.Conn) {
	t.obs.Done(c)
	t.s.Done(c)
}

func (t *tee) Probe(p *tracker.Probe) {
	if t.po != nil {
		t.po.Probe(p)
	}
	if t.spo != nil {
		t.spo.Probe(p)
	}
}

func (t *tee) Stray(st *tracker.Stray) {
	if t.so != nil {
		t.so.Stray(st)
	}
	if t.sso != nil {
		t.sso.Stray(st)
	}
}

// Findings returns a findings.Sink that tells a, then b; a may be nil
// (an output that takes no findings, as --watch).
func Findings(a, b findings.Sink) findings.Sink {
	if a == nil {
		return b
	}
	return findingsTee{a, b}
}

type findingsTee struct{ a, b findings.Sink }

func (t findingsTee) Fired(f *findings.Finding) { t.a.Fired(f); t.b.Fired(f) }
func (t findingsTee) Ended(f *findings.Finding) { t.a.Ended(f); t.b.Ended(f) }
