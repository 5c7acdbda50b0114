package findings

import (
	"fmt"
	"math"
	"net/netip"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// IP fragments: the reassembler's events (capture.FragObserver, adapted
// by the command into FragmentEvents and queued in a FragmentQueue,
// since the reader may run ahead on another goroutine). The engine takes
// an event from the queue just before the first segment with a later
// packet number, so it lands where it happened in the transcript.
//
//   - fragment-incomplete: a source's trains that never completed (held
//     until the reassembly timer, or open at the input's end), from
//     FragIncomplete trains on.
//   - fragment-tiny: a first fragment holding less than the 20-byte TCP
//     header (RFC 1858 §3), which splits the ports or flags away from
//     what a filter inspects. One is enough.
//   - fragment-overlap: fragments overlapping bytes already held with
//     different bytes (RFC 3128, Teardrop-style): one is enough.
//   - fragment-scan: a source whose fragmented TCP segments are bare
//     probes (SYN, FIN, NULL, Xmas, no payload, no ACK) to
//     FragmentScanTargets distinct host:port targets: nmap -f.
//
// Sources live in a bounded table; a finding's episode lasts until the
// input's end.

// FragmentKind says what a FragmentEvent reports.
type FragmentKind uint8

// The fragment events (those of capture.FragEventKind).
const (
	FragIncomplete FragmentKind = iota + 1
	FragTiny
	FragOverlap
	FragTCP
)

// FragmentEvent is one event of the IP reassembler.
type FragmentEvent struct {
	Kind     FragmentKind
	Src, Dst netip.Addr
	ID       uint32    // the train's IP identification
	First    time.Time // its first fragment
	FirstPkt uint64
	// Time and Pkt are where it happened (Pkt 0: at the input's end).
	Time     time.Time
	Pkt      uint64
	TimedOut bool // FragIncomplete: by the reassembly timer
	Conflict bool // FragOverlap: the overlapping bytes differed
	// FragTCP: the reassembled segment's.
	DstPort    uint16
	Flags      segment.Flags
	PayloadLen int
}

// FragmentQueue carries fragment events from the reader to the engine.
// Add is safe to call from another goroutine than the engine's.
type FragmentQueue struct {
	mu  sync.Mutex
	n   atomic.Int32
	evs []FragmentEvent
	out []FragmentEvent // the engine's scratch
}

// Add queues ev.
func (q *FragmentQueue) Add(ev FragmentEvent) {
	q.mu.Lock()
	q.evs = append(q.evs, ev)
	q.n.Store(int32(len(q.evs)))
	q.mu.Unlock()
}

// take moves the events that happened at or before packet pkt, or
// (when t is not zero) at or before time t, to q.out and returns them;
// those of the input's end (packet 0) only when pkt is math.MaxUint64.
func (q *FragmentQueue) take(pkt uint64, t time.Time) []FragmentEvent {
	q.out = q.out[:0]
	if q.n.Load() == 0 {
		return q.out
	}
	q.mu.Lock()
	i := 0
	for ; i < len(q.evs); i++ {
		ev := &q.evs[i]
		at := ev.Pkt
		if at == 0 {
			at = math.MaxUint64 // the input's end
		}
		if at > pkt && (t.IsZero() || ev.Pkt == 0 || ev.Time.After(t)) {
			break
		}
	}
	q.out = append(q.out, q.evs[:i]...)
	q.evs = q.evs[:copy(q.evs, q.evs[i:])]
	q.n.Store(int32(len(q.evs)))
	q.mu.Unlock()
	return q.out
}

// FragmentWatcher sees every fragment event.
type FragmentWatcher interface {
	Fragment(e *Engine, ev *FragmentEvent)
}

const (
	maxFragSources = 4096
	maxFragTargets = 64 // distinct targets remembered per scanning source
)

type fragTarget struct {
	dst  netip.Addr
	port uint16
}

type fragSource struct {
	incomplete, timedOut int
	tiny, overlaps       int
	probes               int
	targets              []fragTarget
	ports                []uint64
	ids                  []uint64 // sample first-fragment packets
	first                time.Time
	firstPkt, lastFirst  uint64 // the first and latest first fragment of incomplete trains
	f                    [4]*Finding
}

type fragments struct {
	cfg     Config
	sources *genMap[netip.Addr, fragSource]
	atEnd   []netip.Addr // sources with trains open at the input's end, in order
}

func newFragments(cfg Config) *fragments {
	return &fragments{cfg: cfg, sources: newGenMap[netip.Addr, fragSource](maxFragSources)}
}

func (d *fragments) Name() string { return "fragments" }

// Fragment implements FragmentWatcher.
func (d *fragments) Fragment(e *Engine, ev *FragmentEvent) {
	if ev.Kind == FragTCP && !bareProbe(ev) {
		return
	}
	src := ev.Src.Unmap()
	s := d.sources.getOrNew(src)
	i := -1
	switch ev.Kind {
	case FragIncomplete:
		i = 0
		s.incomplete++
		if ev.TimedOut {
			s.timedOut++
		}
		if len(s.ids) < maxSamples {
			s.ids = append(s.ids, ev.FirstPkt)
		}
		s.lastFirst = max(s.lastFirst, ev.FirstPkt)
		if ev.Pkt == 0 && s.f[i] == nil {
			// Open at the input's end: the batch is counted first, and
			// End fires it.
			if s.first.IsZero() {
				s.first, s.firstPkt = ev.First, ev.FirstPkt
				d.atEnd = append(d.atEnd, src)
			}
			return
		}
		if s.incomplete >= d.cfg.FragmentIncomplete {
			d.fire(e, s, i, KindFragmentIncomplete, Warning, Host(src), ev)
		}
	case FragTiny:
		i = 1
		s.tiny++
		d.fire(e, s, i, KindFragmentTiny, Alert, Host(src), ev)
	case FragOverlap:
		if !ev.Conflict {
			return
		}
		i = 2
		s.overlaps++
		d.fire(e, s, i, KindFragmentOverlap, Alert, Host(src), ev)
	case FragTCP:
		i = 3
		s.probes++
		t := fragTarget{ev.Dst.Unmap(), ev.DstPort}
		if !slices.Contains(s.targets, t) && len(s.targets) < maxFragTargets {
			s.targets = append(s.targets, t)
			if len(s.ports) < fragListed {
				s.ports = append(s.ports, uint64(ev.DstPort))
			}
		}
		if len(s.targets) >= d.cfg.FragmentScanTargets {
			d.fire(e, s, i, KindFragmentScan, Alert, Host(src), ev)
		}
	}
	if i >= 0 && s.f[i] != nil && !s.f[i].ended {
		f := s.f[i]
		f.LastTime = ev.Time
		if ev.Pkt != 0 {
			f.LastPkt = ev.Pkt
		}
		d.describe(f, s, ev)
	}
}

// End implements Ender: the trains still open at the input's end.
func (d *fragments) End(e *Engine) {
	for _, src := range d.atEnd {
		s := d.sources.get(src)
		if s == nil || s.f[0] != nil || s.incomplete < d.cfg.FragmentIncomplete {
			continue
		}
		ev := &FragmentEvent{Kind: FragIncomplete, Src: src, First: s.first, FirstPkt: s.firstPkt, Time: e.Now()}
		d.fire(e, s, 0, KindFragmentIncomplete, Warning, Host(src), ev)
		if f := s.f[0]; f != nil {
			f.LastTime, f.LastPkt = e.Now(), s.lastFirst
		}
	}
	d.atEnd = nil
}

// bareProbe reports whether a reassembled segment is a scan probe: no
// payload, no ACK, and SYN alone, FIN, NULL or Xmas.
func bareProbe(ev *FragmentEvent) bool {
	if ev.PayloadLen > 0 || ev.Flags&(segment.ACK|segment.RST) != 0 {
		return false
	}
	f := ev.Flags &^ (segment.ECE | segment.CWR)
	return f == segment.SYN || f&segment.FIN != 0 || f == 0
}

func (d *fragments) fire(e *Engine, s *fragSource, i int, kind string, sev Severity, subj string, ev *FragmentEvent) {
	if s.f[i] != nil {
		return
	}
	f := &Finding{Kind: kind, Severity: sev, Subject: subj, FirstTime: ev.First, FirstPkt: ev.FirstPkt}
	if ev.FirstPkt == 0 {
		f.FirstTime, f.FirstPkt = ev.Time, ev.Pkt
	}
	d.describe(f, s, ev)
	if e.Fire(f) {
		s.f[i] = f
	}
}

// fragListed bounds the ports listed in a fragment-scan record.
const fragListed = 20

func (d *fragments) describe(f *Finding, s *fragSource, ev *FragmentEvent) {
	f.Evidence.Reset()
	switch f.Kind {
	case KindFragmentIncomplete:
		f.Evidence.Int("trains", int64(s.incomplete)).Int("timed_out", int64(s.timedOut)).
			Uints("first_pkts", s.ids).Threshold("trains", d.cfg.FragmentIncomplete)
		f.Summary = fmt.Sprintf("%s fragment %s never completed", Num(s.incomplete), Plural(s.incomplete, "train", "trains"))
		how := fmt.Sprintf("%s timed out on the reassembly timer, the rest were still open when the input ended", Num(s.timedOut))
		switch s.timedOut {
		case 0:
			how = "still open when the input ended"
		case s.incomplete:
			how = "timed out on the reassembly timer"
		}
		f.Explanation = fmt.Sprintf("%s sent %s fragment %s that never completed (%s): the receiver holds every such train in memory until its timer (30 s for IPv4, 60 s for IPv6 on Linux). Lone first fragments with nothing after them are a classic way to exhaust reassembly memory.",
			f.Subject, Num(s.incomplete), Plural(s.incomplete, "train", "trains"), how)
		f.Advice = "If the source is not a host behind a lossy path, drop its fragments at the edge; on Linux, net.ipv4.ipfrag_high_thresh and ipfrag_time bound the memory and time a train may hold."
	case KindFragmentTiny:
		f.Evidence.Int("tiny_first_fragments", int64(s.tiny)).Uint("pkt", ev.Pkt)
		f.Summary = fmt.Sprintf("%s first %s split the TCP header", Num(s.tiny), Plural(s.tiny, "fragment", "fragments"))
		f.Explanation = fmt.Sprintf("%s sent %s first %s holding less than the 20-byte TCP header, so the flags (or the ports) travel in a later fragment: the tiny-fragment attack of RFC 1858, which slips past filters that only inspect first fragments. No ordinary IP stack fragments that small.",
			f.Subject, Num(s.tiny), Plural(s.tiny, "fragment", "fragments"))
		f.Advice = "Drop first fragments shorter than a TCP header at the firewall (RFC 1858 §3.2; Linux does not reassemble IPv6 ones) and reassemble before filtering (nftables does, with conntrack)."
	case KindFragmentOverlap:
		f.Evidence.Int("conflicting_overlaps", int64(s.overlaps)).Uint("pkt", ev.Pkt)
		f.Summary = fmt.Sprintf("%s overlapping %s with conflicting bytes", Num(s.overlaps), Plural(s.overlaps, "fragment", "fragments"))
		f.Explanation = fmt.Sprintf("%s sent %s %s that overlapped bytes already received with different bytes: which copy wins depends on the receiver's reassembly policy, so an IDS and the host can see different data (an evasion), and Linux drops the whole datagram (RFC 5722, FragmentSmack fix).",
			f.Subject, Num(s.overlaps), Plural(s.overlaps, "fragment", "fragments"))
		f.Advice = "Treat the source as hostile; normalize or drop overlapping fragments at the edge (a scrubbing firewall), and keep the IDS's reassembly policy matched to the protected hosts."
	case KindFragmentScan:
		ports := s.ports[:min(len(s.ports), fragListed)]
		f.Evidence.Int("targets", int64(len(s.targets))).Int("probes", int64(s.probes)).Uints("ports", ports).
			Threshold("targets", d.cfg.FragmentScanTargets)
		f.Summary = fmt.Sprintf("%s fragmented probes to %s targets", Num(s.probes), Num(len(s.targets)))
		f.Explanation = fmt.Sprintf("%s sent %s bare TCP probes (SYN, FIN, NULL or Xmas, no payload) to %s host:port targets, each split into IP fragments: a port scan hiding its TCP header from filters that do not reassemble (nmap -f).",
			f.Subject, Num(s.probes), Num(len(s.targets)))
		f.Advice = "Reassemble fragments before filtering (nftables with conntrack does), drop tiny fragments at the edge, and look at what the scan found in the port-scan findings and the probes' answers."
	}
}
