package tracker

import (
	"net/netip"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// TestTunnelKey: one 4-tuple in two tunnels is two connections, each
// with its tunnel and its own UID; without a tunnel key the UID is what
// it was before tunnel keys were part of the flow key.
func TestTunnelKey(t *testing.T) {
	t0 := time.Date(2026, 11, 22, 23, 17, 39, 779189000, time.UTC)
	syn := segment.Segment{Time: t0, Src: netip.MustParseAddr("10.0.0.1"), SrcPort: 40001, Dst: netip.MustParseAddr("10.0.0.2"), DstPort: 80,
		Flags: segment.SYN, Seq: 1}
	var conns []*Conn
	var uids []UID
	tr := New(Config{}, &doneFunc{func(c *Conn) { conns = append(conns, c); uids = append(uids, c.UID()) }})
	for _, id := range []uint64{0, 7, 9, 7} {
		s := syn
		s.Tunnel, s.TunnelKey = id, id
		tr.Handle(&s)
	}
	tr.Flush()
	if len(conns) != 3 {
		t.Fatalf("%d connections; want 3 (none, tunnel 7, tunnel 9)", len(conns))
	}
	if uids[0] != makeUID(TupleOf(&syn), t0.UnixMicro()) || uids[0].String() != pinnedUID {
		t.Errorf("untunnelled UID %s changed", uids[0])
	}
	if uids[1] == uids[0] || uids[2] == uids[1] || uids[2] == uids[0] {
		t.Errorf("UIDs %v not distinct", uids)
	}
	s := syn
	s.TunnelKey = 9
	if k := TupleOf(&s); k.Tunnel() != 9 || k == TupleOf(&syn) {
		t.Errorf("tuple %v", k)
	}
}

type doneFunc struct{ f func(*Conn) }

func (d *doneFunc) Packet(*Conn, *segment.Segment, Side, []Event) {}
func (d *doneFunc) Events(*Conn, []Event)                         {}
func (d *doneFunc) Done(c *Conn)                                  { d.f(c) }
