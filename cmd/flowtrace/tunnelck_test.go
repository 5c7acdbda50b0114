package main

import (
	"bytes"
	"encoding/binary"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
)

// innerTCP is an IPv4 packet (RFC 791) carrying a TCP segment (RFC 9293
// §3.1) with correct checksums, serialised by gopacket.
func innerTCP(t *testing.T, src, dst string, sport, dport uint16, seq, ack uint32, flags string, payload []byte) []byte {
	t.Helper()
	ip := &layers.IPv4{Version: 4, TTL: 64, Id: 7, Protocol: layers.IPProtocolTCP,
		SrcIP: net.ParseIP(src).To4(), DstIP: net.ParseIP(dst).To4()}
	tcp := &layers.TCP{SrcPort: layers.TCPPort(sport), DstPort: layers.TCPPort(dport), Seq: seq, Ack: ack, Window: 502,
		SYN: strings.Contains(flags, "S"), ACK: strings.Contains(flags, "A"), RST: strings.Contains(flags, "R"),
		PSH: strings.Contains(flags, "P"), FIN: strings.Contains(flags, "F")}
	if err := tcp.SetNetworkLayerForChecksum(ip); err != nil {
		t.Fatal(err)
	}
	buf := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	if err := gopacket.SerializeLayers(buf, opts, ip, tcp, gopacket.Payload(payload)); err != nil {
		t.Fatal(err)
	}
	return bytes.Clone(buf.Bytes())
}

// inGRE wraps an IPv4 packet in GRE (RFC 2784 §2: no flags, version 0,
// protocol type 0x0800) inside an outer IPv4 header (protocol 47) from
// 192.0.2.1 to 192.0.2.2, inside Ethernet II.
func inGRE(inner []byte) []byte {
	outer := []byte{0x45, 0, 0, 0, 0, 1, 0x40, 0, 64, 47, 0, 0, 192, 0, 2, 1, 192, 0, 2, 2}
	binary.BigEndian.PutUint16(outer[2:], uint16(20+4+len(inner)))
	frame := []byte{0x02, 0, 0, 0, 0, 2, 0x02, 0, 0, 0, 0, 1, 0x08, 0x00}
	frame = append(frame, outer...)
	frame = append(frame, 0, 0, 0x08, 0x00) // GRE
	return append(frame, inner...)
}

// writeEthernetPcap writes frames 1 ms apart; caps, where > 0, is the
// captured length of the frame at that index (the snaplen's cut).
func writeEthernetPcap(t *testing.T, name string, frames [][]byte, caps map[int]int) string {
	t.Helper()
	var buf bytes.Buffer
	w := pcapgo.NewWriter(&buf)
	if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 29, 6, 0, 0, 0, time.UTC)
	for i, f := range frames {
		ci := gopacket.CaptureInfo{Timestamp: t0.Add(time.Duration(i) * time.Millisecond), CaptureLength: len(f), Length: len(f)}
		if n := caps[i]; n > 0 {
			f = f[:n]
			ci.CaptureLength = n
		}
		if err := w.WritePacket(ci, f); err != nil {
			t.Fatal(err)
		}
	}
	return writeFile(t, name, buf.Bytes())
}

// TestTunnelChecksumsApplied: inside a GRE tunnel, a client RST with a
// bad inner TCP checksum and a server segment with a bad inner IPv4
// header checksum are not applied (the receivers dropped them), are
// recorded in Zeek's history as C and c, and are counted; the good
// segments around them are applied. With --checksums off, the RST is
// applied, as before inner checksums were verified.
func TestTunnelChecksumsApplied(t *testing.T) {
	const c, s = "10.78.0.1", "10.78.0.2"
	rst := innerTCP(t, c, s, 40001, 5000, 1001, 0, "R", nil)
	rst[len(rst)-1] ^= 0x40 // the urgent pointer: the TCP checksum no longer matches
	data := innerTCP(t, s, c, 5000, 40001, 5001, 1001, "PA", []byte("hi"))
	data[8]-- // TTL: the inner IPv4 header checksum no longer matches
	frames := [][]byte{
		inGRE(innerTCP(t, c, s, 40001, 5000, 1000, 0, "S", nil)),
		inGRE(innerTCP(t, s, c, 5000, 40001, 5000, 1001, "SA", nil)),
		inGRE(innerTCP(t, c, s, 40001, 5000, 1001, 5001, "A", nil)),
		inGRE(rst),
		inGRE(data),
		inGRE(innerTCP(t, c, s, 40001, 5000, 1001, 5001, "A", nil)),
	}
	path := writeEthernetPcap(t, "gre-bad-inner.pcap", frames, nil)
	for _, tc := range []struct {
		mode, state, history, stderr string
	}{
		{"auto", "S1", "ShACc", "2 segments with a bad checksum, dropped by their receivers: not applied"},
		{"off", "RSTO", "ShARd", ""},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			dir := t.TempDir()
			_, stderr, code := flowtrace(t, nil, "-r", path, "--utc", "-q", "--checksums", tc.mode, "--zeek-log", dir)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if tc.stderr == "" && strings.Contains(stderr, "checksum") || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("stderr %q; want %q", stderr, tc.stderr)
			}
			b, err := os.ReadFile(filepath.Join(dir, "conn.log"))
			if err != nil {
				t.Fatal(err)
			}
			var rows []string
			for _, l := range strings.Split(string(b), "\n") {
				if f := strings.Split(l, "\t"); len(f) > 20 && !strings.HasPrefix(l, "#") {
					rows = append(rows, f[11]+" "+f[15]+" "+f[20])
				}
			}
			if want := tc.state + " " + tc.history + " gre 192.0.2.1>192.0.2.2"; len(rows) != 1 || rows[0] != want {
				t.Errorf("conn.log conn_state, history, tunnel_parents: %q; want [%q]", rows, want)
			}
		})
	}
}

// TestFragmentsCutUnverifiable: a datagram reassembled from fragments the
// snaplen cut cannot have its checksum verified: it is applied, counted
// on stderr and in the JSON summary, and never called bad.
func TestFragmentsCutUnverifiable(t *testing.T) {
	pkt := innerTCP(t, "10.0.0.1", "10.0.0.2", 40000, 80, 1, 0, "S", bytes.Repeat([]byte("x"), 100))
	pkt[len(pkt)-1] ^= 1 // a bad TCP checksum in bytes the snaplen cuts
	// RFC 791 §3.1: two fragments of the 120-byte payload, 64 bytes and
	// 56; each repeats the header with its own length, MF and offset.
	frag := func(off, n int, more bool) []byte {
		f := append(bytes.Clone(pkt[:20]), pkt[20+off:20+off+n]...)
		binary.BigEndian.PutUint16(f[2:], uint16(len(f)))
		fo := uint16(off / 8)
		if more {
			fo |= 0x2000
		}
		binary.BigEndian.PutUint16(f[6:], fo)
		f[10], f[11] = 0, 0
		var s uint32
		for i := 0; i < 20; i += 2 {
			s += uint32(binary.BigEndian.Uint16(f[i:]))
		}
		for s > 0xffff {
			s = s>>16 + s&0xffff
		}
		binary.BigEndian.PutUint16(f[10:], ^uint16(s))
		return append([]byte{0x02, 0, 0, 0, 0, 2, 0x02, 0, 0, 0, 0, 1, 0x08, 0x00}, f...)
	}
	path := writeEthernetPcap(t, "frag-cut.pcap", [][]byte{frag(0, 64, true), frag(64, 56, false)}, map[int]int{1: 14 + 20 + 16})
	out, stderr, code := flowtrace(t, nil, "-r", path, "--json", "-q", "--checksums", "verify")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "ip fragments: 2 frames, 1 datagrams reassembled, 1 cut by the snaplen, checksum not verified\n") || strings.Contains(stderr, "bad checksum") {
		t.Errorf("stderr %q", stderr)
	}
	if !strings.Contains(out, `"cap_dropped":0,"checksum_unverifiable":1,`) || strings.Contains(out, "bad_checksum") || !strings.Contains(out, `"SYN-SENT":1`) {
		t.Errorf("JSON:\n%s", out)
	}
}
