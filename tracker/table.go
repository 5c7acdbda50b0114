package tracker

import "hash/maphash"

// table is the flow table: open addressing with linear probing over a
// power-of-two array of 16-byte slots, each the low half of a hash and a
// connection, either a Conn or a compact record (compact.go). It is
// compact so a lookup mostly hits the cache, and it compares keys in the
// Conn, which the caller touches next anyway, as words (Tuple.eq). Hashes are seeded per
// process (maphash), so a hostile capture cannot aim for collisions.
// Deletion shifts later entries back, so there are no tombstones.
type table struct {
	slots []slot
	n     int
	seed  maphash.Seed
}

// slot holds a connection as a Conn (c) or as a compact record (r, a
// handle of recPools); both zero: empty. h is the low half of the key's
// hash: a table never has 2^32 slots, so it holds every bit a slot's home
// needs.
type slot struct {
	h uint32
	r uint32
	c *Conn
}

func (s *slot) empty() bool { return s.c == nil && s.r == 0 }

const minSlots = 1 << 10

func (t *table) hash(k *Tuple) uint64 { return maphash.Bytes(t.seed, k.k[:]) }

// find returns the index of the slot holding key k with hash h, or -1.
// p holds the compact records' keys.
func (t *table) find(k *Tuple, h uint64, p *recPools) int {
	if t.n == 0 {
		return -1
	}
	mask := uint64(len(t.slots) - 1)
	h32 := uint32(h)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		switch {
		case s.c != nil:
			if s.h == h32 && s.c.key.eq(k) {
				return int(i)
			}
		case s.r != 0:
			if s.h == h32 && p.head(s.r).key.eq(k) {
				return int(i)
			}
		default:
			return -1
		}
	}
}

// put inserts c, whose key is not in the table, with hash h.
func (t *table) put(c *Conn, h uint64) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	t.insert(slot{h: uint32(h), c: c})
	t.n++
}

func (t *table) insert(s slot) {
	mask := uint64(len(t.slots) - 1)
	i := uint64(s.h) & mask
	for !t.slots[i].empty() {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

func (t *table) grow() {
	old := t.slots
	t.slots = make([]slot, max(minSlots, 2*len(old)))
	for _, s := range old {
		if !s.empty() {
			t.insert(s)
		}
	}
}

// index returns the index of the slot holding c (or, with c nil, compact
// record r), stored with hash h, or -1.
func (t *table) index(c *Conn, r uint32, h uint64) int {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		switch {
		case s.empty():
			return -1
		case s.c == c && s.r == r:
			return int(i)
		}
	}
}

// del removes c, stored with hash h.
func (t *table) del(c *Conn, h uint64) {
	i := t.index(c, 0, h)
	if i < 0 {
		return // not there
	}
	t.delAt(uint64(i))
}

// delAt empties slot i.
func (t *table) delAt(i uint64) {
	mask := uint64(len(t.slots) - 1)
	// Shift back every later entry of the run that would no longer be
	// reachable from its home slot.
	for j := (i + 1) & mask; !t.slots[j].empty(); j = (j + 1) & mask {
		home := uint64(t.slots[j].h) & mask
		if (j-home)&mask >= (j-i)&mask {
			t.slots[i] = t.slots[j]
			i = j
		}
	}
	t.slots[i] = slot{}
	t.n--
}

// each calls f for every connection held as a Conn, in no particular
// order.
func (t *table) each(f func(*Conn)) {
	for _, s := range t.slots {
		if s.c != nil {
			f(s.c)
		}
	}
}
