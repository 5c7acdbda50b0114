package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
)

// TestChecksumModes: in the real bad-checksum trace, a RST at exactly
// RCV.NXT and a data segment carry bad checksums and the server's kernel
// dropped both (ss: the connection closed normally). auto and verify
// agree with the kernel; off applies the RST, as flowtrace did before
// checksums were verified.
func TestChecksumModes(t *testing.T) {
	path := filepath.Join(pcapDir, "bad-checksum.pcap")
	const dropped = "2 segments with a bad checksum, dropped by their receivers: not applied"
	for _, tc := range []struct {
		mode, row, stderr string
	}{
		{"auto", "TIME-WAIT  CLOSED     SF    closed by client", dropped},
		{"verify", "TIME-WAIT  CLOSED     SF    closed by client", dropped},
		{"off", "TIME-WAIT  CLOSED     RSTO  closed by client", ""},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			out, stderr, code := flowtrace(t, nil, "-r", path, "--utc", "-q", "--checksums", tc.mode)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(out, tc.row) {
				t.Errorf("table lacks %q:\n%s", tc.row, out)
			}
			if tc.stderr == "" && stderr != "" || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr %q; want %q", stderr, tc.stderr)
			}
		})
	}
	_, stderr, code := flowtrace(t, nil, "-r", path, "--checksums", "on")
	if code != exitUsage || !strings.Contains(stderr, `invalid argument "on" for "--checksums" flag: must be auto, verify or off`) {
		t.Errorf("--checksums on: exit %d, %q; want a usage error", code, stderr)
	}
}

// TestChecksumOffload: client-close as a capture on a host with checksum
// offload would show it: the client's checksums are the pseudo-header sum
// alone (Linux CHECKSUM_PARTIAL), the server's are zero. auto recognises
// both senders as offloading, says so once each, and prints exactly what
// the original trace gives; verify drops everything.
func TestChecksumOffload(t *testing.T) {
	orig := filepath.Join(pcapDir, "client-close.pcap")
	offl := filepath.Join(t.TempDir(), "offload.pcap")
	rewriteChecksums(t, orig, offl, map[string]func(ph uint16) uint16{
		"10.77.0.1": func(ph uint16) uint16 { return ph },
		"10.77.0.2": func(uint16) uint16 { return 0 },
	})
	for _, form := range [][]string{nil, {"--json"}} {
		want, _, _ := flowtrace(t, nil, append([]string{"-r", orig, "--utc"}, form...)...)
		got, stderr, code := flowtrace(t, nil, append([]string{"-r", offl, "--utc"}, form...)...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if form == nil && got != want {
			t.Errorf("offloaded trace:\n%s\nwant, as the original:\n%s", got, want)
		}
		if form != nil {
			w := strings.Replace(want, `"one_sided":0,`, `"one_sided":0,"checksum_offload_senders":2,"checksum_offload":["10.77.0.1","10.77.0.2"],`, 1)
			if got != w {
				t.Errorf("JSON:\n%s\nwant:\n%s", got, w)
			}
		}
		for _, a := range []string{"10.77.0.1", "10.77.0.2"} {
			if line := "offload.pcap: " + a + ": checksums not computed (offload), not verified\n"; strings.Count(stderr, line) != 1 {
				t.Errorf("stderr %q; want once %q", stderr, line)
			}
		}
	}
	// verify: the 10 wholly captured segments are bad (the first 3, the
	// handshake, before any connection); the 3 data segments cut by the
	// snaplen cannot be verified and are applied, midstream.
	out, stderr, code := flowtrace(t, nil, "-r", offl, "--utc", "-q", "--checksums", "verify")
	if code != exitOK || !strings.Contains(out, "ESTABLISHED*  ESTABLISHED*  OTH") ||
		!strings.Contains(stderr, "10 segments with a bad checksum, dropped by their receivers: not applied (3 of no connection)") {
		t.Errorf("verify: exit %d\n%s\n%s", code, out, stderr)
	}
}

// rewriteChecksums copies the Ethernet/IPv4 capture in to out, replacing
// the TCP checksum of each segment from a listed source address with
// what its function returns for the segment's pseudo-header sum.
func rewriteChecksums(t *testing.T, in, out string, by map[string]func(ph uint16) uint16) {
	t.Helper()
	f, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := pcapgo.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := pcapgo.NewWriterNanos(&buf)
	if err := w.WriteFileHeader(r.Snaplen(), layers.LinkTypeEthernet); err != nil {
		t.Fatal(err)
	}
	for {
		data, ci, err := r.ReadPacketData()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		ip := data[14:]
		if f := by[net.IP(ip[12:16]).String()]; f != nil {
			ihl := int(ip[0]&0x0f) * 4
			tcpLen := int(binary.BigEndian.Uint16(ip[2:])) - ihl
			s := uint32(6 + tcpLen)
			for i := 12; i < 20; i += 2 {
				s += uint32(binary.BigEndian.Uint16(ip[i:]))
			}
			for s > 0xffff {
				s = s>>16 + s&0xffff
			}
			binary.BigEndian.PutUint16(ip[ihl+16:], f(uint16(s)))
		}
		if err := w.WritePacket(ci, data); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestChecksumOffloadRealTrace: the checksum-offload trace was captured
// with the veth's offloads on, so every segment but the client's last ACK
// (sent from TIME-WAIT, checksummed in software) carries the
// pseudo-header sum alone. auto finds both senders offloading and agrees
// with the kernel; verify drops the handshake and gets it wrong.
func TestChecksumOffloadRealTrace(t *testing.T) {
	path := filepath.Join(pcapDir, "checksum-offload.pcap")
	out, stderr, code := flowtrace(t, nil, "-r", path, "--utc", "-q")
	if code != exitOK || !strings.Contains(out, "TIME-WAIT  CLOSED     SF    closed by client") {
		t.Errorf("auto: exit %d\n%s", code, out)
	}
	want := "checksum-offload.pcap: 10.77.0.1: checksums not computed (offload), not verified\n" +
		"flowtrace: " + path + ": 10.77.0.2: checksums not computed (offload), not verified\n"
	if !strings.HasSuffix(stderr, want) || strings.Contains(stderr, "bad checksum") {
		t.Errorf("auto: stderr %q; want it to end with %q", stderr, want)
	}
	out, stderr, _ = flowtrace(t, nil, "-r", path, "--utc", "-q", "--checksums", "verify")
	if !strings.Contains(out, "ESTABLISHED   2") || !strings.Contains(stderr, "8 segments with a bad checksum") {
		t.Errorf("verify:\n%s\n%s", out, stderr)
	}
}
