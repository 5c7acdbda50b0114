package tracker

import "github.com/flowtrace/flowtrace/segment"

// Tee returns an Observer that hands every callback to each of obs in
// turn: a printer first, then what reads the same events (the findings
// engine, the HTML report, a CI collector), so whatever a later observer
// prints comes after the packet line that caused it.
//
// The Observer Tee returns also implements ProbeObserver, StrayObserver
// and ICMPObserver, forwarding each to the observers that implement it.
// An ICMP error's events go to those that do not implement ICMPObserver
// through Observer.Events, as the tracker itself would send them.
//
// A Tee among obs is replaced by the observers it holds, so that tees of
// tees cost one call per observer, not one per level.
func Tee(obs ...Observer) Observer {
	t := &tee{}
	for _, o := range obs {
		if in, ok := o.(*tee); ok {
			t.obs = append(t.obs, in.obs...)
		} else {
			t.obs = append(t.obs, o)
		}
	}
	for _, o := range t.obs {
		if p, ok := o.(ProbeObserver); ok {
			t.probe = append(t.probe, p)
		}
		if s, ok := o.(StrayObserver); ok {
			t.stray = append(t.stray, s)
		}
		if i, ok := o.(ICMPObserver); ok {
			t.icmp = append(t.icmp, i)
		} else {
			t.noICMP = append(t.noICMP, o)
		}
	}
	return t
}

type tee struct {
	obs    []Observer
	probe  []ProbeObserver
	stray  []StrayObserver
	icmp   []ICMPObserver
	noICMP []Observer // get an ICMP error's events through Events
}

func (t *tee) Packet(c *Conn, seg *segment.Segment, side Side, evs []Event) {
	for _, o := range t.obs {
		o.Packet(c, seg, side, evs)
	}
}

func (t *tee) Events(c *Conn, evs []Event) {
	for _, o := range t.obs {
		o.Events(c, evs)
	}
}

func (t *tee) Done(c *Conn) {
	for _, o := range t.obs {
		o.Done(c)
	}
}

func (t *tee) Probe(p *Probe) {
	for _, o := range t.probe {
		o.Probe(p)
	}
}

func (t *tee) Stray(s *Stray) {
	for _, o := range t.stray {
		o.Stray(s)
	}
}

func (t *tee) ICMP(e *ICMPError) {
	for _, o := range t.icmp {
		o.ICMP(e)
	}
	if e.Conn != nil && len(e.Events) > 0 {
		for _, o := range t.noICMP {
			o.Events(e.Conn, e.Events)
		}
	}
}
