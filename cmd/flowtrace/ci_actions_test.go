package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/internal/testenv"
)

// repoRoot is the repository, from this package's directory.
const repoRoot = "../.."

// yamlBlock returns the lines of the literal block (key: |) under the
// line equal to header (after its indentation), with that indentation
// removed: action.yml's run: | and the GitLab template's - |.
func yamlBlocks(t *testing.T, text, header string) []string {
	t.Helper()
	var blocks []string
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != header {
			continue
		}
		indent := len(lines[i]) - len(strings.TrimLeft(lines[i], " "))
		var b strings.Builder
		var body string
		for i++; i < len(lines); i++ {
			l := lines[i]
			trim := strings.TrimLeft(l, " ")
			if trim != "" && len(l)-len(trim) <= indent {
				break
			}
			if body == "" && trim != "" {
				body = l[:len(l)-len(trim)]
			}
			b.WriteString(strings.TrimPrefix(l, body) + "\n")
		}
		i--
		blocks = append(blocks, b.String())
	}
	if len(blocks) == 0 {
		t.Fatalf("no %q block", header)
	}
	return blocks
}

// actionStep is a run step of action.yml: its environment (expressions
// unevaluated) and its script.
type actionStep struct {
	name string
	env  map[string]string
	run  string
}

// actionSteps reads the run steps of a composite action.
func actionSteps(t *testing.T, text string) []actionStep {
	t.Helper()
	var steps []actionStep
	var cur *actionStep
	lines := strings.Split(text, "\n")
	inEnv := false
	for i, l := range lines {
		switch trim := strings.TrimSpace(l); {
		case strings.HasPrefix(trim, "- name: "):
			steps = append(steps, actionStep{name: strings.TrimPrefix(trim, "- name: "), env: map[string]string{}})
			cur, inEnv = &steps[len(steps)-1], false
		case cur == nil:
		case trim == "env:":
			inEnv = true
		case trim == "run: |":
			inEnv = false
			cur.run = yamlBlocks(t, strings.Join(lines[i:], "\n"), "run: |")[0]
		case inEnv && strings.HasPrefix(l, "        ") && strings.Contains(trim, ": "):
			k, v, _ := strings.Cut(trim, ": ")
			cur.env[k] = v
		default:
			inEnv = false
		}
	}
	var runs []actionStep
	for _, s := range steps {
		if s.run != "" {
			runs = append(runs, s)
		}
	}
	return runs
}

var exprRE = regexp.MustCompile(`\$\{\{\s*([a-z_.]+)\s*\}\}`)

// TestGitHubAction runs action.yml's steps as a runner would (the
// expressions evaluated, GITHUB_PATH and GITHUB_STEP_SUMMARY files, the
// action's checkout at GITHUB_ACTION_PATH): the install step builds
// flowtrace from the checkout; the check step passes on a healthy trace
// and fails with exit 3 and the broken rule on a leaking one, with a
// JUnit report that validates.
func TestGitHubAction(t *testing.T) {
	testenv.Short(t, "builds flowtrace")
	text, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	steps := actionSteps(t, string(text))
	if len(steps) != 2 || steps[0].name != "Install flowtrace" || steps[1].name != "Check captures" {
		t.Fatalf("run steps: %+v", steps)
	}
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	ghPath := filepath.Join(tmp, "github_path")
	summary := filepath.Join(tmp, "summary.md")
	work := filepath.Join(tmp, "work")
	os.MkdirAll(filepath.Join(work, "captures"), 0o755)
	for _, n := range []string{"client-close.pcap", "close-wait-stuck.pcap"} {
		os.WriteFile(filepath.Join(work, "captures", n), readTrace(t, n), 0o644)
	}
	os.WriteFile(filepath.Join(work, "ci.rules"), []byte("# service rules\nrequire closed=graceful\nmax handshake_rtt.p99=10ms\n"), 0o644)
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	// The runner's PATH: Go, the shell's tools, no flowtrace.
	basePath := filepath.Dir(goBin) + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
	runStep := func(s actionStep, inputs map[string]string, path string) (string, int) {
		env := []string{"PATH=" + path, "HOME=" + os.Getenv("HOME"), "RUNNER_TEMP=" + tmp,
			"GITHUB_PATH=" + ghPath, "GITHUB_STEP_SUMMARY=" + summary, "GITHUB_ACTIONS=true"}
		for _, k := range []string{"GOCACHE", "GOPATH", "GOMODCACHE", "GOFLAGS", "GOPROXY", "TZ"} {
			if v, ok := os.LookupEnv(k); ok {
				env = append(env, k+"="+v)
			}
		}
		if c, err := exec.Command(goBin, "env", "GOCACHE").Output(); err == nil {
			env = append(env, "GOCACHE="+strings.TrimSpace(string(c)))
		}
		for k, v := range s.env {
			v = exprRE.ReplaceAllStringFunc(v, func(m string) string {
				name := exprRE.FindStringSubmatch(m)[1]
				if name == "github.action_path" {
					return root
				}
				return inputs[strings.TrimPrefix(name, "inputs.")]
			})
			env = append(env, k+"="+v)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", s.run)
		cmd.Env, cmd.Dir = env, work
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), code
	}
	out, code := runStep(steps[0], nil, basePath)
	if code != 0 {
		t.Fatalf("install step: exit %d\n%s", code, out)
	}
	added, _ := os.ReadFile(ghPath)
	path := strings.TrimSpace(string(added)) + ":" + basePath
	if !strings.Contains(out, "flowtrace ") {
		t.Errorf("install step does not report the version:\n%s", out)
	}

	inputs := map[string]string{"captures": "captures/client-close.pcap", "rules": "ci.rules",
		"forbid": "state=CLOSE-WAIT\nconn_state=RSTR\n", "max": "zero_windows=0", "junit": "flowtrace-junit.xml"}
	out, code = runStep(steps[1], inputs, path)
	if code != 0 || !strings.Contains(out, "captures/client-close.pcap: PASS (0 of 5 checks failed)") {
		t.Fatalf("healthy capture: exit %d\n%s", code, out)
	}
	validateJUnit(t, filepath.Join(work, "flowtrace-junit.xml"))

	inputs["captures"] = "captures/*.pcap"
	out, code = runStep(steps[1], inputs, path)
	if code != exitAssert {
		t.Fatalf("leaking capture: exit %d, want %d\n%s", code, exitAssert, out)
	}
	for _, w := range []string{
		"captures/close-wait-stuck.pcap: FAIL forbid state=CLOSE-WAIT: 1 of 1 connections match",
		"flowtrace: 2 inputs: 1 passed, 1 failed",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	sum, _ := os.ReadFile(summary)
	if !bytes.Contains(sum, []byte("### flowtrace")) || !bytes.Contains(sum, []byte("FAIL forbid state=CLOSE-WAIT")) {
		t.Errorf("step summary:\n%s", sum)
	}
	report, _ := os.ReadFile(filepath.Join(work, "flowtrace-junit.xml"))
	if !bytes.Contains(report, []byte(`<testcase name="forbid state=CLOSE-WAIT" classname="captures/close-wait-stuck.pcap">`)) {
		t.Errorf("report:\n%s", report)
	}
	validateJUnit(t, filepath.Join(work, "flowtrace-junit.xml"))
}

// TestGitLabTemplate runs the GitLab template's before_script and script
// with sh, its variables set as a job that extends it would set them,
// and a flowtrace on PATH (the before_script then installs nothing).
func TestGitLabTemplate(t *testing.T) {
	text, err := os.ReadFile(filepath.Join(repoRoot, "ci", "flowtrace.gitlab-ci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := yamlBlocks(t, string(text), "- |")
	if len(blocks) != 2 {
		t.Fatalf("want a before_script and a script block, got %d", len(blocks))
	}
	if !strings.Contains(string(text), "junit: flowtrace-junit.xml") {
		t.Error("the template does not hand the JUnit report to GitLab")
	}
	bin := t.TempDir()
	if out, err := exec.Command("go", "build", "-o", filepath.Join(bin, "flowtrace"), ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	work := t.TempDir()
	for _, n := range []string{"client-close.pcap", "close-wait-stuck.pcap"} {
		os.WriteFile(filepath.Join(work, n), readTrace(t, n), 0o644)
	}
	os.WriteFile(filepath.Join(work, "ci.rules"), []byte("forbid state=CLOSE-WAIT\nrequire closed=graceful\n"), 0o644)
	job := func(captures string) (string, int) {
		script := "set -e\n" + blocks[0] + blocks[1]
		cmd := exec.Command("sh", "-c", script)
		cmd.Dir = work
		cmd.Env = []string{"PATH=" + bin + ":/usr/local/bin:/usr/bin:/bin", "HOME=" + os.Getenv("HOME"), "CI=true", "GITLAB_CI=true",
			"FLOWTRACE_VERSION=latest", "FLOWTRACE_CAPTURES=" + captures, "FLOWTRACE_RULES=ci.rules", "FLOWTRACE_EXPECT=", "FLOWTRACE_ARGS=--utc"}
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); ok {
			return string(out), ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), 0
	}
	out, code := job("client-close.pcap")
	if code != 0 || !strings.Contains(out, "client-close.pcap: PASS (0 of 2 checks failed)") {
		t.Fatalf("healthy capture: exit %d\n%s", code, out)
	}
	validateJUnit(t, filepath.Join(work, "flowtrace-junit.xml"))
	out, code = job("*.pcap")
	if code != exitAssert || !strings.Contains(out, "close-wait-stuck.pcap: FAIL forbid state=CLOSE-WAIT") {
		t.Fatalf("leaking capture: exit %d, want %d\n%s", code, exitAssert, out)
	}
	validateJUnit(t, filepath.Join(work, "flowtrace-junit.xml"))
}
