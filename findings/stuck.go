package findings

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"time"

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

type watchKey struct {
	id   uint64
	side tracker.Side
}

// watched is one endpoint in a state that may get stuck.
type watched struct {
	id       uint64
	c        *tracker.Conn // while in the tracker's table; nil once uid is set
	uid      tracker.UID
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
	oldUID   string
	samples  []string
	pkts     []uint64
	rexmits  int
}

type stuck struct {
	cfg    Config
	watch  map[watchKey]*watched
	ka     map[uint64]*keepAlives
	groups map[episodeKey]*stuckGroup
	kaEnd  []*keepAlives // half-dead connections left at the input's end
	free   []*watched    // entries to reuse: no allocation per connection
	due    []*watched    // scratch for Tick
	toFire []*stuckGroup // episodes opened by the current batch
}

func newStuck(cfg Config) *stuck {
	return &stuck{cfg: cfg, watch: make(map[watchKey]*watched), ka: make(map[uint64]*keepAlives),
		groups: make(map[episodeKey]*stuckGroup)}
}

func (d *stuck) Name() string { return "stuck-states" }

// newWatched returns an entry, reused if one is free.
func (d *stuck) newWatched() *watched {
	if n := len(d.free); n > 0 {
		w := d.free[n-1]
		d.free = d.free[:n-1]
		return w
	}
	return new(watched)
}

// uidOf returns the connection's uid, computed only when a finding needs
// it (it costs a hash).
func (w *watched) uidOf() tracker.UID {
	if w.c != nil && w.c.ID() == w.id {
		w.uid, w.c = w.c.UID(), nil
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
// endpoints, and keep-alives.
func (d *stuck) Packet(e *Engine, c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	if seg.Flags&(segment.SYN|segment.FIN) != 0 && seg.Flags&segment.RST == 0 {
		if w := d.watch[watchKey{c.ID(), side}]; w != nil {
			if w.c != nil {
				w.c = c // a connection kept compact in between gets another *Conn (tracker/compact.go)
			}
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
		k := d.ka[c.ID()]
		if k == nil || k.side != side {
			if len(d.ka) >= maxWatched {
				return
			}
			k = &keepAlives{side: side, first: seg.Pkt, firstTime: seg.Time}
			d.ka[c.ID()] = k
		}
		k.n++
		k.last = seg.Pkt
		return
	}
	if len(d.ka) == 0 {
		return
	}
	k := d.ka[c.ID()]
	switch {
	case k == nil:
	case seg.Flags&segment.RST != 0:
		if k.n >= d.cfg.HalfDeadKeepAlives {
			k.uid, k.orig, k.resp = c.UID(), c.Addr(tracker.Orig), c.Addr(tracker.Resp)
			d.halfDead(e, k, seg)
		}
		delete(d.ka, c.ID())
	case side != k.side:
		delete(d.ka, c.ID()) // answered
	}
}

// Transition implements TransitionWatcher: endpoints enter and leave the
// watched states.
func (d *stuck) Transition(e *Engine, c *tracker.Conn, ev *tracker.Event) {
	k := watchKey{c.ID(), ev.Side}
	if w := d.watch[k]; w != nil && w.state == ev.From {
		if ev.From == tracker.FinWait2 && ev.To == tracker.Closed && ev.Pkt == 0 && !w.done && !c.Midstream() {
			d.report(e, w, ev.Time) // the orphan timeout ended it: the peer never sent its FIN
			d.fire(e)
		}
		delete(d.watch, k)
		d.free = append(d.free, w)
	}
	if !watchedState(ev.To) || len(d.watch) >= maxWatched {
		return
	}
	if ev.To == tracker.SynSent && (ev.From != tracker.Closed || ev.Inferred) {
		return
	}
	w := d.newWatched()
	*w = watched{id: c.ID(), c: c, side: ev.Side, state: ev.To, since: ev.Time, sincePkt: ev.Pkt,
		local: c.Addr(ev.Side), server: c.Addr(tracker.Resp)}
	d.watch[k] = w
}

// Done implements DoneWatcher: the connection's endpoints are judged as
// they leave early (idle timeout, table full); those still in their
// state when the input ends are left to End, so that their finding is
// dated at the end, not at the last packet.
func (d *stuck) Done(e *Engine, c *tracker.Conn) {
	for s := tracker.Orig; s <= tracker.Resp; s++ {
		k := watchKey{c.ID(), s}
		if w := d.watch[k]; w != nil {
			if c.Why() == "" && c.State(s) == w.state {
				w.uid, w.c = c.UID(), nil
				continue // the input's end (Flush): End judges it
			}
			if !w.done && d.isStuck(w, e.Now()) {
				d.report(e, w, e.Now())
			}
			delete(d.watch, k)
			d.free = append(d.free, w)
		}
	}
	d.fire(e)
	if k := d.ka[c.ID()]; k != nil {
		if k.n >= d.cfg.HalfDeadKeepAlives {
			k.uid, k.orig, k.resp = c.UID(), c.Addr(tracker.Orig), c.Addr(tracker.Resp)
			d.kaEnd = append(d.kaEnd, k) // End reports it, at the input's end
		}
		delete(d.ka, c.ID())
	}
}

// Tick implements Ticker: what has been stuck long enough by now.
func (d *stuck) Tick(e *Engine, now time.Time) {
	d.due = d.due[:0]
	for _, w := range d.watch {
		if !w.done && d.isStuck(w, now) {
			d.due = append(d.due, w)
		}
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
	kind, subj := d.subject(w)
	if g := d.groups[episodeKey{kind, subj}]; g != nil && !g.f.ended {
		g.rexmits++
		g.f.LastPkt = w.lastPkt
		if w.lastTime.After(g.f.LastTime) {
			g.f.LastTime = w.lastTime
		}
		d.describe(g, w)
	}
}

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
	kind, subj := d.subject(w)
	k := episodeKey{kind, subj}
	g := d.groups[k]
	if g == nil || g.f.ended {
		g = &stuckGroup{f: &Finding{Kind: kind, Severity: Warning, Subject: subj, FirstTime: w.since, FirstPkt: w.sincePkt}}
		d.groups[k] = g
	}
	g.count++
	g.rexmits += w.rexmits
	// The oldest is the endpoint that entered its state first (ties: the
	// first reported, in the order Tick sorts them), whatever tick
	// reported it.
	if g.oldUID == "" || w.since.Before(g.oldSince) {
		g.oldSince, g.oldUID = w.since, w.uidOf().String()
	}
	g.oldest = now.Sub(g.oldSince)
	if len(g.samples) < maxSamples {
		g.samples = append(g.samples, w.uidOf().String())
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
	d.describe(g, w)
	if g.f.FireTime.IsZero() && !slices.Contains(d.toFire, g) {
		d.toFire = append(d.toFire, g)
	}
}

// fire fires the episodes that reports opened, once the batch that
// opened them is counted: the marker tells the batch's count.
func (d *stuck) fire(e *Engine) {
	for _, g := range d.toFire {
		e.Fire(g.f)
	}
	d.toFire = d.toFire[:0]
}

func (d *stuck) subject(w *watched) (kind, subj string) {
	switch w.state {
	case tracker.CloseWait:
		if w.side == tracker.Orig {
			return KindCloseWaitLeak, Host(w.local.Addr())
		}
		return KindCloseWaitLeak, Service(w.server)
	case tracker.SynSent:
		return KindSynSentStuck, Service(w.server)
	case tracker.FinWait1:
		return KindFinWait1Stuck, Host(w.local.Addr())
	case tracker.FinWait2:
		return KindFinWait2Stuck, Host(w.local.Addr())
	}
	return KindLastAckStuck, Host(w.local.Addr())
}

func sideName(s tracker.Side) string {
	if s == tracker.Orig {
		return "client"
	}
	return "server"
}

// describe fills in g's record; w is the endpoint just counted.
func (d *stuck) describe(g *stuckGroup, w *watched) {
	f := g.f
	f.Evidence.Reset()
	f.Evidence.Int("connections", int64(g.count)).
		Str("state", w.state.String()).
		Str("oldest_age", g.oldest.Round(time.Millisecond).String()).
		Str("oldest_uid", g.oldUID)
	var th []any
	switch w.state {
	case tracker.CloseWait:
		th = []any{"age", d.cfg.CloseWaitAge}
	case tracker.FinWait2:
		th = []any{"age", d.cfg.FinWait2Age}
	default:
		f.Evidence.Int("retransmits", int64(g.rexmits))
		th = []any{"retransmits", d.cfg.StuckRetransmits}
	}
	f.Evidence.Strs("sample_uids", g.samples).Uints("since_pkts", g.pkts).Threshold(th...)
	who := sideName(w.side)
	conns := Num(g.count) + " " + Plural(g.count, "connection", "connections")
	switch w.state {
	case tracker.CloseWait:
		f.Summary = fmt.Sprintf("%s in CLOSE-WAIT, the oldest for %s", conns, Seconds(g.oldest))
		f.Explanation = fmt.Sprintf("%s held %s in CLOSE-WAIT for %s or longer (the oldest %s, %s): the peer closed, the %s's kernel acknowledged its FIN, and the %s application never called close(). A socket leak: each one holds a file descriptor and its buffers until the process exits.",
			f.Subject, conns, Seconds(d.cfg.CloseWaitAge), Seconds(g.oldest), g.oldUID, who, who)
		f.Advice = "Find the process holding the sockets (ss -tanp state close-wait) and fix the code path that returns without closing the connection: close it on EOF (read returned 0), on errors and on timeouts, e.g. with defer/finally. Restarting the process only hides the leak."
	case tracker.FinWait2:
		f.Summary = fmt.Sprintf("%s in FIN-WAIT-2 with no FIN from the peer, the oldest for %s", conns, Seconds(g.oldest))
		f.Explanation = fmt.Sprintf("%s held %s in FIN-WAIT-2 (the oldest %s, %s for %s; threshold %s, or the orphan timeout): it closed its side and its FIN was acknowledged, but the peer never sent its own FIN. The peer's application is in CLOSE-WAIT and has not called close().",
			f.Subject, conns, g.oldUID, w.local, Seconds(g.oldest), Seconds(d.cfg.FinWait2Age))
		f.Advice = "Look at the peer application: it must close its socket when it reads EOF. On this host, net.ipv4.tcp_fin_timeout bounds how long an orphaned FIN-WAIT-2 is kept."
	case tracker.FinWait1:
		f.Summary = fmt.Sprintf("%s in FIN-WAIT-1, FINs retransmitted %s times to silent peers", conns, Num(g.rexmits))
		f.Explanation = fmt.Sprintf("%s held %s in FIN-WAIT-1 (the oldest %s, %s, for %s): each closed its side and retransmitted its FIN without an acknowledgment, %s retransmissions in all. The peers no longer answer: gone, unreachable, or a firewall drops the segments.",
			f.Subject, conns, g.oldUID, w.local, Seconds(g.oldest), Num(g.rexmits))
		f.Advice = "Check whether the peer is still reachable (a firewall or NAT entry that expired, a host that went away). The kernel gives up after net.ipv4.tcp_orphan_retries retransmissions; many such sockets at once point to peers that vanish without a RST."
	case tracker.LastAck:
		f.Summary = fmt.Sprintf("%s in LAST-ACK, FINs retransmitted %s times", conns, Num(g.rexmits))
		f.Explanation = fmt.Sprintf("%s held %s in LAST-ACK (the oldest %s, %s, for %s): each answered its peer's close with its own FIN and retransmitted it without getting the final ACK, %s retransmissions in all. The peer has gone, or its ACKs are dropped on the way.",
			f.Subject, conns, g.oldUID, w.local, Seconds(g.oldest), Num(g.rexmits))
		f.Advice = "Look for a firewall or NAT dropping the peer's final ACK, or a peer that vanished after sending its FIN. The socket is freed after its retransmissions run out."
	case tracker.SynSent:
		their := Plural(g.count, "its", "their")
		f.Summary = fmt.Sprintf("%s retried %s SYN without an answer (%s retransmissions)", conns, their, Num(g.rexmits))
		f.Explanation = fmt.Sprintf("%s to %s retried %s SYN %s times or more (%s retransmissions in all) and never got an answer (neither SYN-ACK nor RST): the service is unreachable or filtered, the packets are dropped silently on the way.",
			conns, f.Subject, their, Num(d.cfg.StuckRetransmits), Num(g.rexmits))
		f.Advice = "Check that the service is up and that no firewall silently drops its traffic (a closed port answers with a RST; silence means a drop). Clients should use a connect timeout shorter than the kernel's SYN retries (net.ipv4.tcp_syn_retries)."
	}
	if !strings.HasSuffix(f.Explanation, ".") {
		f.Explanation += "."
	}
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
