//go:build linux && cgo

package capture

import (
	"errors"
	"github.com/flowtrace/flowtrace/internal/testenv"
	"io"
	"net"
	"strconv"
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
