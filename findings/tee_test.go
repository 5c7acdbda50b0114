package findings

import (
	"slices"
	"testing"

	"github.com/flowtrace/flowtrace/tracker"
)

// noteRecorder is a Sink that also takes notes.
type noteRecorder struct {
	recorder
	notes []string
}

func (r *noteRecorder) Note(line string) { r.notes = append(r.notes, line) }

// TestTeeNotes checks that a Tee of a note-taking sink and one that takes
// none passes the notes on: with --report, the text printer's "RSTs by
// class" lines were lost, because the Tee was no NoteSink.
func TestTeeNotes(t *testing.T) {
	a, b := &noteRecorder{}, &recorder{}
	s := Tee(a, b)
	ns, ok := s.(NoteSink)
	if !ok {
		t.Fatal("Tee of two sinks is not a NoteSink")
	}
	ns.Note("RSTs by class: 1 refused")
	if want := []string{"RSTs by class: 1 refused"}; !slices.Equal(a.notes, want) {
		t.Errorf("notes = %q, want %q", a.notes, want)
	}
}

// TestChainICMP checks what Chain relies on to hand an ICMP error's
// events to the engine through Events, as tracker.Tee would: the engine
// takes no ICMP errors itself.
func TestChainICMP(t *testing.T) {
	if _, ok := any(New(Config{}, nil)).(tracker.ICMPObserver); ok {
		t.Fatal("Engine implements tracker.ICMPObserver: chain.ICMP must call it as tracker.Tee does")
	}
}
