package scenario

import (
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/capture"
)

var update = flag.Bool("update", false, "rewrite the trace table in testdata/pcaps/README.md")

const (
	scenDir = "../../testdata/scenarios"
	pcapDir = "../../testdata/pcaps"
)

func TestMatch(t *testing.T) {
	for _, tt := range []struct {
		pat, s string
		want   bool
	}{
		{"10.77.0.1:40001", "10.77.0.1:40001", true},
		{"10.77.0.1:40001", "10.77.0.1:4000", false},
		{"[fd77::1]:40001", "[fd77::1]:40001", true},
		{"[fd77::1]:40001", "f:40001", false},
		{"10.79.*", "10.79.3.4:10999", true},
		{"10.79.*", "10.77.0.1:40001", false},
		{"*", "", true},
		{"c* 10.77.0.2:5000→10.79.*: flowtrace SYN-RECEIVED, kernel has no socket", "c12 10.77.0.2:5000→10.79.0.12:10011: flowtrace SYN-RECEIVED, kernel has no socket", true},
		{"a*b*c", "abc", true},
		{"a*b*c", "ab", false},
		{"a*a", "a", false},
	} {
		if got := Match(tt.pat, tt.s); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.pat, tt.s, got, tt.want)
		}
	}
}

const example = `# what: a flood; then one
#   real connection
# how: forge in ft-cli
# capture: ft-srv eth0 tcpdump -Q in
#
# kernel: ft-srv: 3 SYN-RECEIVED
# sockets: 3 ft-srv SYN-RECEIVED 10.77.0.2:5000 10.79.*
# socket: ft-cli TIME-WAIT 10.77.0.1:40001 10.77.0.2:5000
# mismatch: 2 c* 10.77.0.2:5000→10.79.*: flowtrace LISTEN, kernel SYN-RECEIVED; the tracker
#   does not know yet
# flowtrace: --fin-timeout 3s
# finding: syn-flood 10.77.0.2:5000
# finding: port-scan 10.77.*

# a free comment after the header is part of the recipe
setup_direct
cap_here
finish 4.5
`

func TestParse(t *testing.T) {
	sc, err := Parse(strings.NewReader(example), "dir/flood.scenario")
	if err != nil {
		t.Fatal(err)
	}
	want := &Scenario{
		Name: "flood", What: "a flood; then one real connection", How: "forge in ft-cli",
		Capture: "ft-srv eth0 tcpdump -Q in", Kernel: "ft-srv: 3 SYN-RECEIVED",
		Sockets: []Socket{
			{Count: 3, NS: "ft-srv", State: "SYN-RECEIVED", Local: "10.77.0.2:5000", Peer: "10.79.*"},
			{Count: 1, NS: "ft-cli", State: "TIME-WAIT", Local: "10.77.0.1:40001", Peer: "10.77.0.2:5000"},
		},
		Mismatches: []Mismatch{{Count: 2, Problem: "c* 10.77.0.2:5000→10.79.*: flowtrace LISTEN, kernel SYN-RECEIVED", Reason: "the tracker does not know yet"}},
		Flowtrace:  []string{"--fin-timeout", "3s"},
		Findings:   []Finding{{Kind: "syn-flood", Subject: "10.77.0.2:5000"}, {Kind: "port-scan", Subject: "10.77.*"}},
		Quiet:      4500 * time.Millisecond,
		Recipe:     "\n# a free comment after the header is part of the recipe\nsetup_direct\ncap_here\nfinish 4.5\n",
	}
	if !reflect.DeepEqual(sc, want) {
		t.Errorf("got\n%+v\nwant\n%+v", sc, want)
	}
	bad := sc.CheckSockets([][4]string{
		{"ft-srv", "SYN-RECEIVED", "10.77.0.2:5000", "10.79.0.1:10000"},
		{"ft-srv", "SYN-RECEIVED", "10.77.0.2:5000", "10.79.0.2:10001"},
		{"ft-cli", "TIME-WAIT", "10.77.0.1:40001", "10.77.0.2:5000"},
		{"ft-cli", "ESTABLISHED", "10.77.0.1:40002", "10.77.0.2:5000"},
	})
	if len(bad) != 2 || !strings.Contains(bad[0], "2 sockets match") || !strings.Contains(bad[1], "40002") {
		t.Errorf("CheckSockets: %q", bad)
	}
	p := "c5 10.77.0.2:5000→10.79.0.1:10000: flowtrace LISTEN, kernel SYN-RECEIVED"
	if bad := sc.CheckMismatches([]string{p, p}); len(bad) != 0 {
		t.Errorf("CheckMismatches of the pinned problems: %q", bad)
	}
	if bad := sc.CheckMismatches([]string{p}); len(bad) != 1 || !strings.Contains(bad[0], "happened 1 times, the scenario pins 2") {
		t.Errorf("CheckMismatches of fewer problems: %q", bad)
	}
	if bad := sc.CheckMismatches([]string{p, p, "c1 other"}); len(bad) != 1 || bad[0] != "c1 other" {
		t.Errorf("CheckMismatches of an unpinned problem: %q", bad)
	}
	if bad := sc.CheckFindings([][2]string{{"syn-flood", "10.77.0.2:5000"}, {"port-scan", "10.77.0.1"}}); len(bad) != 0 {
		t.Errorf("CheckFindings of the declared findings: %q", bad)
	}
	bad = sc.CheckFindings([][2]string{{"syn-flood", "10.77.0.2:5001"}, {"port-scan", "10.77.0.1"}})
	if len(bad) != 2 || !strings.Contains(bad[0], "missing finding syn-flood 10.77.0.2:5000") || !strings.Contains(bad[1], "unexpected finding syn-flood 10.77.0.2:5001") {
		t.Errorf("CheckFindings of a wrong subject: %q", bad)
	}
}

func TestParseErrors(t *testing.T) {
	const ok = "# what: w\n# how: h\n# capture: ft-cli eth0\n# kernel: k\ncap_here\nfinish\n"
	for _, in := range []string{
		"",                                       // nothing
		strings.Replace(ok, "# how: h\n", "", 1), // missing key
		"# what: a\n" + ok,                       // key twice
		"# wat: a\n" + ok,                        // unknown key
		"#   orphan continuation\n" + ok,         // continuation first
		"#no space: x\n" + ok,                    // not a key line
		ok[:strings.Index(ok, "cap_here")] + "finish\n", // no cap_here
		strings.Replace(ok, "ft-cli eth0", "ft-cli", 1), // capture without interface
		"# socket: ft-cli TIME-WAIT 10.77.0.1:1\n" + ok, // too few fields
		"# socket: ft-cli TIME_WAIT a b\n" + ok,         // unknown state
		"# socket: ft-cli ESTAB a b\n" + ok,             // ss name, not RFC name
		"# sockets: x ft-cli ESTABLISHED a b\n" + ok,    // bad count
		"# mismatch: 1 c1 problem without reason\n" + ok,
		"# mismatch: one c1 p; r\n" + ok,
		"# flowtrace: -v\n# flowtrace: -q\n" + ok,           // flowtrace twice
		"# finding: syn-flood\n" + ok,                       // no subject
		strings.Replace(ok, "finish\n", "finish soon\n", 1), // bad quiet time
	} {
		if _, err := Parse(strings.NewReader(in), "x.scenario"); err == nil {
			t.Errorf("Parse(%q): no error", in)
		} else if !strings.HasPrefix(err.Error(), "scenario: x.scenario") {
			t.Errorf("Parse(%q): error %q lacks the scenario: FILE prefix", in, err)
		}
	}
}

// packets counts the frames of a capture file.
func packets(t *testing.T, path string) int {
	t.Helper()
	f, err := capture.OpenFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for {
		_, _, _, err := f.ReadFrame()
		if errors.Is(err, io.EOF) {
			return n
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		n++
	}
}

// TestCommittedScenarios checks that every scenario file parses and has
// its trace and truth in testdata/pcaps, and every trace its scenario.
func TestCommittedScenarios(t *testing.T) {
	scens, err := LoadDir(scenDir)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, s := range scens {
		names[s.Name] = true
		for _, ext := range []string{".pcap", ".ss"} {
			if _, err := os.Stat(filepath.Join(pcapDir, s.Name+ext)); err != nil {
				t.Errorf("scenario %s: %v", s.Name, err)
			}
		}
	}
	traces, _ := filepath.Glob(filepath.Join(pcapDir, "*.pcap"))
	for _, p := range traces {
		if n := strings.TrimSuffix(filepath.Base(p), ".pcap"); !names[n] {
			t.Errorf("trace %s has no testdata/scenarios/%s.scenario", p, n)
		}
	}
}

// TestReadmeTable checks that the trace table in testdata/pcaps/README.md
// is the one the scenario files and the traces' packet counts give;
// -update rewrites it.
func TestReadmeTable(t *testing.T) {
	scens, err := LoadDir(scenDir)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, s := range scens {
		counts[s.Name] = packets(t, filepath.Join(pcapDir, s.Name+".pcap"))
	}
	want := Table(scens, counts)
	readme := filepath.Join(pcapDir, "README.md")
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start := strings.Index(text, "| name | packets |")
	if start < 0 {
		t.Fatalf("%s: no trace table (a line starting \"| name | packets |\")", readme)
	}
	end := strings.Index(text[start:], "\n\n")
	if end < 0 {
		end = len(text) - start
	} else {
		end++ // keep the table's last newline
	}
	got := text[start : start+end]
	if got == want {
		return
	}
	if *update {
		if err := os.WriteFile(readme, []byte(text[:start]+want+text[start+end:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("%s: the trace table differs from the scenario files (go test ./internal/scenario -update rewrites it); first at table line %d:\n  README:    %s\n  scenarios: %s", readme, i+1, g, w)
			break
		}
	}
}
