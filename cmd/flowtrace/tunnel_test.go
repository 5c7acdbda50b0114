package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTunnelBPF: a BPF filter applies to the outer frame, as in tcpdump:
// the VXLAN trace's TCP is inside UDP port 4789.
func TestTunnelBPF(t *testing.T) {
	path := filepath.Join(pcapDir, "tunnel-vxlan.pcap")
	for _, tt := range []struct {
		filter []string
		conns  int
	}{
		{nil, 2},
		{[]string{"udp", "port", "4789"}, 2},
		{[]string{"ip6"}, 1},
		{[]string{"tcp", "port", "5000"}, 0},
	} {
		out, stderr, code := flowtrace(t, nil, append([]string{"-r", path, "--json", "-q"}, tt.filter...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.filter, code, stderr)
		}
		if n := strings.Count(out, `"type":"conn"`); n != tt.conns {
			t.Errorf("filter %q: %d connections; want %d", tt.filter, n, tt.conns)
		}
	}
}

// TestTunnelZeekLog: conn.log's tunnel_parents names each connection's
// tunnel.
func TestTunnelZeekLog(t *testing.T) {
	dir := t.TempDir()
	if _, stderr, code := flowtrace(t, nil, "-r", filepath.Join(pcapDir, "tunnel-vxlan.pcap"), "-q", "--zeek-log", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "conn.log"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Split(l, "\t"); len(f) > 20 && !strings.HasPrefix(l, "#") {
			got = append(got, f[2]+" "+f[20])
		}
	}
	if s := strings.Join(got, "|"); s != "10.78.0.1 vxlan 10.77.0.1>10.77.0.2 vni 42|fd78::1 vxlan fd77::1>fd77::2 vni 43" {
		t.Errorf("tunnel_parents: %q", s)
	}
}

// TestUnreachableFrames: frames that may hold TCP flowtrace cannot reach
// (here IPsec ESP, RFC 4303) are counted by cause in the summary and on
// stderr, apart from malformed ones, and the run succeeds.
func TestUnreachableFrames(t *testing.T) {
	le := binary.LittleEndian
	file := le.AppendUint32(nil, 0xa1b2c3d4)
	file = le.AppendUint16(file, 2)
	file = le.AppendUint16(file, 4)
	file = append(file, make([]byte, 8)...)
	file = le.AppendUint32(file, 65535)
	file = le.AppendUint32(file, 101) // LINKTYPE_RAW
	esp := []byte{0x45, 0, 0, 68, 0, 1, 0x40, 0, 64, 50, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2}
	esp = append(esp, make([]byte, 48)...) // SPI, sequence, encrypted payload
	for i := range 3 {
		file = le.AppendUint32(file, uint32(1700000000+i))
		file = le.AppendUint32(file, 0)
		file = le.AppendUint32(file, uint32(len(esp)))
		file = le.AppendUint32(file, uint32(len(esp)))
		file = append(file, esp...)
	}
	out, stderr, code := flowtrace(t, nil, "-r", writeFile(t, "esp.pcap", file), "--json", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "skipped 3 of 3 frames that could not be decoded: ESP (encrypted) 3\n") || strings.Contains(stderr, "malformed") ||
		!strings.Contains(stderr, "no connection tracked, though these may have held TCP: 3 skipped frames (see above)\n") {
		t.Errorf("stderr %q", stderr)
	}
	if !strings.Contains(out, `"skipped":{"ESP (encrypted)":3}`) {
		t.Errorf("summary: %s", out)
	}
}
