package findings

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/flowtrace/flowtrace/tracker"
)

// Port scans, per source.
//
// A probe is a tracker probe (a FIN, NULL, Xmas, ACK or illegal segment
// that opened no connection, with its answer) or a connection that
// carried no payload either way (a SYN half-open or connect probe: see
// connProbe). Each source has the distinct targets (host:port) it
// probed, within a sliding window: when ScanTargets of them fall within
// ScanWindow, the finding fires. The episode lasts until the source has
// been quiet for ScanWindow. The report lists each target with its
// answer (at most maxListed; beyond that they are only counted).
//
// Bounded memory: sources live in a bounded table (maxScanSources); a
// source that has not fired keeps fewer than ScanTargets targets (the
// rest fell out of its window); a firing source keeps at most maxListed.
//
// UDP probe records (the tracker's UDP probes: datagrams answered by
// ICMP or by nothing) count the same way under KindUDPScan (scanKey.kind);
// an ICMP unreachable answer is the probe's verdict (filtered or closed).

// firstSlot holds a source's first target until a second one comes.
type firstSlot struct {
	used bool
	key  scanKey
	t    scanTarget
	uid  uidRef // none for a probe
}

// uidRef is a connection's uid, hashed only when a record keeps it (as a
// sample): most connections a scan detector sees are never sampled.
type uidRef struct {
	src tracker.UIDSource
	ok  bool // false: no connection (a probe)
}

const (
	firstSlots     = 1 << 14
	maxScanSources = 4096
	maxListed      = 1024
)

type scan struct {
	first     [firstSlots]firstSlot
	threshold int
	length    time.Duration
	srcs      *genMap[scanKey, scanSrc]
	active    []*scanSrc // sources with an open episode, in firing order
}

type scanKey struct {
	kind string // KindPortScan (later KindUDPScan)
	src  netip.Addr
}

type scanSrc struct {
	key     scanKey
	targets []scanTarget
	seen    map[netip.AddrPort]int // index in targets, once fired
	total   int                    // distinct targets, listed or not
	latest  time.Time
	f       *Finding
	kinds   map[string]int
	answers map[string]int
	samples []tracker.UID
}

type scanTarget struct {
	t      time.Time
	pkt    uint64
	target netip.AddrPort
	kind   string
	answer string
}

func newScan(cfg Config) *scan {
	d := &scan{threshold: cfg.ScanTargets, length: cfg.ScanWindow,
		srcs: newGenMap[scanKey, scanSrc](maxScanSources)}
	// A source dropped from the table with no episode open is held by
	// nothing else: its record and its lists serve another source.
	d.srcs.spare = func(s *scanSrc) bool { return s.f == nil }
	return d
}

func (d *scan) Name() string { return KindPortScan }

// Probe implements ProbeWatcher.
func (d *scan) Probe(e *Engine, p *tracker.Probe) {
	kind := KindPortScan
	if p.Proto == tracker.ProtoUDP {
		kind = KindUDPScan
	}
	d.add(e, scanKey{kind, p.Prober.Addr()}, scanTarget{
		t: p.Time, pkt: p.Pkt, target: p.Target, kind: probeOf(p), answer: answerOf(p),
	}, uidRef{})
}

// Done implements DoneWatcher.
func (d *scan) Done(e *Engine, c *tracker.Conn) {
	kind, answer, ok := connProbe(c)
	if !ok {
		return
	}
	d.add(e, scanKey{KindPortScan, c.Addr(tracker.Orig).Addr()}, scanTarget{
		t: c.First(), pkt: c.FirstPkt(), target: c.Addr(tracker.Resp), kind: kind, answer: answer,
	}, uidRef{c.UIDSource(), true})
}

func (d *scan) add(e *Engine, k scanKey, t scanTarget, uid uidRef) {
	s := d.srcs.get(k)
	if s == nil {
		// A source's first target waits in a fixed slot table; only a
		// second one gives it a table entry. So a flood of spoofed
		// sources, each seen once, allocates nothing here.
		sl := &d.first[addrHash(k.src)%firstSlots]
		if !sl.used || sl.key != k {
			*sl = firstSlot{used: true, key: k, t: t, uid: uid}
			if d.threshold > 1 {
				return
			}
		}
		first := *sl
		*sl = firstSlot{}
		s = d.srcs.newValue()
		targets, samples := s.targets[:0], s.samples[:0]
		*s = scanSrc{key: k, targets: targets, samples: samples}
		d.srcs.put(k, s)
		if first.t.target != t.target || first.t.t != t.t {
			d.add(e, k, first.t, first.uid)
		}
	}
	if t.t.After(s.latest) {
		s.latest = t.t
	}
	if s.f != nil {
		d.record(s, t, uid)
		return
	}
	// Not fired: keep the window's distinct targets only.
	cut := s.latest.Add(-d.length)
	s.targets = slices.DeleteFunc(s.targets, func(x scanTarget) bool { return x.t.Before(cut) })
	if t.t.Before(cut) {
		return
	}
	for i := range s.targets {
		if s.targets[i].target == t.target {
			s.targets[i].answer = better(s.targets[i].answer, t.answer)
			return
		}
	}
	s.targets = append(s.targets, t)
	if len(s.samples) < maxSamples && uid.ok {
		s.samples = append(s.samples, uid.src.UID())
	}
	if len(s.targets) >= d.threshold {
		d.fire(e, s)
	}
}

// better keeps the more telling of two answers to the same target.
func better(a, b string) string {
	if a == AnswerFiltered || a == AnswerOpenFiltered || a == AnswerUnknown {
		return b
	}
	return a
}

func (d *scan) fire(e *Engine, s *scanSrc) {
	slices.SortStableFunc(s.targets, func(a, b scanTarget) int { return a.t.Compare(b.t) })
	s.seen = make(map[netip.AddrPort]int, len(s.targets))
	s.kinds, s.answers = map[string]int{}, map[string]int{}
	ts := s.targets
	s.targets, s.total = nil, 0
	for _, t := range ts {
		d.record(s, t, uidRef{})
	}
	first, last := s.targets[0], s.targets[len(s.targets)-1]
	f := &Finding{
		Kind: s.key.kind, Severity: Warning, Subject: Host(s.key.src),
		FirstTime: first.t, FirstPkt: first.pkt, LastTime: last.t, LastPkt: last.pkt,
	}
	hosts, ports := s.shape()
	f.Summary = fmt.Sprintf("%s %s on %s %s probed within %s", Num(ports), Plural(ports, "port", "ports"),
		Num(hosts), Plural(hosts, "host", "hosts"), Seconds(last.t.Sub(first.t)))
	if e.Fire(f) {
		s.f = f
		d.active = append(d.active, s)
		d.describe(s)
	}
}

// record adds a target to a firing source's list.
func (d *scan) record(s *scanSrc, t scanTarget, uid uidRef) {
	if i, ok := s.seen[t.target]; ok {
		old := s.targets[i].answer
		if nw := better(old, t.answer); nw != old {
			s.answers[old]--
			s.answers[nw]++
			s.targets[i].answer = nw
		}
		return
	}
	s.total++
	s.kinds[t.kind]++
	s.answers[t.answer]++
	if len(s.samples) < maxSamples && uid.ok {
		s.samples = append(s.samples, uid.src.UID())
	}
	if len(s.targets) < maxListed {
		s.seen[t.target] = len(s.targets)
		s.targets = append(s.targets, t)
	}
	if s.f != nil && (t.t.After(s.f.LastTime) || s.f.LastTime.IsZero()) {
		s.f.LastTime, s.f.LastPkt = t.t, t.pkt
	}
}

// shape counts the distinct hosts and ports listed.
func (s *scanSrc) shape() (hosts, ports int) {
	hs := map[netip.Addr]bool{}
	ps := map[uint16]bool{}
	for _, t := range s.targets {
		hs[t.target.Addr()] = true
		ps[t.target.Port()] = true
	}
	return len(hs), len(ps)
}

// Tick implements Ticker: an episode ends when its source has been
// quiet for the window.
func (d *scan) Tick(e *Engine, now time.Time) {
	d.active = slices.DeleteFunc(d.active, func(s *scanSrc) bool {
		if now.Sub(s.latest) < d.length {
			return false
		}
		d.describe(s)
		e.End(s.f)
		d.reset(s)
		return true
	})
}

// End implements Ender: the records of episodes still open are
// completed before the engine ends them.
func (d *scan) End(e *Engine) {
	for _, s := range d.active {
		d.describe(s)
	}
}

func (d *scan) reset(s *scanSrc) {
	*s = scanSrc{key: s.key, latest: s.latest}
}

func sortedKeys(m map[string]int) []string {
	ks := make([]string, 0, len(m))
	for k, n := range m {
		if n > 0 {
			ks = append(ks, k)
		}
	}
	slices.Sort(ks)
	return ks
}

// describe fills in the record.
func (d *scan) describe(s *scanSrc) {
	f := s.f
	hosts, ports := s.shape()
	shape := "block"
	switch {
	case hosts == 1:
		shape = "vertical"
	case ports == 1:
		shape = "horizontal"
	}
	answerOrder := []string{AnswerOpen, AnswerClosed, AnswerFiltered, AnswerUnfiltered, AnswerOpenFiltered, AnswerUnknown}
	kinds := sortedKeys(s.kinds)
	// In packet order (connections end, and probes are decided, in
	// another).
	listed := slices.Clone(s.targets)
	slices.SortStableFunc(listed, func(a, b scanTarget) int {
		if c := a.t.Compare(b.t); c != 0 {
			return c
		}
		return int(a.pkt) - int(b.pkt)
	})
	f.Evidence.Reset()
	f.Evidence.Int("targets", int64(s.total)).
		Int("hosts", int64(hosts)).
		Int("ports", int64(ports)).
		Str("shape", shape).
		Obj("probes", func(in *Evidence) {
			for _, k := range kinds {
				in.Int(k, int64(s.kinds[k]))
			}
		}).
		Obj("answers", func(in *Evidence) {
			for _, a := range answerOrder {
				if s.answers[a] > 0 {
					in.Int(a, int64(s.answers[a]))
				}
			}
		}).
		Objs("probed", len(listed), func(i int, in *Evidence) {
			t := &listed[i]
			in.service("target", t.target).Str("probe", t.kind).Str("answer", t.answer)
			if t.pkt != 0 {
				in.Uint("pkt", t.pkt)
			}
		}).
		Bool("truncated", s.total > len(s.targets)).
		UIDs("sample_uids", s.samples).
		Threshold("targets", d.threshold, "window", d.length)

	var x strings.Builder
	span := f.LastTime.Sub(f.FirstTime)
	switch shape {
	case "vertical":
		fmt.Fprintf(&x, "%s probed %s %s of %s within %s (a vertical scan)",
			f.Subject, Num(ports), Plural(ports, "port", "ports"), Host(s.targets[0].target.Addr()), Seconds(span))
	case "horizontal":
		fmt.Fprintf(&x, "%s probed port %d on %s hosts within %s (a horizontal scan)",
			f.Subject, s.targets[0].target.Port(), Num(hosts), Seconds(span))
	default:
		fmt.Fprintf(&x, "%s probed %s ports on %s hosts within %s (a block scan)",
			f.Subject, Num(ports), Num(hosts), Seconds(span))
	}
	x.WriteString(" with ")
	for i, k := range kinds {
		if i > 0 {
			x.WriteString(", ")
		}
		fmt.Fprintf(&x, "%s %s", Num(s.kinds[k]), k)
	}
	x.WriteString(" probes. Answers:")
	for _, a := range answerOrder {
		if s.answers[a] == 0 {
			continue
		}
		fmt.Fprintf(&x, " %s %s (%s);", Num(s.answers[a]), a, d.portList(s, a))
	}
	str := strings.TrimSuffix(x.String(), ";") + "."
	if s.total > len(s.targets) {
		str += fmt.Sprintf(" Only the first %s targets are listed.", Num(len(s.targets)))
	}
	f.Explanation = str
	answer := "closed ports answering RST"
	if s.key.kind == KindUDPScan {
		answer = "closed ports answering ICMP port unreachable"
	}
	f.Advice = "If this source is not your own scanner, block it at the edge and check that the open ports are meant to be reachable from it; " + answer + " and filtered ones staying silent tell a scanner which is which, so drop rather than reject where the difference matters."
}

// portList lists the targets with answer a, ports as ranges per host:
// "10.0.0.2: 1-21, 23-79".
func (d *scan) portList(s *scanSrc, a string) string {
	byHost := map[netip.Addr][]uint16{}
	var order []netip.Addr
	for _, t := range s.targets {
		if t.answer != a {
			continue
		}
		h := t.target.Addr()
		if _, ok := byHost[h]; !ok {
			order = append(order, h)
		}
		byHost[h] = append(byHost[h], t.target.Port())
	}
	var parts []string
	for _, h := range order {
		ps := byHost[h]
		slices.Sort(ps)
		var rs []string
		for i := 0; i < len(ps); {
			j := i
			for j+1 < len(ps) && ps[j+1] == ps[j]+1 {
				j++
			}
			r := strconv.Itoa(int(ps[i]))
			if j > i {
				r += "-" + strconv.Itoa(int(ps[j]))
			}
			rs = append(rs, r)
			i = j + 1
		}
		if len(order) == 1 {
			parts = append(parts, "port "+strings.Join(rs, ", "))
		} else {
			parts = append(parts, Host(h)+" "+strings.Join(rs, ", "))
		}
	}
	return strings.Join(parts, "; ")
}
