package findings

import (
	"math/rand/v2"
	"net/netip"
	"testing"
)

// TestGenMapFilter drives a genMap with a counting filter and one
// without through the same random puts, gets and deletes (few keys, so
// that they collide, come back after being dropped and are deleted while
// held): every lookup must find the same, and the filter must count
// exactly the keys held per slot.
func TestGenMapFilter(t *testing.T) {
	type val struct{ n int }
	plain := newGenMap[netip.AddrPort, val](64)
	filt := newGenMap[netip.AddrPort, val](64).withFilter(addrPortHash, 4) // 16 slots: collisions
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
	want := make([]uint16, len(filt.filt))
	for _, m := range []map[netip.AddrPort]*val{filt.cur, filt.old} {
		for k := range m {
			want[addrPortHash(k)>>filt.fsh]++
		}
	}
	for i := range want {
		if want[i] != filt.filt[i] {
			t.Fatalf("filter slot %d counts %d; the table holds %d", i, filt.filt[i], want[i])
		}
	}
	if plain.len() != filt.len() || plain.rot != filt.rot {
		t.Errorf("len %d, %d; rotations %d, %d", plain.len(), filt.len(), plain.rot, filt.rot)
	}
}
