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

// TestPrivDrop runs flowtrace as root on a namespace's interface and
// checks that it gives up root before writing -w (the file belongs to
// the -Z user), keeps root with --keep-root, and says what to do when
// the user does not exist or cannot write the -w directory.
func TestPrivDrop(t *testing.T) {
	n := newLiveNet(t)
	ft := filepath.Join(n.bin, "flowtrace")
	owner := func(p string) uint32 {
		t.Helper()
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Sys().(*syscall.Stat_t).Uid
	}
	run := func(tag string, args ...string) (string, int) {
		t.Helper()
		cmd := n.start(n.cli, tag, append([]string{ft, "-i", "eth0", "--duration", "300ms"}, args...)...)
		code := n.wait(cmd, 10*time.Second)
		return n.read(tag + ".err"), code
	}

	nobody := filepath.Join(n.dir, "nobody.pcap")
	if e, code := run("drop", "-w", nobody); code != 0 || !strings.Contains(e, "running as nobody") {
		t.Errorf("default -Z: exit %d\n%s", code, e)
	}
	if uid := owner(nobody); uid != 65534 {
		t.Errorf("-w file owned by uid %d; want nobody (65534)", uid)
	}
	daemon := filepath.Join(n.dir, "daemon.pcap")
	if e, code := run("daemon", "-Z", "daemon", "-w", daemon); code != 0 || !strings.Contains(e, "running as daemon") {
		t.Errorf("-Z daemon: exit %d\n%s", code, e)
	}
	if uid := owner(daemon); uid != 1 {
		t.Errorf("-Z daemon: -w file owned by uid %d; want 1", uid)
	}
	root := filepath.Join(n.dir, "root.pcap")
	if e, code := run("root", "--keep-root", "-w", root); code != 0 || strings.Contains(e, "running as") {
		t.Errorf("--keep-root: exit %d\n%s", code, e)
	}
	if uid := owner(root); uid != 0 {
		t.Errorf("--keep-root: -w file owned by uid %d; want root", uid)
	}
	e, code := run("nouser", "-Z", "no-such-user-ftlive")
	if code != 1 || !strings.Contains(e, "cannot drop root privileges") || !strings.Contains(e, "--keep-root") {
		t.Errorf("unknown -Z user: exit %d; want 1 with advice\n%s", code, e)
	}
	closed, err := os.MkdirTemp("", "ftlive-closed-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(closed)
	os.Chmod(closed, 0o755) // root may write, nobody may not
	e, code = run("nowrite", "-w", filepath.Join(closed, "x.pcap"))
	if code != 1 || !strings.Contains(e, "permission denied") || !strings.Contains(e, "choose a directory nobody can write to") {
		t.Errorf("-w where nobody cannot write: exit %d\n%s", code, e)
	}
}

// TestLivePermissions runs flowtrace as an unprivileged user: without
// capabilities it must fail with the setcap command to run; with file
// capabilities (as in the Docker image) it must capture.
func TestLivePermissions(t *testing.T) {
	n := newLiveNet(t)
	ft := filepath.Join(n.bin, "flowtrace")
	// ip netns exec needs root to enter the namespace, so the switch to
	// nobody (without any capability) happens after it, with setpriv.
	asNobody := func(bin string) (string, int) {
		t.Helper()
		cmd := exec.Command("ip", "netns", "exec", n.cli, "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", bin, "-i", "eth0", "--duration", "300ms")
		out, _ := cmd.CombinedOutput()
		return string(out), cmd.ProcessState.ExitCode()
	}
	out, code := asNobody(ft)
	if code != 1 || !strings.Contains(out, "permission denied") ||
		!strings.Contains(out, "sudo setcap cap_net_raw,cap_net_admin=eip "+ft) {
		t.Errorf("unprivileged: exit %d; want 1 with the setcap command\n%s", code, out)
	}

	setcap, err := exec.LookPath("setcap")
	if err != nil {
		t.Fatal("setcap not found: install libcap2-bin (make test-deps)")
	}
	b, err := os.ReadFile(ft)
	if err != nil {
		t.Fatal(err)
	}
	// Both capabilities, as the error message advises; CAP_NET_RAW
	// alone, as the Docker image sets (see Dockerfile).
	for _, caps := range []string{"cap_net_raw,cap_net_admin=eip", "cap_net_raw=eip"} {
		capped := filepath.Join(n.bin, "flowtrace-capped")
		if err := os.WriteFile(capped, b, 0o755); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(setcap, caps, capped).CombinedOutput(); err != nil {
			t.Fatalf("setcap: %v\n%s", err, out)
		}
		out, code = asNobody(capped)
		os.Remove(capped)
		if code != 0 || !strings.Contains(out, "listening on eth0") || !strings.Contains(out, "stopped after --duration") {
			t.Errorf("with file capabilities %s: exit %d; want a capture\n%s", caps, code, out)
		}
	}
}
