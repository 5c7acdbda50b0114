package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/flowtrace/flowtrace/golden"
	"github.com/flowtrace/flowtrace/internal/flagdoc"
	"github.com/flowtrace/flowtrace/printer"
	"github.com/flowtrace/flowtrace/verdict"
)

// exitAssert is the exit status of a run whose rules or golden
// comparison failed.
const exitAssert = 3

const groupCI = "CI (assertions, goldens, reports)"

// ciConfig holds the CI flags: rules, golden comparison, JUnit report.
type ciConfig struct {
	forbid, require, max, rulesFiles []string
	expect                           string
	update, stable                   bool
	junit                            string
	rules                            []*verdict.Rule
}

func addCIFlags(fs *pflag.FlagSet, c *ciConfig) {
	fs.StringArrayVar(&c.forbid, "forbid", nil, "fail (exit 3) if a connection or finding matches `RULE`, e.g. 'state=CLOSE-WAIT', 'finding=syn-flood', 'ended=reset by server and port=8080' (repeatable)")
	fs.StringArrayVar(&c.require, "require", nil, "fail unless every connection matches `RULE` ('closed=graceful'), or unless a count holds ('count(conn_state=SF) >= 10') (repeatable)")
	fs.StringArrayVar(&c.max, "max", nil, "fail if a measurement exceeds its limit: `RULE` is FIELD=LIMIT ('zero_windows=0', 'retransmissions=0.5%', 'handshake_rtt.p99=10ms') (repeatable)")
	fs.StringArrayVar(&c.rulesFiles, "rules", nil, "read rules from `FILE`: one forbid, require or max rule a line, # comments (repeatable)")
	fs.StringVar(&c.expect, "expect", "", "compare the output with `FILE` (with several inputs, a directory of NAME.golden files) and fail with a unified diff if it differs")
	fs.BoolVar(&c.update, "update", false, "with --expect, write the output to the expected file instead of comparing")
	fs.BoolVar(&c.stable, "stable", false, "output stable across captures of one scenario: times relative to the first packet, uids numbered, ephemeral ports masked")
	fs.StringVar(&c.junit, "junit", "", "write a JUnit XML report to `FILE`: a test case per rule per input")
	flagdoc.SetGroup(fs, groupCI, "forbid", "require", "max", "rules", "expect", "update", "stable", "junit")
	flagdoc.SetComplete(fs, "rules", flagdoc.CompleteFile)
	flagdoc.SetComplete(fs, "expect", flagdoc.CompleteFile)
	flagdoc.SetComplete(fs, "junit", flagdoc.CompleteFile)
}

// active reports whether any CI flag asks for a verdict.
func (c *ciConfig) active() bool {
	return len(c.rules) > 0 || c.expect != "" || c.junit != ""
}

// checkCIFlags parses the rules (a rule that cannot be parsed is a usage
// error that points at its column) and checks how the flags combine.
func checkCIFlags(fs *pflag.FlagSet, c *config) error {
	ci := &c.ci
	for _, x := range []struct {
		verb verdict.Verb
		vals []string
	}{{verdict.Forbid, ci.forbid}, {verdict.Require, ci.require}, {verdict.Max, ci.max}} {
		for _, v := range x.vals {
			r, err := verdict.Parse(x.verb, v, "--"+x.verb.String())
			if err != nil {
				return &usageError{err.Error()}
			}
			ci.rules = append(ci.rules, r)
		}
	}
	for _, name := range ci.rulesFiles {
		f, err := os.Open(name)
		if err != nil {
			return usagef("--rules: %v", err)
		}
		rs, err := verdict.ParseRules(f, name)
		f.Close()
		if err != nil {
			return &usageError{err.Error()}
		}
		ci.rules = append(ci.rules, rs...)
	}
	switch {
	case ci.update && ci.expect == "":
		return usagef("--update rewrites the file --expect names: give --expect FILE")
	case (ci.active() || ci.stable) && c.live.iface != "":
		return usagef("--forbid, --require, --max, --rules, --expect, --stable and --junit check a capture file: capture with -i %s -w FILE, then check it with -r FILE", c.live.iface)
	case ci.expect != "" && len(c.inputs) > 1 && !isDir(ci.expect):
		return usagef("--expect with several inputs needs a directory (for NAME.golden files), and %s is not one", ci.expect)
	}
	if ci.stable {
		c.utc = true // the zone is named in the output; the times are relative anyway
		if !fs.Changed("timestamps") {
			c.tstamp = int(printer.TimeSinceFirst)
		}
	}
	return nil
}

func isDir(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir()
}

// expandInputs turns the -r values into files: a value naming no file
// and holding *, ? or [ is a glob, expanded in sorted order.
func expandInputs(vals []string) ([]string, error) {
	var out []string
	for _, v := range vals {
		if v == "-" || !strings.ContainsAny(v, "*?[") {
			out = append(out, v)
			continue
		}
		if _, err := os.Stat(v); err == nil {
			out = append(out, v)
			continue
		}
		m, err := filepath.Glob(v)
		if err != nil {
			return nil, usagef("-r %s: bad pattern: %v", v, err)
		}
		if len(m) == 0 {
			return nil, usagef("-r %s: no file matches", v)
		}
		out = append(out, m...)
	}
	return out, nil
}

// assertError is a run whose checks failed: exit 3.
type assertError struct{ failed, total int }

func (e *assertError) Error() string {
	return fmt.Sprintf("%d of %d inputs failed their checks", e.failed, e.total)
}

// analyseAll analyses every input in turn. Without CI flags and with one
// input it is analyse; otherwise each input gets its verdict on stderr,
// then the overall one, and the JUnit report is written.
func analyseAll(ctx context.Context, cfg *config, stdin io.Reader, stdout, stderr io.Writer) error {
	ci := &cfg.ci
	if len(cfg.inputs) == 1 && !ci.active() && !ci.stable {
		return analyse(ctx, cfg, stdin, stdout, stderr, nil)
	}
	var suites []verdict.Suite
	var lastErr error
	failed, errored := 0, 0
	for i, in := range cfg.inputs {
		cfg.read = in
		s, err := analyseOne(ctx, cfg, i, stdin, stdout, stderr)
		if err != nil {
			var ue *usageError
			if errors.As(err, &ue) || ctx.Err() != nil {
				return err
			}
		}
		if s.Err != nil {
			errored++
			lastErr = s.Err
		}
		if !s.Pass() {
			failed++
		}
		if ci.active() {
			s.WriteText(stderr)
		} else if s.Err != nil {
			fmt.Fprintf(stderr, "flowtrace: %v\n", s.Err)
		}
		suites = append(suites, s)
	}
	if ci.active() && len(cfg.inputs) > 1 {
		fmt.Fprintf(stderr, "flowtrace: %d inputs: %d passed, %d failed\n", len(cfg.inputs), len(cfg.inputs)-failed, failed)
	}
	if ci.junit != "" {
		if err := writeJUnit(ci.junit, suites); err != nil {
			return err
		}
	}
	switch {
	case errored > 0:
		if len(cfg.inputs) == 1 {
			return lastErr
		}
		return fmt.Errorf("%d of %d inputs could not be read to their end", errored, len(cfg.inputs))
	case failed > 0 && ci.active():
		return &assertError{failed, len(cfg.inputs)}
	}
	return nil
}

func writeJUnit(name string, suites []verdict.Suite) error {
	var b bytes.Buffer
	if err := verdict.WriteJUnit(&b, suites); err != nil {
		return err
	}
	if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
		return fmt.Errorf("--junit: %w", err)
	}
	return nil
}

// analyseOne analyses the input cfg.read (number i) and returns its verdict. The
// error is a usage error or cancellation, which stop the run; a runtime
// error is the suite's Err.
func analyseOne(ctx context.Context, cfg *config, i int, stdin io.Reader, stdout, stderr io.Writer) (verdict.Suite, error) {
	ci := &cfg.ci
	s := verdict.Suite{Name: cfg.read}
	col := verdict.NewCollector(cfg.tunnelTable().Lookup)
	var buf bytes.Buffer
	out := stdout
	buffered := ci.expect != "" || ci.stable
	if buffered {
		out = &buf
	} else if len(cfg.inputs) > 1 && !cfg.json {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "==> %s <==\n", cfg.read)
	}
	err := analyse(ctx, cfg, stdin, out, stderr, col)
	var ue *usageError
	if errors.As(err, &ue) || err != nil && ctx.Err() != nil {
		return s, err
	}
	s.Err = err
	// Findings reach the collector through the engine's sink (analyse);
	// with --no-findings there are none, and finding= rules see none.
	in := verdict.Input{Name: cfg.read, Conns: col.Conns(), Findings: col.Findings()}
	s.Results = verdict.Evaluate(ci.rules, &in)
	if !buffered {
		return s, nil
	}
	got := buf.Bytes()
	if ci.stable {
		got = golden.Mask(got, golden.Options{Ports: ephemeralPorts(col.Conns())})
	}
	if ci.expect == "" {
		_, err := stdout.Write(got)
		return s, err
	}
	s.Golden = compareGolden(expectPath(cfg), got, ci.update)
	if s.Golden.Err != nil && s.Err == nil {
		s.Err = s.Golden.Err
	}
	return s, nil
}

// expectPath is the expected output of the input cfg.read: --expect
// itself, or DIR/NAME.golden when --expect is a directory.
func expectPath(cfg *config) string {
	e := cfg.ci.expect
	if !isDir(e) {
		return e
	}
	base := filepath.Base(cfg.read)
	return filepath.Join(e, strings.TrimSuffix(base, filepath.Ext(base))+".golden")
}

// compareGolden compares got with the file name, or rewrites it.
func compareGolden(name string, got []byte, update bool) *verdict.Golden {
	g := &verdict.Golden{File: name}
	if update {
		if err := os.WriteFile(name, got, 0o644); err != nil {
			g.Err = fmt.Errorf("--update: %w", err)
			return g
		}
		g.Pass, g.Updated = true, true
		return g
	}
	want, err := os.ReadFile(name)
	if err != nil {
		g.Err = fmt.Errorf("--expect: %w (create it with --update)", err)
		return g
	}
	g.Diff = golden.Diff(name, "output", want, got)
	g.Pass = g.Diff == ""
	return g
}

// ephemeralPorts are the clients' ports at or above 1024: those a new
// capture of the same scenario changes.
func ephemeralPorts(conns []verdict.Conn) map[uint16]bool {
	ps := map[uint16]bool{}
	for _, c := range conns {
		if p, ok := c.Fields["orig_p"].(float64); ok && p >= 1024 {
			ps[uint16(p)] = true
		}
	}
	return ps
}
