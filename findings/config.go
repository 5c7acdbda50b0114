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
	return c
}

// New returns an Engine running every standard detector with cfg's
// thresholds, reporting to sink.
func New(cfg Config, sink Sink) *Engine {
	cfg = cfg.withDefaults()
	e := NewEngine(sink, cfg.Tick)
	e.Register(newSynFlood(cfg))
	e.Register(newScan(cfg))
	e.Register(newFingerprint(cfg))
	return e
}
