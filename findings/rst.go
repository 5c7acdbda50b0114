package findings

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
	"time"

	"github.com/flowtrace/flowtrace/internal/chunkpool"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// RST forensics: every RST is classified (RSTClass), and some are judged
// forged.
//
// The detector keeps, per connection (a bounded table), the range of TTLs
// (IPv6: hop limits) and the latest IP ID each side's packets carried.
// A RST is a suspect when
//   - its TTL lies more than RSTTTLDelta outside its claimed sender's
//     range: it was sent from another distance;
//   - it lies far out of the receiver's window (farRST): a blind guess;
//   - its claimed sender goes on sending data after it (a stray segment,
//     or one on the same connection): the real sender never reset.
//
// Refusals and scanner teardowns are never suspects: a scanner's raw SYN
// and its kernel's RST differ in TTL by nature.
//
// The IP ID out of the sender's sequence is kept as supporting evidence.
// Two suspect RSTs of one connection in opposite directions within
// middleboxWindow, with TTLs that match neither endpoint, are a
// middlebox-reset (a firewall resetting both ends at once); otherwise a
// TTL suspect is an rst-injection, decided on the first Tick more than
// middleboxWindow after it, or at the input's end. A connection stays
// known after it leaves the tracker's table, for the strays after it. A far
// out-of-window RST and a sender still talking fire at once.

// RSTClass names what a RST did.
type RSTClass string

// The RST classes.
const (
	RSTRefusal         RSTClass = "refusal"          // a closed port refusing a SYN
	RSTScannerTeardown RSTClass = "scanner-teardown" // the client resetting an answered SYN (SYN scan)
	RSTAbortClient     RSTClass = "abort-client"     // the client aborting its connection
	RSTAbortServer     RSTClass = "abort-server"     // the server aborting its connection
	RSTAfterFIN        RSTClass = "after-fin"        // a RST from an endpoint already closing
	RSTInWindow        RSTClass = "in-window"        // in the window but not exact: ignored (challenge ACK)
	RSTOutOfWindow     RSTClass = "out-of-window"    // outside the window: ignored
	RSTIgnored         RSTClass = "ignored"          // ignored for another reason (bad ACK in SYN-SENT, PAWS, no TCB)
)

const (
	maxRSTConns     = 1 << 16
	middleboxWindow = time.Second
	farRST          = 1 << 24 // bytes from RCV.NXT
	ipidJump        = 1024    // an IP ID this far from the sender's sequence
)

// ttlLearn is what one side's packets showed: kept, for every connection
// followed, in the connection's record (connAux.learn), the only memory
// a packet without RST touches.
type ttlLearn struct {
	seen     bool
	accepted bool // its RST was accepted: the sender is gone
	lo, hi   uint8
	ipid     uint16
	ipidSeq  uint8 // consecutive small IP ID steps (it stops counting at 255)
}

// ttlSide is one side's latest RST.
type ttlSide struct {
	rstPkt     uint64
	rstTime    time.Time
	rstTTL     uint8
	rstClass   RSTClass
	rstIPIDOff bool
	suspect    bool // rstPkt is a TTL suspect awaiting judgement
}

// rstConn is a connection's RSTs, from its first one on.
type rstConn struct {
	// uid is the connection's, hashed from src (set at its first RST)
	// only when a finding names it (uidOf), or a stray's.
	uid    tracker.UID
	src    tracker.UIDSource
	hasSrc bool
	side   [2]ttlSide
	fired  bool
	// orig and resp are the connection's endpoints, for the explanation
	// ("10.0.0.1:4000 → 10.0.0.2:80"); set at its first RST.
	orig, resp netip.AddrPort
	// lp is the connection's learn pair while it is in the tracker's
	// table; learn a copy of it once it left.
	lp    *[2]ttlLearn
	learn [2]ttlLearn
	// Where the record is held: it returns to the pool when none holds it.
	live    bool // in its connection's record (connAux.rst)
	pending bool // in rstDetector.pending
	gone    bool // in rstDetector.gone
}

// uidOf returns the connection's uid.
func (rc *rstConn) uidOf() tracker.UID {
	if rc.uid[0] == 0 && rc.hasSrc {
		rc.uid = rc.src.UID()
	}
	return rc.uid
}

// l returns what side s's packets showed.
func (rc *rstConn) l(s tracker.Side) *ttlLearn {
	if rc.lp != nil {
		return &rc.lp[s]
	}
	return &rc.learn[s]
}

// rstFirst holds what the first packet of a connection showed, until a
// second packet makes the connection followed: a flood of one-packet
// connections (spoofed SYNs) costs nothing here.
type rstFirst struct {
	id   uint64 // connection number; 0: free
	side tracker.Side
	ts   ttlLearn
}

const (
	rstFirstSlots = 1 << 14
	// maxRSTGone bounds the connections remembered after they left the
	// tracker's table, for the strays after an accepted RST.
	maxRSTGone = 1 << 12
)

type rstDetector struct {
	cfg      Config
	first    [rstFirstSlots]rstFirst
	followed int                     // connections followed (connAux.rstOn): at most maxRSTConns
	pool     chunkpool.Pool[rstConn] // the RST records
	// gone holds the connections that left the tracker's table after an
	// accepted RST (a stray may still come from their claimed sender),
	// the oldest first out of goneQ (a ring of goneN ids from goneAt).
	gone          map[uint64]*rstConn
	goneQ         []uint64
	goneAt, goneN int
	pending       []*rstConn // with a TTL suspect, in order
	counts        [len(RSTClasses)]int
}

func newRST(cfg Config) *rstDetector {
	return &rstDetector{cfg: cfg, gone: make(map[uint64]*rstConn), goneQ: make([]uint64, maxRSTGone)}
}

func (d *rstDetector) Name() string { return "rst-forensics" }

// Counts returns how many RSTs of each class the detector saw.
func (d *rstDetector) Counts() map[RSTClass]int {
	m := make(map[RSTClass]int)
	for i, n := range d.counts {
		if n > 0 {
			m[RSTClasses[i]] = n
		}
	}
	return m
}

// RSTClasses lists the classes in the order notes give them.
var RSTClasses = [...]RSTClass{RSTRefusal, RSTScannerTeardown, RSTAbortClient, RSTAbortServer, RSTAfterFIN, RSTInWindow, RSTOutOfWindow, RSTIgnored}

// classIndex returns c's index in RSTClasses.
func classIndex(c RSTClass) int {
	for i, x := range RSTClasses {
		if x == c {
			return i
		}
	}
	return len(RSTClasses) - 1
}

// Notes implements Noter: "RSTs by class: 3 refusal, 1 abort-client".
func (d *rstDetector) Notes() []string {
	var b strings.Builder
	b.WriteString("RSTs by class:")
	sep := " "
	for i, c := range RSTClasses {
		if n := d.counts[i]; n > 0 {
			fmt.Fprintf(&b, "%s%s %s", sep, Num(n), c)
			sep = ", "
		}
	}
	if sep == " " {
		return nil
	}
	return []string{b.String()}
}

// newConn returns a zero RST record.
func (d *rstDetector) newConn() *rstConn { return d.pool.Get() }

// release returns rc to the pool once nothing holds it.
func (d *rstDetector) release(rc *rstConn) {
	if rc.live || rc.pending || rc.gone {
		return
	}
	d.pool.Put(rc)
}

// Packet implements PacketWatcher.
func (d *rstDetector) Packet(e *Engine, c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	if word(c)&auxRST == 0 {
		sl := &d.first[c.ID()%rstFirstSlots]
		var from *rstFirst
		switch {
		case c.Packets(tracker.Orig)+c.Packets(tracker.Resp) > 1:
			if sl.id != c.ID() {
				return // its first packet's slot was taken: not followed
			}
			from = sl
		case seg.Flags&segment.RST == 0:
			*sl = rstFirst{id: c.ID(), side: side}
			learn(&sl.ts, seg)
			return
		}
		if d.followed >= maxRSTConns {
			return // at the cap: not followed
		}
		d.followed++
		e.handle(c)
		c.SetAux(auxKey, word(c)|auxRST)
		if from != nil {
			e.conns.learn(word(c) & auxHandle)[from.side] = from.ts
			*from = rstFirst{}
		}
	}
	lp := e.conns.learn(word(c) & auxHandle)
	l := &lp[side]
	if seg.Flags&segment.RST == 0 {
		if l.accepted && (seg.PayloadLen > 0 || seg.Flags&segment.FIN != 0) {
			var rc *rstConn
			if a := e.aux(c, auxRec); a != nil {
				rc = a.rst
			}
			d.stillTalking(e, c.UID(), rc, side, seg.Pkt)
		}
		learn(l, seg)
		return
	}
	a := e.auxOf(c, 0)
	rc := a.rst
	if rc == nil {
		rc = d.newConn()
		rc.lp, rc.live = lp, true
		a.rst = rc
	}
	d.onRST(e, c, rc, seg, side, evs)
}

// Done implements DoneWatcher: a connection that leaves with an accepted
// RST is remembered for the strays after it (the oldest forgotten first).
func (d *rstDetector) Done(e *Engine, c *tracker.Conn) {
	w := word(c)
	if w&auxRST == 0 {
		return
	}
	c.SetAux(auxKey, w&^auxRST)
	d.followed--
	a := e.aux(c, auxRec)
	if a == nil || a.rst == nil {
		return
	}
	rc := a.rst
	rc.learn, rc.lp, rc.live = *rc.lp, nil, false
	a.rst = nil
	if rc.learn[0].accepted || rc.learn[1].accepted {
		if d.goneN == maxRSTGone {
			old := d.gone[d.goneQ[d.goneAt]]
			delete(d.gone, d.goneQ[d.goneAt])
			d.goneAt = (d.goneAt + 1) % maxRSTGone
			d.goneN--
			if old != nil {
				old.gone = false
				d.release(old)
			}
		}
		d.goneQ[(d.goneAt+d.goneN)%maxRSTGone] = c.ID()
		d.goneN++
		d.gone[c.ID()] = rc
		rc.gone = true
	}
	d.release(rc)
}

// learn widens side l's TTL range and follows its IP IDs.
func learn(l *ttlLearn, seg *segment.Segment) {
	ttl, id := seg.TTL, seg.IPID
	if !l.seen {
		l.seen, l.lo, l.hi, l.ipid = true, ttl, ttl, id
		return
	}
	if ttl < l.lo {
		l.lo = ttl
	} else if ttl > l.hi {
		l.hi = ttl
	}
	// A small step: 1 to 63.
	if id != 0 && id-l.ipid-1 < 63 {
		if l.ipidSeq < 255 {
			l.ipidSeq++
		}
	} else {
		l.ipidSeq = 0
	}
	l.ipid = id
}

// classify says what RST seg from side s did, from the events it caused.
func classify(c *tracker.Conn, s tracker.Side, evs []tracker.Event) (RSTClass, int64) {
	for i := range evs {
		ev := &evs[i]
		switch {
		case ev.Kind == tracker.Note && strings.HasPrefix(ev.Reason, "RST out of window"):
			return RSTOutOfWindow, ev.Delta
		case ev.Kind == tracker.Note && strings.HasPrefix(ev.Reason, "RST in window"):
			return RSTInWindow, ev.Delta
		case ev.Kind == tracker.Note && strings.HasPrefix(ev.Reason, "RST"):
			return RSTIgnored, ev.Delta
		case ev.Kind == tracker.Phase && ev.Reason == tracker.EndRefused:
			return RSTRefusal, 0
		}
	}
	for i := range evs {
		ev := &evs[i]
		if ev.Kind != tracker.Transition || ev.Side != s {
			continue
		}
		switch ev.From {
		case tracker.SynSent:
			if s == tracker.Orig && c.Packets(tracker.Resp) > 0 {
				return RSTScannerTeardown, 0
			}
		case tracker.FinWait1, tracker.FinWait2, tracker.Closing, tracker.LastAck, tracker.TimeWait, tracker.CloseWait:
			return RSTAfterFIN, 0
		}
		if s == tracker.Orig {
			return RSTAbortClient, 0
		}
		return RSTAbortServer, 0
	}
	return RSTIgnored, 0
}

func (d *rstDetector) onRST(e *Engine, c *tracker.Conn, rc *rstConn, seg *segment.Segment, s tracker.Side, evs []tracker.Event) {
	class, delta := classify(c, s, evs)
	d.counts[classIndex(class)]++
	ts, l := &rc.side[s], rc.l(s)
	if !rc.orig.IsValid() {
		rc.src, rc.hasSrc = c.UIDSource(), true
		rc.orig, rc.resp = c.Addr(tracker.Orig), c.Addr(tracker.Resp)
	}
	ttlOff := l.seen && (int(seg.TTL) < int(l.lo)-d.cfg.RSTTTLDelta || int(seg.TTL) > int(l.hi)+d.cfg.RSTTTLDelta)
	ipidOff := false
	if l.seen && l.ipidSeq >= 2 && seg.IPID != 0 {
		step := seg.IPID - l.ipid
		ipidOff = step > ipidJump && step < 65536-ipidJump
	}
	switch class {
	case RSTAbortClient, RSTAbortServer, RSTAfterFIN:
		l.accepted = true
	case RSTRefusal, RSTScannerTeardown:
		// A scanner's raw SYN and its kernel's RST carry different
		// TTLs, and a refusal has no earlier packet to compare with.
		return
	}
	ts.rstPkt, ts.rstTime, ts.rstTTL, ts.rstClass, ts.rstIPIDOff = seg.Pkt, seg.Time, seg.TTL, class, ipidOff
	if class == RSTOutOfWindow && (delta >= farRST || delta <= -farRST) {
		d.injection(e, rc, s, fmt.Sprintf("its sequence number lay %s bytes from the receiver's RCV.NXT, far outside any window: a blind guess", Num(delta)), delta)
		return
	}
	if !ttlOff {
		return
	}
	peer := &rc.side[s.Peer()]
	if peer.suspect && seg.Time.Sub(peer.rstTime) <= middleboxWindow {
		peer.suspect = false
		d.middlebox(e, rc, s)
		return
	}
	ts.suspect = true
	if !rc.pending {
		rc.pending = true
		d.pending = append(d.pending, rc)
	}
}

// Stray implements StrayWatcher: the claimed sender of an accepted RST
// still sending.
func (d *rstDetector) Stray(e *Engine, st *tracker.Stray) {
	if st.Flags&segment.RST != 0 || (st.PayloadLen == 0 && st.Flags&segment.FIN == 0) {
		return
	}
	rc := d.gone[st.Conn]
	if rc == nil || !rc.l(st.Side).accepted {
		return
	}
	d.stillTalking(e, st.UID, rc, st.Side, st.Pkt)
}

func (d *rstDetector) stillTalking(e *Engine, uid tracker.UID, rc *rstConn, s tracker.Side, pkt uint64) {
	rc.l(s).accepted = false
	if rc.fired {
		return
	}
	if rc.uid[0] == 0 && !rc.hasSrc {
		rc.uid = uid
	}
	d.injection(e, rc, s, fmt.Sprintf("its claimed sender went on sending (packet %d) after it, as if it had never reset the connection", pkt), 0)
}

// Tick implements Ticker: TTL suspects older than middleboxWindow.
func (d *rstDetector) Tick(e *Engine, now time.Time) {
	if len(d.pending) == 0 {
		return
	}
	d.pending = slices.DeleteFunc(d.pending, func(rc *rstConn) bool {
		d.judge(e, rc, now)
		if rc.side[0].suspect || rc.side[1].suspect {
			return false
		}
		rc.pending = false
		d.release(rc)
		return true
	})
}

// End implements Ender.
func (d *rstDetector) End(e *Engine) {
	for _, rc := range d.pending {
		d.judge(e, rc, time.Time{})
		rc.pending = false
		d.release(rc)
	}
	d.pending = nil
}

// judge turns rc's TTL suspects older than middleboxWindow at now (all of
// them if now is zero) into injections.
func (d *rstDetector) judge(e *Engine, rc *rstConn, now time.Time) {
	for s := tracker.Orig; s <= tracker.Resp; s++ {
		ts := &rc.side[s]
		if !ts.suspect || (!now.IsZero() && now.Sub(ts.rstTime) <= middleboxWindow) {
			continue
		}
		ts.suspect = false
		l := rc.l(s)
		d.injection(e, rc, s, fmt.Sprintf("its TTL %d does not match the %s of its claimed sender's earlier packets: it was sent from another distance", ts.rstTTL, ttlRange(l.lo, l.hi)), 0)
	}
}

// desc names the connection for a sentence: "10.0.0.1:4000 → 10.0.0.2:80".
func (rc *rstConn) desc() string { return rc.orig.String() + " → " + rc.resp.String() }

// ttlRange writes a TTL range for a sentence: "TTL 64", "TTLs 60-64".
func ttlRange(lo, hi uint8) string {
	if lo == hi {
		return fmt.Sprintf("TTL %d", lo)
	}
	return fmt.Sprintf("TTLs %d-%d", lo, hi)
}

func (d *rstDetector) injection(e *Engine, rc *rstConn, s tracker.Side, why string, delta int64) {
	if rc.fired {
		return
	}
	ts, l := &rc.side[s], rc.l(s)
	sev := Warning
	result := "The receiver ignored it"
	if l.accepted || ts.rstClass == RSTAbortClient || ts.rstClass == RSTAbortServer || ts.rstClass == RSTAfterFIN {
		sev, result = Alert, "The receiver accepted it and dropped the connection"
	}
	f := &Finding{Kind: KindRSTInjection, Severity: sev, Subject: rc.uidOf().String(), FirstTime: ts.rstTime, FirstPkt: ts.rstPkt}
	f.Evidence.Uint("rst_pkt", ts.rstPkt).Str("claimed_sender", sideName(s)).Str("class", string(ts.rstClass)).
		Int("ttl", int64(ts.rstTTL))
	if l.seen {
		f.Evidence.Int("sender_ttl_min", int64(l.lo)).Int("sender_ttl_max", int64(l.hi))
	}
	f.Evidence.Bool("ip_id_out_of_sequence", ts.rstIPIDOff)
	if delta != 0 {
		f.Evidence.Int("seq_from_rcv_nxt", delta)
	}
	f.Evidence.Threshold("ttl_delta", d.cfg.RSTTTLDelta, "far_out_of_window", farRST)
	f.Summary = fmt.Sprintf("RST #%d in the %s's name (%s) looks forged", ts.rstPkt, sideName(s), ts.rstClass)
	ipid := ""
	if ts.rstIPIDOff {
		ipid = " Its IP ID was also out of the sender's sequence."
	}
	f.Explanation = fmt.Sprintf("A RST on %s claiming to come from the %s was probably injected by a third party: %s.%s %s (%s).",
		rc.desc(), sideName(s), why, ipid, result, ts.rstClass)
	f.Advice = "Look for an on-path device or attacker forging resets (an IDS/IPS 'reset' action, a censoring middlebox, a blind injection attack). Keep RFC 5961 protections on (Linux does by default: challenge ACKs for inexact RSTs), and use TLS or TCP-AO where resets must not kill sessions."
	if e.Fire(f) {
		rc.fired = true
	}
}

func (d *rstDetector) middlebox(e *Engine, rc *rstConn, s tracker.Side) {
	if rc.fired {
		return
	}
	a, b := &rc.side[s.Peer()], &rc.side[s]
	cl, sl := rc.l(tracker.Orig), rc.l(tracker.Resp)
	f := &Finding{Kind: KindMiddleboxReset, Severity: Warning, Subject: rc.uidOf().String(), FirstTime: a.rstTime, FirstPkt: a.rstPkt,
		LastTime: b.rstTime, LastPkt: b.rstPkt}
	f.Evidence.Uints("rst_pkts", []uint64{a.rstPkt, b.rstPkt}).
		Int("rst_ttl_"+sideName(s.Peer()), int64(a.rstTTL)).Int("rst_ttl_"+sideName(s), int64(b.rstTTL)).
		Int("client_ttl_min", int64(cl.lo)).Int("client_ttl_max", int64(cl.hi)).
		Int("server_ttl_min", int64(sl.lo)).Int("server_ttl_max", int64(sl.hi)).
		Str("apart", b.rstTime.Sub(a.rstTime).Round(time.Microsecond).String()).
		Threshold("ttl_delta", d.cfg.RSTTTLDelta, "window", middleboxWindow)
	f.Summary = fmt.Sprintf("both directions reset within %s by RSTs with TTLs %d and %d, matching neither endpoint", Seconds(b.rstTime.Sub(a.rstTime)), a.rstTTL, b.rstTTL)
	f.Explanation = fmt.Sprintf("The connection %s was reset in both directions at once (packets %d and %d, %s apart), each RST in the other endpoint's name but with a TTL (%d, %d) that matches neither endpoint's own packets (client %s, server %s): a device in the middle, such as a firewall or IPS rejecting the traffic with TCP resets, ended it.",
		rc.desc(), a.rstPkt, b.rstPkt, Seconds(b.rstTime.Sub(a.rstTime)), a.rstTTL, b.rstTTL,
		ttlRange(cl.lo, cl.hi), ttlRange(sl.lo, sl.hi))
	f.Advice = "Find the firewall, IPS or load balancer on the path that rejects this traffic with TCP resets (a 'reject with tcp reset' rule, a protocol or size check) and read its logs for why; the endpoints did nothing wrong."
	if e.Fire(f) {
		rc.fired = true
	}
}
