package findings

import "github.com/flowtrace/flowtrace/internal/chunkpool"

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
}

func newGenMap[K comparable, V any](limit int) *genMap[K, V] {
	return &genMap[K, V]{half: max(limit/2, 1), cur: make(map[K]*V)}
}

// get returns the value of k, or nil.
func (g *genMap[K, V]) get(k K) *V {
	if v, ok := g.cur[k]; ok {
		return v
	}
	if v, ok := g.old[k]; ok {
		delete(g.old, k)
		g.put(k, v)
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

func (g *genMap[K, V]) put(k K, v *V) {
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

// del removes k.
func (g *genMap[K, V]) del(k K) {
	delete(g.cur, k)
	delete(g.old, k)
}

// len returns the number of keys held.
func (g *genMap[K, V]) len() int { return len(g.cur) + len(g.old) }
