package tracker

import (
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// oneSided replays segs and reports the connection's final states and
// its one-sidedness.
func TestOneSided(t *testing.T) {
	tests := []struct {
		name   string
		segs   []segment.Segment
		done   string
		unseen Side
		one    bool
	}{
		{
			// The client's side of a client close: SYN, ACK, data, ACK of
			// the server's data, FIN, ACK of the server's FIN.
			name: "client side only",
			segs: []segment.Segment{
				pkt(0, "c>s", "S", 1000, 0, 0),
				pkt(2, "c>s", ".", 1001, 5001, 0),
				pkt(3, "c>s", "P.", 1001, 5001, 100),
				pkt(5, "c>s", ".", 1101, 5201, 0),
				pkt(10, "c>s", "F.", 1101, 5201, 0),
				pkt(12, "c>s", ".", 1102, 5202, 0),
			},
			done:   "c1 10.0.0.1:40000 TIME-WAIT/CLOSED SH SADF closed by client",
			unseen: Resp, one: true,
		},
		{
			// The server's side of the same: SYN-ACK, ACK of data, data,
			// ACK of the client's FIN, its own FIN.
			name: "server side only",
			segs: []segment.Segment{
				pkt(1, "s>c", "S.", 5000, 1001, 0),
				pkt(4, "s>c", ".", 5001, 1101, 0),
				pkt(4, "s>c", "P.", 5001, 1101, 200),
				pkt(11, "s>c", ".", 5201, 1102, 0),
				pkt(12, "s>c", "F.", 5201, 1102, 0),
			},
			done:   "c1 10.0.0.1:40000 TIME-WAIT/CLOSED SHR ^hadf closed by client",
			unseen: Orig, one: true,
		},
		{
			// The client's side, never answered: a SYN alone is not a
			// one-sided capture.
			name: "unanswered SYN",
			segs: []segment.Segment{pkt(0, "c>s", "S", 1000, 0, 0), pkt(1000, "c>s", "S", 1000, 0, 0)},
			done: "c1 10.0.0.1:40000 SYN-SENT/UNKNOWN S0 S unanswered",
		},
		{
			// The server's SYN-ACK arrives late: the capture only
			// reordered it, so the connection is not one-sided.
			name: "reordered, not one-sided",
			segs: []segment.Segment{
				pkt(0, "c>s", "S", 1000, 0, 0),
				pkt(2, "c>s", ".", 1001, 5001, 0),
				pkt(3, "s>c", "S.", 5000, 1001, 0),
				pkt(4, "s>c", "P.", 5001, 1001, 10),
			},
			done: "c1 10.0.0.1:40000 ESTABLISHED/ESTABLISHED S1 SAhd open",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{}
			tr := New(Config{}, r)
			var unseen Side
			var one bool
			obs := &doneHook{r: r, f: func(c *Conn) { unseen, one = c.OneSided() }}
			tr.obs = obs
			for i := range tt.segs {
				tt.segs[i].Pkt = uint64(i + 1)
				tr.Handle(&tt.segs[i])
			}
			tr.Flush()
			expect(t, "done", r.done, tt.done)
			if one != tt.one || one && unseen != tt.unseen {
				t.Errorf("OneSided() = %v, %v; want %v, %v", unseen, one, tt.unseen, tt.one)
			}
			if st := tr.Stats(); (st.OneSided == 1) != tt.one {
				t.Errorf("Stats.OneSided = %d", st.OneSided)
			}
		})
	}
}

// Every transition a one-sided inference causes is marked inferred.
func TestOneSidedInferred(t *testing.T) {
	r := replay(t, Config{},
		pkt(0, "c>s", "S", 1000, 0, 0),
		pkt(2, "c>s", ".", 1001, 5001, 0),
	)
	expect(t, "transitions", r.lines, `
#1 c1 client CLOSED>SYN-SENT: sent SYN
#2 c1 server LISTEN>SYN-RECEIVED: rcvd SYN [inferred]
#2 c1 client SYN-SENT>ESTABLISHED: rcvd SYN-ACK [inferred]
#2 c1 server SYN-RECEIVED>ESTABLISHED: rcvd ACK of SYN [inferred]
#2 c1 phase: handshake complete`)
}

// doneHook is an Observer that calls f on each connection before the
// recorder hears it is done.
type doneHook struct {
	r *recorder
	f func(*Conn)
}

func (d *doneHook) Packet(c *Conn, seg *segment.Segment, side Side, evs []Event) {
	d.r.Packet(c, seg, side, evs)
}
func (d *doneHook) Events(c *Conn, evs []Event) { d.r.Events(c, evs) }
func (d *doneHook) Done(c *Conn)                { d.f(c); d.r.Done(c) }
