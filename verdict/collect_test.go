package verdict

import (
	"net/netip"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/printer"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// handshake is a client's SYN, the server's SYN-ACK and the client's ACK.
func handshake() []segment.Segment {
	cli, srv := netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("10.0.0.2")
	t0 := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	return []segment.Segment{
		{Time: t0, Pkt: 1, Src: cli, Dst: srv, SrcPort: 40000, DstPort: 80, Seq: 1000, Flags: segment.SYN, Window: 64240, IPLen: 60},
		{Time: t0.Add(time.Millisecond), Pkt: 2, Src: srv, Dst: cli, SrcPort: 80, DstPort: 40000, Seq: 5000, Ack: 1001, Flags: segment.SYN | segment.ACK, Window: 65160, IPLen: 60},
		{Time: t0.Add(2 * time.Millisecond), Pkt: 4, Src: cli, Dst: srv, SrcPort: 40000, DstPort: 80, Seq: 1001, Ack: 5001, Flags: segment.ACK, Window: 502, IPLen: 52},
	}
}

// TestCollector: the record has the JSON conn record's fields, the uid,
// the 4-tuple and the first and last packet numbers.
func TestCollector(t *testing.T) {
	col := NewCollector(nil)
	tr := tracker.New(tracker.Config{}, col)
	segs := handshake()
	for i := range segs {
		tr.Handle(&segs[i])
	}
	tr.Flush()
	cs := col.Conns()
	if len(cs) != 1 {
		t.Fatalf("%d conns", len(cs))
	}
	c := cs[0]
	if c.Tuple != "10.0.0.1:40000 > 10.0.0.2:80" || c.FirstPkt != 1 || c.LastPkt != 4 || len(c.UID) != 18 || c.Fields["uid"] != c.UID {
		t.Errorf("conn %+v", c)
	}
	if c.Fields["orig_state"] != "ESTABLISHED" || c.Fields["resp_p"] != 80.0 || c.Fields["hs_rtt_ms"] != 2.0 {
		t.Errorf("fields %v", c.Fields)
	}
	if err := col.Close(printer.Summary{}); err != nil {
		t.Error(err)
	}
}

// TestCollectorAllocs: following a known connection's packets allocates
// nothing (the Collector sees every packet of a CI run).
func TestCollectorAllocs(t *testing.T) {
	col := NewCollector(nil)
	keep := &lastConn{}
	tr := tracker.New(tracker.Config{}, keep)
	segs := handshake()
	tr.Handle(&segs[0])
	col.Packet(keep.c, &segs[0], tracker.Orig, nil)
	if n := testing.AllocsPerRun(1000, func() { col.Packet(keep.c, &segs[0], tracker.Orig, nil) }); n != 0 {
		t.Errorf("%v allocs per packet; want 0", n)
	}
}

type lastConn struct{ c *tracker.Conn }

func (l *lastConn) Packet(c *tracker.Conn, _ *segment.Segment, _ tracker.Side, _ []tracker.Event) {
	l.c = c
}
func (l *lastConn) Events(*tracker.Conn, []tracker.Event) {}
func (l *lastConn) Done(*tracker.Conn)                    {}
