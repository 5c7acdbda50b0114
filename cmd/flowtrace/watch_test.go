package main

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/printer"
)

// TestWatchKeys: q quits, s cycles the sort order, p pauses: the PAUSED
// screen is drawn once, then nothing until p again.
func TestWatchKeys(t *testing.T) {
	cfg, _ := parseFlags([]string{"-i", "fake0", "--watch"}, io.Discard)
	var b bytes.Buffer
	w := newWatch(&b, cfg, "fake0")
	w.tty = true
	w.keys = make(chan byte, 16)
	trackInto(t, "close-wait-stuck.pcap", w)
	at := time.Unix(5, 0)

	w.keys <- 's'
	if quit, redraw := w.pollKeys(); quit || !redraw || w.sortBy != printer.ByCount {
		t.Errorf("s: quit %v redraw %v sort %d; want no quit, a redraw, by count", quit, redraw, w.sortBy)
	}
	w.refresh(at, at)
	if !strings.Contains(b.String(), "s sort: count") {
		t.Errorf("header lacks the sort order:\n%s", b.String())
	}
	w.keys <- 's'
	w.keys <- 's'
	w.pollKeys()
	if w.sortBy != printer.ByState {
		t.Errorf("s three times: sort %d; want back to state order", w.sortBy)
	}

	w.keys <- 'p'
	w.pollKeys()
	b.Reset()
	w.refresh(at, at)
	if !strings.Contains(b.String(), "PAUSED") {
		t.Errorf("paused view lacks PAUSED:\n%s", b.String())
	}
	b.Reset()
	w.refresh(at.Add(time.Second), at.Add(time.Second))
	if b.Len() != 0 {
		t.Errorf("paused view redrawn:\n%s", b.String())
	}
	w.keys <- 'p'
	w.pollKeys()
	w.refresh(at, at)
	if b.Len() == 0 || strings.Contains(b.String(), "PAUSED") {
		t.Errorf("unpaused view:\n%s", b.String())
	}

	w.keys <- 'x'
	w.keys <- 'q'
	if quit, _ := w.pollKeys(); !quit {
		t.Error("q does not quit")
	}
}

// TestFitAll: a list takes the richest form all its lines fit in.
func TestFitAll(t *testing.T) {
	lines := [][]string{{"aaaa bbbb", "aaaa", "a"}, {"cc dd", "cc", "c"}}
	for cols, want := range map[int]string{20: "aaaa bbbb|cc dd", 8: "aaaa|cc", 4: "aaaa|cc", 3: "a|c", 0: "|"} {
		if got := strings.Join(fitAll(cols, lines), "|"); got != want {
			t.Errorf("%d columns: %q; want %q", cols, got, want)
		}
	}
}

// TestWatchViewNarrow draws a CLOSE-WAIT leak at 80 and 40 columns: no
// line is wider, and state names are whole.
func TestWatchViewNarrow(t *testing.T) {
	cfg, _ := parseFlags([]string{"-i", "fake0", "--watch"}, io.Discard)
	var b bytes.Buffer
	w := newWatch(&b, cfg, "fake0")
	w.tty = true
	trackInto(t, "close-wait-stuck.pcap", w)
	for _, cols := range []int{160, 80, 40} {
		b.Reset()
		w.size = func() (int, int) { return cols, 40 }
		at := time.Unix(1e9, 0)
		w.begin = at
		w.draw(at, at)
		w.out.Flush()
		screen := strings.ReplaceAll(b.String(), "\x1b[K\r\n", "\n")
		listed := false
		for _, l := range strings.Split(screen, "\n") {
			if n := len([]rune(l)); n > cols && !strings.HasPrefix(l, "\x1b") {
				t.Errorf("%d columns: line of %d: %q", cols, n, l)
			}
			listed = listed || strings.HasPrefix(l, "c1 ") && strings.Contains(l, " server ") && strings.Contains(l, " CLOSE-WAIT ")
		}
		if !listed {
			t.Errorf("%d columns: the server's CLOSE-WAIT is not in the oldest list:\n%s", cols, screen)
		}
		for _, want := range []string{"\nCLOSE-WAIT ", "ESTABLISHED → CLOSE-WAIT"} {
			if !strings.Contains(screen, want) {
				t.Errorf("%d columns: no %q:\n%s", cols, want, screen)
			}
		}
	}
}
