package tracker

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
)

// auxObserver is a pathObserver that also sets an observer word and the
// UID on some connections, and records both at Done: they must survive a
// stay in compact form.
type auxObserver struct {
	pathObserver
	key AuxKey
}

func (o *auxObserver) Packet(c *Conn, seg *segment.Segment, side Side, evs []Event) {
	o.pathObserver.Packet(c, seg, side, evs)
	if c.Aux(o.key) == 0 && c.ID()%3 == 0 {
		c.SetAux(o.key, uint32(c.ID())*7)
	}
	if c.ID()%5 == 0 {
		c.UID()
	}
}

func (o *auxObserver) Done(c *Conn) {
	o.pathObserver.Done(c)
	o.lines = append(o.lines, fmt.Sprintf("aux %d uid %q", c.Aux(o.key), c.uid[:]))
}

var compactAux = NewAuxKey()

// synStorm makes a capture of many connections that start with a SYN:
// most get no answer, some a SYN retransmission or a new SYN, some a
// handshake and a close, some a RST or an ICMP error; options vary, IPv6
// and tunnels now and then, and the clock steps back now and then.
func synStorm(rng *rand.Rand, n int) []segment.Segment {
	var segs []segment.Segment
	now := t0
	srv4, srv6 := netip.MustParseAddr("192.0.2.80"), netip.MustParseAddr("2001:db8::80")
	for i := range n {
		now = now.Add(time.Duration(rng.IntN(3000)) * time.Microsecond)
		if rng.IntN(50) == 0 {
			now = now.Add(-time.Duration(rng.IntN(20)) * time.Millisecond)
		}
		cli, srv := netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}), srv4
		if rng.IntN(10) == 0 {
			a := srv6.As16()
			a[15] = byte(i)
			a[14] = byte(i >> 8)
			cli, srv = netip.AddrFrom16(a), srv6
		}
		cport := uint16(1024 + rng.IntN(60000))
		isn := seqnum.Value(rng.Uint32())
		syn := segment.Segment{Time: now, Src: cli, Dst: srv, SrcPort: cport, DstPort: 80,
			Seq: isn, Flags: segment.SYN, Window: uint16(rng.IntN(65536)), IPLen: 60}
		if rng.IntN(2) == 0 {
			syn.Opts = segment.Options{MSS: 1460, WScale: uint8(rng.IntN(15)), HasWScale: true,
				SACKPermitted: true, HasTS: true, TSVal: rng.Uint32()}
		}
		if rng.IntN(20) == 0 {
			syn.Tunnel, syn.TunnelKey = 3, 3
		}
		segs = append(segs, syn)
		reply := func(d time.Duration, flags segment.Flags, seq, ack seqnum.Value) {
			s := syn
			s.Time = now.Add(d)
			s.Src, s.Dst, s.SrcPort, s.DstPort = syn.Dst, syn.Src, syn.DstPort, syn.SrcPort
			s.Flags, s.Seq, s.Ack, s.Opts = flags, seq, ack, segment.Options{}
			segs = append(segs, s)
		}
		again := func(d time.Duration, flags segment.Flags, seq, ack seqnum.Value) {
			s := syn
			s.Time = now.Add(d)
			s.Flags, s.Seq, s.Ack = flags, seq, ack
			segs = append(segs, s)
		}
		switch rng.IntN(12) {
		case 0:
			again(time.Second, segment.SYN, isn, 0)
		case 1:
			again(2*time.Second, segment.SYN, isn+99999, 0)
		case 2:
			reply(time.Millisecond, segment.SYN|segment.ACK, 5000, isn+1)
			again(2*time.Millisecond, segment.ACK, isn+1, 5001)
			again(3*time.Millisecond, segment.FIN|segment.ACK, isn+1, 5001)
		case 3:
			reply(time.Millisecond, segment.RST|segment.ACK, 0, isn+1)
		case 4:
			reply(500*time.Millisecond, segment.SYN|segment.ACK, 7000, isn+1)
		case 5:
			s := syn
			s.Time = now.Add(3 * time.Millisecond)
			s.Kind, s.Src = segment.ICMPError, netip.MustParseAddr("192.0.2.1")
			s.Src, s.Dst = syn.Src, syn.Dst
			s.ICMP = segment.ICMP{From: netip.MustParseAddr("192.0.2.1"), Type: 3, Code: 1, Proto: segment.ProtoTCP}
			segs = append(segs, s)
		case 6:
			again(80*time.Second, segment.SYN, isn, 0)
		}
	}
	slices.SortStableFunc(segs, func(a, b segment.Segment) int { return a.Time.Compare(b.Time) })
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
	}
	return segs
}

// TestCompactSameEvents replays SYN storms with every lone SYN's
// connection kept compact and with none: every event, state, counter,
// observer word and UID must be the same, through timers (on the queue
// and, when the clock steps back, the heap), eviction, ICMP errors and the
// end of the input.
func TestCompactSameEvents(t *testing.T) {
	for i, cfg := range []Config{
		{},
		{MaxConns: 300},
		{IdleTimeout: 2 * time.Second},
		{IdleTimeout: 2 * time.Second, MaxConns: 100},
	} {
		rng := rand.New(rand.NewPCG(uint64(i), 12))
		segs := synStorm(rng, 5000)
		var got [2][]string
		for j := range got {
			o := &auxObserver{key: compactAux}
			c := cfg
			c.KeepConns = j == 1
			tr := New(c, o)
			tr.compactAbove = -1
			most := 0
			for k := range segs {
				seg := segs[k]
				tr.Handle(&seg)
				most = max(most, tr.syns.live)
			}
			if j == 0 && (most == 0 || tr.compactMiss > 0) {
				t.Fatalf("config %d: at most %d connections compact at once; %d lone SYNs could not be", i, most, tr.compactMiss)
			}
			if j == 1 && most != 0 {
				t.Fatalf("config %d: KeepConns, yet %d connections were compact", i, most)
			}
			tr.Flush()
			if tr.syns.live != 0 || tr.conns.n != 0 {
				t.Fatalf("config %d: after Flush, %d compact and %d connections left", i, tr.syns.live, tr.conns.n)
			}
			got[j] = append(o.lines, fmt.Sprintf("stats %+v", tr.Stats()))
		}
		if !slices.Equal(got[0], got[1]) {
			for k := range min(len(got[0]), len(got[1])) {
				if got[0][k] != got[1][k] {
					t.Fatalf("config %d: compact and full differ at line %d:\ncompact: %s\nfull:    %s", i, k, strings.Join(got[0][max(0, k-6):k+3], "\n"), strings.Join(got[1][max(0, k-6):k+3], "\n"))
				}
			}
			t.Fatalf("config %d: compact gave %d lines, full %d", i, len(got[0]), len(got[1]))
		}
	}
}

// TestCompactSize keeps the per-connection cost of a lone SYN from
// creeping back: its record, its slot in the table (two slots per
// connection at most) and its queue entry.
func TestCompactSize(t *testing.T) {
	const budget = 176
	rec, sl, q := unsafe.Sizeof(rec1{}), unsafe.Sizeof(slot{}), unsafe.Sizeof(recQEnt{})
	if sum := rec + 2*sl + q; sum > budget {
		t.Errorf("a compact connection takes %d bytes (record %d, 2 slots of %d, queue entry %d): budget %d", sum, rec, sl, q, budget)
	}
	if n := unsafe.Sizeof(timer{}); n > 40 {
		t.Errorf("a timer takes %d bytes, want at most 40", n)
	}
}

// TestCompactFloodAllocs: a SYN flood at the table's bound, once warm,
// allocates nothing per SYN: each SYN evicts the oldest connection
// (expanded from its record into a Conn from the free list), and its own
// connection goes compact 50 ms later, its record and its Conn reused.
func TestCompactFloodAllocs(t *testing.T) {
	tr := New(Config{MaxConns: 1 << 14}, probeCounter{n: new(int)})
	tr.compactAbove = 1 << 10
	seg := segment.Segment{Src: netip.MustParseAddr("10.0.0.0"), Dst: srv.Addr(), DstPort: 80, Flags: segment.SYN, Window: 1024, IPLen: 40}
	i := 0
	syn := func() {
		i++
		seg.Src = netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)})
		seg.SrcPort = uint16(1024 + i%60000)
		seg.Seq = seqnum.Value(i) * 2654435761
		seg.Time = t0.Add(time.Duration(i) * 10 * time.Microsecond)
		seg.Pkt = uint64(i)
		tr.Handle(&seg)
	}
	for range 1 << 16 {
		syn()
	}
	if tr.syns.live < 1<<13 || tr.Stats().Evicted == 0 {
		t.Fatalf("not at the bound: %d compact, stats %+v", tr.syns.live, tr.Stats())
	}
	if allocs := testing.AllocsPerRun(10000, syn); allocs > 0.01 {
		t.Errorf("%v allocations per SYN", allocs)
	}
}
