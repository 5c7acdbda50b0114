package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWatchTerminal runs --watch in a real terminal (a detached tmux
// session, sized 160×40) on a namespace's interface while connections
// pile up in TIME-WAIT and CLOSE-WAIT, reads the screen with
// capture-pane, stops it with Ctrl-C (send-keys) and checks that the
// screen comes back with the final table.
func TestWatchTerminal(t *testing.T) {
	n := newLiveNet(t)
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Fatal("tmux not found: install it (make test-deps)")
	}
	sock := fmt.Sprintf("ftlive-%d", os.Getpid()) // our own tmux server
	tm := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(tmux, append([]string{"-L", sock}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	t.Cleanup(func() { exec.Command(tmux, "-L", sock, "kill-server").Run() })
	ft := filepath.Join(n.bin, "flowtrace")
	// The shell outlives flowtrace (boundedly) so the pane can be read
	// after it exits.
	tm("new-session", "-d", "-x", "160", "-y", "40",
		fmt.Sprintf("ip netns exec %s %s -i eth0 --watch --watch-interval 200ms; echo EXIT=$?; sleep 60", n.cli, ft))
	screen := func() string { return tm("capture-pane", "-p", "-t", "0") }
	waitScreen := func(want ...string) string {
		t.Helper()
		var s string
		for end := time.Now().Add(8 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
			s = screen()
			ok := true
			for _, w := range want {
				ok = ok && strings.Contains(s, w)
			}
			if ok {
				return s
			}
		}
		t.Fatalf("screen lacks %q after 8s:\n%s", want, s)
		return s
	}
	waitScreen("flowtrace -i eth0", "STATE", "ENDPOINTS")

	// Three clients close first (TIME-WAIT on the client host); one
	// server never closes (CLOSE-WAIT on its port).
	n.drive(n.srv, "srv", "listen", liveSrv+":5001", "repeat", "3", "accept", "read", "close", "end", "hold", "10s")
	n.drive(n.srv, "srvleak", "listen", liveSrv+":5002", "accept", "read", "hold", "10s")
	time.Sleep(300 * time.Millisecond)
	for i := range 3 {
		n.wait(n.drive(n.cli, fmt.Sprint("cli", i), "connect", liveSrv+":5001", "send", "10", "close", "sleep", "200ms"), 10*time.Second)
	}
	n.drive(n.cli, "clileak", "connect", liveSrv+":5002", "send", "10", "close", "hold", "10s")

	s := waitScreen("TIME-WAIT", "CLOSE-WAIT", "10.78.0.1 (client) 3", "10.78.0.2:5002 (server) 1", "recent transitions")
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "TIME-WAIT") && !strings.Contains(l, " 3  ") {
			t.Errorf("TIME-WAIT row %q; want 3 endpoints", l)
		}
	}
	tm("send-keys", "-t", "0", "C-c")
	s = waitScreen("EXIT=0", "final endpoint states")
	if strings.Contains(s, "recent transitions") {
		t.Errorf("the watch view is still on screen after the stop:\n%s", s)
	}
	if !strings.Contains(s, "TIME-WAIT     3") || !strings.Contains(s, "CLOSE-WAIT    1") {
		t.Errorf("final histogram lacks 3 TIME-WAIT and 1 CLOSE-WAIT:\n%s", s)
	}
}
