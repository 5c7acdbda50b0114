package findings

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// OS fingerprinting: packets no TCP stack sends in ordinary use.
//
// Per packet, a flag combination that is illegal (SYN+FIN, SYN+RST,
// FIN+RST, NULL, Xmas: see illegalFlags), whether it opened no
// connection (a tracker probe) or belongs to one, and data on a bare SYN
// refused by a closed port, count against their sender; when a source
// has sent FingerprintPackets of them the finding fires. The episode
// lasts until the source has been quiet for ScanWindow. Sources live in
// a bounded table (maxScanSources).

type fingerprint struct {
	threshold int
	quiet     time.Duration
	srcs      *genMap[netip.Addr, fpSrc]
	active    []*fpSrc
}

type fpSrc struct {
	addr    netip.Addr
	n       int
	latest  time.Time
	first   time.Time
	firstPk uint64
	lastPk  uint64
	kinds   map[string]int
	targets map[netip.AddrPort]bool
	pkts    []uint64
	f       *Finding
}

func newFingerprint(cfg Config) *fingerprint {
	return &fingerprint{threshold: cfg.FingerprintPackets, quiet: cfg.ScanWindow,
		srcs: newGenMap[netip.Addr, fpSrc](maxScanSources)}
}

func (d *fingerprint) Name() string { return KindOSFingerprint }

// Packet implements PacketWatcher: illegal flags within a connection.
func (d *fingerprint) Packet(e *Engine, c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	if name, ok := illegalFlags(seg.Flags); ok {
		d.add(e, seg.Src, netip.AddrPortFrom(seg.Dst, seg.DstPort), name, seg.Time, seg.Pkt, 1)
	}
}

// Probe implements ProbeWatcher: illegal flags that opened nothing.
func (d *fingerprint) Probe(e *Engine, p *tracker.Probe) {
	if p.Proto != tracker.ProtoTCP {
		return // a UDP probe has no TCP flags
	}
	if name, ok := illegalFlags(p.Flags); ok {
		d.add(e, p.Prober.Addr(), p.Target, name, p.Time, p.Pkt, p.Count)
	}
}

// Done implements DoneWatcher: data on a bare SYN to a closed port.
func (d *fingerprint) Done(e *Engine, c *tracker.Conn) {
	o := tracker.Orig
	if c.Midstream() || c.Bytes(o) == 0 || c.Packets(tracker.Resp) == 0 || c.ConnState() != "REJ" {
		return
	}
	d.add(e, c.Addr(o).Addr(), c.Addr(tracker.Resp), "data on SYN to a closed port", c.First(), c.FirstPkt(), 1)
}

func (d *fingerprint) add(e *Engine, src netip.Addr, dst netip.AddrPort, name string, t time.Time, pkt uint64, n int) {
	s := d.srcs.get(src)
	if s == nil {
		s = &fpSrc{addr: src}
		d.srcs.put(src, s)
	}
	if s.kinds == nil {
		s.kinds, s.targets = map[string]int{}, map[netip.AddrPort]bool{}
		s.first, s.firstPk = t, pkt
	}
	s.n += n
	s.kinds[name] += n
	if len(s.targets) < maxListed {
		s.targets[dst] = true
	}
	if pkt != 0 && len(s.pkts) < maxSamples {
		s.pkts = append(s.pkts, pkt)
	}
	if t.After(s.latest) {
		s.latest, s.lastPk = t, pkt
	}
	if t.Before(s.first) {
		// Probes are reported when their answer is known, not always in
		// the order they were sent.
		s.first, s.firstPk = t, pkt
		if s.f != nil {
			s.f.FirstTime, s.f.FirstPkt = t, pkt
		}
	}
	if s.f == nil && s.n >= d.threshold {
		f := &Finding{Kind: KindOSFingerprint, Severity: Warning, Subject: Host(src),
			FirstTime: s.first, FirstPkt: s.firstPk,
			Summary: fmt.Sprintf("%s %s with illegal flags (%s)", Num(s.n), Plural(s.n, "packet", "packets"), name)}
		if e.Fire(f) {
			s.f = f
			d.active = append(d.active, s)
		}
	}
	if s.f != nil {
		s.f.LastTime, s.f.LastPkt = s.latest, s.lastPk
	}
}

// Tick implements Ticker.
func (d *fingerprint) Tick(e *Engine, now time.Time) {
	d.active = slices.DeleteFunc(d.active, func(s *fpSrc) bool {
		if now.Sub(s.latest) < d.quiet {
			return false
		}
		d.describe(s)
		e.End(s.f)
		*s = fpSrc{addr: s.addr, latest: s.latest}
		return true
	})
}

// End implements Ender: the records of episodes still open are
// completed before the engine ends them.
func (d *fingerprint) End(e *Engine) {
	for _, s := range d.active {
		d.describe(s)
	}
}

func (d *fingerprint) describe(s *fpSrc) {
	f := s.f
	kinds := sortedKeys(s.kinds)
	pkts := slices.Clone(s.pkts)
	slices.Sort(pkts)
	if pkts == nil {
		pkts = []uint64{}
	}
	f.Evidence.Reset()
	f.Evidence.Int("packets", int64(s.n)).
		Obj("combinations", func(in *Evidence) {
			for _, k := range kinds {
				in.Int(k, int64(s.kinds[k]))
			}
		}).
		Int("targets", int64(len(s.targets))).
		Uints("sample_pkts", pkts).
		Threshold("packets", d.threshold)
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%s %s", Num(s.kinds[k]), k))
	}
	f.Explanation = fmt.Sprintf("%s sent %s %s that no TCP stack sends in ordinary use (%s) to %s %s. Such packets probe how a stack answers the undefined: OS fingerprinting (nmap -O) or a stealth scan that relies on RFC 9293's rules for segments without ACK.",
		f.Subject, Num(s.n), Plural(s.n, "packet", "packets"), strings.Join(parts, ", "), Num(len(s.targets)), Plural(len(s.targets), "target", "targets"))
	f.Advice = "If the source is not your own scanner, drop packets with illegal flag combinations at the edge (most firewalls have a rule for it) and watch what it tries next."
}
