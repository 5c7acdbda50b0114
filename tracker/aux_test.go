package tracker

import "testing"

// TestAuxZeroOnReuse checks that a connection's auxiliary words start at zero
// even when the tracker hands out a Conn that held another connection.
func TestAuxZeroOnReuse(t *testing.T) {
	k := NewAuxKey()
	c := &Conn{gen: 7}
	c.SetAux(k, 42)
	if got := c.Aux(k); got != 42 {
		t.Fatalf("Aux after SetAux(42) = %d", got)
	}
	tr := New(Config{}, nil)
	tr.free = append(tr.free, c)
	seg := handshake()[0]
	nc := tr.newConn(&Tuple{}, 0, true, &seg)
	if nc != c {
		t.Fatal("newConn did not reuse the freed Conn")
	}
	if got := nc.Aux(k); got != 0 {
		t.Errorf("reused Conn's Aux = %d, want 0", got)
	}
}
