package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestWatchTerminal runs --watch in a real terminal (a detached tmux
// session, sized 160×40) on a namespace's interface while connections
// pile up in TIME-WAIT and CLOSE-WAIT, reads the screen with
// capture-pane, checks the ages and the oldest CLOSE-WAIT, presses s
// (sort), shrinks the terminal to 80 columns, presses p (pause), stops it
// with q (send-keys) and checks that the screen comes back with the final
// table.
func TestWatchTerminal(t *testing.T) {
	testWatchTerminal(t, "q")
}

// TestWatchTerminalCtrlC is the same, stopped with Ctrl-C.
func TestWatchTerminalCtrlC(t *testing.T) {
	testWatchTerminal(t, "C-c")
}

func testWatchTerminal(t *testing.T, stop string) {
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
		fmt.Sprintf("ip netns exec %s %s -i eth0 --watch --watch-interval 200ms; echo EXIT=$?; echo \"STTY $(stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' ')END\"; sleep 60", n.cli, ft))
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

	s := waitScreen("TIME-WAIT", "CLOSE-WAIT", "10.78.0.1 (client) 3", "10.78.0.2:5002 (server) 1", "recent transitions",
		"OLDEST", "oldest in CLOSE-WAIT, FIN-WAIT-2, LAST-ACK, SYN-RECEIVED", "s sort: state")
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "TIME-WAIT") && !strings.Contains(l, " 3  ") {
			t.Errorf("TIME-WAIT row %q; want 3 endpoints", l)
		}
		if strings.HasPrefix(l, "CLOSED ") {
			t.Errorf("a CLOSED row among the active states: %q", l)
		}
	}
	// Ages: the CLOSE-WAIT row's oldest, and the server's CLOSE-WAIT in
	// the oldest list, with its connection's UID.
	if !ageRow.MatchString(s) {
		t.Errorf("no CLOSE-WAIT row with an age:\n%s", s)
	}
	if !oldestLine.MatchString(s) {
		t.Errorf("no oldest-list line for the server's CLOSE-WAIT:\n%s", s)
	}
	t.Logf("screen:\n%s", s)

	// s sorts by count: TIME-WAIT (3) before FIN-WAIT-2 (1), which
	// comes first in state order.
	rowOrder := func(s string) (tw, fw int) {
		for i, l := range strings.Split(s, "\n") {
			switch {
			case strings.HasPrefix(l, "TIME-WAIT "):
				tw = i
			case strings.HasPrefix(l, "FIN-WAIT-2 "):
				fw = i
			}
		}
		return tw, fw
	}
	if tw, fw := rowOrder(s); fw == 0 || tw < fw {
		t.Errorf("state order: FIN-WAIT-2 row %d, TIME-WAIT row %d; want FIN-WAIT-2 first\n%s", fw, tw, s)
	}
	tm("send-keys", "-t", "0", "s")
	s = waitScreen("s sort: count")
	if tw, fw := rowOrder(s); fw == 0 || tw > fw {
		t.Errorf("by count: FIN-WAIT-2 row %d, TIME-WAIT row %d; want TIME-WAIT first\n%s", fw, tw, s)
	}
	tm("send-keys", "-t", "0", "s")
	waitScreen("s sort: age")

	// 80 columns: every state name whole, the less important columns
	// shortened or dropped.
	tm("resize-window", "-t", "0", "-x", "80", "-y", "40")
	var s80 string
	for end := time.Now().Add(8 * time.Second); time.Now().Before(end) && !narrowLine.MatchString(s80); time.Sleep(100 * time.Millisecond) {
		s80 = screen()
	}
	if s = s80; !narrowLine.MatchString(s) {
		t.Fatalf("no narrow oldest-list line at 80 columns:\n%s", s)
	}
	t.Logf("80 columns:\n%s", s)
	names := map[string]bool{}
	for _, n := range []string{"CLOSED", "LISTEN", "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2",
		"CLOSE-WAIT", "CLOSING", "LAST-ACK", "TIME-WAIT", "UNKNOWN"} {
		names[n] = true
	}
	for _, l := range strings.Split(s, "\n") {
		if len([]rune(l)) > 80 {
			t.Errorf("line wider than 80 columns: %q", l)
		}
		if _, after, ok := strings.Cut(l, " → "); ok {
			if f := strings.Fields(after); len(f) == 0 || !names[f[0]] {
				t.Errorf("state name cut in %q", l)
			}
		}
	}
	for _, want := range []string{"TIME-WAIT ", "FIN-WAIT-2 ", "CLOSE-WAIT ", "CLOSE-WAIT for ", "server ESTABLISHED → CLOSE-WAIT"} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q at 80 columns:\n%s", want, s)
		}
	}

	// p pauses: PAUSED shown, the screen frozen while capturing goes on.
	tm("send-keys", "-t", "0", "p")
	s = waitScreen("PAUSED")
	time.Sleep(1200 * time.Millisecond)
	if s2 := screen(); s2 != s {
		t.Errorf("the screen changed while paused:\n%s\n---\n%s", s, s2)
	}

	tm("send-keys", "-t", "0", stop)
	why := "(stopped by the q key)"
	if stop != "q" {
		why = "(stopped by a signal)"
	}
	s = waitScreen("EXIT=0", "final endpoint states", why, "END")
	// The terminal is back in canonical mode, echoing.
	if !strings.Contains(s, "STTY icanon echo END") {
		t.Errorf("the terminal was not restored (want \"icanon echo\" from stty):\n%s", s)
	}
	if strings.Contains(s, "recent transitions") {
		t.Errorf("the watch view is still on screen after the stop:\n%s", s)
	}
	if !strings.Contains(s, "TIME-WAIT     3") || !strings.Contains(s, "CLOSE-WAIT    1") {
		t.Errorf("final histogram lacks 3 TIME-WAIT and 1 CLOSE-WAIT:\n%s", s)
	}
}

var (
	// A CLOSE-WAIT row: count 1 and an age.
	ageRow = regexp.MustCompile(`(?m)^CLOSE-WAIT +1  [0-9.]+(ms|s|m[0-9]{2}s) `)
	// c<id> <UID> server 10.78.0.2:5002 ← 10.78.0.1:<port>  CLOSE-WAIT for <age>
	// The same at 80 columns: without the UID.
	narrowLine = regexp.MustCompile(`c[0-9]+ server 10\.78\.0\.2:5002 ← 10\.78\.0\.1:[0-9]+  CLOSE-WAIT for [0-9.]+(ms|s)`)
	oldestLine = regexp.MustCompile(`c[0-9]+ C[0-9A-Za-z]{17} server 10\.78\.0\.2:5002 ← 10\.78\.0\.1:[0-9]+  CLOSE-WAIT for [0-9.]+(ms|s)`)
)
