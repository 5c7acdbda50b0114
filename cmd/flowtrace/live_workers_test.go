package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
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
