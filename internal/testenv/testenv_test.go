package testenv

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestSkipFailsInCI runs a test that calls Skip in a child process, once
// with CI set and once without: it must fail in CI and skip outside.
func TestSkipFailsInCI(t *testing.T) {
	if os.Getenv("TESTENV_CHILD") == "1" {
		Skip(t, "a missing requirement")
		return
	}
	for _, tc := range []struct {
		ci      string
		fail    bool
		message string
	}{
		{"true", true, "a missing requirement (CI must run this test)"},
		{"", false, "SKIP: TestSkipFailsInCI"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestSkipFailsInCI$", "-test.v")
		cmd.Env = append(os.Environ(), "TESTENV_CHILD=1", "CI="+tc.ci)
		out, err := cmd.CombinedOutput()
		if (err != nil) != tc.fail || !strings.Contains(string(out), tc.message) {
			t.Errorf("CI=%q: err %v, want failure %v and %q in:\n%s", tc.ci, err, tc.fail, tc.message, out)
		}
	}
}

// TestShortFailsInCI runs a test that calls Short in a child process with
// -test.short, once with CI set and once without, and once without
// -test.short: it must fail in CI, skip outside, and run in full without
// -short.
func TestShortFailsInCI(t *testing.T) {
	if os.Getenv("TESTENV_CHILD") == "1" {
		Short(t, "a slow test")
		t.Log("ran in full")
		return
	}
	for _, tc := range []struct {
		ci, short string
		fail      bool
		message   string
	}{
		{"true", "true", true, "a slow test (-short) (CI must run this test)"},
		{"", "true", false, "SKIP: TestShortFailsInCI"},
		{"true", "false", false, "ran in full"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestShortFailsInCI$", "-test.v", "-test.short="+tc.short)
		cmd.Env = append(os.Environ(), "TESTENV_CHILD=1", "CI="+tc.ci)
		out, err := cmd.CombinedOutput()
		if (err != nil) != tc.fail || !strings.Contains(string(out), tc.message) {
			t.Errorf("CI=%q -short=%s: err %v, want failure %v and %q in:\n%s", tc.ci, tc.short, err, tc.fail, tc.message, out)
		}
	}
}
