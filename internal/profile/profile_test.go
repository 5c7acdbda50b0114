package profile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestProfiles(t *testing.T) {
	dir := t.TempDir()
	p := Profiles{CPU: filepath.Join(dir, "cpu.pprof"), Mem: filepath.Join(dir, "mem.pprof")}
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	sink := 0
	for i := range 1_000_000 {
		sink += len(strings.Repeat("x", i%7))
	}
	_ = sink
	if err := p.Stop(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{p.CPU, p.Mem} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		// Both are gzipped protocol buffers.
		if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
			t.Errorf("%s is not a pprof profile (%d bytes)", name, len(b))
		}
	}
}

func TestBadPath(t *testing.T) {
	for _, p := range []Profiles{{CPU: "/nonexistent/cpu"}, {Mem: "/nonexistent/mem"}} {
		err := p.Start()
		if err == nil {
			p.Stop()
			t.Fatalf("%+v: no error", p)
		}
		if !strings.HasPrefix(err.Error(), "--") || !strings.Contains(err.Error(), "/nonexistent/") {
			t.Errorf("error %q does not name the flag and the file", err)
		}
	}
}
