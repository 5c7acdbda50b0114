package printer

import (
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Printer is a tracker.Observer that writes a summary at the end: what
// every printer in this package is.
type Printer interface {
	tracker.Observer
	Close(Summary) error
}

// Tee returns a Printer that hands every callback to each of ps, in
// order: the text or JSON output and a Zeek conn.log from one run.
func Tee(ps ...Printer) Printer { return tee(ps) }

type tee []Printer

func (t tee) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	for _, p := range t {
		p.Packet(c, seg, side, evs)
	}
}

func (t tee) Events(c *tracker.Conn, evs []tracker.Event) {
	for _, p := range t {
		p.Events(c, evs)
	}
}

func (t tee) Done(c *tracker.Conn) {
	for _, p := range t {
		p.Done(c)
	}
}

// Close closes every printer, even after one fails, and returns the
// first error.
func (t tee) Close(sum Summary) error {
	var first error
	for _, p := range t {
		if err := p.Close(sum); err != nil && first == nil {
			first = err
		}
	}
	return first
}
