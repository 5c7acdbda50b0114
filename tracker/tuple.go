package tracker

import (
	"net/netip"

	"github.com/flowtrace/flowtrace/segment"
)

// Tuple identifies a connection by its two endpoints, in a canonical
// order so both directions map to the same key. It is comparable and
// holds no pointers beyond netip.Addr's, so it serves as a map key.
type Tuple struct {
	a, b   netip.Addr
	pa, pb uint16
}

// TupleOf returns the canonical 4-tuple of seg's connection.
func TupleOf(seg *segment.Segment) Tuple {
	if c := seg.Src.Compare(seg.Dst); c < 0 || c == 0 && seg.SrcPort <= seg.DstPort {
		return Tuple{seg.Src, seg.Dst, seg.SrcPort, seg.DstPort}
	}
	return Tuple{seg.Dst, seg.Src, seg.DstPort, seg.SrcPort}
}

// Hash returns a hash of the tuple that is the same for both directions,
// for sharding connections across workers. It is FNV-1a over the
// canonical tuple.
func (t Tuple) Hash() uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	mix := func(b []byte) {
		for _, x := range b {
			h ^= uint64(x)
			h *= prime
		}
	}
	a, b := t.a.As16(), t.b.As16()
	mix(a[:])
	mix(b[:])
	mix([]byte{byte(t.pa >> 8), byte(t.pa), byte(t.pb >> 8), byte(t.pb)})
	return h
}
