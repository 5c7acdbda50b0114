package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/capture"
)

// TestLiveWorkers captures 200 connections over a veth twice at once, on
// 2 workers (2 AF_PACKET rings in one fanout group) and on 1: the same
// connections, each reported once, with the same final states; on 2
// workers the transitions reach a pipe while the capture runs, and the
// 1 s TIME-WAIT timers fire on the quiet link (idle workers).
func TestLiveWorkers(t *testing.T) {
	n := newLiveNet(t)
	ft := filepath.Join(n.bin, "flowtrace")
	const conns = 200

	// --workers 2, stdout a pipe read as it comes.
	cmd := exec.Command("ip", "netns", "exec", n.cli, ft, "-i", "eth0", "--workers", "2", "--time-wait", "1s", "--json", "tcp")
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if cmd.Stderr, err = os.Create(filepath.Join(n.dir, "ft-w2.err")); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	n.procs = append(n.procs, cmd)
	var mu sync.Mutex
	var lines []string
	var firstAt time.Time // the first transition read
	read := make(chan struct{})
	go func() {
		defer close(read)
		sc := bufio.NewScanner(pipe)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			mu.Lock()
			lines = append(lines, sc.Text())
			if firstAt.IsZero() && strings.Contains(sc.Text(), `"type":"transition"`) {
				firstAt = time.Now()
			}
			mu.Unlock()
		}
	}()
	f1 := n.start(n.cli, "ft-w1", ft, "-i", "eth0", "--workers", "1", "--time-wait", "1s", "--json", "tcp")
	n.waitFor("ft-w2.err", "listening on eth0", 5*time.Second)
	n.waitFor("ft-w1.err", "listening on eth0", 5*time.Second)
	if s := n.read("ft-w2.err"); !strings.Contains(s, "through 2 AF_PACKET TPACKET_V3 rings (fanout group ") {
		t.Errorf("--workers 2: the listening line does not name the rings:\n%s", s)
	}
	if s := n.read("ft-w1.err"); !strings.Contains(s, "through an AF_PACKET TPACKET_V3 ring") {
		t.Errorf("--workers 1: the listening line does not name the ring:\n%s", s)
	}

	port := liveSrv + ":5201"
	srv := n.drive(n.srv, "srv-w", "listen", port, "repeat", fmt.Sprint(conns), "accept", "read", "close", "end")
	time.Sleep(300 * time.Millisecond)
	if code := n.wait(n.drive(n.cli, "cli-w", "repeat", fmt.Sprint(conns), "connect", port, "send", "100", "close", "end"), 15*time.Second); code != 0 {
		t.Fatalf("tcpdrive client: exit %d\n%s", code, n.read("cli-w.err"))
	}
	n.wait(srv, 5*time.Second)
	// The last TIME-WAIT expires 1 s after the last close, seen 500 ms
	// behind the wall clock on a quiet link.
	time.Sleep(2500 * time.Millisecond)
	mu.Lock()
	streamed := !firstAt.IsZero()
	expired := 0
	for _, l := range lines {
		if strings.Contains(l, `"type":"transition"`) && strings.Contains(l, `"from":"TIME-WAIT"`) {
			expired++
		}
	}
	mu.Unlock()
	if !streamed {
		t.Errorf("--workers 2: no transition on the pipe before the capture ended")
	}
	if expired != conns {
		t.Errorf("--workers 2: %d TIME-WAIT timers fired before the capture ended, want %d", expired, conns)
	}
	for _, c := range []*exec.Cmd{cmd, f1} {
		c.Process.Signal(syscall.SIGINT)
	}
	<-read
	if err := cmd.Wait(); err != nil {
		t.Fatalf("--workers 2 after SIGINT: %v\n%s", err, n.read("ft-w2.err"))
	}
	if code := n.wait(f1, 5*time.Second); code != 0 {
		t.Fatalf("--workers 1 after SIGINT: exit %d\n%s", code, n.read("ft-w1.err"))
	}

	two := finalStates(t, strings.Join(lines, "\n"))
	one := finalStates(t, n.read("ft-w1.out"))
	if len(one) != conns {
		t.Errorf("--workers 1: %d connections, want %d", len(one), conns)
	}
	if len(two) != len(one) {
		t.Errorf("--workers 2: %d connections, --workers 1: %d", len(two), len(one))
	}
	for k, v := range one {
		if two[k] != v {
			t.Errorf("%s: --workers 2 %q, --workers 1 %q", k, two[k], v)
		}
	}
	t.Logf("%d connections on 2 workers, %d on 1; the first transition on the pipe before SIGINT: %v; TIME-WAIT expired before SIGINT: %d", len(two), len(one), streamed, expired)
	if t.Failed() {
		t.Logf("--workers 2:\n%s\n--workers 1:\n%s", n.read("ft-w2.err"), n.read("ft-w1.err"))
	}
}

// finalStates returns each connection's final states from the conn
// records of a JSON Lines output, by 4-tuple, failing on a connection
// reported twice.
func finalStates(t *testing.T, out string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, r := range parseJSONL(t, out) {
		if r["type"] != "conn" {
			continue
		}
		k := fmt.Sprintf("%v:%v > %v:%v", r["orig_h"], r["orig_p"], r["resp_h"], r["resp_p"])
		if _, dup := m[k]; dup {
			t.Errorf("%s reported twice", k)
		}
		m[k] = fmt.Sprintf("%v/%v %v", r["orig_state"], r["resp_state"], r["conn_state"])
	}
	return m
}

// TestRingDropsText: the drops of each ring, when there are several and
// one dropped, in the statistics line.
func TestRingDropsText(t *testing.T) {
	for _, tt := range []struct {
		rs   []capture.LiveStats
		want string
	}{
		{nil, ""},
		{[]capture.LiveStats{{Received: 5}, {Received: 7}}, ""},
		{[]capture.LiveStats{{KernelDropped: 3}, {}}, " (ring 0: 3)"},
		{[]capture.LiveStats{{KernelDropped: 3}, {KernelDropped: 4}, {}}, " (ring 0: 3, ring 1: 4)"},
	} {
		if got := ringDrops(tt.rs); got != tt.want {
			t.Errorf("ringDrops(%+v) = %q, want %q", tt.rs, got, tt.want)
		}
	}
}

// fakeRings is a live capture on two rings, without root: a bundled
// trace's frames split by a symmetric hash of their IPv4 addresses and
// ports, each ring delivering its share at once, then read timeouts.
// Its clock is the latest timestamp delivered; once both rings are
// through, it cancels the capture (a signal).
type fakeRings struct {
	rings  []*fakeRing
	clock  atomic.Int64
	left   atomic.Int32
	cancel func()
}

type fakeRing struct {
	s      *fakeRings
	frames [][]byte
	cis    []capture.FrameInfo
	i      int
}

func newFakeRings(t *testing.T, path string, cancel func()) *fakeRings {
	f, err := capture.OpenFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := &fakeRings{cancel: cancel}
	s.rings = []*fakeRing{{s: s}, {s: s}}
	s.left.Store(2)
	for {
		data, ci, _, err := f.ReadFrame()
		if err != nil {
			break
		}
		k := 0
		if len(data) >= 38 && data[12] == 8 && data[13] == 0 && data[14] == 0x45 {
			sum := 0
			for _, b := range data[26:38] { // the addresses and ports, in either order
				sum += int(b)
			}
			k = sum % 2
		}
		r := s.rings[k]
		r.frames, r.cis = append(r.frames, bytes.Clone(data)), append(r.cis, ci)
	}
	return s
}

func (r *fakeRing) ReadFrame() ([]byte, capture.FrameInfo, capture.LinkType, error) {
	if r.i == len(r.frames) {
		if r.i >= 0 && r.s.left.Add(-1) == 0 {
			r.s.cancel()
		}
		r.i, r.frames = -1, nil
	}
	if r.i < 0 {
		time.Sleep(time.Millisecond)
		return nil, capture.FrameInfo{}, 0, capture.ErrTimeout
	}
	ci := r.cis[r.i]
	for {
		old := r.s.clock.Load()
		if t := ci.Timestamp.UnixNano(); t <= old || r.s.clock.CompareAndSwap(old, t) {
			break
		}
	}
	r.i++
	return r.frames[r.i-1], ci, capture.LinkEthernet, nil
}

func (r *fakeRing) Close() error { return nil }

func (s *fakeRings) ReadFrame() ([]byte, capture.FrameInfo, capture.LinkType, error) {
	return nil, capture.FrameInfo{}, 0, errors.New("fake rings: read the rings")
}
func (s *fakeRings) LinkType() capture.LinkType        { return capture.LinkEthernet }
func (s *fakeRings) Snaplen() int                      { return capture.MaxSnaplen }
func (s *fakeRings) now() time.Time                    { return time.Unix(0, s.clock.Load()) }
func (s *fakeRings) Stats() (capture.LiveStats, error) { return capture.LiveStats{}, nil }
func (s *fakeRings) RingSources() []capture.Source {
	return []capture.Source{s.rings[0], s.rings[1]}
}

// TestLiveWorkersFake runs the live loop on two fake rings (the wiring of
// shard.Live, under -race without root): every connection of the trace
// once, with the final states reading the file gives.
func TestLiveWorkersFake(t *testing.T) {
	path := filepath.Join(pcapDir, "busy-ordinary.pcap")
	cfg, err := parseFlags([]string{"-i", "fake0", "--workers", "2", "--json"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := newFakeRings(t, path, cancel)
	if len(src.rings[0].frames) == 0 || len(src.rings[1].frames) == 0 {
		t.Fatalf("the frames are not split: %d and %d", len(src.rings[0].frames), len(src.rings[1].frames))
	}
	var out, errb bytes.Buffer
	if err := runLive(ctx, cfg, src, src.Stats, src.now, false, &out, &errb); err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	if !strings.Contains(errb.String(), "stopped by a signal") {
		t.Errorf("stderr:\n%s", errb.String())
	}
	off, _, code := flowtrace(t, nil, "-r", path, "--json")
	if code != 0 {
		t.Fatalf("offline exit %d", code)
	}
	got, want := finalStates(t, out.String()), finalStates(t, off)
	t.Logf("%d connections; rings of %d and %d frames", len(got), len(src.rings[0].cis), len(src.rings[1].cis))
	if len(got) != len(want) || len(want) == 0 {
		t.Errorf("%d connections, want %d", len(got), len(want))
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}
