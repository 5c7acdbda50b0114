package tracker

import (
	"encoding/binary"
	"net/netip"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
)

// countingObserver checks invariants on every callback.
type countingObserver struct {
	t    *testing.T
	done map[uint64]bool
}

func (o *countingObserver) check(c *Conn, evs []Event) {
	for _, e := range evs {
		if e.Kind == Transition && (e.To >= numStates || e.From >= numStates || e.From == e.To) {
			o.t.Fatalf("bad transition %+v", e)
		}
	}
	if o.done[c.ID()] {
		o.t.Fatalf("event for c%d after Done", c.ID())
	}
}

func (o *countingObserver) Packet(c *Conn, _ *segment.Segment, _ Side, evs []Event) { o.check(c, evs) }
func (o *countingObserver) Events(c *Conn, evs []Event)                             { o.check(c, evs) }
func (o *countingObserver) Done(c *Conn) {
	if o.done[c.ID()] {
		o.t.Fatalf("c%d done twice", c.ID())
	}
	o.done[c.ID()] = true
}

// FuzzTracker feeds arbitrary segment sequences between a few endpoints:
// whatever the flags, numbers and timing, the tracker must not panic,
// must report each connection done exactly once, and must keep its table
// within bounds.
func FuzzTracker(f *testing.F) {
	// Seeds: 13-byte records (dir+port, flags, seq, ack, len, dt).
	f.Add([]byte{0, 0x02, 0, 0, 3, 0xe8, 0, 0, 0, 0, 0, 0, 1, 1, 0x12, 0, 0, 0x13, 0x88, 0, 0, 3, 0xe9, 0, 1})
	f.Add([]byte{0, 0x11, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 1, 0x04, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 200})
	// A SYN and an ICMP admin prohibited for it; a UDP datagram and a port
	// unreachable for it.
	f.Add([]byte{0, 0x02, 0, 0, 3, 0xe8, 0, 0, 0, 0, 0, 0, 1, 0x60, 0x02, 0, 0, 3, 0xe8, 0, 0, 0, 0, 3, 26, 1,
		0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 6, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		obs := &countingObserver{t: t, done: map[uint64]bool{}}
		tr := New(Config{MaxConns: 8, TimeWait: time.Second, IdleTimeout: 5 * time.Second}, obs)
		created := 0
		for _, seg := range fuzzSegments(data) {
			tr.Handle(&seg)
			if n := tr.Stats().Active; n > 8 {
				t.Fatalf("table holds %d connections; limit 8", n)
			}
			created = int(tr.Stats().Conns)
		}
		tr.Flush()
		if len(obs.done) != created {
			t.Fatalf("%d connections created, %d done", created, len(obs.done))
		}
	})
}

// fuzzSegments decodes 13-byte records (dir+port, flags, seq, ack, len,
// window, dt) into segments between a few endpoints.
func fuzzSegments(data []byte) []segment.Segment {
	addrs := [2]netip.Addr{netip.MustParseAddr("10.0.0.1"), netip.MustParseAddr("10.0.0.2")}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var segs []segment.Segment
	for i := 0; len(data) >= 13; i++ {
		r := data[:13]
		data = data[13:]
		dir := int(r[0] & 1)
		port := uint16(40000 + int(r[0]>>1)%4)
		seg := segment.Segment{
			Time: now, Pkt: uint64(i + 1),
			Src: addrs[dir], Dst: addrs[1-dir],
			Flags:      segment.Flags(r[1]),
			Seq:        seqnum.Value(binary.BigEndian.Uint32(r[2:])),
			Ack:        seqnum.Value(binary.BigEndian.Uint32(r[6:])),
			PayloadLen: int(r[10]) * 16,
			Window:     uint16(r[11]) << 4,
		}
		if r[1]&0x40 != 0 {
			seg.Opts.HasWScale, seg.Opts.WScale = true, r[11]
			seg.Opts.HasTS, seg.Opts.TSVal = true, uint32(r[2])
		}
		seg.SrcPort, seg.DstPort = port, 80
		if dir == 1 {
			seg.SrcPort, seg.DstPort = 80, port
		}
		switch r[0] >> 5 & 3 { // datagrams (udp.go, icmp.go)
		case 2:
			seg.Kind, seg.Flags, seg.Seq, seg.Ack = segment.UDP, 0, 0, 0
		case 3:
			// An ICMP error quoting the tuple in this direction, from the
			// destination or a third address.
			seg.Kind, seg.PayloadLen = segment.ICMPError, 0
			from := seg.Dst
			if r[10]&1 != 0 {
				from = netip.MustParseAddr("10.0.0.254")
			}
			seg.ICMP = segment.ICMP{From: from, Type: 3 + 8*(r[11]&1), Code: r[11] >> 1 & 15, Proto: segment.ProtoTCP, HasFlags: r[10]&2 != 0}
			if r[10]&4 != 0 {
				seg.ICMP.Proto, seg.ICMP.HasFlags, seg.Seq, seg.Flags = segment.ProtoUDP, false, 0, 0
			}
		}
		now = now.Add(time.Duration(r[12]) * 50 * time.Millisecond)
		segs = append(segs, seg)
	}
	return segs
}
