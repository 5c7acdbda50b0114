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
