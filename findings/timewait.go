package findings

import (
	"fmt"
	"net/netip"
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// TIME-WAIT piles and premature port reuse.
//
// time-wait-pile counts the endpoints in TIME-WAIT at once: a client's
// per host (its ephemeral ports are what runs out), a server's per
// service (it closed first). The finding fires when the count reaches
// TimeWaitPile and its episode ends when the count falls below it again
// (TIME-WAIT expired on the capture clock, or the input ended). Hosts and
// services live in a bounded table (maxPileKeys).
//
// port-reuse-premature: a SYN on a 4-tuple still in TIME-WAIT that the
// TIME-WAIT endpoint refused as an old duplicate (the tracker's
// RefusedReuse note: its sequence number not above RCV.NXT, or PAWS), or
// one it accepted on newer timestamps (the tracker's "TIME-WAIT ended by
// new SYN" transition) with a sequence number below the end of the old
// connection's sequence space from the same sender: the old connection's
// delayed segments could be taken for the new one's (RFC 9293 §3.4.1,
// RFC 6191).

const maxPileKeys = 4096

type pile struct {
	cur, peak, total int
	client           bool           // the TIME-WAIT side is the client: the key is its host
	svc              netip.AddrPort // the service the connections went to
	svcMixed         bool           // more than one
	f                *Finding
	firstPkt         uint64
	first            time.Time
	samples          []string
}

type reusePending struct {
	pkt       uint64
	old       [2]netip.AddrPort
	end       [2]seqnum.Value // past the old connection's sequence space, per side
	known     [2]bool
	oldUID    tracker.UID
	oldClosed time.Time
}

type timeWait struct {
	cfg     Config
	piles   *genMap[pileKey, pile]
	pending reusePending
}

// pileKey is a pile's subject: a client's host (port 0) or a server's
// service, the address unmapped.
type pileKey struct {
	ap   netip.AddrPort
	host bool
}

// String returns the subject: "10.0.0.1", "10.0.0.2:80".
func (k pileKey) String() string {
	if k.host {
		return Host(k.ap.Addr())
	}
	return Service(k.ap)
}

// pileHash hashes a pile's key for its table (genMap.withHash).
func pileHash(k pileKey) uint64 {
	h := addrPortHash(k.ap)
	if k.host {
		h = ^h
	}
	return h
}

func newTimeWait(cfg Config) *timeWait {
	d := &timeWait{cfg: cfg, piles: newGenMap[pileKey, pile](maxPileKeys).withHash(pileHash)}
	// A pile dropped from the table with no episode open is held by
	// nothing else.
	d.piles.spare = func(p *pile) bool { return p.f == nil }
	return d
}

func (d *timeWait) Name() string { return KindTimeWaitPile }

func (d *timeWait) key(c *tracker.Conn, s tracker.Side) pileKey {
	if s == tracker.Orig {
		return pileKey{ap: netip.AddrPortFrom(c.Addr(tracker.Orig).Addr().Unmap(), 0), host: true}
	}
	return svcKey(c.Addr(tracker.Resp))
}

// svcKey is the pile key of the server resp.
func svcKey(resp netip.AddrPort) pileKey {
	return pileKey{ap: netip.AddrPortFrom(resp.Addr().Unmap(), resp.Port())}
}

// Transition implements TransitionWatcher.
func (d *timeWait) Transition(e *Engine, c *tracker.Conn, ev *tracker.Event) {
	switch {
	case ev.To == tracker.TimeWait && ev.From != tracker.TimeWait:
		d.enter(e, c, ev)
	case ev.From == tracker.TimeWait && ev.To != tracker.TimeWait:
		if ev.Reason == reuseReason && ev.Pkt != 0 {
			d.noteReuse(c, ev)
		}
		d.leave(e, c, ev.Side)
	}
}

// reuseReason is the tracker's reason for a TIME-WAIT taken over by a
// new SYN.
const reuseReason = "TIME-WAIT ended by new SYN: port reuse"

// Done implements DoneWatcher: a TIME-WAIT left in the table ends with it.
func (d *timeWait) Done(e *Engine, c *tracker.Conn) {
	for s := tracker.Orig; s <= tracker.Resp; s++ {
		if c.State(s) == tracker.TimeWait {
			d.leave(e, c, s)
		}
	}
}

func (d *timeWait) enter(e *Engine, c *tracker.Conn, ev *tracker.Event) {
	resp := c.Addr(tracker.Resp) // built once
	var k pileKey
	if ev.Side == tracker.Orig {
		k = d.key(c, ev.Side)
	} else {
		k = svcKey(resp)
	}
	p := d.piles.get(k)
	if p == nil {
		p = d.piles.newValue()
		samples := p.samples[:0]
		*p = pile{client: ev.Side == tracker.Orig, svc: resp, samples: samples}
		d.piles.put(k, p)
	}
	if p.cur == 0 && p.f == nil {
		p.total, p.peak, p.svcMixed = 0, 0, false
		p.first, p.firstPkt = ev.Time, ev.Pkt
		p.svc = resp
	}
	if resp != p.svc {
		p.svcMixed = true
	}
	p.cur++
	p.total++
	p.peak = max(p.peak, p.cur)
	if p.f != nil {
		p.f.LastTime, p.f.LastPkt = ev.Time, ev.Pkt // described when it ends (fill)
		return
	}
	if p.cur >= d.cfg.TimeWaitPile {
		p.f = &Finding{Kind: KindTimeWaitPile, Severity: Warning, Subject: k.String(), FirstTime: p.first, FirstPkt: p.firstPkt,
			LastTime: ev.Time, LastPkt: ev.Pkt}
		p.f.fill = func() { d.describe(p) }
		d.describe(p)
		if !e.Fire(p.f) {
			p.f = nil
		}
	}
}

func (d *timeWait) leave(e *Engine, c *tracker.Conn, s tracker.Side) {
	p := d.piles.get(d.key(c, s))
	if p == nil || p.cur == 0 {
		return
	}
	p.cur--
	if p.f != nil && p.cur < d.cfg.TimeWaitPile {
		e.End(p.f) // described by its fill
		p.f = nil
	}
}

// describe fills in p's record.
func (d *timeWait) describe(p *pile) {
	f := p.f
	span := f.LastTime.Sub(p.first)
	rate := 0.0
	if span > 0 {
		rate = float64(p.total) / span.Seconds()
	}
	rng := d.cfg.EphemeralLast - d.cfg.EphemeralFirst + 1
	pct := float64(p.peak) * 100 / float64(rng)
	closer := "server"
	if p.client {
		closer = "client"
	}
	f.Evidence.Reset()
	f.Evidence.Int("peak", int64(p.peak)).Int("entered", int64(p.total)).
		Str("closed_first_by", closer).Str("span", span.Round(time.Millisecond).String()).
		Int("per_second", int64(rate+0.5))
	if !p.svcMixed {
		f.Evidence.Str("service", Service(p.svc))
	}
	if p.client {
		f.Evidence.Str("ephemeral_range", fmt.Sprintf("%d-%d", d.cfg.EphemeralFirst, d.cfg.EphemeralLast)).
			Int("ephemeral_used_percent", int64(pct+0.5))
	}
	f.Evidence.Threshold("time_wait", d.cfg.TimeWaitPile)
	f.Summary = fmt.Sprintf("%s endpoints in TIME-WAIT at once, %s new per second, %s closing first", Num(p.peak), Num(int64(rate+0.5)), closer)
	var x string
	if p.client {
		to := "several services"
		if !p.svcMixed {
			to = Service(p.svc)
		}
		x = fmt.Sprintf("%s closed its connections first and so held up to %s of them in TIME-WAIT at once (%s entered over %s, about %s per second), toward %s. TIME-WAIT keeps the 4-tuple for 2×MSL (60 s on Linux): toward one service, every one holds an ephemeral port, and the peak used %.0f %% of the ephemeral range %d-%d; once it is used up, connect() fails with EADDRNOTAVAIL.",
			f.Subject, Num(p.peak), Num(p.total), Seconds(span), Num(int64(rate+0.5)), to, pct, d.cfg.EphemeralFirst, d.cfg.EphemeralLast)
		f.Advice = "Reuse connections (HTTP keep-alive, a connection pool) instead of opening one per request; on Linux, net.ipv4.tcp_tw_reuse=1 lets new outgoing connections take over TIME-WAIT ports safely (it relies on TCP timestamps), and a wider net.ipv4.ip_local_port_range helps. Do not use tcp_tw_recycle: it broke clients behind NAT and was removed in Linux 4.12."
	} else {
		x = fmt.Sprintf("The server %s closed its connections first and so held up to %s of them in TIME-WAIT at once (%s entered over %s, about %s per second). A server-side TIME-WAIT costs little memory but no port; the pile shows the server ends the connections, where letting the clients close first would move TIME-WAIT to them.",
			f.Subject, Num(p.peak), Num(p.total), Seconds(span), Num(int64(rate+0.5)))
		f.Advice = "Let clients close first (or use persistent connections) so TIME-WAIT stays with them; set SO_REUSEADDR on the listening socket so a restart can bind while TIME-WAIT remains. Do not use tcp_tw_recycle: it broke clients behind NAT and was removed in Linux 4.12."
	}
	f.Explanation = x
}

// noteReuse remembers the old connection c whose TIME-WAIT a new SYN
// (packet ev.Pkt) took over, for the Packet that follows.
func (d *timeWait) noteReuse(c *tracker.Conn, ev *tracker.Event) {
	if d.pending.pkt == ev.Pkt {
		return // the other side's transition, same SYN
	}
	p := reusePending{pkt: ev.Pkt, oldUID: c.UID(), oldClosed: ev.Time.Add(-ev.Age)}
	for s := tracker.Orig; s <= tracker.Resp; s++ {
		p.old[s] = c.Addr(s)
		if c.HasBase(s) && c.Packets(s) > 0 {
			isn := seqnum.Value(-c.Rel(s, 0))
			// SYN, payload, FIN.
			p.end[s], p.known[s] = isn.Add(seqnum.Size(c.Bytes(s))+2), true
		}
	}
	d.pending = p
}

// Packet implements PacketWatcher: the SYN that reused a 4-tuple.
func (d *timeWait) Packet(e *Engine, c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	for i := range evs {
		if evs[i].RefusedReuse() {
			d.refused(e, c, seg, &evs[i])
			return
		}
	}
	if d.pending.pkt == 0 || seg.Pkt != d.pending.pkt {
		return
	}
	p := d.pending
	d.pending = reusePending{}
	if seg.Flags&segment.SYN == 0 {
		return
	}
	s := tracker.Resp
	if p.old[tracker.Orig].Addr() == seg.Src && p.old[tracker.Orig].Port() == seg.SrcPort {
		s = tracker.Orig
	}
	if !p.known[s] || !seg.Seq.LessThan(p.end[s]) {
		return
	}
	below := uint32(p.end[s] - seg.Seq)
	f := &Finding{Kind: KindPortReusePremature, Severity: Warning, Subject: c.UID().String()}
	f.Evidence.Str("old_uid", p.oldUID.String()).Uint("syn_pkt", seg.Pkt).
		Uint("below_old_end", uint64(below)).Bool("timestamps", seg.Opts.HasTS).
		Str("after_time_wait", seg.Time.Sub(p.oldClosed).Round(time.Millisecond).String())
	f.Summary = fmt.Sprintf("new SYN %s below the old connection's sequence space, %s into its TIME-WAIT", Num(int64(below)), Seconds(seg.Time.Sub(p.oldClosed)))
	f.Explanation = fmt.Sprintf("A new SYN from %s:%d reused the 4-tuple of connection %s while it was still in TIME-WAIT (for %s), with a sequence number %s below where the old connection's sequence space ended. TIME-WAIT exists so that delayed segments of the old connection are not taken for the new one's; a lower ISN defeats that (RFC 9293 §3.4.1), and a TIME-WAIT socket refuses such a SYN as an old duplicate unless its timestamps are newer (RFC 6191).",
		Host(seg.Src), seg.SrcPort, p.oldUID, Seconds(seg.Time.Sub(p.oldClosed)), Num(int64(below)))
	f.Advice = "A sender whose ISNs do not grow (a forged SYN, a broken TCP stack or a load balancer rewriting sequence numbers) is at fault; with TCP timestamps on both ends Linux can accept a reuse safely. Avoid fixed source ports, and prefer connection reuse; never tcp_tw_recycle (removed in Linux 4.12)."
	e.Fire(f)
}

// refused reports a SYN that the TIME-WAIT endpoint of connection c
// refused as an old duplicate (the tracker's RefusedReuse note): its
// sequence number was not above RCV.NXT, or PAWS rejected its timestamp.
// It opened no connection; the finding names the old one.
func (d *timeWait) refused(e *Engine, c *tracker.Conn, seg *segment.Segment, ev *tracker.Event) {
	below := uint64(0)
	if ev.Delta < 0 {
		below = uint64(-ev.Delta)
	}
	paws := ev.Reason == tracker.ReasonReuseRefusedPAWS
	f := &Finding{Kind: KindPortReusePremature, Severity: Warning, Subject: c.UID().String()}
	f.Evidence.Str("old_uid", c.UID().String()).Uint("syn_pkt", seg.Pkt).
		Uint("below_rcv_nxt", below).Bool("timestamps", seg.Opts.HasTS).Bool("refused", true).Bool("paws", paws)
	why := fmt.Sprintf("%s below the TIME-WAIT endpoint's RCV.NXT", Num(int64(below)))
	if paws {
		why = "with a timestamp older than the TIME-WAIT endpoint's TS.Recent (PAWS)"
	}
	f.Summary = fmt.Sprintf("SYN on a 4-tuple in TIME-WAIT %s: refused", why)
	f.Explanation = fmt.Sprintf("A SYN from %s:%d tried to reuse the 4-tuple of connection %s while its peer held it in TIME-WAIT, %s. The TIME-WAIT endpoint refuses such a SYN as an old duplicate and answers with an ACK of the old connection (RFC 9293 §3.6.1, RFC 6191): the new connection cannot open until TIME-WAIT ends or the client's RST kills it.",
		Host(seg.Src), seg.SrcPort, c.UID(), why)
	f.Advice = "A sender whose ISNs do not grow past the old connection's (a forged SYN, a broken TCP stack, or a load balancer rewriting sequence numbers) is at fault; TCP timestamps on both ends let Linux accept a reuse safely. Avoid fixed source ports and prefer connection reuse; never tcp_tw_recycle (removed in Linux 4.12)."
	e.Fire(f)
}
