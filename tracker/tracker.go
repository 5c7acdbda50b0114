package tracker

import (
	"cmp"
	"hash/maphash"
	"net/netip"
	"slices"
	"time"

	"github.com/flowtrace/flowtrace/internal/chunkpool"
	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
)

// Timeouts on the capture clock. TIME-WAIT and the idle timeout are set in
// Config; these are fixed.
const (
	// DefaultTimeWait is 2×MSL. Linux holds TIME-WAIT a fixed 60 s
	// (TCP_TIMEWAIT_LEN).
	DefaultTimeWait = 60 * time.Second
	// DefaultFinTimeout is how long an orphaned FIN-WAIT-2 lasts: Linux's
	// net.ipv4.tcp_fin_timeout default.
	DefaultFinTimeout = 60 * time.Second
	// DefaultIdleTimeout expires a connection with no segments for this
	// long, as Zeek's tcp_inactivity_timeout does.
	DefaultIdleTimeout = 5 * time.Minute
	// handshakeIdle expires an unfinished handshake. It exceeds the
	// longest gap between Linux SYN retransmissions (64 s with the
	// default tcp_syn_retries of 6), so a slow retry stays one connection.
	handshakeIdle = 70 * time.Second
	// closeLinger keeps a closed connection so late retransmissions and
	// stray ACKs still attach to it (Zeek's tcp_close_delay).
	closeLinger = 5 * time.Second
	// DefaultMaxConns bounds the flow table; beyond it the connection
	// closest to expiry is evicted. A connection takes about 1 KB, but
	// one that saw a few header-only segments and went quiet (a lone or
	// answered SYN, an idle handshake) is kept compact in a table that
	// large (compact.go, about 200 to 250 bytes in all), so under a SYN
	// flood the default bound peaks at about 140 MB.
	DefaultMaxConns = 1 << 18
	// maxServers bounds the endpoints remembered answering a SYN, used to
	// orient connections whose handshake was missed (two generations of
	// half as many each).
	maxServers = 1 << 16
)

// Config sets the tracker's timeouts and limits. Zero values select the
// defaults.
type Config struct {
	TimeWait    time.Duration // 2×MSL; DefaultTimeWait if 0
	FinTimeout  time.Duration // orphaned FIN-WAIT-2 lifetime; DefaultFinTimeout if 0
	IdleTimeout time.Duration // DefaultIdleTimeout if 0
	MaxConns    int           // DefaultMaxConns if 0
	// KeepConns is for observers that keep a *Conn between callbacks
	// (until Done): it keeps every connection a Conn, never compact
	// (compact.go), at about 1 KB each.
	KeepConns bool
	// PacketIDs numbers each connection by the packet that created it
	// (segment.Segment.Pkt of the segment handled) instead of counting:
	// trackers that each handle a shard of one numbered input then give
	// numbers unique across them, in the order one tracker would count
	// (package shard).
	PacketIDs bool
	// Shared, if not nil, keeps what the tracker learns across
	// connections, for trackers sharing one input (package shard).
	Shared Shared
}

// Observer receives what the tracker concludes. Callbacks run
// synchronously inside Handle, Advance and Flush; slices and connections
// passed to them are valid only during the call.
type Observer interface {
	// Packet is called once per segment after it was applied to c;
	// side is the sender's side and evs the events it caused, in order.
	Packet(c *Conn, seg *segment.Segment, side Side, evs []Event)
	// Events reports events no segment caused directly: timers on the
	// capture clock, deliveries presumed when the input ends or a
	// connection expires, a TIME-WAIT ended by port reuse.
	Events(c *Conn, evs []Event)
	// Done is called once per connection when it leaves the table.
	Done(c *Conn)
}

// Stats counts the tracker's work.
type Stats struct {
	Segments uint64 // segments handled
	Conns    uint64 // connections created
	Reused   uint64 // connections started by port reuse on a live 4-tuple
	Expired  uint64 // connections removed by the idle timeout
	Evicted  uint64 // connections removed because the table was full
	// Evicted by kind: handshakes never completed (half-open), closing or
	// closed (a FIN or RST seen), and open connections (the longest idle).
	EvictedHalfOpen, EvictedClosing, EvictedIdle uint64
	Probes                                       uint64 // probes reported (probe.go): segments that opened no connection
	Strays                                       uint64 // segments after their connection closed (stray.go): no new connection
	OneSided                                     uint64 // connections captured in one direction only (onesided.go)
	Active                                       int    // connections in the table now

	// Segments with a bad checksum, dropped by their receivers and so not
	// applied; NoConn of them matched no connection (see checksum.go).
	BadChecksum, BadChecksumNoConn uint64

	// ICMP errors (icmp.go): attached to a connection, and matching no
	// connection and no pending probe. UDP (udp.go): probes reported,
	// and 4-tuples answered by UDP (ordinary exchanges, not reported).
	ICMP, ICMPUnmatched    uint64
	UDPProbes, UDPAnswered uint64
	// SYNs on a 4-tuple in TIME-WAIT that its endpoint refused as old
	// duplicates (twJudge in fsm.go): they opened no connection.
	ReuseRefused uint64
}

// Tracker replays TCP segments through the state machines of both
// endpoints of every connection. It is not safe for concurrent use; its
// per-connection state is independent, so a caller may shard connections
// across several Trackers by Tuple.Hash.
type Tracker struct {
	cfg    Config
	obs    Observer
	conns  table
	free   []*Conn
	nextID uint64
	pkt    uint64 // the packet Handle is handling (Config.PacketIDs)
	now    time.Time
	timers timerHeap
	evs    []Event
	evTime time.Time
	evPkt  uint64
	// pathRTT is the longest handshake RTT seen, the round trip assumed
	// for a connection without its own (answerWait).
	pathRTT time.Duration
	// lastSeg is the latest segment's time: where the input ends for the
	// evidence rules at Flush (a live clock moved on by Advance on a
	// quiet link does not count, so live and replay agree).
	lastSeg time.Time
	// nowS and lastSegS are now and lastSeg as stamps (timer.go).
	nowS, lastSegS stamp
	// servers and oldServers remember endpoints seen answering a SYN, in
	// two generations: when servers is full it becomes oldServers, so the
	// set stays bounded yet keeps learning (roughly least recently seen
	// out first).
	servers, oldServers map[netip.AddrPort]struct{}
	stats               Stats
	// Probes waiting for an answer (probe.go), in order of arrival.
	probes    map[Tuple]*Probe
	probeQ    []*Probe
	probeDue  stamp // the queue needs expireProbes from then on (probe.go)
	probeFree []*Probe
	probeObs  ProbeObserver // obs, if it wants probes
	// Recently closed connections, for stray segments (stray.go).
	closed   closedSet
	strayObs StrayObserver // obs, if it wants strays
	strayBuf Stray
	// ICMP errors (icmp.go) and UDP 4-tuples awaiting an answer (udp.go).
	icmpObs ICMPObserver // obs, if it wants ICMP errors
	icmpBuf ICMPError
	udpt    udpTable
	// Connections kept compact (compact.go), their timers by kind of
	// deadline, and a Conn to check them in.
	syns         recPools
	recQ         [2]recQueue
	scratch      *Conn
	compactAbove int                    // defaultCompactAbove; tests lower it
	recordAbove  int                    // defaultRecordAbove; tests lower it
	compactMiss  uint64                 // records whose replay differed (tests expect none)
	compactMade  [maxRecSegs + 1]uint64 // records made, by segments (tests)
	young        []youngEnt             // young connections (compact.go), from youngHead on
	youngHead    int
	youngBase    uint32 // the place of young[0] (Conn.young)
	youngLast    stamp  // the latest time in young
	replaying    bool   // expandInto is replaying a record: tell no one
	flushing     bool   // Flush is ending every connection
	// details holds the sequence analysis's per-direction Details
	// (reassembly.Pool): only connections that carry data take them.
	details reassembly.Pool
	// conns0 hands out new Conns; freed ones go to free.
	conns0 chunkpool.Pool[Conn]
	// inflights holds the endpoints' in-flight blocks (endpoint.in),
	// rares the connections' rare parts (Conn.rare).
	inflights chunkpool.Pool[inflights]
	rares     chunkpool.Pool[connRare]
	// noSeq skips the sequence analysis; only benchmarks set it, to
	// measure what the analysis costs over the state machines alone.
	noSeq bool
	// slowPath turns received's fast path off; only tests set it, to
	// check that both paths give the same events.
	slowPath bool
	// noPredict turns header prediction (predict.go) off; only tests set
	// it, to check that both paths give the same callbacks and Conns.
	noPredict   bool
	predictions uint64 // segments header prediction handled (tests)
	// firing is set while Advance fires the timer due at firingAt
	// (Firing, shard.go).
	firing   bool
	firingAt stamp
}

// New returns a Tracker that reports to obs.
func New(cfg Config, obs Observer) *Tracker {
	if cfg.TimeWait <= 0 {
		cfg.TimeWait = DefaultTimeWait
	}
	if cfg.FinTimeout <= 0 {
		cfg.FinTimeout = DefaultFinTimeout
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.MaxConns <= 0 {
		cfg.MaxConns = DefaultMaxConns
	}
	po, _ := obs.(ProbeObserver)
	so, _ := obs.(StrayObserver)
	io, _ := obs.(ICMPObserver)
	zero := stampOf(time.Time{}) // the clock's start, as now and lastSeg's zero values
	return &Tracker{
		nowS:         zero,
		compactAbove: defaultCompactAbove,
		recordAbove:  defaultRecordAbove,
		lastSegS:     zero,
		icmpObs:      io,
		cfg:          cfg,
		obs:          obs,
		conns:        table{seed: maphash.MakeSeed()},
		servers:      make(map[netip.AddrPort]struct{}),
		evs:          make([]Event, 0, 16),
		probes:       make(map[Tuple]*Probe),
		probeObs:     po,
		strayObs:     so,
	}
}

// Stats returns counts of the tracker's work so far.
func (t *Tracker) Stats() Stats {
	s := t.stats
	s.Active = t.conns.n
	return s
}

// Now returns the capture clock: the latest time seen.
func (t *Tracker) Now() time.Time { return t.now }

func (t *Tracker) emit(e Event) {
	e.Time, e.Pkt = t.evTime, t.evPkt
	t.evs = append(t.evs, e)
}

// flushEvents hands events caused outside a segment to the observer.
func (t *Tracker) flushEvents(c *Conn) {
	if len(t.evs) > 0 {
		t.obs.Events(c, t.evs)
		t.evs = t.evs[:0]
	}
}

// Handle replays one segment. The segment is not retained; its Payload
// may be reused once Handle returns.
func (t *Tracker) Handle(seg *segment.Segment) {
	t.pkt = seg.Pkt
	st := stampOf(seg.Time)
	t.advance(seg.Time, st)
	if seg.Kind != segment.TCP {
		t.datagram(seg)
		return
	}
	if t.lastSegS.before(st) {
		t.lastSeg, t.lastSegS = seg.Time, st
	}
	t.stats.Segments++
	if seg.BadChecksum {
		t.badChecksum(seg) // recorded, not applied: checksum.go
		return
	}
	key, srcFirst := tupleOf(seg)
	h := t.conns.hash(&key)
	c := t.lookup(&key, h)
	if c != nil && t.predicted(c, seg, srcFirst) {
		return // an established connection's in-order segment (predict.go)
	}
	if c == nil && t.closed.n > 0 && t.stray(seg, &key, h, srcFirst) {
		return // after its connection closed (stray.go)
	}
	if c == nil && (len(t.probes) > 0 || seg.Flags&segment.ACK == 0 || seg.PayloadLen == 0) {
		// Perhaps a probe, or a probe's answer (probe.go).
		if t.probeSegment(seg, key, h) {
			return
		}
		c = t.lookup(&key, h)
	}
	t.handleConn(seg, c, &key, h, srcFirst)
}

// handleConn replays a segment of connection c (nil: none yet).
func (t *Tracker) handleConn(seg *segment.Segment, c *Conn, key *Tuple, h uint64, srcFirst bool) {
	if c != nil && seg.Flags&(segment.SYN|segment.ACK|segment.RST) == segment.SYN {
		switch kind, v, delta := t.startsNew(c, seg, c.sideOf(srcFirst)); kind {
		case synNew:
			t.reuse(c, seg, c.sideOf(srcFirst))
			c = nil
		case synRefused:
			t.refused(c, seg, c.sideOf(srcFirst), v, delta)
			return
		}
	}
	t.evTime, t.evPkt = seg.Time, seg.Pkt
	t.evs = t.evs[:0]
	created := c == nil
	if created {
		c = t.newConn(key, h, srcFirst, seg)
	}
	s := c.sideOf(srcFirst)
	if seg.Flags&(segment.SYN|segment.ACK|segment.RST) == segment.SYN && c.icmpAbort {
		c.icmpRevive(t, s, seg) // icmp.go
	}
	c.apply(t, seg, s)
	t.obs.Packet(c, seg, s, t.evs)
	if created && !t.cfg.KeepConns && t.conns.n > t.compactAbove && compactable(seg) && t.candidate(c, seg, srcFirst) ||
		c.young != 0 && t.record(c, seg, srcFirst) {
		t.evs = t.evs[:0]
		return // young: scheduled, or kept compact, when it matures (compact.go)
	}
	// A deadline moves earlier only when a state changes (every change is
	// an event); later deadlines are found lazily when the timer fires.
	if created || len(t.evs) > 0 {
		t.schedule(c)
	}
	t.evs = t.evs[:0]
}

// startsNew says what a SYN on a known 4-tuple is: part of the old
// connection (synOld), a new connection (synNew, port reuse), or a SYN
// the old connection's TIME-WAIT endpoint refuses (synRefused, with the
// verdict of twJudge and SEG.SEQ − RCV.NXT).
func (t *Tracker) startsNew(c *Conn, seg *segment.Segment, s Side) (kind, verdict int, delta int64) {
	if seg.Flags&(segment.SYN|segment.ACK|segment.RST) != segment.SYN {
		return synOld, 0, 0
	}
	e := &c.ep[s]
	if e.synSent && seg.Seq == e.isn {
		return synOld, 0, 0 // a retransmission
	}
	over := func(x State) bool { return x.Gone() || x == TimeWait }
	if over(c.ep[Orig].state) && over(c.ep[Resp].state) {
		if c.ep[s.Peer()].state != TimeWait {
			return synNew, 0, 0 // its receiver holds no connection
		}
		f, delta := c.twFactsOf(s, seg)
		if v := twJudge(f); refusedSYN(v) {
			return synRefused, v, delta
		}
		return synNew, 0, 0
	}
	// A client that gave up on an unanswered SYN and tries again from the
	// same port with a new ISN.
	if s == Orig && e.state == SynSent && !c.ep[Resp].seen {
		return synNew, 0, 0
	}
	return synOld, 0, 0
}

// refused reports a SYN that connection c's TIME-WAIT endpoint refused
// (twJudge) as a packet of c: it changes no state (twRefused).
func (t *Tracker) refused(c *Conn, seg *segment.Segment, s Side, v int, delta int64) {
	t.evTime, t.evPkt = seg.Time, seg.Pkt
	t.evs = t.evs[:0]
	c.twRefused(t, seg, s, v, delta)
	t.stats.ReuseRefused++
	t.obs.Packet(c, seg, s, t.evs)
	t.evs = t.evs[:0]
}

// reuse ends connection c because a new SYN, sent by side s, took over
// its 4-tuple.
func (t *Tracker) reuse(c *Conn, seg *segment.Segment, s Side) {
	t.evTime, t.evPkt = seg.Time, seg.Pkt
	t.evs = t.evs[:0]
	if c.twSynSet() {
		// The refused SYN's retransmission, now that TIME-WAIT has ended.
		c.twRetransmitted(t, seg, s)
	}
	c.flushInflight(t, seg.Time)
	t.evTime, t.evPkt = seg.Time, seg.Pkt
	for x := Orig; x <= Resp; x++ {
		c.set(t, x, timeWaitReused, false)
	}
	t.stats.Reused++
	t.flushEvents(c)
	t.remove(c)
}

// newConn creates the connection seg opens (init).
func (t *Tracker) newConn(key *Tuple, h uint64, srcFirst bool, seg *segment.Segment) *Conn {
	if t.conns.n >= t.cfg.MaxConns {
		t.evict()
		// The eviction's events had their own time.
		t.evTime, t.evPkt = seg.Time, seg.Pkt
		t.evs = t.evs[:0]
	}
	c := t.allocConn()
	t.nextID++
	t.stats.Conns++
	c.id = t.nextID
	if t.cfg.PacketIDs {
		c.id = t.pkt
	}
	t.conns.put(c, h)
	c.init(t, key, h, srcFirst, seg)
	return c
}

// release returns what connection c took from the tracker's pools.
func (c *Conn) release(t *Tracker) {
	for s := Orig; s <= Resp; s++ {
		e := &c.ep[s]
		e.seq.Release(&t.details)
		e.dropInflight(t)
	}
	if c.rare != nil {
		t.rares.Put(c.rare)
		c.rare = nil
	}
}

// sameConn reports whether a and b hold the same connection, field for
// field, their in-flight segments and sequence analyses' Details compared
// by value (each has parts of its own).
func sameConn(a, b *Conn) bool {
	for s := Orig; s <= Resp; s++ {
		ea, eb := &a.ep[s], &b.ep[s]
		if ea.nin != eb.nin || !ea.seq.Same(&eb.seq) {
			return false
		}
		for i := range int(ea.nin) {
			if ea.in[i] != eb.in[i] {
				return false
			}
		}
	}
	x, y := *a, *b
	for s := Orig; s <= Resp; s++ {
		x.ep[s].in, y.ep[s].in = nil, nil
		x.ep[s].seq, y.ep[s].seq = reassembly.Dir{}, reassembly.Dir{}
	}
	return x == y
}

// allocConn returns a zeroed Conn, from the free list if it can.
func (t *Tracker) allocConn() *Conn {
	if n := len(t.free); n > 0 {
		c := t.free[n-1]
		t.free = t.free[:n-1]
		gen := c.gen
		*c = Conn{gen: gen} // released when freed
		return c
	}
	return t.conns0.Get() // in chunks: no size-class rounding per Conn
}

// init sets up connection c, which seg opens, and orients it: the sender
// of a SYN is the originator, the receiver of a SYN-ACK is; with neither,
// the endpoint that looks like a server is the responder.
func (c *Conn) init(t *Tracker, key *Tuple, h uint64, srcFirst bool, seg *segment.Segment) {
	c.key, c.hash = *key, h
	c.tunnel = seg.Tunnel
	c.first, c.last = seg.Time, seg.Time
	c.firstPkt = seg.Pkt
	c.ep[Orig].since, c.ep[Resp].since = seg.Time, seg.Time

	src, dst := netip.AddrPortFrom(seg.Src, seg.SrcPort), netip.AddrPortFrom(seg.Dst, seg.DstPort)
	syn, ack := seg.Flags&segment.SYN != 0, seg.Flags&segment.ACK != 0
	srcIsOrig := true
	switch {
	case syn && !ack:
	case syn && ack:
		srcIsOrig = false
	default:
		srcIsOrig = !t.looksServer(c, src, dst)
	}
	if !srcIsOrig {
		src, dst = dst, src
		// Zeek's '^': the originator is not the first packet's sender.
		c.hist.add(Orig, '^')
	}
	c.origFirst = srcIsOrig == srcFirst

	switch {
	case syn && ack:
		c.midstream = true
		c.set(t, Orig, missedSYN, true)
	case !syn:
		c.midstream = true
		c.set(t, Orig, missedHandshake, true)
		c.set(t, Resp, missedHandshake, true)
	}
}

// looksServer reports whether b rather than a is the server of a
// connection whose handshake was not seen: b answered a SYN elsewhere in
// the capture, or has a well-known port where a has not, or the lower port.
func (t *Tracker) looksServer(c *Conn, a, b netip.AddrPort) bool {
	as, bs := t.isServer(c, a), t.isServer(c, b)
	if as != bs {
		return as
	}
	if (a.Port() < 1024) != (b.Port() < 1024) {
		return a.Port() < 1024
	}
	return a.Port() < b.Port()
}

// sawServer notes that ap answered a SYN on connection c.
func (t *Tracker) sawServer(c *Conn, ap netip.AddrPort) {
	if t.replaying {
		return // told when the segment came (compact.go)
	}
	if t.cfg.Shared != nil {
		t.cfg.Shared.SawServer(c, ap)
		return
	}
	if _, ok := t.servers[ap]; ok {
		return
	}
	if len(t.servers) >= maxServers/2 {
		t.oldServers, t.servers = t.servers, make(map[netip.AddrPort]struct{}, maxServers/2)
	}
	t.servers[ap] = struct{}{}
}

// isServer reports whether ap was seen answering a SYN, before
// connection c's segment.
func (t *Tracker) isServer(c *Conn, ap netip.AddrPort) bool {
	if t.cfg.Shared != nil {
		return t.cfg.Shared.IsServer(c, ap)
	}
	_, ok := t.servers[ap]
	if !ok {
		_, ok = t.oldServers[ap]
	}
	return ok
}

// deadline returns when connection c next needs attention, as a stamp
// (the heap's order; schedule computes it on every segment that changes a
// state).
func (t *Tracker) deadline(c *Conn) stamp {
	o, r := c.ep[Orig].state, c.ep[Resp].state
	idle := t.cfg.IdleTimeout
	if !c.midstream && (o.Handshaking() || r.Handshaking()) && !(o.Synchronized() || r.Synchronized()) {
		idle = min(idle, handshakeIdle)
	}
	last := stampOf(c.last)
	d := last.add(idle)
	for s := Orig; s <= Resp; s++ {
		switch e := &c.ep[s]; e.state {
		case TimeWait:
			if tw := stampOf(e.since).add(t.cfg.TimeWait); tw.before(d) {
				d = tw
			}
		case FinWait2: // the only state with a FIN-WAIT-2 deadline
			if fw, ok := t.finWait2Deadline(c, s); ok {
				if fws := stampOf(fw); fws.before(d) {
					d = fws
				}
			}
		}
	}
	if o.Gone() && r.Gone() {
		if l := last.add(closeLinger); l.before(d) {
			d = l
		}
	}
	return d
}

// schedule makes sure the heap holds an entry for c no later than its
// deadline.
func (t *Tracker) schedule(c *Conn) {
	d := t.deadline(c)
	if !c.queuedSet || d.before(c.queued) {
		t.queue(c, d)
	}
}

// queue pushes an entry for c at d, now its earliest in the heap.
func (t *Tracker) queue(c *Conn, d stamp) {
	c.queued, c.queuedSet = d, true
	t.timers.push(timer{atS: d, id: c.id, gen: c.gen, c: c})
}

// Advance moves the capture clock to now, firing every timer due by then
// in deadline order. Handle calls it; a live capture calls it on a quiet
// link too. The clock never moves backwards.
func (t *Tracker) Advance(now time.Time) { t.advance(now, stampOf(now)) }

// advance is Advance with now's stamp, which Handle also needs.
func (t *Tracker) advance(now time.Time, ns stamp) {
	if ns.before(t.nowS) {
		return
	}
	t.now, t.nowS = now, ns
	if len(t.young) > 0 {
		t.matureYoung(ns, false)
	}
	for at, ok := t.firstDue(); ok && !ns.before(at); at, ok = t.firstDue() {
		c := t.due()
		if c == nil {
			continue
		}
		at := c.queued
		c.queued, c.queuedSet = stamp{}, false
		t.firing, t.firingAt = true, at
		t.fire(c, at)
		t.firing = false
	}
	if len(t.probeQ) > 0 && !ns.before(t.probeDue) {
		t.expireProbes(now, 0, false)
	}
	if len(t.udpt.pending) > 0 || len(t.udpt.decided) > 0 {
		t.expireUDP(now, false)
	}
}

// datagram handles what is not a TCP segment: a UDP datagram (udp.go) or
// an ICMP error (icmp.go). Neither counts in Stats.Segments nor moves the
// end of the input the evidence rules use.
func (t *Tracker) datagram(seg *segment.Segment) {
	switch seg.Kind {
	case segment.UDP:
		t.udp(seg)
	case segment.ICMPError:
		t.icmpError(seg)
	}
}

// fire handles connection c's deadline at at. What is in flight is
// settled as of at in UTC (finish): only its distance from other instants
// is read.
func (t *Tracker) fire(c *Conn, at stamp) {
	d := t.deadline(c)
	if at.before(d) {
		t.queue(c, d)
		return
	}
	t.evs = t.evs[:0]
	for s := Orig; s <= Resp; s++ {
		if e := &c.ep[s]; e.state == TimeWait {
			if tw := e.since.Add(t.cfg.TimeWait); !d.before(stampOf(tw)) {
				t.evTime, t.evPkt = tw, 0
				c.set(t, s, timeWaitExpired, false)
			}
		}
		if fw, ok := t.finWait2Deadline(c, s); ok && !d.before(stampOf(fw)) {
			t.evTime, t.evPkt = fw, 0
			c.set(t, s, finWait2Expired, true)
		}
	}
	t.flushEvents(c)
	if d = t.deadline(c); at.before(d) {
		t.schedule(c)
		return
	}
	if c.ep[Orig].state.Gone() && c.ep[Resp].state.Gone() {
		t.finish(c, "", at.time())
		return
	}
	t.stats.Expired++
	t.finish(c, "idle timeout", at.time())
}

// evict removes the connection whose deadline is nearest, to make room
// (ties: the oldest). A handshake's deadline is 70 s after its latest
// segment (handshakeIdle), a closed connection's its linger or TIME-WAIT,
// an open one's the idle timeout (5 min by default) after its latest
// segment: so half-open connections, closing ones and the connections idle
// longest go first, and an active open connection last. Connections kept
// compact (compact.go) take their turn in the same order, so the choice is
// the same whatever the representation, and on every run.
func (t *Tracker) evict() {
	t.matureYoung(t.nowS, true)
	var c *Conn
	for c == nil && t.firstSource() != -2 {
		c = t.due()
		if c == nil {
			continue
		}
		// Entries are lazy: the real deadline may have moved later.
		if d := t.deadline(c); c.queued.before(d) {
			t.queue(c, d)
			c = nil
		}
	}
	if c == nil {
		return
	}
	c.queued, c.queuedSet = stamp{}, false
	t.stats.Evicted++
	switch o, r := c.ep[Orig].state, c.ep[Resp].state; {
	case o > Established || r > Established || o.Gone() && r.Gone():
		t.stats.EvictedClosing++
	case !o.Synchronized() && !r.Synchronized():
		t.stats.EvictedHalfOpen++
	default:
		t.stats.EvictedIdle++
	}
	t.finish(c, "evicted (table full)", t.now)
}

// due pops the heap's first timer and returns its connection, or nil if
// the entry is stale. A compact connection's entry expands it, and leaves
// the Conn's own entry, for the same deadline, first in the heap.
func (t *Tracker) due() *Conn {
	if k := t.firstSource(); k >= 0 {
		e := t.recQ[k].front()
		t.popRec(k)
		if t.syns.gen(e.r) != e.gen {
			return nil
		}
		key := t.syns.head(e.r).key
		t.expand(t.conns.find(&key, t.conns.hash(&key), &t.syns), expandTimer)
		return nil
	}
	tm := t.timers.pop()
	if c := tm.c; c != nil {
		if tm.gen != c.gen || !c.queuedSet || tm.atS != c.queued {
			return nil // stale: the connection was reused or rescheduled
		}
		return c
	}
	if tm.gen != t.syns.gen(tm.r) {
		return nil
	}
	key := t.syns.head(tm.r).key
	t.expand(t.conns.find(&key, t.conns.hash(&key), &t.syns), expandTimer)
	return nil
}

// finish settles what is still in flight as of end (flushInflight),
// reports c as done and removes it.
func (t *Tracker) finish(c *Conn, why string, end time.Time) {
	t.evs = t.evs[:0]
	c.flushInflight(t, end)
	c.oneSidedEnd(t)
	t.flushEvents(c)
	c.why = why
	t.remove(c)
}

func (t *Tracker) remove(c *Conn) {
	if c.oneSided {
		t.stats.OneSided++
	}
	t.obs.Done(c)
	if c.ep[Orig].state.Gone() && c.ep[Resp].state.Gone() && !t.flushing {
		t.closed.add(c) // for stray segments after the close (stray.go); none come after Flush
	}
	t.conns.del(c, c.hash)
	c.release(t)
	c.gen++
	c.queued, c.queuedSet = stamp{}, false
	t.free = append(t.free, c)
}

// Flush ends the input: every connection still in the table is reported
// done, in order of creation, with what was in flight settled as of the
// latest segment (presumed delivered if its answer was not yet due, see
// flushInflight) and its states otherwise as of its last segment
// (TIME-WAIT is not expired).
func (t *Tracker) Flush() {
	t.expireProbes(t.now, 0, true)
	t.expireUDP(t.now, true)
	t.timers = t.timers[:0]
	t.recQ = [2]recQueue{}
	for i := range t.young[t.youngHead:] {
		if e := &t.young[t.youngHead+i]; e.c.gen == e.gen && e.c.young == t.youngBase+uint32(t.youngHead+i)+1 {
			e.c.young = 0 // finished below, a Conn
		}
	}
	clear(t.young)
	t.youngBase += uint32(len(t.young))
	t.young, t.youngHead = t.young[:0], 0
	live := make([]*Conn, 0, t.conns.n-t.syns.live)
	syns := make([]uint32, 0, t.syns.live)
	for _, s := range t.conns.slots {
		switch {
		case s.c != nil:
			live = append(live, s.c)
		case s.r != 0:
			syns = append(syns, s.r)
		}
	}
	slices.SortFunc(live, func(a, b *Conn) int { return cmp.Compare(a.id, b.id) })
	slices.SortFunc(syns, func(a, b uint32) int { return cmp.Compare(t.syns.head(a).id, t.syns.head(b).id) })
	// In order of creation, a compact connection expanded only when its
	// turn comes, so the Conns come from the free list one at a time.
	t.flushing = true
	for len(live) > 0 || len(syns) > 0 {
		var c *Conn
		if len(syns) == 0 || len(live) > 0 && live[0].id < t.syns.head(syns[0]).id {
			c, live = live[0], live[1:]
		} else {
			key := t.syns.head(syns[0]).key
			c = t.expand(t.conns.find(&key, t.conns.hash(&key), &t.syns), expandFlush)
			syns = syns[1:]
		}
		t.finish(c, "", t.lastSeg)
	}
	t.flushing = false
	t.timers = t.timers[:0]
	t.syns = recPools{} // their free lists were not kept (expand)
}
