package tracker

import (
	"crypto/sha256"
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
// with SHA-256 (hardware-accelerated where the CPU has it, and not
// seeded, so it is stable across processes) and writes the first 96 bits
// in base 62. The tunnel id is hashed only when there is one, so an
// untunnelled connection's UID is what it was before tunnels were
// decoded.
func makeUID(key Tuple, firstMicros int64) UID {
	var in [tupleLen + 8]byte
	n := tuple4Len
	if key.Tunnel() != 0 {
		n = tupleLen
	}
	copy(in[:], key.k[:n])
	binary.BigEndian.PutUint64(in[n:], uint64(firstMicros))
	sum := sha256.Sum256(in[:n+8])
	hi := uint64(binary.BigEndian.Uint32(sum[0:4]))
	lo := binary.BigEndian.Uint64(sum[4:12])
	var u UID
	u[0] = 'C'
	putBase62(u[1:], hi, lo)
	return u
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
