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
