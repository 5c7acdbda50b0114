package findings

import (
	"maps"
	"math/rand/v2"
	"net/netip"
	"slices"
	"testing"
)

// TestGenMapHashed drives a genMap of Go maps and one of open-addressing
// tables (withHash, here with a weak hash so that keys collide) through
// the same random puts, gets and deletes (few keys, so that they come
// back after being dropped and are deleted while held): every lookup
// must find the same, both must hold the same keys and rotate alike, and
// hand the same values to spare.
func TestGenMapHashed(t *testing.T) {
	type val struct{ n int }
	plain := newGenMap[netip.AddrPort, val](64)
	filt := newGenMap[netip.AddrPort, val](64).withHash(func(k netip.AddrPort) uint64 { return addrPortHash(k) & 0x13 })
	var spared [2][]int
	plain.spare = func(v *val) bool { spared[0] = append(spared[0], v.n); return false }
	filt.spare = func(v *val) bool { spared[1] = append(spared[1], v.n); return false }
	r := rand.New(rand.NewPCG(5, 6))
	key := func() netip.AddrPort {
		if r.IntN(4) == 0 {
			return netip.AddrPortFrom(netip.AddrFrom16([16]byte{15: byte(r.IntN(8))}), uint16(r.IntN(3)))
		}
		return netip.AddrPortFrom(netip.AddrFrom4([4]byte{10, 0, byte(r.IntN(2)), byte(r.IntN(100))}), uint16(80+r.IntN(2)))
	}
	for i := range 200_000 {
		k := key()
		switch op := r.IntN(10); {
		case op < 6:
			a, b := plain.get(k), filt.get(k)
			if (a == nil) != (b == nil) || a != nil && a.n != b.n {
				t.Fatalf("op %d: get(%v) = %v, %v", i, k, a, b)
			}
			if a == nil {
				plain.put(k, &val{i})
				filt.put(k, &val{i})
			}
		case op < 9:
			a, b := plain.get(k), filt.get(k)
			if (a == nil) != (b == nil) || a != nil && a.n != b.n {
				t.Fatalf("op %d: get(%v) = %v, %v", i, k, a, b)
			}
		default:
			plain.del(k)
			filt.del(k)
		}
	}
	held := func(g *genMap[netip.AddrPort, val]) map[netip.AddrPort]int {
		m := make(map[netip.AddrPort]int)
		for k, v := range g.cur {
			m[k] = v.n
		}
		for k, v := range g.old {
			m[k] = -v.n
		}
		if g.hash != nil {
			g.hcur.each(func(k netip.AddrPort) { m[k] = g.hcur.find(g.hash(k), k).v.n })
			g.hold.each(func(k netip.AddrPort) { m[k] = -g.hold.find(g.hash(k), k).v.n })
		}
		return m
	}
	if a, b := held(plain), held(filt); !maps.Equal(a, b) {
		t.Errorf("the tables hold\n%v\n%v", a, b)
	}
	slices.Sort(spared[0])
	slices.Sort(spared[1])
	if !slices.Equal(spared[0], spared[1]) || len(spared[0]) == 0 {
		t.Errorf("spared %d and %d values, not the same", len(spared[0]), len(spared[1]))
	}
	if plain.len() != filt.len() || plain.rot != filt.rot {
		t.Errorf("len %d, %d; rotations %d, %d", plain.len(), filt.len(), plain.rot, filt.rot)
	}
}
