package shard

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"net/netip"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/internal/benchgen"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// fakeFrame is a frame of a fake ring.
type fakeFrame struct {
	data []byte
	ci   capture.FrameInfo
}

// fakeRing is one ring of a fake fanout group. The rings deliver their
// frames as time goes by: the fake wall clock is the earliest timestamp
// of a frame not yet delivered, and a ring whose next frame is more than
// ahead past it answers a read timeout, as a real ring without a frame
// yet. After its frames, a ring answers read timeouts (a quiet link) or
// err.
type fakeRing struct {
	frames []fakeFrame
	i      int
	err    error
	s      *fakeSched
}

// fakeSched is the rings' shared clock.
type fakeSched struct {
	mu    sync.Mutex
	rings []*fakeRing
	ahead time.Duration // how far a ring may run ahead of the clock
	done  atomic.Int32  // rings that delivered everything
}

// now returns the fake wall clock: the earliest undelivered frame's
// timestamp. Called with mu held.
func (s *fakeSched) now() int64 {
	t := int64(math.MaxInt64)
	for _, r := range s.rings {
		if r.i < len(r.frames) {
			t = min(t, r.frames[r.i].ci.Timestamp.UnixNano())
		}
	}
	return t
}

func (s *fakeSched) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	if t := s.now(); t != math.MaxInt64 {
		return time.Unix(0, t)
	}
	var t time.Time // every frame delivered: the latest
	for _, r := range s.rings {
		if n := len(r.frames); n > 0 && r.frames[n-1].ci.Timestamp.After(t) {
			t = r.frames[n-1].ci.Timestamp
		}
	}
	return t
}

func (r *fakeRing) ReadFrame() ([]byte, capture.FrameInfo, capture.LinkType, error) {
	s := r.s
	s.mu.Lock()
	if r.i == len(r.frames) {
		s.mu.Unlock()
		if r.err != nil {
			return nil, capture.FrameInfo{}, 0, r.err
		}
		time.Sleep(time.Millisecond)
		return nil, capture.FrameInfo{}, 0, capture.ErrTimeout
	}
	f := r.frames[r.i]
	if f.ci.Timestamp.UnixNano() > s.now()+int64(s.ahead) {
		s.mu.Unlock()
		runtime.Gosched()
		return nil, capture.FrameInfo{}, 0, capture.ErrTimeout
	}
	r.i++
	if r.i == len(r.frames) {
		s.done.Add(1)
	}
	s.mu.Unlock()
	return f.data, f.ci, capture.LinkEthernet, nil
}

func (r *fakeRing) Close() error { return nil }

// fanout splits a capture's frames over n fake rings as the kernel's
// symmetric hash would: by route, the frames no Reader decodes on ring 0.
func fanout(t *testing.T, pcap []byte, n int) *fakeSched {
	t.Helper()
	raw, err := capture.OpenFile("-", bytes.NewReader(pcap))
	if err != nil {
		t.Fatal(err)
	}
	var frames []fakeFrame
	for {
		data, ci, _, err := raw.ReadFrame()
		if err != nil {
			break
		}
		frames = append(frames, fakeFrame{bytes.Clone(data), ci})
	}
	owner := make([]int, len(frames))
	f, _ := capture.OpenFile("-", bytes.NewReader(pcap))
	rd := capture.NewReader(f)
	rd.SetDatagrams(true)
	var seg segment.Segment
	for rd.Next(&seg) == nil {
		owner[seg.Pkt-1] = int(route(&seg, uint64(n)))
	}
	s := &fakeSched{rings: make([]*fakeRing, n), ahead: 10 * time.Millisecond}
	for k := range s.rings {
		s.rings[k] = &fakeRing{s: s}
	}
	for i, fr := range frames {
		s.rings[owner[i]].frames = append(s.rings[owner[i]].frames, fr)
	}
	return s
}

// byConn writes down each connection's callbacks, by UID, without the
// numbers that differ between one tracker and workers (connection and
// packet numbers), and the order of the packets' timestamps.
type byConn struct {
	conns  map[string]*strings.Builder
	done   map[string]int
	order  []string
	latest time.Time
	late   time.Duration // the most a packet came after a later one
}

func newByConn() *byConn {
	return &byConn{conns: map[string]*strings.Builder{}, done: map[string]int{}}
}

func (j *byConn) line(c *tracker.Conn, what string, evs []tracker.Event) {
	b := j.conns[c.UID().String()]
	if b == nil {
		b = new(strings.Builder)
		j.conns[c.UID().String()] = b
		j.order = append(j.order, c.UID().String())
	}
	fmt.Fprintf(b, "%s %s/%s %s %d/%d\n", what, c.State(tracker.Orig), c.State(tracker.Resp), c.History(), c.Packets(tracker.Orig), c.Packets(tracker.Resp))
	for _, e := range evs {
		fmt.Fprintf(b, "  %v %v %v %v %s %v\n", e.Kind, e.Side, e.From, e.To, e.Reason, e.Time)
	}
}

func (j *byConn) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	if d := j.latest.Sub(seg.Time); d > j.late {
		j.late = d
	}
	if seg.Time.After(j.latest) {
		j.latest = seg.Time
	}
	j.line(c, fmt.Sprintf("packet %v %s %d %x", side, seg.Flags, seg.PayloadLen, seg.Payload), evs)
}

func (j *byConn) Events(c *tracker.Conn, evs []tracker.Event) { j.line(c, "events", evs) }

func (j *byConn) Done(c *tracker.Conn) {
	j.line(c, "done", nil)
	j.done[c.UID().String()]++
}

func livePcap(t *testing.T, packets int) []byte {
	var buf bytes.Buffer
	// The ordinary mix: no timers that would fire at another packet on
	// a worker than on one tracker (a worker's clock moves with its own
	// packets and the wall clock, not the others').
	if _, err := (benchgen.Config{Packets: packets, Seed: 5}).Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// runLive captures rings on a Live until every ring delivered all.
func runLive(t *testing.T, s *fakeSched, stop func() bool, obs tracker.Observer) (*Live, error) {
	srcs := make([]capture.Source, len(s.rings))
	for k, r := range s.rings {
		srcs[k] = r
	}
	l := NewLive(LiveConfig{
		Reader: func(src capture.Source, _ func() uint64) LiveReader {
			rd := capture.NewReader(src)
			rd.SetDatagrams(true)
			return rd
		},
		ClockLag: 500 * time.Millisecond,
		Settle:   2 * time.Millisecond,
		Now:      s.Now,
	}, obs, srcs)
	err := l.Run(context.Background(), func(time.Time, bool) bool { return stop() })
	l.Flush()
	return l, err
}

// TestLive: a capture on 2 and 3 fake rings reports every connection
// once, each with the callbacks one tracker gives it, the packets in
// timestamp order (within LiveDelay), and the counts add up.
func TestLive(t *testing.T) {
	pcap := livePcap(t, 30000)
	want := newByConn()
	f, _ := capture.OpenFile("-", bytes.NewReader(pcap))
	rd := capture.NewReader(f)
	rd.SetDatagrams(true)
	tr := tracker.New(tracker.Config{}, want)
	var seg segment.Segment
	for rd.Next(&seg) == nil {
		tr.Handle(&seg)
	}
	tr.Flush()
	wst, wcap := tr.Stats(), rd.Stats()
	for _, n := range []int{2, 3} {
		s := fanout(t, pcap, n)
		got := newByConn()
		l, err := runLive(t, s, func() bool { return int(s.done.Load()) == n }, got)
		if err != nil {
			t.Fatalf("%d rings: %v", n, err)
		}
		if len(got.conns) != len(want.conns) {
			t.Errorf("%d rings: %d connections, want %d", n, len(got.conns), len(want.conns))
		}
		for _, uid := range want.order {
			if got.done[uid] != 1 {
				t.Errorf("%d rings: %s reported done %d times", n, uid, got.done[uid])
			}
			if g, w := got.conns[uid], want.conns[uid]; g == nil || g.String() != w.String() {
				s := ""
				if g != nil {
					s = firstDiff(w.String(), g.String())
				}
				t.Fatalf("%d rings: %s: callbacks differ from one tracker's: %s", n, uid, s)
			}
		}
		if got.late > LiveDelay {
			t.Errorf("%d rings: a packet came %v after a later one, more than %v", n, got.late, LiveDelay)
		}
		st, cst := l.Stats(), l.CaptureStats()
		if st.Conns != wst.Conns || st.Segments != wst.Segments {
			t.Errorf("%d rings: %d connections, %d segments; want %d, %d", n, st.Conns, st.Segments, wst.Conns, wst.Segments)
		}
		if cst.Frames != wcap.Frames || cst.TCP != wcap.TCP {
			t.Errorf("%d rings: %d frames, %d TCP; want %d, %d", n, cst.Frames, cst.TCP, wcap.Frames, wcap.TCP)
		}
		t.Logf("%d rings: %d connections, packets at most %v late", n, len(got.conns), got.late)
	}
}

// TestLiveError: a ring failing stops every worker; Run returns its
// error once all they read is reported.
func TestLiveError(t *testing.T) {
	s := fanout(t, livePcap(t, 3000), 2)
	boom := errors.New("capture: eth0: the interface went down")
	s.rings[1].err = boom
	got := newByConn()
	_, err := runLive(t, s, func() bool { return false }, got)
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want %v", err, boom)
	}
	if len(got.conns) == 0 {
		t.Fatal("no connection reported")
	}
	for uid, n := range got.done {
		if n != 1 {
			t.Errorf("%s reported done %d times", uid, n)
		}
	}
}

// TestLiveStop: the stop ends the input as io.EOF, not an error.
func TestLiveStop(t *testing.T) {
	s := fanout(t, livePcap(t, 1000), 2)
	_, err := runLive(t, s, func() bool { return s.done.Load() == 2 }, newByConn())
	if err != nil && !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
}

// TestAddCaptureStats: the rings' readers' counts add up; an offloading
// sender judged by two workers is listed once.
func TestAddCaptureStats(t *testing.T) {
	var a, b, sum capture.Stats
	a.Frames, a.TCP, a.Skipped[1], a.Frag.Reassembled = 10, 8, 1, 2
	b.Frames, b.TCP, b.Skipped[1], b.Frag.Reassembled = 5, 4, 2, 3
	a.Offload[0], a.OffloadSenders = netipAddr("10.0.0.1"), 1
	b.Offload[0], b.Offload[1], b.OffloadSenders = netipAddr("10.0.0.1"), netipAddr("10.0.0.2"), 2
	addCaptureStats(&sum, a)
	addCaptureStats(&sum, b)
	if sum.Frames != 15 || sum.TCP != 12 || sum.Skipped[1] != 3 || sum.Frag.Reassembled != 5 {
		t.Errorf("sum %+v", sum)
	}
	if sum.OffloadSenders != 2 || len(sum.OffloadListed()) != 2 {
		t.Errorf("offload senders %d: %v", sum.OffloadSenders, sum.OffloadListed())
	}
}

func netipAddr(s string) netip.Addr { return netip.MustParseAddr(s) }

// loopRing plays a capture's frames again and again, each pass an hour
// later, calling pass after each; a loopRing without frames is a quiet
// ring.
type loopRing struct {
	frames []fakeFrame
	n, i   int
	passes int
	shift  time.Duration
	pass   func(int)
	clock  *atomic.Int64
}

func (r *loopRing) ReadFrame() ([]byte, capture.FrameInfo, capture.LinkType, error) {
	if len(r.frames) == 0 || r.n == r.passes {
		time.Sleep(time.Millisecond)
		return nil, capture.FrameInfo{}, 0, capture.ErrTimeout
	}
	f := r.frames[r.i]
	f.ci.Timestamp = f.ci.Timestamp.Add(r.shift)
	r.clock.Store(f.ci.Timestamp.UnixNano())
	if r.i++; r.i == len(r.frames) {
		r.i, r.shift = 0, r.shift+time.Hour
		r.n++
		r.pass(r.n)
	}
	return f.data, f.ci, capture.LinkEthernet, nil
}

func (r *loopRing) Close() error { return nil }

type nopObs struct{}

func (nopObs) Packet(*tracker.Conn, *segment.Segment, tracker.Side, []tracker.Event) {}
func (nopObs) Events(*tracker.Conn, []tracker.Event)                                 {}
func (nopObs) Done(*tracker.Conn)                                                    {}

// TestLiveAllocsPerPacket: a live capture on workers allocates nothing
// per packet: reading, tracking, the logs' copies and payloads, the
// merge. Once the buffers have grown (the first 100 passes over a trace),
// 100 more passes allocate (almost) nothing.
func TestLiveAllocsPerPacket(t *testing.T) {
	b, err := os.ReadFile("../testdata/pcaps/busy-ordinary.pcap")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := capture.OpenFile("-", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var frames []fakeFrame
	for {
		data, ci, _, err := raw.ReadFrame()
		if err != nil {
			break
		}
		frames = append(frames, fakeFrame{bytes.Clone(data), ci})
	}
	var ms runtime.MemStats
	var from, to atomic.Uint64 // written by the busy ring's worker
	clock := new(atomic.Int64)
	busy := &loopRing{frames: frames, passes: 200, clock: clock, pass: func(n int) {
		switch n {
		case 100:
			runtime.ReadMemStats(&ms)
			from.Store(ms.Mallocs)
		case 200:
			runtime.ReadMemStats(&ms)
			to.Store(ms.Mallocs)
		}
	}}
	quiet := &loopRing{}
	l := NewLive(LiveConfig{
		Reader:   func(src capture.Source, _ func() uint64) LiveReader { return capture.NewReader(src) },
		ClockLag: 500 * time.Millisecond,
		Settle:   2 * time.Millisecond,
		Now:      func() time.Time { return time.Unix(0, clock.Load()) },
	}, nopObs{}, []capture.Source{busy, quiet})
	if err := l.Run(context.Background(), func(time.Time, bool) bool { return to.Load() != 0 }); err != nil {
		t.Fatal(err)
	}
	l.Flush()
	n := to.Load() - from.Load()
	per := float64(n) / float64(100*len(frames))
	t.Logf("%d frames a pass: %d allocations in passes 100 to 200: %.5f per packet", len(frames), n, per)
	if per > 0.001 {
		t.Errorf("%.5f allocations per packet", per)
	}
}
