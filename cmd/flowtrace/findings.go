package main

import (
	"github.com/spf13/pflag"

	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/internal/flagdoc"
	"github.com/flowtrace/flowtrace/tracker"
)

const groupFindings = "Findings"

// findingsConfig is the findings flags.
type findingsConfig struct {
	only bool // --findings: print only findings
	off  bool // --no-findings
	cfg  findings.Config
}

// addFindingsFlags defines the findings flags, bound to c.
func addFindingsFlags(fs *pflag.FlagSet, c *findingsConfig) {
	fs.BoolVar(&c.only, "findings", false, "print only findings: the text findings section (and markers), or only the JSON finding records")
	fs.BoolVar(&c.off, "no-findings", false, "run no detector: no finding markers, section or records")
	fs.IntVar(&c.cfg.SynFloodHalfOpen, "syn-flood-half-open", findings.DefaultSynFloodHalfOpen, "syn-flood fires when a service has this many half-open connections (SYN seen, handshake not complete) started within --syn-flood-window")
	fs.DurationVar(&c.cfg.SynFloodWindow, "syn-flood-window", findings.DefaultSynFloodWindow, "the sliding window of --syn-flood-half-open, on the capture clock")
	fs.IntVar(&c.cfg.ScanTargets, "scan-targets", findings.DefaultScanTargets, "port-scan fires when one source probes this many distinct host:port targets within --scan-window (probes: FIN, NULL, Xmas, ACK or illegal segments that opened no connection; SYN or connect attempts that carried no data)")
	fs.DurationVar(&c.cfg.ScanWindow, "scan-window", findings.DefaultScanWindow, "the sliding window of --scan-targets, on the capture clock; a scan or fingerprinting episode ends after a quiet window")
	fs.IntVar(&c.cfg.FingerprintPackets, "fingerprint-packets", findings.DefaultFingerprintPackets, "os-fingerprint fires when one source has sent this many packets with an illegal flag combination (SYN+FIN, SYN+RST, FIN+RST, NULL, Xmas) or data on a SYN refused by a closed port")
	flagdoc.SetGroup(fs, groupFindings, "findings", "no-findings", "syn-flood-half-open", "syn-flood-window", "scan-targets", "scan-window", "fingerprint-packets")
}

// checkFindingsFlags checks the findings flags.
func checkFindingsFlags(c *findingsConfig) error {
	switch {
	case c.only && c.off:
		return usagef("--findings and --no-findings are exclusive")
	case c.cfg.SynFloodHalfOpen <= 0:
		return usagef("--syn-flood-half-open must be positive, not %d", c.cfg.SynFloodHalfOpen)
	case c.cfg.SynFloodWindow <= 0:
		return usagef("--syn-flood-window must be positive, not %v", c.cfg.SynFloodWindow)
	case c.cfg.ScanTargets <= 0:
		return usagef("--scan-targets must be positive, not %d", c.cfg.ScanTargets)
	case c.cfg.ScanWindow <= 0:
		return usagef("--scan-window must be positive, not %v", c.cfg.ScanWindow)
	case c.cfg.FingerprintPackets <= 0:
		return usagef("--fingerprint-packets must be positive, not %d", c.cfg.FingerprintPackets)
	}
	return nil
}

// withFindings puts the findings engine after obs, reporting to sink (the
// printer), unless --no-findings or the output takes no findings (sink
// nil, as --watch). It returns the observer to give the tracker and the
// engine (nil without one).
func withFindings(c *findingsConfig, obs tracker.Observer, sink findings.Sink) (tracker.Observer, *findings.Engine) {
	if c.off || sink == nil {
		return obs, nil
	}
	e := findings.New(c.cfg, sink)
	return findings.Chain(obs, e), e
}

// sinkOf returns p as a findings.Sink, or nil if it is not one.
func sinkOf(p any) findings.Sink {
	s, _ := p.(findings.Sink)
	return s
}
