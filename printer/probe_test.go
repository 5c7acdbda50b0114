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

// scan is a FIN probe answered by a RST and one never answered.
func scan() []segment.Segment {
	closed := seg(0, true, segment.FIN, 100, 0, 0)
	rst := seg(1, false, segment.RST|segment.ACK, 0, 101, 0)
	open := seg(2, true, segment.FIN, 100, 0, 0)
	open.DstPort = 444
	closed.Pkt, rst.Pkt, open.Pkt = 1, 2, 3
	return []segment.Segment{closed, rst, open}
}

func runScan(p Printer) error {
	tr := tracker.New(tracker.Config{}, p)
	segs := scan()
	for i := range segs {
		tr.Handle(&segs[i])
	}
	tr.Flush()
	return p.Close(Summary{Tracker: tr.Stats()})
}

func TestTextProbe(t *testing.T) {
	var out bytes.Buffer
	if err := runScan(NewText(&out, Options{})); err != nil {
		t.Fatal(err)
	}
	want := `12:00:00.000000 probe #1 [fd00::1]:40000 > [fd00::2]:443 [F] no ACK ×1, answer RST (#2): closed
12:00:00.002000 probe #3 [fd00::1]:40000 > [fd00::2]:444 [F] no ACK ×1, answer none: open|filtered

connections: 0
probes: 2 (segments that opened no connection, with their answers: see the probe lines or records)
`
	if got := out.String(); !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s\nwant it to start with\n%s", got, want)
	}
	out.Reset()
	if err := runScan(NewText(&out, Options{Quiet: true})); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "probe #") {
		t.Errorf("-q printed probe lines:\n%s", out.String())
	}
}

func TestJSONProbe(t *testing.T) {
	var out bytes.Buffer
	if err := runScan(NewJSON(&out, Options{})); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d records; want 2 probes and a summary:\n%s", len(lines), out.String())
	}
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &rec); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]any{
		"type": "probe", "orig_h": "fd00::1", "orig_p": 40000.0, "resp_p": 443.0, "flags": "F",
		"kind": "no ACK", "probes": 1.0, "answer": "RST", "answer_pkt": 2.0, "verdict": "closed",
	} {
		if rec[k] != v {
			t.Errorf("%s = %v; want %v", k, rec[k], v)
		}
	}
	if uid, _ := rec["uid"].(string); len(uid) != 18 || uid[0] != 'C' {
		t.Errorf("uid %q", uid)
	}
	if err := json.Unmarshal([]byte(lines[2]), &rec); err != nil {
		t.Fatal(err)
	}
	if rec["type"] != "summary" || rec["probes"] != 2.0 || rec["connections"] != 0.0 || rec["one_sided"] != 0.0 {
		t.Errorf("summary %v", rec)
	}
}

// A scan's probes cost no allocation each once the tables are warm.
func TestProbeNoAllocs(t *testing.T) {
	for _, p := range []Printer{NewText(io.Discard, Options{}), NewJSON(io.Discard, Options{}), Tee(NewText(io.Discard, Options{}), NewJSON(io.Discard, Options{}))} {
		tr := tracker.New(tracker.Config{}, p)
		probe := seg(0, true, segment.FIN, 100, 0, 0)
		rst := seg(0, false, segment.RST|segment.ACK, 0, 101, 0)
		port := uint16(1)
		step := func() {
			port++
			probe.DstPort, rst.SrcPort = port, port
			tr.Handle(&probe)
			tr.Handle(&rst)
		}
		for range 100 {
			step()
		}
		if n := testing.AllocsPerRun(1000, step); n != 0 {
			t.Errorf("%T: %v allocs per probe; want 0", p, n)
		}
	}
}
