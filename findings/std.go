package findings

import (
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// The standard detectors' fast path.
//
// New registers the standard detectors in a fixed order; the engine then
// calls their per-packet, per-transition and per-connection methods
// directly, in that same order, instead of through the watcher
// interfaces, and skips a detector that an event cannot concern (a
// packet with legal flags for os-fingerprint, a transition between
// states a detector does not watch). The findings are the same as
// through the interfaces, at a fraction of the cost per packet. An
// engine made with NewEngine and Register uses the interfaces.

// std holds the standard detectors, in New's order.
type std struct {
	flood *synFlood
	scan  *scan
	fp    *fingerprint
	stuck *stuck
	tw    *timeWait
	rst   *rstDetector
}

// useStd turns the fast path on if the engine's watchers are exactly
// the standard detectors, in New's order.
func (e *Engine) useStd(s *std) {
	same := func(got []any, want ...any) bool {
		if len(got) != len(want) {
			return false
		}
		for i := range got {
			if got[i] != want[i] {
				return false
			}
		}
		return true
	}
	packets := make([]any, len(e.packets))
	for i, w := range e.packets {
		packets[i] = w
	}
	transitions := make([]any, len(e.transitions))
	for i, w := range e.transitions {
		transitions[i] = w
	}
	dones := make([]any, len(e.dones))
	for i, w := range e.dones {
		dones[i] = w
	}
	if same(packets, s.fp, s.stuck, s.tw, s.rst) && same(transitions, s.flood, s.stuck, s.tw) &&
		same(dones, s.flood, s.scan, s.fp, s.stuck, s.tw, s.rst) {
		e.std = s
	}
}

// packet is PacketWatchers' turn at a segment.
//
// Engine.packetTaken handles an ordinary segment (ACK, no SYN, FIN or
// RST, no event) of a connection the RST detector follows and no other
// detector keeps anything for, not a keep-alive, while no TIME-WAIT reuse
// is pending, before calling packet: it concerns the RST detector's
// learning only, and costs one read of the connection's word and the
// update of its learn entry. packet gives every other segment to each
// detector's full path, with the same result.
func (s *std) packet(e *Engine, c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	if _, ok := illegalFlags(seg.Flags); ok {
		s.fp.Packet(e, c, seg, side, evs)
	}
	s.stuck.Packet(e, c, seg, side, evs)
	if len(evs) > 0 || s.tw.pending.pkt != 0 {
		s.tw.Packet(e, c, seg, side, evs)
	}
	s.rst.Packet(e, c, seg, side, evs)
}

// transition is TransitionWatchers' turn at a transition.
func (s *std) transition(e *Engine, c *tracker.Conn, ev *tracker.Event) {
	if ev.Side == tracker.Orig && (ev.From == tracker.SynSent || ev.To == tracker.SynSent) {
		s.flood.Transition(e, c, ev)
	}
	if watchedState(ev.From) || watchedState(ev.To) {
		s.stuck.Transition(e, c, ev)
	}
	if ev.From == tracker.TimeWait || ev.To == tracker.TimeWait {
		s.tw.Transition(e, c, ev)
	}
}

// done is DoneWatchers' turn at a connection leaving.
func (s *std) done(e *Engine, c *tracker.Conn) {
	s.flood.Done(e, c)
	s.scan.Done(e, c)
	s.fp.Done(e, c)
	s.stuck.Done(e, c)
	s.tw.Done(e, c)
	s.rst.Done(e, c)
}
