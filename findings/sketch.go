package findings

import (
	"math"
	"math/bits"
	"net/netip"
)

// distinct counts distinct addresses: exactly up to exactCap of them
// (the first distinctFew in an array, the rest in a map), then with a
// HyperLogLog sketch of 2^hllP one-byte registers (about 0.8 % standard
// error), so its memory is bounded whatever the count. The hash is fixed
// (no per-process seed): the same input gives the same estimate run to
// run.
type distinct struct {
	nfew  int
	exact map[netip.Addr]struct{}
	regs  []uint8                 // nil until the exact count passes exactCap
	few   [distinctFew]netip.Addr // last: reset does not touch it
}

const (
	exactCap    = 256
	distinctFew = 8
	hllP        = 14
)

// reset empties the set, keeping a small map for reuse.
func (d *distinct) reset() {
	d.nfew, d.regs = 0, nil
	if len(d.exact) > 4*distinctFew {
		d.exact = nil
	} else {
		clear(d.exact)
	}
}

func (d *distinct) add(a netip.Addr) {
	if d.regs != nil {
		d.addHLL(a)
		return
	}
	for i := range d.nfew {
		if d.few[i] == a {
			return
		}
	}
	if d.nfew < distinctFew {
		d.few[d.nfew] = a
		d.nfew++
		return
	}
	if d.exact == nil {
		d.exact = make(map[netip.Addr]struct{})
	}
	d.exact[a] = struct{}{}
	if d.nfew+len(d.exact) <= exactCap {
		return
	}
	d.regs = make([]uint8, 1<<hllP)
	for _, x := range d.few[:d.nfew] {
		d.addHLL(x)
	}
	for x := range d.exact {
		d.addHLL(x)
	}
	d.nfew = 0
	clear(d.exact)
}

func (d *distinct) addHLL(a netip.Addr) {
	h := addrHash(a)
	i := h >> (64 - hllP)
	rho := uint8(bits.LeadingZeros64(h<<hllP|1<<(hllP-1)) + 1)
	if rho > d.regs[i] {
		d.regs[i] = rho
	}
}

// count returns the number of distinct addresses added (estimated
// beyond exactCap).
func (d *distinct) count() int {
	if d.regs == nil {
		return d.nfew + len(d.exact)
	}
	m := float64(len(d.regs))
	sum, zeros := 0.0, 0
	for _, r := range d.regs {
		sum += math.Ldexp(1, -int(r))
		if r == 0 {
			zeros++
		}
	}
	est := 0.7213 / (1 + 1.079/m) * m * m / sum
	if est <= 2.5*m && zeros > 0 {
		est = m * math.Log(m/float64(zeros)) // linear counting
	}
	return int(math.Round(est))
}

// addrHash is a fixed 64-bit hash of an address (FNV-1a, then a
// splitmix64 finaliser for the high bits).
func addrHash(a netip.Addr) uint64 {
	b := a.As16()
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	return h ^ h>>31
}
