package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/flowtrace/flowtrace/internal/flagdoc"
	"github.com/flowtrace/flowtrace/internal/testenv"
)

// manPath is the committed man page, rendered from the flags by
// TestManPage (go test ./cmd/flowtrace -run TestManPage -update).
const manPath = "../../doc/flowtrace.1"

// checkGolden compares got with the file at path, or rewrites the file
// with -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/flowtrace -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./cmd/flowtrace -update rewrites it):\n%s", path, diffLines(string(want), got))
	}
}

// TestHelp pins the --help text: grouped flags, one placeholder per
// value, no pflag "[=true|false]" noise, examples.
func TestHelp(t *testing.T) {
	out, stderr, code := flowtrace(t, nil, "--help")
	if code != 0 || stderr != "" {
		t.Fatalf("--help: exit %d, stderr %q", code, stderr)
	}
	checkGolden(t, filepath.Join(goldenDir, "help.txt"), out)
	for _, bad := range []string{"[=", "CAP_NET_ADMIN", " string ", " duration ", " uint ", " int "} {
		if strings.Contains(out, bad) {
			t.Errorf("--help contains %q", bad)
		}
	}
	for _, want := range []string{"Usage: flowtrace [flags] -r FILE [BPF filter]", "\nInput:\n", "\nLive capture:\n", "\nExamples:\n",
		"  -r, --read FILE ", "  -c, --count N ", "      --time-wait D ", "  -B, --buffer-size KiB ", "  -Z, --relinquish-privileges USER\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
	// Every flag is in it, including ones added without a group.
	newFlagSet(&config{}).VisitAll(func(f *pflag.Flag) {
		if !strings.Contains(out, "--"+f.Name+" ") && !strings.Contains(out, "--"+f.Name+"\n") {
			t.Errorf("--help lacks --%s", f.Name)
		}
	})
}

func TestVersionFlag(t *testing.T) {
	out, stderr, code := flowtrace(t, nil, "--version")
	if code != 0 || stderr != "" || !strings.HasPrefix(out, "flowtrace ") || !strings.HasSuffix(out, ")\n") {
		t.Errorf("--version: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
}

func TestFormatVersion(t *testing.T) {
	vcs := func(kv ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/flowtrace/flowtrace", Version: "(devel)"}}
		for i := 0; i < len(kv); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return bi
	}
	rev := "6478f39c0a1b2c3d4e5f60718293a4b5c6d7e8f9"
	tests := []struct {
		name, linked string
		bi           *debug.BuildInfo
		want         string
	}{
		{"no build info", "", nil, "flowtrace (devel) (go1.26.0)"},
		{"plain go build, clean", "", vcs("vcs.revision", rev, "vcs.time", "2026-11-29T04:00:00Z", "vcs.modified", "false"),
			"flowtrace (devel) 6478f39c0a1b 2026-11-29T04:00:00Z (go1.26.0)"},
		{"plain go build, dirty", "", vcs("vcs.revision", rev, "vcs.time", "2026-11-29T04:00:00Z", "vcs.modified", "true"),
			"flowtrace (devel) 6478f39c0a1b 2026-11-29T04:00:00Z dirty (go1.26.0)"},
		{"go install module@v1.2.0", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "flowtrace v1.2.0 (go1.26.0)"},
		{"make build (git describe)", "v1.2.0-3-g6478f39-dirty", vcs("vcs.revision", rev, "vcs.time", "2026-11-29T04:00:00Z", "vcs.modified", "true"),
			"flowtrace v1.2.0-3-g6478f39-dirty 2026-11-29T04:00:00Z (go1.26.0)"},
		{"docker build, no .git", "v1.2.0", vcs(), "flowtrace v1.2.0 (go1.26.0)"},
		{"go 1.24+ pseudo-version, dirty", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261129040000-6478f39c0a1b+dirty"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: "2026-11-29T04:00:00Z"}, {Key: "vcs.modified", Value: "true"}}},
			"flowtrace (devel) 6478f39c0a1b 2026-11-29T04:00:00Z dirty (go1.26.0)"},
		{"tagged checkout", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.3.0"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: "2026-11-29T04:00:00Z"}, {Key: "vcs.modified", Value: "false"}}},
			"flowtrace v1.3.0 6478f39c0a1b 2026-11-29T04:00:00Z (go1.26.0)"},
	}
	for _, tt := range tests {
		if got := formatVersion(tt.linked, tt.bi, "go1.26.0"); got != tt.want {
			t.Errorf("%s: got %q; want %q", tt.name, got, tt.want)
		}
	}
}

// TestVersionFromBuildInfo builds flowtrace with a plain go build (no
// -ldflags) in a fresh git repository holding this source tree and
// checks that --version reports that repository's commit, and "dirty"
// once a file changes. (A fresh repository, because go build records no
// VCS information in a linked git worktree: golang/go#58218.)
func TestVersionFromBuildInfo(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git not found")
	}
	testenv.Short(t, "builds flowtrace (-short)")
	dir := t.TempDir()
	copySource(t, "../..", dir)
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-qm", "snapshot")
	head := git("rev-parse", "HEAD")
	version := func() string {
		t.Helper()
		bin := filepath.Join(dir, "flowtrace.bin")
		cmd := exec.Command("go", "build", "-buildvcs=true", "-o", bin, "./cmd/flowtrace")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		out, err := exec.Command(bin, "--version").Output()
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(bin)
		return strings.TrimSpace(string(out))
	}
	v := strings.Fields(version())
	if len(v) < 4 || v[1] != "(devel)" || !strings.HasPrefix(head, v[2]) || len(v[2]) != 12 || v[len(v)-2] == "dirty" {
		t.Errorf("clean build: --version %q; want flowtrace (devel) %s TIME (goX)", v, head[:12])
	}
	if err := os.WriteFile(filepath.Join(dir, "cmd/flowtrace/zz_dirty.go"), []byte("package main\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if v := strings.Fields(version()); len(v) < 5 || !strings.HasPrefix(head, v[2]) || v[len(v)-2] != "dirty" {
		t.Errorf("modified tree: --version %q; want the revision then dirty", v)
	}
}

// copySource copies the module's files at src that git knows of or would
// track (Go sources, go.mod and go.sum, and the files they embed), but no
// testdata, to dst.
func copySource(t *testing.T, src, dst string) {
	t.Helper()
	out, err := exec.Command("git", "-C", src, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Fatalf("git ls-files: %v", err)
	}
	for _, rel := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if rel == "" || slices.Contains(strings.Split(rel, "/"), "testdata") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, rel))
		if errors.Is(err, fs.ErrNotExist) {
			continue // deleted, not yet committed
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, rel), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestNumeric: tcpdump's -n and -nn are accepted and change nothing,
// combined with other short flags too.
func TestNumeric(t *testing.T) {
	path := filepath.Join(pcapDir, "client-close.pcap")
	want, _, code := flowtrace(t, nil, "-r", path)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, args := range [][]string{{"-nr", path}, {"-nnr", path}, {"-n", "-r", path}, {"-nn", "-r", path}, {"-r", path, "-n"}, {"--numeric", "-r", path}} {
		out, stderr, code := flowtrace(t, nil, args...)
		if code != 0 || out != want {
			t.Errorf("%v: exit %d, output differs from -r alone: %s", args, code, stderr)
		}
	}
	if _, stderr, code := flowtrace(t, nil, "-nD"); code != 0 {
		t.Errorf("-nD: exit %d: %s", code, stderr)
	}
}

// TestManPage renders the man page from the flag set and compares it with
// doc/flowtrace.1 (-update rewrites it), then has groff check it and
// looks for every flag in the formatted text.
func TestManPage(t *testing.T) {
	var b bytes.Buffer
	if err := flagdoc.Man(&b, newFlagSet(&config{}), manual()); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, manPath, b.String())
	if _, err := exec.LookPath("groff"); err != nil {
		t.Fatal("groff not found: install groff-base (make test-deps)")
	}
	cmd := exec.Command("groff", "-man", "-ww", "-z")
	cmd.Stdin = bytes.NewReader(b.Bytes())
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("groff -man -ww -z: %v\n%s", err, out)
	}
	cmd = exec.Command("groff", "-man", "-Tascii", "-P-cbou")
	cmd.Stdin = bytes.NewReader(b.Bytes())
	text, err := cmd.Output()
	if err != nil {
		t.Fatalf("groff -man -Tascii: %v", err)
	}
	for _, want := range []string{"NAME", "SYNOPSIS", "OPTIONS", "EXAMPLES", "EXIT STATUS", "PERMISSIONS", "setcap cap_net_raw=p"} {
		if !bytes.Contains(text, []byte(want)) {
			t.Errorf("formatted man page lacks %q", want)
		}
	}
	newFlagSet(&config{}).VisitAll(func(f *pflag.Flag) {
		if !bytes.Contains(text, []byte("--"+f.Name)) {
			t.Errorf("formatted man page lacks --%s", f.Name)
		}
	})
}

// TestCompletion pins the bash and zsh scripts, checks their syntax, and
// runs the bash one: flowtrace --js<TAB> must complete to --json, -r to
// files, -i to interfaces.
func TestCompletion(t *testing.T) {
	scripts := map[string]string{}
	for _, sh := range []string{"bash", "zsh"} {
		out, stderr, code := flowtrace(t, nil, "--completion", sh)
		if code != 0 || stderr != "" {
			t.Fatalf("--completion %s: exit %d: %s", sh, code, stderr)
		}
		checkGolden(t, filepath.Join(goldenDir, "completion."+sh), out)
		scripts[sh] = writeFile(t, "flowtrace."+sh, []byte(out))
		if _, err := exec.LookPath(sh); err != nil {
			t.Fatalf("%s not found: install it (make test-deps)", sh)
		}
		if out, err := exec.Command(sh, "-n", scripts[sh]).CombinedOutput(); err != nil {
			t.Errorf("%s -n: %v\n%s", sh, err, out)
		}
	}
	if _, stderr, code := flowtrace(t, nil, "--completion", "fish"); code != 2 || !strings.Contains(stderr, "--completion must be bash or zsh") {
		t.Errorf("--completion fish: exit %d: %s", code, stderr)
	}

	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "trace.pcap"), nil, 0o644)
	complete := func(words ...string) string {
		t.Helper()
		script := `source "$1"; shift
complete -p flowtrace
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
_flowtrace
printf '%s\n' "${COMPREPLY[@]}"`
		cmd := exec.Command("bash", append([]string{"-c", script, "bash", scripts["bash"]}, words...)...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("bash %v: %v\n%s", words, err, out)
		}
		first, rest, _ := strings.Cut(string(out), "\n")
		if first != "complete -F _flowtrace flowtrace" {
			t.Errorf("complete -p flowtrace: %q", first)
		}
		return rest
	}
	if got := complete("flowtrace", "--js"); got != "--json\n" {
		t.Errorf("flowtrace --js<TAB>: %q; want --json", got)
	}
	if got := complete("flowtrace", "-r", "tr"); got != "trace.pcap\n" {
		t.Errorf("flowtrace -r tr<TAB>: %q; want trace.pcap", got)
	}
	if got := complete("flowtrace", "--read=tr"); got != "trace.pcap\n" {
		t.Errorf("flowtrace --read=tr<TAB>: %q; want trace.pcap", got)
	}
	if got := complete("flowtrace", "-i", "l"); !strings.Contains(got, "lo\n") {
		t.Errorf("flowtrace -i l<TAB>: %q; want lo among them", got)
	}
	if got := complete("flowtrace", "--progress", ""); got != "auto\nalways\nnever\n" {
		t.Errorf("flowtrace --progress <TAB>: %q", got)
	}
	if got := complete("flowtrace", "-c", ""); got != "\n" {
		t.Errorf("flowtrace -c <TAB>: %q; want nothing", got)
	}

	// zsh: the script loads under compinit and registers itself.
	cmd := exec.Command("zsh", "-f", "-c", `autoload -U compinit && compinit -u -D && source "$1" && print -r -- $_comps[flowtrace]`, "zsh", scripts["zsh"])
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil || strings.TrimSpace(string(out)) != "_flowtrace" {
		t.Errorf("zsh: loading the completion: %v\n%s", err, out)
	}
}
