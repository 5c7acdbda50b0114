package tracker_test

import (
	"fmt"
	"net/netip"
	"time"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// printer prints every transition and each connection's end.
type printer struct{}

func (printer) Packet(c *tracker.Conn, s *segment.Segment, _ tracker.Side, evs []tracker.Event) {
	for _, e := range evs {
		if e.Kind == tracker.Transition {
			fmt.Printf("#%d %s %v → %v (%s)\n", e.Pkt, e.Side.Role(), e.From, e.To, e.Reason)
		}
	}
}
func (printer) Events(*tracker.Conn, []tracker.Event) {}
func (printer) Done(c *tracker.Conn) {
	fmt.Printf("c%d: %v/%v, zeek %s %s, %s\n", c.ID(), c.State(tracker.Orig), c.State(tracker.Resp), c.ConnState(), c.History(), c.End())
}

// A client connects and is refused: SYN answered by RST/ACK.
func Example() {
	cli, srv := netip.MustParseAddrPort("192.0.2.1:50000"), netip.MustParseAddrPort("192.0.2.2:25")
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tr := tracker.New(tracker.Config{}, printer{})
	tr.Handle(&segment.Segment{Time: t0, Pkt: 1, Src: cli.Addr(), SrcPort: cli.Port(), Dst: srv.Addr(), DstPort: srv.Port(),
		Seq: 1000, Flags: segment.SYN, Window: 64240})
	tr.Handle(&segment.Segment{Time: t0.Add(time.Millisecond), Pkt: 2, Src: srv.Addr(), SrcPort: srv.Port(), Dst: cli.Addr(), DstPort: cli.Port(),
		Ack: 1001, Flags: segment.RST | segment.ACK})
	tr.Flush()
	// Output:
	// #1 client CLOSED → SYN-SENT (sent SYN)
	// #2 server UNKNOWN → CLOSED (sent RST)
	// #2 client SYN-SENT → CLOSED (rcvd RST)
	// c1: CLOSED/CLOSED, zeek REJ Sr, refused
}
