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
// per-segment path: an address is two words and a tag, hashed by one
// seeded multiplication, where the map hashed the 24-byte netip.Addr with
// its generic hash. It never grows (at most maxSenders entries in twice
// as many slots) and is cleared in place, so it never allocates after
// the first use. Seeds are random per process, so a hostile capture
// cannot aim its source addresses at one chain of slots.
type senderSet struct {
	slots  []senderSlot
	n      int
	s0, s1 uint64 // hash seeds
}

type senderSlot struct {
	lo, hi uint64 // the address, as netip.Addr.As16, in two words
	tag    uint8  // 0: empty; tag4 or tag6
	off    bool   // offloads checksums
}

const (
	tag4 = 1
	tag6 = 2
	// senderSlots is the size of a generation's table: twice maxSenders,
	// so probe chains stay short.
	senderSlots = 2 * maxSenders
)

// keyOf returns the address a as two words and a tag (IPv4 and
// IPv4-mapped IPv6 addresses differ, as in netip.Addr's ==).
func keyOf(a netip.Addr) (lo, hi uint64, tag uint8) {
	b := a.As16()
	tag = tag6
	if a.Is4() {
		tag = tag4
	}
	// Any fixed byte order makes a key; the machine's costs one load.
	return binary.LittleEndian.Uint64(b[8:]), binary.LittleEndian.Uint64(b[:8]), tag
}

func (s *senderSet) init() {
	s.slots = make([]senderSlot, senderSlots)
	s.s0, s.s1 = rand.Uint64()|1, rand.Uint64()
}

// slot returns the slot of the key, or the empty slot where it belongs.
func (s *senderSet) slot(lo, hi uint64, tag uint8) *senderSlot {
	h1, h0 := bits.Mul64(lo^s.s0, hi^s.s1^uint64(tag))
	const mask = senderSlots - 1
	for i := (h1 ^ h0) & mask; ; i = (i + 1) & mask {
		e := &s.slots[i]
		if e.tag == 0 || e.lo == lo && e.hi == hi && e.tag == tag {
			return e
		}
	}
}

// get returns what the set holds for the key.
func (s *senderSet) get(lo, hi uint64, tag uint8) (off, ok bool) {
	if s.n == 0 {
		return false, false
	}
	e := s.slot(lo, hi, tag)
	return e.off, e.tag != 0
}

// put sets the key's value; the caller keeps n below senderSlots.
func (s *senderSet) put(lo, hi uint64, tag uint8, off bool) {
	e := s.slot(lo, hi, tag)
	if e.tag == 0 {
		*e = senderSlot{lo: lo, hi: hi, tag: tag}
		s.n++
	}
	e.off = off
}

func (s *senderSet) clear() {
	clear(s.slots)
	s.n = 0
}
