package findings

import (
	"encoding/binary"
	"net/netip"

	"github.com/flowtrace/flowtrace/internal/chunkpool"
)

// genMap is a bounded map in two generations: when the current one holds
// max/2 keys it becomes the old one (the previous old one is dropped) and
// a new current one starts; a key found in the old one moves to the
// current one. So it keeps roughly the max most recently used keys, in
// constant memory, and deterministically (no map order is involved).
type genMap[K comparable, V any] struct {
	half     int
	cur, old map[K]*V
	// spare, if set, is called with each value dropped with the old
	// generation: it reports whether nothing else holds the value (and
	// may empty it), so that newValue can hand it out again instead of
	// allocating one.
	spare func(*V) bool
	pool  []*V
	slab  chunkpool.Pool[V]
	// rot counts the rotations; stamp, if set, returns where a value
	// records the rot of its latest put: a value whose stamp is rot is
	// in the current generation, so a holder of a pointer to it can use
	// it without a lookup (which would not move it).
	rot   uint64
	stamp func(*V) *uint64
	// hash and filt, if set (withFilter), are a counting filter of the
	// keys held: filt[slot] counts them by hash slot, so a key whose
	// slot counts none is missing, without the two map lookups (most
	// lookups of a table that churns miss). Only lookups are skipped;
	// the table holds what it would without the filter.
	hash func(K) uint64
	filt []uint16
	fsh  uint8 // 64 - log2(len(filt))
}

func newGenMap[K comparable, V any](limit int) *genMap[K, V] {
	return &genMap[K, V]{half: max(limit/2, 1), cur: make(map[K]*V)}
}

// withFilter gives g a counting filter of 2^bits slots over hash (see
// genMap.filt). A slot's count is at most the keys held, below the
// limit, so limit must be below 65536.
func (g *genMap[K, V]) withFilter(hash func(K) uint64, bits uint8) *genMap[K, V] {
	if 2*g.half >= 1<<16 {
		panic("findings: genMap filter counts overflow")
	}
	g.hash, g.filt, g.fsh = hash, make([]uint16, 1<<bits), 64-bits
	return g
}

// slot returns k's filter slot.
func (g *genMap[K, V]) slot(k K) *uint16 { return &g.filt[g.hash(k)>>g.fsh] }

// get returns the value of k, or nil.
func (g *genMap[K, V]) get(k K) *V {
	if g.filt != nil && *g.slot(k) == 0 {
		return nil
	}
	if v, ok := g.cur[k]; ok {
		return v
	}
	if v, ok := g.old[k]; ok {
		delete(g.old, k)
		g.insert(k, v)
		return v
	}
	return nil
}

// getOrNew returns the value of k, creating a zero one if missing.
func (g *genMap[K, V]) getOrNew(k K) *V {
	if v := g.get(k); v != nil {
		return v
	}
	v := g.newValue()
	*v = *new(V)
	g.put(k, v)
	return v
}

// newValue returns a value to put: a spare one (as spare left it), or
// a new zero one.
func (g *genMap[K, V]) newValue() *V {
	if n := len(g.pool); n > 0 {
		v := g.pool[n-1]
		g.pool[n-1] = nil
		g.pool = g.pool[:n-1]
		return v
	}
	return g.slab.Get()
}

// put adds k, a key g does not hold, with its value v.
func (g *genMap[K, V]) put(k K, v *V) {
	g.insert(k, v)
	if g.filt != nil {
		*g.slot(k)++
	}
}

// insert puts k in the current generation, first rotating the
// generations if it is full.
func (g *genMap[K, V]) insert(k K, v *V) {
	if len(g.cur) >= g.half {
		g.rot++
		dropped := g.old
		g.old = g.cur
		if dropped == nil {
			g.cur = make(map[K]*V, g.half)
		} else {
			if g.spare != nil || g.filt != nil {
				for dk, x := range dropped {
					if g.filt != nil {
						*g.slot(dk)--
					}
					if g.spare != nil && g.spare(x) {
						g.pool = append(g.pool, x)
					}
				}
			}
			clear(dropped)
			g.cur = dropped
		}
	}
	g.cur[k] = v
	if g.stamp != nil {
		*g.stamp(v) = g.rot
	}
}

// del removes k.
func (g *genMap[K, V]) del(k K) {
	_, inCur := g.cur[k]
	_, inOld := g.old[k]
	if (inCur || inOld) && g.filt != nil {
		*g.slot(k)--
	}
	delete(g.cur, k)
	delete(g.old, k)
}

// addrPortHash hashes a service's address and port for a genMap filter.
func addrPortHash(k netip.AddrPort) uint64 {
	a := k.Addr().As16()
	h := binary.LittleEndian.Uint64(a[:8])*0x9e3779b97f4a7c15 ^ binary.LittleEndian.Uint64(a[8:])*0xc2b2ae3d27d4eb4f ^ uint64(k.Port())
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

// len returns the number of keys held.
func (g *genMap[K, V]) len() int { return len(g.cur) + len(g.old) }
