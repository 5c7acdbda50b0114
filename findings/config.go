package findings

import "time"

// Defaults of the detectors' thresholds (each is a flag of flowtrace's
// "Findings" group).
const (
	// DefaultSynFloodHalfOpen half-open connections to one service that
	// started within DefaultSynFloodWindow make a SYN flood.
	DefaultSynFloodHalfOpen = 100
	DefaultSynFloodWindow   = 10 * time.Second
	// DefaultScanTargets distinct ports or hosts (host:port pairs)
	// probed by one source within DefaultScanWindow make a port scan.
	DefaultScanTargets = 20
	DefaultScanWindow  = 60 * time.Second
	// DefaultFingerprintPackets packets with an illegal flag combination
	// from one source make a fingerprinting attempt.
	DefaultFingerprintPackets = 1

	// DefaultCloseWaitAge: a CLOSE-WAIT this old is a leak.
	DefaultCloseWaitAge = 10 * time.Second
	// DefaultFinWait2Age: a FIN-WAIT-2 this old (Linux tcp_fin_timeout)
	// is stuck.
	DefaultFinWait2Age = 60 * time.Second
	// DefaultStuckRetransmits FIN (or SYN) retransmissions without an
	// answer make FIN-WAIT-1, LAST-ACK (or SYN-SENT) stuck.
	DefaultStuckRetransmits = 3
	// DefaultHalfDeadKeepAlives unanswered keep-alives make a half-dead
	// connection.
	DefaultHalfDeadKeepAlives = 2
	// DefaultTimeWaitPile endpoints in TIME-WAIT at once on one host (or
	// service) make a pile.
	DefaultTimeWaitPile = 1000
	// DefaultEphemeralFirst and DefaultEphemeralLast are Linux's
	// ephemeral port range (net.ipv4.ip_local_port_range).
	DefaultEphemeralFirst = 32768
	DefaultEphemeralLast  = 60999
	// DefaultRSTTTLDelta: a RST whose TTL differs by more than this from
	// every earlier packet of its claimed sender did not come from it.
	DefaultRSTTTLDelta = 2
	// DefaultFragmentIncomplete fragment trains from one source that
	// never complete make a finding.
	DefaultFragmentIncomplete = 1
	// DefaultFragmentScanTargets distinct targets of fragmented bare
	// probes from one source make a fragment scan.
	DefaultFragmentScanTargets = 3
)

// Config holds every detector's thresholds. Zero values select the
// defaults.
type Config struct {
	// Tick is how often periodic checks run on the capture clock.
	Tick time.Duration

	SynFloodHalfOpen int
	SynFloodWindow   time.Duration

	ScanTargets int
	ScanWindow  time.Duration

	FingerprintPackets int

	CloseWaitAge       time.Duration
	FinWait2Age        time.Duration
	StuckRetransmits   int
	HalfDeadKeepAlives int

	TimeWaitPile                  int
	EphemeralFirst, EphemeralLast int

	RSTTTLDelta int

	FragmentIncomplete  int
	FragmentScanTargets int
}

// withDefaults fills in the zero values.
func (c Config) withDefaults() Config {
	if c.Tick <= 0 {
		c.Tick = DefaultTick
	}
	if c.SynFloodHalfOpen <= 0 {
		c.SynFloodHalfOpen = DefaultSynFloodHalfOpen
	}
	if c.SynFloodWindow <= 0 {
		c.SynFloodWindow = DefaultSynFloodWindow
	}
	if c.ScanTargets <= 0 {
		c.ScanTargets = DefaultScanTargets
	}
	if c.ScanWindow <= 0 {
		c.ScanWindow = DefaultScanWindow
	}
	if c.FingerprintPackets <= 0 {
		c.FingerprintPackets = DefaultFingerprintPackets
	}
	if c.CloseWaitAge <= 0 {
		c.CloseWaitAge = DefaultCloseWaitAge
	}
	if c.FinWait2Age <= 0 {
		c.FinWait2Age = DefaultFinWait2Age
	}
	if c.StuckRetransmits <= 0 {
		c.StuckRetransmits = DefaultStuckRetransmits
	}
	if c.HalfDeadKeepAlives <= 0 {
		c.HalfDeadKeepAlives = DefaultHalfDeadKeepAlives
	}
	if c.TimeWaitPile <= 0 {
		c.TimeWaitPile = DefaultTimeWaitPile
	}
	if c.EphemeralFirst <= 0 || c.EphemeralLast < c.EphemeralFirst {
		c.EphemeralFirst, c.EphemeralLast = DefaultEphemeralFirst, DefaultEphemeralLast
	}
	if c.RSTTTLDelta <= 0 {
		c.RSTTTLDelta = DefaultRSTTTLDelta
	}
	if c.FragmentIncomplete <= 0 {
		c.FragmentIncomplete = DefaultFragmentIncomplete
	}
	if c.FragmentScanTargets <= 0 {
		c.FragmentScanTargets = DefaultFragmentScanTargets
	}
	return c
}

// New returns an Engine running every standard detector with cfg's
// thresholds, reporting to sink.
func New(cfg Config, sink Sink) *Engine {
	cfg = cfg.withDefaults()
	e := NewEngine(sink, cfg.Tick)
	s := &std{flood: newSynFlood(cfg), scan: newScan(cfg), fp: newFingerprint(cfg), stuck: newStuck(cfg),
		tw: newTimeWait(cfg), rst: newRST(cfg)}
	e.Register(s.flood)
	e.Register(s.scan)
	e.Register(s.fp)
	e.Register(s.stuck)
	e.Register(s.tw)
	e.Register(s.rst)
	e.Register(newFragments(cfg))
	e.useStd(s)
	return e
}
