package findings

import "github.com/flowtrace/flowtrace/tracker"

// Chain returns an Observer that hands every callback first to obs (the
// printer, perhaps behind output filters), then to the engine: a marker
// is printed after the packet line that fired it. Probes, strays and ICMP
// errors go to obs if it wants them; the engine sees the probes and
// strays, and an ICMP error's events (a connect it aborted).
func Chain(obs tracker.Observer, e *Engine) tracker.Observer {
	return tracker.Tee(obs, e)
}
