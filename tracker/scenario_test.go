package tracker

import (
	"github.com/flowtrace/flowtrace/segment"
	"testing"
)

func TestHandshakeAndClientClose(t *testing.T) {
	r := replay(t, Config{}, cat(handshake(),
		[]segment.Segment{
			pkt(3, "c>s", "P.", 1001, 5001, 100),
			pkt(4, "s>c", ".", 5001, 1101, 0),
			pkt(5, "c>s", "F.", 1101, 5001, 0),
			pkt(6, "s>c", ".", 5001, 1102, 0),
			pkt(7, "s>c", "F.", 5001, 1102, 0),
			pkt(8, "c>s", ".", 1102, 5002, 0),
		})...)
	expect(t, "transitions", r.lines, `
#1 c1 client CLOSED>SYN-SENT: sent SYN
#2 c1 server LISTEN>SYN-RECEIVED: rcvd SYN
#3 c1 client SYN-SENT>ESTABLISHED: rcvd SYN-ACK
#3 c1 server SYN-RECEIVED>ESTABLISHED: rcvd ACK of SYN
#3 c1 phase: handshake complete
#6 c1 client ESTABLISHED>FIN-WAIT-1: sent FIN
#7 c1 server ESTABLISHED>CLOSE-WAIT: rcvd FIN
#7 c1 client FIN-WAIT-1>FIN-WAIT-2: rcvd ACK of FIN
#8 c1 server CLOSE-WAIT>LAST-ACK: sent FIN
#9 c1 client FIN-WAIT-2>TIME-WAIT: rcvd FIN
#9 c1 server LAST-ACK>CLOSED: rcvd ACK of FIN
#9 c1 phase: client-initiated close
`)
	expect(t, "done", r.done, `c1 10.0.0.1:40000 TIME-WAIT/CLOSED SF ShADaFf closed by client`)
}

func TestThreeSegmentClose(t *testing.T) {
	// FIN, FIN+ACK, ACK: FIN-WAIT-1 goes straight to TIME-WAIT.
	r := replay(t, Config{}, cat(handshake(), []segment.Segment{
		pkt(5, "c>s", "F.", 1001, 5001, 0),
		pkt(6, "s>c", "F.", 5001, 1002, 0),
		pkt(7, "c>s", ".", 1002, 5002, 0),
	})...)
	expect(t, "transitions", r.lines[5:], `
#4 c1 client ESTABLISHED>FIN-WAIT-1: sent FIN
#5 c1 server ESTABLISHED>CLOSE-WAIT: rcvd FIN
#5 c1 server CLOSE-WAIT>LAST-ACK: sent FIN
#6 c1 client FIN-WAIT-1>TIME-WAIT: rcvd FIN+ACK of own FIN
#6 c1 server LAST-ACK>CLOSED: rcvd ACK of FIN
#6 c1 phase: client-initiated close
`)
}

func TestServerCloseFirst(t *testing.T) {
	r := replay(t, Config{}, cat(handshake(), []segment.Segment{
		pkt(5, "s>c", "F.", 5001, 1001, 0),
		pkt(6, "c>s", ".", 1001, 5002, 0),
		pkt(7, "c>s", "F.", 1001, 5002, 0),
		pkt(8, "s>c", ".", 5002, 1002, 0),
	})...)
	expect(t, "done", r.done, `c1 10.0.0.1:40000 CLOSED/TIME-WAIT SF ShAfFa closed by server`)
}

func TestSimultaneousClose(t *testing.T) {
	// The server's FIN acknowledges only up to 1001: it was sent before
	// the client's FIN (seq 1001) arrived. Both go through CLOSING.
	r := replay(t, Config{}, cat(handshake(), []segment.Segment{
		pkt(5, "c>s", "F.", 1001, 5001, 0),
		pkt(6, "s>c", "F.", 5001, 1001, 0),
		pkt(7, "c>s", ".", 1002, 5002, 0),
		pkt(8, "s>c", ".", 5002, 1002, 0),
	})...)
	expect(t, "transitions", r.lines[5:], `
#4 c1 client ESTABLISHED>FIN-WAIT-1: sent FIN
#5 c1 server ESTABLISHED>FIN-WAIT-1: sent FIN
#6 c1 client FIN-WAIT-1>CLOSING: rcvd FIN before ACK of own FIN: simultaneous close
#6 c1 server FIN-WAIT-1>CLOSING: rcvd FIN before ACK of own FIN: simultaneous close
#6 c1 server CLOSING>TIME-WAIT: rcvd ACK of FIN
#7 c1 client CLOSING>TIME-WAIT: rcvd ACK of FIN
#7 c1 phase: simultaneous close
`)
	expect(t, "done", r.done, `c1 10.0.0.1:40000 TIME-WAIT/TIME-WAIT SF ShAFfa simultaneous close`)
}

func TestSimultaneousOpen(t *testing.T) {
	// Crossing SYNs, then crossing SYN-ACKs (RFC 9293 §3.5, Figure 8).
	r := replay(t, Config{}, []segment.Segment{
		pkt(0, "c>s", "S", 1000, 0, 0),
		pkt(1, "s>c", "S", 5000, 0, 0),
		pkt(2, "c>s", "S.", 1000, 5001, 0),
		pkt(3, "s>c", "S.", 5000, 1001, 0),
		pkt(4, "c>s", ".", 1001, 5001, 0),
	}...)
	expect(t, "transitions", r.lines, `
#1 c1 client CLOSED>SYN-SENT: sent SYN
#2 c1 server UNKNOWN>SYN-SENT: sent SYN
#3 c1 client SYN-SENT>SYN-RECEIVED: rcvd SYN: simultaneous open
#4 c1 server SYN-SENT>SYN-RECEIVED: rcvd SYN: simultaneous open
#5 c1 client SYN-RECEIVED>ESTABLISHED: rcvd SYN-ACK: simultaneous open
#5 c1 server SYN-RECEIVED>ESTABLISHED: rcvd SYN-ACK: simultaneous open
#5 c1 phase: handshake complete, simultaneous open
`)
	if r.conns[1] != [2]State{Established, Established} {
		t.Errorf("final states %v; want both ESTABLISHED", r.conns[1])
	}
}

func TestRefused(t *testing.T) {
	r := replay(t, Config{}, []segment.Segment{
		pkt(0, "c>s", "S", 1000, 0, 0),
		pkt(1, "s>c", "R.", 0, 1001, 0),
	}...)
	expect(t, "transitions", r.lines, `
#1 c1 client CLOSED>SYN-SENT: sent SYN
#2 c1 server UNKNOWN>CLOSED: sent RST
#2 c1 client SYN-SENT>CLOSED: rcvd RST
#2 c1 phase: refused
`)
	expect(t, "done", r.done, `c1 10.0.0.1:40000 CLOSED/CLOSED REJ Sr refused`)
}

func TestUnansweredSYNRetransmitted(t *testing.T) {
	r := replay(t, Config{}, []segment.Segment{
		pkt(0, "c>s", "S", 1000, 0, 0),
		pkt(1000, "c>s", "S", 1000, 0, 0),
		pkt(3000, "c>s", "S", 1000, 0, 0),
	}...)
	expect(t, "transitions", r.lines, `#1 c1 client CLOSED>SYN-SENT: sent SYN`)
	expect(t, "done", r.done, `c1 10.0.0.1:40000 SYN-SENT/UNKNOWN S0 S unanswered`)
}

func TestSYNAndSYNACKRetransmissions(t *testing.T) {
	// The first SYN-ACK is lost after the capture point: the client
	// retransmits its SYN, so it cannot have been ESTABLISHED yet.
	r := replay(t, Config{}, []segment.Segment{
		pkt(0, "c>s", "S", 1000, 0, 0),
		pkt(1000, "c>s", "S", 1000, 0, 0),
		pkt(1001, "s>c", "S.", 5000, 1001, 0),
		pkt(2000, "c>s", "S", 1000, 0, 0),
		pkt(2001, "s>c", "S.", 5000, 1001, 0),
		pkt(2002, "c>s", ".", 1001, 5001, 0),
	}...)
	expect(t, "transitions", r.lines, `
#1 c1 client CLOSED>SYN-SENT: sent SYN
#3 c1 server LISTEN>SYN-RECEIVED: rcvd SYN
#6 c1 client SYN-SENT>ESTABLISHED: rcvd SYN-ACK
#6 c1 server SYN-RECEIVED>ESTABLISHED: rcvd ACK of SYN
#6 c1 phase: handshake complete
`)
	if len(r.done) != 1 {
		t.Errorf("retransmissions made %d connections; want 1", len(r.done))
	}
}

func TestSYNWithData(t *testing.T) {
	// TCP Fast Open: the SYN carries 100 bytes, the SYN-ACK acks them.
	r := replay(t, Config{}, []segment.Segment{
		pkt(0, "c>s", "S", 1000, 0, 100),
		pkt(1, "s>c", "S.", 5000, 1101, 0),
		pkt(2, "c>s", ".", 1101, 5001, 0),
	}...)
	if r.conns[1] != [2]State{Established, Established} {
		t.Errorf("final states %v; want both ESTABLISHED", r.conns[1])
	}
	expect(t, "done", r.done, `c1 10.0.0.1:40000 ESTABLISHED/ESTABLISHED S1 ShA open`)
}

func TestHalfClose(t *testing.T) {
	// The client shuts down its sending side; the server goes on sending
	// data, which is legal, then closes.
	r := replay(t, Config{}, cat(handshake(), []segment.Segment{
		pkt(5, "c>s", "F.", 1001, 5001, 0),
		pkt(6, "s>c", ".", 5001, 1002, 0),
		pkt(7, "s>c", "P.", 5001, 1002, 500),
		pkt(8, "c>s", ".", 1002, 5501, 0),
		pkt(9, "s>c", "P.", 5501, 1002, 500),
		pkt(10, "c>s", ".", 1002, 6001, 0),
		pkt(11, "s>c", "F.", 6001, 1002, 0),
		pkt(12, "c>s", ".", 1002, 6002, 0),
	})...)
	expect(t, "transitions", r.lines[5:], `
#4 c1 client ESTABLISHED>FIN-WAIT-1: sent FIN
#5 c1 server ESTABLISHED>CLOSE-WAIT: rcvd FIN
#5 c1 client FIN-WAIT-1>FIN-WAIT-2: rcvd ACK of FIN
#10 c1 server CLOSE-WAIT>LAST-ACK: sent FIN
#11 c1 client FIN-WAIT-2>TIME-WAIT: rcvd FIN
#11 c1 server LAST-ACK>CLOSED: rcvd ACK of FIN
#11 c1 phase: client-initiated close
`)
}

func TestFINRetransmission(t *testing.T) {
	// The first FIN is lost: the retransmission is the same FIN, and the
	// server's state changes once, when it acknowledges it.
	r := replay(t, Config{}, cat(handshake(), []segment.Segment{
		pkt(5, "c>s", "F.", 1001, 5001, 0),
		pkt(300, "c>s", "F.", 1001, 5001, 0),
		pkt(301, "s>c", ".", 5001, 1002, 0),
	})...)
	expect(t, "transitions", r.lines[5:], `
#4 c1 client ESTABLISHED>FIN-WAIT-1: sent FIN
#6 c1 server ESTABLISHED>CLOSE-WAIT: rcvd FIN
#6 c1 client FIN-WAIT-1>FIN-WAIT-2: rcvd ACK of FIN
`)
	expect(t, "done", r.done, `c1 10.0.0.1:40000 FIN-WAIT-2/CLOSE-WAIT S2 ShAFa closing, initiated by client`)
}

func TestFinalACKNeverSeen(t *testing.T) {
	// The client's last ACK never shows: the server stays in LAST-ACK and
	// retransmits its FIN; the client's TIME-WAIT is presumed at the end.
	r := replay(t, Config{}, cat(handshake(), []segment.Segment{
		pkt(5, "c>s", "F.", 1001, 5001, 0),
		pkt(6, "s>c", ".", 5001, 1002, 0),
		pkt(7, "s>c", "F.", 5001, 1002, 0),
		pkt(300, "s>c", "F.", 5001, 1002, 0),
	})...)
	expect(t, "transitions", r.lines[8:], `
#6 c1 server CLOSE-WAIT>LAST-ACK: sent FIN
#6 c1 client FIN-WAIT-2>TIME-WAIT: rcvd FIN [inferred]
`)
	if r.conns[1] != [2]State{TimeWait, LastAck} {
		t.Errorf("final states %v; want TIME-WAIT/LAST-ACK", r.conns[1])
	}
}
