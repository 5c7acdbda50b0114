package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/internal/scenario"
)

// runFindings runs flowtrace --findings --json on a capture and returns
// the "finding" records.
func runFindings(t *testing.T, pcap string, extra ...string) []map[string]any {
	t.Helper()
	var out, errb bytes.Buffer
	args := append([]string{"-r", pcap, "--findings", "--json", "--utc"}, extra...)
	if code := run(context.Background(), args, nil, &out, &errb); code != exitOK {
		t.Fatalf("flowtrace %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	var recs []map[string]any
	for _, l := range bytes.Split(bytes.TrimSpace(out.Bytes()), []byte("\n")) {
		if len(l) == 0 {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(l, &m); err != nil {
			t.Fatalf("%s: bad JSON line %q: %v", pcap, l, err)
		}
		switch m["type"] {
		case "finding":
			recs = append(recs, m)
		case "finding_fired":
		default:
			t.Errorf("%s: --findings --json wrote a %v record", pcap, m["type"])
		}
	}
	return recs
}

// TestScenarioFindings asserts, for every bundled trace, that the set of
// findings (kind, subject) flowtrace reports equals the set its scenario
// file declares in "finding:" lines: no finding missing, none extra. An
// ordinary trace declares none and must stay silent.
func TestScenarioFindings(t *testing.T) {
	scens, err := scenario.LoadDir(scenDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range scens {
		t.Run(sc.Name, func(t *testing.T) {
			var pcap string
			for _, ext := range []string{".pcap", ".pcapng"} {
				if _, err := os.Stat(filepath.Join(pcapDir, sc.Name+ext)); err == nil {
					pcap = filepath.Join(pcapDir, sc.Name+ext)
				}
			}
			if pcap == "" {
				t.Fatalf("no capture for scenario %s", sc.Name)
			}
			var got [][2]string
			for _, r := range runFindings(t, pcap, sc.Flowtrace...) {
				k := [2]string{r["kind"].(string), r["subject"].(string)}
				if !slices.Contains(got, k) {
					got = append(got, k)
				}
			}
			for _, p := range sc.CheckFindings(got) {
				t.Error(p)
			}
		})
	}
}

// TestFindingsFlagErrors: bad thresholds of the stuck-state, TIME-WAIT,
// RST and fragment findings are usage errors (exit 2).
func TestFindingsFlagErrors(t *testing.T) {
	good := filepath.Join(pcapDir, "client-close.pcap")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--close-wait-age", "0s"}, "flowtrace: --close-wait-age must be positive, not 0s"},
		{[]string{"--fin-wait-2-age", "-1s"}, "flowtrace: --fin-wait-2-age must be positive, not -1s"},
		{[]string{"--stuck-retransmits", "0"}, "flowtrace: --stuck-retransmits must be positive, not 0"},
		{[]string{"--half-dead-keepalives", "0"}, "flowtrace: --half-dead-keepalives must be positive, not 0"},
		{[]string{"--time-wait-pile", "-3"}, "flowtrace: --time-wait-pile must be positive, not -3"},
		{[]string{"--rst-ttl-delta", "0"}, "flowtrace: --rst-ttl-delta must be positive, not 0"},
		{[]string{"--fragment-incomplete", "0"}, "flowtrace: --fragment-incomplete must be positive, not 0"},
		{[]string{"--fragment-scan-targets", "0"}, "flowtrace: --fragment-scan-targets must be positive, not 0"},
		{[]string{"--ephemeral-ports", "60999-32768"}, `flowtrace: --ephemeral-ports: want FIRST-LAST with 1 <= FIRST <= LAST <= 65535, not "60999-32768"`},
		{[]string{"--ephemeral-ports", "1024"}, `flowtrace: --ephemeral-ports: want FIRST-LAST with 1 <= FIRST <= LAST <= 65535, not "1024"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, errOut, code := flowtrace(t, nil, append([]string{"-r", good}, tt.args...)...)
			if code != exitUsage || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, exitUsage, tt.want)
			}
		})
	}
	if _, errOut, code := flowtrace(t, nil, "-r", good, "--ephemeral-ports", "1024-65535", "--findings"); code != exitOK {
		t.Errorf("a good range: exit %d, %s", code, errOut)
	}
}
