package tracker

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"reflect"
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
	total, server, client, _ := c.HandshakeRTT()
	syn, synAck := c.HandshakeRetransmits()
	o.lines = append(o.lines, fmt.Sprintf("aux %d uid %q first %v #%d last %v since %v %v rtt %v %v %v rexmit %d %d cookie %t ipbytes %d %d zeek %d %d ws %d %d",
		c.Aux(o.key), c.uid[:], c.First(), c.FirstPkt(), c.Last(), c.Since(Orig), c.Since(Resp), total, server, client,
		syn, synAck, c.SynCookie(), c.IPBytes(Orig), c.IPBytes(Resp), c.ZeekBytes(Orig), c.ZeekBytes(Resp), c.WindowScale(Orig), c.WindowScale(Resp)))
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
			tr.recordAbove = -1
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
	sl, q := unsafe.Sizeof(slot{}), unsafe.Sizeof(recQEnt{})
	for _, r := range []struct {
		what        string
		rec, budget uintptr
	}{
		{"a lone SYN", unsafe.Sizeof(rec1{}), 176},
		{"an answered SYN or a handshake", unsafe.Sizeof(rec2{}), 192},
		{"a longer record", unsafe.Sizeof(rec3{}), 224},
		{"a SYN-ACK retransmitted five times", unsafe.Sizeof(rec4{}), 288},
	} {
		if sum := r.rec + 2*sl + q; sum > r.budget {
			t.Errorf("%s takes %d bytes compact (record %d, 2 slots of %d, queue entry %d): budget %d", r.what, sum, r.rec, sl, q, r.budget)
		}
	}
	if n := unsafe.Sizeof(timer{}); n > 40 {
		t.Errorf("a timer takes %d bytes, want at most 40", n)
	}
}

// TestCompactFloodAllocs: a SYN flood at the table's bound, once warm,
// allocates nothing per SYN: each SYN evicts the oldest connection
// (expanded from its record into a Conn from the free list), and its own
// connection goes compact 50 ms later, its record and its Conn reused.
// The same with every SYN answered by a SYN-ACK (an answered flood), and
// with the client's ACK too (idle handshakes).
func TestCompactFloodAllocs(t *testing.T) {
	for segs := 1; segs <= 3; segs++ {
		tr := New(Config{MaxConns: 1 << 14}, probeCounter{n: new(int)})
		tr.compactAbove = 1 << 10
		tr.recordAbove = 1 << 10
		seg := segment.Segment{Src: netip.MustParseAddr("10.0.0.0"), Dst: srv.Addr(), DstPort: 80, Flags: segment.SYN, Window: 1024, IPLen: 40}
		var sa, ack segment.Segment // not per call: the test must not allocate
		i := 0
		conn := func() {
			i++
			seg.Src = netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)})
			seg.SrcPort = uint16(1024 + i%60000)
			seg.Seq = seqnum.Value(i) * 2654435761
			seg.Time = t0.Add(time.Duration(i) * 10 * time.Microsecond)
			seg.Pkt = uint64(3 * i)
			tr.Handle(&seg)
			if segs >= 2 {
				sa = synAck(seg)
				sa.Time, sa.Pkt = seg.Time.Add(3*time.Microsecond), seg.Pkt+1
				tr.Handle(&sa)
				if segs == 3 {
					ack = seg
					ack.Time, ack.Pkt, ack.Flags, ack.Seq, ack.Ack = seg.Time.Add(6*time.Microsecond), seg.Pkt+2, segment.ACK, seg.Seq+1, sa.Seq+1
					tr.Handle(&ack)
				}
			}
		}
		for range 1 << 16 {
			conn()
		}
		if tr.syns.live < 1<<13 || tr.Stats().Evicted == 0 || tr.compactMade[segs] == 0 {
			t.Fatalf("%d segments: not at the bound: %d compact, made %v, stats %+v", segs, tr.syns.live, tr.compactMade, tr.Stats())
		}
		if allocs := testing.AllocsPerRun(10000, conn); allocs > 0.01 {
			t.Errorf("%d segments: %v allocations per connection", segs, allocs)
		}
	}
}

// handshakeStorm makes a capture of many connections that get further
// than a SYN: most are answered by a SYN-ACK (options varying, or none),
// many get the client's ACK, and then go quiet, or later get data, a RST,
// a FIN, SYN-ACK or SYN retransmissions, a duplicate ACK, an ICMP error, a
// segment with a bad checksum; IPv6 now and then, and the clock steps back
// now and then.
func handshakeStorm(rng *rand.Rand, n int) []segment.Segment {
	var segs []segment.Segment
	now := t0
	srv4, srv6 := netip.MustParseAddr("192.0.2.80"), netip.MustParseAddr("2001:db8::80")
	for i := range n {
		now = now.Add(time.Duration(rng.IntN(2000)) * time.Microsecond)
		if rng.IntN(50) == 0 {
			now = now.Add(-time.Duration(rng.IntN(20)) * time.Millisecond)
		}
		cli, srv := netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}), srv4
		if rng.IntN(10) == 0 {
			a := srv6.As16()
			a[15], a[14] = byte(i), byte(i>>8)
			cli, srv = netip.AddrFrom16(a), srv6
		}
		opts := rng.IntN(2) == 0
		cport := uint16(1024 + rng.IntN(60000))
		isn, sisn := seqnum.Value(rng.Uint32()), seqnum.Value(rng.Uint32())
		tsc, tss := rng.Uint32(), rng.Uint32()
		mk := func(d time.Duration, fromCli bool, flags segment.Flags, seq, ack seqnum.Value, payload int) segment.Segment {
			s := segment.Segment{Time: now.Add(d), Src: cli, Dst: srv, SrcPort: cport, DstPort: 80,
				Seq: seq, Ack: ack, Flags: flags, Window: uint16(502 + rng.IntN(3)), IPLen: 52 + payload, PayloadLen: payload}
			if !fromCli {
				s.Src, s.Dst, s.SrcPort, s.DstPort = srv, cli, 80, cport
			}
			if opts {
				s.Opts.HasTS, s.Opts.TSVal, s.Opts.TSEcr = true, tsc+uint32(d/time.Millisecond), tss
				if !fromCli {
					s.Opts.TSVal, s.Opts.TSEcr = tss+uint32(d/time.Millisecond), tsc
				}
			}
			return s
		}
		syn := mk(0, true, segment.SYN, isn, 0, 0)
		syn.Window, syn.IPLen = 64240, 60
		if opts {
			syn.Opts = segment.Options{MSS: 1460, WScale: 7, HasWScale: true, SACKPermitted: true, HasTS: true, TSVal: tsc}
		}
		segs = append(segs, syn)
		if rng.IntN(10) == 0 {
			continue // a lone SYN
		}
		rtt := time.Duration(10+rng.IntN(30000)) * time.Microsecond
		sa := mk(rtt, false, segment.SYN|segment.ACK, sisn, isn+1, 0)
		sa.Window, sa.IPLen = 65160, 60
		if opts {
			sa.Opts = segment.Options{MSS: 1460, WScale: 7, HasWScale: true, SACKPermitted: true, HasTS: true, TSVal: tss, TSEcr: tsc}
		}
		segs = append(segs, sa)
		acked := rng.IntN(3) > 0
		if acked {
			segs = append(segs, mk(rtt+time.Duration(10+rng.IntN(20000))*time.Microsecond, true, segment.ACK, isn+1, sisn+1, 0))
		}
		d := time.Duration(rng.IntN(3000)) * time.Millisecond
		switch rng.IntN(10) {
		case 1:
			segs = append(segs, mk(d+rtt, true, segment.ACK|segment.PSH, isn+1, sisn+1, 100),
				mk(d+2*rtt, false, segment.ACK, sisn+1, isn+101, 0))
		case 2:
			segs = append(segs, mk(d+rtt, true, segment.RST, isn+1, 0, 0))
		case 3:
			segs = append(segs, mk(d+rtt, true, segment.FIN|segment.ACK, isn+1, sisn+1, 0),
				mk(d+2*rtt, false, segment.FIN|segment.ACK, sisn+1, isn+2, 0))
		case 4:
			if !acked { // Linux's SYN-ACK retransmissions, the timestamps moving on
				for k, at := range []int{1, 3, 7, 15, 31} {
					if k == 2 && rng.IntN(2) == 0 {
						break
					}
					r := sa
					r.Time = sa.Time.Add(time.Duration(at) * time.Second)
					if opts {
						r.Opts.TSVal += uint32(at * 1000)
					}
					segs = append(segs, r)
				}
			}
		case 5:
			s := syn
			s.Time = now.Add(d)
			s.Kind = segment.ICMPError
			s.ICMP = segment.ICMP{From: netip.MustParseAddr("192.0.2.1"), Type: 3, Code: 1, Proto: segment.ProtoTCP}
			segs = append(segs, s)
		case 6:
			s := mk(d+rtt, true, segment.ACK, isn+1, sisn+1, 0)
			s.BadChecksum = true
			segs = append(segs, s)
		case 7:
			segs = append(segs, mk(d+rtt, true, segment.ACK, isn+1, sisn+1, 0))
		case 8:
			r := syn
			r.Time = syn.Time.Add(time.Second)
			segs = append(segs, r)
		}
	}
	slices.SortStableFunc(segs, func(a, b segment.Segment) int { return a.Time.Compare(b.Time) })
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
	}
	return segs
}

// sharedLog is a Shared that answers as one tracker would (it keeps the
// tracker's own state) and writes down every call: a replay must not
// tell it anything again.
type sharedLog struct {
	servers map[netip.AddrPort]bool
	rtt     time.Duration
	lines   *[]string
}

func (s *sharedLog) SawServer(c *Conn, ap netip.AddrPort) {
	*s.lines = append(*s.lines, fmt.Sprintf("server c%d %v", c.ID(), ap))
	s.servers[ap] = true
}

func (s *sharedLog) IsServer(c *Conn, ap netip.AddrPort) bool { return s.servers[ap] }

func (s *sharedLog) SawRTT(c *Conn, rtt time.Duration) {
	*s.lines = append(*s.lines, fmt.Sprintf("rtt c%d %v", c.ID(), rtt))
	s.rtt = max(s.rtt, rtt)
}

func (s *sharedLog) PathRTT(c *Conn) time.Duration { return s.rtt }

// TestCompactAnsweredSameEvents replays storms of answered and idle
// handshakes with compaction on and off: every callback, state, counter,
// observer word, UID and call to Config.Shared must be the same, through
// timers (the queues of both kinds of deadline, and the heap), eviction,
// connections woken by data, RSTs, FINs, retransmissions, ICMP errors and
// bad checksums, and the end of the input. Connections of 2 and 3
// segments (and, retransmitted SYN-ACKs, more) must have been compact.
func TestCompactAnsweredSameEvents(t *testing.T) {
	for i, cfg := range []Config{
		{},
		{MaxConns: 300},
		{IdleTimeout: 2 * time.Second},
		{IdleTimeout: 2 * time.Second, MaxConns: 100},
		{IdleTimeout: 60 * time.Millisecond},
		{Shared: &sharedLog{}},
		{IdleTimeout: 100 * time.Second}, // two queues: 70 s and 100 s after the latest segment
	} {
		rng := rand.New(rand.NewPCG(uint64(i), 13))
		segs := handshakeStorm(rng, 6000)
		// One more connection, ten minutes on: every timer fires first, in
		// order, the queues' and the heap's interleaved.
		last := segs[len(segs)-1]
		last.Time, last.Pkt, last.SrcPort, last.Kind, last.BadChecksum = last.Time.Add(10*time.Minute), last.Pkt+1, 1, segment.TCP, false
		last.Flags, last.PayloadLen, last.IPLen = segment.SYN, 0, 40
		segs = append(segs, last)
		var got [2][]string
		var made [maxRecSegs + 1]uint64
		for j := range got {
			o := &auxObserver{key: compactAux}
			c := cfg
			c.KeepConns = j == 1
			if cfg.Shared != nil {
				c.Shared = &sharedLog{servers: map[netip.AddrPort]bool{}, lines: &o.lines}
			}
			tr := New(c, o)
			tr.compactAbove = -1
			tr.recordAbove = -1
			for k := range segs {
				seg := segs[k]
				if k == len(segs)-1 && j == 0 {
					// The queues keep nearly every compact timer: the young go
					// compact in the order of their latest segments.
					onHeap := 0
					for _, tm := range tr.timers {
						if tm.c == nil {
							onHeap++
						}
					}
					if onHeap*20 > tr.syns.live {
						t.Errorf("config %d: %d of %d compact connections' timers on the heap", i, onHeap, tr.syns.live)
					}
				}
				tr.Handle(&seg)
			}
			if j == 0 {
				made = tr.compactMade
				if tr.compactMiss > 0 {
					t.Errorf("config %d: %d connections could not be compact (replay differed)", i, tr.compactMiss)
				}
			}
			tr.Flush()
			if tr.syns.live != 0 || tr.conns.n != 0 || len(tr.young) != 0 {
				t.Fatalf("config %d: after Flush, %d compact, %d young and %d connections left", i, tr.syns.live, len(tr.young), tr.conns.n)
			}
			got[j] = append(o.lines, fmt.Sprintf("stats %+v", tr.Stats()))
		}
		t.Logf("config %d: records made by segments: %v", i, made)
		if made[2] == 0 || made[3] == 0 || cfg.MaxConns == 0 && cfg.IdleTimeout == 0 && (made[4] == 0 || made[7] == 0) {
			t.Errorf("config %d: records made by segments %v: want 2 and 3 (and 4 to 7: retransmitted SYN-ACKs)", i, made)
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

// TestCompactRecordRoundTrip: segments encoded into a record come back
// field for field (those the record keeps), whatever their options and
// sequence numbers.
func TestCompactRecordRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for range 2000 {
		segs := handshakeStorm(rng, 1)
		key, _ := tupleOf(&segs[0])
		var e recEnc
		var b []byte
		n := 0
		for k := range segs {
			s := &segs[k]
			if s.Kind != segment.TCP || s.BadChecksum || !recordable(s, segs[0].Time.UnixNano(), segs[0].Pkt) {
				continue
			}
			_, srcFirst := tupleOf(s)
			b = e.encode(b, s, srcFirst, n == 0, segs[0].Time.UnixNano(), segs[0].Pkt)
			segs[n] = *s
			n++
		}
		d := recDec{b: b, key: &key, ns0: segs[0].Time.UnixNano(), pkt0: segs[0].Pkt}
		for k := range n {
			var got segment.Segment
			d.decode(&got)
			want := segs[k]
			want.Time = want.Time.UTC()
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("segment %d of %d: got\n%+v\nwant\n%+v", k, n, got, want)
			}
		}
		if len(d.b) != 0 {
			t.Fatalf("%d bytes left over", len(d.b))
		}
	}
}
