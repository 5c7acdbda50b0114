package findings

// oaTab is one generation of a genMap made withHash: an open-addressing
// table (linear probing) of a fixed power-of-two size, at least twice the
// keys a generation holds, keyed by the caller's hash. A lookup costs the
// hash and, mostly, one slot; a Go map costs a seeded hash of the whole
// key and a group probe. Deleted keys leave tombstones, cleared when the
// table is emptied (a rotation) or rebuilt (too many of them).
type oaTab[K comparable, V any] struct {
	slots []oaSlot[K, V]
	mask  uint64
	live  int // keys held
	used  int // slots not empty: keys and tombstones
}

// oaSlot is a slot: empty while v is nil and tomb false.
type oaSlot[K comparable, V any] struct {
	h    uint64
	k    K
	v    *V
	tomb bool
}

// newOATab returns a table for at most keys keys.
func newOATab[K comparable, V any](keys int) *oaTab[K, V] {
	n := 8
	for n < 2*keys {
		n *= 2
	}
	return &oaTab[K, V]{slots: make([]oaSlot[K, V], n), mask: uint64(n - 1)}
}

// find returns the slot holding k (hash h), or nil.
func (t *oaTab[K, V]) find(h uint64, k K) *oaSlot[K, V] {
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.v == nil {
			if !s.tomb {
				return nil
			}
			continue
		}
		if s.h == h && s.k == k {
			return s
		}
	}
}

// add puts k (hash h), which t does not hold, with value v.
func (t *oaTab[K, V]) add(h uint64, k K, v *V) {
	if t.used+1 > len(t.slots)*3/4 {
		t.rebuild()
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.v == nil {
			if !s.tomb {
				t.used++
			}
			*s = oaSlot[K, V]{h: h, k: k, v: v}
			t.live++
			return
		}
	}
}

// remove deletes the key of slot s.
func (t *oaTab[K, V]) remove(s *oaSlot[K, V]) {
	*s = oaSlot[K, V]{tomb: true}
	t.live--
}

// rebuild puts the keys again without the tombstones.
func (t *oaTab[K, V]) rebuild() {
	old := t.slots
	t.slots = make([]oaSlot[K, V], len(old))
	t.live, t.used = 0, 0
	for i := range old {
		if s := &old[i]; s.v != nil {
			t.add(s.h, s.k, s.v)
		}
	}
}

// reset empties t.
func (t *oaTab[K, V]) reset() {
	if t.used == 0 {
		return
	}
	clear(t.slots)
	t.live, t.used = 0, 0
}

// each calls f with every key held.
func (t *oaTab[K, V]) each(f func(K)) {
	for i := range t.slots {
		if t.slots[i].v != nil {
			f(t.slots[i].k)
		}
	}
}
