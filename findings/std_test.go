package findings

import (
	"fmt"
	"slices"
	"testing"

	"github.com/flowtrace/flowtrace/tracker"
)

// fullRecorder is a Sink that keeps every field of every record it is
// handed, fired and ended.
type fullRecorder struct{ lines []string }

func (r *fullRecorder) add(what string, f *Finding) {
	r.lines = append(r.lines, fmt.Sprintf("%s %s %s sev=%v first=%d/%s last=%d/%s fire=%d/%s %q %+v %q %q",
		what, f.Kind, f.Subject, f.Severity, f.FirstPkt, f.FirstTime, f.LastPkt, f.LastTime,
		f.FirePkt, f.FireTime, f.Summary, f.Evidence, f.Explanation, f.Advice))
}

func (r *fullRecorder) Fired(f *Finding) { r.add("fired", f) }
func (r *fullRecorder) Ended(f *Finding) { r.add("ended", f) }

// TestStdSameAsInterfaces checks that the standard detectors' fast path
// (std.go), which calls them directly and skips those an event cannot
// concern, finds exactly what the same detectors find called through
// the watcher interfaces, on the benchmark mix, where every kind of
// finding fires.
func TestStdSameAsInterfaces(t *testing.T) {
	segs := mixSegments(t)
	run := func(fast bool) []string {
		rec := &fullRecorder{}
		e := New(Config{}, rec)
		if e.std == nil {
			t.Fatal("New's engine does not use the fast path")
		}
		if !fast {
			e.std = nil
		}
		tr := tracker.New(tracker.Config{}, Chain(nop{}, e))
		for i := range segs {
			s := segs[i] // the tracker may write to its segment
			s.Payload = slices.Clone(s.Payload)
			tr.Handle(&s)
		}
		tr.Flush()
		e.Close()
		return rec.lines
	}
	fast, slow := run(true), run(false)
	if len(slow) == 0 {
		t.Fatal("no findings on the mix")
	}
	if !slices.Equal(fast, slow) {
		for i := range max(len(fast), len(slow)) {
			var a, b string
			if i < len(fast) {
				a = fast[i]
			}
			if i < len(slow) {
				b = slow[i]
			}
			if a != b {
				t.Fatalf("record %d differs:\nfast path:  %s\ninterfaces: %s", i, a, b)
			}
		}
	}
	t.Logf("%d records alike", len(fast))
}
