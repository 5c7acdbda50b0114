package tracker

import (
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// counter counts the callbacks it gets; fullCounter also implements the
// optional observer interfaces.
type counter struct{ packets, events, done, probes, strays, icmps int }

func (r *counter) Packet(*Conn, *segment.Segment, Side, []Event) { r.packets++ }
func (r *counter) Events(_ *Conn, evs []Event)                   { r.events += len(evs) }
func (r *counter) Done(*Conn)                                    { r.done++ }

type fullCounter struct{ counter }

func (f *fullCounter) Probe(*Probe)    { f.probes++ }
func (f *fullCounter) Stray(*Stray)    { f.strays++ }
func (f *fullCounter) ICMP(*ICMPError) { f.icmps++ }

// TestTee: every observer gets the core callbacks; probes, strays and
// ICMP errors reach those that implement their interface, and an ICMP
// error's events reach the others through Events. A Tee that drops an
// optional callback (as the CI tap once did, losing every probe line)
// fails here.
func TestTee(t *testing.T) {
	plain, rich := &counter{}, &fullCounter{}
	obs := Tee(plain, rich)
	for _, ok := range []bool{
		func() bool { _, ok := obs.(ProbeObserver); return ok }(),
		func() bool { _, ok := obs.(StrayObserver); return ok }(),
		func() bool { _, ok := obs.(ICMPObserver); return ok }(),
	} {
		if !ok {
			t.Fatal("Tee does not implement every optional observer interface")
		}
	}
	c := &Conn{}
	obs.Packet(c, &segment.Segment{}, Orig, nil)
	obs.Events(c, []Event{{Kind: Note}})
	obs.Done(c)
	obs.(ProbeObserver).Probe(&Probe{})
	obs.(StrayObserver).Stray(&Stray{})
	obs.(ICMPObserver).ICMP(&ICMPError{Conn: c, Events: []Event{{Kind: Transition}}})
	obs.(ICMPObserver).ICMP(&ICMPError{}) // matched nothing: no events

	if *plain != (counter{packets: 1, events: 2, done: 1}) {
		t.Errorf("plain observer got %+v", *plain)
	}
	if rich.counter != (counter{packets: 1, events: 1, done: 1, probes: 1, strays: 1, icmps: 2}) {
		t.Errorf("full observer got %+v", rich.counter)
	}
}

// TestTeeFlattens: a Tee of Tees calls each observer once per callback,
// in order, with no tee between (one call per observer, not per level),
// and the optional callbacks still reach the inner observers.
func TestTeeFlattens(t *testing.T) {
	a, b, c := &counter{}, &fullCounter{}, &counter{}
	obs := Tee(Tee(a, b), c)
	got := obs.(*tee).obs
	if len(got) != 3 || got[0] != Observer(a) || got[1] != Observer(b) || got[2] != Observer(c) {
		t.Fatalf("Tee(Tee(a, b), c) holds %v, want [a b c]", got)
	}
	conn := &Conn{}
	obs.Packet(conn, &segment.Segment{}, Orig, nil)
	obs.(ProbeObserver).Probe(&Probe{})
	obs.(ICMPObserver).ICMP(&ICMPError{Conn: conn, Events: []Event{{Kind: Transition}}})
	if *a != (counter{packets: 1, events: 1}) || *c != (counter{packets: 1, events: 1}) {
		t.Errorf("plain observers got %+v and %+v", *a, *c)
	}
	if b.counter != (counter{packets: 1, probes: 1, icmps: 1}) {
		t.Errorf("full observer got %+v", b.counter)
	}
}
