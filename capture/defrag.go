package capture

import (
	"bytes"
	"net/netip"
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// IP reassembly (RFC 791 §3.2 for IPv4, RFC 8200 §4.5 for IPv6), done
// the way a Linux receiver does it, so that the TCP inside fragments is
// analysed as the receiving stack saw it.
//
// Written here rather than with gopacket's ip4defrag (and the
// gopacket/gopacket fork's ip6defrag) because neither fits: both keep the
// caller's *layers.IPv4/IPv6 and its Payload slice, which alias the
// capture buffer our zero-copy sources reuse on the next read; both need
// a decoded gopacket layer per fragment (allocations, and our decoder does
// not build layers); neither caps the bytes or the number of trains held;
// ip4defrag resolves overlaps "BSD-right" and ip6defrag concatenates
// whatever it holds, where Linux drops the datagram; ip6defrag keys trains
// on the identification alone (not the addresses) and stamps them with
// time.Now(), never the capture clock; and neither reports what it
// dropped.

// Reassembly limits. They follow Linux's defaults.
const (
	// FragTimeout is how long an IPv4 train may take to complete, on the
	// capture clock, from its first fragment (net.ipv4.ipfrag_time: 30 s;
	// the Linux timer starts when the queue is created and is not pushed
	// back by later fragments).
	FragTimeout = 30 * time.Second
	// FragTimeout6 is the same for IPv6 (net.ipv6.ip6frag_time, and RFC
	// 8200 §4.5: 60 s).
	FragTimeout6 = 60 * time.Second
	// FragMaxBytes caps the bytes held in unfinished trains
	// (net.ipv4.ipfrag_high_thresh: 4 MiB). Over it, fragments are
	// dropped and counted, as Linux drops them.
	FragMaxBytes = 4 << 20
	// FragMaxTrains caps the number of unfinished trains.
	FragMaxTrains = 4096
	// MaxFragExamples is how many examples of each kind FragStats keeps.
	MaxFragExamples = 4

	maxIPPayload = 65535
	poolKeep     = 4 << 10 // data capacity a pooled train keeps
)

// FragStats counts what IP reassembly did. Each IP fragment of TCP is
// counted once in Stats.Fragments, except the one that completes a
// datagram, which is counted as the datagram decodes (normally in
// Stats.TCP): a reassembled segment carries that fragment's packet
// number and time, as Wireshark shows a reassembled PDU in the frame of
// its last fragment.
type FragStats struct {
	Reassembled uint64 // datagrams reassembled
	Incomplete  uint64 // trains that never completed (timed out, or open at the end of the input)
	TimedOut    uint64 // of Incomplete, those that timed out (FragTimeout or FragTimeout6, on the capture clock)
	// Overlaps counts trains dropped because a fragment overlapped bytes
	// already held without lying inside them (Linux: IPFRAG_OVERLAP).
	Overlaps uint64
	// Duplicates counts fragments dropped because every byte of them was
	// already held (Linux: IPFRAG_DUP); the first copy is kept.
	Duplicates uint64
	// Conflicts counts overlaps and duplicates whose bytes differed from
	// those already held: someone is rewriting data in flight.
	Conflicts uint64
	// TinyFirst counts first fragments that hold fewer than 20 bytes of
	// TCP header (RFC 1858 §3). IPv4 ones are reassembled as Linux does;
	// IPv6 ones are dropped, as RFC 8200 §4.5 asks and Linux does (since
	// 5.10, ipv6_frag_thdr_truncated).
	TinyFirst uint64
	// Invalid counts fragments dropped (and with them their trains) for
	// inconsistencies Linux also refuses: two different ends, bytes past
	// the end, an empty fragment, a datagram over 65535 bytes, an IPv6
	// non-last fragment whose length is not a multiple of 8.
	Invalid uint64
	// CapDropped counts fragments dropped because FragMaxBytes or
	// FragMaxTrains was reached.
	CapDropped uint64
	// Unverifiable counts reassembled datagrams whose TCP checksum could
	// not be verified because the snaplen cut fragments (checksums not
	// off). They are delivered and applied, never taken as bad.
	Unverifiable uint64

	// Bounded lists of examples, the first MaxFragExamples of each kind.
	IncompleteEx [MaxFragExamples]FragExample
	OverlapEx    [MaxFragExamples]FragExample // overlaps and conflicting duplicates
	TinyEx       [MaxFragExamples]FragExample
}

// FragExample identifies a fragment train.
type FragExample struct {
	Src, Dst  netip.Addr
	ID        uint32    // IPv4 identification or IPv6 fragment identification
	First     time.Time // time of the train's first fragment
	FirstPkt  uint64    // its packet number
	Pkt       uint64    // the packet that made the example (the overlapping one, the last one seen)
	Conflict  bool      // overlapping bytes differed
	Duplicate bool      // a duplicate (kept the first copy), not an overlap (train dropped)
}

// IncompleteExamples returns the incomplete-train examples kept.
func (s *FragStats) IncompleteExamples() []FragExample { return kept(&s.IncompleteEx) }

// OverlapExamples returns the examples of overlaps and conflicting
// duplicates kept.
func (s *FragStats) OverlapExamples() []FragExample { return kept(&s.OverlapEx) }

// TinyExamples returns the tiny-first-fragment examples kept.
func (s *FragStats) TinyExamples() []FragExample { return kept(&s.TinyEx) }

func kept(ex *[MaxFragExamples]FragExample) []FragExample {
	n := 0
	for n < len(ex) && ex[n].Src.IsValid() {
		n++
	}
	return ex[:n]
}

func note(ex *[MaxFragExamples]FragExample, n *int, e FragExample) {
	if *n < MaxFragExamples {
		ex[*n] = e
		*n++
	}
}

type fragKey struct {
	src, dst [16]byte
	id       uint32
	proto    uint8 // IPv4 protocol (Linux keys on it); 0 for IPv6
	v6       bool
}

// run is a contiguous range of fragments, as Linux keeps them.
type run struct{ off, end int }

// piece is one fragment's captured bytes, at data[pos:pos+n].
type piece struct{ off, pos, n int }

type train struct {
	key      fragKey
	gen      uint64 // bumped on reuse, for stale FIFO entries
	first    time.Time
	firstPkt uint64
	lastPkt  uint64 // the last fragment's packet number
	hdr      []byte // the unfragmentable part, from the offset-0 fragment
	nhPos    int    // IPv6: where in hdr the fragment header's type was
	hasFirst bool
	hasLast  bool
	end      int // datagram payload length (the final fragment's end, or the highest end so far)
	meat     int // bytes held
	cut      int // captured bytes end here (snaplen); >= end when whole
	runs     []run
	pieces   []piece
	data     []byte
	charged  int // bytes charged to the budget
}

type fifoEntry struct {
	t   *train
	gen uint64
}

// defrag holds the trains being reassembled. It is created on the first
// fragment, so unfragmented traffic never touches it.
type defrag struct {
	trains map[fragKey]*train
	fifo   [2][]fifoEntry // trains in creation order, IPv4 and IPv6, for the timeouts
	free   []*train
	bytes  int
	out    []byte // the reassembled datagram, valid until the next one
	gen    uint64

	nInc, nOver, nTiny int // examples kept

	obs FragObserver // fragevent.go
}

func newDefrag() *defrag {
	return &defrag{trains: make(map[fragKey]*train)}
}

// Internal contract with decode: for verdict isFragment, seg.Payload is
// the IP packet as captured, seg.IPLen its length as the header states
// it, and seg.PayloadLen the length of its unfragmentable part (the IPv4
// header, or the IPv6 header and the extension headers before the
// fragment header).
func markFragment(seg *segment.Segment, b []byte, end, unfrag int) (verdict, Reason) {
	seg.Payload, seg.IPLen, seg.PayloadLen = b, end, unfrag
	return isFragment, 0
}

// reassemble takes the fragment decode left in seg. It reports whether
// seg now holds a reassembled TCP segment to deliver; the frame is
// counted in any case.
func (r *Reader) reassemble(seg *segment.Segment, ci FrameInfo) bool {
	if r.frag == nil {
		r.frag = newDefrag()
		r.frag.obs = r.fragObs
	}
	d, st := r.frag, &r.stats
	b, end, unfrag := seg.Payload, seg.IPLen, seg.PayloadLen
	pkt := st.Frames
	d.expire(st, ci.Timestamp, pkt)
	dgram := d.add(st, b, end, unfrag, ci.Timestamp, pkt)
	if dgram == nil {
		st.Fragments++
		return false
	}
	st.Frag.Reassembled++
	var v verdict
	var reason Reason
	// The datagram's checksums are verified as a plain segment's: the
	// IPv4 header (build kept its checksum right if the first fragment's
	// was) and the TCP checksum over the whole reassembled segment. A
	// datagram whose fragments the snaplen cut cannot be: it is counted
	// as unverifiable, never as bad.
	ck := r.checkerFor()
	if dgram[0]>>4 == 4 {
		v, reason = decodeIPv4(dgram, seg, &st.Noted, ck)
	} else {
		v, reason = decodeIPv6(dgram, seg, &st.Noted, ck)
	}
	switch v {
	case isTCP:
		st.TCP++
		seg.Kind = segment.TCP
		seg.Tunnel, seg.TunnelKey = 0, 0
		if ck != nil && ck.status == ckUnverifiable && seg.IPLen > len(dgram) {
			st.Frag.Unverifiable++
		}
		seg.BadChecksum = r.judge(seg.Src)
		seg.Time, seg.Pkt = ci.Timestamp, pkt
		seg.SetDigest()
		if d.obs != nil {
			d.event(FragEvent{Kind: FragTCP, Example: FragExample{Src: seg.Src, Dst: seg.Dst}, Time: seg.Time, Pkt: pkt,
				DstPort: seg.DstPort, Flags: seg.Flags, PayloadLen: seg.PayloadLen})
		}
		return true
	case notTCP:
		st.NonTCP++
	case isFragment: // a fragment inside a fragment
		st.Frag.Invalid++
		st.Fragments++
	default:
		st.Skipped[reason]++
	}
	return false
}

// endFragments counts the trains still open at the end of the input as
// incomplete.
func (r *Reader) endFragments() {
	d := r.frag
	if d == nil {
		return
	}
	for fam, q := range d.fifo {
		for _, e := range q {
			if e.t.gen == e.gen {
				d.incomplete(&r.stats, e.t, false, r.clock, 0)
			}
		}
		d.fifo[fam] = q[:0]
	}
}

// expire drops the trains whose first fragment is their timeout or more
// older than now. Each family's FIFO is in creation order, so the scan
// stops at the first train still in time.
func (d *defrag) expire(st *Stats, now time.Time, pkt uint64) {
	for fam, timeout := range [2]time.Duration{FragTimeout, FragTimeout6} {
		q := d.fifo[fam]
		i := 0
		for ; i < len(q); i++ {
			e := q[i]
			if e.t.gen != e.gen {
				continue // completed or dropped
			}
			if now.Sub(e.t.first) < timeout {
				break
			}
			d.incomplete(st, e.t, true, now, pkt)
		}
		if i > 0 {
			n := copy(q, q[i:])
			d.fifo[fam] = q[:n]
		}
	}
}

// incomplete drops t, counting it incomplete at frame pkt and time now
// (pkt 0: at the end of the input).
func (d *defrag) incomplete(st *Stats, t *train, timedOut bool, now time.Time, pkt uint64) {
	st.Frag.Incomplete++
	if timedOut {
		st.Frag.TimedOut++
	}
	e := d.example(t, 0)
	note(&st.Frag.IncompleteEx, &d.nInc, e)
	d.event(FragEvent{Kind: FragIncomplete, Example: e, Time: now, Pkt: pkt, TimedOut: timedOut})
	d.drop(t)
}

func (d *defrag) example(t *train, pkt uint64) FragExample {
	if pkt == 0 {
		pkt = t.lastPkt
	}
	e := FragExample{ID: t.key.id, First: t.first, FirstPkt: t.firstPkt, Pkt: pkt}
	if t.key.v6 {
		e.Src, e.Dst = netip.AddrFrom16(t.key.src), netip.AddrFrom16(t.key.dst)
	} else {
		e.Src, e.Dst = netip.AddrFrom4([4]byte(t.key.src[:4])), netip.AddrFrom4([4]byte(t.key.dst[:4]))
	}
	return e
}

// drop forgets t and returns it to the pool.
func (d *defrag) drop(t *train) {
	delete(d.trains, t.key)
	d.bytes -= t.charged
	t.gen = 0 // stale in the FIFO
	t.hdr, t.runs, t.pieces, t.data = t.hdr[:0], t.runs[:0], t.pieces[:0], t.data[:0]
	if cap(t.data) > poolKeep {
		// Keep the pool small: the budget bounds what trains hold at
		// once, not what every pooled train once held.
		t.data = nil
	}
	d.free = append(d.free, t)
}

// fragment is one parsed fragment.
type fragment struct {
	key     fragKey
	off     int    // offset of its data in the datagram's payload
	n       int    // its data length as the header states it
	data    []byte // its data as captured (may be shorter than n)
	more    bool   // MF / M flag
	hdr     []byte // the unfragmentable part
	nhPos   int    // IPv6: index in hdr of the fragment header's type byte
	nextHdr uint8  // IPv6: the fragment header's next header
}

// parseFragment parses the fragment decode found (see markFragment).
func parseFragment(b []byte, end, unfrag int) (f fragment) {
	capEnd := min(end, len(b))
	if b[0]>>4 == 4 {
		f.key.proto = b[9]
		copy(f.key.src[:], b[12:16])
		copy(f.key.dst[:], b[16:20])
		f.key.id = uint32(be16(b[4:]))
		fo := be16(b[6:])
		f.off, f.more = int(fo&0x1fff)*8, fo&0x2000 != 0
		f.n = end - unfrag
		f.hdr = b[:unfrag]
		f.data = b[unfrag:max(capEnd, unfrag)]
		return f
	}
	f.key.v6 = true
	copy(f.key.src[:], b[8:24])
	copy(f.key.dst[:], b[24:40])
	fh := b[unfrag:]
	f.nextHdr = fh[0]
	fo := be16(fh[2:])
	f.off, f.more = int(fo&0xfff8), fo&1 != 0
	f.key.id = be32(fh[4:])
	f.n = end - unfrag - 8
	f.hdr = b[:unfrag]
	f.data = b[unfrag+8 : max(capEnd, unfrag+8)]
	// Find the byte that names the fragment header, to rewrite it.
	next, pos, off := b[6], 6, 40
	for off < unfrag && next != protoFragment {
		_, _, nx, n := extHeader(b, off, end, next)
		next, pos, off = nx, off, n
	}
	f.nhPos = pos
	return f
}

// tcpHeaderIn returns how many bytes of TCP header a first fragment's
// data holds, after any extension headers (IPv6) or AH; -1 when the
// chain leads elsewhere.
func tcpHeaderIn(data []byte, n int, next uint8) int {
	off, end := 0, n
	for next != protoTCP {
		switch next {
		case protoHopByHop, protoRouting, protoDstOpts, protoAH:
		default:
			return -1
		}
		v, _, nx, after := extHeader(data, off, end, next)
		if v != isTCP {
			return 0
		}
		next, off = nx, after
	}
	return n - off
}

// add adds one fragment and returns the reassembled datagram when it is
// the last one needed.
func (d *defrag) add(st *Stats, b []byte, end, unfrag int, now time.Time, pkt uint64) []byte {
	f := parseFragment(b, end, unfrag)
	if f.off == 0 {
		next := f.key.proto
		if f.key.v6 {
			next = f.nextHdr
		}
		if h := tcpHeaderIn(f.data, f.n, next); h >= 0 && h < 20 {
			st.Frag.TinyFirst++
			e := FragExample{
				Src: addrOf(f.key, f.key.src), Dst: addrOf(f.key, f.key.dst), ID: f.key.id,
				First: now, FirstPkt: pkt, Pkt: pkt,
			}
			if t := d.trains[f.key]; t != nil { // later fragments came first
				e = d.example(t, pkt)
			}
			note(&st.Frag.TinyEx, &d.nTiny, e)
			d.event(FragEvent{Kind: FragTiny, Example: e, Time: now, Pkt: pkt})
			if f.key.v6 {
				// RFC 8200 §4.5: "If the first fragment does not include
				// all headers through an Upper-Layer header, then that
				// fragment should be discarded"; Linux does (commit
				// 2efdaaaf883a, "IPv6: reply ICMP error if the first
				// fragment don't include all headers", 5.10).
				return nil
			}
		}
	}
	fend := f.off + f.n
	if f.more && fend&7 != 0 {
		if f.key.v6 {
			// RFC 8200 §4.5: a non-last fragment's length must be a
			// multiple of 8; Linux kills the queue.
			d.invalid(st, f.key)
			return nil
		}
		fend &^= 7 // Linux trims an IPv4 one (ip_frag_queue)
	}
	if fend > maxIPPayload || fend <= f.off {
		d.invalid(st, f.key) // Linux: oversize, or "end == offset" (discard_qp)
		return nil
	}
	t := d.trains[f.key]
	if t == nil {
		if t = d.newTrain(st, f.key, now, pkt); t == nil {
			return nil
		}
	}
	t.lastPkt = pkt
	// Linux's consistency checks on the datagram's end (ip_frag_queue,
	// ip6_frag_queue): a last fragment must not end before bytes already
	// held or differ from an earlier last one; nothing may lie past it.
	if !f.more {
		if fend < t.end || t.hasLast && fend != t.end {
			d.invalid(st, f.key)
			return nil
		}
		t.hasLast, t.end = true, fend
	} else if fend > t.end {
		if t.hasLast {
			d.invalid(st, f.key)
			return nil
		}
		t.end = fend
	}
	switch t.insert(f.off, fend) {
	case insDup:
		st.Frag.Duplicates++
		if t.differs(f.off, fend, f.data) {
			st.Frag.Conflicts++
			e := d.example(t, pkt)
			e.Conflict, e.Duplicate = true, true
			note(&st.Frag.OverlapEx, &d.nOver, e)
			d.event(FragEvent{Kind: FragOverlap, Example: e, Time: now, Pkt: pkt})
		}
		return nil
	case insOverlap:
		// RFC 5722 §4 (with erratum 3089) for IPv6, and Linux for IPv4
		// too since the FragmentSmack fix (commit 7969e5c40dfd, "ip:
		// discard IPv4 datagrams with overlapping segments", 2018): an
		// overlapping fragment kills the whole datagram; a duplicate is
		// ignored (inet_frag_queue_insert: "Duplicates, however, should
		// be ignored (i.e. skb dropped, but the queue/fragments kept for
		// later reassembly)").
		st.Frag.Overlaps++
		e := d.example(t, pkt)
		e.Conflict = t.differs(f.off, fend, f.data)
		if e.Conflict {
			st.Frag.Conflicts++
		}
		note(&st.Frag.OverlapEx, &d.nOver, e)
		d.event(FragEvent{Kind: FragOverlap, Example: e, Time: now, Pkt: pkt})
		d.drop(t)
		return nil
	}
	if !d.store(st, t, &f, fend) {
		return nil
	}
	if !t.hasFirst || !t.hasLast || t.meat != t.end {
		return nil
	}
	dgram := d.build(t)
	d.drop(t)
	if dgram == nil {
		st.Frag.Invalid++
	}
	return dgram
}

func addrOf(k fragKey, a [16]byte) netip.Addr {
	if k.v6 {
		return netip.AddrFrom16(a)
	}
	return netip.AddrFrom4([4]byte(a[:4]))
}

// invalid counts a refused fragment and drops its train, if any.
func (d *defrag) invalid(st *Stats, k fragKey) {
	st.Frag.Invalid++
	if t := d.trains[k]; t != nil {
		d.drop(t)
	}
}

func (d *defrag) newTrain(st *Stats, k fragKey, now time.Time, pkt uint64) *train {
	if len(d.trains) >= FragMaxTrains || d.bytes >= FragMaxBytes {
		st.Frag.CapDropped++
		return nil
	}
	var t *train
	if n := len(d.free); n > 0 {
		t, d.free = d.free[n-1], d.free[:n-1]
	} else {
		t = new(train)
	}
	d.gen++
	t.key, t.gen, t.first, t.firstPkt = k, d.gen, now, pkt
	t.hasFirst, t.hasLast, t.end, t.meat, t.cut, t.charged = false, false, 0, 0, maxIPPayload+1, 0
	d.trains[k] = t
	fam := famOf(k)
	if len(d.fifo[fam]) >= 2*FragMaxTrains {
		d.compact(fam)
	}
	d.fifo[fam] = append(d.fifo[fam], fifoEntry{t, t.gen})
	return t
}

func famOf(k fragKey) int {
	if k.v6 {
		return 1
	}
	return 0
}

// compact removes stale entries from a FIFO.
func (d *defrag) compact(fam int) {
	q, n := d.fifo[fam], 0
	for _, e := range q {
		if e.t.gen == e.gen {
			q[n] = e
			n++
		}
	}
	clear(q[n:])
	d.fifo[fam] = q[:n]
}

// store copies the fragment's bytes into t, within the byte budget.
func (d *defrag) store(st *Stats, t *train, f *fragment, fend int) bool {
	data := f.data[:min(len(f.data), fend-f.off)]
	need := len(data) + 64 // a piece's bookkeeping, roughly
	if f.off == 0 {
		need += len(f.hdr)
	}
	if d.bytes+need > FragMaxBytes {
		st.Frag.CapDropped++
		t.undoInsert(f.off, fend)
		return false
	}
	d.bytes += need
	t.charged += need
	t.pieces = append(t.pieces, piece{off: f.off, pos: len(t.data), n: len(data)})
	t.data = append(t.data, data...)
	t.meat += fend - f.off
	if len(data) < fend-f.off {
		t.cut = min(t.cut, f.off+len(data))
	}
	if f.off == 0 {
		t.hasFirst = true
		t.hdr = append(t.hdr[:0], f.hdr...)
		t.nhPos = f.nhPos
		if f.key.v6 {
			t.hdr[t.nhPos] = f.nextHdr
		}
	}
	return true
}

type insResult uint8

const (
	insOK insResult = iota
	insDup
	insOverlap
)

// insert records [off, end) in t's runs the way Linux's
// inet_frag_queue_insert does: a fragment that extends the last run is
// appended to it; one inside a single run is a duplicate; one that
// intersects held bytes otherwise is an overlap.
func (t *train) insert(off, end int) insResult {
	n := len(t.runs)
	if n == 0 {
		t.runs = append(t.runs, run{off, end})
		return insOK
	}
	last := &t.runs[n-1]
	if last.end < end {
		switch {
		case off < last.end:
			return insOverlap
		case off == last.end:
			last.end = end
		default:
			t.runs = append(t.runs, run{off, end})
		}
		return insOK
	}
	i := 0
	for ; i < n; i++ {
		r := t.runs[i]
		if end <= r.off {
			break
		}
		if off >= r.end {
			continue
		}
		if off >= r.off && end <= r.end {
			return insDup
		}
		return insOverlap
	}
	t.runs = append(t.runs, run{})
	copy(t.runs[i+1:], t.runs[i:])
	t.runs[i] = run{off, end}
	return insOK
}

// undoInsert takes back the range insert just recorded.
func (t *train) undoInsert(off, end int) {
	for i := range t.runs {
		r := &t.runs[i]
		switch {
		case r.off == off && r.end == end:
			t.runs = append(t.runs[:i], t.runs[i+1:]...)
			return
		case r.end == end && r.off < off:
			r.end = off
			return
		}
	}
}

// differs reports whether data, at [off, end), differs from the captured
// bytes t holds there.
func (t *train) differs(off, end int, data []byte) bool {
	data = data[:min(len(data), end-off)]
	for _, p := range t.pieces {
		lo, hi := max(off, p.off), min(off+len(data), p.off+p.n)
		if lo >= hi {
			continue
		}
		held := t.data[p.pos+lo-p.off : p.pos+hi-p.off]
		if !bytes.Equal(held, data[lo-off:hi-off]) {
			return true
		}
	}
	return false
}

// build writes the reassembled datagram into d.out: the first fragment's
// header, fixed up as unfragmented, then the data. Bytes the snaplen cut
// from a fragment end the captured datagram there; the IP length field
// still says how long it was. It returns nil for a datagram over 65535
// bytes.
func (d *defrag) build(t *train) []byte {
	h := len(t.hdr)
	total := h + t.end
	if !t.key.v6 && total > maxIPPayload || t.key.v6 && total-40 > maxIPPayload {
		return nil
	}
	if cap(d.out) < total {
		d.out = make([]byte, total, max(total, 64<<10))
	}
	out := d.out[:total]
	copy(out, t.hdr)
	for _, p := range t.pieces {
		copy(out[h+p.off:], t.data[p.pos:p.pos+p.n])
	}
	if t.key.v6 {
		be16put(out[4:], uint16(total-40))
	} else {
		oldLen, oldFrag := be16(out[2:]), be16(out[6:])
		be16put(out[2:], uint16(total))
		out[6], out[7] = out[6]&0x40, 0 // keep DF, clear MF and the offset
		// RFC 1624 eqn. 3, HC' = ~(~HC + ~m + m'), for the two words
		// changed: the header checksum stays right exactly when the
		// first fragment's was, and is verified like any other.
		s := uint64(^be16(out[10:])) + uint64(^oldLen) + uint64(total) + uint64(^oldFrag) + uint64(be16(out[6:]))
		be16put(out[10:], ^fold(s))
	}
	return out[:h+min(t.end, t.cut)]
}

func be16put(b []byte, v uint16) { b[0], b[1] = byte(v>>8), byte(v) }
