package tracker

import (
	"net/netip"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

func TestMidstreamOrientedByPort(t *testing.T) {
	// The first packet comes from the server (port 80): it is still the
	// responder.
	r := replay(t, Config{}, pkt(0, "s>c", "P.", 5000, 1000, 100), pkt(1, "c>s", ".", 1000, 5100, 0))
	expect(t, "transitions", r.lines, `
#1 c1 client UNKNOWN>ESTABLISHED: capture started mid-connection [inferred]
#1 c1 server UNKNOWN>ESTABLISHED: capture started mid-connection [inferred]`)
	expect(t, "done", r.done, `c1 10.0.0.1:40000 ESTABLISHED/ESTABLISHED OTH ^dA open`) // flipped: Zeek's ^
}

func TestMidstreamOrientedBySYNACK(t *testing.T) {
	r := replay(t, Config{}, pkt(0, "s>c", "S.", 5000, 1001, 0), pkt(1, "c>s", ".", 1001, 5001, 0))
	expect(t, "transitions", r.lines, `
#1 c1 client UNKNOWN>SYN-SENT: its SYN not captured [inferred]
#1 c1 server UNKNOWN>SYN-RECEIVED: sent SYN-ACK, its SYN not captured [inferred]
#2 c1 client SYN-SENT>ESTABLISHED: rcvd SYN-ACK
#2 c1 server SYN-RECEIVED>ESTABLISHED: rcvd ACK of SYN`)
}

func TestMidstreamOrientedByListener(t *testing.T) {
	// Port 9000 answered a SYN in another connection, so in a midstream
	// flow between ports 9000 and 8000 the 9000 side is the server.
	a := pkt(0, "c>s", "S", 1, 0, 0)
	b := pkt(1, "s>c", "S.", 2, 2, 0)
	a.DstPort, b.SrcPort = 9000, 9000
	m := pkt(5, "s>c", "P.", 100, 200, 10)
	m.SrcPort, m.DstPort = 9000, 8000
	r := replay(t, Config{}, a, b, m)
	if got := r.done[1]; got != "c2 10.0.0.1:8000 ESTABLISHED/ESTABLISHED OTH ^d open" {
		t.Errorf("midstream conn = %q; want client 10.0.0.1:8000", got)
	}
}

func TestCaptureStartsWithFIN(t *testing.T) {
	r := replay(t, Config{}, pkt(0, "c>s", "F.", 1000, 5000, 0), pkt(1, "s>c", "F.", 5000, 1001, 0), pkt(2, "c>s", ".", 1001, 5001, 0))
	expect(t, "transitions", r.lines[2:], `
#1 c1 client ESTABLISHED>FIN-WAIT-1: sent FIN
#2 c1 server ESTABLISHED>CLOSE-WAIT: rcvd FIN
#2 c1 server CLOSE-WAIT>LAST-ACK: sent FIN
#3 c1 client FIN-WAIT-1>TIME-WAIT: rcvd FIN+ACK of own FIN
#3 c1 server LAST-ACK>CLOSED: rcvd ACK of FIN
#3 c1 phase: client-initiated close`)
}

func TestCaptureStartsWithRST(t *testing.T) {
	r := replay(t, Config{}, pkt(0, "s>c", "R.", 5000, 1000, 0))
	expect(t, "done", r.done, `c1 10.0.0.1:40000 CLOSED/CLOSED RSTRH ^r aborted by server RST`)
}

func TestMildReordering(t *testing.T) {
	// The client's second data segment and its FIN overtake the first data
	// segment in the capture; the late segment must not disturb the close.
	r := replay(t, Config{}, cat(handshake(), []segment.Segment{
		pkt(3, "c>s", "P.", 1101, 5001, 100),
		pkt(4, "c>s", "F.", 1201, 5001, 0),
		pkt(5, "c>s", "P.", 1001, 5001, 100),
		pkt(6, "s>c", ".", 5001, 1202, 0),
		pkt(7, "s>c", "F.", 5001, 1202, 0),
		pkt(8, "c>s", ".", 1202, 5002, 0),
	})...)
	if r.conns[1] != [2]State{TimeWait, Closed} {
		t.Errorf("final %v; want TIME-WAIT/CLOSED\n%v", r.conns[1], r.lines)
	}
	expect(t, "close", r.lines[5:7], `
#5 c1 client ESTABLISHED>FIN-WAIT-1: sent FIN
#7 c1 server ESTABLISHED>CLOSE-WAIT: rcvd FIN`)
}

func TestServerMemoryBoundedAndLearning(t *testing.T) {
	tr := New(Config{}, &recorder{})
	var last netip.AddrPort
	for i := range 3 * maxServers {
		a := netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)})
		tr.sawServer(nil, netip.AddrPortFrom(a, 80))
		last = netip.AddrPortFrom(a, 80)
		if n := len(tr.servers) + len(tr.oldServers); n > maxServers {
			t.Fatalf("remembers %d servers; bound %d", n, maxServers)
		}
	}
	if !tr.isServer(nil, last) {
		t.Error("forgot the latest server")
	}
}
