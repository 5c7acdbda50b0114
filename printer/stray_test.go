package printer

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// aborted is a handshake, a server RST, and a late client RST 7 s later,
// after the closed connection left the table.
func aborted() []segment.Segment {
	S, A, R := segment.SYN, segment.ACK, segment.RST
	segs := []segment.Segment{
		seg(0, true, S, 100, 0, 0),
		seg(1, false, S|A, 900, 101, 0),
		seg(2, true, A, 101, 901, 0),
		seg(3, false, R|A, 901, 101, 0),
		seg(7003, true, R, 101, 0, 0),
	}
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
	}
	return segs
}

func runAborted(p Printer) error {
	tr := tracker.New(tracker.Config{}, p)
	segs := aborted()
	for i := range segs {
		tr.Handle(&segs[i])
	}
	tr.Flush()
	return p.Close(Summary{Tracker: tr.Stats()})
}

func TestTextStray(t *testing.T) {
	var out bytes.Buffer
	if err := runAborted(NewText(&out, Options{})); err != nil {
		t.Fatal(err)
	}
	want := "12:00:07.003000 c1 #5 [fd00::1]:40000 > [fd00::2]:443 [R] seq 1 win 100 len 0 !  note: client stray segment 7.000 s after the close (late RST): ignored\n"
	got := out.String()
	if !strings.Contains(got, want) {
		t.Errorf("got\n%s\nwant a line\n%s", got, want)
	}
	if !strings.Contains(got, "connections: 1\n") || !strings.Contains(got, "stray segments: 1 ") {
		t.Errorf("summary: want one connection and one stray segment:\n%s", got)
	}
	out.Reset()
	if err := runAborted(NewText(&out, Options{Quiet: true})); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "stray segment 7") {
		t.Errorf("-q printed stray lines:\n%s", out.String())
	}
}

func TestJSONStray(t *testing.T) {
	var out bytes.Buffer
	if err := runAborted(NewJSON(&out, Options{})); err != nil {
		t.Fatal(err)
	}
	var stray, sum map[string]any
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		switch rec["type"] {
		case "stray":
			stray = rec
		case "summary":
			sum = rec
		}
	}
	for k, v := range map[string]any{
		"conn": 1.0, "pkt": 5.0, "side": "orig", "src": "[fd00::1]:40000", "dst": "[fd00::2]:443",
		"flags": "R", "seq": 1.0, "kind": "late RST", "after": 7.0,
	} {
		if stray[k] != v {
			t.Errorf("stray %s = %v; want %v", k, stray[k], v)
		}
	}
	if sum["strays"] != 1.0 || sum["connections"] != 1.0 {
		t.Errorf("summary %v", sum)
	}
}

func TestStrayNoAllocs(t *testing.T) {
	for _, p := range []Printer{NewText(io.Discard, Options{}), NewJSON(io.Discard, Options{}), Tee(NewText(io.Discard, Options{}), NewJSON(io.Discard, Options{}))} {
		tr := tracker.New(tracker.Config{}, p)
		segs := aborted()
		for i := range segs {
			tr.Handle(&segs[i])
		}
		late := segs[4]
		step := func() {
			tr.Handle(&late)
		}
		if n := testing.AllocsPerRun(1000, step); n != 0 {
			t.Errorf("%T: %v allocs per stray segment; want 0", p, n)
		}
	}
}
