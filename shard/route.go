package shard

import (
	"encoding/binary"
	"net/netip"

	"github.com/flowtrace/flowtrace/segment"
)

// route returns the worker of n that tracks seg: a hash of its 4-tuple
// (and tunnel) that is the same for both directions, over the fields the
// tracker files it by (tracker.KeyOf: for an ICMP error, the quoted
// segment's). Cheaper than tracker.Tuple.Hash, which the walker would
// otherwise compute for every packet on top of the workers' own.
func route(seg *segment.Segment, n uint64) uint8 {
	h := endpoint(seg.Src, seg.SrcPort) + endpoint(seg.Dst, seg.DstPort) // commutative
	return uint8(mix(h^seg.TunnelKey*0x9e3779b97f4a7c15) % n)
}

func endpoint(a netip.Addr, port uint16) uint64 {
	b := a.As16()
	x, y := binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])
	return mix(x*0x9e3779b97f4a7c15 ^ y ^ uint64(port))
}

// mix is splitmix64's finaliser.
func mix(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}
