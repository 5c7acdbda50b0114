package tracker

import (
	"math/big"
	"math/rand/v2"
	"net/netip"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// TestUIDBase62 checks the hand-rolled 96-bit base-62 conversion against
// math/big on edge values.
func TestUIDBase62(t *testing.T) {
	vals := []struct{ hi, lo uint64 }{
		{0, 0}, {0, 1}, {0, 61}, {0, 62}, {0xffffffff, 0xffffffffffffffff}, {1, 0}, {0x12345678, 0x9abcdef012345678},
		{0, 839299365868340224 - 1}, {0, 839299365868340224}, {0xfffffffe, 1 << 63},
	}
	rng := rand.New(rand.NewPCG(62, 62))
	for range 2000 {
		vals = append(vals, struct{ hi, lo uint64 }{rng.Uint64() >> 32, rng.Uint64()})
	}
	for _, v := range vals {
		n := new(big.Int).Lsh(new(big.Int).SetUint64(v.hi), 64)
		n.Or(n, new(big.Int).SetUint64(v.lo))
		want := make([]byte, 17)
		for i := 16; i >= 0; i-- {
			m := new(big.Int)
			n.DivMod(n, big.NewInt(62), m)
			want[i] = base62[m.Int64()]
		}
		got := base62digits(v.hi, v.lo)
		if got != string(want) {
			t.Errorf("%x:%x = %s, want %s", v.hi, v.lo, got, want)
		}
	}
}

func base62digits(hi, lo uint64) string {
	d := make([]byte, 17)
	putBase62(d, hi, lo)
	return string(d)
}

// TestUIDStable: the UID depends on the 4-tuple (in either direction) and
// the first packet's microsecond, not on the connection number or the run.
func TestUIDStable(t *testing.T) {
	t0 := time.Date(2026, 11, 22, 23, 17, 39, 779189000, time.UTC)
	a := &segment.Segment{Time: t0, Src: netip.MustParseAddr("10.0.0.1"), SrcPort: 40001, Dst: netip.MustParseAddr("10.0.0.2"), DstPort: 80}
	b := &segment.Segment{Time: t0, Src: a.Dst, SrcPort: a.DstPort, Dst: a.Src, DstPort: a.SrcPort}
	ua, ub := makeUID(TupleOf(a), t0.UnixMicro()), makeUID(TupleOf(b), t0.UnixMicro())
	if ua != ub {
		t.Errorf("direction changes the UID: %s vs %s", ua, ub)
	}
	if ua.String()[0] != 'C' || len(ua.String()) != 18 {
		t.Errorf("UID %q: want C and 17 base-62 digits", ua)
	}
	// Pinned: a change of the derivation changes every user's UIDs.
	if got, want := ua.String(), pinnedUID; got != want {
		t.Errorf("UID = %s, want %s (the derivation changed)", got, want)
	}
	if later := makeUID(TupleOf(a), t0.UnixMicro()+1); later == ua {
		t.Errorf("first-packet time does not change the UID")
	}
	c := *a
	c.SrcPort++
	if other := makeUID(TupleOf(&c), t0.UnixMicro()); other == ua {
		t.Errorf("the 4-tuple does not change the UID")
	}
}

const pinnedUID = "C0TANZukA3LCjiE1aT"

// TestUIDSource checks that a connection's UIDSource gives its UID after
// the Conn was reused for another connection.
func TestUIDSource(t *testing.T) {
	tr := New(Config{}, nop{})
	segs := handshake()
	tr.Handle(&segs[0])
	var c *Conn
	for _, s := range tr.conns.slots {
		if s.c != nil {
			c = s.c
		}
	}
	if c == nil {
		t.Fatal("no connection in the table")
	}
	src, want := c.UIDSource(), c.UID()
	*c = Conn{} // as when the tracker hands the Conn to another connection
	if got := src.UID(); got != want {
		t.Errorf("UIDSource.UID = %s, want %s", got, want)
	}
}
