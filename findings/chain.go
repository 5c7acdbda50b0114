package findings

import (
	"time"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Chain returns an Observer that hands every callback first to obs (the
// printer, perhaps behind output filters), then to the engine: a marker
// is printed after the packet line that fired it. It is tracker.Tee(pre,
// obs, e), where pre hands the engine, before obs prints a callback, the
// fragment events queued before it and the periodic checks due before its
// time, so that their markers come first, in live and replay alike.
func Chain(obs tracker.Observer, e *Engine) tracker.Observer {
	return tracker.Tee(pre{e}, obs, e)
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
