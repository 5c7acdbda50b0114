package printer

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/tracker"
)

// writes records each Write the printer's buffer makes.
type writes struct{ got []string }

func (w *writes) Write(b []byte) (int, error) {
	w.got = append(w.got, string(b))
	return len(b), nil
}

// TestBuffering checks when each Buffering writes out: only at Close,
// after every line or record, or after each packet's output.
func TestBuffering(t *testing.T) {
	for _, tt := range []struct {
		name  string
		json  bool
		mode  Buffering
		check func(t *testing.T, w []string)
	}{
		{"text full", false, BufferFull, func(t *testing.T, w []string) {
			if len(w) != 1 {
				t.Errorf("%d writes; want 1, at Close", len(w))
			}
		}},
		{"text line", false, BufferLine, func(t *testing.T, w []string) {
			lines := 0
			for _, x := range w {
				if strings.HasPrefix(x, "12:") { // a transcript line
					lines++
					if strings.Count(x, "\n") != 1 {
						t.Errorf("write %q is not one line", x)
					}
				}
			}
			if lines != 8 {
				t.Errorf("%d transcript lines written alone; want 8:\n%q", lines, w)
			}
		}},
		{"json line", true, BufferLine, func(t *testing.T, w []string) {
			for _, x := range w {
				if strings.Count(x, "\n") != 1 {
					t.Errorf("write %q is not one record", x)
				}
			}
		}},
		{"json packet", true, BufferPacket, func(t *testing.T, w []string) {
			// Packet 3 completes the handshake: two transitions and a
			// phase record, written together.
			multi := false
			for _, x := range w {
				multi = multi || strings.Count(x, "\n") > 1 && strings.Contains(x, `"pkt":3,`)
			}
			if !multi {
				t.Errorf("packet 3's records were not written together: %q", w)
			}
			for _, x := range w {
				if strings.Count(x, `"pkt":3,`) > 0 && strings.Contains(x, `"pkt":2,`) {
					t.Errorf("two packets' output in one write: %q", x)
				}
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var w writes
			var p interface {
				tracker.Observer
				Close(Summary) error
			}
			if tt.json {
				p = NewJSON(&w, Options{Buffering: tt.mode})
			} else {
				p = NewText(&w, Options{Buffering: tt.mode})
			}
			feed(p, session())
			if err := p.Close(Summary{}); err != nil {
				t.Fatal(err)
			}
			tt.check(t, w.got)
		})
	}
}

// fakeBuffer is a Flushable that counts flushes.
type fakeBuffer struct {
	n       int
	flushes int
	err     error
}

func (f *fakeBuffer) Buffered() int { return f.n }
func (f *fakeBuffer) Flush() error {
	f.flushes++
	f.n = 0
	return f.err
}

// TestFlusher drives the policy with a fake clock: at most one write per
// interval on a busy link, the first output after a quiet spell at the
// next packet, everything when idle, nothing when nothing is buffered.
func TestFlusher(t *testing.T) {
	var b fakeBuffer
	f := NewFlusher(&b, 100*time.Millisecond)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	steps := []struct {
		ms      int  // Tick at this time; -1: Idle
		written int  // bytes the packet before wrote
		flushed bool // whether this step writes out
	}{
		{0, 0, false},   // nothing buffered
		{10, 50, true},  // first output after a quiet spell: out at once
		{20, 50, false}, // 10 ms after the last write: waits
		{60, 50, false},
		{109, 50, false},
		{110, 0, true}, // 100 ms after the last write: out
		{150, 50, false},
		{-1, 0, true},   // idle: out at once
		{-1, 0, false},  // idle, nothing buffered
		{300, 0, false}, // nothing buffered
		{301, 10, true},
		{250, 10, true}, // the clock went back: out
		{260, 10, false},
	}
	for i, s := range steps {
		b.n += s.written
		before := b.flushes
		if s.ms < 0 {
			f.Idle()
		} else {
			f.Tick(at(s.ms))
		}
		if got := b.flushes > before; got != s.flushed {
			t.Errorf("step %d (%d ms): flushed %v; want %v", i, s.ms, got, s.flushed)
		}
	}
	if f.Err() != nil {
		t.Errorf("Err %v", f.Err())
	}
	b.err, b.n = errors.New("broken pipe"), 1
	f.Idle()
	b.err, b.n = errors.New("later"), 1
	f.Idle()
	if f.Err() == nil || f.Err().Error() != "broken pipe" {
		t.Errorf("Err %v; want the first write error", f.Err())
	}
}

// TestChooseBuffering: -U wins over -l; a live terminal is line-buffered.
func TestChooseBuffering(t *testing.T) {
	for _, tt := range []struct {
		line, packet, live, term bool
		want                     Buffering
	}{
		{false, false, false, false, BufferFull},
		{false, false, false, true, BufferFull}, // offline to a terminal: as before
		{false, false, true, false, BufferFull}, // live to a pipe: a Flusher
		{false, false, true, true, BufferLine},
		{true, false, false, false, BufferLine},
		{false, true, false, false, BufferPacket},
		{true, true, true, true, BufferPacket},
	} {
		if got := ChooseBuffering(tt.line, tt.packet, tt.live, tt.term); got != tt.want {
			t.Errorf("ChooseBuffering(%v, %v, %v, %v) = %d; want %d", tt.line, tt.packet, tt.live, tt.term, got, tt.want)
		}
	}
}

// TestFlushNoAllocs: line and packet buffering and the Flusher's tick
// cost no allocation per packet.
func TestFlushNoAllocs(t *testing.T) {
	segs := session()[:4]
	for _, mode := range []Buffering{BufferLine, BufferPacket} {
		for _, p := range []interface {
			tracker.Observer
			Flushable
		}{NewText(io.Discard, Options{Verbose: true, Buffering: mode}), NewJSON(io.Discard, Options{Verbose: true, Buffering: mode})} {
			tr := tracker.New(tracker.Config{}, p)
			for i := range segs {
				tr.Handle(&segs[i])
			}
			f := NewFlusher(p, 100*time.Millisecond)
			data := segs[3]
			n := testing.AllocsPerRun(1000, func() {
				data.Seq += 10
				data.Ack++
				data.Time = data.Time.Add(time.Millisecond)
				f.Tick(data.Time)
				tr.Handle(&data)
			})
			if n != 0 {
				t.Errorf("%T mode %d: %v allocs per packet; want 0", p, mode, n)
			}
		}
	}
}

// TestFlushWritesOut: Flush hands the buffered lines to the writer
// before Close.
func TestFlushWritesOut(t *testing.T) {
	var out bytes.Buffer
	p := NewJSON(&out, Options{})
	feed(p, session()[:3])
	if out.Len() != 0 || p.Buffered() == 0 {
		t.Fatalf("wrote %d bytes before Flush, %d buffered", out.Len(), p.Buffered())
	}
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"type":"transition"`) || p.Buffered() != 0 {
		t.Errorf("after Flush: %q, %d buffered", out.String(), p.Buffered())
	}
}
