package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/internal/benchgen"
	"github.com/flowtrace/flowtrace/internal/testenv"
)

// TestCIRules checks the rules on bundled traces: exit 0 when they hold,
// 3 with the rule, the connection and why when one breaks, 2 with a caret
// under the column when one cannot be parsed.
func TestCIRules(t *testing.T) {
	cw := filepath.Join(pcapDir, "close-wait-stuck.pcap")
	good := filepath.Join(pcapDir, "client-close.pcap")
	rules := writeFile(t, "ci.rules", []byte("# our service's rules\nforbid state=CLOSE-WAIT  # leaks\n\nrequire closed=graceful\nmax handshake_rtt.p99=10ms\n"))
	badRules := writeFile(t, "bad.rules", []byte("forbid state=CLOSE-WAIT\nmax retransmissions=half\n"))
	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string // lines of stderr, in order
	}{
		{"holds", []string{"-r", good, "--forbid", "state=CLOSE-WAIT", "--require", "closed=graceful", "--max", "zero_windows=0", "--max", "retransmissions=0.5%"}, 0, []string{
			"flowtrace: " + good + ": ok   forbid state=CLOSE-WAIT: 0 of 1 connections match",
			"flowtrace: " + good + ": ok   require closed=graceful: 0 of 1 connections do not match",
			"flowtrace: " + good + ": ok   max zero_windows=0: zero_windows = 0, limit 0 (1 connection)",
			"flowtrace: " + good + ": ok   max retransmissions=0.5%: retransmissions = 0% (0 of 13 segments), limit 0.5%",
			"flowtrace: " + good + ": PASS (0 of 4 checks failed)",
		}},
		{"close-wait leak", []string{"-r", cw, "--forbid", "state=CLOSE-WAIT"}, 3, []string{
			"flowtrace: " + cw + ": FAIL forbid state=CLOSE-WAIT: 1 of 1 connections match",
			"    C07aEu2thX1Zf7D6MF 10.77.0.1:40001 > 10.77.0.2:5000 packets #1-#9: orig_state=FIN-WAIT-2 resp_state=CLOSE-WAIT",
			"flowtrace: " + cw + ": FAIL (1 of 1 checks failed)",
		}},
		{"rules file", []string{"-r", cw, "--rules", rules}, 3, []string{
			"flowtrace: " + cw + ": FAIL forbid state=CLOSE-WAIT: 1 of 1 connections match",
			"    C07aEu2thX1Zf7D6MF 10.77.0.1:40001 > 10.77.0.2:5000 packets #1-#9: orig_state=FIN-WAIT-2 resp_state=CLOSE-WAIT",
			"flowtrace: " + cw + `: FAIL require closed=graceful: 1 of 1 connections do not match`,
			`    C07aEu2thX1Zf7D6MF 10.77.0.1:40001 > 10.77.0.2:5000 packets #1-#9: end="closing, initiated by client"`,
			"flowtrace: " + cw + ": ok   max handshake_rtt.p99=10ms: handshake_rtt.p99 = 0.051 ms, limit 10 ms (1 connection)",
			"flowtrace: " + cw + ": FAIL (2 of 3 checks failed)",
		}},
		{"reset by server", []string{"-r", filepath.Join(pcapDir, "rst-server-abort.pcap"), "--forbid", "ended=reset by server and port=5000", "--forbid", "conn_state=RSTR"}, 3, []string{
			`packets #1-#8: end="aborted by server RST" orig_p=40001 resp_p=5000`,
			"packets #1-#8: conn_state=RSTR",
		}},
		{"finding forbidden", []string{"-r", filepath.Join(pcapDir, "syn-flood-long.pcap"), "--forbid", "finding=syn-flood"}, 3, []string{
			"FAIL forbid finding=syn-flood: 1 of 1 findings match",
		}},
		{"finding required", []string{"-r", filepath.Join(pcapDir, "syn-flood-long.pcap"), "--require", "count(finding=syn-flood) >= 1", "--forbid", "finding=port-scan"}, 0, []string{
			"PASS (0 of 2 checks failed)",
		}},
		{"finding absent", []string{"-r", good, "--forbid", "finding=syn-flood"}, 0, []string{
			"PASS (0 of 1 checks failed)",
		}},
		{"count", []string{"-r", good, "--require", "count(conn_state=SF) >= 10"}, 3, []string{
			"FAIL require count(conn_state=SF) >= 10: count = 1 (of 1 connections)",
		}},
		{"unparsable", []string{"-r", good, "--max", "handshake_rtt.p99=10 ms"}, 2, []string{
			`flowtrace: --max: column 22: unexpected "ms"`,
			"  handshake_rtt.p99=10 ms",
			"                       ^",
			"Run 'flowtrace --help' for usage.",
		}},
		{"unknown field", []string{"-r", good, "--forbid", "stat=CLOSE-WAIT"}, 2, []string{
			`flowtrace: --forbid: column 1: unknown field "stat" (did you mean state?)`,
		}},
		{"bad rules file", []string{"-r", good, "--rules", badRules}, 2, []string{
			"flowtrace: " + badRules + `:2: column 21: expected a limit: a number, with % or a time unit if it applies`,
			"  max retransmissions=half",
			"                      ^",
		}},
		{"missing rules file", []string{"-r", good, "--rules", "/nonexistent/ci.rules"}, 2, []string{"flowtrace: --rules: open /nonexistent/ci.rules: no such file or directory"}},
		{"update without expect", []string{"-r", good, "--update"}, 2, []string{"flowtrace: --update rewrites the file --expect names"}},
		{"glob matches nothing", []string{"-r", filepath.Join(pcapDir, "nothing-*.pcap")}, 2, []string{"no file matches"}},
		{"live", []string{"-i", "lo", "--forbid", "state=CLOSE-WAIT"}, 2, []string{"flowtrace: --forbid, --require, --max, --rules, --expect, --stable and --junit check a capture file"}},
		{"unreadable input", []string{"-r", good, "-r", "/nonexistent.pcap", "--forbid", "state=CLOSE-WAIT"}, 1, []string{
			"flowtrace: " + good + ": PASS",
			"flowtrace: /nonexistent.pcap: ERROR capture: open /nonexistent.pcap: no such file or directory",
			"flowtrace: 2 inputs: 1 passed, 1 failed",
			"flowtrace: 1 of 2 inputs could not be read to their end",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := flowtrace(t, nil, append([]string{"-q", "--utc"}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s", code, tc.code, stderr)
			}
			rest := stderr
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Errorf("stderr lacks (in order) %q:\n%s", w, stderr)
					break
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

// TestCISuite checks several inputs (repeated -r and a glob): one verdict
// per input, one overall, and a JUnit report with a test case per rule
// per input that validates against the committed schema.
func TestCISuite(t *testing.T) {
	report := filepath.Join(t.TempDir(), "report.xml")
	good := filepath.Join(pcapDir, "client-close.pcap")
	_, stderr, code := flowtrace(t, nil, "-q", "-r", good, "-r", filepath.Join(pcapDir, "rst-s*-abort.pcap"),
		"--forbid", "conn_state=RSTR", "--require", "closed=graceful", "--junit", report)
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, stderr)
	}
	for _, w := range []string{
		"flowtrace: " + good + ": PASS (0 of 2 checks failed)",
		"flowtrace: ../../testdata/pcaps/rst-server-abort.pcap: FAIL (2 of 2 checks failed)",
		"flowtrace: 2 inputs: 1 passed, 1 failed",
	} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	xml, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		`<testsuites name="flowtrace" tests="4" failures="2" errors="0">`,
		`<testsuite name="../../testdata/pcaps/rst-server-abort.pcap" tests="2" failures="2" errors="0">`,
		`<testcase name="forbid conn_state=RSTR" classname="../../testdata/pcaps/rst-server-abort.pcap">`,
		`<failure message="FAIL forbid conn_state=RSTR: 1 of 1 connections match" type="forbid">`,
	} {
		if !bytes.Contains(xml, []byte(w)) {
			t.Errorf("report lacks %s:\n%s", w, xml)
		}
	}
	validateJUnit(t, report)
}

// TestSeveralInputs: without checks, several inputs are analysed in turn,
// each under a header in the text output.
func TestSeveralInputs(t *testing.T) {
	a, b := filepath.Join(pcapDir, "client-close.pcap"), filepath.Join(pcapDir, "refused.pcap")
	out, stderr, code := flowtrace(t, nil, "-q", "--utc", "-r", a, "-r", b)
	one, _, _ := flowtrace(t, nil, "-q", "--utc", "-r", a)
	two, _, _ := flowtrace(t, nil, "-q", "--utc", "-r", b)
	if want := "==> " + a + " <==\n" + one + "\n==> " + b + " <==\n" + two; code != 0 || out != want {
		t.Errorf("exit %d, stdout\n%s\nwant\n%s\n%s", code, out, want, stderr)
	}
}

// validateJUnit checks a report against testdata/junit/junit.xsd with
// xmllint (libxml2-utils, in the Makefile's TEST_DEPS).
func validateJUnit(t *testing.T, report string) {
	t.Helper()
	xmllint := testenv.LookPath(t, "xmllint", "install libxml2-utils (make test-deps)")
	if out, err := exec.Command(xmllint, "--noout", "--schema", "../../testdata/junit/junit.xsd", report).CombinedOutput(); err != nil {
		t.Fatalf("%s does not validate: %v\n%s", report, err, out)
	}
}

// TestCIGolden checks --expect and --update, and that --stable makes one
// golden fit another capture of the same exchange: the trace rewritten
// an hour later, from another ephemeral port, with other ISNs.
func TestCIGolden(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(pcapDir, "client-close.pcap")
	moved := writeFile(t, "moved.pcap", recapture(t, readTrace(t, "client-close.pcap"), 40001, 51234, 3600, 0x10203040))
	gold := filepath.Join(dir, "client-close.golden")
	for _, form := range [][]string{nil, {"--json"}, {"-v"}} {
		args := append([]string{"--stable", "--checksums", "off", "--expect", gold}, form...)
		_, stderr, code := flowtrace(t, nil, append([]string{"-r", orig, "--update"}, args...)...)
		if code != 0 || !strings.Contains(stderr, "updated "+gold) {
			t.Fatalf("%v --update: exit %d\n%s", form, code, stderr)
		}
		out, stderr, code := flowtrace(t, nil, append([]string{"-r", moved}, args...)...)
		if code != 0 || out != "" || !strings.Contains(stderr, "ok   output matches "+gold) {
			t.Fatalf("%v: another capture of the scenario: exit %d\n%s%s", form, code, out, stderr)
		}
	}
	// Without --stable the same two captures differ, and the diff says how.
	_, stderr, code := flowtrace(t, nil, "-r", orig, "--utc", "--checksums", "off", "--expect", gold, "--update")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	_, stderr, code = flowtrace(t, nil, "-r", moved, "--utc", "--checksums", "off", "--expect", gold)
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, stderr)
	}
	for _, w := range []string{
		"FAIL output differs from " + gold + ":\n--- " + gold + "\n+++ output\n@@ -1,",
		"\n-23:26:", "\n+00:26:", "10.77.0.1:51234 > 10.77.0.2:5000",
		"FAIL (1 of 1 checks failed)",
	} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	// Several inputs take a directory of NAME.golden files; a missing
	// one is an error (exit 1), not a failed check.
	_, stderr, code = flowtrace(t, nil, "-r", orig, "-r", moved, "--stable", "--checksums", "off", "--expect", dir+"/")
	if code != 1 || !strings.Contains(stderr, "moved.golden: no such file or directory (create it with --update)") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	_, stderr, code = flowtrace(t, nil, "-r", orig, "-r", moved, "--expect", gold)
	if code != 2 || !strings.Contains(stderr, "--expect with several inputs needs a directory") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
}

// recapture rewrites a classic pcap of Ethernet/IPv4/TCP as if captured
// later by shift seconds, with client port from replaced by to and the
// client's sequence numbers moved by isn. Checksums are left stale.
func recapture(t *testing.T, pcap []byte, from, to uint16, shift uint32, isn uint32) []byte {
	t.Helper()
	b := bytes.Clone(pcap)
	if binary.LittleEndian.Uint32(b) != 0xa1b2c3d4 && binary.LittleEndian.Uint32(b) != 0xa1b23c4d {
		t.Fatal("recapture: not a little-endian classic pcap")
	}
	le := binary.LittleEndian
	for off := 24; off+16 <= len(b); {
		le.PutUint32(b[off:], le.Uint32(b[off:])+shift)
		incl := int(le.Uint32(b[off+8:]))
		pkt := b[off+16 : off+16+incl]
		off += 16 + incl
		if len(pkt) < 14+20 || binary.BigEndian.Uint16(pkt[12:]) != 0x0800 || pkt[14+9] != 6 {
			continue
		}
		tcp := pkt[14+int(pkt[14]&0xf)*4:]
		be := binary.BigEndian
		if be.Uint16(tcp[0:]) == from {
			be.PutUint16(tcp[0:], to)
			be.PutUint32(tcp[4:], be.Uint32(tcp[4:])+isn)
		}
		if be.Uint16(tcp[2:]) == from {
			be.PutUint16(tcp[2:], to)
			if tcp[13]&0x10 != 0 {
				be.PutUint32(tcp[8:], be.Uint32(tcp[8:])+isn)
			}
		}
	}
	return b
}

// TestDeterminism runs every bundled trace twice, in each output form,
// and compares the bytes: map order and scheduling must not show. Each
// form runs again on 2, 3 and 8 workers (--workers), which must give the
// same bytes as one: the transcript, JSON Lines, the wide table, the
// findings, the Zeek logs and the HTML report.
func TestDeterminism(t *testing.T) {
	for _, path := range traces(t) {
		deterministic(t, path, false)
	}
}

// TestDeterminismBenchgen checks --workers on two generated captures of
// 200 000 frames (100 000 under the race detector): the benchmark's mix and the hostile one (benchgen -all:
// floods, scans, fragments, bad checksums), where connections share
// servers and handshake round trips across workers.
func TestDeterminismBenchgen(t *testing.T) {
	// Under the race detector (CI) the captures are half as long, so
	// that the test stays a few minutes.
	frames := 200000
	if testenv.Race {
		frames = 100000
	}
	testenv.Short(t, fmt.Sprintf("two captures of %d frames, each tracked 6 times", frames))
	dir := t.TempDir()
	for _, all := range []bool{false, true} {
		path := filepath.Join(dir, fmt.Sprintf("all-%v.pcap", all))
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := (benchgen.Config{Packets: frames, Seed: 1, AllTraces: all}).Write(f); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		deterministic(t, path, true)
	}
}

// deterministic checks that path gives the same bytes in every output
// form on every run, whatever the number of workers. Forms that can share
// a run do (the transcript, the Zeek logs and the report page are all
// compared), so that each worker count replays the capture as few times
// as the outputs allow.
func deterministic(t *testing.T, path string, big bool) {
	t.Helper()
	forms := [][]string{{"-v", "--zeek-log", "Z", "--report", "R"}, {"--json", "-v"}, {"--stable", "--wide"}, {"--findings"}}
	workers := []string{"1", "1", "2", "3", "8"}
	if big {
		forms, workers = [][]string{{"-v", "--zeek-log", "Z"}, {"--json", "-v"}}, []string{"1", "2", "3"}
	}
	for _, form := range forms {
		var first string
		for i, n := range workers {
			dir := t.TempDir()
			args := append([]string{"-r", path, "--utc", "--workers", n}, form...)
			for j, a := range args {
				if a == "Z" || a == "R" {
					args[j] = filepath.Join(dir, a)
				}
			}
			out, stderr, code := flowtrace(t, nil, args...)
			if code != 0 {
				t.Fatalf("%v: exit %d\n%s", args, code, stderr)
			}
			out += stderr + readTree(t, dir)
			if i == 0 {
				first = out
				continue
			}
			if out != first {
				t.Errorf("%s %v on %s workers differs from one (or from the first run):\n%s", filepath.Base(path), form, n, diffText(first, out))
			}
		}
	}
}

// readTree returns the names and contents of the files under dir.
func readTree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		b.WriteString("== " + strings.TrimPrefix(p, dir) + "\n")
		b.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func diffText(a, b string) string {
	var d bytes.Buffer
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			d.WriteString("-" + al[i] + "\n+" + bl[i] + "\n")
			break
		}
	}
	return d.String()
}

// TestCIKeepsProbesAndFindings: checking rules adds an observer (the
// rules' collector) to the chain; the transcript keeps its probe lines,
// and the detectors still see the probes, so a stealth scan's
// fingerprinting finding can be forbidden.
func TestCIKeepsProbesAndFindings(t *testing.T) {
	pcap := filepath.Join(pcapDir, "stealth-null.pcap")
	plain, _, code := flowtrace(t, nil, "--utc", "-r", pcap)
	if code != 0 {
		t.Fatalf("plain run: exit %d", code)
	}
	out, stderr, code := flowtrace(t, nil, "--utc", "-r", pcap, "--forbid", "finding=os-fingerprint")
	if code != 3 || !strings.Contains(stderr, "FAIL forbid finding=os-fingerprint: 1 of 1 findings match") {
		t.Errorf("exit %d, want 3 and the broken rule\n%s", code, stderr)
	}
	if out != plain {
		t.Errorf("the transcript changed when rules were checked:\n%s\nwant:\n%s", out, plain)
	}
	if !strings.Contains(out, " probe #1 ") {
		t.Errorf("no probe line:\n%s", out)
	}
}
