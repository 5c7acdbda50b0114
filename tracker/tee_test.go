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
