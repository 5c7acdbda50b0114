package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/internal/scenario"
	"github.com/flowtrace/flowtrace/internal/testenv"
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

// TestMemoryFindingsBounded: with the detectors on, 5 M SYNs from
// spoofed sources need no more memory than 1 M: per-source and
// per-service state lives in bounded tables and sketches. The capture is
// generated into flowtrace's standard input (no file); --max-conns keeps
// the tracker's own table small so the detectors' share shows.
func TestMemoryFindingsBounded(t *testing.T) {
	testenv.Short(t, "runs flowtrace on 1 M and 5 M generated SYNs")
	dir := t.TempDir()
	bin, rss := filepath.Join(dir, "flowtrace"), filepath.Join(dir, "maxrss")
	for pkg, out := range map[string]string{".": bin, "../../internal/cmd/maxrss": rss} {
		if out, err := exec.Command("go", "build", "-o", out, pkg).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	peak := func(n int) (int64, string) {
		t.Helper()
		kib := filepath.Join(dir, "maxrss.out")
		cmd := exec.Command(rss, "-o", kib, bin, "-r", "-", "--utc", "--findings", "--json", "--max-conns", "65536")
		pr, pw := io.Pipe()
		cmd.Stdin = pr
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		begin := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { pw.CloseWithError(writeSynFlood(pw, n)) }()
		err := cmd.Wait()
		pr.Close()
		if err != nil {
			t.Fatalf("flowtrace on %d SYNs: %v\n%s", n, err, stderr.Bytes())
		}
		k := readKiB(t, kib)
		t.Logf("%d SYNs: peak RSS %d MB in %v", n, k>>10, time.Since(begin).Round(time.Millisecond))
		return k, stdout.String()
	}
	small, _ := peak(1_000_000)
	big, out := peak(5_000_000)
	if !strings.Contains(out, `"type":"finding","kind":"syn-flood"`) || !strings.Contains(out, `"subject":"198.51.100.1:80"`) {
		t.Errorf("no syn-flood finding on 198.51.100.1:80 in:\n%.2000s", out)
	}
	if float64(big) > 1.1*float64(small) {
		t.Errorf("peak RSS %d MB on 5 M SYNs, %d MB on 1 M: want within 10 %%", big>>10, small>>10)
	}
}

func TestFindingsFlags(t *testing.T) {
	pcap := filepath.Join(pcapDir, "syn-flood-long.pcap")
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--findings", "--no-findings"}, exitUsage, "--findings and --no-findings are exclusive"},
		{[]string{"--syn-flood-half-open", "0"}, exitUsage, "--syn-flood-half-open must be positive"},
		{[]string{"--scan-window", "-1s"}, exitUsage, "--scan-window must be positive"},
		{[]string{"--scan-targets", "0"}, exitUsage, "--scan-targets must be positive"},
		{[]string{"--fingerprint-packets", "0"}, exitUsage, "--fingerprint-packets must be positive"},
		{[]string{"--findings"}, exitOK, ""},
	} {
		var out, errb bytes.Buffer
		args := append([]string{"-r", pcap, "--utc"}, tt.args...)
		code := run(context.Background(), args, nil, &out, &errb)
		if code != tt.code || !strings.Contains(errb.String(), tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errb.String(), tt.code, tt.msg)
		}
	}
	// The thresholds are the detectors': above the flood's 201 half-open
	// connections nothing fires, and --no-findings prints nothing of them.
	if recs := runFindings(t, pcap, "--syn-flood-half-open", "202"); len(recs) != 0 {
		t.Errorf("--syn-flood-half-open 202: %d findings", len(recs))
	}
	var out bytes.Buffer
	if code := run(context.Background(), []string{"-r", pcap, "--utc", "--no-findings"}, nil, &out, io.Discard); code != exitOK || strings.Contains(out.String(), "finding") {
		t.Errorf("--no-findings: exit %d, output mentions findings: %v", code, strings.Contains(out.String(), "finding"))
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
