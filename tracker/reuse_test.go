package tracker

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// TestTwJudge is the TIME-WAIT endpoint's verdict on a new SYN for its
// 4-tuple, from facts (RFC 9293 §3.6.1, RFC 6191, Linux
// tcp_timewait_state_process).
func TestTwJudge(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    twFacts
		want int
	}{
		{"seq after RCV.NXT", twFacts{known: true, after: true}, twAcceptSeq},
		{"seq not after, no timestamps", twFacts{known: true}, twRefusedSeq},
		{"seq not after, TSval newer", twFacts{known: true, ts: true, tsNewer: true}, twAcceptTS},
		{"seq not after, TSval equal", twFacts{known: true, ts: true}, twRefusedSeq},
		{"seq after, TSval older: PAWS first", twFacts{known: true, after: true, ts: true, tsOlder: true}, twRefusedPAWS},
		{"seq not after, TSval older", twFacts{known: true, ts: true, tsOlder: true}, twRefusedPAWS},
		{"RCV.NXT unknown, no timestamps", twFacts{}, twUnknown},
		{"RCV.NXT unknown, TSval newer", twFacts{ts: true, tsNewer: true}, twAcceptTS},
		{"RCV.NXT unknown, TSval older", twFacts{ts: true, tsOlder: true}, twRefusedPAWS},
	} {
		if got := twJudge(tc.f); got != tc.want {
			t.Errorf("%s: twJudge = %d; want %d", tc.name, got, tc.want)
		}
		if refusedSYN(tc.want) != (tc.want == twRefusedSeq || tc.want == twRefusedPAWS) {
			t.Errorf("%s: refusedSYN wrong", tc.name)
		}
	}
}

// ts gives a segment TCP timestamps.
func ts(s segment.Segment, val, ecr uint32) segment.Segment {
	s.Opts.HasTS, s.Opts.TSVal, s.Opts.TSEcr = true, val, ecr
	return s
}

// serverClosesFirst is a handshake and a close the server starts
// (packets 1–6): the server ends in TIME-WAIT with RCV.NXT 1002, the
// client CLOSED. With tsOn, every segment carries timestamps (the
// client's last TSval is 104).
func serverClosesFirst(tsOn bool) []segment.Segment {
	segs := cat(handshake(), []segment.Segment{
		pkt(5, "s>c", "F.", 5001, 1001, 0),
		pkt(6, "c>s", "F.", 1001, 5002, 0),
		pkt(7, "s>c", ".", 5002, 1002, 0),
	})
	if tsOn {
		for i := range segs {
			if strings.HasPrefix(segs[i].Src.String(), "10.0.0.1") {
				segs[i] = ts(segs[i], 100+uint32(i), 700+uint32(i))
			} else {
				segs[i] = ts(segs[i], 700+uint32(i), 100+uint32(i))
			}
		}
	}
	return segs
}

// TestPrematureReuse replays SYNs on a 4-tuple whose server is in
// TIME-WAIT: accepted by sequence number or by timestamp (port reuse, a
// new connection), refused (an old duplicate: a Note on the old
// connection, which stays in TIME-WAIT), refused then answered with a RST
// and retransmitted (the new connection opens), refused by PAWS.
func TestPrematureReuse(t *testing.T) {
	const (
		refused  = "note: " + ReasonReuseRefused
		paws     = "note: " + ReasonReuseRefusedPAWS
		reused   = "#7 c1 server TIME-WAIT>CLOSED: TIME-WAIT ended by new SYN: port reuse"
		newSYN   = "#7 c2 client CLOSED>SYN-SENT: sent SYN"
		twACK    = 5002 // the TIME-WAIT endpoint's answer: seq 5002 ack 1002
		rcvNxt   = 1002
		below    = 900
		above    = 90000
		forged   = "#0 c1 note: " + ReasonReuseForged + " (0)"
		rexmit   = "note: " + ReasonReuseRetransmitted + " (0)"
		answered = "note: " + ReasonReuseAnsweredRST + " (0)"
	)
	for _, tc := range []struct {
		name  string
		tsOn  bool
		after []segment.Segment
		lines string // from packet 7 on
		done  string
	}{
		{
			name:  "accepted by seq",
			after: []segment.Segment{pkt(500, "c>s", "S", above, 0, 0), pkt(501, "s>c", "S.", 7000, above+1, 0), pkt(502, "c>s", ".", above+1, 7001, 0)},
			lines: reused + "\n" + newSYN + `
#8 c2 server LISTEN>SYN-RECEIVED: rcvd SYN
#9 c2 client SYN-SENT>ESTABLISHED: rcvd SYN-ACK
#9 c2 server SYN-RECEIVED>ESTABLISHED: rcvd ACK of SYN
#9 c2 phase: handshake complete`,
			done: `
c1 10.0.0.1:40000 CLOSED/CLOSED SF ShAfFa closed by server
c2 10.0.0.1:40000 ESTABLISHED/ESTABLISHED S1 ShA open`,
		},
		{
			name:  "accepted by timestamp",
			tsOn:  true,
			after: []segment.Segment{ts(pkt(500, "c>s", "S", below, 0, 0), 200, 0)},
			lines: reused + "\n" + newSYN,
			done: `
c1 10.0.0.1:40000 CLOSED/CLOSED SF ShAfFa closed by server
c2 10.0.0.1:40000 SYN-SENT/UNKNOWN S0 S unanswered`,
		},
		{
			name:  "refused, never followed up: forged",
			after: []segment.Segment{pkt(500, "c>s", "S", below, 0, 0), pkt(501, "s>c", ".", twACK, rcvNxt, 0), other(3000)},
			lines: "#7 c1 " + refused + " (-102)\n" + `#9 c2 client CLOSED>SYN-SENT: sent SYN
` + forged,
			done: `
c1 10.0.0.1:40000 CLOSED/TIME-WAIT SF ShAfFa closed by server
c2 10.0.0.1:50000 SYN-SENT/UNKNOWN S0 S unanswered`,
		},
		{
			name:  "refused, the input ends before a retransmission was due",
			after: []segment.Segment{pkt(500, "c>s", "S", below, 0, 0), pkt(501, "s>c", ".", twACK, rcvNxt, 0)},
			lines: "#7 c1 " + refused + " (-102)",
			done: `
c1 10.0.0.1:40000 CLOSED/TIME-WAIT SF ShAfFa closed by server`,
		},
		{
			name: "refused, RST, retransmitted SYN opens the new connection",
			after: []segment.Segment{
				pkt(500, "c>s", "S", below, 0, 0), pkt(501, "s>c", ".", twACK, rcvNxt, 0), pkt(502, "c>s", "R", rcvNxt, 0, 0),
				pkt(1500, "c>s", "S", below, 0, 0), pkt(1501, "s>c", "S.", 7000, below+1, 0), pkt(1502, "c>s", ".", below+1, 7001, 0),
			},
			lines: "#7 c1 " + refused + ` (-102)
#9 c1 ` + answered + `
#9 c1 server TIME-WAIT>CLOSED: rcvd RST
#9 c1 note: RST ends TIME-WAIT after the close (Linux with net.ipv4.tcp_rfc1337=0; RFC 1337 TIME-WAIT assassination) (0)
#10 c1 ` + rexmit + `
#10 c2 client CLOSED>SYN-SENT: sent SYN
#11 c2 server LISTEN>SYN-RECEIVED: rcvd SYN
#12 c2 client SYN-SENT>ESTABLISHED: rcvd SYN-ACK
#12 c2 server SYN-RECEIVED>ESTABLISHED: rcvd ACK of SYN
#12 c2 phase: handshake complete`,
			done: `
c1 10.0.0.1:40000 CLOSED/CLOSED SF ShAfFaR closed by server
c2 10.0.0.1:40000 ESTABLISHED/ESTABLISHED S1 ShA open`,
		},
		{
			name: "refused, retransmitted while TIME-WAIT lasts",
			after: []segment.Segment{
				pkt(500, "c>s", "S", below, 0, 0), pkt(501, "s>c", ".", twACK, rcvNxt, 0),
				pkt(1500, "c>s", "S", below, 0, 0), pkt(1501, "s>c", ".", twACK, rcvNxt, 0), other(5000),
			},
			lines: "#7 c1 " + refused + " (-102)\n#9 c1 " + refused + " (-102)\n#9 c1 " + rexmit + "\n#11 c2 client CLOSED>SYN-SENT: sent SYN",
			done: `
c1 10.0.0.1:40000 CLOSED/TIME-WAIT SF ShAfFa closed by server
c2 10.0.0.1:50000 SYN-SENT/UNKNOWN S0 S unanswered`,
		},
		{
			name:  "PAWS-rejected although its seq is above RCV.NXT",
			tsOn:  true,
			after: []segment.Segment{ts(pkt(500, "c>s", "S", above, 0, 0), 50, 0), ts(pkt(501, "s>c", ".", twACK, rcvNxt, 0), 800, 104)},
			lines: "#7 c1 " + paws + " (88998)",
			done: `
c1 10.0.0.1:40000 CLOSED/TIME-WAIT SF ShAfFa closed by server`,
		},
		{
			name:  "equal TSval, seq below: refused",
			tsOn:  true,
			after: []segment.Segment{ts(pkt(500, "c>s", "S", below, 0, 0), 104, 0)},
			lines: "#7 c1 " + refused + " (-102)",
			done: `
c1 10.0.0.1:40000 CLOSED/TIME-WAIT SF ShAfFa closed by server`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := replay(t, Config{}, append(serverClosesFirst(tc.tsOn), tc.after...)...)
			var got []string
			for _, l := range r.lines {
				var n int
				if _, err := fmt.Sscanf(l, "#%d ", &n); err == nil && (n == 0 || n >= 7) {
					got = append(got, l)
				}
			}
			expect(t, "events", got, tc.lines)
			expect(t, "done", r.done, tc.done)
		})
	}
}

// reuseWatcher is what a premature-reuse detector sees: the Packet call
// of a refused SYN carries the old connection and the SYN itself.
type reuseWatcher struct {
	recorder
	refused  []string
	followUp []string
}

func (w *reuseWatcher) Packet(c *Conn, seg *segment.Segment, side Side, evs []Event) {
	for i := range evs {
		if evs[i].RefusedReuse() {
			w.refused = append(w.refused, fmt.Sprintf("c%d %s #%d seq %d refused %d", c.ID(), c.UID(), seg.Pkt, seg.Seq, c.RefusedSYNs()))
		}
		if evs[i].ReuseFollowUp() {
			w.followUp = append(w.followUp, fmt.Sprintf("c%d #%d %s", c.ID(), seg.Pkt, evs[i].Reason))
		}
	}
}

func (w *reuseWatcher) Events(c *Conn, evs []Event) {
	for i := range evs {
		if evs[i].ReuseFollowUp() {
			w.followUp = append(w.followUp, fmt.Sprintf("c%d #%d %s", c.ID(), evs[i].Pkt, evs[i].Reason))
		}
	}
}

// TestRefusedReuseObservable checks the exported way to see a refused
// SYN: Event.RefusedReuse on the old connection's Packet call (its UID,
// the SYN), Conn.RefusedSYNs, Stats.ReuseRefused, and the follow-up
// Notes through Event.ReuseFollowUp.
func TestRefusedReuseObservable(t *testing.T) {
	w := &reuseWatcher{}
	tr := New(Config{}, w)
	segs := append(serverClosesFirst(false),
		pkt(500, "c>s", "S", 900, 0, 0), pkt(501, "s>c", ".", 5002, 1002, 0),
		pkt(1500, "c>s", "S", 900, 0, 0), pkt(1501, "s>c", ".", 5002, 1002, 0))
	var uid UID
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
		tr.Handle(&segs[i])
		if i == 0 {
			tr.conns.each(func(c *Conn) { uid = c.UID() })
		}
	}
	tr.Flush()
	expect(t, "refused", w.refused, fmt.Sprintf("c1 %s #7 seq 900 refused 1\nc1 %s #9 seq 900 refused 2", uid, uid))
	expect(t, "follow-ups", w.followUp, "c1 #9 "+ReasonReuseRetransmitted)
	if st := tr.Stats(); st.ReuseRefused != 2 || st.Conns != 1 || st.Reused != 0 {
		t.Errorf("stats %+v; want 2 refused SYNs, 1 connection, no reuse", st)
	}
	n := Event{Kind: Phase, Reason: ReasonReuseRefused}
	if n.RefusedReuse() || n.ReuseFollowUp() {
		t.Error("a Phase with a refusal's text is not a refusal Note")
	}
}
