// Package testenv is how flowtrace's tests ask for what the machine must
// have: root, a program, cgo. Outside CI a missing requirement skips the
// test, so it runs on a laptop; in CI (the environment variable CI set,
// as GitHub Actions, GitLab and .ci/run set it) it fails the test, because
// CI runs as root with every package `make test-deps` installs, and a
// test that skipped there would pass without having run.
package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// InCI reports whether the tests run in CI.
func InCI() bool { return os.Getenv("CI") != "" }

// Skip skips t with the reason why, or fails it in CI.
func Skip(t testing.TB, why string) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s (CI must run this test)", why)
	}
	t.Skip(why)
}

// NeedRoot skips (outside CI) or fails (in CI) a test that needs root.
func NeedRoot(t testing.TB) {
	t.Helper()
	if os.Geteuid() != 0 {
		Skip(t, "needs root (CI runs as root)")
	}
}

// LookPath returns the path of program name; if it is missing, the test
// is skipped (outside CI) or failed (in CI), with hint saying how to get it.
func LookPath(t testing.TB, name, hint string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Skip(t, name+" is not installed: "+hint)
	}
	return p
}

// Short skips t under go test -short, for a test too slow for a quick
// run; in CI, which never passes -short, it fails instead, like Skip.
func Short(t testing.TB, why string) {
	t.Helper()
	if testing.Short() {
		Skip(t, why+" (-short)")
	}
}
