package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// classCounter counts the segments of a trace in each class.
type classCounter map[string]int

func (cc classCounter) Packet(c *tracker.Conn, _ *segment.Segment, _ tracker.Side, _ []tracker.Event) {
	c.Class().Each(func(name string) { cc[name]++ })
}
func (classCounter) Events(*tracker.Conn, []tracker.Event) {}
func (classCounter) Done(*tracker.Conn)                    {}

// TestClassesOnRealTraces pins, for each real trace made to show a class
// of the sequence analysis, how many segments fall in each class (the
// numbers tshark 4.0 shows for the same frames; see
// testdata/pcaps/README.md). If detection of any class breaks, its trace
// fails here.
func TestClassesOnRealTraces(t *testing.T) {
	tests := []struct {
		trace string
		want  map[string]int
	}{
		{"loss-rto", map[string]int{"retransmission": 1}},
		{"loss-fast", map[string]int{"dup ACK": 13, "fast retransmission": 1, "window full": 3, "window update": 1}},
		{"loss-upstream", map[string]int{"previous segment not captured": 1, "dup ACK": 12, "fast retransmission": 1, "window update": 1}},
		{"acked-unseen", map[string]int{"ACKed unseen segment": 2, "previous segment not captured": 1}},
		{"reorder-bulk", map[string]int{"out-of-order": 3, "previous segment not captured": 3, "dup ACK": 2, "window update": 1}},
		{"reorder", map[string]int{"out-of-order": 1, "previous segment not captured": 1, "dup ACK": 2}},
		{"zero-window", map[string]int{"zero window": 4, "keep-alive": 3, "window full": 11, "window update": 1}},
		{"zero-window-probe", map[string]int{"zero window": 4, "zero window probe": 1, "zero window probe ACK": 1, "keep-alive": 2, "window full": 7, "window update": 1}},
		{"window-update", map[string]int{"window update": 1, "zero window": 1, "window full": 4}},
		{"keepalive", map[string]int{"keep-alive": 3, "keep-alive ACK": 3}},
		{"spurious-retrans", map[string]int{"spurious retransmission": 1, "dup ACK": 1}},
		{"retrans-differ", map[string]int{"spurious retransmission": 1, "retransmitted bytes differ": 1, "dup ACK": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.trace, func(t *testing.T) {
			got := classCounter{}
			replayFile(t, filepath.Join(pcapDir, tt.trace+".pcap"), got)
			for _, name := range reassembly.Names() {
				if got[name] != tt.want[name] {
					t.Errorf("%s: %d segments; want %d", name, got[name], tt.want[name])
				}
			}
		})
	}
}

// TestConnRecordAnalysis checks the per-connection figures the analysis
// adds to the conn record, on real traces.
func TestConnRecordAnalysis(t *testing.T) {
	conn := func(trace string) map[string]any {
		out, stderr, code := flowtrace(t, nil, "-r", filepath.Join(pcapDir, trace+".pcap"), "--json")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", trace, code, stderr)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, `"type":"conn"`) {
				var m map[string]any
				if err := json.Unmarshal([]byte(line), &m); err != nil {
					t.Fatal(err)
				}
				return m
			}
		}
		t.Fatalf("%s: no conn record", trace)
		return nil
	}
	tests := []struct {
		trace string
		want  map[string]any
	}{
		// The capture left out one 100-byte segment the server received
		// and acknowledged: 100 missed bytes, a content gap (G) in Zeek's
		// history.
		{"acked-unseen", map[string]any{"missed_bytes": 100.0, "orig_missed_bytes": 100.0, "history": "ShADaGdFf", "orig_wscale": 10.0}},
		// A fast retransmission after 13 duplicate ACKs: Zeek's T.
		{"loss-fast", map[string]any{"orig_fast_retrans": 1.0, "resp_dup_acks": 13.0, "history": "ShADaTFf"}},
		{"retrans-differ", map[string]any{"orig_differing_retrans": 1.0, "orig_spurious_retrans": 1.0}},
		{"zero-window", map[string]any{"resp_zero_windows": 4.0, "orig_keepalives": 3.0}},
		// Both halves of the handshake are measured, and add up.
		{"client-close", map[string]any{"orig_wscale": 10.0, "resp_wscale": 10.0}},
		// With the handshake missed, the window scale is unknown.
		{"midstream", map[string]any{"orig_wscale": "unknown", "resp_wscale": "unknown"}},
	}
	for _, tt := range tests {
		got := conn(tt.trace)
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("%s: %s = %v; want %v", tt.trace, k, got[k], v)
			}
		}
		rtt, ok := got["hs_rtt_ms"].(float64)
		if tt.trace == "client-close" && !ok {
			t.Errorf("client-close: no handshake RTT")
		}
		if ok {
			s, c := got["hs_server_ms"].(float64), got["hs_client_ms"].(float64)
			if d := rtt - s - c; d > 0.002 || d < -0.002 {
				t.Errorf("%s: handshake halves %v + %v do not add up to %v", tt.trace, s, c, rtt)
			}
		}
	}
}
