package tracker

import (
	"fmt"
	"hash/maphash"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// strayRecorder is a recorder that also hears stray segments.
type strayRecorder struct {
	recorder
	strays []string
}

func (r *strayRecorder) Stray(s *Stray) {
	ack := ""
	if s.Flags&segment.ACK != 0 {
		ack = fmt.Sprintf(" ack %d", s.Ack)
	}
	r.strays = append(r.strays, fmt.Sprintf("#%d c%d %s %s>%s [%s] seq %d%s: %s after %v", s.Pkt, s.Conn, s.Side.Role(), s.Src, s.Dst, s.Flags, s.Seq, ack, s.Kind, s.After))
}

func replayStrays(t *testing.T, cfg Config, segs ...segment.Segment) (*strayRecorder, Stats) {
	t.Helper()
	r := &strayRecorder{}
	tr := New(cfg, r)
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
		tr.Handle(&segs[i])
	}
	tr.Flush()
	return r, tr.Stats()
}

// TestStrays: segments on the 4-tuple of a connection that closed and left
// the table attach to it within Config.TimeWait of its close, and open no
// connection; past the bound, and for a new SYN, a new connection starts
// as before.
func TestStrays(t *testing.T) {
	// The server aborts at 10 ms: both CLOSED, removed 5 s later.
	abort := func() []segment.Segment {
		return cat(handshake(), []segment.Segment{pkt(10, "s>c", "R.", 5001, 1001, 0)})
	}
	// A client-first close at 10–12 ms; with TimeWait 4 s the client's
	// TIME-WAIT ends at 4.012 s, the connection leaves the table at 5.012 s.
	closed := func() []segment.Segment {
		return cat(handshake(), []segment.Segment{
			pkt(10, "c>s", "F.", 1001, 5001, 0),
			pkt(11, "s>c", "F.", 5001, 1002, 0),
			pkt(12, "c>s", ".", 1002, 5002, 0),
		})
	}
	tests := []struct {
		name   string
		cfg    Config
		segs   []segment.Segment
		conns  uint64
		strays string
		done   string
	}{
		{
			name:   "late RST within the bound",
			segs:   cat(abort(), []segment.Segment{pkt(7000, "c>s", "R", 1001, 0, 0)}),
			conns:  1,
			strays: "#5 c1 client 10.0.0.1:40000>10.0.0.2:80 [R] seq 1: late RST after 6.99s",
			done:   "c1 10.0.0.1:40000 CLOSED/CLOSED RSTR ShAr aborted by server RST",
		},
		{
			name:   "late ACK within the bound is no probe",
			segs:   cat(abort(), []segment.Segment{pkt(7000, "c>s", ".", 1001, 5001, 0)}),
			conns:  1,
			strays: "#5 c1 client 10.0.0.1:40000>10.0.0.2:80 [.] seq 1 ack 1: late ACK after 6.99s",
			done:   "c1 10.0.0.1:40000 CLOSED/CLOSED RSTR ShAr aborted by server RST",
		},
		{
			name:  "late RST after the bound opens a connection as before",
			segs:  cat(abort(), []segment.Segment{pkt(70000, "c>s", "R", 1001, 0, 0)}),
			conns: 2,
			done: `c1 10.0.0.1:40000 CLOSED/CLOSED RSTR ShAr aborted by server RST
c2 10.0.0.1:40000 CLOSED/CLOSED OTH R aborted by client RST`,
		},
		{
			name:   "FIN retransmitted after TIME-WAIT ended",
			cfg:    Config{TimeWait: 4e9},
			segs:   cat(closed(), []segment.Segment{pkt(6000, "s>c", "F.", 5001, 1002, 0)}),
			conns:  1,
			strays: "#7 c1 server 10.0.0.2:80>10.0.0.1:40000 [F.] seq 1 ack 2: FIN retransmission after 1.988s",
			done:   "c1 10.0.0.1:40000 CLOSED/CLOSED SF ShAFf closed by client",
		},
		{
			name:  "a new SYN is port reuse",
			segs:  cat(abort(), []segment.Segment{pkt(7000, "c>s", "S", 9000, 0, 0)}),
			conns: 2,
			done: `c1 10.0.0.1:40000 CLOSED/CLOSED RSTR ShAr aborted by server RST
c2 10.0.0.1:40000 SYN-SENT/UNKNOWN S0 S unanswered`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, st := replayStrays(t, tc.cfg, tc.segs...)
			if st.Conns != tc.conns {
				t.Errorf("connections %d; want %d\n%v", st.Conns, tc.conns, r.lines)
			}
			expect(t, "strays", r.strays, tc.strays)
			if want := uint64(len(r.strays)); st.Strays != want {
				t.Errorf("Stats.Strays %d; want %d", st.Strays, want)
			}
			expect(t, "done", r.done, tc.done)
		})
	}
}

// TestStrayRingBounded: the memory of closed connections keeps at most
// maxClosed entries, the oldest overwritten first, and finds every one it
// keeps.
func TestStrayRingBounded(t *testing.T) {
	var cs closedSet
	tb := table{seed: maphash.MakeSeed()}
	c := &Conn{}
	keys := make([]Tuple, maxClosed+10)
	for i := range keys {
		seg := pkt(0, "c>s", "S", 0, 0, 0)
		seg.SrcPort = uint16(i)
		if i >= 65536 {
			seg.Src = seg.Src.Next()
		}
		c.key, _ = tupleOf(&seg)
		c.hash = tb.hash(&c.key)
		c.id = uint64(i + 1)
		keys[i] = c.key
		cs.add(c)
	}
	if cs.n != maxClosed || len(cs.chunks)*closedChunk != maxClosed {
		t.Fatalf("ring %d entries in %d chunks; want %d", cs.n, len(cs.chunks), maxClosed)
	}
	for i, k := range keys {
		r := cs.lookup(&k, tb.hash(&k))
		switch {
		case i < 10 && r != nil:
			t.Fatalf("connection %d survived; the 10 oldest should be gone", i+1)
		case i >= 10 && (r == nil || r.id != uint64(i+1)):
			t.Fatalf("connection %d: found %v", i+1, r)
		}
	}
}
