package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const (
	pcapDir   = "../../testdata/pcaps"
	goldenDir = "../../testdata/golden"
)

// traces returns the bundled capture files.
func traces(t *testing.T) []string {
	t.Helper()
	var out []string
	ents, err := os.ReadDir(pcapDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if ext := filepath.Ext(e.Name()); ext == ".pcap" || ext == ".pcapng" || ext == ".gz" {
			out = append(out, filepath.Join(pcapDir, e.Name()))
		}
	}
	if len(out) == 0 {
		t.Fatal("no traces in " + pcapDir)
	}
	return out
}

// flowtrace runs the command in process and returns stdout, stderr and
// the exit status.
func flowtrace(t *testing.T, stdin []byte, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, bytes.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// TestGolden compares the transcript and the JSON Lines of every bundled
// trace with its golden file; go test -update rewrites them.
func TestGolden(t *testing.T) {
	for _, path := range traces(t) {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		for _, form := range []struct {
			ext  string
			args []string
		}{
			{".txt", nil},
			{".jsonl", []string{"--json"}},
			{".v.txt", []string{"-v"}},
		} {
			t.Run(name+form.ext, func(t *testing.T) {
				// --utc: the goldens must not depend on the machine's time zone.
				args := append([]string{"-r", path, "--utc"}, form.args...)
				out, stderr, code := flowtrace(t, nil, args...)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr)
				}
				checkGolden(t, filepath.Join(goldenDir, name+form.ext), out)
				// The same input must give byte-identical output.
				again, _, _ := flowtrace(t, nil, args...)
				if again != out {
					t.Error("second run gave different output")
				}
			})
		}
	}
}

// TestGoldenFormats: the transcript's -t timestamp formats and the wide
// table, on two traces, against golden files (go test -update rewrites
// them). The -t options count: -tt is two, -ttttt five.
func TestGoldenFormats(t *testing.T) {
	for _, tc := range []struct {
		trace, ext string
		args       []string
		tstamp     int
	}{
		{"simultaneous-close", ".t.txt", []string{"-t"}, 1},
		{"simultaneous-close", ".tt.txt", []string{"-tt"}, 2},
		{"simultaneous-close", ".ttt.txt", []string{"-ttt"}, 3},
		{"simultaneous-close", ".tttt.txt", []string{"-tttt"}, 4},
		{"simultaneous-close", ".ttttt.txt", []string{"-t", "-tttt"}, 5},
		{"port-reuse", ".wide.txt", []string{"--wide"}, 0},
		{"ipv6", ".wide.txt", []string{"--wide", "-v"}, 0},
		{"loss-rto", ".wide.txt", []string{"--wide"}, 0},
	} {
		t.Run(tc.trace+tc.ext, func(t *testing.T) {
			args := append([]string{"-r", filepath.Join(pcapDir, tc.trace+".pcap"), "--utc"}, tc.args...)
			cfg, err := parseFlags(args, io.Discard)
			if err != nil || cfg.tstamp != tc.tstamp {
				t.Fatalf("%v parses as %d -t (%v); want %d", tc.args, cfg.tstamp, err, tc.tstamp)
			}
			out, stderr, code := flowtrace(t, nil, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			checkGolden(t, filepath.Join(goldenDir, tc.trace+tc.ext), out)
		})
	}
}

// diffLines shows the first lines where want and got differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}
