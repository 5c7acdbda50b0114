package tracker

import (
	"math/rand/v2"
	"net/netip"
	"testing"
)

// TestTable checks the flow table against a Go map under random inserts
// and deletes, with forced collisions (hashes drawn from a tiny set).
func TestTable(t *testing.T) {
	for _, hashes := range []uint64{1 << 62, 7} {
		var tb table
		ref := map[Tuple]*Conn{}
		hashOf := map[Tuple]uint64{}
		rng := rand.New(rand.NewPCG(1, 2))
		for i := range 20000 {
			var k Tuple
			k.k[0], k.k[1] = byte(rng.IntN(64)), byte(rng.IntN(64))
			h, ok := hashOf[k]
			if !ok {
				h = rng.Uint64() % hashes
				hashOf[k] = h
			}
			if c := ref[k]; c != nil {
				if got := tb.get(&k, h); got != c {
					t.Fatalf("step %d: get = %p; want %p", i, got, c)
				}
				if rng.IntN(2) == 0 {
					tb.del(c, h)
					delete(ref, k)
				}
				continue
			}
			if got := tb.get(&k, h); got != nil {
				t.Fatalf("step %d: found a deleted key", i)
			}
			c := &Conn{key: k}
			tb.put(c, h)
			ref[k] = c
			if tb.n != len(ref) {
				t.Fatalf("step %d: %d entries; want %d", i, tb.n, len(ref))
			}
		}
		for k, c := range ref {
			if tb.get(&k, hashOf[k]) != c {
				t.Fatal("lost an entry")
			}
		}
	}
}

// TestTupleSymmetric: both directions of a connection have one key and
// one hash (what sharding across workers needs), and other tuples differ.
func TestTupleSymmetric(t *testing.T) {
	a := pkt(0, "c>s", "S", 1, 0, 0)
	b := pkt(0, "s>c", "S.", 1, 2, 0)
	ka, fa := tupleOf(&a)
	kb, fb := tupleOf(&b)
	if ka != kb || ka.Hash() != kb.Hash() || fa == fb {
		t.Errorf("directions differ: %v/%v %x/%x first %v/%v", ka, kb, ka.Hash(), kb.Hash(), fa, fb)
	}
	c := a
	c.SrcPort++
	if kc := TupleOf(&c); kc == ka || kc.Hash() == ka.Hash() {
		t.Error("another port gives the same tuple or hash")
	}
	v6 := a
	v6.Src, v6.Dst = netip.MustParseAddr("::ffff:10.0.0.1"), netip.MustParseAddr("::ffff:10.0.0.2")
	if TupleOf(&v6) == ka {
		t.Error("an IPv4-mapped IPv6 tuple equals the IPv4 one")
	}
}

// get returns the Conn with key k and hash h, or nil (no compact records).
func (t *table) get(k *Tuple, h uint64) *Conn {
	if i := t.find(k, h, nil); i >= 0 {
		return t.slots[i].c
	}
	return nil
}
