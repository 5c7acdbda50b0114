package tracker

import (
	"encoding/binary"
	"hash/maphash"

	"github.com/flowtrace/flowtrace/segment"
)

// Tuple identifies a connection by its two endpoints, in a canonical
// order so both directions map to the same key, and the tunnel it arrived
// in (segment.Segment.TunnelKey, 0 for none). It is a packed byte array (two
// 16-byte addresses, two ports, whether the addresses are IPv4, and the
// tunnel id), so it hashes and compares as plain memory: the flow table's
// lookup is on every packet's path.
type Tuple struct {
	k [tupleLen]byte
}

const (
	tuple4Len = 37            // addresses, ports, IPv4 flag
	tupleLen  = tuple4Len + 8 // and the tunnel id, big-endian
)

// Tunnel returns the tuple's tunnel key, 0 for none.
func (t Tuple) Tunnel() uint64 { return binary.BigEndian.Uint64(t.k[tuple4Len:]) }

// TupleOf returns the canonical 4-tuple of seg's connection.
func TupleOf(seg *segment.Segment) Tuple {
	t, _ := tupleOf(seg)
	return t
}

// tupleOf returns the canonical 4-tuple and whether seg's source is its
// first endpoint.
func tupleOf(seg *segment.Segment) (Tuple, bool) {
	a, b := seg.Src.As16(), seg.Dst.As16()
	pa, pb := seg.SrcPort, seg.DstPort
	srcFirst := true
	if c := seg.Src.Compare(seg.Dst); c > 0 || c == 0 && pa > pb {
		a, b, pa, pb = b, a, pb, pa
		srcFirst = false
	}
	var t Tuple
	copy(t.k[0:16], a[:])
	copy(t.k[16:32], b[:])
	t.k[32], t.k[33], t.k[34], t.k[35] = byte(pa>>8), byte(pa), byte(pb>>8), byte(pb)
	if seg.Src.Is4() {
		t.k[36] = 4
	}
	binary.BigEndian.PutUint64(t.k[tuple4Len:], seg.TunnelKey)
	return t, srcFirst
}

// eq reports whether a and b are the same tuple, comparing the 45 bytes as
// six overlapping 8-byte words, without branches: the flow table compares
// a key on every packet, where == on the array calls memeqbody.
func (a *Tuple) eq(b *Tuple) bool {
	x, y := &a.k, &b.k
	le := binary.LittleEndian
	d := le.Uint64(x[0:]) ^ le.Uint64(y[0:])
	d |= le.Uint64(x[8:]) ^ le.Uint64(y[8:])
	d |= le.Uint64(x[16:]) ^ le.Uint64(y[16:])
	d |= le.Uint64(x[24:]) ^ le.Uint64(y[24:])
	d |= le.Uint64(x[32:]) ^ le.Uint64(y[32:])
	d |= le.Uint64(x[tupleLen-8:]) ^ le.Uint64(y[tupleLen-8:])
	return d == 0
}

var tupleSeed = maphash.MakeSeed()

// Hash returns a hash of the tuple that is the same for both directions,
// for sharding connections across workers. It is stable within a process.
func (t Tuple) Hash() uint64 { return maphash.Bytes(tupleSeed, t.k[:]) }
