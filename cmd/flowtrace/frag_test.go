package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Fragments are reported on stderr as what they are, never as malformed,
// with one line per example; unfragmented traces say nothing about them.
func TestFragmentDiagnostics(t *testing.T) {
	_, stderr, code := flowtrace(t, nil, "-q", "--utc", "-r", filepath.Join(pcapDir, "frag-forge.pcap"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	name := filepath.Join(pcapDir, "frag-forge.pcap")
	want := []string{
		"flowtrace: " + name + ": ip fragments: 16 frames, 2 datagrams reassembled, 5 trains incomplete, 2 overlap dropped, 2 with conflicting bytes, 2 tiny first fragments",
		"flowtrace: " + name + ": fragment train incomplete: 10.79.0.2 > 10.77.0.2 id 102, first fragment packet 5 at 2026-11-29 05:28:02.311048",
		"flowtrace: " + name + ": overlapping fragments, datagram dropped: fd79::3 > fd77::2 id 203, first fragment packet 14 at 2026-11-29 05:28:02.480442, packet 15, conflicting bytes",
		"flowtrace: " + name + ": tiny first fragment (< 20 bytes of TCP header): 10.79.0.1 > 10.77.0.2 id 101, first fragment packet 1 at 2026-11-29 05:28:02.236073, packet 3",
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for _, w := range want {
		found := false
		for _, l := range lines {
			found = found || l == w
		}
		if !found {
			t.Errorf("stderr lacks\n%s\ngot:\n%s", w, stderr)
		}
	}
	if len(lines) != 9 || strings.Contains(stderr, "malformed") {
		t.Errorf("stderr: %d lines\n%s", len(lines), stderr)
	}
	_, stderr, _ = flowtrace(t, nil, "-q", "-r", filepath.Join(pcapDir, "ipv6.pcap"))
	if strings.Contains(stderr, "fragment") {
		t.Errorf("unfragmented trace: %s", stderr)
	}
}
