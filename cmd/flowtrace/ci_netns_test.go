package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCINetns is the repository's own proof of the CI mode: a tiny
// server and client (tcpdrive) talk between two namespaces, flowtrace
// captures the traffic itself (-i eth0 -w), and then checks the capture
// against a rules file as a CI job would. The healthy server passes; a
// server that leaks CLOSE-WAIT, one that resets its connections and one
// that stalls (never reads: zero window) each fail with exit 3, a message
// naming the rule and the connection, and a JUnit report (valid against
// the committed schema) whose failing test case is that rule. Root only
// (CI runs as root); run it under flock /work/wt/traces.lock when
// sharing the machine.
func TestCINetns(t *testing.T) {
	n := newLiveNet(t)
	ft := filepath.Join(n.bin, "flowtrace")
	rules := filepath.Join(n.dir, "ci.rules")
	os.WriteFile(rules, []byte(`# what a healthy service's connections look like
forbid state=CLOSE-WAIT   # the server forgot to close
forbid closed=reset       # a side gave up with a RST
max zero_windows=0        # a receiver stopped reading
require count(packets > 0) >= 1 # the capture saw the traffic
`), 0o644)
	for i, sc := range []struct {
		name   string
		server []string // tcpdrive steps after listen
		listen []string // listen options
		client []string // tcpdrive steps after connect
		wait   bool     // the client ends by itself
		broken string   // the rule that must break ("" healthy)
		why    string   // in the offender's line
	}{
		{"healthy", []string{"repeat", "3", "accept", "readn", "100", "send", "100", "read", "close", "end"}, nil,
			[]string{"send", "100", "readn", "100", "close"}, true, "", ""},
		// The server reads each request to the end and never closes; the
		// next accept closes the previous connection (tcpdrive keeps one),
		// so the last one is left in CLOSE-WAIT.
		{"close-wait leak", []string{"repeat", "3", "accept", "readn", "100", "send", "100", "read", "end", "hold", "10s"}, nil,
			[]string{"send", "100", "readn", "100", "close"}, true, "forbid state=CLOSE-WAIT", "resp_state=CLOSE-WAIT"},
		{"reset", []string{"repeat", "3", "accept", "readn", "100", "abort", "end"}, nil,
			[]string{"send", "100", "read", "close"}, true, "forbid closed=reset", `end="aborted by server RST"`},
		// The server accepts and never reads: its small receive buffer
		// fills and it advertises a zero window.
		{"stall", []string{"accept", "hold", "10s"}, []string{"--rcvbuf", "4096"},
			[]string{"send", "400000"}, false, "max zero_windows=0", "zero_windows="},
	} {
		t.Run(sc.name, func(t *testing.T) {
			port := []string{"5101", "5102", "5103", "5104"}[i]
			pcap := filepath.Join(n.dir, "ci-"+port+".pcap")
			tag := "ci-ft-" + port
			capt := n.start(n.srv, tag, ft, "-i", "eth0", "-q", "-w", pcap, "tcp port "+port)
			n.waitFor(tag+".err", "listening on eth0", 5*time.Second)
			srv := append(append([]string{"listen", liveSrv + ":" + port}, sc.listen...), sc.server...)
			n.drive(n.srv, "ci-srv"+port, srv...)
			time.Sleep(300 * time.Millisecond)
			clients := 3
			if !sc.wait {
				clients = 1
			}
			for c := 0; c < clients; c++ {
				cmd := n.drive(n.cli, "ci-cli"+port, append([]string{"connect", liveSrv + ":" + port}, sc.client...)...)
				if sc.wait {
					n.wait(cmd, 10*time.Second)
				}
			}
			time.Sleep(1500 * time.Millisecond) // the last segments; the stall's zero window and probes
			capt.Process.Signal(syscall.SIGINT)
			if code := n.wait(capt, 10*time.Second); code != 0 {
				t.Fatalf("capture: exit %d\n%s", code, n.read(tag+".err"))
			}

			report := filepath.Join(n.dir, "junit-"+port+".xml")
			cmd := exec.Command(ft, "-q", "-r", pcap, "--rules", rules, "--junit", report)
			out, err := cmd.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			text := string(out)
			t.Logf("flowtrace -r %s --rules ci.rules: exit %d\n%s", filepath.Base(pcap), code, text)
			xml, _ := os.ReadFile(report)
			if sc.broken == "" {
				if code != 0 || !strings.Contains(text, ": PASS (0 of 4 checks failed)") {
					t.Fatalf("healthy server: exit %d\n%s", code, text)
				}
				if strings.Contains(string(xml), "<failure") {
					t.Errorf("healthy server: the report has a failure:\n%s", xml)
				}
				validateJUnit(t, report)
				return
			}
			if code != exitAssert {
				t.Fatalf("exit %d, want %d\n%s", code, exitAssert, text)
			}
			if !strings.Contains(text, ": FAIL "+sc.broken+": ") || !strings.Contains(text, sc.why) ||
				!strings.Contains(text, liveCli+":") || !strings.Contains(text, " > "+liveSrv+":"+port+" packets #") {
				t.Errorf("the message does not name the rule %q, the connection and %q:\n%s", sc.broken, sc.why, text)
			}
			if !strings.Contains(string(xml), `<testcase name="`+sc.broken+`" classname="`+pcap+`">`+"\n"+`      <failure message="FAIL `+sc.broken) {
				t.Errorf("the JUnit report does not fail test case %q:\n%s", sc.broken, xml)
			}
			if strings.Count(string(xml), "<failure") != 1 {
				t.Errorf("want one failing test case, %q:\n%s", sc.broken, xml)
			}
			validateJUnit(t, report)
		})
	}
}
