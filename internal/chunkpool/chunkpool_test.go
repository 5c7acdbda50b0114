package chunkpool

import "testing"

// TestPool checks that values come back zeroed, are reused before a new
// chunk is taken, and stay where they are.
func TestPool(t *testing.T) {
	var p Pool[[4]int]
	a := p.Get()
	a[0] = 7
	b := p.Get()
	if a == b {
		t.Fatal("two Gets returned the same value")
	}
	p.Put(a)
	if c := p.Get(); c != a || c[0] != 0 {
		t.Errorf("Get after Put = %p %v, want the value put back (%p), zeroed", c, *c, a)
	}
	held := make([]*[4]int, 0, 3*Chunk)
	for i := range 3 * Chunk {
		x := p.Get()
		x[1] = i
		held = append(held, x)
	}
	for i, x := range held {
		if x[1] != i {
			t.Fatalf("value %d moved or was overwritten: %v", i, *x)
		}
	}
	if n := testing.AllocsPerRun(100, func() { p.Put(p.Get()) }); n != 0 {
		t.Errorf("Get and Put in steady state allocate %v times", n)
	}
}
