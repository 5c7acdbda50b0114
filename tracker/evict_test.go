package tracker

import (
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// onPort moves segments to client port p.
func onPort(p uint16, segs ...segment.Segment) []segment.Segment {
	for i := range segs {
		if segs[i].Src == cli.Addr() && segs[i].SrcPort == cli.Port() {
			segs[i].SrcPort = p
		} else {
			segs[i].DstPort = p
		}
	}
	return segs
}

// TestEvictOrder: with the table full, a new connection evicts the one
// nearest its deadline: a closed connection lingering, then a half-open
// one (70 s after its SYN), then the open connection idle longest (5 min
// after its latest segment), each counted by kind.
func TestEvictOrder(t *testing.T) {
	segs := cat(
		onPort(1001, pkt(0, "c>s", "S", 1000, 0, 0), pkt(1, "s>c", "S.", 5000, 1001, 0),
			pkt(2, "c>s", ".", 1001, 5001, 0), pkt(3, "c>s", "P.", 1001, 5001, 10)), // c1: open, idle
		onPort(1002, pkt(10, "c>s", "S", 1000, 0, 0)),                                   // c2: half-open
		onPort(1003, pkt(20, "c>s", "S", 1000, 0, 0), pkt(21, "s>c", "R.", 0, 1001, 0)), // c3: refused
		onPort(1004, pkt(30, "c>s", "S", 1000, 0, 0), pkt(31, "s>c", "S.", 5000, 1001, 0),
			pkt(32, "c>s", ".", 1001, 5001, 0)), // c4: open, newer
		onPort(2001, pkt(1000, "c>s", "S", 1000, 0, 0)), // evicts c3
		onPort(2002, pkt(2000, "c>s", "S", 1000, 0, 0)), // evicts c2
		onPort(2003, pkt(3000, "c>s", "S", 1000, 0, 0)), // evicts c5 (2001), half-open too
	)
	r := &recorder{}
	tr := New(Config{MaxConns: 4}, r)
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
		tr.Handle(&segs[i])
	}
	st := tr.Stats()
	expect(t, "evicted", r.done, `
c3 10.0.0.1:1003 CLOSED/CLOSED REJ Sr refused (evicted (table full))
c2 10.0.0.1:1002 CLOSED/UNKNOWN S0 S unanswered (evicted (table full))
c5 10.0.0.1:2001 CLOSED/UNKNOWN S0 S unanswered (evicted (table full))`)
	if st.Evicted != 3 || st.EvictedClosing != 1 || st.EvictedHalfOpen != 2 || st.EvictedIdle != 0 {
		t.Errorf("stats: %+v", st)
	}
	// Two more handshakes evict the two half-open connections left; then
	// only open connections are left, and the one idle longest goes.
	var more []segment.Segment
	for i, p := range []uint16{2004, 2005} {
		ms := 4000 + 1000*i
		more = append(more, onPort(p, pkt(ms, "c>s", "S", 1000, 0, 0), pkt(ms+1, "s>c", "S.", 5000, 1001, 0), pkt(ms+2, "c>s", ".", 1001, 5001, 0))...)
	}
	more = append(more, onPort(2006, pkt(6000, "c>s", "S", 1000, 0, 0))...)
	for i := range more {
		more[i].Pkt = uint64(len(segs) + i + 1)
		tr.Handle(&more[i])
	}
	expect(t, "evicted", r.done[3:], `
c6 10.0.0.1:2002 CLOSED/UNKNOWN S0 S unanswered (evicted (table full))
c7 10.0.0.1:2003 CLOSED/UNKNOWN S0 S unanswered (evicted (table full))
c1 10.0.0.1:1001 ESTABLISHED/ESTABLISHED S1 ShAD open (evicted (table full))`)
	if st = tr.Stats(); st.Evicted != 6 || st.EvictedHalfOpen != 4 || st.EvictedIdle != 1 || st.EvictedClosing != 1 {
		t.Errorf("stats: %+v", st)
	}
}
