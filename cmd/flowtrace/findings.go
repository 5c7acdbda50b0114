package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/flowtrace/flowtrace/capture"
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
	// ephemeral is --ephemeral-ports, parsed into cfg by checkFindingsFlags.
	ephemeral string
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
	fs.DurationVar(&c.cfg.CloseWaitAge, "close-wait-age", findings.DefaultCloseWaitAge, "close-wait-leak fires for connections in CLOSE-WAIT this long (the application never called close), grouped by service")
	fs.DurationVar(&c.cfg.FinWait2Age, "fin-wait-2-age", findings.DefaultFinWait2Age, "fin-wait-2-stuck fires for a FIN-WAIT-2 this old with no FIN from the peer (or ended by the orphan timeout, --fin-timeout)")
	fs.IntVar(&c.cfg.StuckRetransmits, "stuck-retransmits", findings.DefaultStuckRetransmits, "fin-wait-1-stuck, last-ack-stuck and syn-sent-stuck fire when an endpoint retransmitted its FIN (SYN) this many times and is still waiting")
	fs.IntVar(&c.cfg.HalfDeadKeepAlives, "half-dead-keepalives", findings.DefaultHalfDeadKeepAlives, "half-dead fires when this many keep-alives in a row went unanswered before a RST (or the input's end)")
	fs.IntVar(&c.cfg.TimeWaitPile, "time-wait-pile", findings.DefaultTimeWaitPile, "time-wait-pile fires when a client host (or a server service) holds this many endpoints in TIME-WAIT at once")
	fs.StringVar(&c.ephemeral, "ephemeral-ports", fmt.Sprintf("%d-%d", findings.DefaultEphemeralFirst, findings.DefaultEphemeralLast), "the clients' ephemeral port range FIRST-LAST, for the share of it a TIME-WAIT pile uses (Linux net.ipv4.ip_local_port_range)")
	fs.IntVar(&c.cfg.FragmentIncomplete, "fragment-incomplete", findings.DefaultFragmentIncomplete, "fragment-incomplete fires when one source has this many IP fragment trains that never complete (timed out, or open at the input's end)")
	fs.IntVar(&c.cfg.FragmentScanTargets, "fragment-scan-targets", findings.DefaultFragmentScanTargets, "fragment-scan fires when one source sends bare TCP probes (SYN, FIN, NULL, Xmas) in IP fragments to this many host:port targets")
	fs.IntVar(&c.cfg.RSTTTLDelta, "rst-ttl-delta", findings.DefaultRSTTTLDelta, "rst-injection and middlebox-reset: a RST whose TTL (hop limit) lies more than this outside its claimed sender's earlier TTLs was sent by someone else")
	flagdoc.SetGroup(fs, groupFindings, "findings", "no-findings", "syn-flood-half-open", "syn-flood-window", "scan-targets", "scan-window", "fingerprint-packets",
		"close-wait-age", "fin-wait-2-age", "stuck-retransmits", "half-dead-keepalives", "time-wait-pile", "ephemeral-ports", "rst-ttl-delta", "fragment-incomplete", "fragment-scan-targets")
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
	case c.cfg.CloseWaitAge <= 0:
		return usagef("--close-wait-age must be positive, not %v", c.cfg.CloseWaitAge)
	case c.cfg.FinWait2Age <= 0:
		return usagef("--fin-wait-2-age must be positive, not %v", c.cfg.FinWait2Age)
	case c.cfg.StuckRetransmits <= 0:
		return usagef("--stuck-retransmits must be positive, not %d", c.cfg.StuckRetransmits)
	case c.cfg.HalfDeadKeepAlives <= 0:
		return usagef("--half-dead-keepalives must be positive, not %d", c.cfg.HalfDeadKeepAlives)
	case c.cfg.TimeWaitPile <= 0:
		return usagef("--time-wait-pile must be positive, not %d", c.cfg.TimeWaitPile)
	case c.cfg.FragmentIncomplete <= 0:
		return usagef("--fragment-incomplete must be positive, not %d", c.cfg.FragmentIncomplete)
	case c.cfg.FragmentScanTargets <= 0:
		return usagef("--fragment-scan-targets must be positive, not %d", c.cfg.FragmentScanTargets)
	case c.cfg.RSTTTLDelta <= 0:
		return usagef("--rst-ttl-delta must be positive, not %d", c.cfg.RSTTTLDelta)
	}
	first, last, ok := parsePortRange(c.ephemeral)
	if !ok {
		return usagef("--ephemeral-ports: want FIRST-LAST with 1 <= FIRST <= LAST <= 65535, not %q", c.ephemeral)
	}
	c.cfg.EphemeralFirst, c.cfg.EphemeralLast = first, last
	return nil
}

// parsePortRange parses "FIRST-LAST".
func parsePortRange(s string) (first, last int, ok bool) {
	a, b, found := strings.Cut(s, "-")
	if !found {
		return 0, 0, false
	}
	first, err1 := strconv.Atoi(a)
	last, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || first < 1 || last > 65535 || first > last {
		return 0, 0, false
	}
	return first, last, true
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

// feedFragments makes rd's fragment events reach the engine e (none
// without one).
func feedFragments(rd *capture.Reader, e *findings.Engine) {
	if e == nil {
		return
	}
	q := new(findings.FragmentQueue)
	e.SetFragments(q)
	rd.SetFragObserver(fragmentFeed{q})
}

// fragmentFeed turns capture's fragment events into the findings'.
type fragmentFeed struct{ q *findings.FragmentQueue }

func (f fragmentFeed) Fragment(ev *capture.FragEvent) {
	x := &ev.Example
	f.q.Add(findings.FragmentEvent{
		Kind: findings.FragmentKind(ev.Kind), Src: x.Src, Dst: x.Dst, ID: x.ID, First: x.First, FirstPkt: x.FirstPkt,
		Time: ev.Time, Pkt: ev.Pkt, TimedOut: ev.TimedOut, Conflict: x.Conflict,
		DstPort: ev.DstPort, Flags: ev.Flags, PayloadLen: ev.PayloadLen,
	})
}

// sinkOf returns p as a findings.Sink, or nil if it is not one.
func sinkOf(p any) findings.Sink {
	s, _ := p.(findings.Sink)
	return s
}
