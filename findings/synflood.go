package findings

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/flowtrace/flowtrace/tracker"
)

// SYN flood: half-open connections per destination service.
//
// A connection counts as half-open from its first SYN until its
// handshake completes or the SYN is refused; only connections are
// counted, never SYN packets, so retransmissions do not add up. Each
// service (server address and port) has a sliding window of the
// half-open connections that started in it; when the window holds
// SynFloodHalfOpen of them the finding fires, at the SYN that crossed
// the threshold. The episode lasts until the window falls below the
// threshold and every connection counted has left the tracker's table
// (so the record holds how each ended: never answered, SYN cookie, ...).
// Services live in a bounded table (maxFloodServices), sources in a
// distinct counter (exact, then HyperLogLog).

const maxFloodServices = 1024

type synFlood struct {
	threshold int
	length    time.Duration
	svcs      *genMap[netip.AddrPort, floodSvc]
	active    []*floodSvc // services with an open episode, in firing order
}

// floodSvc is what is known of one service.
type floodSvc struct {
	// What a new service's record sets (reset), first, so that a record
	// made for a connection's service touches few cache lines.
	key     netip.AddrPort
	stamp   uint64 // genMap.stamp
	gen     uint32 // counts the services the record has served (reset)
	win     window
	pending int // connections counted and still in the tracker's table
	// The activity since the window was last empty.
	first     time.Time
	firstPkt  uint64
	last      time.Time
	lastPkt   uint64
	attempts  int // connections opened by a SYN
	halfOpen  int // of those, not (yet) completed nor refused
	peak      int // the most at once in the window
	completed int // handshakes completed (legitimate clients)
	f         *Finding
	sources   distinct
	// What the connections of an episode showed when they ended: set
	// when the episode fires (fire), read only while it is open.
	silent        int // the client never sent anything after its SYN(s)
	silentRexmit  int // of those, connections whose SYN-ACK was retransmitted
	synAckRexmits uint64
	cookies       int // answered with a SYN cookie
	noTCB         int // the tracker concluded the source held no TCB
	samples       []string
	fireHalfOpen  int
	fireSources   int
	fireSpan      time.Duration
}

// reset makes s the record of a new service k: the fields an episode
// sets when it fires, and the source array past its count, keep what a
// previous service left (never read).
func (s *floodSvc) reset(k netip.AddrPort, w window) {
	s.key, s.stamp, s.win, s.pending = k, 0, w, 0
	s.gen++
	s.first, s.firstPkt, s.last, s.lastPkt = time.Time{}, 0, time.Time{}, 0
	s.attempts, s.halfOpen, s.peak, s.completed, s.f = 0, 0, 0, 0, nil
	s.sources.reset()
}

func newSynFlood(cfg Config) *synFlood {
	d := &synFlood{threshold: cfg.SynFloodHalfOpen, length: cfg.SynFloodWindow,
		svcs: newGenMap[netip.AddrPort, floodSvc](maxFloodServices).withHash(addrPortHash)}
	// A service dropped from the table with no episode open is held by
	// nothing else: its record, and its buffers, serve another service.
	d.svcs.spare = func(s *floodSvc) bool { return s.f == nil }
	d.svcs.stamp = func(s *floodSvc) *uint64 { return &s.stamp }
	return d
}

func (d *synFlood) Name() string { return KindSynFlood }

// maxFloodCached bounds the connection records taken only to keep a
// service (most connections), so that handles stay within auxHandle
// whatever --max-conns allows; beyond it the service is looked up.
const maxFloodCached = 1 << 22

// svc returns the service connection c called, made if create is set
// and it is missing. The connection's record keeps the service found, to
// use again without a lookup while it is in the table's current
// generation and serves the same service (its gen): the same service a
// lookup would find, and not moved by it. A connection's responder never
// changes, so a hit needs neither its address nor a hash.
func (d *synFlood) svc(e *Engine, c *tracker.Conn, create bool) *floodSvc {
	a := e.aux(c, auxFlood)
	if a != nil {
		if s := a.flood; s != nil && s.stamp == d.svcs.rot && s.gen == a.floodGen {
			return s
		}
	}
	k := c.Addr(tracker.Resp)
	s := d.svcs.get(k)
	if s == nil && create {
		s = d.svcs.newValue()
		s.reset(k, newWindow(d.length))
		d.svcs.put(k, s)
	}
	if s != nil && (a != nil || create && e.conns.live() < maxFloodCached) {
		if a == nil {
			a = e.auxOf(c, auxFlood)
		}
		a.flood, a.floodGen = s, s.gen
	}
	return s
}

// Transition implements TransitionWatcher: a SYN opens a half-open
// connection; the client reaching ESTABLISHED or a refusal closes it.
func (d *synFlood) Transition(e *Engine, c *tracker.Conn, ev *tracker.Event) {
	if c.Midstream() || ev.Side != tracker.Orig {
		return
	}
	switch {
	case ev.To == tracker.SynSent && ev.From == tracker.Closed && !ev.Inferred:
		d.open(e, c, ev)
	case ev.From == tracker.SynSent && !ev.Inferred:
		s := d.svc(e, c, false)
		if s == nil {
			return
		}
		s.win.add(c.First(), -1)
		if !c.First().Before(s.first) && s.halfOpen > 0 {
			s.halfOpen--
		}
		if ev.To == tracker.Established {
			s.completed++
		}
	}
}

func (d *synFlood) open(e *Engine, c *tracker.Conn, ev *tracker.Event) {
	s := d.svc(e, c, true)
	s.win.advance(ev.Time)
	if s.win.sum() == 0 && s.f == nil {
		// A new stretch of activity.
		s.attempts, s.halfOpen, s.peak, s.completed = 0, 0, 0, 0
		s.sources.reset()
		s.first, s.firstPkt = ev.Time, ev.Pkt
	}
	s.win.add(ev.Time, 1)
	s.pending++
	s.attempts++
	s.halfOpen++
	s.last, s.lastPkt = ev.Time, ev.Pkt
	s.sources.add(c.Addr(tracker.Orig).Addr())
	n := s.win.sum()
	s.peak = max(s.peak, n)
	if s.f == nil && n >= d.threshold {
		d.fire(e, c, s, n)
	}
	if s.f != nil {
		s.f.LastTime, s.f.LastPkt = ev.Time, ev.Pkt
	}
}

func (d *synFlood) fire(e *Engine, c *tracker.Conn, s *floodSvc, n int) {
	s.silent, s.silentRexmit, s.synAckRexmits, s.cookies, s.noTCB = 0, 0, 0, 0, 0
	s.samples = s.samples[:0]
	s.fireHalfOpen, s.fireSources, s.fireSpan = n, s.sources.count(), s.last.Sub(s.first)
	f := &Finding{
		Kind: KindSynFlood, Severity: Alert, Subject: Service(c.Addr(tracker.Resp)),
		FirstTime: s.first, FirstPkt: s.firstPkt,
		Summary: fmt.Sprintf("%s half-open connections from %s %s in %s",
			Num(n), Num(s.fireSources), Plural(s.fireSources, "source", "sources"), Seconds(s.fireSpan)),
	}
	if e.Fire(f) {
		s.f = f
		d.active = append(d.active, s)
		d.describe(s)
	}
}

// Done implements DoneWatcher: how a counted connection ended.
func (d *synFlood) Done(e *Engine, c *tracker.Conn) {
	if c.Midstream() {
		return
	}
	s := d.svc(e, c, false)
	if s == nil {
		return
	}
	if s.pending > 0 {
		s.pending--
	}
	if s.f != nil && !c.First().Before(s.f.FirstTime) {
		d.ended(s, c)
	}
	if s.f != nil {
		d.maybeEnd(e, s)
		if s.f == nil {
			d.active = slices.DeleteFunc(d.active, func(x *floodSvc) bool { return x == s })
		}
	}
}

// ended records how connection c of an episode ended.
func (d *synFlood) ended(s *floodSvc, c *tracker.Conn) {
	o, r := tracker.Orig, tracker.Resp
	syn, synAck := c.HandshakeRetransmits()
	answered := c.Packets(r) > 0
	if c.SynCookie() {
		s.cookies++
	}
	if c.State(o) == tracker.Closed && c.State(r) != tracker.Closed && c.Inferred(o) {
		s.noTCB++
	}
	if c.Packets(o) == uint64(syn)+1 && answered && c.ConnState() != "REJ" {
		s.silent++
		if synAck > 0 {
			s.silentRexmit++
		}
		s.synAckRexmits += uint64(synAck)
		if len(s.samples) < maxSamples {
			s.samples = append(s.samples, c.UID().String())
		}
	}
}

// maxSamples bounds the sample uids of a finding.
const maxSamples = 10

// maybeEnd ends s's episode once its window is below the threshold and
// its connections have all ended.
func (d *synFlood) maybeEnd(e *Engine, s *floodSvc) {
	if s.f == nil || s.pending > 0 {
		return
	}
	s.win.advance(e.Now())
	if s.win.sum() >= d.threshold {
		return
	}
	d.describe(s)
	e.End(s.f)
	s.f = nil
}

// End implements Ender: the records of episodes still open are
// completed before the engine ends them.
func (d *synFlood) End(e *Engine) {
	for _, s := range d.active {
		d.describe(s)
	}
}

// Tick implements Ticker: episodes end on a quiet clock too.
func (d *synFlood) Tick(e *Engine, now time.Time) {
	d.active = slices.DeleteFunc(d.active, func(s *floodSvc) bool {
		d.maybeEnd(e, s)
		return s.f == nil
	})
}

// describe fills in the record from what is known so far.
func (d *synFlood) describe(s *floodSvc) {
	f := s.f
	srcs := s.sources.count()
	f.Evidence.Reset()
	f.Evidence.Int("attempts", int64(s.attempts)).
		Int("half_open", int64(s.halfOpen)).
		Int("peak_half_open", int64(s.peak)).
		Int("sources", int64(srcs)).
		Bool("sources_estimated", s.sources.regs != nil).
		Int("silent", int64(s.silent)).
		Int("silent_synack_retransmitted", int64(s.silentRexmit)).
		Uint("synack_retransmits", s.synAckRexmits).
		Int("syn_cookies", int64(s.cookies)).
		Int("no_tcb", int64(s.noTCB)).
		Int("completed", int64(s.completed)).
		Uint("fire_pkt", f.FirePkt).
		Strs("sample_uids", s.samples).
		Threshold("half_open", d.threshold, "window", d.length)

	var x strings.Builder
	fmt.Fprintf(&x, "%s was left with %s half-open %s (SYN answered, handshake never completed) out of %s attempts from %s %s within %s; at most %s were half-open at once in a %s window, and the finding fired at %s.",
		f.Subject, Num(s.halfOpen), Plural(s.halfOpen, "connection", "connections"), Num(s.attempts), Num(srcs), Plural(srcs, "source", "sources"),
		Seconds(s.last.Sub(s.first)), Num(s.peak), d.length, Num(s.fireHalfOpen))
	if s.silent > 0 {
		fmt.Fprintf(&x, " %s of them came from sources never heard from again after their SYN", Num(s.silent))
		if s.silentRexmit > 0 {
			fmt.Fprintf(&x, ", and the server retransmitted its SYN-ACK to %s of those silent sources", Num(s.silentRexmit))
		}
		x.WriteString(": a SYN flood, probably from spoofed addresses.")
	} else {
		x.WriteString(" A SYN flood.")
	}
	if s.cookies > 0 {
		fmt.Fprintf(&x, " The server answered %s of them with SYN cookies: SYN-ACKs never retransmitted and no state held, so its backlog was not exhausted.", Num(s.cookies))
	}
	switch {
	case s.completed == 1:
		x.WriteString(" 1 client still completed its handshake during the flood.")
	case s.completed > 1:
		fmt.Fprintf(&x, " %s clients still completed their handshakes during the flood.", Num(s.completed))
	default:
		x.WriteString(" No client completed a handshake during the flood.")
	}
	f.Explanation = x.String()
	if s.cookies > 0 {
		f.Advice = "SYN cookies are working (net.ipv4.tcp_syncookies); keep them on. If legitimate clients fail, raise the listen backlog and net.ipv4.tcp_max_syn_backlog, and ask the upstream provider to filter the flood: spoofed sources cannot be blocked by address."
	} else {
		f.Advice = "Enable SYN cookies (net.ipv4.tcp_syncookies=1) so the listener keeps answering without holding state, raise the listen backlog and net.ipv4.tcp_max_syn_backlog, and rate-limit SYNs upstream; spoofed sources cannot be blocked by address."
	}
}
