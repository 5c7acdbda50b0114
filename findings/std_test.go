package findings

import (
	"fmt"
	"slices"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
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

// wordSpy records the engine's word of the connection after each packet.
type wordSpy struct {
	words []uint32
	last  *tracker.Conn
}

func (w *wordSpy) Packet(c *tracker.Conn, _ *segment.Segment, _ tracker.Side, _ []tracker.Event) {
	w.words = append(w.words, word(c))
	w.last = c
}
func (*wordSpy) Events(*tracker.Conn, []tracker.Event) {}
func (*wordSpy) Done(*tracker.Conn)                    {}

// TestOrdinaryConnectionWord: a connection answered at once keeps no
// record in the stuck detector (its SYN-SENT is a bit of its word, cleared
// when the client leaves SYN-SENT), its data packets find only the RST detector's bit in
// the word, and a retransmitted SYN starts the watch, dated at the first
// SYN; every handle is freed when the connections leave.
func TestOrdinaryConnectionWord(t *testing.T) {
	e := New(Config{}, &recorder{})
	spy := &wordSpy{}
	tr := tracker.New(tracker.Config{}, tracker.Tee(Chain(nop{}, e), spy))
	segs := opened(0, cli)
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
		tr.Handle(&segs[i])
	}
	synSent := uint32(auxSynSent << tracker.Orig)
	if w := spy.words[0]; w&synSent == 0 || w&auxStuck != 0 {
		t.Errorf("after the SYN the word is %#x, want auxSynSent and no auxStuck", w)
	}
	for i, w := range spy.words[2:] { // the client leaves SYN-SENT as it sends its ACK
		if w&(synSent|auxStuck) != 0 {
			t.Errorf("packet %d: word %#x has stuck bits", i+3, w)
		}
	}
	if w := spy.words[len(spy.words)-1]; w&auxRST == 0 {
		t.Errorf("the RST detector does not follow the connection: word %#x", w)
	}
	if n := e.std.stuck.watched; n != 0 {
		t.Errorf("%d endpoints watched after a handshake, want 0", n)
	}

	retry := []segment.Segment{sg(10, "10.0.0.3:40001", srv, "S", 7, 0, 0), sg(1010, "10.0.0.3:40001", srv, "S", 7, 0, 0)}
	for i := range retry {
		retry[i].Pkt = uint64(len(segs) + i + 1)
		tr.Handle(&retry[i])
	}
	if n := e.std.stuck.watched; n != 1 {
		t.Fatalf("%d endpoints watched after a retransmitted SYN, want 1", n)
	}
	a := e.aux(spy.last, auxStuck)
	if a == nil || a.watch[tracker.Orig] == nil {
		t.Fatal("the retrying client is not watched")
	}
	if w := a.watch[tracker.Orig]; w.rexmits != 1 || w.sincePkt != retry[0].Pkt || !w.since.Equal(retry[0].Time) {
		t.Errorf("watch: %d retransmissions since packet %d at %v, want 1 since packet %d at %v",
			w.rexmits, w.sincePkt, w.since, retry[0].Pkt, retry[0].Time)
	}
	tr.Flush()
	e.Close()
	if n := e.conns.live(); n != 0 {
		t.Errorf("%d handles still in use after the input's end", n)
	}
}
