package tracker

import (
	"encoding/binary"
	"math/bits"
)

// UID is a connection's stable identifier, in the style of Zeek's conn.log
// uid: "C" followed by 17 base-62 digits. Unlike Zeek's, which is random,
// it is derived from the connection's canonical 4-tuple and the time of
// its first packet (to the microsecond), so the same connection has the
// same UID in every run, in every output, and with or without a BPF filter
// that keeps its first packet. Two connections share a UID only if they
// share a 4-tuple and a first microsecond.
type UID [uidLen]byte

const uidLen = 18

// String returns the UID as text.
func (u UID) String() string { return string(u[:]) }

// AppendTo appends the UID to b.
func (u UID) AppendTo(b []byte) []byte { return append(b, u[:]...) }

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// makeUID hashes the tuple and the first packet's time in microseconds
// with SHA-256 (not seeded, so it is stable across processes) and writes
// the first 96 bits in base 62. The tunnel id is hashed only when there
// is one, so an untunnelled connection's UID is what it was before
// tunnels were decoded. The input is at most 53 bytes, one SHA-256
// block, hashed by sha256Prefix: crypto/sha256's Sum256 allocated its
// digest on each call in the PGO-built binary (one allocation per
// connection that prints a UID, most of the JSON printer's garbage).
func makeUID(key Tuple, firstMicros int64) UID {
	var in [tupleLen + 8]byte
	n := tuple4Len
	if key.Tunnel() != 0 {
		n = tupleLen
	}
	copy(in[:], key.k[:n])
	binary.BigEndian.PutUint64(in[n:], uint64(firstMicros))
	hi, lo := sha256Prefix(in[:n+8])
	var u UID
	u[0] = 'C'
	putBase62(u[1:], hi, lo)
	return u
}

// sha256Prefix returns the first 96 bits of the SHA-256 digest of msg
// (at most 55 bytes: one block, FIPS 180-4 §6.2): the first 32 in hi,
// the next 64 in lo.
func sha256Prefix(msg []byte) (hi, lo uint64) {
	k := [64]uint32{
		0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
		0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
		0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
		0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
		0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
		0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
		0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
		0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
	}
	var block [64]byte
	copy(block[:], msg)
	block[len(msg)] = 0x80
	binary.BigEndian.PutUint64(block[56:], uint64(len(msg))*8)
	var w [64]uint32
	for i := range 16 {
		w[i] = binary.BigEndian.Uint32(block[4*i:])
	}
	for i := 16; i < 64; i++ {
		v1, v2 := w[i-2], w[i-15]
		s1 := bits.RotateLeft32(v1, -17) ^ bits.RotateLeft32(v1, -19) ^ v1>>10
		s0 := bits.RotateLeft32(v2, -7) ^ bits.RotateLeft32(v2, -18) ^ v2>>3
		w[i] = s1 + w[i-7] + s0 + w[i-16]
	}
	const h0, h1, h2, h3, h4, h5, h6, h7 = 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	a, b, c, d, e, f, g, h := uint32(h0), uint32(h1), uint32(h2), uint32(h3), uint32(h4), uint32(h5), uint32(h6), uint32(h7)
	for i := range 64 {
		t1 := h + (bits.RotateLeft32(e, -6) ^ bits.RotateLeft32(e, -11) ^ bits.RotateLeft32(e, -25)) + (e&f ^ ^e&g) + k[i] + w[i]
		t2 := (bits.RotateLeft32(a, -2) ^ bits.RotateLeft32(a, -13) ^ bits.RotateLeft32(a, -22)) + (a&b ^ a&c ^ b&c)
		h, g, f, e, d, c, b, a = g, f, e, d+t1, c, b, a, t1+t2
	}
	return uint64(a + h0), uint64(b+h1)<<32 | uint64(c+h2)
}

// UID returns the connection's stable identifier. It is computed on first
// use and kept with the connection.
func (c *Conn) UID() UID {
	if c.uid[0] == 0 {
		c.uid = makeUID(c.key, c.first.UnixMicro())
	}
	return c.uid
}

// putBase62 writes the 96-bit number hi:lo (hi < 2^32) into dst as
// len(dst) base-62 digits, most significant first. For a UID's 17 digits
// one 128-by-64-bit division splits the number at 62^10, and each part's
// digits come from 64-bit divisions; otherwise the 96-bit number is
// divided by 62 digit by digit.
func putBase62(dst []byte, hi, lo uint64) {
	const p10 = 62 * 62 * 62 * 62 * 62 * 62 * 62 * 62 * 62 * 62 // 62^10 < 2^60
	if len(dst) == uidLen-1 && hi < p10 {
		// hi:lo < 2^96 < 62^17, so the quotient has at most 7 digits.
		q, r := bits.Div64(hi, lo, p10)
		for i := len(dst) - 1; i >= 7; i-- {
			dst[i] = base62[r%62]
			r /= 62
		}
		for i := 6; i >= 0; i-- {
			dst[i] = base62[q%62]
			q /= 62
		}
		return
	}
	for i := len(dst) - 1; i >= 0; i-- {
		rhi := hi % 62
		hi /= 62
		// (rhi<<64 | lo) / 62 with rhi < 62, in two 32-bit steps.
		mid := rhi<<32 | lo>>32
		qmid, rmid := mid/62, mid%62
		low := rmid<<32 | lo&0xffffffff
		qlow, r := low/62, low%62
		lo = qmid<<32 | qlow
		dst[i] = base62[r]
	}
}

// UIDSource is what a connection's UID is computed from, for an observer
// that may need the UID after the Conn has changed hands: the tracker
// reuses a Conn for another connection once it is done, and may hand an
// observer another *Conn for the same connection (compact.go). It costs
// no hash until UID is called.
type UIDSource struct {
	key         Tuple
	firstMicros int64
}

// UIDSource returns the source of the connection's UID.
func (c *Conn) UIDSource() UIDSource { return UIDSource{c.key, c.first.UnixMicro()} }

// UID computes the UID: the same as Conn.UID.
func (s UIDSource) UID() UID { return makeUID(s.key, s.firstMicros) }
