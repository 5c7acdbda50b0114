package main

import (
	"time"

	"github.com/spf13/pflag"

	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/internal/flagdoc"
	"github.com/flowtrace/flowtrace/report"
	"github.com/flowtrace/flowtrace/tracker"
)

const groupReport = "HTML report"

// reportConfig is the report flags.
type reportConfig struct {
	path  string   // --report FILE
	conns []string // --report-conns UID,...
}

// addReportFlags defines the report flags, bound to c.
func addReportFlags(fs *pflag.FlagSet, c *reportConfig) {
	fs.StringVar(&c.path, "report", "", "also write a self-contained HTML report to `FILE`: ladder diagrams, endpoint states over time, new connections by outcome, findings, a connection table (live: written when the capture ends)")
	fs.StringSliceVar(&c.conns, "report-conns", nil, "always draw the ladders of connections `UID` in the report (besides the first to end, the slowest, the most retransmitting and those findings cite); repeatable, comma-separated")
	flagdoc.SetGroup(fs, groupReport, "report", "report-conns")
	flagdoc.SetComplete(fs, "report", flagdoc.CompleteFile)
}

// checkReportFlags checks the report flags.
func checkReportFlags(fs *pflag.FlagSet, c *reportConfig) error {
	if fs.Changed("report") && c.path == "" {
		return usagef("--report needs a file name")
	}
	if len(c.conns) > 0 && c.path == "" {
		return usagef("--report-conns needs --report FILE")
	}
	for _, u := range c.conns {
		if !isUID(u) {
			return usagef("--report-conns: %q is not a connection uid (C and 17 letters or digits, as the connection table's uid column shows)", u)
		}
	}
	return nil
}

// isUID reports whether s has the form of a tracker.UID.
func isUID(s string) bool {
	if len(s) != len(tracker.UID{}) || s[0] != 'C' {
		return false
	}
	for i := 1; i < len(s); i++ {
		b := s[i]
		if !(b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z') {
			return false
		}
	}
	return true
}

// withReport creates the --report file, if asked for, and attaches the
// report to obs and to the findings sink. The report is nil without the
// flag.
func withReport(cfg *config, input string, obs tracker.Observer, sink findings.Sink) (tracker.Observer, findings.Sink, *report.Report, error) {
	if cfg.report.path == "" {
		return obs, sink, nil, nil
	}
	loc := time.Local
	if cfg.utc {
		loc = time.UTC
	}
	if input == "-" {
		input = "standard input"
	}
	r, err := report.New(cfg.report.path, cfg.report.conns, report.Meta{Input: input, Version: versionString(version), Location: loc}, report.DefaultLimits())
	if err != nil {
		return nil, nil, nil, err
	}
	return tracker.Tee(obs, r), findings.Tee(sink, r), r, nil
}
