package main

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestLiveOutputStreams runs flowtrace -i in a namespace with its stdout
// a pipe, as in flowtrace -i eth0 --json | jq, makes a connection and
// reads its transition records (or transcript lines) from the pipe while
// the capture still runs: each must arrive within a second of the
// connection's end, long before SIGINT stops the capture.
func TestLiveOutputStreams(t *testing.T) {
	n := newLiveNet(t)
	ft := filepath.Join(n.bin, "flowtrace")
	for i, mode := range []string{"json", "text"} {
		t.Run(mode, func(t *testing.T) {
			args := []string{"netns", "exec", n.cli, ft, "-i", "eth0", "tcp"}
			if mode == "json" {
				args = append(args, "--json")
			}
			cmd := exec.Command("ip", args...)
			pipe, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			// stderr to a file, read while it runs.
			errTag := "ft-stream-" + mode + ".err"
			if cmd.Stderr, err = os.Create(filepath.Join(n.dir, errTag)); err != nil {
				t.Fatal(err)
			}
			stderr := func() string { return n.read(errTag) }
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			n.procs = append(n.procs, cmd)

			type line struct {
				at   time.Time
				text string
			}
			var mu sync.Mutex
			var lines []line
			done := make(chan struct{})
			go func() {
				defer close(done)
				sc := bufio.NewScanner(pipe)
				for sc.Scan() {
					mu.Lock()
					lines = append(lines, line{time.Now(), sc.Text()})
					mu.Unlock()
				}
			}()
			for end := time.Now().Add(5 * time.Second); !strings.Contains(stderr(), "listening on eth0"); time.Sleep(50 * time.Millisecond) {
				if time.Now().After(end) {
					t.Fatalf("flowtrace did not start: %s", stderr())
				}
			}
			port := liveSrv + ":" + []string{"5101", "5102"}[i]
			n.drive(n.srv, "srv-"+mode, "listen", port, "accept", "read", "close")
			time.Sleep(300 * time.Millisecond)
			n.wait(n.drive(n.cli, "cli-"+mode, "connect", port, "send", "10", "close", "sleep", "200ms"), 10*time.Second)
			closed := time.Now()

			// The client's TIME-WAIT is the last transition of the
			// connection: wait for it on the pipe, the capture running.
			want := "client FIN-WAIT-1 → TIME-WAIT|client FIN-WAIT-2 → TIME-WAIT"
			has := func(l string) bool {
				if mode == "json" {
					var r map[string]any
					if json.Unmarshal([]byte(l), &r) != nil || r["type"] != "transition" || r["side"] != "orig" || r["to"] != "TIME-WAIT" {
						return false
					}
					return true
				}
				for _, w := range strings.Split(want, "|") {
					if strings.Contains(l, w) {
						return true
					}
				}
				return false
			}
			var got *line
			for end := closed.Add(3 * time.Second); got == nil && time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
				mu.Lock()
				for i := range lines {
					if has(lines[i].text) {
						got = &lines[i]
						break
					}
				}
				mu.Unlock()
			}
			if cmd.ProcessState != nil {
				t.Fatalf("flowtrace exited early: %s", stderr())
			}
			mu.Lock()
			nl := len(lines)
			all := make([]string, nl)
			for i := range lines {
				all[i] = lines[i].text
			}
			mu.Unlock()
			if got == nil {
				t.Errorf("no client TIME-WAIT transition on the pipe 3 s after the connection, before SIGINT; read %d lines:\n%s", nl, strings.Join(all, "\n"))
			} else if lag := got.at.Sub(closed); lag > time.Second {
				t.Errorf("the client TIME-WAIT transition arrived %v after the client exited; want within 1 s", lag)
			} else {
				t.Logf("%s: read %q %v after tcpdrive exited (200 ms after its close)", mode, got.text, got.at.Sub(closed).Round(time.Millisecond))
			}
			for _, l := range all {
				if strings.Contains(l, "final endpoint states") || strings.Contains(l, `"type":"summary"`) {
					t.Errorf("the end of the output before SIGINT: %q", l)
				}
			}
			cmd.Process.Signal(syscall.SIGINT)
			<-done
			if err := cmd.Wait(); err != nil {
				t.Errorf("flowtrace after SIGINT: %v\n%s", err, stderr())
			}
		})
	}
}
