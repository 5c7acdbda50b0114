package selection

import (
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// IDs is a set of connection numbers (tracker.Conn.ID): the connections
// the first pass selected.
type IDs struct{ m map[uint64]struct{} }

// Len returns how many connections are in the set.
func (s *IDs) Len() int { return len(s.m) }

func (s *IDs) has(id uint64) bool {
	_, ok := s.m[id]
	return ok
}

// Tap receives every packet Select forwards, after the printer: the raw
// frame writer is one.
type Tap interface {
	Tap(c *tracker.Conn, seg *segment.Segment)
}

// Select is a tracker.Observer that forwards to another only the selected
// connections, and of their transcript only the lines inside the time
// range. The tracker behind it still sees every packet.
type Select struct {
	f    *Filter
	next tracker.Observer
	ids  *IDs // chosen by a first pass; nil: decide per connection
	win  window
	// RecordsOnly drops every transcript line and forwards only Done: the
	// one-pass mode when the filter needs a connection's end.
	RecordsOnly bool
	// Tap, when set, also gets every forwarded packet.
	Tap Tap
}

// NewSelect returns a one-pass Select: connections are chosen by the
// filters known at their first packet, and, at their end, by all of them.
// When the filter needs the end (NeedsEnd), the transcript cannot be
// chosen in one pass and RecordsOnly is set.
func NewSelect(f *Filter, next tracker.Observer) *Select {
	return &Select{f: f, next: next, win: window{f: f}, RecordsOnly: f.NeedsEnd()}
}

// NewReplay returns the Select of a second pass over the same input: it
// forwards the connections whose numbers the first pass collected.
func NewReplay(f *Filter, ids *IDs, next tracker.Observer) *Select {
	return &Select{f: f, next: next, win: window{f: f}, ids: ids}
}

func (s *Select) chosen(c *tracker.Conn) bool {
	if s.ids != nil {
		return s.ids.has(c.ID())
	}
	return s.f.matchStart(c)
}

// Packet implements tracker.Observer.
func (s *Select) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	s.win.start(seg.Time)
	if s.RecordsOnly || !s.win.in(seg.Time) || !s.chosen(c) {
		return
	}
	s.next.Packet(c, seg, side, evs)
	if s.Tap != nil {
		s.Tap.Tap(c, seg)
	}
}

// Events implements tracker.Observer. Events no packet caused (timers,
// the end of TIME-WAIT by port reuse) are printed when they fall in the
// range and the connection's packets so far meet it too, so that a line
// is never printed for a connection the table leaves out.
func (s *Select) Events(c *tracker.Conn, evs []tracker.Event) {
	if s.RecordsOnly || !s.win.in(evs[0].Time) || !s.win.overlaps(c.First(), c.Last()) || !s.chosen(c) {
		return
	}
	s.next.Events(c, evs)
}

// ICMP implements tracker.ICMPObserver: an ICMP error about a chosen
// connection goes on as its packets do, with the events it caused; to an
// observer that does not want ICMP errors, only the events.
func (s *Select) ICMP(e *tracker.ICMPError) {
	s.win.start(e.Time)
	if s.RecordsOnly || !s.win.in(e.Time) || !s.chosen(e.Conn) {
		return
	}
	if io, ok := s.next.(tracker.ICMPObserver); ok {
		io.ICMP(e)
	} else if len(e.Events) > 0 {
		s.next.Events(e.Conn, e.Events)
	}
}

// Done implements tracker.Observer.
func (s *Select) Done(c *tracker.Conn) {
	if s.ids != nil && s.ids.has(c.ID()) || s.ids == nil && s.f.matchEnd(c, &s.win) {
		s.next.Done(c)
	}
}

// Collect is the first pass's tracker.Observer: it prints nothing and
// records the numbers of the connections the filter selects when they
// end.
type Collect struct {
	f   *Filter
	win window
	ids IDs
}

// NewCollect returns a Collect for f.
func NewCollect(f *Filter) *Collect {
	return &Collect{f: f, win: window{f: f}, ids: IDs{m: make(map[uint64]struct{})}}
}

// Packet implements tracker.Observer.
func (k *Collect) Packet(_ *tracker.Conn, seg *segment.Segment, _ tracker.Side, _ []tracker.Event) {
	k.win.start(seg.Time)
}

// Events implements tracker.Observer.
func (k *Collect) Events(*tracker.Conn, []tracker.Event) {}

// Done implements tracker.Observer.
func (k *Collect) Done(c *tracker.Conn) {
	if k.f.matchEnd(c, &k.win) {
		k.ids.m[c.ID()] = struct{}{}
	}
}

// IDs returns the connections selected so far.
func (k *Collect) IDs() *IDs { return &k.ids }
