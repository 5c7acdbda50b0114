package main

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

func readTrace(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(pcapDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCLIErrors checks every way the command line or the input can be
// wrong: the exit status and the one-line message naming the problem.
func TestCLIErrors(t *testing.T) {
	good := filepath.Join(pcapDir, "client-close.pcap")
	text := writeFile(t, "notes.pcap", []byte("this is not a capture file, whatever its name says\n"))
	empty := writeFile(t, "empty.pcap", nil)
	// A pcap header announcing link type 147 (USER0), then one record.
	user0 := binary.LittleEndian.AppendUint32(nil, 0xa1b2c3d4)
	user0 = binary.LittleEndian.AppendUint16(user0, 2)
	user0 = binary.LittleEndian.AppendUint16(user0, 4)
	user0 = append(user0, make([]byte, 8)...)
	user0 = binary.LittleEndian.AppendUint32(user0, 65535)
	user0 = binary.LittleEndian.AppendUint32(user0, 147)
	user0 = append(user0, make([]byte, 8)...)
	user0 = binary.LittleEndian.AppendUint32(user0, 4)
	user0 = binary.LittleEndian.AppendUint32(user0, 4)
	user0 = append(user0, 1, 2, 3, 4)
	unknownLink := writeFile(t, "user0.pcap", user0)

	tests := []struct {
		name string
		args []string
		code int
		msg  string // expected on the first line of stderr
	}{
		{"no input", nil, 2, "flowtrace: no input: give -r FILE (or -r - for standard input)"},
		{"unknown flag", []string{"--bogus"}, 2, "flowtrace: unknown flag: --bogus"},
		{"flag without value", []string{"-r"}, 2, "flowtrace: flag needs an argument: 'r' in -r"},
		{"bad count", []string{"-r", good, "-c", "many"}, 2, `flowtrace: invalid argument "many" for "-c, --count" flag`},
		{"zero time-wait", []string{"-r", good, "--time-wait", "0s"}, 2, "flowtrace: --time-wait must be positive, not 0s"},
		{"negative idle", []string{"-r", good, "--idle-timeout", "-1m"}, 2, "flowtrace: --idle-timeout must be positive, not -1m0s"},
		{"zero workers", []string{"-r", good, "--workers", "0"}, 2, "flowtrace: --workers must be from 1 to 64, not 0"},
		{"negative workers", []string{"-r", good, "--workers", "-2"}, 2, "flowtrace: --workers must be from 1 to 64, not -2"},
		{"too many workers", []string{"-r", good, "--workers", "65"}, 2, "flowtrace: --workers must be from 1 to 64, not 65"},
		{"workers not a number", []string{"-r", good, "--workers", "two"}, 2, "flowtrace: invalid argument \"two\" for \"--workers\" flag: must be an integer"},
		{"quiet and verbose", []string{"-r", good, "-q", "-v"}, 2, "flowtrace: -q and -v are exclusive"},
		{"bad progress", []string{"-r", good, "--progress", "sometimes"}, 2, `flowtrace: --progress must be auto, always or never, not "sometimes"`},
		{"six -t", []string{"-r", good, "-tttttt"}, 2, "flowtrace: only -t, -tt, -ttt, -tttt and -ttttt are supported"},
		{"bad filter", []string{"-r", good, "tcp", "prot", "80"}, 2, `flowtrace: capture: bad filter "tcp prot 80"`},
		{"missing file", []string{"-r", "/nonexistent/trace.pcap"}, 1, "flowtrace: capture: open /nonexistent/trace.pcap: no such file or directory"},
		{"directory", []string{"-r", t.TempDir()}, 1, "flowtrace: capture: "},
		{"not a capture", []string{"-r", text}, 1, "flowtrace: capture: " + text + ": not a pcap or pcapng file"},
		{"empty file", []string{"-r", empty}, 1, "flowtrace: capture: " + empty + ": "},
		{"unknown link type", []string{"-r", unknownLink}, 1, "flowtrace: capture: " + unknownLink + ": unsupported link type 147"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := flowtrace(t, nil, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d; want %d\nstderr: %s", code, tt.code, stderr)
			}
			first, _, _ := strings.Cut(stderr, "\n")
			if !strings.HasPrefix(first, tt.msg) {
				t.Errorf("stderr %q; want it to start with %q", first, tt.msg)
			}
			if tt.code == 2 && !strings.Contains(stderr, "Run 'flowtrace --help' for usage.") {
				t.Errorf("usage error without the --help hint: %q", stderr)
			}
		})
	}
}

// TestTruncatedCapture cuts a real trace in the middle of a record: every
// packet before the damage is analysed and printed, the error names the
// file and the record, and the exit status is 1.
func TestTruncatedCapture(t *testing.T) {
	full := readTrace(t, "half-close.pcap")
	cut := writeFile(t, "cut.pcap", full[:len(full)-30])
	out, stderr, code := flowtrace(t, nil, "-r", cut, "--json")
	if code != 1 {
		t.Errorf("exit %d; want 1", code)
	}
	if !strings.Contains(stderr, "flowtrace: capture: "+cut+": truncated capture: record ") {
		t.Errorf("stderr %q lacks the truncation error", stderr)
	}
	// Everything before the last record is there: the server's FIN.
	if !strings.Contains(out, `"to":"LAST-ACK"`) || !strings.Contains(out, `"type":"summary"`) {
		t.Errorf("output lost packets before the damage:\n%s", out)
	}
	whole, _, _ := flowtrace(t, nil, "-r", filepath.Join(pcapDir, "half-close.pcap"), "--json")
	if strings.Count(out, "\n") < strings.Count(whole, "\n")-3 {
		t.Errorf("truncated run printed %d lines; the whole file %d", strings.Count(out, "\n"), strings.Count(whole, "\n"))
	}
}

// TestInputs reads one trace as a file, from stdin, gzipped, zstd
// compressed, and through a BPF filter.
func TestInputs(t *testing.T) {
	path := filepath.Join(pcapDir, "client-close.pcap")
	raw := readTrace(t, "client-close.pcap")
	want, _, code := flowtrace(t, nil, "-r", path)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if got, _, _ := flowtrace(t, raw, "-r", "-"); got != want {
		t.Errorf("stdin output differs from file output")
	}
	// Compressed, told by content: the names say nothing.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(raw)
	zw.Close()
	var zst bytes.Buffer
	zsw, err := zstd.NewWriter(&zst)
	if err != nil {
		t.Fatal(err)
	}
	zsw.Write(raw)
	zsw.Close()
	for _, c := range []struct {
		name string
		data []byte
	}{{"gzip", gz.Bytes()}, {"zstd", zst.Bytes()}} {
		got, stderr, code := flowtrace(t, nil, "-r", writeFile(t, c.name+".trace", c.data))
		if code != 0 || got != want {
			t.Errorf("%s: exit %d, output differs from the plain file's: %s", c.name, code, stderr)
		}
		if got, _, _ := flowtrace(t, c.data, "-r", "-"); got != want {
			t.Errorf("%s on stdin: output differs from the plain file's", c.name)
		}
	}
	// A filter on a file: the SYN scan probes 200 ports; keep port 80.
	out, stderr, code := flowtrace(t, nil, "-r", filepath.Join(pcapDir, "syn-scan.pcap"), "--json", "tcp", "port", "80")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := strings.Count(out, `"type":"conn"`); n != 1 {
		t.Errorf("filter kept %d connections; want 1", n)
	}
	if !strings.Contains(out, `"resp_p":80,`) {
		t.Errorf("filter kept the wrong connection:\n%s", out)
	}
	// -c stops early.
	out, _, _ = flowtrace(t, nil, "-r", path, "--json", "-c", "2")
	if !strings.Contains(out, `"tcp":2,`) {
		t.Errorf("-c 2 read more than 2 segments:\n%s", out)
	}
}

// TestProgress: never in pipes by default; with --progress always a
// progress line is drawn and erased again.
func TestProgress(t *testing.T) {
	path := writeFile(t, "big.pcap", bigCapture(t, 40000))
	_, stderr, code := flowtrace(t, nil, "-r", path)
	if code != 0 || stderr != "" {
		t.Errorf("default run wrote to stderr (exit %d): %q", code, stderr)
	}
	_, stderr, code = flowtrace(t, nil, "-r", path, "--progress", "always")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(stderr, "packets/s") || !strings.Contains(stderr, "%)") || !strings.HasSuffix(stderr, "\r") {
		t.Errorf("progress line missing or not erased: %q", stderr)
	}
}

// TestQuietFlag: -q prints the tables of the default transcript and
// nothing before them; with --json, only conn and summary records.
func TestQuietFlag(t *testing.T) {
	path := filepath.Join(pcapDir, "loss-fast.pcap")
	full, _, _ := flowtrace(t, nil, "-r", path)
	quiet, stderr, code := flowtrace(t, nil, "-r", path, "--quiet")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	_, tables, _ := strings.Cut(full, "\nconnections: ")
	if quiet != "connections: "+tables {
		t.Errorf("-q output is not the tables of the default output:\n%s", quiet)
	}
	js, _, _ := flowtrace(t, nil, "-r", path, "-q", "--json")
	for _, line := range strings.Split(strings.TrimSpace(js), "\n") {
		if !strings.HasPrefix(line, `{"type":"conn"`) && !strings.HasPrefix(line, `{"type":"summary"`) {
			t.Errorf("-q --json wrote %s", line)
		}
	}
}

// TestProfileFlags: --cpuprofile and --memprofile write pprof files and
// change nothing in the output; a file that cannot be created is a
// runtime error naming the flag, before any output.
func TestProfileFlags(t *testing.T) {
	path := filepath.Join(pcapDir, "client-close.pcap")
	want, _, _ := flowtrace(t, nil, "-r", path)
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.pprof"), filepath.Join(dir, "mem.pprof")
	got, stderr, code := flowtrace(t, nil, "-r", path, "--cpuprofile", cpu, "--memprofile", mem)
	if code != 0 || got != want {
		t.Fatalf("exit %d, output differs: %s", code, stderr)
	}
	for _, p := range []string{cpu, mem} {
		b, err := os.ReadFile(p)
		if err != nil || len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
			t.Errorf("%s: not a pprof profile (%d bytes, %v)", p, len(b), err)
		}
	}
	for _, flag := range []string{"--cpuprofile", "--memprofile"} {
		out, stderr, code := flowtrace(t, nil, "-r", path, flag, "/nonexistent/x.pprof")
		if code != 1 || out != "" || !strings.HasPrefix(stderr, "flowtrace: "+flag+": open /nonexistent/x.pprof: ") {
			t.Errorf("%s in a missing directory: exit %d, stdout %d bytes, stderr %q", flag, code, len(out), stderr)
		}
	}
}
