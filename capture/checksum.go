package capture

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"net/netip"

	"github.com/flowtrace/flowtrace/capture/internal/onesum"
)

// This file verifies IPv4 header checksums (RFC 791 §3.1) and TCP
// checksums with their IPv4 or IPv6 pseudo-header (RFC 9293 §3.1, RFC 8200
// §8.1), and decides, per sending address, whether a bad checksum is
// damage or checksum offload on the capturing host. decode calls in here
// only when a checksum mode other than ChecksumOff is set.

// ChecksumMode says what a [Reader] does with checksums.
type ChecksumMode uint8

const (
	// ChecksumAuto verifies checksums but treats a sender as offloading
	// (its checksums not computed yet when captured) when the first
	// segment of it that can be verified has a bad checksum, or when any
	// of its segments carries the Linux CHECKSUM_PARTIAL value (the
	// pseudo-header sum alone). An offloading sender's checksums are not
	// verified for the rest of the input. It is the zero value.
	ChecksumAuto ChecksumMode = iota
	// ChecksumVerify marks every segment whose checksum is wrong.
	ChecksumVerify
	// ChecksumOff verifies nothing, at no cost.
	ChecksumOff
)

var checksumModeNames = [...]string{ChecksumAuto: "auto", ChecksumVerify: "verify", ChecksumOff: "off"}

func (m ChecksumMode) String() string {
	if int(m) < len(checksumModeNames) {
		return checksumModeNames[m]
	}
	return fmt.Sprintf("ChecksumMode(%d)", m)
}

// ParseChecksumMode parses "auto", "verify" or "off".
func ParseChecksumMode(s string) (ChecksumMode, error) {
	for m, n := range checksumModeNames {
		if n == s {
			return ChecksumMode(m), nil
		}
	}
	return 0, fmt.Errorf("checksum mode %q: want auto, verify or off", s)
}

// ckStatus is what the checksums of one segment showed.
type ckStatus uint8

const (
	// judge relies on the order of the first three.
	ckUnverifiable ckStatus = iota // not wholly captured (snaplen), IP length 0 (TSO), or an unknown route
	// ckGood: the checksums are right, and nothing is left to learn
	// (ChecksumVerify, or the sender was looked up and known). judge
	// returns at once for this and ckUnverifiable.
	ckGood
	// ckLater: the checksums are right, and the sender was not looked
	// up (ChecksumAuto): judge queues it for settle, the status of
	// nearly every segment.
	ckLater
	ckLaterFull  // ckLater, and the queue is full with it
	ckSkipped    // not summed: the sender offloads checksums (ChecksumAuto)
	ckGoodNew    // the checksums are right, from a sender not known yet (ChecksumAuto)
	ckBadIP      // the IPv4 header checksum is wrong
	ckBadTCP     // the TCP checksum is wrong
	ckPartialTCP // the TCP checksum is the pseudo-header sum alone: Linux CHECKSUM_PARTIAL
)

// skip looks the sender src of the segment at hand up at once, in
// ChecksumAuto, and reports whether it offloads checksums: its TCP
// checksum is then not summed at all. judge uses the answer. v4 and v6
// call it only for a sender that may offload (maybeOffloads); the others
// are summed first and looked up later, in a batch (settle).
func (k *checker) skip(src senderKey) bool {
	k.settle()
	k.looked = true
	k.offload, k.known = k.lookup(src)
	if k.offload {
		k.status = ckSkipped
	}
	return k.offload
}

// The per-sender memory is consulted for every verified segment, and
// its table does not stay in the fastest caches while packet data
// streams past: a lookup per segment, in turn, costs about a cache miss
// each. But a segment whose checksums are right is not marked bad
// whatever the table says of its sender: the lookup only counts it as
// unverified (an offloading sender) or remembers its sender as good (a
// new one). So those lookups wait in a queue, in order, and are done
// pendingMax at a time (settle), so that their misses overlap. Every
// other use of the table (a bad or partial checksum, a sender that may
// offload, Stats) settles the queue first, so the table sees the same operations in the same order as if
// each had been done at once: every verdict and count is the same.
//
// A sender that offloads would have every segment summed before its
// lookup said not to: maybeOff, a one-bit-per-hash filter of the senders
// remembered as offloading, sends those to skip first. It is never
// cleared; a false positive only costs an early lookup.

// pendingMax is how many lookups settle does at once.
const pendingMax = 16

// queue writes sender a where the next queued lookup goes; judge queues
// it (counts it in npending) if the segment is delivered and its status
// is ckLater. npending stays below pendingMax between segments.
func (k *checker) queue(a senderKey) { k.pending[k.npending&(pendingMax-1)] = a }

// settle does the queued lookups, in order. Done back to back, with no
// packet's work between them, their cache misses overlap in the
// processor instead of following one another.
func (k *checker) settle() {
	n := k.npending
	if n == 0 {
		return
	}
	k.npending = 0
	for _, a := range k.pending[:n] {
		k.settled(a)
	}
}

// settled does the lookup of a queued sender a.
func (k *checker) settled(a senderKey) {
	offload, known := k.lookup(a)
	switch {
	case known && offload:
		k.unverified++
	case !known:
		k.remember(a, false)
	}
}

// maybeOffloads reports whether sender a may offload checksums: it is
// in the filter of the senders remembered as offloading.
func (k *checker) maybeOffloads(a senderKey) bool {
	if k.offloaders == 0 {
		return false
	}
	h := k.offBit(a)
	return k.maybeOff[h/64]>>(h%64)&1 != 0
}

// offBit returns sender a's bit in maybeOff.
func (k *checker) offBit(a senderKey) uint64 {
	return ((a.lo ^ a.hi ^ uint64(a.tag)<<56) * k.offSeed) >> (64 - 12)
}

func (s ckStatus) bad() bool { return s >= ckBadIP }

// Bounds of the per-sender memory of ChecksumAuto.
const (
	// maxSenders is the number of sending addresses remembered per
	// generation; two generations are kept (144 KB, made at first use,
	// and 512 KB more at the first IPv6 sender: senders.go), so a busy
	// capture forgets the least recently seen first and memory stays
	// bounded. A sender forgotten and seen again is judged
	// afresh.
	maxSenders = 1 << 13
	// MaxOffloadListed is how many offloading senders Stats lists by
	// address; Stats.OffloadSenders counts them all.
	MaxOffloadListed = 16
)

// checker holds a Reader's checksum mode and, in ChecksumAuto, what it
// learnt of each sender.
type checker struct {
	mode   ChecksumMode
	status ckStatus // the latest segment's, set by decode
	// looked says that decode already looked the latest segment's sender
	// up (ChecksumAuto), with the answer in known and offload.
	looked, known, offload bool
	// pending holds the senders of segments whose lookups wait for
	// settle, npending of them; unverified counts the segments not
	// verified (Stats.Unverified).
	pending    [pendingMax]senderKey
	npending   int
	unverified uint64
	// maybeOff is a filter of the senders ever remembered as
	// offloading, offloaders of them (maybeOffloads).
	maybeOff   [4096 / 64]uint64
	offloaders int
	offSeed    uint64 // maybeOff's hash seed, odd
	// senders maps an address to true if it offloads checksums, false
	// if its first verifiable segment was good; old is the previous
	// generation (senders.go). Both are nil until the first sender.
	senders, old *senderSet
}

// SetChecksums sets what Next does with checksums (ChecksumAuto unless
// set). A segment judged bad has Segment.BadChecksum set and is counted
// in Stats.Noted as BadIPv4Checksum or BadTCPChecksum.
func (r *Reader) SetChecksums(m ChecksumMode) { r.ck.mode = m }

// checkerFor returns the checker decode fills in, or nil when checksums
// are off: decode then skips the work entirely.
func (r *Reader) checkerFor() *checker {
	if r.ck.mode == ChecksumOff {
		return nil
	}
	r.ck.status, r.ck.looked = ckUnverifiable, false
	return &r.ck
}

// judge decides whether the segment decode just filled in has a bad
// checksum, applying the offload rule of ChecksumAuto, and counts it.
func (r *Reader) judge(src netip.Addr) bool {
	if r.ck.status > ckLater {
		return r.judgeRest(src)
	}
	// Small enough to inline, the common case: ckUnverifiable and
	// ckGood are done with, a ckLater segment's lookup is queued.
	r.ck.npending += int(r.ck.status >> 1)
	return false
}

func (r *Reader) judgeRest(src netip.Addr) bool {
	k := &r.ck
	st := k.status
	switch {
	case k.mode == ChecksumOff || st == ckUnverifiable:
		return false
	case st == ckLaterFull:
		k.npending++
		k.settle()
		return false
	case st == ckSkipped:
		k.unverified++
		return false
	}
	if k.mode == ChecksumAuto {
		key := keyOf(src) // the key decode looked up, if it did
		offload, known := k.offload, k.known
		if !k.looked {
			k.settle()
			offload, known = k.lookup(key)
		}
		switch {
		case known && offload:
			k.unverified++
			return false
		case st == ckPartialTCP, !known && st.bad():
			k.remember(key, true)
			r.offloading(src)
			k.unverified++
			return false
		case !known:
			k.remember(key, false)
		}
	}
	switch st {
	case ckBadIP:
		r.stats.Noted[BadIPv4Checksum]++
	case ckBadTCP, ckPartialTCP:
		r.stats.Noted[BadTCPChecksum]++
	default:
		return false
	}
	return true
}

// offloading records that src offloads its checksums.
func (r *Reader) offloading(src netip.Addr) {
	if r.stats.OffloadSenders < MaxOffloadListed {
		r.stats.Offload[r.stats.OffloadSenders] = src
	}
	r.stats.OffloadSenders++
}

// lookup returns what is known of sender a. A probe of the table costs
// about as much as comparing with a one-entry cache of the last sender
// and keeping it, so there is none.
func (k *checker) lookup(a senderKey) (offload, known bool) {
	if k.senders == nil {
		return false, false
	}
	if offload, known = k.senders.find(a); known {
		return offload, true
	}
	return k.lookupOld(a)
}

// lookupOld looks a sender that is not in the current generation up in
// the previous one, and brings it over if it is there: it is still in
// use. k.old is not nil.
func (k *checker) lookupOld(a senderKey) (offload, known bool) {
	if k.old.n == 0 {
		return false, false
	}
	if offload, known = k.old.find(a); known {
		k.remember(a, offload)
	}
	return offload, known
}

// remember records what sender a is. Both generations are made on first
// use (their IPv6 slots at the first IPv6 sender) and reused after, so
// remembering never allocates again, however many senders come and go.
func (k *checker) remember(a senderKey, offload bool) {
	if k.senders == nil {
		k.senders, k.old = newSenderSet(), newSenderSet()
		k.offSeed = rand.Uint64() | 1
	}
	if k.senders.n >= maxSenders {
		k.old, k.senders = k.senders, k.old
		k.senders.clear()
	}
	k.senders.put(a, offload)
	if offload {
		h := k.offBit(a)
		k.maybeOff[h/64] |= 1 << (h % 64)
		k.offloaders++
	}
}

// IPv4 option types that carry a source route (RFC 791 §3.1).
const (
	optLSRR = 0x83
	optSSRR = 0x89
)

// v4 verifies the IPv4 header checksum and the TCP checksum of the packet
// b, whose header is ihl bytes long, whose TCP header starts at tcp, and
// whose IP total length is end (0 when the header said 0).
func (k *checker) v4(b []byte, ihl, tcp, end int) {
	if end == 0 {
		return // TSO: the capturing host had not filled in the lengths yet
	}
	h := (*[20]byte)(b) // decode checked the length: fields without bounds checks
	var hs uint64
	if ihl == 20 {
		hs = sum20(h)
	} else {
		hs = onesum.Sum(b[:ihl])
	}
	if fold(hs) != 0xffff {
		k.status = ckBadIP
		return
	}
	if end > len(b) {
		return // cut by the snaplen
	}
	src := le32(h[12:16])
	if k.mode == ChecksumAuto {
		key := senderKey{lo: uint64(src), tag: tag4} // key4
		if k.maybeOffloads(key) && k.skip(key) {
			return
		}
		k.queue(key)
	}
	dst := le32(h[16:20])
	if ihl > 20 {
		d, ok := finalDst4(b[20:ihl], h[16:20])
		if !ok {
			return
		}
		dst = le32(d)
	}
	// Pseudo-header: source, destination, zero, protocol, TCP length.
	ph := uint64(src) + uint64(dst) + pseudoTail(end-tcp)
	t := b[tcp:end] // k.tcp(ph, t), inline: the compiler does not
	if fold(add(ph, onesum.Sum(t))) != 0xffff {
		k.badTCP(ph, t)
		return
	}
	k.good()
}

// finalDst4 returns the destination the TCP checksum covers: with a loose
// or strict source route not yet completed, the route's last address
// (RFC 9293 §3.1). ok is false when the options cannot be walked.
func finalDst4(o, dst []byte) (final []byte, ok bool) {
	for i := 0; i < len(o); {
		switch o[i] {
		case optEOL:
			return dst, true
		case optNOP:
			i++
			continue
		}
		if i+1 >= len(o) || o[i+1] < 2 || i+int(o[i+1]) > len(o) {
			return nil, false
		}
		l := int(o[i+1])
		if o[i] == optLSRR || o[i] == optSSRR {
			if l < 7 || (l-3)%4 != 0 {
				return nil, false
			}
			if ptr := int(o[i+2]); ptr <= l {
				return o[i+l-4 : i+l], true
			}
			return dst, true
		}
		i += l
	}
	return dst, true
}

// IPv6 routing header types (RFC 8200 §4.4, RFC 6275 §6.4, RFC 8754).
const (
	rtType0   = 0
	rtType2   = 2
	rtSegment = 4
)

// v6 verifies the TCP checksum of the IPv6 packet b, whose TCP header
// starts at tcp and which ends at end (40 when the payload length said 0).
func (k *checker) v6(b []byte, tcp, end int) {
	if end == 40 || end > len(b) {
		return // jumbogram or GSO, or cut by the snaplen
	}
	if k.mode == ChecksumAuto {
		key := key6(b[8:])
		if k.maybeOffloads(key) && k.skip(key) {
			return
		}
		k.queue(key)
	}
	dst := b[24:40]
	if b[6] != protoTCP {
		var ok bool
		if dst, ok = finalDst6(b, tcp, dst); !ok {
			return
		}
	}
	// Pseudo-header (RFC 8200 §8.1): source, final destination,
	// upper-layer length, zero, next header.
	ph, c := bits.Add64(le64(b[8:]), le64(b[16:]), 0)
	ph, c = bits.Add64(ph, le64(dst), c)
	ph, c = bits.Add64(ph, le64(dst[8:]), c)
	ph, c = bits.Add64(ph, pseudoTail(end-tcp), c)
	k.tcp(ph+c, b[tcp:end]) // cannot carry again: ph was just wrapped
}

// finalDst6 walks the extension headers decode already checked, up to
// the TCP header at tcp, and returns the final destination: with a
// routing header whose segments are not all visited, the last one. ok is
// false for a routing type whose final address is not known here.
func finalDst6(b []byte, tcp int, dst []byte) (final []byte, ok bool) {
	next, off := b[6], 40
	for off < tcp {
		switch next {
		case protoFragment:
			next, off = b[off], off+8
			continue
		case protoAH:
			next, off = b[off], off+(int(b[off+1])+2)*4
			continue
		case protoRouting:
			n := (int(b[off+1]) + 1) * 8
			if left := b[off+3]; left > 0 {
				if n < 24 {
					return nil, false
				}
				switch b[off+2] {
				case rtType0, rtType2:
					dst = b[off+n-16 : off+n] // the last address
				case rtSegment:
					dst = b[off+8 : off+24] // Segment List[0]
				default:
					return nil, false
				}
			}
		}
		next, off = b[off], off+(int(b[off+1])+1)*8
	}
	return dst, true
}

// tcp checks the TCP segment t against the pseudo-header sum ph (see
// below for the byte order).
func (k *checker) tcp(ph uint64, t []byte) {
	if fold(add(ph, onesum.Sum(t))) != 0xffff {
		k.badTCP(ph, t)
		return
	}
	k.good()
}

// good sets the status of a segment whose checksums are right.
func (k *checker) good() {
	k.status = ckGood
	if k.mode == ChecksumAuto {
		switch {
		case !k.looked:
			k.status = ckLater // judge queues the lookup
			if k.npending == pendingMax-1 {
				k.status = ckLaterFull
			}
		case !k.known:
			k.status = ckGoodNew // judge remembers the sender
		}
	}
}

// badTCP sets the status of a segment whose TCP checksum is wrong.
func (k *checker) badTCP(ph uint64, t []byte) {
	k.status = ckBadTCP
	if binary.LittleEndian.Uint16(t[16:]) == fold(ph) {
		k.status = ckPartialTCP
	}
}

// The checksums are one's complement sums (RFC 1071) of 16-bit
// big-endian words. Here the data is loaded as little-endian words
// instead, which saves a byte swap per load: the one's complement sum is
// independent of byte order (RFC 1071 §2(B)), so the little-endian sum,
// folded to 16 bits, is the big-endian one with its bytes swapped. A
// verdict compares a folded sum with 0xffff, or a checksum field loaded
// little-endian with a folded sum, so nothing is swapped back at all.
// Every value added to such a sum must start at an even offset of the
// summed data, and a big-endian 16-bit field is added byte-swapped.

// sum20 is onesum.Sum of an IPv4 header without options, inline.
func sum20(h *[20]byte) uint64 {
	s, c := bits.Add64(le64(h[0:8]), le64(h[8:16]), 0)
	s, c = bits.Add64(s, uint64(le32(h[16:20])), c)
	return s + c // cannot carry again: the last word is 32 bits
}

// pseudoTail is the end of a TCP pseudo-header, protocol and TCP length
// (each a big-endian 16-bit word, in IPv4's order; IPv6's differs only
// by zeros), as a term of onesum.Sum's byte order.
func pseudoTail(tcpLen int) uint64 {
	return uint64(bits.ReverseBytes16(protoTCP)) + uint64(bits.ReverseBytes16(uint16(tcpLen)))
}

// add adds two one's complement sums.
func add(a, b uint64) uint64 {
	s, c := bits.Add64(a, b, 0)
	return s + c // cannot carry again: s was just wrapped
}

func le64(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }
func le32(b []byte) uint32 { return binary.LittleEndian.Uint32(b) }

// fold folds a 64-bit one's complement accumulator to 16 bits. Adding
// a word to itself rotated by half its width leaves, in the upper half,
// the sum of its halves with the end-around carry.
func fold(s uint64) uint16 {
	s += bits.RotateLeft64(s, 32)
	t := uint32(s >> 32)
	t += bits.RotateLeft32(t, 16)
	return uint16(t >> 16)
}
