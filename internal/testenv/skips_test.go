package testenv

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// bareSkip matches a test skipping itself without this package: a
// testing.TB's Skip, Skipf or SkipNow, or a test of testing.Short().
var bareSkip = regexp.MustCompile(`\b(t|b|f|tb)\.Skip(f|Now)?\(|testing\.Short\(\)`)

// TestNoBareSkips: every test in the module that can skip itself goes
// through this package (Skip, NeedRoot, LookPath, Short), so that it
// fails in CI instead of passing without having run. A bare t.Skip would
// pass CI silently; this test names it.
func TestNoBareSkips(t *testing.T) {
	root := filepath.Join("..", "..")
	var found []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == ".git" || n == "testdata" || p == filepath.Join(root, "internal", "testenv") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			if bareSkip.MatchString(line) {
				found = append(found, p+":"+strconv.Itoa(i+1)+": "+strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) > 0 {
		t.Errorf("tests that skip themselves without package testenv (they would pass CI without running):\n%s", strings.Join(found, "\n"))
	}
}
