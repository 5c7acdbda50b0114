//go:build linux && cgo

package capture

import (
	"errors"
	"github.com/flowtrace/flowtrace/internal/testenv"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// TestRingProgram: libpcap's accepting returns are cut to the snaplen, no
// filter accepts everything cut to it, and on loopback outgoing frames
// are dropped first.
func TestRingProgram(t *testing.T) {
	prog := []bpfInsn{
		{Code: bpfLD | bpfH | bpfABS, K: 12},
		{Code: bpfJMP | bpfJEQ | bpfK, Jt: 0, Jf: 1, K: 0x800},
		{Code: bpfRET | bpfK, K: MaxSnaplen},
		{Code: bpfRET | bpfK, K: 0},
	}
	got := ringProgram(prog, 256, false)
	if len(got) != 4 || got[2].K != 256 || got[3].K != 0 || got[0].K != 12 || got[1].Jf != 1 {
		t.Errorf("filter: %+v", got)
	}
	if got := ringProgram(nil, 96, false); len(got) != 1 || got[0].Op != bpfRET|bpfK || got[0].K != 96 {
		t.Errorf("no filter: %+v", got)
	}
	got = ringProgram(prog, 256, true)
	if len(got) != 7 || got[0].K != skfAdPkttype || got[1].K != 4 || got[2].Op != bpfRET|bpfK || got[2].K != 0 || got[5].K != 256 {
		t.Errorf("loopback: %+v", got)
	}
}

func TestRingGeometry(t *testing.T) {
	for _, tt := range []struct{ size, block, blocks int }{
		{0, 256 << 10, 64},
		{2 << 20, 64 << 10, 32},
		{100 << 10, 64 << 10, 2},
		{64 << 20, 1 << 20, 64},
		{1 << 30, 1 << 20, 1024},
	} {
		if b, n := ringGeometry(tt.size); b != tt.block || n != tt.blocks {
			t.Errorf("ringGeometry(%d) = %d × %d; want %d × %d", tt.size, n, b, tt.blocks, tt.block)
		}
	}
}

// TestRingLoopback captures one connection on lo through the ring and
// through libpcap: the same segments, each once (the kernel shows
// loopback frames twice, outgoing and incoming), only those the filter
// keeps, and the ring's statistics count them. Root only.
func TestRingLoopback(t *testing.T) {
	testenv.NeedRoot(t)
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	opts := DefaultLiveOptions()
	opts.Filter = "tcp port " + strconv.Itoa(port)
	ring, err := OpenLive("lo", opts)
	if err != nil {
		t.Fatal(err)
	}
	defer ring.Close()
	if len(ring.rings) != 1 {
		t.Fatalf("lo is captured through %s, not the ring", ring.Path())
	}
	opts.Libpcap = true
	lp, err := OpenLive("lo", opts)
	if err != nil {
		t.Fatal(err)
	}
	defer lp.Close()

	// Noise the filter must drop: another listener's connection.
	other, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for _, l := range []net.Listener{ln, other} {
		go func() {
			if c, err := l.Accept(); err == nil {
				io.Copy(io.Discard, c)
				c.Close()
			}
		}()
		c, err := net.Dial("tcp4", l.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		c.Write([]byte("hello"))
		c.Close()
	}
	time.Sleep(100 * time.Millisecond)

	read := func(l *Live) []segment.Segment {
		var segs []segment.Segment
		rd := NewReader(&untilQuiet{l})
		for {
			var s segment.Segment
			if err := rd.Next(&s); err != nil {
				if err != io.EOF {
					t.Fatalf("%s: %v", l.Path(), err)
				}
				return segs
			}
			segs = append(segs, s)
		}
	}
	rs, ps := read(ring), read(lp)
	syns := 0
	for _, s := range rs {
		if int(s.SrcPort) != port && int(s.DstPort) != port {
			t.Errorf("ring: segment %d > %d passed the filter for port %d", s.SrcPort, s.DstPort, port)
		}
		if s.Flags&segment.SYN != 0 && s.Flags&segment.ACK == 0 {
			syns++
		}
	}
	if syns != 1 || len(rs) < 6 {
		t.Errorf("ring: %d segments, %d SYNs; want at least 6, one SYN (each frame once)", len(rs), syns)
	}
	if len(rs) != len(ps) {
		t.Errorf("ring: %d segments; libpcap: %d", len(rs), len(ps))
	}
	for i := range min(len(rs), len(ps)) {
		// Each socket stamps a frame as it delivers it: the times differ
		// by microseconds.
		dt := rs[i].Time.Sub(ps[i].Time).Abs()
		if rs[i].Seq != ps[i].Seq || rs[i].Flags != ps[i].Flags || rs[i].SrcPort != ps[i].SrcPort || dt > time.Millisecond {
			t.Errorf("segment %d: ring %+v; libpcap %+v", i, rs[i], ps[i])
		}
	}
	st, err := ring.Stats()
	if err != nil || st.Received != uint64(len(rs)) || st.KernelDropped != 0 {
		t.Errorf("ring stats %+v, %v; want %d received, none dropped", st, err, len(rs))
	}
}

// untilQuiet ends a live capture at its first read timeout.
type untilQuiet struct{ l *Live }

func (u *untilQuiet) ReadFrame() ([]byte, FrameInfo, LinkType, error) {
	data, ci, link, err := u.l.ReadFrame()
	if errors.Is(err, ErrTimeout) {
		err = io.EOF
	}
	return data, ci, link, err
}
func (u *untilQuiet) Close() error { return nil }

// TestRingNoAllocs: reading a frame from the ring allocates nothing.
// Root only.
func TestRingNoAllocs(t *testing.T) {
	testenv.NeedRoot(t)
	pc, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	opts := DefaultLiveOptions()
	opts.Filter = "udp port " + strconv.Itoa(pc.LocalAddr().(*net.UDPAddr).Port)
	l, err := OpenLive("lo", opts)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	const n = 300
	for range n {
		if _, err := pc.WriteTo([]byte("x"), pc.LocalAddr()); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(50 * time.Millisecond)
	read := 0
	allocs := testing.AllocsPerRun(n-50, func() {
		if _, _, _, err := l.ReadFrame(); err == nil {
			read++
		}
	})
	if read < n-50 {
		t.Fatalf("read %d frames of %d", read, n)
	}
	if allocs != 0 {
		t.Errorf("%.2f allocations per frame; want 0", allocs)
	}
}

// TestRingFanout opens two rings in one fanout group on lo and makes 24
// connections: every frame is in one ring, and both directions of each
// connection in the same one (the kernel's hash is symmetric), with the
// connections spread over both. Root only.
func TestRingFanout(t *testing.T) {
	testenv.NeedRoot(t)
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	opts := DefaultLiveOptions()
	opts.Filter = "tcp port " + strconv.Itoa(port)
	opts.Rings = 2
	l, err := OpenLive("lo", opts)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if p := l.Path(); !strings.HasPrefix(p, "2 AF_PACKET TPACKET_V3 rings (fanout group ") || !strings.HasSuffix(p, ", hash)") {
		t.Fatalf("path %q", p)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { io.Copy(io.Discard, c); c.Close() }()
		}
	}()
	const conns = 24
	for range conns {
		c, err := net.Dial("tcp4", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		c.Write([]byte("hello"))
		c.Close()
	}
	time.Sleep(100 * time.Millisecond)

	// The client's port, by ring, and in which direction.
	type dir struct {
		ring   int
		toSrv  bool
		client uint16
	}
	var seen []dir
	for k, g := range l.Rings() {
		rd := NewReader(&ringUntilQuiet{g})
		var s segment.Segment
		for rd.Next(&s) == nil {
			d := dir{ring: k, toSrv: int(s.DstPort) == port, client: s.SrcPort}
			if !d.toSrv {
				d.client = s.DstPort
			}
			seen = append(seen, d)
		}
	}
	ringOf := map[uint16]int{}
	both := map[uint16][2]bool{}
	perRing := [2]int{}
	for _, d := range seen {
		if r, ok := ringOf[d.client]; ok && r != d.ring {
			t.Errorf("connection from port %d in rings %d and %d", d.client, r, d.ring)
		}
		if _, ok := ringOf[d.client]; !ok {
			perRing[d.ring]++
		}
		ringOf[d.client] = d.ring
		b := both[d.client]
		if d.toSrv {
			b[0] = true
		} else {
			b[1] = true
		}
		both[d.client] = b
	}
	if len(ringOf) != conns {
		t.Errorf("%d connections seen, want %d", len(ringOf), conns)
	}
	for c, b := range both {
		if !b[0] || !b[1] {
			t.Errorf("connection from port %d: one direction only (%v)", c, b)
		}
	}
	if perRing[0] == 0 || perRing[1] == 0 {
		t.Errorf("connections per ring %v: the hash does not spread them", perRing)
	}
	st, err := l.Stats()
	if err != nil || st.Received != uint64(len(seen)) || st.KernelDropped != 0 {
		t.Errorf("stats %+v, %v; want %d received, none dropped", st, err, len(seen))
	}
	t.Logf("%d frames, connections per ring %v", len(seen), perRing)
}

// TestRingDrops fills two tiny rings that nobody reads: the kernel's
// drops are counted per ring, and Stats sums them. Root only.
func TestRingDrops(t *testing.T) {
	testenv.NeedRoot(t)
	pc, err := net.ListenPacket("udp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	opts := DefaultLiveOptions()
	opts.Filter = "udp port " + strconv.Itoa(pc.LocalAddr().(*net.UDPAddr).Port)
	opts.Rings = 2
	opts.BufferSize = 256 << 10 // per ring: 2 blocks of 64 KiB, 32 frames of 4 KiB
	l, err := OpenLive("lo", opts)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	// From 16 source ports: flows for both rings.
	for range 16 {
		c, err := net.Dial("udp4", pc.LocalAddr().String())
		if err != nil {
			t.Fatal(err)
		}
		for range 100 {
			c.Write([]byte("x"))
		}
		c.Close()
	}
	time.Sleep(50 * time.Millisecond)
	per, err := l.RingStats()
	if err != nil {
		t.Fatal(err)
	}
	st, err := l.Stats()
	if err != nil {
		t.Fatal(err)
	}
	var rcv, drop uint64
	for k, s := range per {
		if s.KernelDropped == 0 {
			t.Errorf("ring %d: %+v; want drops", k, s)
		}
		rcv += s.Received
		drop += s.KernelDropped
	}
	// Stats read the counters again: nothing new came since.
	if st.Received != rcv || st.KernelDropped != drop || rcv != 1600 {
		t.Errorf("stats %+v; rings %+v: want the sums, 1600 received", st, per)
	}
	t.Logf("rings %+v", per)
}

// ringUntilQuiet ends a ring's capture at its first read timeout.
type ringUntilQuiet struct{ g *Ring }

func (u *ringUntilQuiet) ReadFrame() ([]byte, FrameInfo, LinkType, error) {
	data, ci, link, err := u.g.ReadFrame()
	if errors.Is(err, ErrTimeout) {
		err = io.EOF
	}
	return data, ci, link, err
}
func (u *ringUntilQuiet) Close() error { return nil }
