package tracker

import (
	"math"
	"net/netip"
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// Probes.
//
// RFC 9293 §3.10.7.1–§3.10.7.2: a segment that reaches a port without a
// connection can open one only with a SYN. A CLOSED port answers anything
// else with a RST; a LISTEN port drops what carries neither SYN, ACK nor
// RST, and answers a bare ACK with a RST. After the initial SYN every
// segment of a synchronized connection carries ACK (§3.4, §3.10.7.4
// fifth check). So a segment on a 4-tuple without a connection that
//
//   - carries no ACK and is not a SYN or a RST (a bare FIN, NULL, Xmas,
//     FIN+PSH+URG: nmap -sF, -sN, -sX), or
//   - carries an illegal flag combination (SYN+FIN, SYN+RST, FIN+RST
//     without ACK), or
//   - is a bare ACK without payload that draws a RST or nothing (nmap -sA)
//
// is a probe, not a connection: no connection is created, no endpoint
// state changes, and the target keeps whatever state it had (LISTEN,
// CLOSED or unknown). Each probe is reported once, to an Observer that
// implements ProbeObserver, when its answer is known: the target's RST
// (closed; for an ACK probe, unfiltered), its SYN-ACK (open), or silence
// until probeWait after the first probe packet or the end of the input
// (open|filtered; for an ACK probe, filtered). Retries on the same 4-tuple
// fold into one probe.
//
// A bare ACK is ambiguous: it is also how a capture that starts in the
// middle of an idle connection may begin. It is held (at most maxHeld
// copies) until the 4-tuple shows more: if anything but a retry or a RST
// follows, it was a connection after all, and the held segments are
// replayed as the connection's first packets before the new one.
//
// Pending probes live in a table bounded by maxProbes: when it is full,
// the oldest is decided on the silence so far.

const (
	// maxProbes bounds the probes waiting for an answer. A scan sends
	// thousands; each pending probe takes about 1.4 KB (most of it the
	// held copies of bare ACKs), so the table stays under 25 MB.
	maxProbes = 1 << 14
	// probeWait is how long a probe waits for an answer on the capture
	// clock. A RST comes back within a round trip; nmap retries an
	// unanswered probe after about a second.
	probeWait = 5 * time.Second
	// maxHeld bounds the bare ACKs held while a 4-tuple may still turn
	// out to be a connection.
	maxHeld = 4
)

// ProbeKind says why a segment is a probe.
type ProbeKind uint8

// The kinds of probe.
const (
	ProbeNoACK   ProbeKind = iota // no ACK, not a SYN: FIN, NULL, Xmas, …
	ProbeIllegal                  // an illegal flag combination: SYN+FIN, SYN+RST, FIN+RST without ACK
	ProbeACK                      // a bare ACK to a 4-tuple without a connection
	ProbeUDP                      // a UDP datagram answered by ICMP or by nothing (udp.go)
)

var probeKindNames = [...]string{ProbeNoACK: "no ACK", ProbeIllegal: "illegal flags", ProbeACK: "bare ACK", ProbeUDP: "UDP"}

// String names the kind: "no ACK", "illegal flags", "bare ACK", "UDP".
func (k ProbeKind) String() string { return probeKindNames[k] }

// The answers and verdicts a Probe reports.
const (
	AnswerRST    = "RST"
	AnswerSYNACK = "SYN-ACK"
	AnswerNone   = "none"
	AnswerICMP   = "ICMP" // an ICMP error: see Probe.ICMP
	AnswerUDP    = "UDP"  // a UDP datagram back (not reported: see udp.go)

	ProtoTCP = "tcp"
	ProtoUDP = "udp"

	VerdictClosed       = "closed"
	VerdictOpen         = "open"
	VerdictOpenFiltered = "open|filtered"
	VerdictUnfiltered   = "unfiltered"
	VerdictFiltered     = "filtered"
	VerdictUnknown      = "unknown"
)

// Probe is one probe and its answer. Observers may read it during
// ProbeObserver.Probe only.
type Probe struct {
	Time   time.Time // the first probe packet
	Pkt    uint64
	Prober netip.AddrPort
	Target netip.AddrPort
	// Proto is ProtoTCP or ProtoUDP (Kind ProbeUDP, udp.go).
	Proto string
	Flags segment.Flags // of the first probe packet; 0 for UDP
	Kind  ProbeKind
	Count int // probe packets, retries included
	// Len is the UDP payload length of the first datagram (UDP only).
	Len int
	// Answer is AnswerRST, AnswerSYNACK, AnswerNone (silence), AnswerICMP
	// (an ICMP error: ICMP and AnswerFrom say which), or the flags of
	// another answer ("." for an ACK).
	Answer     string
	AnswerTime time.Time // zero without an answer
	AnswerPkt  uint64
	AnswerFrom netip.Addr   // the ICMP error's sender (AnswerICMP only)
	ICMP       segment.ICMP // the ICMP error (AnswerICMP only)
	// Verdict is what the answer says of the target port, in nmap's
	// words: VerdictClosed, VerdictOpen, VerdictOpenFiltered,
	// VerdictUnfiltered, VerdictFiltered, or VerdictUnknown.
	Verdict string

	key   Tuple
	done  bool
	nheld uint8
	held  [maxHeld]segment.Segment
}

// UID returns the probe's stable identifier, derived as a connection's
// is (Conn.UID) from the target 4-tuple and the first packet's time.
func (p *Probe) UID() UID { return makeUID(p.key, p.Time.UnixMicro()) }

// ProbeObserver is implemented by Observers that want probes reported;
// the tracker calls Probe once per probe, when its answer is known.
type ProbeObserver interface {
	Probe(p *Probe)
}

// probeKind classifies a segment that arrives on a 4-tuple without a
// connection.
func probeKind(seg *segment.Segment) (ProbeKind, bool) {
	f := seg.Flags
	syn, fin, rst, ack := f&segment.SYN != 0, f&segment.FIN != 0, f&segment.RST != 0, f&segment.ACK != 0
	switch {
	case syn && (fin || rst), fin && rst && !ack:
		return ProbeIllegal, true
	case !ack && !syn && !rst:
		return ProbeNoACK, true
	case f&(segment.SYN|segment.FIN|segment.RST|segment.ACK) == segment.ACK && seg.PayloadLen == 0:
		return ProbeACK, true
	}
	return 0, false
}

// probeSegment handles a segment on a 4-tuple without a connection. It
// reports whether the segment was consumed as a probe or a probe's
// answer; if not, the caller handles it as a connection's segment.
func (t *Tracker) probeSegment(seg *segment.Segment, key Tuple, h uint64) bool {
	src := netip.AddrPortFrom(seg.Src, seg.SrcPort)
	if p := t.probes[key]; p != nil {
		if src == p.Prober {
			kind, ok := probeKind(seg)
			if ok && kind == p.Kind && seg.Flags == p.Flags && (kind != ProbeACK || p.nheld < maxHeld) {
				p.Count++ // a retry
				p.hold(seg)
				return true
			}
			if p.Kind == ProbeACK {
				t.probeIsConn(p, h)
				return false
			}
			t.decideProbe(p, nil) // the prober moved on
		} else {
			switch {
			case seg.Flags&segment.RST != 0:
				t.decideProbe(p, seg)
				return true
			case p.Kind == ProbeACK:
				t.probeIsConn(p, h)
				return false
			case seg.Flags&(segment.SYN|segment.ACK) == segment.SYN|segment.ACK:
				t.decideProbe(p, seg)
				return true
			default:
				t.decideProbe(p, seg)
				return false
			}
		}
	}
	kind, ok := probeKind(seg)
	if !ok {
		return false
	}
	if len(t.probes) >= maxProbes {
		t.expireProbes(t.now, 1, false)
	}
	p := t.newProbe()
	*p = Probe{
		Time: seg.Time, Pkt: seg.Pkt, Prober: src, Target: netip.AddrPortFrom(seg.Dst, seg.DstPort),
		Proto: ProtoTCP, Flags: seg.Flags, Kind: kind, Count: 1, key: key,
	}
	p.hold(seg)
	t.probes[key] = p
	if len(t.probeQ) == 0 {
		t.probeDue = stampOf(p.Time.Add(probeWait))
	}
	t.probeQ = append(t.probeQ, p)
	return true
}

// hold keeps a copy of a bare ACK, to replay should the 4-tuple turn out
// to be a connection.
func (p *Probe) hold(seg *segment.Segment) {
	if p.Kind != ProbeACK || int(p.nheld) == maxHeld {
		return
	}
	p.held[p.nheld] = *seg
	p.held[p.nheld].Payload = nil
	p.nheld++
}

func (t *Tracker) newProbe() *Probe {
	if n := len(t.probeFree); n > 0 {
		p := t.probeFree[n-1]
		t.probeFree = t.probeFree[:n-1]
		return p
	}
	return new(Probe)
}

// probeIsConn replays the bare ACKs held for p as the first packets of a
// connection: the segment that followed them showed one.
func (t *Tracker) probeIsConn(p *Probe, h uint64) {
	delete(t.probes, p.key)
	t.probeDone(p)
	for i := range p.nheld {
		seg := &p.held[i]
		key, srcFirst := tupleOf(seg)
		t.handleConn(seg, t.lookup(&key, h), &key, h, srcFirst)
	}
}

// decideProbe reports probe p answered by seg, or by silence if seg is
// nil, and removes it from the table.
func (t *Tracker) decideProbe(p *Probe, seg *segment.Segment) {
	p.Answer, p.Verdict = AnswerNone, VerdictOpenFiltered
	if p.Kind == ProbeACK {
		p.Verdict = VerdictFiltered
	}
	if seg != nil {
		p.AnswerTime, p.AnswerPkt = seg.Time, seg.Pkt
		switch {
		case seg.Kind == segment.ICMPError:
			icmpAnswer(p, seg) // icmp.go
		case seg.Flags&segment.RST != 0:
			p.Answer, p.Verdict = AnswerRST, VerdictClosed
			if p.Kind == ProbeACK {
				p.Verdict = VerdictUnfiltered
			}
		case seg.Flags&(segment.SYN|segment.ACK) == segment.SYN|segment.ACK:
			p.Answer, p.Verdict = AnswerSYNACK, VerdictOpen
		default:
			p.Answer, p.Verdict = seg.Flags.String(), VerdictUnknown
		}
	}
	delete(t.probes, p.key)
	t.probeDone(p)
	t.stats.Probes++
	if t.probeObs != nil {
		t.probeObs.Probe(p)
	}
}

// probeDone marks probe p decided. The queue is due at once if p heads
// it, so that it leaves the queue at the next segment.
func (t *Tracker) probeDone(p *Probe) {
	p.done = true
	if len(t.probeQ) > 0 && t.probeQ[0] == p {
		t.probeDue = stamp{math.MinInt64, 0}
	}
}

// expireProbes decides, in order of their first packet, the pending
// probes whose wait ended by now (every one if all), and at least force
// of them whatever their deadline. It recycles decided ones.
func (t *Tracker) expireProbes(now time.Time, force int, all bool) {
	n := 0
	for n < len(t.probeQ) {
		p := t.probeQ[n]
		if !p.done {
			if !all && force == 0 && p.Time.Add(probeWait).After(now) {
				break
			}
			if force > 0 {
				force--
			}
			t.decideProbe(p, nil)
		}
		t.probeFree = append(t.probeFree, p)
		n++
	}
	if n > 0 {
		m := copy(t.probeQ, t.probeQ[n:])
		clear(t.probeQ[m:])
		t.probeQ = t.probeQ[:m]
	}
	if len(t.probeQ) > 0 {
		// The head is undecided (decided ones were taken above): nothing
		// is due before its wait ends. Advance tests this, not the queue.
		t.probeDue = stampOf(t.probeQ[0].Time.Add(probeWait))
	}
}
