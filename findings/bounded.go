package findings

// genMap is a bounded map in two generations: when the current one holds
// max/2 keys it becomes the old one (the previous old one is dropped) and
// a new current one starts; a key found in the old one moves to the
// current one. So it keeps roughly the max most recently used keys, in
// constant memory, and deterministically (no map order is involved).
type genMap[K comparable, V any] struct {
	half     int
	cur, old map[K]*V
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
	v := new(V)
	g.put(k, v)
	return v
}

func (g *genMap[K, V]) put(k K, v *V) {
	if len(g.cur) >= g.half {
		g.old, g.cur = g.cur, make(map[K]*V, g.half)
	}
	g.cur[k] = v
}

// del removes k.
func (g *genMap[K, V]) del(k K) {
	delete(g.cur, k)
	delete(g.old, k)
}

// len returns the number of keys held.
func (g *genMap[K, V]) len() int { return len(g.cur) + len(g.old) }
