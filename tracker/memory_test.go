package tracker

import (
	"net/netip"
	"runtime"
	"testing"
	"time"
	"unsafe"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/internal/testenv"
	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
)

// TestConnSize pins the size of the hot connection record, so the cold
// parts (reassembly.Detail, the in-flight block, connRare) do not creep
// back into it. Change the number only on purpose.
func TestConnSize(t *testing.T) {
	const want = 720
	if n := unsafe.Sizeof(Conn{}); n != want {
		t.Errorf("a Conn takes %d bytes, want %d (endpoint %d, reassembly.Dir %d)",
			n, want, unsafe.Sizeof(endpoint{}), unsafe.Sizeof(reassembly.Dir{}))
	}
}

// connKinds are the shapes of connection TestMemoryPerConn holds at once:
// each sends its segments 10 µs apart, connections 10 µs apart, on 4-tuples
// of their own.
var connKinds = []struct {
	name   string
	budget float64 // heap bytes per connection
	segs   func(syn segment.Segment) []segment.Segment
}{
	// A lone SYN in a large table: kept compact (compact.go).
	{"syn", 280, func(syn segment.Segment) []segment.Segment { return []segment.Segment{syn} }},
	// SYN, SYN-ACK: an answered half-open connection (SYN-RECEIVED), its
	// SYN-ACK in flight to the client: kept compact too.
	{"syn,syn-ack", 300, func(syn segment.Segment) []segment.Segment {
		return []segment.Segment{syn, synAck(syn)}
	}},
	// SYN, SYN-ACK, ACK: a handshake, then idle: kept compact too.
	{"handshake", 300, func(syn segment.Segment) []segment.Segment {
		sa := synAck(syn)
		ack := syn
		ack.Time, ack.Flags, ack.Seq, ack.Ack = sa.Time.Add(10*time.Microsecond), segment.ACK, syn.Seq+1, sa.Seq+1
		return []segment.Segment{syn, sa, ack}
	}},
	// A handshake and 100 bytes each way: both directions take a
	// reassembly.Detail.
	{"handshake+data", 1900, func(syn segment.Segment) []segment.Segment {
		sa := synAck(syn)
		ack := syn
		ack.Time, ack.Flags, ack.Seq, ack.Ack = sa.Time.Add(10*time.Microsecond), segment.ACK, syn.Seq+1, sa.Seq+1
		req := ack
		req.Time, req.Flags, req.PayloadLen = ack.Time.Add(10*time.Microsecond), segment.ACK|segment.PSH, 100
		resp := sa
		resp.Time, resp.Flags, resp.Seq, resp.Ack, resp.PayloadLen = req.Time.Add(10*time.Microsecond), segment.ACK|segment.PSH, sa.Seq+1, syn.Seq+101, 100
		return []segment.Segment{syn, sa, ack, req, resp}
	}},
}

func synAck(syn segment.Segment) segment.Segment {
	s := syn
	s.Time = syn.Time.Add(10 * time.Microsecond)
	s.Src, s.Dst, s.SrcPort, s.DstPort = syn.Dst, syn.Src, syn.DstPort, syn.SrcPort
	s.Flags, s.Seq, s.Ack = segment.SYN|segment.ACK, syn.Seq^0x5a5a5a5a, syn.Seq+1
	return s
}

// TestMemoryPerConn measures the heap each kind of connection takes while
// held (no timeout, no eviction): the growth from n/10 to n connections,
// table slots, timers and pools included, divided by the connections
// added. Issue 12 asks for 256 bytes of peak RSS for a half-open or idle
// connection (cmd/flowtrace's TestMemoryPerAnswered); the budgets pin the
// heap's share.
func TestMemoryPerConn(t *testing.T) {
	testenv.Short(t, "holds 200 000 connections per kind")
	const n = 200_000
	for _, k := range connKinds {
		heap := func(conns int) (uint64, *Tracker) {
			tr := New(Config{MaxConns: 2 * n}, nop{})
			// Answered and idle connections are recorded from 65,536 held
			// (defaultRecordAbove); from 8,192 here, so that the growth
			// from n/10 measures the records, not full Conns below it.
			tr.recordAbove = defaultCompactAbove
			for i := range conns {
				syn := segment.Segment{
					Time: t0.Add(time.Duration(i) * 10 * time.Microsecond), Pkt: uint64(i),
					Src: netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}), Dst: srv.Addr(),
					SrcPort: uint16(1024 + i%60000), DstPort: 80, Flags: segment.SYN,
					Seq: seqnum.Value(uint32(i) * 2654435761), Window: 64240, IPLen: 40,
				}
				for _, s := range k.segs(syn) {
					s.Pkt = uint64(i)
					tr.Handle(&s)
				}
			}
			tr.Advance(t0.Add(time.Duration(conns)*10*time.Microsecond + time.Second)) // compact the quiet ones
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			return m.HeapAlloc, tr
		}
		small, tr1 := heap(n / 10)
		big, tr2 := heap(n)
		per := (float64(big) - float64(small)) / (n - n/10)
		t.Logf("%-15s %4.0f bytes per connection (%d held)", k.name, per, tr2.Stats().Active)
		if tr1.Stats().Active != n/10 || tr2.Stats().Active != n {
			t.Fatalf("%s: %d and %d connections held, want %d and %d", k.name, tr1.Stats().Active, tr2.Stats().Active, n/10, n)
		}
		if per > k.budget {
			t.Errorf("%s: %.0f bytes per connection, budget %.0f", k.name, per, k.budget)
		}
		runtime.KeepAlive(tr1)
		runtime.KeepAlive(tr2)
	}
}
