package capture

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"net/netip"
)

// senderSet is one generation of ChecksumAuto's per-sender memory: a
// fixed-size open-addressed table (linear probing) from an address to
// what its checksums showed. It replaces a map[netip.Addr]bool on the
// per-segment path: an address is a senderKey, read straight from the
// packet's bytes, hashed by one seeded multiplication. It never grows
// (at most maxSenders entries in twice as many slots, arrays, so a probe
// has no bounds check) and is cleared in place, so it never allocates
// after the first use. Seeds are random per process, so a hostile capture
// cannot aim its source addresses at one chain of slots.
//
// The table is probed for every verified segment, so it is laid out to
// stay in the CPU's caches while packet data streams past: an IPv4 slot
// is its address alone, 4 bytes (64 KB for all slots), and whether a
// slot is taken and whether its sender offloads are bits in two 2 KB
// bitmaps. IPv6 addresses have slots of their own, made at the first
// IPv6 sender. One n counts both, so a generation holds maxSenders
// senders of either family, as it did when it was one table. Clearing
// a generation clears the bitmaps only.
type senderSet struct {
	n      int
	s0, s1 uint64 // hash seeds; s1 is odd
	v4     [senderSlots]uint32
	// used4 and off4 say, bit i for slot i, that v4[i] holds a sender
	// and that it offloads checksums; used6 and off6 the same of v6.
	used4, off4, used6, off6 [senderSlots / 64]uint64
	v6                       *[senderSlots][2]uint64
}

// senderKey is a sending address: an IPv4 address in lo (hi zero), an
// IPv6 one in lo and hi; the tag tells them apart (IPv4 and IPv4-mapped
// IPv6 addresses differ, as in netip.Addr's ==). Any fixed byte order
// makes a key; the machine's costs one load.
type senderKey struct {
	lo, hi uint64
	tag    uint8 // tag4 or tag6
}

const (
	tag4 = 1
	tag6 = 2
	// senderSlots is the size of a generation's tables: twice
	// maxSenders, so probe chains stay short.
	senderSlots = 2 * maxSenders
	slotBits    = 14
	slotMask    = senderSlots - 1
)

// key4 and key6 return the key of the IPv4 or IPv6 address at b[0:].
func key4(b []byte) senderKey { return senderKey{lo: uint64(binary.LittleEndian.Uint32(b)), tag: tag4} }
func key6(b []byte) senderKey {
	return senderKey{lo: binary.LittleEndian.Uint64(b), hi: binary.LittleEndian.Uint64(b[8:]), tag: tag6}
}

// keyOf returns the key of a, the same as key4 or key6 of its bytes.
func keyOf(a netip.Addr) senderKey {
	if a.Is4() {
		b := a.As4()
		return key4(b[:])
	}
	b := a.As16()
	return key6(b[:])
}

func newSenderSet() *senderSet {
	return &senderSet{s0: rand.Uint64(), s1: rand.Uint64() | 1}
}

// bit reports whether bit i of the bitmap m is set.
func bit(m *[senderSlots / 64]uint64, i uint64) bool { return m[i/64]>>(i%64)&1 != 0 }

func setBit(m *[senderSlots / 64]uint64, i uint64, v bool) {
	if v {
		m[i/64] |= 1 << (i % 64)
	} else {
		m[i/64] &^= 1 << (i % 64)
	}
}

// home4 returns the first slot to probe for the IPv4 address a: the top
// bits of a seeded multiplication.
func (s *senderSet) home4(a uint32) uint64 {
	return ((uint64(a) ^ s.s0) * s.s1) >> (64 - slotBits)
}

// slot4 returns the slot of the IPv4 address a and true, or the empty
// slot where it belongs and false.
func (s *senderSet) slot4(a uint32) (uint64, bool) {
	i := s.home4(a)
	for ; ; i = (i + 1) & slotMask {
		if !bit(&s.used4, i) {
			return i, false
		}
		if s.v4[i] == a {
			return i, true
		}
	}
}

// home6 returns the first slot to probe for an IPv6 address.
func (s *senderSet) home6(lo, hi uint64) uint64 {
	h1, h0 := bits.Mul64(lo^s.s0, hi^s.s1)
	return (h1 ^ h0) & slotMask
}

// slot6 is slot4 for an IPv6 address; s.v6 is not nil.
func (s *senderSet) slot6(lo, hi uint64) (uint64, bool) {
	for i := s.home6(lo, hi); ; i = (i + 1) & slotMask {
		if !bit(&s.used6, i) {
			return i, false
		}
		if e := &s.v6[i]; e[0] == lo && e[1] == hi {
			return i, true
		}
	}
}

// find reports whether the set holds the key and, if it does, whether
// that sender offloads.
func (s *senderSet) find(k senderKey) (offload, found bool) {
	if k.tag == tag4 {
		i, ok := s.slot4(uint32(k.lo))
		return ok && bit(&s.off4, i), ok
	}
	if s.v6 == nil {
		return false, false
	}
	i, ok := s.slot6(k.lo, k.hi)
	return ok && bit(&s.off6, i), ok
}

// put sets the key's value; the caller keeps n below senderSlots.
func (s *senderSet) put(k senderKey, off bool) {
	if k.tag == tag4 {
		i, ok := s.slot4(uint32(k.lo))
		if !ok {
			s.v4[i] = uint32(k.lo)
			setBit(&s.used4, i, true)
			s.n++
		}
		setBit(&s.off4, i, off)
		return
	}
	if s.v6 == nil {
		s.v6 = new([senderSlots][2]uint64)
	}
	i, ok := s.slot6(k.lo, k.hi)
	if !ok {
		s.v6[i] = [2]uint64{k.lo, k.hi}
		setBit(&s.used6, i, true)
		s.n++
	}
	setBit(&s.off6, i, off)
}

// clear empties the set: the slots' contents stay, unused.
func (s *senderSet) clear() {
	clear(s.used4[:])
	clear(s.used6[:])
	s.n = 0
}
