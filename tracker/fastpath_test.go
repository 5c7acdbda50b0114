package tracker

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
)

// TestAckInert proves received's fast path: in a state ackInert accepts,
// no segment without SYN or FIN yields an input that changes the state,
// whatever its facts.
func TestAckInert(t *testing.T) {
	for s := range numStates {
		moved := false
		for f := range facts(1 << 7) {
			if f&(fSYN|fFIN) != 0 {
				continue
			}
			ins, n := receive(s, f)
			for _, in := range ins[:n] {
				if to, _, ok := next(s, in); ok {
					moved = true
					if ackInert(s) {
						t.Errorf("ackInert(%v), but facts %07b give input %d: %v → %v", s, f, in, s, to)
					}
				}
			}
		}
		if !ackInert(s) && !moved {
			t.Errorf("ackInert(%v) is false, but no such segment moves it: the fast path could cover it", s)
		}
	}
}

// pathObserver records everything a Tracker reports, and each
// connection's endpoints after every packet.
type pathObserver struct{ lines []string }

func (o *pathObserver) conn(c *Conn) string {
	return fmt.Sprintf("c%d %v%t/%v%t pkts %d/%d bytes %d/%d in %d/%d %s %s %v", c.ID(),
		c.State(Orig), c.Inferred(Orig), c.State(Resp), c.Inferred(Resp),
		c.Packets(Orig), c.Packets(Resp), c.Bytes(Orig), c.Bytes(Resp),
		c.InFlight(Orig), c.InFlight(Resp), c.History(), c.ConnState(), c.Class())
}

func (o *pathObserver) events(evs []Event) {
	for _, e := range evs {
		o.lines = append(o.lines, fmt.Sprintf("  %+v", e))
	}
}

func (o *pathObserver) Packet(c *Conn, seg *segment.Segment, side Side, evs []Event) {
	o.lines = append(o.lines, fmt.Sprintf("#%d %v %s", seg.Pkt, side, o.conn(c)))
	o.events(evs)
}

func (o *pathObserver) Events(c *Conn, evs []Event) {
	o.lines = append(o.lines, "events "+o.conn(c))
	o.events(evs)
}

func (o *pathObserver) Done(c *Conn) {
	o.lines = append(o.lines, fmt.Sprintf("done %s %s %s %+v %+v", o.conn(c), c.End(), c.Why(), *c.SeqStats(Orig), *c.SeqStats(Resp)))
}

// bothPaths replays segs with received's fast path on and off, and with
// every lone SYN's connection kept compact (compact.go), and reports where
// they differ.
func bothPaths(t *testing.T, name string, segs []segment.Segment) {
	t.Helper()
	var got [3][]string
	for i, slow := range []bool{false, true, false} {
		o := &pathObserver{}
		tr := New(Config{}, o)
		tr.slowPath = slow
		if i == 2 {
			tr.compactAbove = -1
			tr.recordAbove = -1
		}
		for j := range segs {
			seg := segs[j]
			tr.Handle(&seg)
		}
		tr.Flush()
		got[i] = o.lines
	}
	for j, other := range []string{"slow path", "compact"} {
		if slices.Equal(got[0], got[j+1]) {
			continue
		}
		for i := range min(len(got[0]), len(got[j+1])) {
			if got[0][i] != got[j+1][i] {
				t.Fatalf("%s: fast path and %s differ at line %d:\nfast: %s\n%s: %s", name, other, i, got[0][i], other, got[j+1][i])
			}
		}
		t.Fatalf("%s: fast path gave %d lines, %s %d", name, len(got[0]), other, len(got[j+1]))
	}
}

// TestFastPathSameEvents replays the bundled traces and random streams of
// connections (handshakes, data both ways with loss, reordering and
// retransmission, FINs and RSTs at random, wild numbers now and then)
// with received's fast path on and off: every event, state and counter
// must be the same.
func TestFastPathSameEvents(t *testing.T) {
	files, err := filepath.Glob("../testdata/pcaps/*.pcap*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bundled traces: %v", err)
	}
	for _, name := range files {
		f, err := capture.OpenFile(name, nil) // it opens name itself
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var segs []segment.Segment
		rd := capture.NewReader(f)
		var seg segment.Segment
		for rd.Next(&seg) == nil {
			s := seg
			s.Payload = nil
			segs = append(segs, s)
		}
		f.Close()
		bothPaths(t, filepath.Base(name), segs)
	}
	rng := rand.New(rand.NewPCG(3, 9))
	for i := range 3000 {
		bothPaths(t, fmt.Sprintf("random stream %d", i), randomConn(rng))
	}
}

// randomConn makes the segments of one or two connections on a 4-tuple:
// mostly in-order data and ACKs, with every kind of trouble mixed in.
func randomConn(rng *rand.Rand) []segment.Segment {
	now := t0
	var (
		nxt  [2]seqnum.Value // next sequence number each side sends
		segs []segment.Segment
	)
	nxt[0], nxt[1] = seqnum.Value(rng.Uint32()), seqnum.Value(rng.Uint32())
	add := func(dir int, flags segment.Flags, seq, ack seqnum.Value, n int) {
		src, dst := cli, srv
		if dir == 1 {
			src, dst = srv, cli
		}
		now = now.Add(time.Duration(rng.IntN(50_000)) * time.Microsecond)
		if rng.IntN(200) == 0 {
			now = now.Add(time.Duration(rng.IntN(90)) * time.Second) // timers
		}
		segs = append(segs, segment.Segment{
			Time: now, Pkt: uint64(len(segs) + 1),
			Src: src.Addr(), Dst: dst.Addr(), SrcPort: src.Port(), DstPort: dst.Port(),
			Seq: seq, Ack: ack, Flags: flags, PayloadLen: n, Window: uint16(1 + rng.IntN(65535)),
		})
	}
	const (
		S, A, F, R, P = segment.SYN, segment.ACK, segment.FIN, segment.RST, segment.PSH
	)
	if rng.IntN(8) != 0 { // else: picked up mid-stream
		add(0, S, nxt[0], 0, 0)
		if rng.IntN(10) == 0 {
			add(0, S, nxt[0], 0, 0)
		}
		nxt[0]++
		if rng.IntN(10) != 0 {
			add(1, S|A, nxt[1], nxt[0], 0)
			nxt[1]++
			if rng.IntN(10) != 0 {
				add(0, A, nxt[0], nxt[1], 0)
			}
		}
	}
	steps := rng.IntN(60)
	for range steps {
		d := rng.IntN(2)
		ack := nxt[1-d]
		if rng.IntN(6) == 0 {
			ack -= seqnum.Value(rng.IntN(3000)) // an older ACK
		}
		n := 0
		if rng.IntN(3) != 0 {
			n = 1 + rng.IntN(1460)
		}
		seq := nxt[d]
		switch k := rng.IntN(100); {
		case k < 6: // a retransmission
			seq -= seqnum.Value(rng.IntN(3000))
		case k < 9: // a gap: lost before the capture
			seq += seqnum.Value(rng.IntN(3000))
		case k < 11: // wild numbers
			seq, ack = seqnum.Value(rng.Uint32()), seqnum.Value(rng.Uint32())
		}
		flags := A
		if n > 0 && rng.IntN(2) == 0 {
			flags |= P
		}
		switch k := rng.IntN(100); {
		case k < 5:
			flags |= F
		case k < 7:
			flags = R | A
		case k < 8:
			flags = R
		case k < 9:
			flags = S // port reuse, or a stray SYN
		}
		add(d, flags, seq, ack, n)
		if flags&R != 0 {
			continue
		}
		end := seq.Add(seqnum.Size(n))
		if flags&(S|F) != 0 {
			end++
		}
		if nxt[d].LessThan(end) {
			nxt[d] = end
		}
	}
	if rng.IntN(4) == 0 { // reordering: swap two neighbours
		if i := rng.IntN(len(segs) + 1); i+1 < len(segs) {
			segs[i], segs[i+1] = segs[i+1], segs[i]
			segs[i].Time, segs[i+1].Time = segs[i+1].Time, segs[i].Time
		}
	}
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
	}
	return segs
}

// TestStampOrder checks that stamps order instants as time.Time does,
// before 1970, on the second and within it included.
func TestStampOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	times := []time.Time{{}, time.Unix(0, 0), time.Unix(-1, 999_999_999), time.Unix(1, 0), t0, t0.Add(1), t0.Add(-1)}
	for range 2000 {
		times = append(times, time.Unix(rng.Int64N(1<<40)-1<<39, rng.Int64N(1e9)), t0.Add(time.Duration(rng.IntN(2000))))
	}
	for _, a := range times {
		for _, b := range times[:50] {
			if got, want := stampOf(a).before(stampOf(b)), a.Before(b); got != want {
				t.Fatalf("stampOf(%v).before(stampOf(%v)) = %v, want %v", a, b, got, want)
			}
			if got, want := stampOf(a) == stampOf(b), a.Equal(b); got != want {
				t.Fatalf("stampOf(%v) == stampOf(%v) is %v, want %v", a, b, got, want)
			}
		}
	}
}
