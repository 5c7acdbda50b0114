package report

import (
	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/tracker"
)

// Attach returns an Observer that hands every callback first to obs (the
// printers, perhaps behind output filters), then to r. Probes, strays and
// ICMP errors go to obs if it wants them; r gets an ICMP error's events
// (a connect it aborted) as Observer.Events.
func Attach(obs tracker.Observer, r *Report) tracker.Observer {
	return tracker.Tee(obs, r)
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
