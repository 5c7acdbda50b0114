package tracker

import (
	"encoding/binary"
	"net/netip"
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
)

// Compact connections.
//
// A Conn's hot record takes 720 bytes, and a connection in its handshake
// holds an in-flight block besides (conn.go): about 1 KB. Under a SYN
// flood, or a scan, almost every connection is a SYN that nothing
// answers, or that a server answers with a SYN-ACK and nothing more (a
// spoofed source), and the table is full of them; handshakes left idle
// are common too. Such a connection, one that saw a few header-only
// segments (no payload, FIN or RST) and then went quiet, is kept as a
// compact record instead: the connection's number, the observers' words,
// the first segment's time and packet number, and its segments' header
// fields, each encoded as varints against what the previous ones predict
// (times and packet numbers as deltas from the first, sequence numbers
// from the one expected, a retransmission as its time and packet number
// and what changed): a lone SYN takes a 120-byte record, a SYN and its
// SYN-ACK, or a whole handshake, 136 bytes, longer ones, or ones with
// many options, 168, and up to five retransmissions of a SYN-ACK 232
// (recPools). Records come in chunks of pools with
// free lists (deterministic and bounded, unlike sync.Pool). The Conn goes
// back to the free list.
//
// The Conn is rebuilt by replaying the segments, without observers and
// without telling Config.Shared or the tracker's server set anything
// again (replaying), into a Conn from the free list (expand), as soon as
// anything needs it: another segment or an ICMP error on its 4-tuple, its
// timer, eviction, the end of the input. A connection is stored compactly
// only if that replay gives a Conn equal to the one it leaves, field for
// field, so a compact connection behaves exactly as a full one. Observers
// see a Conn in every callback as before; a compact connection's next
// callback may get another *Conn (the same ID). Config.KeepConns turns
// compaction off for observers that keep a *Conn between callbacks.
//
// How a connection becomes compact: once the table holds compactAbove
// connections, a connection opened by a lone SYN is young until youngAge
// after its latest segment (candidate): its segments are recorded as they
// come (record), its timer is not scheduled, and when it matures it is
// stored compactly if its record holds everything it saw (mature), else
// scheduled. A segment that
// cannot be recorded (payload, FIN, RST, SACK blocks, too many, a
// deadline before the maturity) ends its youth: it is scheduled then, as
// it would have been. A compact connection woken by a segment is young
// again, its record taken back (wake), so an answered half-open
// connection whose server retransmits its SYN-ACK goes back to its record
// 50 ms after each retransmission.

// defaultCompactAbove is how many connections the table holds before new
// ones may be stored compactly: below it the memory is not worth the
// replay.
const defaultCompactAbove = 1 << 13

// defaultRecordAbove is how many connections the table holds before a
// young connection's segments after its SYN are recorded too (answered
// half-open connections, idle handshakes): below it a connection that
// pauses for youngAge between its handshake and its data (any slow
// client, and most connections of a busy capture, whose packets of one
// connection are far apart) would be stored and rebuilt for nothing. On
// the benchmark capture (about 10,000 connections held) recording at
// 8,192 cost 250 to 300 ns a packet of the tracker's 1,700; the memory
// matters under floods, far above this.
const defaultRecordAbove = 1 << 16

// recHead is what a compact record holds besides its segments (rec1,
// rec2, rec3).
type recHead struct {
	key  Tuple
	n    uint8 // segments recorded
	opt  uint8 // optUID, optIdle
	blen uint8 // bytes of b in use
	id   uint64
	pkt  uint64 // the first segment's packet number
	ns   int64  // the first segment's time, in Unix nanoseconds
	aux  [AuxWords]uint32
}

// recHead.opt bits.
const (
	optUID  = 1 << iota // the UID was computed (it is computed again on expand)
	optIdle             // its deadline is the idle timeout after its latest segment, not synIdle
)

// The compact records, by how many bytes their segments take: a lone SYN
// (about 11 bytes without options, 21 with the usual ones) fits rec1, a
// SYN and SYN-ACK or a handshake rec2, with options rec3. gen is bumped
// when a record is freed, to invalidate its timer.
type (
	rec1 struct {
		h   recHead
		gen uint32
		b   [28]byte
	}
	rec2 struct {
		h   recHead
		gen uint32
		b   [44]byte
	}
	rec3 struct {
		h   recHead
		gen uint32
		b   [76]byte
	}
	rec4 struct {
		h   recHead
		gen uint32
		b   [maxRecBytes]byte
	}
)

// maxRecBytes is the most bytes of segments a record holds (rec4), and
// maxRecSegs the most segments: a SYN, its SYN-ACK and five
// retransmissions of it (Linux's tcp_synack_retries), and one more.
const (
	maxRecBytes = 140
	maxRecSegs  = 8
)

func (x *rec1) parts() (*recHead, *uint32, []byte) { return &x.h, &x.gen, x.b[:] }
func (x *rec2) parts() (*recHead, *uint32, []byte) { return &x.h, &x.gen, x.b[:] }
func (x *rec3) parts() (*recHead, *uint32, []byte) { return &x.h, &x.gen, x.b[:] }
func (x *rec4) parts() (*recHead, *uint32, []byte) { return &x.h, &x.gen, x.b[:] }

type recOf interface{ rec1 | rec2 | rec3 | rec4 }

type recPtr[R recOf] interface {
	*R
	parts() (*recHead, *uint32, []byte)
}

// recChunk is how many records a pool chunk holds: the pool grows a chunk
// at a time and never copies.
const recChunk = 1 << 12

// recPool holds records of one size. Indexes are 1-based.
type recPool[R recOf, P recPtr[R]] struct {
	chunks [][]R
	free   []uint32
	n      uint32 // indexes handed out
}

func (p *recPool[R, P]) at(i uint32) P {
	i--
	return P(&p.chunks[i/recChunk][i%recChunk])
}

func (p *recPool[R, P]) get() uint32 {
	if n := len(p.free); n > 0 {
		i := p.free[n-1]
		p.free = p.free[:n-1]
		return i
	}
	if p.n%recChunk == 0 {
		p.chunks = append(p.chunks, make([]R, recChunk))
	}
	p.n++
	return p.n
}

func (p *recPool[R, P]) put(i uint32) {
	x := p.at(i)
	_, gen, _ := x.parts()
	g := *gen + 1
	var zero R
	*x = zero
	_, gen, _ = x.parts()
	*gen = g
	p.free = append(p.free, i)
}

// recPools holds the compact records of every size. A handle is the
// pool's index, with the size class in its top two bits; 0 is none.
type recPools struct {
	p1   recPool[rec1, *rec1]
	p2   recPool[rec2, *rec2]
	p3   recPool[rec3, *rec3]
	p4   recPool[rec4, *rec4]
	live int
}

const (
	recClassShift = 30
	recIndexMask  = 1<<recClassShift - 1
)

// parts returns record r's head, generation and bytes.
func (p *recPools) parts(r uint32) (*recHead, *uint32, []byte) {
	i := r & recIndexMask
	switch r >> recClassShift {
	case 0:
		return p.p1.at(i).parts()
	case 1:
		return p.p2.at(i).parts()
	case 2:
		return p.p3.at(i).parts()
	}
	return p.p4.at(i).parts()
}

// head returns record r's head.
func (p *recPools) head(r uint32) *recHead {
	h, _, _ := p.parts(r)
	return h
}

// gen returns record r's generation.
func (p *recPools) gen(r uint32) uint32 {
	_, g, _ := p.parts(r)
	return *g
}

// get returns a record for n bytes of segments (at most maxRecBytes).
func (p *recPools) get(n int) uint32 {
	p.live++
	switch {
	case n <= len(rec1{}.b):
		return p.p1.get()
	case n <= len(rec2{}.b):
		return 1<<recClassShift | p.p2.get()
	case n <= len(rec3{}.b):
		return 2<<recClassShift | p.p3.get()
	}
	return 3<<recClassShift | p.p4.get()
}

func (p *recPools) put(r uint32) {
	p.live--
	i := r & recIndexMask
	switch r >> recClassShift {
	case 0:
		p.p1.put(i)
	case 1:
		p.p2.put(i)
	case 2:
		p.p3.put(i)
	default:
		p.p4.put(i)
	}
}

// recEnc is what the segments recorded so far predict of the next one,
// per endpoint in the tuple's order (0: the first): the sequence number it
// sends next, its latest TSval, and its latest segment (a retransmission
// repeats it).
type recEnc struct {
	seq  [2]seqnum.Value
	ts   [2]uint32
	prev [2]recPrev
}

// recPrev is what a retransmission repeats of its sender's previous
// segment (segSame).
type recPrev struct {
	seq    seqnum.Value
	window uint16
	ipLen  uint16
	mss    uint16
	wscale uint8
	bits   uint8 // segMSS|segWScale|segSACKOK, and segSame: set
}

// Bits of a recorded segment's second byte.
const (
	segSrcFirst = 1 << iota // sent by the tuple's first endpoint
	segMSS                  // an MSS option (a varint follows)
	segWScale               // a window scale option (a byte follows)
	segSACKOK
	segTS   // timestamps (two varints follow)
	segSame // the sender's previous segment's sequence number, window, IP length and MSS, window scale and SACK-permitted options
)

// maxSegBytes bounds one encoded segment.
const maxSegBytes = 2 + 2*binary.MaxVarintLen64 + 5*binary.MaxVarintLen32 + 1

// compactable reports whether seg, which just created its connection, may
// make it young (candidate): a SYN alone, without payload, whose tunnel is
// the one its tuple holds.
func compactable(seg *segment.Segment) bool {
	return seg.Flags&(segment.SYN|segment.ACK|segment.RST|segment.FIN) == segment.SYN &&
		seg.PayloadLen == 0 && seg.Tunnel == seg.TunnelKey
}

// recordable reports whether seg, of a connection that began at ns0 with
// packet pkt0, can be recorded: header-only, neither FIN nor RST, no SACK
// blocks, in the tunnel its tuple holds, and its options what the record
// keeps.
func recordable(seg *segment.Segment, ns0 int64, pkt0 uint64) bool {
	o := &seg.Opts
	return seg.Flags&(segment.RST|segment.FIN) == 0 && seg.PayloadLen == 0 &&
		seg.IPLen >= 0 && seg.IPLen <= 0xffff && o.NumSACK == 0 && seg.Tunnel == seg.TunnelKey &&
		(o.HasWScale || o.WScale == 0) && (o.HasTS || o.TSVal == 0 && o.TSEcr == 0) &&
		seg.Time.UnixNano() >= ns0 && seg.Pkt >= pkt0
}

func zigzag(d seqnum.Value) uint64 { v := int32(d); return uint64(uint32(v<<1) ^ uint32(v>>31)) }

func unzigzag(u uint64) seqnum.Value { v := uint32(u); return seqnum.Value(v>>1 ^ -(v & 1)) }

// encode appends seg, sent by the tuple's first endpoint if srcFirst, to
// dst; first says it is the connection's first segment, whose time and
// packet number the record's head holds (ns0, pkt0).
func (e *recEnc) encode(dst []byte, seg *segment.Segment, srcFirst, first bool, ns0 int64, pkt0 uint64) []byte {
	me, peer := 1, 0
	var bits byte
	if srcFirst {
		me, peer, bits = 0, 1, segSrcFirst
	}
	o := &seg.Opts
	if o.MSS != 0 {
		bits |= segMSS
	}
	if o.HasWScale {
		bits |= segWScale
	}
	if o.SACKPermitted {
		bits |= segSACKOK
	}
	if o.HasTS {
		bits |= segTS
	}
	cur := recPrev{seq: seg.Seq, window: seg.Window, ipLen: uint16(seg.IPLen), mss: o.MSS, wscale: o.WScale,
		bits: bits&(segMSS|segWScale|segSACKOK) | segSame}
	same := e.prev[me] == cur
	if same {
		bits |= segSame
	}
	dst = append(dst, byte(seg.Flags), bits)
	if !first {
		dst = binary.AppendUvarint(dst, uint64(seg.Time.UnixNano()-ns0))
		dst = binary.AppendUvarint(dst, seg.Pkt-pkt0)
	}
	if !same {
		dst = binary.AppendUvarint(dst, zigzag(seg.Seq-e.seq[me]))
	}
	dst = binary.AppendUvarint(dst, zigzag(seg.Ack-e.seq[peer]))
	if !same {
		dst = binary.AppendUvarint(dst, uint64(seg.Window))
		dst = binary.AppendUvarint(dst, uint64(seg.IPLen))
		if bits&segMSS != 0 {
			dst = binary.AppendUvarint(dst, uint64(o.MSS))
		}
		if bits&segWScale != 0 {
			dst = append(dst, o.WScale)
		}
	}
	e.prev[me] = cur
	if bits&segTS != 0 {
		dst = binary.AppendUvarint(dst, zigzag(seqnum.Value(o.TSVal-e.ts[me])))
		dst = binary.AppendUvarint(dst, zigzag(seqnum.Value(o.TSEcr-e.ts[peer])))
	}
	e.next(seg, me)
	return dst
}

// next notes what seg, sent by endpoint me, predicts.
func (e *recEnc) next(seg *segment.Segment, me int) {
	e.seq[me] = seg.Seq
	if seg.Flags&segment.SYN != 0 {
		e.seq[me]++
	}
	if seg.Opts.HasTS {
		e.ts[me] = seg.Opts.TSVal
	}
}

// recDec decodes a record's segments, in order.
type recDec struct {
	recEnc
	b    []byte
	key  *Tuple
	ns0  int64
	pkt0 uint64
	i    int // segments decoded
}

func (d *recDec) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	d.b = d.b[n:]
	return v
}

// decode rebuilds the next segment into seg, and reports whether its
// sender is the tuple's first endpoint.
func (d *recDec) decode(seg *segment.Segment) bool {
	flags, bits := d.b[0], d.b[1]
	d.b = d.b[2:]
	srcFirst := bits&segSrcFirst != 0
	me, peer := 1, 0
	if srcFirst {
		me, peer = 0, 1
	}
	ns, pkt := d.ns0, d.pkt0
	if d.i > 0 {
		ns += int64(d.uvarint())
		pkt += d.uvarint()
	}
	d.i++
	a, b := d.key.addrs()
	pa, pb := d.key.ports()
	if !srcFirst {
		a, b, pa, pb = b, a, pb, pa
	}
	*seg = segment.Segment{
		Time: time.Unix(0, ns).UTC(), Pkt: pkt,
		Src: a, Dst: b, SrcPort: pa, DstPort: pb,
		Flags: segment.Flags(flags), Tunnel: d.key.Tunnel(), TunnelKey: d.key.Tunnel(),
	}
	o := &seg.Opts
	if p := &d.prev[me]; bits&segSame != 0 {
		seg.Seq = p.seq
		seg.Ack = d.seq[peer] + unzigzag(d.uvarint())
		seg.Window, seg.IPLen, o.MSS, o.WScale = p.window, int(p.ipLen), p.mss, p.wscale
		o.HasWScale = bits&segWScale != 0
	} else {
		seg.Seq = d.seq[me] + unzigzag(d.uvarint())
		seg.Ack = d.seq[peer] + unzigzag(d.uvarint())
		seg.Window = uint16(d.uvarint())
		seg.IPLen = int(d.uvarint())
		if bits&segMSS != 0 {
			o.MSS = uint16(d.uvarint())
		}
		if bits&segWScale != 0 {
			o.HasWScale, o.WScale = true, d.b[0]
			d.b = d.b[1:]
		}
	}
	d.prev[me] = recPrev{seq: seg.Seq, window: seg.Window, ipLen: uint16(seg.IPLen), mss: o.MSS, wscale: o.WScale,
		bits: bits&(segMSS|segWScale|segSACKOK) | segSame}
	o.SACKPermitted = bits&segSACKOK != 0
	if bits&segTS != 0 {
		o.HasTS = true
		o.TSVal = d.ts[me] + uint32(unzigzag(d.uvarint()))
		o.TSEcr = d.ts[peer] + uint32(unzigzag(d.uvarint()))
	}
	d.next(seg, me)
	return srcFirst
}

// youngEnt is a young connection (candidate), with its segments recorded
// so far.
type youngEnt struct {
	c    *Conn
	at   stamp // when it became young: its SYN, or the segment that woke it
	gen  uint32
	n    uint8
	blen uint8
	enc  recEnc
	b    [maxRecBytes]byte
}

// youngAge is how long a connection stays young (a Conn) before it is
// kept compact: longer than most handshakes take, so a connection that
// carries data at once never pays for the record and its replay.
const youngAge = 50 * time.Millisecond

// age returns how long a connection stays young: youngAge, or less with
// a short idle timeout, so that no deadline falls in its youth.
func (t *Tracker) age() time.Duration { return min(youngAge, t.synIdle()/2) }

// candidate makes connection c, which seg (a lone SYN, sent by the
// originator) just created, young: it records seg, and reports whether it
// did; if so, c is not scheduled until it matures.
//
//go:noinline
func (t *Tracker) candidate(c *Conn, seg *segment.Segment, srcFirst bool) bool {
	if !recordable(seg, seg.Time.UnixNano(), seg.Pkt) {
		return false
	}
	at := t.youngAt(seg)
	if t.deadline(c).before(at.add(t.age())) {
		return false // the clock stepped back further than a youth
	}
	e := t.pushYoung(c, at)
	if e == nil {
		return false
	}
	e.blen = uint8(len(e.enc.encode(e.b[:0], seg, srcFirst, true, 0, 0)))
	e.n = 1
	return true
}

// youngAt returns when the youth a segment starts or renews starts: its
// time, or if the clock stepped back, the latest youth's start, so that
// the young stay in order (matureYoung).
func (t *Tracker) youngAt(seg *segment.Segment) stamp {
	if at := stampOf(seg.Time); !at.before(t.youngLast) {
		return at
	}
	return t.youngLast
}

// pushYoung makes c young from at on, and returns its entry (empty), or
// nil if it cannot.
func (t *Tracker) pushYoung(c *Conn, at stamp) *youngEnt {
	pos := t.youngBase + uint32(len(t.young))
	if pos+1 == 0 {
		return nil // the numbering wraps: 0 is not young
	}
	t.youngLast = at
	t.young = append(t.young, youngEnt{c: c, at: at, gen: c.gen})
	c.young = pos + 1
	return &t.young[len(t.young)-1]
}

// moveYoung moves young connection c's entry to the end of the young,
// young from at on (if it can: else it stays).
func (t *Tracker) moveYoung(c *Conn, at stamp) {
	x := *t.youngOf(c)
	if e := t.pushYoung(c, at); e != nil {
		x.at = at
		*e = x
	}
}

// youngOf returns young connection c's entry.
func (t *Tracker) youngOf(c *Conn) *youngEnt { return &t.young[c.young-1-t.youngBase] }

// record adds seg, which was just applied to young connection c, to c's
// record, and reports whether the caller is done with c: recorded, or no
// longer young and scheduled. If c was scheduled while young (an ICMP
// error), it is no longer young and the caller goes on as usual.
//
//go:noinline
func (t *Tracker) record(c *Conn, seg *segment.Segment, srcFirst bool) bool {
	e := t.youngOf(c)
	if !c.queuedSet && e.n < maxRecSegs && t.conns.n > t.recordAbove && recordable(seg, c.first.UnixNano(), c.firstPkt) {
		var tmp [maxSegBytes]byte
		enc := e.enc
		b := enc.encode(tmp[:0], seg, srcFirst, false, c.first.UnixNano(), c.firstPkt)
		// Its youth starts again, so the young go compact in the order of
		// their latest segments, which is the order of their deadlines
		// (the queues'), unless the clock stepped back.
		at := t.youngAt(seg)
		if int(e.blen)+len(b) <= maxRecBytes && !t.deadline(c).before(at.add(t.age())) {
			copy(e.b[e.blen:], b)
			e.blen += uint8(len(b))
			e.n++
			e.enc = enc
			if at != e.at {
				t.moveYoung(c, at)
			}
			return true
		}
	}
	c.young = 0
	if c.queuedSet {
		return false
	}
	t.schedule(c)
	return true
}

// matureYoung stores compactly, or schedules, the young connections that
// are age old by now, or all of them if all (before an eviction, which
// chooses among scheduled connections).
func (t *Tracker) matureYoung(now stamp, all bool) {
	age := t.age()
	for t.youngHead < len(t.young) {
		e := &t.young[t.youngHead]
		if !all && now.before(e.at.add(age)) {
			break
		}
		t.mature(e, t.youngBase+uint32(t.youngHead))
		*e = youngEnt{}
		t.youngHead++
	}
	if t.youngHead == len(t.young) {
		t.youngBase += uint32(t.youngHead)
		t.young, t.youngHead = t.young[:0], 0
	} else if t.youngHead >= 1024 && 2*t.youngHead >= len(t.young) {
		n := copy(t.young, t.young[t.youngHead:])
		clear(t.young[n:])
		t.youngBase += uint32(t.youngHead)
		t.young, t.youngHead = t.young[:n], 0
	}
}

// mature ends the youth of the connection of entry e (at place pos, if it
// is still young there): it is stored as a compact record if replaying
// the record gives it back exactly, and its Conn goes back to the free
// list; otherwise it is scheduled.
func (t *Tracker) mature(e *youngEnt, pos uint32) {
	c := e.c
	if c.gen != e.gen || c.young != pos+1 {
		return // gone, or no longer young
	}
	c.young = 0
	if c.queuedSet {
		return // scheduled while young (an ICMP error)
	}
	if c.rare != nil {
		t.schedule(c) // an ICMP error, a bad checksum: not in the record
		return
	}
	r := t.syns.get(int(e.blen))
	h, _, b := t.syns.parts(r)
	*h = recHead{key: c.key, n: e.n, blen: e.blen, id: c.id, pkt: c.firstPkt, ns: c.first.UnixNano(), aux: c.aux}
	copy(b, e.b[:e.blen])
	if c.uid[0] != 0 {
		h.opt |= optUID
	}
	if t.scratch == nil {
		t.scratch = new(Conn)
	}
	t.expandInto(t.scratch, r)
	t.scratch.gen = c.gen
	if !sameConn(t.scratch, c) {
		t.syns.put(r)
		t.compactMiss++
		t.schedule(c)
		return
	}
	t.compactMade[e.n]++
	i := t.conns.index(c, 0, c.hash)
	t.conns.slots[i].c, t.conns.slots[i].r = nil, r
	t.scheduleRec(r, t.deadline(c))
	c.release(t)
	c.gen++
	t.free = append(t.free, c)
}

// expandInto rebuilds in c, which must not be in use, the connection that
// record r holds, by replaying its segments without observers.
func (t *Tracker) expandInto(c *Conn, r uint32) {
	x, _, b := t.syns.parts(r)
	d := recDec{b: b[:x.blen], key: &x.key, ns0: x.ns, pkt0: x.pkt}
	var seg segment.Segment
	gen := c.gen
	c.release(t)
	*c = Conn{gen: gen}
	n, evTime, evPkt := len(t.evs), t.evTime, t.evPkt
	t.replaying = true
	for i := range int(x.n) {
		srcFirst := d.decode(&seg)
		t.evTime, t.evPkt = seg.Time, seg.Pkt
		if i == 0 {
			c.init(t, &x.key, t.conns.hash(&x.key), srcFirst, &seg)
			c.id, c.aux = x.id, x.aux
		}
		c.apply(t, &seg, c.sideOf(srcFirst))
	}
	t.replaying = false
	if x.opt&optUID != 0 {
		c.UID()
	}
	t.evs = t.evs[:n]
	t.evTime, t.evPkt = evTime, evPkt
}

// How expand leaves the Conn: scheduled (a timer came due), woken (a
// segment or an ICMP error: young again if it can be, else scheduled), or
// neither (the end of the input).
const (
	expandTimer = iota
	expandWake
	expandFlush
)

// expand turns the compact record in slot i back into a Conn, and
// returns it.
func (t *Tracker) expand(i int, how int) *Conn {
	s := &t.conns.slots[i]
	r := s.r
	c := t.allocConn()
	t.expandInto(c, r)
	s.c, s.r = c, 0
	if how == expandTimer || how == expandWake && !t.wake(c, r) {
		t.schedule(c)
	}
	if how == expandFlush {
		t.syns.live-- // the pools go whole at the end of Flush: no free list to grow
	} else {
		t.syns.put(r)
	}
	return c
}

// wake makes connection c, just expanded from record r, young again with
// r's segments, if it can: so a compact connection that gets a header-only
// segment is compact again once quiet.
func (t *Tracker) wake(c *Conn, r uint32) bool {
	at := t.nowS
	if at.before(t.youngLast) || t.deadline(c).before(at.add(t.age())) {
		return false
	}
	e := t.pushYoung(c, at)
	if e == nil {
		return false
	}
	x, _, b := t.syns.parts(r)
	e.n, e.blen = x.n, x.blen
	copy(e.b[:], b[:x.blen])
	d := recDec{b: b[:x.blen], key: &x.key, ns0: x.ns, pkt0: x.pkt}
	var seg segment.Segment
	for range int(x.n) {
		d.decode(&seg)
	}
	e.enc = d.recEnc
	return true
}

// recLast returns the time of record r's latest segment.
func (t *Tracker) recLast(r uint32) stamp {
	x, _, b := t.syns.parts(r)
	d := recDec{b: b[:x.blen], key: &x.key, ns0: x.ns, pkt0: x.pkt}
	var seg segment.Segment
	for range int(x.n) {
		d.decode(&seg)
	}
	return stampOf(seg.Time)
}

// lookup returns the connection with key k and hash h, or nil, as a Conn.
func (t *Tracker) lookup(k *Tuple, h uint64) *Conn {
	i := t.conns.find(k, h, &t.syns)
	switch {
	case i < 0:
		return nil
	case t.conns.slots[i].c != nil:
		return t.conns.slots[i].c
	}
	return t.expand(i, expandWake)
}

// addrs returns the tuple's two addresses.
func (k *Tuple) addrs() (a, b netip.Addr) {
	a, b = netip.AddrFrom16([16]byte(k.k[0:16])), netip.AddrFrom16([16]byte(k.k[16:32]))
	if k.k[36] == 4 {
		a, b = a.Unmap(), b.Unmap()
	}
	return a, b
}

// ports returns the tuple's two ports.
func (k *Tuple) ports() (a, b uint16) {
	return uint16(k.k[32])<<8 | uint16(k.k[33]), uint16(k.k[34])<<8 | uint16(k.k[35])
}

// recQueue holds compact connections' timers of one kind of deadline
// (a constant after the latest segment: synIdle, or the idle timeout) in
// order of arrival, which is the order of their deadlines as long as
// connections go quiet in the order of their latest segments; an entry
// that would break the order goes to the heap instead. An entry is 8
// bytes where a heap entry is 40, and the queue grows a chunk at a time,
// never copying.
type recQueue struct {
	chunks [][]recQEnt
	head   int // the first entry's index in chunks[0]
	tail   int // entries in the last chunk
	spare  []recQEnt
	last   stamp  // the latest deadline pushed
	at     stamp  // the first entry's deadline
	id     uint64 // and its connection's ID
}

type recQEnt struct{ r, gen uint32 }

const qChunk = 1 << 12

func (q *recQueue) empty() bool { return len(q.chunks) == 0 }

func (q *recQueue) front() recQEnt { return q.chunks[0][q.head] }

func (q *recQueue) push(e recQEnt, at stamp) {
	if len(q.chunks) == 0 || q.tail == qChunk {
		c := q.spare
		q.spare = nil
		if c == nil {
			c = make([]recQEnt, qChunk)
		}
		q.chunks = append(q.chunks, c)
		q.tail = 0
	}
	q.chunks[len(q.chunks)-1][q.tail] = e
	q.tail++
	q.last = at
}

func (q *recQueue) pop() {
	q.head++
	switch {
	case len(q.chunks) == 1 && q.head == q.tail:
		q.spare, q.chunks = q.chunks[0], q.chunks[:0]
		q.head, q.tail = 0, 0
	case q.head == qChunk:
		q.spare, q.chunks = q.chunks[0], q.chunks[1:]
		q.head = 0
	}
}

// synIdle is how long a connection in its handshake lives without
// another segment (deadline).
func (t *Tracker) synIdle() time.Duration { return min(t.cfg.IdleTimeout, handshakeIdle) }

// recIdle returns the deadline's distance from the latest segment for
// the queue of kind k (optIdle or not).
func (t *Tracker) recIdle(k uint8) time.Duration {
	if k != 0 {
		return t.cfg.IdleTimeout
	}
	return t.synIdle()
}

// recDue returns the deadline of compact record r.
func (t *Tracker) recDue(r uint32) stamp {
	return t.recLast(r).add(t.recIdle(t.syns.head(r).opt & optIdle))
}

// scheduleRec queues the timer of compact record r, whose connection's
// deadline is ds: on the queue of its kind of deadline, or on the heap.
func (t *Tracker) scheduleRec(r uint32, ds stamp) {
	x := t.syns.head(r)
	last := t.recLast(r)
	k := -1
	switch {
	case last.add(t.synIdle()) == ds:
		k = 0
	case last.add(t.cfg.IdleTimeout) == ds:
		k, x.opt = 1, x.opt|optIdle
	}
	if k < 0 || !t.recQ[k].empty() && ds.before(t.recQ[k].last) {
		t.timers.push(timer{atS: ds, id: x.id, gen: t.syns.gen(r), r: r})
		return
	}
	q := &t.recQ[k]
	if q.empty() {
		q.at, q.id = ds, x.id
	}
	q.push(recQEnt{r, t.syns.gen(r)}, ds)
}

// popRec drops queue k's first entry, and the stale ones after it (a
// freed record may hold another connection since), and notes the next
// one's deadline. An entry that goes stale once first keeps the deadline
// noted, and is dropped when it comes due.
func (t *Tracker) popRec(k int) {
	q := &t.recQ[k]
	for q.pop(); !q.empty(); q.pop() {
		e := q.front()
		if t.syns.gen(e.r) == e.gen {
			q.at, q.id = t.recDue(e.r), t.syns.head(e.r).id
			return
		}
	}
}

// firstSource returns where the earliest deadline is: the heap (-1), a
// queue of compact records (its index), or nowhere (-2).
func (t *Tracker) firstSource() int {
	src, at, id := -2, stamp{}, uint64(0)
	if len(t.timers) > 0 {
		src, at, id = -1, t.timers[0].atS, t.timers[0].id
	}
	for k := range t.recQ {
		if q := &t.recQ[k]; !q.empty() && (src == -2 || q.at.before(at) || q.at == at && q.id < id) {
			src, at, id = k, q.at, q.id
		}
	}
	return src
}

// firstDue returns the earliest deadline of the heap and the queues.
func (t *Tracker) firstDue() (stamp, bool) {
	if len(t.timers) > 0 && t.recQ[0].empty() && t.recQ[1].empty() {
		return t.timers[0].atS, true // most of the time
	}
	switch k := t.firstSource(); k {
	case -2:
		return stamp{}, false
	case -1:
		return t.timers[0].atS, true
	default:
		return t.recQ[k].at, true
	}
}
