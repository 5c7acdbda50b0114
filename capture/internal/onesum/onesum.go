// Package onesum computes the Internet checksum's one's complement sum
// (RFC 1071) of a byte slice, for package capture's checksum
// verification. It is a package of its own because capture uses cgo, and
// a package that uses cgo cannot hold Go assembly.
//
// The sum is taken over little-endian 64-bit words, not big-endian 16-bit
// ones: the one's complement sum is independent of byte order (RFC 1071
// §2(B)) and of the word size, so the result folded to 16 bits is RFC
// 1071's sum with its two bytes swapped, and no load needs a byte swap.
package onesum

import (
	"encoding/binary"
	"math/bits"
)

// Generic returns the one's complement sum of b as little-endian 64-bit
// words, an odd tail padded with zeros, with end-around carry. Folded to
// 16 bits (capture's fold), it is the byte-swapped RFC 1071 sum of b.
//
// It is Sum's reference, and Sum on other architectures than amd64: Go
// keeps no carry flag across a loop's branch, so here every iteration
// saves and restores it, and every word is loaded into a register before
// it is added; the assembly adds from memory with one carry chain through
// the loop, at about a third of the instructions.
func Generic(b []byte) uint64 {
	var s, c uint64
	for len(b) >= 64 {
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b), c)
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b[8:]), c)
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b[16:]), c)
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b[24:]), c)
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b[32:]), c)
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b[40:]), c)
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b[48:]), c)
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b[56:]), c)
		b = b[64:]
	}
	for len(b) >= 8 {
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b), c)
		b = b[8:]
	}
	if len(b) >= 4 {
		s, c = bits.Add64(s, uint64(binary.LittleEndian.Uint32(b)), c)
		b = b[4:]
	}
	if len(b) >= 2 {
		s, c = bits.Add64(s, uint64(binary.LittleEndian.Uint16(b)), c)
		b = b[2:]
	}
	if len(b) == 1 {
		s, c = bits.Add64(s, uint64(b[0]), c) // the high byte of a big-endian word
	}
	s, c = bits.Add64(s, 0, c)
	return s + c // cannot carry again: s was just wrapped
}
