package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/flowtrace/flowtrace/internal/testenv"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/internal/kerneltruth"
)

// The live tests need root: they create two network namespaces joined by
// a veth pair (ftlive-PID-c 10.78.0.1, ftlive-PID-s 10.78.0.2), capture
// on them and drive real TCP connections with tcpdrive. The names do not
// start with "ft-", which scripts/mktraces.sh deletes wholesale. Every
// process is started with a deadline and killed by pid; the namespaces
// are deleted at the end whatever happens. CI runs as root, so they run
// there.

const (
	liveCli = "10.78.0.1"
	liveSrv = "10.78.0.2"
)

type liveNet struct {
	t        *testing.T
	cli, srv string // namespace names
	bin      string // directory with flowtrace and tcpdrive
	dir      string // world-writable directory for -w files (flowtrace writes them as nobody)
	procs    []*exec.Cmd
}

func needRoot(t *testing.T) {
	t.Helper()
	testenv.NeedRoot(t) // network namespaces and capture
	for _, tool := range []string{"ip", "ss"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: install iproute2 (make test-deps)", tool)
		}
	}
}

// buildLive compiles flowtrace and tcpdrive into a directory removed
// when the test ends (the go build cache makes the second time cheap).
func buildLive(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "ftlive-bin-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	for pkg, name := range map[string]string{".": "flowtrace", "../../internal/cmd/tcpdrive": "tcpdrive"} {
		cmd := exec.Command("go", "build", "-o", filepath.Join(dir, name), pkg)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	// Readable by nobody, for the tests that run flowtrace unprivileged.
	os.Chmod(dir, 0o755)
	return dir
}

func newLiveNet(t *testing.T) *liveNet {
	t.Helper()
	needRoot(t)
	n := &liveNet{
		t:   t,
		cli: fmt.Sprintf("ftlive-%d-c", os.Getpid()),
		srv: fmt.Sprintf("ftlive-%d-s", os.Getpid()),
		bin: buildLive(t),
	}
	var err error
	if n.dir, err = os.MkdirTemp("", "ftlive-"); err != nil {
		t.Fatal(err)
	}
	os.Chmod(n.dir, 0o777)
	t.Cleanup(n.cleanup)
	n.must("ip", "netns", "add", n.cli)
	n.must("ip", "netns", "add", n.srv)
	n.must("ip", "link", "add", "name", "eth0", "netns", n.cli, "type", "veth", "peer", "name", "eth0", "netns", n.srv)
	for _, x := range []struct{ ns, addr string }{{n.cli, liveCli}, {n.srv, liveSrv}} {
		n.ns(x.ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1")
		n.ns(x.ns, "ip", "link", "set", "lo", "up")
		n.ns(x.ns, filepath.Join(n.bin, "tcpdrive"), "-q", "nooffload", "eth0")
		n.ns(x.ns, "ip", "addr", "add", x.addr+"/24", "dev", "eth0")
		n.ns(x.ns, "ip", "link", "set", "eth0", "up")
	}
	return n
}

func (n *liveNet) must(name string, args ...string) string {
	n.t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		n.t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (n *liveNet) ns(ns string, args ...string) string {
	n.t.Helper()
	return n.must("ip", append([]string{"netns", "exec", ns}, args...)...)
}

// start runs args in namespace ns in the background, stdout and stderr to
// files named after tag.
func (n *liveNet) start(ns, tag string, args ...string) *exec.Cmd {
	n.t.Helper()
	cmd := exec.Command("ip", append([]string{"netns", "exec", ns}, args...)...)
	var err error
	if cmd.Stdout, err = os.Create(filepath.Join(n.dir, tag+".out")); err != nil {
		n.t.Fatal(err)
	}
	if cmd.Stderr, err = os.Create(filepath.Join(n.dir, tag+".err")); err != nil {
		n.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		n.t.Fatal(err)
	}
	n.procs = append(n.procs, cmd)
	return cmd
}

func (n *liveNet) drive(ns, tag string, steps ...string) *exec.Cmd {
	return n.start(ns, tag, append([]string{filepath.Join(n.bin, "tcpdrive"), "-deadline", "15s"}, steps...)...)
}

func (n *liveNet) read(tag string) string {
	b, _ := os.ReadFile(filepath.Join(n.dir, tag))
	return string(b)
}

// waitFor polls file tag until it contains s, for at most d.
func (n *liveNet) waitFor(tag, s string, d time.Duration) {
	n.t.Helper()
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		if strings.Contains(n.read(tag), s) {
			return
		}
	}
	n.t.Fatalf("%s: no %q after %v:\n%s", tag, s, d, n.read(tag))
}

// wait waits for cmd for at most d, then kills it; it returns the exit
// status.
func (n *liveNet) wait(cmd *exec.Cmd, d time.Duration) int {
	n.t.Helper()
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		cmd.Process.Kill()
		<-done
		n.t.Errorf("%s did not exit within %v", strings.Join(cmd.Args, " "), d)
	}
	return cmd.ProcessState.ExitCode()
}

func (n *liveNet) cleanup() {
	for _, p := range n.procs {
		if p.ProcessState == nil {
			p.Process.Kill()
			p.Wait()
		}
	}
	exec.Command("ip", "netns", "del", n.cli).Run()
	exec.Command("ip", "netns", "del", n.srv).Run()
	if n.t.Failed() {
		n.t.Logf("outputs kept in %s", n.dir)
		return
	}
	os.RemoveAll(n.dir)
}

// TestLiveNetns captures real connections live on both ends of a veth
// pair, stops flowtrace with SIGINT, and checks the transitions and the
// final states against ss in both namespaces, that the live transcript
// equals the replay of the -w file except for timer lines, and that
// TIME-WAIT expires on a quiet link.
func TestLiveNetns(t *testing.T) {
	n := newLiveNet(t)
	ft := filepath.Join(n.bin, "flowtrace")
	cliPcap, srvPcap := filepath.Join(n.dir, "cli.pcap"), filepath.Join(n.dir, "srv.pcap")
	// On the client end: JSON, the kernel's timeouts, compared with ss.
	fc := n.start(n.cli, "ft-cli", ft, "-i", "eth0", "--json", "-w", cliPcap, "tcp")
	// On the server end: text, a 2 s TIME-WAIT that must expire while
	// the link is quiet.
	fs := n.start(n.srv, "ft-srv", ft, "-i", "eth0", "--time-wait", "2s", "-w", srvPcap)
	n.waitFor("ft-cli.err", "listening on eth0", 5*time.Second)
	n.waitFor("ft-srv.err", "listening on eth0", 5*time.Second)

	srv := func(port string, steps ...string) {
		n.drive(n.srv, "srv"+port, append([]string{"listen", liveSrv + ":" + port, "accept"}, steps...)...)
	}
	srv("5001", "readn", "100", "send", "100", "read", "close") // client closes first
	srv("5002", "send", "100", "close")                         // server closes first
	srv("5003", "read", "close")                                // client aborts with RST
	srv("5004", "read", "send", "200", "close")                 // client half-closes, server keeps sending
	srv("5005", "read", "hold", "10s")                          // server never closes: CLOSE-WAIT
	srv("5006", "hold", "10s")                                  // stays open
	time.Sleep(300 * time.Millisecond)                          // listening
	cli := func(port string, wait bool, steps ...string) {
		c := n.drive(n.cli, "cli"+port, append([]string{"connect", liveSrv + ":" + port}, steps...)...)
		if wait {
			n.wait(c, 10*time.Second)
		}
	}
	cli("5001", true, "send", "100", "readn", "100", "close")
	cli("5002", true, "readn", "100", "read", "close")
	cli("5003", true, "send", "10", "abort")
	cli("5009", true) // nobody listens: refused
	cli("5004", true, "send", "100", "shutdown", "read", "close")
	cli("5005", false, "send", "10", "close", "hold", "10s")
	cli("5006", false, "send", "10", "hold", "10s")
	// Let the last segments arrive and the 2 s TIME-WAITs expire (on the
	// wall clock, half a second behind it) while nothing is sent.
	time.Sleep(3500 * time.Millisecond)

	ss := func(ns string) []kerneltruth.Socket {
		out := n.ns(ns, "ss", "-tanoi")
		socks, err := kerneltruth.Parse(strings.NewReader(out))
		if err != nil {
			t.Fatalf("ss in %s: %v\n%s", ns, err, out)
		}
		return socks
	}
	kernel := append(ss(n.cli), ss(n.srv)...)
	fc.Process.Signal(syscall.SIGINT)
	fs.Process.Signal(syscall.SIGINT)
	for _, x := range []struct {
		cmd *exec.Cmd
		tag string
	}{{fc, "ft-cli"}, {fs, "ft-srv"}} {
		if code := n.wait(x.cmd, 10*time.Second); code != 0 {
			t.Errorf("%s: exit %d after SIGINT; want 0\n%s", x.tag, code, n.read(x.tag+".err"))
		}
		if e := n.read(x.tag + ".err"); !strings.Contains(e, "0 dropped by kernel, 0 dropped by interface (stopped by a signal)") {
			t.Errorf("%s: no capture statistics on stderr:\n%s", x.tag, e)
		}
	}

	// Final states against the kernel's.
	recs := parseJSONL(t, n.read("ft-cli.out"))
	type ep struct{ local, peer netip.AddrPort }
	final := map[ep]string{}
	for _, r := range recs {
		if r["type"] != "conn" {
			continue
		}
		o := netip.AddrPortFrom(netip.MustParseAddr(r["orig_h"].(string)), uint16(r["orig_p"].(float64)))
		s := netip.AddrPortFrom(netip.MustParseAddr(r["resp_h"].(string)), uint16(r["resp_p"].(float64)))
		final[ep{o, s}] = r["orig_state"].(string)
		final[ep{s, o}] = r["resp_state"].(string)
	}
	listed := map[ep]bool{}
	for _, s := range kernel {
		if s.State == "LISTEN" {
			continue
		}
		listed[ep{s.Local, s.Peer}] = true
		got, ok := final[ep{s.Local, s.Peer}]
		switch {
		case !ok:
			t.Errorf("kernel %s %s→%s: flowtrace has no such connection", s.State, s.Local, s.Peer)
		case got != s.State:
			t.Errorf("%s→%s: flowtrace %s, kernel %s", s.Local, s.Peer, got, s.State)
		}
	}
	for e, st := range final {
		if !listed[e] && st != "CLOSED" {
			t.Errorf("%s→%s: flowtrace %s, kernel has no socket", e.local, e.peer, st)
		}
	}
	// Each scenario happened, as the kernel says.
	kstate := func(local string, port string) []string {
		var out []string
		for _, s := range kernel {
			if s.State == "LISTEN" {
				continue
			}
			if s.Local.Addr().String() == local && (fmt.Sprint(s.Local.Port()) == port || fmt.Sprint(s.Peer.Port()) == port) {
				out = append(out, s.State)
			}
		}
		return out
	}
	for _, want := range []struct{ local, port, state string }{
		{liveCli, "5001", "TIME-WAIT"}, {liveSrv, "5002", "TIME-WAIT"}, {liveCli, "5004", "TIME-WAIT"},
		{liveSrv, "5005", "CLOSE-WAIT"}, {liveCli, "5005", "FIN-WAIT-2"},
		{liveCli, "5006", "ESTABLISHED"}, {liveSrv, "5006", "ESTABLISHED"},
	} {
		if got := kstate(want.local, want.port); !slices.Equal(got, []string{want.state}) {
			t.Errorf("kernel: %s port %s in %v; the scenario wants %s", want.local, want.port, got, want.state)
		}
	}
	for _, port := range []string{"5003", "5009"} {
		if got := kstate(liveCli, port); len(got) > 0 {
			t.Errorf("kernel: client port %s in %v; want no socket", port, got)
		}
	}

	// The transitions each scenario must show, from the client end.
	byPort := map[int][]string{}
	conns := map[float64]int{}
	for _, r := range recs {
		if r["type"] == "conn" {
			conns[r["conn"].(float64)] = int(r["resp_p"].(float64))
		}
	}
	for _, r := range recs {
		id, _ := r["conn"].(float64)
		port := conns[id]
		switch r["type"] {
		case "transition":
			side := "client"
			if r["side"] == "resp" {
				side = "server"
			}
			byPort[port] = append(byPort[port], fmt.Sprintf("%s %s → %s", side, r["from"], r["to"]))
		case "phase":
			byPort[port] = append(byPort[port], "⇒ "+r["phase"].(string))
		}
	}
	for port, want := range map[int][]string{
		5001: {"client CLOSED → SYN-SENT", "server LISTEN → SYN-RECEIVED", "client SYN-SENT → ESTABLISHED", "server SYN-RECEIVED → ESTABLISHED",
			"⇒ handshake complete", "client ESTABLISHED → FIN-WAIT-1", "server ESTABLISHED → CLOSE-WAIT", "server CLOSE-WAIT → LAST-ACK",
			"client FIN-WAIT-1 → TIME-WAIT|client FIN-WAIT-2 → TIME-WAIT", "server LAST-ACK → CLOSED", "⇒ client-initiated close"},
		5002: {"server ESTABLISHED → FIN-WAIT-1", "client ESTABLISHED → CLOSE-WAIT", "client CLOSE-WAIT → LAST-ACK",
			"server FIN-WAIT-1 → TIME-WAIT|server FIN-WAIT-2 → TIME-WAIT", "client LAST-ACK → CLOSED", "⇒ server-initiated close"},
		5003: {"client ESTABLISHED → CLOSED", "server ESTABLISHED → CLOSED", "⇒ aborted by client RST"},
		5009: {"client CLOSED → SYN-SENT", "client SYN-SENT → CLOSED", "⇒ refused"},
		5004: {"client ESTABLISHED → FIN-WAIT-1", "server ESTABLISHED → CLOSE-WAIT", "client FIN-WAIT-1 → FIN-WAIT-2",
			"server CLOSE-WAIT → LAST-ACK", "client FIN-WAIT-2 → TIME-WAIT", "server LAST-ACK → CLOSED"},
		5005: {"client ESTABLISHED → FIN-WAIT-1", "server ESTABLISHED → CLOSE-WAIT", "client FIN-WAIT-1 → FIN-WAIT-2"},
		5006: {"⇒ handshake complete"},
	} {
		if err := inOrder(byPort[port], want); err != "" {
			t.Errorf("port %d: %s\ngot: %q", port, err, byPort[port])
		}
	}

	// Live equals replay. On the client end no timer fires within the
	// test (60 s TIME-WAIT), but closed connections leave the table 5 s
	// after their last packet on the wall clock, at the end on replay:
	// the same records, conn records in another order.
	replay, errs, code := flowtrace(t, nil, "-r", cliPcap, "--json")
	if code != 0 {
		t.Fatalf("replay %s: exit %d: %s", cliPcap, code, errs)
	}
	live := n.read("ft-cli.out")
	if a, b := sortedLines(live), sortedLines(replay); a != b {
		t.Errorf("client end: live and replayed JSON differ:\n%s", diffLines(b, a))
	}
	if a, b := withoutConnRecords(live), withoutConnRecords(replay); a != b {
		t.Errorf("client end: live and replayed events differ in order:\n%s", diffLines(b, a))
	}
	// On the server end the 2 s TIME-WAITs expired on the quiet link.
	// The replay has no packet after them, so it shows neither the timer
	// lines nor their effect on the final table: the transcripts agree
	// line for line once the timer lines are taken out.
	liveSrvOut := n.read("ft-srv.out")
	var timers []string
	for _, l := range strings.Split(liveSrvOut, "\n") {
		if strings.Contains(l, "(timer)") {
			timers = append(timers, l)
		}
	}
	if len(timers) != 3 {
		t.Errorf("server end: %d timer lines; want 3 TIME-WAIT expiries (ports 5001, 5002, 5004):\n%s", len(timers), liveSrvOut)
	}
	for _, l := range timers {
		if !strings.HasSuffix(l, "TIME-WAIT → CLOSED (TIME-WAIT expired)") {
			t.Errorf("server end: unexpected timer line %q", l)
		}
	}
	replaySrv, errs, code := flowtrace(t, nil, "-r", srvPcap, "--time-wait", "2s")
	if code != 0 {
		t.Fatalf("replay %s: exit %d: %s", srvPcap, code, errs)
	}
	if a, b := transcript(liveSrvOut, true), transcript(replaySrv, false); a != b {
		t.Errorf("server end: live transcript (without timer lines) and replay differ:\n%s", diffLines(b, a))
	}
}

// inOrder reports whether want occurs in got as a subsequence; an item
// "a|b" matches either.
func inOrder(got, want []string) string {
	i := 0
	for _, g := range got {
		if i < len(want) && slices.Contains(strings.Split(want[i], "|"), strings.SplitN(g, " (", 2)[0]) {
			i++
		}
		if i < len(want) && strings.HasPrefix(want[i], "⇒") && strings.HasPrefix(g, want[i]) {
			i++
		}
	}
	if i < len(want) {
		return fmt.Sprintf("missing %q (after %q)", want[i], want[:i])
	}
	return ""
}

func parseJSONL(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("bad JSON line %q: %v", sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

func sortedLines(s string) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	slices.Sort(l)
	return strings.Join(l, "\n")
}

func withoutConnRecords(s string) string {
	var b bytes.Buffer
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, `{"type":"conn"`) {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// transcript returns the text output up to the connection table,
// without timer lines if drop is set.
func transcript(s string, drop bool) string {
	s, _, _ = strings.Cut(s, "\nconnections: ")
	var b bytes.Buffer
	for _, l := range strings.Split(s, "\n") {
		if drop && strings.Contains(l, "(timer)") {
			continue
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}
