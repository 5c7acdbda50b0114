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
// packet's bytes, hashed by one seeded multiplication, where the map
// hashed the 24-byte netip.Addr with its generic hash. It never grows (at
// most maxSenders entries in twice as many slots, an array, so a probe
// has no bounds check) and is cleared in place, so it never allocates
// after the first use. Seeds are random per process, so a hostile capture
// cannot aim its source addresses at one chain of slots.
type senderSet struct {
	slots  *[senderSlots]senderSlot
	n      int
	s0, s1 uint64 // hash seeds
}

// senderKey is a sending address: an IPv4 address in lo (hi zero), an
// IPv6 one in lo and hi; the tag tells them apart (IPv4 and IPv4-mapped
// IPv6 addresses differ, as in netip.Addr's ==). Any fixed byte order
// makes a key; the machine's costs one load.
type senderKey struct {
	lo, hi uint64
	tag    uint8 // tag4 or tag6; 0 in an empty slot
}

type senderSlot struct {
	senderKey
	off bool // offloads checksums
}

const (
	tag4 = 1
	tag6 = 2
	// senderSlots is the size of a generation's table: twice maxSenders,
	// so probe chains stay short.
	senderSlots = 2 * maxSenders
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

func (s *senderSet) init() {
	s.slots = new([senderSlots]senderSlot)
	s.s0, s.s1 = rand.Uint64()|1, rand.Uint64()
}

// home returns the first slot to probe for the key.
func (s *senderSet) home(k senderKey) uint64 {
	h1, h0 := bits.Mul64(k.lo^s.s0, k.hi^s.s1^uint64(k.tag))
	return (h1 ^ h0) & slotMask
}

// slot returns the slot of the key, or the empty slot where it belongs.
func (s *senderSet) slot(k senderKey) *senderSlot {
	for i := s.home(k); ; i = (i + 1) & slotMask {
		e := &s.slots[i]
		if e.senderKey == k || e.tag == 0 {
			return e
		}
	}
}

// find returns the key's slot, or nil if the set does not hold it.
func (s *senderSet) find(k senderKey) *senderSlot {
	if s.n == 0 {
		return nil
	}
	if e := s.slot(k); e.tag != 0 {
		return e
	}
	return nil
}

// put sets the key's value; the caller keeps n below senderSlots.
func (s *senderSet) put(k senderKey, off bool) {
	e := s.slot(k)
	if e.tag == 0 {
		e.senderKey = k
		s.n++
	}
	e.off = off
}

func (s *senderSet) clear() {
	clear(s.slots[:])
	s.n = 0
}
