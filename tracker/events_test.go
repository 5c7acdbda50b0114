package tracker

import (
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/segment"
)

// replayObserver replays the Transition events of every connection and
// checks, at every callback, that each endpoint's state is the one the
// events lead to: every state change emitted exactly one event, and no
// state changed without one.
type replayObserver struct {
	t      *testing.T
	name   string
	states map[*Conn]*[2]State
	gens   map[*Conn]uint32
	n      int // transitions seen
}

func (o *replayObserver) check(c *Conn, evs []Event) {
	st, ok := o.states[c]
	if !ok || o.gens[c] != c.gen {
		st = &[2]State{}
		o.states[c], o.gens[c] = st, c.gen
	}
	for _, e := range evs {
		if e.Kind != Transition {
			continue
		}
		o.n++
		prev := st[e.Side]
		// shownFrom may report the state an input revealed (CLOSED for
		// the opener, LISTEN for the answerer of a SYN) instead of
		// UNKNOWN or CLOSED.
		revealed := (prev == Unknown || prev == Closed) && (e.From == Closed || e.From == Listen)
		if e.From != prev && !revealed {
			o.t.Fatalf("%s: c%d %s: event %v → %v (%s) but the replayed state was %v", o.name, c.ID(), e.Side.Role(), e.From, e.To, e.Reason, prev)
		}
		if e.From == e.To {
			o.t.Fatalf("%s: c%d: a transition to the same state %v", o.name, c.ID(), e.To)
		}
		st[e.Side] = e.To
	}
	for s := Orig; s <= Resp; s++ {
		if c.State(s) != st[s] {
			o.t.Fatalf("%s: c%d %s is %v; its events lead to %v", o.name, c.ID(), s.Role(), c.State(s), st[s])
		}
	}
}

func (o *replayObserver) Packet(c *Conn, _ *segment.Segment, _ Side, evs []Event) { o.check(c, evs) }
func (o *replayObserver) Events(c *Conn, evs []Event)                             { o.check(c, evs) }
func (o *replayObserver) Done(c *Conn) {
	o.check(c, nil)
	delete(o.states, c)
}

func newReplayObserver(t *testing.T, name string) *replayObserver {
	return &replayObserver{t: t, name: name, states: map[*Conn]*[2]State{}, gens: map[*Conn]uint32{}}
}

// TestOneEventPerStateChange replays every bundled real-kernel trace and
// random segment streams (as FuzzTracker makes them) and checks that each
// endpoint's state sequence is exactly the one its Transition events
// describe.
func TestOneEventPerStateChange(t *testing.T) {
	files, err := filepath.Glob("../testdata/pcaps/*.pcap*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bundled traces: %v", err)
	}
	total := 0
	for _, name := range files {
		f, err := capture.OpenFile(name, nil) // it opens name itself
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		obs := newReplayObserver(t, filepath.Base(name))
		tr := New(Config{}, obs)
		rd := capture.NewReader(f)
		var seg segment.Segment
		for rd.Next(&seg) == nil {
			tr.Handle(&seg)
		}
		tr.Flush()
		f.Close()
		total += obs.n
	}
	rng := rand.New(rand.NewPCG(1, 8))
	for i := range 2000 {
		data := make([]byte, 13*(1+rng.IntN(40)))
		for j := range data {
			data[j] = byte(rng.Uint32())
		}
		// Keep flags mostly TCP-like and times short so timers fire too.
		for j := 0; j+13 <= len(data); j += 13 {
			data[j+1] &= 0x5f
			data[j+12] %= 40
		}
		obs := newReplayObserver(t, "random stream "+string(rune('0'+i%10)))
		tr := New(Config{MaxConns: 8, TimeWait: time.Second, IdleTimeout: 5 * time.Second}, obs)
		for _, seg := range fuzzSegments(data) {
			tr.Handle(&seg)
		}
		tr.Flush()
		total += obs.n
	}
	if total == 0 {
		t.Fatal("no transitions replayed")
	}
}
