package tracker

import (
	"net/netip"
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// UDP probes.
//
// UDP has no handshake: a datagram to a port is answered by the service
// (open), by an ICMP port unreachable from the host (closed), by another
// ICMP destination unreachable from a router or firewall (filtered), or
// by nothing (open|filtered): nmap -sU's reading. The tracker keeps, per
// 4-tuple, the first datagram's sender (the prober) until the answer is
// known, and reports a UDP probe to a ProbeObserver (Probe.Proto "udp",
// Kind ProbeUDP) when
//
//   - an ICMP error quoting the datagram arrives (closed, filtered, or
//     unknown for a time exceeded), or
//   - no datagram came back within probeWait of the first one, the
//     prober sent at most maxUDPProbe datagrams, and the destination is
//     unicast (open|filtered).
//
// A 4-tuple answered by a UDP datagram is an ordinary exchange (DNS, NTP,
// QUIC, ...): it is counted in Stats.UDPAnswered and reported nowhere, so
// ordinary UDP never floods the output; a one-way stream of more than
// maxUDPProbe datagrams in probeWait (syslog, RTP, a one-sided capture)
// is no probe either. A decided 4-tuple stays known until udpIdle passes
// without a datagram, so its later datagrams open no new probe.
//
// Memory is bounded: at most maxUDP 4-tuples are kept (about 260 bytes
// each with their map entry and queue slots: 4 MB when full); when the table is full, the oldest decided one is forgotten, or
// else the oldest pending one is decided on the silence so far.

const (
	// maxUDP bounds the UDP 4-tuples kept.
	maxUDP = 1 << 14
	// maxUDPProbe is the most datagrams a prober sends in probeWait to
	// a silent port for them to be a probe (nmap retries a few times).
	maxUDPProbe = 4
	// udpIdle is how long a decided 4-tuple is remembered after its last
	// datagram.
	udpIdle = 60 * time.Second
)

// udpFlow is a UDP 4-tuple awaiting an answer, or decided.
type udpFlow struct {
	key            Tuple
	first, last    time.Time
	pkt            uint64
	prober, target netip.AddrPort
	len            int
	count          int
	decided        bool
	queued         bool // in udpTable.pending
	gone           bool // forgotten while still queued: recycle when dequeued
}

// udpTable is the tracker's UDP state: the 4-tuples by key, those
// awaiting an answer in order of their first datagram, and those decided
// in order of decision (re-queued when seen again).
type udpTable struct {
	m        map[Tuple]*udpFlow
	pending  []*udpFlow
	decided  []*udpFlow
	free     []*udpFlow
	probeBuf Probe
}

// udp handles a UDP datagram.
func (t *Tracker) udp(seg *segment.Segment) {
	u := &t.udpt
	if u.m == nil {
		u.m = make(map[Tuple]*udpFlow)
	}
	key, _ := tupleOf(seg)
	src := netip.AddrPortFrom(seg.Src, seg.SrcPort)
	if f := u.m[key]; f != nil {
		f.last = seg.Time
		switch {
		case src == f.prober:
			if !f.decided {
				f.count++
			}
		case !f.decided: // the target answered: an ordinary exchange
			t.stats.UDPAnswered++
			t.decideUDP(f, nil, true)
		}
		return
	}
	if seg.Dst.IsMulticast() || seg.Dst == netip.AddrFrom4([4]byte{255, 255, 255, 255}) {
		return
	}
	if len(u.m) >= maxUDP {
		t.udpMakeRoom()
	}
	var f *udpFlow
	if n := len(u.free); n > 0 {
		f = u.free[n-1]
		u.free = u.free[:n-1]
	} else {
		f = new(udpFlow)
	}
	*f = udpFlow{
		key: key, first: seg.Time, last: seg.Time, pkt: seg.Pkt, prober: src,
		target: netip.AddrPortFrom(seg.Dst, seg.DstPort), len: seg.PayloadLen, count: 1,
	}
	f.queued = true
	u.m[key] = f
	u.pending = append(u.pending, f)
}

// udpICMP handles an ICMP error quoting a UDP datagram; it reports
// whether the error answered a pending one.
func (t *Tracker) udpICMP(seg *segment.Segment) bool {
	key, _ := tupleOf(seg)
	f := t.udpt.m[key]
	if f == nil || f.decided || f.prober != netip.AddrPortFrom(seg.Src, seg.SrcPort) {
		return false
	}
	t.decideUDP(f, seg, false)
	return true
}

// decideUDP decides f: answered by the ICMP error seg, by a UDP datagram
// back (replied), or by silence. It reports a probe when the rules above
// say so.
func (t *Tracker) decideUDP(f *udpFlow, seg *segment.Segment, replied bool) {
	f.decided = true
	u := &t.udpt
	u.decided = append(u.decided, f)
	if replied || seg == nil && f.count > maxUDPProbe {
		return
	}
	p := &u.probeBuf
	*p = Probe{
		Time: f.first, Pkt: f.pkt, Prober: f.prober, Target: f.target, Proto: ProtoUDP,
		Kind: ProbeUDP, Count: f.count, Len: f.len, key: f.key,
		Answer: AnswerNone, Verdict: VerdictOpenFiltered, done: true,
	}
	if seg != nil {
		p.AnswerTime, p.AnswerPkt = seg.Time, seg.Pkt
		icmpAnswer(p, seg) // icmp.go
	}
	t.stats.UDPProbes++
	if t.probeObs != nil {
		t.probeObs.Probe(p)
	}
}

// expireUDP decides the pending 4-tuples whose wait ended by now (every
// one if all) and forgets the decided ones idle for udpIdle.
func (t *Tracker) expireUDP(now time.Time, all bool) {
	u := &t.udpt
	n := 0
	for ; n < len(u.pending); n++ {
		f := u.pending[n]
		if !f.decided {
			if !all && f.first.Add(probeWait).After(now) {
				break
			}
			t.decideUDP(f, nil, false)
		}
		t.dequeueUDP(f)
	}
	u.pending = shift(u.pending, n)
	for n = 0; n < len(u.decided); n++ {
		f := u.decided[n]
		if f.last.Add(udpIdle).After(now) {
			break
		}
		t.forgetUDP(f)
	}
	u.decided = shift(u.decided, n)
}

// udpMakeRoom frees an entry of the full table: the oldest decided one,
// or else the oldest pending one, decided on the silence so far.
func (t *Tracker) udpMakeRoom() {
	u := &t.udpt
	for len(u.pending) > 0 && u.pending[0].decided {
		t.dequeueUDP(u.pending[0])
		u.pending = shift(u.pending, 1)
	}
	if len(u.decided) == 0 && len(u.pending) > 0 {
		t.decideUDP(u.pending[0], nil, false)
		t.dequeueUDP(u.pending[0])
		u.pending = shift(u.pending, 1)
	}
	if len(u.decided) > 0 {
		t.forgetUDP(u.decided[0])
		u.decided = shift(u.decided, 1)
	}
}

// forgetUDP removes decided f from the table and recycles it, or has it
// recycled when it leaves the pending queue.
func (t *Tracker) forgetUDP(f *udpFlow) {
	delete(t.udpt.m, f.key)
	if f.queued {
		f.gone = true
		return
	}
	t.udpt.free = append(t.udpt.free, f)
}

// dequeueUDP notes that f left the pending queue.
func (t *Tracker) dequeueUDP(f *udpFlow) {
	f.queued = false
	if f.gone {
		t.udpt.free = append(t.udpt.free, f)
	}
}

// shift drops the first n elements of q, in place.
func shift(q []*udpFlow, n int) []*udpFlow {
	if n == 0 {
		return q
	}
	m := copy(q, q[n:])
	clear(q[m:])
	return q[:m]
}
