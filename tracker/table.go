package tracker

import "hash/maphash"

// table is the flow table: open addressing with linear probing over a
// power-of-two array of 16-byte slots, each a hash and a connection. It
// is compact so a lookup mostly hits the cache, and it compares keys in
// the Conn, which the caller touches next anyway. Hashes are seeded per
// process (maphash), so a hostile capture cannot aim for collisions.
// Deletion shifts later entries back, so there are no tombstones.
type table struct {
	slots []slot
	n     int
	seed  maphash.Seed
}

type slot struct {
	h uint64
	c *Conn // nil: empty
}

const minSlots = 1 << 10

func (t *table) hash(k *Tuple) uint64 { return maphash.Bytes(t.seed, k.k[:]) }

// get returns the connection with key k and hash h, or nil.
func (t *table) get(k *Tuple, h uint64) *Conn {
	if t.n == 0 {
		return nil
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.c == nil {
			return nil
		}
		if s.h == h && s.c.key == *k {
			return s.c
		}
	}
}

// put inserts c, whose key is not in the table, with hash h.
func (t *table) put(c *Conn, h uint64) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	t.insert(slot{h, c})
	t.n++
}

func (t *table) insert(s slot) {
	mask := uint64(len(t.slots) - 1)
	i := s.h & mask
	for t.slots[i].c != nil {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

func (t *table) grow() {
	old := t.slots
	t.slots = make([]slot, max(minSlots, 2*len(old)))
	for _, s := range old {
		if s.c != nil {
			t.insert(s)
		}
	}
}

// del removes c, stored with hash h.
func (t *table) del(c *Conn, h uint64) {
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i].c != c {
		if t.slots[i].c == nil {
			return // not there
		}
		i = (i + 1) & mask
	}
	// Shift back every later entry of the run that would no longer be
	// reachable from its home slot.
	for j := (i + 1) & mask; t.slots[j].c != nil; j = (j + 1) & mask {
		home := t.slots[j].h & mask
		if (j-home)&mask >= (j-i)&mask {
			t.slots[i] = t.slots[j]
			i = j
		}
	}
	t.slots[i] = slot{}
	t.n--
}

// each calls f for every connection, in no particular order.
func (t *table) each(f func(*Conn)) {
	for _, s := range t.slots {
		if s.c != nil {
			f(s.c)
		}
	}
}
