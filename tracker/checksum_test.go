package tracker

import (
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

func bad(s segment.Segment) segment.Segment { s.BadChecksum = true; return s }

// TestBadChecksum: a segment with a bad checksum, which its receiver
// dropped, changes no state and no sequence analysis; it is noted, counted
// on the connection and in Zeek's history ('C' and 'c', scaled).
func TestBadChecksum(t *testing.T) {
	t.Run("exact RST and FIN with bad checksums", func(t *testing.T) {
		r := replay(t, Config{}, cat(handshake(), []segment.Segment{
			bad(pkt(10, "s>c", "R", 5001, 0, 0)),
			bad(pkt(11, "c>s", "F.", 1001, 5001, 0)),
			pkt(12, "c>s", "P.", 1001, 5001, 10),
		})...)
		expect(t, "events", r.lines, `
#1 c1 client CLOSED>SYN-SENT: sent SYN
#2 c1 server LISTEN>SYN-RECEIVED: rcvd SYN
#3 c1 client SYN-SENT>ESTABLISHED: rcvd SYN-ACK
#3 c1 server SYN-RECEIVED>ESTABLISHED: rcvd ACK of SYN
#3 c1 phase: handshake complete
#4 c1 note: `+badChecksumNote+` (0)
#5 c1 note: `+badChecksumNote+` (0)`)
		expect(t, "done", r.done, "c1 10.0.0.1:40000 ESTABLISHED/ESTABLISHED S1 ShAcCD open")
	})

	t.Run("bad data then its retransmission", func(t *testing.T) {
		var c *Conn
		obs := &connGrab{recorder: &recorder{}, c: &c}
		tr := New(Config{}, obs)
		segs := cat(handshake(), []segment.Segment{
			bad(pkt(10, "c>s", "P.", 1001, 5001, 100)),
			pkt(210, "c>s", "P.", 1001, 5001, 100), // the sender retransmits
			pkt(211, "s>c", ".", 5001, 1101, 0),
		})
		for i := range segs {
			segs[i].Pkt = uint64(i + 1)
			tr.Handle(&segs[i])
			if i == 3 && c.Class() != 0 {
				t.Errorf("bad segment classified %v", c.Class())
			}
		}
		if got := c.Class(); got != 0 {
			t.Errorf("retransmission of a dropped segment classified %v; want new data", got)
		}
		if c.Packets(Orig) != 3 || c.Bytes(Orig) != 100 || c.BadChecksums(Orig) != 1 || c.BadChecksums(Resp) != 0 {
			t.Errorf("client: %d packets, %d bytes, %d bad; want 3, 100, 1", c.Packets(Orig), c.Bytes(Orig), c.BadChecksums(Orig))
		}
		if st := tr.Stats(); st.BadChecksum != 1 || st.BadChecksumNoConn != 0 || st.Segments != 6 {
			t.Errorf("stats %+v", st)
		}
	})

	t.Run("no connection", func(t *testing.T) {
		r := &recorder{}
		tr := New(Config{}, r)
		s := bad(pkt(0, "c>s", "S", 1000, 0, 0))
		tr.Handle(&s)
		tr.Flush()
		if st := tr.Stats(); st.Conns != 0 || st.BadChecksum != 1 || st.BadChecksumNoConn != 1 {
			t.Errorf("stats %+v; want no connection, one bad checksum without one", st)
		}
		if len(r.lines) != 0 || len(r.done) != 0 {
			t.Errorf("observed %q %q", r.lines, r.done)
		}
	})

	t.Run("scaled letters", func(t *testing.T) {
		segs := handshake()
		for i := range 12 {
			segs = append(segs, bad(pkt(10+i, "c>s", ".", 1001, 5001, 0)))
		}
		segs = append(segs, bad(pkt(30, "s>c", ".", 5001, 1001, 0)))
		r := replay(t, Config{}, segs...)
		expect(t, "done", r.done, "c1 10.0.0.1:40000 ESTABLISHED/ESTABLISHED S1 ShACCc open")
	})
}

// connGrab is a recorder that keeps the connection it last saw.
type connGrab struct {
	*recorder
	c **Conn
}

func (g *connGrab) Packet(c *Conn, seg *segment.Segment, side Side, evs []Event) {
	*g.c = c
	g.recorder.Packet(c, seg, side, evs)
}
