package main

import (
	"context"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// clockWriter records each write and the fake capture clock at the time.
type clockWriter struct {
	now    func() time.Time
	writes []string
	at     []time.Time
}

func (w *clockWriter) Write(b []byte) (int, error) {
	w.writes = append(w.writes, string(b))
	w.at = append(w.at, w.now())
	return len(b), nil
}

// TestLiveFlushesPromptly runs the live loop on fake captures, stdout
// neither a terminal nor flushed per line, and checks that every JSON
// event record is written within 200 ms of its packet on the capture's
// clock (the 100 ms flush interval plus at most one 100 ms read timeout),
// long before the end.
func TestLiveFlushesPromptly(t *testing.T) {
	for _, trace := range []string{"client-close.pcap", "close-wait-stuck.pcap", "half-close.pcap"} {
		t.Run(trace, func(t *testing.T) {
			cfg, err := parseFlags([]string{"-i", "fake0", "--json"}, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			src := newFakeLive(t, filepath.Join(pcapDir, trace), 5*time.Second, cancel)
			w := &clockWriter{now: src.now}
			if err := runLive(ctx, cfg, src, src.Stats, src.now, false, w, io.Discard); err != nil {
				t.Fatal(err)
			}
			if len(w.writes) < 2 {
				t.Fatalf("%d writes; want the events written before the end", len(w.writes))
			}
			events := 0
			for i, chunk := range w.writes {
				for _, line := range strings.Split(strings.TrimSuffix(chunk, "\n"), "\n") {
					var r struct {
						Type string
						TS   float64
					}
					if err := json.Unmarshal([]byte(line), &r); err != nil {
						t.Fatalf("%v: %q", err, line)
					}
					if r.Type != "transition" && r.Type != "phase" {
						continue
					}
					events++
					pkt := time.UnixMicro(int64(r.TS*1e6 + 0.5))
					if lag := w.at[i].Sub(pkt); lag > 200*time.Millisecond {
						t.Errorf("%s written %v after its packet", line, lag)
					}
				}
			}
			if events == 0 {
				t.Fatal("no event records")
			}
		})
	}
}

// TestLineAndPacketBuffered checks -l and -U offline: each transcript
// line (-l) or each packet's records (-U) is its own write.
func TestLineAndPacketBuffered(t *testing.T) {
	path := filepath.Join(pcapDir, "client-close.pcap")
	for _, tt := range []struct {
		args []string
		ok   func(chunk string) bool
	}{
		{[]string{"-l"}, func(c string) bool { return strings.Count(c, "\n") == 1 }},
		{[]string{"--json", "-l"}, func(c string) bool { return strings.Count(c, "\n") == 1 }},
		{[]string{"--json", "-U"}, func(c string) bool {
			// All records of one write come from one packet.
			pkts := map[string]bool{}
			for _, l := range strings.Split(strings.TrimSpace(c), "\n") {
				var r map[string]any
				json.Unmarshal([]byte(l), &r)
				if p, ok := r["pkt"]; ok && r["type"] != "conn" {
					pkts[jsonNum(p)] = true
				}
			}
			return len(pkts) <= 1
		}},
	} {
		var w clockWriter
		w.now = time.Now
		var errb strings.Builder
		if code := run(context.Background(), append([]string{"-r", path}, tt.args...), nil, &w, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, errb.String())
		}
		if len(w.writes) < 5 {
			t.Errorf("%v: %d writes; want one per line or packet", tt.args, len(w.writes))
		}
		// What Close writes (the table, the summary) is not checked.
		for _, c := range w.writes[:len(w.writes)-1] {
			if strings.HasPrefix(c, "\n") {
				break
			}
			if !tt.ok(c) {
				t.Errorf("%v: write %q", tt.args, c)
			}
		}
	}
}

func jsonNum(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
