// Package scenario reads the real-kernel test scenarios of
// testdata/scenarios: one file per trace in testdata/pcaps, which
// scripts/mktraces.sh runs to make NAME.pcap and NAME.ss, and which the
// tests read for what the kernel must have said and for the README table.
//
// A scenario file NAME.scenario starts with a header, the leading block of
// comment lines up to the first line that is empty or not a comment; the
// rest is the bash recipe (scripts/lib.sh's functions)
// that mktraces.sh sources. Header lines are "# key: value", continued on
// lines that start with "#" and at least three spaces; a bare "#" line is
// allowed. Keys:
//
//	what:     what happens in the trace (README table)            required
//	how:      how the recipe produces it (README table)           required
//	capture:  NS IFACE [tcpdump|dumpcap] [ARGS...]: where the
//	          recipe's cap_here starts the capture                 required
//	kernel:   the kernel's final word in prose (README table)     required
//	socket:   NS STATE LOCAL PEER: one non-LISTEN socket ss must show
//	sockets:  COUNT NS STATE LOCAL PEER: COUNT sockets matching
//	mismatch: COUNT PROBLEM; REASON: a known disagreement between
//	          flowtrace and the kernel (TestKernelTruth), COUNT times
//	flowtrace: ARGS: flowtrace flags TestKernelTruth runs the trace
//	          with, matching a setting of the recipe (a sysctl such as
//	          --fin-timeout 3s for net.ipv4.tcp_fin_timeout=3)
//	finding:  KIND SUBJECT: one finding flowtrace's detectors must
//	          report on the trace (TestScenarioFindings); no such line
//	          means the trace must produce no finding
//
// The recipe's "finish [QUIET-SECONDS]" call (0.4 s by default, as
// scripts/lib.sh) says how long the capture went on, quiet, after its
// last packet before the kernel truth was taken; Quiet reports it, since
// a pcap file does not record when its capture ended.
//
// STATE is an RFC 9293 state name as kerneltruth reports it (TIME-WAIT,
// SYN-RECEIVED, ESTABLISHED, ...). In LOCAL, PEER and PROBLEM a "*"
// matches any run of characters; nothing else is special. The socket and
// sockets lines together list every non-LISTEN socket of both namespaces:
// no such line means ss showed none. The package does no I/O beyond
// reading the files it is given.
package scenario

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// defaultQuiet is scripts/lib.sh finish's default quiet time.
const defaultQuiet = 400 * time.Millisecond

// Scenario is one parsed scenario file.
type Scenario struct {
	Name       string // the file name without ".scenario"
	What, How  string
	Capture    string
	Kernel     string
	Sockets    []Socket
	Mismatches []Mismatch
	Flowtrace  []string      // the "flowtrace:" line's flags
	Findings   []Finding     // the "finding:" lines
	Quiet      time.Duration // the capture's quiet time after its last packet (finish's argument)
	Recipe     string        // the bash after the header
}

// Socket is one "socket:" or "sockets:" line.
type Socket struct {
	Count       int
	NS, State   string
	Local, Peer string // patterns: "*" matches any run of characters
	line        int
}

// Matches reports whether a socket of ss matches s.
func (s Socket) Matches(ns, state, local, peer string) bool {
	return s.NS == ns && s.State == state && Match(s.Local, local) && Match(s.Peer, peer)
}

func (s Socket) String() string {
	return fmt.Sprintf("%d× %s %s %s %s", s.Count, s.NS, s.State, s.Local, s.Peer)
}

// Finding is one "finding:" line: a finding (kind and subject) the
// trace must produce.
type Finding struct {
	Kind    string
	Subject string // a pattern: "*" matches any run of characters
}

// CheckFindings compares the findings flowtrace reported (each as kind
// and subject) with the scenario's finding lines: every line must match
// at least one finding, and every finding a line. It returns one message
// per difference.
func (sc *Scenario) CheckFindings(got [][2]string) []string {
	var bad []string
	used := make([]bool, len(got))
	for _, want := range sc.Findings {
		n := 0
		for i, g := range got {
			if g[0] == want.Kind && Match(want.Subject, g[1]) {
				used[i] = true
				n++
			}
		}
		if n == 0 {
			bad = append(bad, fmt.Sprintf("missing finding %s %s", want.Kind, want.Subject))
		}
	}
	for i, g := range got {
		if !used[i] {
			bad = append(bad, fmt.Sprintf("unexpected finding %s %s (not in the scenario's finding lines)", g[0], g[1]))
		}
	}
	return bad
}

// Mismatch is one "mismatch:" line: a disagreement TestKernelTruth
// expects, exactly Count times.
type Mismatch struct {
	Count   int
	Problem string // a pattern of the test's problem line
	Reason  string
}

// states are the RFC 9293 names kerneltruth maps ss's states to.
var states = map[string]bool{
	"ESTABLISHED": true, "SYN-SENT": true, "SYN-RECEIVED": true, "FIN-WAIT-1": true,
	"FIN-WAIT-2": true, "TIME-WAIT": true, "CLOSE-WAIT": true, "LAST-ACK": true,
	"CLOSING": true, "CLOSED": true,
}

// Match reports whether s matches pattern, in which only "*" is special:
// it matches any run of characters, including none.
func Match(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return len(s) >= len(last) && strings.HasSuffix(s, last)
}

// ParseFile parses the scenario file path; its name comes from the file
// name.
func ParseFile(path string) (*Scenario, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("scenario: %w", err)
	}
	defer f.Close()
	return Parse(f, path)
}

// Parse parses a scenario from r; path names it (the scenario's name is
// its base name without ".scenario") and is used in errors.
func Parse(r io.Reader, path string) (*Scenario, error) {
	sc := &Scenario{Name: strings.TrimSuffix(filepath.Base(path), ".scenario")}
	in := bufio.NewScanner(r)
	lineno := 0
	errorf := func(format string, a ...any) error {
		return fmt.Errorf("scenario: %s:%d: %s", path, lineno, fmt.Sprintf(format, a...))
	}
	var cur *string // the value a continuation line extends
	var recipe strings.Builder
	header := true
	seen := map[string]bool{}
	var mismatchLines []string
	for in.Scan() {
		lineno++
		line := in.Text()
		if header && !strings.HasPrefix(line, "#") {
			header = false
		}
		if !header {
			recipe.WriteString(line)
			recipe.WriteByte('\n')
			continue
		}
		if line == "#" {
			cur = nil
			continue
		}
		if strings.HasPrefix(line, "#   ") {
			if cur == nil {
				return nil, errorf("continuation line without a key line above")
			}
			*cur += " " + strings.TrimSpace(line[1:])
			continue
		}
		key, val, ok := strings.Cut(strings.TrimPrefix(line, "# "), ": ")
		if !ok || !strings.HasPrefix(line, "# ") || strings.ContainsAny(key, " \t") {
			return nil, errorf("want \"# key: value\" or a continuation \"#   ...\", got %q", line)
		}
		val = strings.TrimSpace(val)
		switch key {
		case "what", "how", "capture", "kernel":
			if seen[key] {
				return nil, errorf("second %q line", key)
			}
			seen[key] = true
			cur = map[string]*string{"what": &sc.What, "how": &sc.How, "capture": &sc.Capture, "kernel": &sc.Kernel}[key]
			*cur = val
		case "socket", "sockets":
			f := strings.Fields(val)
			n := 1
			if key == "sockets" {
				if len(f) == 0 {
					return nil, errorf("sockets: want COUNT NS STATE LOCAL PEER")
				}
				var err error
				if n, err = strconv.Atoi(f[0]); err != nil || n < 1 {
					return nil, errorf("sockets: bad count %q", f[0])
				}
				f = f[1:]
			}
			if len(f) != 4 {
				return nil, errorf("%s: want %sNS STATE LOCAL PEER, got %q", key, map[bool]string{true: "COUNT "}[key == "sockets"], val)
			}
			if !states[f[1]] {
				return nil, errorf("%s: unknown state %q (want an RFC 9293 name, e.g. SYN-RECEIVED, ESTABLISHED)", key, f[1])
			}
			sc.Sockets = append(sc.Sockets, Socket{Count: n, NS: f[0], State: f[1], Local: f[2], Peer: f[3]})
			cur = nil
		case "flowtrace":
			if seen[key] {
				return nil, errorf("second %q line", key)
			}
			seen[key] = true
			sc.Flowtrace = strings.Fields(val)
			cur = nil
		case "finding":
			f := strings.Fields(val)
			if len(f) != 2 {
				return nil, errorf("finding: want KIND SUBJECT, got %q", val)
			}
			sc.Findings = append(sc.Findings, Finding{Kind: f[0], Subject: f[1]})
			cur = nil
		case "mismatch":
			mismatchLines = append(mismatchLines, val)
			cur = &mismatchLines[len(mismatchLines)-1]
		default:
			return nil, errorf("unknown key %q", key)
		}
	}
	if err := in.Err(); err != nil {
		return nil, fmt.Errorf("scenario: %s: %w", path, err)
	}
	for _, k := range []string{"what", "how", "capture", "kernel"} {
		if !seen[k] {
			return nil, fmt.Errorf("scenario: %s: no %q line", path, k)
		}
	}
	if len(strings.Fields(sc.Capture)) < 2 {
		return nil, fmt.Errorf("scenario: %s: capture: want NS IFACE [tool args], got %q", path, sc.Capture)
	}
	for _, v := range mismatchLines {
		cnt, rest, _ := strings.Cut(v, " ")
		n, err := strconv.Atoi(cnt)
		problem, reason, ok := strings.Cut(rest, "; ")
		if err != nil || n < 1 || !ok || strings.TrimSpace(problem) == "" || strings.TrimSpace(reason) == "" {
			return nil, fmt.Errorf("scenario: %s: mismatch: want COUNT PROBLEM; REASON, got %q", path, v)
		}
		sc.Mismatches = append(sc.Mismatches, Mismatch{Count: n, Problem: strings.TrimSpace(problem), Reason: strings.TrimSpace(reason)})
	}
	sc.Recipe = recipe.String()
	if !strings.Contains(sc.Recipe, "cap_here") || !strings.Contains(sc.Recipe, "finish") {
		return nil, fmt.Errorf("scenario: %s: the recipe never calls cap_here and finish", path)
	}
	sc.Quiet = defaultQuiet
	for _, l := range strings.Split(sc.Recipe, "\n") {
		f := strings.Fields(l)
		if len(f) == 2 && f[0] == "finish" {
			secs, err := strconv.ParseFloat(f[1], 64)
			if err != nil || secs < 0 {
				return nil, fmt.Errorf("scenario: %s: finish: want QUIET-SECONDS, got %q", path, f[1])
			}
			sc.Quiet = time.Duration(secs * float64(time.Second))
		}
	}
	return sc, nil
}

// LoadDir parses every *.scenario file in dir, sorted by name.
func LoadDir(dir string) ([]*Scenario, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.scenario"))
	if err != nil {
		return nil, fmt.Errorf("scenario: %w", err)
	}
	sort.Strings(files)
	var out []*Scenario
	for _, f := range files {
		s, err := ParseFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("scenario: no scenario files in %s", dir)
	}
	return out, nil
}

// CheckSockets compares the non-LISTEN sockets ss showed (each as NS,
// STATE, LOCAL, PEER) with the scenario's socket lines and returns one
// message per difference.
func (sc *Scenario) CheckSockets(got [][4]string) []string {
	used := make([]bool, len(got))
	var bad []string
	for _, want := range sc.Sockets {
		n := 0
		for i, g := range got {
			if !used[i] && want.Matches(g[0], g[1], g[2], g[3]) {
				used[i] = true
				n++
			}
		}
		if n != want.Count {
			bad = append(bad, fmt.Sprintf("%d sockets match %q, want %d", n, fmt.Sprintf("%s %s %s %s", want.NS, want.State, want.Local, want.Peer), want.Count))
		}
	}
	for i, g := range got {
		if !used[i] {
			bad = append(bad, fmt.Sprintf("kernel socket %s %s %s %s is not in the scenario's socket lines", g[0], g[1], g[2], g[3]))
		}
	}
	return bad
}

// CheckMismatches compares the problems TestKernelTruth found on a trace
// with the scenario's mismatch lines: every problem must match one line
// (the first that matches), and every line must match exactly its count.
// It returns one message per difference.
func (sc *Scenario) CheckMismatches(problems []string) []string {
	counts := make([]int, len(sc.Mismatches))
	var bad []string
	for _, p := range problems {
		found := false
		for i, m := range sc.Mismatches {
			if Match(m.Problem, p) {
				counts[i]++
				found = true
				break
			}
		}
		if !found {
			bad = append(bad, p)
		}
	}
	for i, m := range sc.Mismatches {
		if counts[i] != m.Count {
			bad = append(bad, fmt.Sprintf("known mismatch %q happened %d times, the scenario pins %d (%s): "+
				"if flowtrace now agrees with the kernel, shrink or remove the mismatch line in testdata/scenarios/%s.scenario",
				m.Problem, counts[i], m.Count, m.Reason, sc.Name))
		}
	}
	return bad
}

// Table returns the markdown table of scenarios for testdata/pcaps/README.md:
// name, packets (from packets, by name), what, how, kernel.
func Table(scens []*Scenario, packets map[string]int) string {
	var b strings.Builder
	b.WriteString("| name | packets | what happens | how it is produced | kernel at the end (non-LISTEN sockets) |\n")
	b.WriteString("|---|---|---|---|---|\n")
	for _, s := range scens {
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s |\n", s.Name, packets[s.Name], s.What, s.How, s.Kernel)
	}
	return b.String()
}
