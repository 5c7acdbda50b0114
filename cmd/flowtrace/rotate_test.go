package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/internal/zeeklog"
)

// TestZeekRotate: --rotate closes and renames every log at each interval
// boundary of the capture clock, and at the end; the hook gets Zeek's
// postprocessor arguments; no line is lost or written twice.
func TestZeekRotate(t *testing.T) {
	dir := t.TempDir()
	logs := filepath.Join(dir, "logs")
	hook := filepath.Join(dir, "hook.sh")
	if err := os.WriteFile(hook, []byte("#!/bin/sh\necho \"$@\" >> "+filepath.Join(dir, "hooks.txt")+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	trace := filepath.Join(pcapDir, "syn-flood-long.pcap")
	// A short idle timeout ends connections all along the trace.
	args := []string{"-q", "--json", "-r", trace, "--idle-timeout", "500ms", "--zeek-log", logs, "--rotate", "1s", "--rotate-cmd", hook}
	var out, errb bytes.Buffer
	if code := run(context.Background(), args, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	ents, err := os.ReadDir(logs)
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile(`^(conn|findings|probes)\.(\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d)\.log$`)
	var conns int
	var connFiles []*zeeklog.Log
	var names []string
	for _, e := range ents {
		m := name.FindStringSubmatch(e.Name())
		if m == nil {
			t.Errorf("%s: not a rotated log name", e.Name())
			continue
		}
		names = append(names, e.Name())
		f, err := os.Open(filepath.Join(logs, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		l, err := zeeklog.Parse(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		if l.Path != m[1] || l.Open != m[2] || l.Close == "" {
			t.Errorf("%s: #path %s, #open %s, #close %q", e.Name(), l.Path, l.Open, l.Close)
		}
		if l.Path == "conn" {
			conns += len(l.Rows)
			connFiles = append(connFiles, l)
		}
	}
	if len(connFiles) < 2 {
		t.Fatalf("conn.log rotated into %d files, want several: %v", len(connFiles), names)
	}
	for i := 1; i < len(connFiles); i++ {
		if connFiles[i].Open != connFiles[i-1].Close {
			t.Errorf("conn file %d opens at %s, the previous closed at %s", i, connFiles[i].Open, connFiles[i-1].Close)
		}
	}
	if want := strings.Count(out.String(), `"type":"conn"`); conns != want {
		t.Errorf("%d conn.log lines over the rotated files, %d conn records", conns, want)
	}
	hooks, err := os.ReadFile(filepath.Join(dir, "hooks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var hooked []string
	for _, line := range strings.Split(strings.TrimSpace(string(hooks)), "\n") {
		f := strings.Fields(line)
		if len(f) != 6 || f[5] != "ascii" || !regexp.MustCompile(`^\d\d-\d\d-\d\d_\d\d\.\d\d\.\d\d$`).MatchString(f[2]) {
			t.Errorf("hook arguments %q", line)
			continue
		}
		hooked = append(hooked, filepath.Base(f[0]))
		// conn.* sort first: the last conn file is the one the end rotated.
		wantLast := f[0] == filepath.Join(logs, names[len(connFiles)-1])
		if f[1] == "conn" && (f[4] == "1") != wantLast {
			t.Errorf("hook %q: terminating %s", line, f[4])
		}
	}
	slices.Sort(hooked)
	if !slices.Equal(hooked, names) {
		t.Errorf("hooks ran on %v, the rotated files are %v", hooked, names)
	}
}

func TestRotateFlags(t *testing.T) {
	good := filepath.Join(pcapDir, "client-close.pcap")
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"-r", good, "--rotate", "1h"}, "flowtrace: --rotate and --rotate-cmd need --zeek-log"},
		{[]string{"-r", good, "--zeek-log", t.TempDir(), "--rotate", "10ms"}, "flowtrace: --rotate must be at least 1s, not 10ms"},
		{[]string{"-r", good, "--zeek-log", t.TempDir(), "--rotate-cmd", "true"}, "flowtrace: --rotate-cmd needs --rotate"},
	} {
		var out, errb bytes.Buffer
		code := run(context.Background(), tt.args, nil, &out, &errb)
		if first, _, _ := strings.Cut(errb.String(), "\n"); code != 2 || first != tt.msg {
			t.Errorf("%v: exit %d, %q; want 2, %q", tt.args, code, first, tt.msg)
		}
	}
}

// TestZeekProbesFindings: --zeek-log also writes probes.log and
// findings.log, one line per JSON probe and finding record, and no such
// file when there is nothing to log.
func TestZeekProbesFindings(t *testing.T) {
	logs := t.TempDir()
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"--json", "-r", filepath.Join(pcapDir, "stealth-xmas.pcap"), "--zeek-log", logs}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for path, rec := range map[string]string{"probes": `"type":"probe"`, "findings": `"type":"finding"`} {
		f, err := os.Open(filepath.Join(logs, path+".log"))
		if err != nil {
			t.Fatal(err)
		}
		l, err := zeeklog.Parse(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s.log: %v", path, err)
		}
		if want := strings.Count(out.String(), rec); len(l.Rows) != want || want == 0 {
			t.Errorf("%s.log: %d lines, %d JSON records", path, len(l.Rows), want)
		}
	}
	logs = t.TempDir()
	if code := run(context.Background(), []string{"-q", "-r", filepath.Join(pcapDir, "client-close.pcap"), "--zeek-log", logs}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if ents, _ := os.ReadDir(logs); len(ents) != 1 || ents[0].Name() != "conn.log" {
		t.Errorf("files without probes or findings: %v", ents)
	}
}
