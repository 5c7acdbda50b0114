package findings

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/flowtrace/flowtrace/internal/chunkpool"
	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Stuck states, with ages.
//
// Every endpoint that enters CLOSE-WAIT, FIN-WAIT-1, FIN-WAIT-2, LAST-ACK
// or SYN-SENT is watched (a capped table, maxWatched) until it leaves the
// state. It is judged when its connection leaves the tracker's table (the
// input's end, an idle timeout), on every Tick of the capture clock (so a
// live capture reports it while it lasts) and at the input's end:
//
//   - close-wait-leak: CLOSE-WAIT for CloseWaitAge or longer: the local
//     application never called close. Grouped by service (the server's
//     host:port; a client's host when the client is the one in
//     CLOSE-WAIT), with the count and the oldest age.
//   - fin-wait-2-stuck: FIN-WAIT-2 for FinWait2Age or longer, or ended by
//     the orphan timeout, with no FIN from the peer.
//   - fin-wait-1-stuck and last-ack-stuck: the endpoint retransmitted its
//     FIN StuckRetransmits times without an acknowledgment; the finding
//     fires at the retransmission that crosses the threshold.
//
// These three are grouped by the host holding the stuck endpoints (a
// machine full of FIN-WAIT-1 sockets talks to peers that are gone).
//   - syn-sent-stuck: a client retried its SYN StuckRetransmits times
//     without an answer (fires at that retry). Grouped by the service it
//     called.
//   - half-dead: keep-alives from one side (HalfDeadKeepAlives or more)
//     went unanswered, then a RST ended the connection (or the input
//     ended). Per connection.
//
// An episode lasts until the input's end: a stuck endpoint does not get
// unstuck in a way worth a second record.

const maxWatched = 1 << 16

// watched is one endpoint in a state that may get stuck. It is held in
// its connection's record (connAux.watch) while the connection is in the
// tracker's table and, for the states judged by age (CLOSE-WAIT,
// FIN-WAIT-2), also in the deadline heap until it is due.
type watched struct {
	id       uint64
	src      tracker.UIDSource // its connection's uid, computed when a finding needs it
	uid      tracker.UID       // zero until then
	side     tracker.Side
	state    tracker.State
	since    time.Time
	sincePkt uint64
	local    netip.AddrPort // the endpoint
	server   netip.AddrPort // the connection's responder
	rexmits  int            // FINs (or SYNs) sent again while in state
	lastPkt  uint64         // the latest of them
	lastTime time.Time
	done     bool // counted in a finding

	due  int64 // when its age makes it stuck (CLOSE-WAIT, FIN-WAIT-2), as nanos gives it
	hidx int   // one plus its index in stuck.heap; 0: not there
	left bool  // its connection left at the input's end: only the heap holds it
}

// keepAlives counts one side's unanswered keep-alives.
type keepAlives struct {
	side        tracker.Side
	n           int
	first, last uint64
	firstTime   time.Time
	// The connection's, for a report after it left.
	uid        tracker.UID
	orig, resp netip.AddrPort
}

// stuckGroup is an episode of one kind on one subject.
type stuckGroup struct {
	f        *Finding
	count    int
	oldest   time.Duration // the oldest endpoint's age when last reported
	oldSince time.Time     // when the oldest endpoint entered its state
	hasOld   bool
	oldUID   tracker.UID
	samples  []tracker.UID
	pkts     []uint64
	rexmits  int
	// The endpoint counted last, for the explanation.
	state tracker.State
	side  tracker.Side
	local netip.AddrPort
	// The finding and the samples' storage, allocated with the group.
	rec     Finding
	sampleA [maxSamples]tracker.UID
	pktA    [maxSamples]uint64
}

type stuck struct {
	cfg     Config
	watched int        // endpoints watched: at most maxWatched
	kas     int        // connections with keep-alives counted: at most maxWatched
	heap    []*watched // the endpoints judged by age, the first due first
	groups  map[stuckKey]*stuckGroup
	kaEnd   []*keepAlives           // half-dead connections left at the input's end
	pool    chunkpool.Pool[watched] // no allocation per connection
	kaPool  chunkpool.Pool[keepAlives]
	due     []*watched    // scratch for Tick
	toFire  []*stuckGroup // episodes opened by the current batch
	text    []byte        // scratch for describe's sentences
}

func newStuck(cfg Config) *stuck {
	return &stuck{cfg: cfg, groups: make(map[stuckKey]*stuckGroup)}
}

func (d *stuck) Name() string { return "stuck-states" }

// unwatch stops watching w and frees it.
func (d *stuck) unwatch(w *watched) {
	if w.hidx > 0 {
		d.heapRemove(w)
	}
	d.watched--
	d.pool.Put(w)
}

// newKA returns a keep-alive count.
func (d *stuck) newKA() *keepAlives {
	d.kas++
	return d.kaPool.Get()
}

// dropKA forgets a's keep-alive count.
func (d *stuck) dropKA(a *connAux) {
	d.kaPool.Put(a.ka)
	a.ka = nil
	d.kas--
}

// uidOf returns the connection's uid, computed only when a finding needs
// it (it costs a hash).
func (w *watched) uidOf() tracker.UID {
	if w.uid[0] == 0 {
		w.uid = w.src.UID()
	}
	return w.uid
}

func watchedState(s tracker.State) bool {
	switch s {
	case tracker.CloseWait, tracker.FinWait1, tracker.FinWait2, tracker.LastAck, tracker.SynSent:
		return true
	}
	return false
}

// Packet implements PacketWatcher: FIN and SYN retransmissions of watched
// endpoints, and keep-alives. A packet of a connection with no watched
// endpoint and no keep-alive count costs a test of its word's bits.
func (d *stuck) Packet(e *Engine, c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	bits := word(c)
	if bits&(auxStuck|auxSynSent<<side) == 0 && c.Class()&reassembly.KeepAlive == 0 {
		return
	}
	a := e.aux(c, auxStuck)
	if seg.Flags&(segment.SYN|segment.FIN) != 0 && seg.Flags&segment.RST == 0 {
		var w *watched
		if a != nil {
			w = a.watch[side]
		}
		if w == nil && bits&(auxSynSent<<side) != 0 && seg.Flags&segment.SYN != 0 {
			// Its first retransmitted SYN: watched from now on, as
			// from its first SYN.
			if w = d.watchSynSent(e, c, side); w != nil {
				a = e.aux(c, auxStuck)
			}
		}
		if w != nil {
			switch {
			case w.state == tracker.SynSent && seg.Flags&segment.SYN != 0,
				(w.state == tracker.FinWait1 || w.state == tracker.LastAck) && seg.Flags&segment.FIN != 0:
				w.rexmits++
				w.lastPkt, w.lastTime = seg.Pkt, seg.Time
				if !w.done && d.isStuck(w, seg.Time) {
					d.report(e, w, seg.Time) // at the retransmission that crossed the threshold
					d.fire(e)
				} else if w.done {
					d.recount(w)
				}
			}
		}
	}
	if c.Class()&reassembly.KeepAlive != 0 && seg.Flags&segment.RST == 0 {
		if a == nil || a.ka == nil || a.ka.side != side {
			if d.kas >= maxWatched {
				return
			}
			if a == nil {
				a = e.auxOf(c, auxStuck)
			}
			if a.ka != nil {
				d.dropKA(a) // the other side's: answered
			}
			a.ka = d.newKA()
			*a.ka = keepAlives{side: side, first: seg.Pkt, firstTime: seg.Time}
		}
		a.ka.n++
		a.ka.last = seg.Pkt
		return
	}
	if a == nil || a.ka == nil {
		return
	}
	k := a.ka
	switch {
	case seg.Flags&segment.RST != 0:
		if k.n >= d.cfg.HalfDeadKeepAlives {
			k.uid, k.orig, k.resp = c.UID(), c.Addr(tracker.Orig), c.Addr(tracker.Resp)
			d.halfDead(e, k, seg)
		}
		d.dropKA(a)
	case side != k.side:
		d.dropKA(a) // answered
	}
	stuckBits(c, a)
}

// stuckBits sets auxStuck in c's word if its record holds a watched
// endpoint or a keep-alive count, and clears it if not.
func stuckBits(c *tracker.Conn, a *connAux) {
	if a.watch[0] != nil || a.watch[1] != nil || a.ka != nil {
		c.SetAux(auxKey, word(c)|auxStuck)
	} else {
		c.SetAux(auxKey, word(c)&^auxStuck)
	}
}

// watchSynSent starts watching side s of c, in SYN-SENT since the
// connection's first packet (auxSynSent), or returns nil at the cap.
func (d *stuck) watchSynSent(e *Engine, c *tracker.Conn, s tracker.Side) *watched {
	if d.watched >= maxWatched {
		return nil
	}
	w := d.pool.Get()
	*w = watched{id: c.ID(), src: c.UIDSource(), side: s, state: tracker.SynSent, since: c.First(), sincePkt: c.FirstPkt(),
		local: c.Addr(s), server: c.Addr(tracker.Resp)}
	e.auxOf(c, auxStuck).watch[s] = w
	d.watched++
	return w
}

// Transition implements TransitionWatcher: endpoints enter and leave the
// watched states.
//
// A client's SYN-SENT, entered at its connection's first packet (every
// connection a SYN opens), is only marked in the connection's word
// (auxSynSent): the endpoint is watched from its first retransmitted SYN
// on (Packet), so that the connections answered at once cost no record.
// What the record counts is the same: the retransmissions after the
// first SYN, and the state's start at that SYN.
func (d *stuck) Transition(e *Engine, c *tracker.Conn, ev *tracker.Event) {
	if ev.From == tracker.SynSent {
		c.SetAux(auxKey, word(c)&^(auxSynSent<<ev.Side))
	}
	a := e.aux(c, auxStuck)
	var w *watched
	if a != nil {
		w = a.watch[ev.Side]
	}
	if w != nil && w.state == ev.From {
		if ev.From == tracker.FinWait2 && ev.To == tracker.Closed && ev.Pkt == 0 && !w.done && !c.Midstream() {
			d.report(e, w, ev.Time) // the orphan timeout ended it: the peer never sent its FIN
			d.fire(e)
		}
		a.watch[ev.Side] = nil
		d.unwatch(w)
		w = nil
		stuckBits(c, a)
	}
	if !watchedState(ev.To) {
		return
	}
	if ev.To == tracker.SynSent {
		if ev.From != tracker.Closed || ev.Inferred {
			return
		}
		if w == nil && ev.Pkt != 0 && ev.Pkt == c.FirstPkt() && ev.Time.Equal(c.First()) {
			c.SetAux(auxKey, word(c)|auxSynSent<<ev.Side)
			return
		}
	}
	if d.watched >= maxWatched {
		return
	}
	if w != nil {
		d.unwatch(w) // replaced
	}
	w = d.pool.Get()
	// What a finding needs of the connection is copied now: with several
	// workers, the *Conn an observer gets is valid for the callback only.
	*w = watched{id: c.ID(), src: c.UIDSource(), side: ev.Side, state: ev.To, since: ev.Time, sincePkt: ev.Pkt,
		local: c.Addr(ev.Side), server: c.Addr(tracker.Resp)}
	if a == nil {
		a = e.auxOf(c, auxStuck)
	}
	a.watch[ev.Side] = w
	d.watched++
	if age, ok := d.ageLimit(w.state); ok {
		w.due = nanos(w.since.Add(age))
		d.heapPush(w)
	}
	stuckBits(c, a)
}

// Done implements DoneWatcher: the connection's endpoints are judged as
// they leave early (idle timeout, table full); those still in their
// state when the input ends are left to End, so that their finding is
// dated at the end, not at the last packet.
func (d *stuck) Done(e *Engine, c *tracker.Conn) {
	a := e.aux(c, auxStuck)
	if a == nil {
		return
	}
	for s := tracker.Orig; s <= tracker.Resp; s++ {
		w := a.watch[s]
		if w == nil {
			continue
		}
		a.watch[s] = nil
		if c.Why() == "" && c.State(s) == w.state && w.hidx > 0 {
			// The input's end (Flush): End judges it by its age.
			w.left = true
			continue
		}
		if !w.done && d.isStuck(w, e.Now()) {
			d.report(e, w, e.Now())
		}
		d.unwatch(w)
	}
	d.fire(e)
	if k := a.ka; k != nil {
		if k.n >= d.cfg.HalfDeadKeepAlives {
			k.uid, k.orig, k.resp = c.UID(), c.Addr(tracker.Orig), c.Addr(tracker.Resp)
			d.kaEnd = append(d.kaEnd, k) // End reports it, at the input's end
			a.ka = nil
			d.kas--
		} else {
			d.dropKA(a)
		}
	}
	stuckBits(c, a)
}

// Tick implements Ticker: what has been stuck long enough by now. Only
// the endpoints judged by age can become stuck without a packet (the
// others are judged at their retransmissions): those whose due time has
// come leave the heap.
func (d *stuck) Tick(e *Engine, now time.Time) {
	d.due = d.due[:0]
	nowNs := nanos(now)
	for len(d.heap) > 0 && nowNs >= d.heap[0].due {
		w := d.heap[0]
		d.heapRemove(w)
		if !w.done && d.isStuck(w, now) {
			d.due = append(d.due, w)
		}
	}
	if len(d.due) == 0 {
		return
	}
	slices.SortFunc(d.due, func(a, b *watched) int {
		if c := a.since.Compare(b.since); c != 0 {
			return c
		}
		if a.id != b.id {
			return cmpU64(a.id, b.id)
		}
		return int(a.side) - int(b.side)
	})
	for _, w := range d.due {
		d.report(e, w, now)
	}
	d.fire(e)
	for _, w := range d.due {
		if w.left {
			d.unwatch(w)
		}
	}
	d.due = d.due[:0]
}

// ageLimit returns the age at which an endpoint in state s is stuck, if
// its age is what judges it.
func (d *stuck) ageLimit(s tracker.State) (time.Duration, bool) {
	switch s {
	case tracker.CloseWait:
		return d.cfg.CloseWaitAge, true
	case tracker.FinWait2:
		return d.cfg.FinWait2Age, true
	}
	return 0, false
}

// The deadline heap: a binary min-heap of the endpoints judged by age,
// on their due time, each knowing its place (hidx) so that one leaving
// its state is removed at once.

func (d *stuck) heapPush(w *watched) {
	d.heap = append(d.heap, w)
	w.hidx = len(d.heap)
	d.heapUp(len(d.heap) - 1)
}

func (d *stuck) heapRemove(w *watched) {
	i, last := w.hidx-1, len(d.heap)-1
	w.hidx = 0
	if i != last {
		d.heap[i] = d.heap[last]
		d.heap[i].hidx = i + 1
	}
	d.heap[last] = nil
	d.heap = d.heap[:last]
	if i < last {
		d.heapDown(i)
		d.heapUp(i)
	}
}

func (d *stuck) heapUp(i int) {
	h := d.heap
	for i > 0 {
		p := (i - 1) / 2
		if h[i].due >= h[p].due {
			return
		}
		h[i], h[p] = h[p], h[i]
		h[i].hidx, h[p].hidx = i+1, p+1
		i = p
	}
}

func (d *stuck) heapDown(i int) {
	h := d.heap
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r].due < h[l].due {
			m = r
		}
		if h[m].due >= h[i].due {
			return
		}
		h[i], h[m] = h[m], h[i]
		h[i].hidx, h[m].hidx = i+1, m+1
		i = m
	}
}

// End implements Ender.
func (d *stuck) End(e *Engine) {
	d.Tick(e, e.Now())
	for _, k := range d.kaEnd {
		d.halfDead(e, k, nil)
	}
	d.kaEnd = nil
}

func cmpU64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// recount updates the record w counts in with one more retransmission.
func (d *stuck) recount(w *watched) {
	if g := d.groups[d.subject(w)]; g != nil && !g.f.ended {
		g.rexmits++
		g.f.LastPkt = w.lastPkt
		if w.lastTime.After(g.f.LastTime) {
			g.f.LastTime = w.lastTime
		}
		g.last(w)
	}
}

// last notes w as the endpoint counted last: the record is described
// from it when it fires and when it ends (Finding.fill).
func (g *stuckGroup) last(w *watched) { g.state, g.side, g.local = w.state, w.side, w.local }

// isStuck says whether w counts as stuck at now.
func (d *stuck) isStuck(w *watched, now time.Time) bool {
	switch w.state {
	case tracker.CloseWait:
		return now.Sub(w.since) >= d.cfg.CloseWaitAge
	case tracker.FinWait2:
		return now.Sub(w.since) >= d.cfg.FinWait2Age
	case tracker.FinWait1, tracker.LastAck, tracker.SynSent:
		return w.rexmits >= d.cfg.StuckRetransmits
	}
	return false
}

// report counts w in its kind's episode on its subject, firing it if new.
func (d *stuck) report(e *Engine, w *watched, now time.Time) {
	w.done = true
	k := d.subject(w)
	g := d.groups[k]
	if g == nil || g.f.ended {
		g = &stuckGroup{rec: Finding{Kind: k.kind, Severity: Warning, Subject: k.subj.String(), FirstTime: w.since, FirstPkt: w.sincePkt}}
		g.f, g.samples, g.pkts = &g.rec, g.sampleA[:0], g.pktA[:0]
		g.f.fill = func() { d.describe(g) }
		d.groups[k] = g
	}
	g.count++
	g.rexmits += w.rexmits
	// The oldest is the endpoint that entered its state first (ties: the
	// first reported, in the order Tick sorts them), whatever tick
	// reported it.
	if !g.hasOld || w.since.Before(g.oldSince) {
		g.oldSince, g.oldUID, g.hasOld = w.since, w.uidOf(), true
	}
	g.oldest = now.Sub(g.oldSince)
	if len(g.samples) < maxSamples {
		g.samples = append(g.samples, w.uidOf())
		g.pkts = append(g.pkts, w.sincePkt)
	}
	if w.since.Before(g.f.FirstTime) {
		g.f.FirstTime, g.f.FirstPkt = w.since, w.sincePkt
	}
	// The evidence ends at the latest packet or timer: a tick on a quiet
	// live link past it (one a replay of the capture cannot run) does not
	// move it.
	last := now
	if en := e.Now(); !en.IsZero() && en.Before(last) {
		last = en
	}
	g.f.LastTime, g.f.LastPkt = last, max(w.lastPkt, w.sincePkt)
	g.last(w)
	if g.f.FireTime.IsZero() && !slices.Contains(d.toFire, g) {
		d.toFire = append(d.toFire, g)
	}
}

// fire fires the episodes that reports opened, once the batch that
// opened them is counted: the marker tells the batch's count.
func (d *stuck) fire(e *Engine) {
	for _, g := range d.toFire {
		d.describe(g)
		e.Fire(g.f)
	}
	d.toFire = d.toFire[:0]
}

// stuckKey is an episode's kind and subject.
type stuckKey struct {
	kind string // a Kind constant
	subj pileKey
}

// subject returns w's episode: its kind and the host or service it is
// grouped by.
func (d *stuck) subject(w *watched) stuckKey {
	host := func(ap netip.AddrPort) pileKey {
		return pileKey{ap: netip.AddrPortFrom(ap.Addr().Unmap(), 0), host: true}
	}
	svc := func(ap netip.AddrPort) pileKey {
		return pileKey{ap: netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())}
	}
	switch w.state {
	case tracker.CloseWait:
		if w.side == tracker.Orig {
			return stuckKey{KindCloseWaitLeak, host(w.local)}
		}
		return stuckKey{KindCloseWaitLeak, svc(w.server)}
	case tracker.SynSent:
		return stuckKey{KindSynSentStuck, svc(w.server)}
	case tracker.FinWait1:
		return stuckKey{KindFinWait1Stuck, host(w.local)}
	case tracker.FinWait2:
		return stuckKey{KindFinWait2Stuck, host(w.local)}
	}
	return stuckKey{KindLastAckStuck, host(w.local)}
}

func sideName(s tracker.Side) string {
	if s == tracker.Orig {
		return "client"
	}
	return "server"
}

// describe fills in g's record, from its counters and the endpoint
// counted last. Its sentences are built in the detector's scratch buffer:
// a record costs its strings only.
func (d *stuck) describe(g *stuckGroup) {
	f := g.f
	state, side, local := g.state, g.side, g.local
	ev := &f.Evidence
	ev.Reset()
	if cap(ev.b) == 0 {
		ev.b = make([]byte, 0, 256+24*len(g.samples))
	}
	ev.Int("connections", int64(g.count)).
		Str("state", state.String()).
		Str("oldest_age", g.oldest.Round(time.Millisecond).String())
	ev.key("oldest_uid")
	ev.b = AppendJSONString(ev.b, string(g.oldUID[:]))
	switch state {
	case tracker.CloseWait, tracker.FinWait2:
	default:
		ev.Int("retransmits", int64(g.rexmits))
	}
	ev.UIDs("sample_uids", g.samples).Uints("since_pkts", g.pkts)
	switch state {
	case tracker.CloseWait:
		ev.thresholdDur("age", d.cfg.CloseWaitAge)
	case tracker.FinWait2:
		ev.thresholdDur("age", d.cfg.FinWait2Age)
	default:
		ev.thresholdInt("retransmits", d.cfg.StuckRetransmits)
	}

	who := sideName(side)
	b := d.text[:0]
	conns := func(b []byte) []byte {
		return append(append(appendNum(b, g.count), ' '), Plural(g.count, "connection", "connections")...)
	}
	oldest := func(b []byte) []byte { return appendSeconds(b, g.oldest) }
	uid := func(b []byte) []byte { return append(b, g.oldUID[:]...) }
	addr := func(b []byte, ap netip.AddrPort) []byte {
		if !ap.IsValid() {
			return append(b, ap.String()...)
		}
		return ap.AppendTo(b)
	}
	switch state {
	case tracker.CloseWait:
		b = append(conns(b), " in CLOSE-WAIT, the oldest for "...)
		f.Summary, b = string(oldest(b)), b[:0]
		b = append(b, f.Subject...)
		b = append(conns(append(b, " held "...)), " in CLOSE-WAIT for "...)
		b = append(appendSeconds(b, d.cfg.CloseWaitAge), " or longer (the oldest "...)
		b = append(uid(append(oldest(b), ", "...)), "): the peer closed, the "...)
		b = append(append(b, who...), "'s kernel acknowledged its FIN, and the "...)
		b = append(append(b, who...), " application never called close(). A socket leak: each one holds a file descriptor and its buffers until the process exits."...)
		f.Advice = "Find the process holding the sockets (ss -tanp state close-wait) and fix the code path that returns without closing the connection: close it on EOF (read returned 0), on errors and on timeouts, e.g. with defer/finally. Restarting the process only hides the leak."
	case tracker.FinWait2:
		b = append(conns(b), " in FIN-WAIT-2 with no FIN from the peer, the oldest for "...)
		f.Summary, b = string(oldest(b)), b[:0]
		b = append(b, f.Subject...)
		b = append(conns(append(b, " held "...)), " in FIN-WAIT-2 (the oldest "...)
		b = append(addr(append(uid(b), ", "...), local), " for "...)
		b = append(appendSeconds(append(oldest(b), "; threshold "...), d.cfg.FinWait2Age), ", or the orphan timeout): it closed its side and its FIN was acknowledged, but the peer never sent its own FIN. The peer's application is in CLOSE-WAIT and has not called close()."...)
		f.Advice = "Look at the peer application: it must close its socket when it reads EOF. On this host, net.ipv4.tcp_fin_timeout bounds how long an orphaned FIN-WAIT-2 is kept."
	case tracker.FinWait1:
		b = append(conns(b), " in FIN-WAIT-1, FINs retransmitted "...)
		f.Summary, b = string(append(appendNum(b, g.rexmits), " times to silent peers"...)), b[:0]
		b = append(b, f.Subject...)
		b = append(conns(append(b, " held "...)), " in FIN-WAIT-1 (the oldest "...)
		b = append(addr(append(uid(b), ", "...), local), ", for "...)
		b = append(oldest(b), "): each closed its side and retransmitted its FIN without an acknowledgment, "...)
		b = append(appendNum(b, g.rexmits), " retransmissions in all. The peers no longer answer: gone, unreachable, or a firewall drops the segments."...)
		f.Advice = "Check whether the peer is still reachable (a firewall or NAT entry that expired, a host that went away). The kernel gives up after net.ipv4.tcp_orphan_retries retransmissions; many such sockets at once point to peers that vanish without a RST."
	case tracker.LastAck:
		b = append(conns(b), " in LAST-ACK, FINs retransmitted "...)
		f.Summary, b = string(append(appendNum(b, g.rexmits), " times"...)), b[:0]
		b = append(b, f.Subject...)
		b = append(conns(append(b, " held "...)), " in LAST-ACK (the oldest "...)
		b = append(addr(append(uid(b), ", "...), local), ", for "...)
		b = append(oldest(b), "): each answered its peer's close with its own FIN and retransmitted it without getting the final ACK, "...)
		b = append(appendNum(b, g.rexmits), " retransmissions in all. The peer has gone, or its ACKs are dropped on the way."...)
		f.Advice = "Look for a firewall or NAT dropping the peer's final ACK, or a peer that vanished after sending its FIN. The socket is freed after its retransmissions run out."
	case tracker.SynSent:
		their := Plural(g.count, "its", "their")
		b = append(append(append(conns(b), " retried "...), their...), " SYN without an answer ("...)
		f.Summary, b = string(append(appendNum(b, g.rexmits), " retransmissions)"...)), b[:0]
		b = append(append(append(conns(b), " to "...), f.Subject...), " retried "...)
		b = append(append(b, their...), " SYN "...)
		b = append(appendNum(b, d.cfg.StuckRetransmits), " times or more ("...)
		b = append(appendNum(b, g.rexmits), " retransmissions in all) and never got an answer (neither SYN-ACK nor RST): the service is unreachable or filtered, the packets are dropped silently on the way."...)
		f.Advice = "Check that the service is up and that no firewall silently drops its traffic (a closed port answers with a RST; silence means a drop). Clients should use a connect timeout shorter than the kernel's SYN retries (net.ipv4.tcp_syn_retries)."
	}
	if len(b) == 0 || b[len(b)-1] != '.' {
		b = append(b, '.')
	}
	f.Explanation = string(b)
	d.text = b[:0]
}

// halfDead reports a half-dead connection: k's keep-alives went
// unanswered, then rst (nil: the input ended) ended it.
func (d *stuck) halfDead(e *Engine, k *keepAlives, rst *segment.Segment) {
	who := sideName(k.side)
	f := &Finding{Kind: KindHalfDead, Severity: Warning, Subject: k.uid.String(), FirstTime: k.firstTime, FirstPkt: k.first,
		LastTime: e.Now(), LastPkt: k.last}
	f.Evidence.Int("keepalives_unanswered", int64(k.n)).Str("prober", who).Uint("first_keepalive_pkt", k.first)
	end := "the input ended with the connection still open on that side"
	if rst != nil {
		by := tracker.Resp
		if k.orig.Addr() == rst.Src && k.orig.Port() == rst.SrcPort {
			by = tracker.Orig
		}
		f.LastPkt = rst.Pkt
		f.Evidence.Uint("rst_pkt", rst.Pkt).Str("rst_by", sideName(by))
		end = fmt.Sprintf("then the %s reset the connection", sideName(by))
	}
	f.Evidence.Threshold("keepalives", d.cfg.HalfDeadKeepAlives)
	f.Summary = fmt.Sprintf("%s unanswered keep-alives from the %s, %s", Num(k.n), who, strings.TrimPrefix(end, "then "))
	f.Explanation = fmt.Sprintf("The connection %s → %s was half-dead: the %s sent %s keep-alives over %s and the peer answered none of them; %s. The peer host went away (crash, power loss, a NAT or firewall entry that expired) without a RST or FIN.",
		k.orig, k.resp, who, Num(k.n), Seconds(e.Now().Sub(k.firstTime)), end)
	f.Advice = "Keep-alives did their job: the dead peer was detected. Keep TCP_KEEPIDLE/KEEPINTVL/KEEPCNT short enough for the application, and check the path for idle timeouts of NATs and firewalls shorter than the keep-alive interval."
	e.Fire(f)
}
