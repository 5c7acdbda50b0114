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
	// hash, if set (withHash), replaces the two Go maps by two
	// open-addressing tables (oatable.go) keyed by it: the same keys
	// held, the same rotations, at a fraction of the cost per lookup.
	hash       func(K) uint64
	hcur, hold *oaTab[K, V]
}

func newGenMap[K comparable, V any](limit int) *genMap[K, V] {
	return &genMap[K, V]{half: max(limit/2, 1), cur: make(map[K]*V)}
}

// withHash makes g keep its generations in open-addressing tables
// keyed by hash (see genMap.hash).
func (g *genMap[K, V]) withHash(hash func(K) uint64) *genMap[K, V] {
	g.hash, g.cur = hash, nil
	g.hcur, g.hold = newOATab[K, V](g.half), newOATab[K, V](g.half)
	return g
}

// get returns the value of k, or nil.
func (g *genMap[K, V]) get(k K) *V {
	if g.hash != nil {
		return g.getHashed(g.hash(k), k)
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

// getHashed is get for a genMap made withHash; h is k's hash.
func (g *genMap[K, V]) getHashed(h uint64, k K) *V {
	if s := g.hcur.find(h, k); s != nil {
		return s.v
	}
	if s := g.hold.find(h, k); s != nil {
		v := s.v
		g.hold.remove(s)
		g.insertHashed(h, k, v)
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
	if g.hash != nil {
		g.insertHashed(g.hash(k), k, v)
		return
	}
	g.insert(k, v)
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
			if g.spare != nil {
				for _, x := range dropped {
					if g.spare(x) {
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

// insertHashed is insert for a genMap made withHash; h is k's hash.
func (g *genMap[K, V]) insertHashed(h uint64, k K, v *V) {
	if g.hcur.live >= g.half {
		g.rot++
		dropped := g.hold
		g.hold = g.hcur
		if g.spare != nil && dropped.live > 0 {
			for i := range dropped.slots {
				if x := dropped.slots[i].v; x != nil && g.spare(x) {
					g.pool = append(g.pool, x)
				}
			}
		}
		dropped.reset()
		g.hcur = dropped
	}
	g.hcur.add(h, k, v)
	if g.stamp != nil {
		*g.stamp(v) = g.rot
	}
}

// del removes k.
func (g *genMap[K, V]) del(k K) {
	if g.hash != nil {
		h := g.hash(k)
		for _, t := range []*oaTab[K, V]{g.hcur, g.hold} {
			if s := t.find(h, k); s != nil {
				t.remove(s)
			}
		}
		return
	}
	delete(g.cur, k)
	delete(g.old, k)
}

// addrPortHash hashes a service's address and port for a genMap's
// tables (withHash).
func addrPortHash(k netip.AddrPort) uint64 {
	a := k.Addr().As16()
	h := binary.LittleEndian.Uint64(a[:8])*0x9e3779b97f4a7c15 ^ binary.LittleEndian.Uint64(a[8:])*0xc2b2ae3d27d4eb4f ^ uint64(k.Port())
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

// len returns the number of keys held.
func (g *genMap[K, V]) len() int {
	if g.hash != nil {
		return g.hcur.live + g.hold.live
	}
	return len(g.cur) + len(g.old)
}
