package main

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
)

func TestBuild(t *testing.T) {
	o, err := parseArgs(strings.Fields("-src 10.77.0.2:5000 -dst 10.77.0.1:40001 -flags RA -seq 7 -ack 4294967295 -win 0 -ts 1:2"), nil)
	if err != nil {
		t.Fatal(err)
	}
	p := build(o.seg)
	if len(p) != 20+32 {
		t.Fatalf("length %d, want 52", len(p))
	}
	if checksum(p[:20], 0) != 0 {
		t.Error("bad IPv4 header checksum")
	}
	tcp := p[20:]
	pseudo := sum(p[12:20], 0) + 6 + uint32(len(tcp))
	if checksum(tcp, pseudo) != 0 {
		t.Error("bad TCP checksum")
	}
	if tcp[13] != flagRST|flagACK || binary.BigEndian.Uint32(tcp[4:]) != 7 || binary.BigEndian.Uint32(tcp[8:]) != 0xffffffff {
		t.Errorf("header % x", tcp[:20])
	}
	if want := []byte{1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2}; !bytes.Equal(tcp[20:], want) {
		t.Errorf("options % x, want % x", tcp[20:], want)
	}
}

func TestFlood(t *testing.T) {
	o, err := parseArgs(strings.Fields("-src 10.79.0.0:10000 -dst 10.77.0.2:5000 -mss 1460 -count 2000 -flood-net 10.79.0.0/16"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range map[int]string{0: "10.79.0.1:10000", 249: "10.79.0.250:10249", 250: "10.79.1.1:10250", 1999: "10.79.7.250:11999"} {
		if got := floodSeg(o, i).src.String(); got != want {
			t.Errorf("source %d: %s, want %s", i, got, want)
		}
	}
	if _, err := parseArgs(strings.Fields("-src 10.79.0.0:10000 -dst 10.77.0.2:5000 -count 300 -flood-net 10.79.0.0/24"), nil); err == nil {
		t.Error("a flood leaving its prefix was accepted")
	}
}

func TestUsage(t *testing.T) {
	for _, in := range []string{
		"",
		"-src 10.0.0.1:1",
		"-src 10.0.0.1:1 -dst [fd77::1]:2",
		"-src 10.0.0.1:1 -dst 10.0.0.2:2 -flags SX",
		"-src 10.0.0.1:1 -dst 10.0.0.2:2 -ts 1",
		"-src 10.0.0.1:1 -dst 10.0.0.2:2 -count 0",
		"-src 10.0.0.1:1 -dst 10.0.0.2:2 -win 70000",
		"-src 10.0.0.1:1 -dst 10.0.0.2:2 extra",
	} {
		var stderr bytes.Buffer
		if code := run(strings.Fields(in), &stderr); code != 2 || !strings.HasPrefix(stderr.String(), "forge: ") {
			t.Errorf("run(%q): exit %d, stderr %q", in, code, stderr.String())
		}
	}
}

// Fragments (RFC 791 §3.2, RFC 8200 §4.5) put back together give the
// unfragmented segment.
func TestFrag(t *testing.T) {
	for _, args := range []string{
		"-src 10.79.0.1:1000 -dst 10.77.0.2:5000 -mss 1460 -ts 1:0 -payload 30 -id 77 -frag 16:8,0:16,24:",
		"-src [fd79::1]:1000 -dst [fd77::2]:5000 -mss 1460 -ts 1:0 -payload 30 -id 77 -frag 16:8,0:16,24:",
	} {
		o, err := parseArgs(strings.Fields(args), nil)
		if err != nil {
			t.Fatal(err)
		}
		whole := tcpSeg(o.seg)
		ps := packets(o.seg, o.frags, o.id)
		if len(ps) != 3 {
			t.Fatalf("%d packets", len(ps))
		}
		got := make([]byte, len(whole))
		for i, p := range ps {
			var off, h int
			var more bool
			if o.src.Addr().Is4() {
				fo := binary.BigEndian.Uint16(p[6:])
				off, more, h = int(fo&0x1fff)*8, fo&0x2000 != 0, 20
				if binary.BigEndian.Uint16(p[4:]) != 77 || checksum(p[:20], 0) != 0 || int(binary.BigEndian.Uint16(p[2:])) != len(p) {
					t.Errorf("IPv4 header % x", p[:20])
				}
			} else {
				fh := p[40:48]
				off, more, h = int(binary.BigEndian.Uint16(fh[2:])&0xfff8), fh[3]&1 != 0, 48
				if p[6] != 44 || fh[0] != 6 || binary.BigEndian.Uint32(fh[4:]) != 77 || int(binary.BigEndian.Uint16(p[4:])) != len(p)-40 {
					t.Errorf("IPv6 headers % x", p[:48])
				}
			}
			if more != (i != 2) {
				t.Errorf("fragment %d: more %v", i, more)
			}
			copy(got[off:], p[h:])
		}
		if !bytes.Equal(got, whole) {
			t.Errorf("reassembled % x\nwant % x", got, whole)
		}
		src, dst := o.src.Addr().AsSlice(), o.dst.Addr().AsSlice()
		if checksum(whole, sum(src, 0)+sum(dst, 0)+6+uint32(len(whole))) != 0 {
			t.Error("bad TCP checksum")
		}
	}
	o, _ := parseArgs(strings.Fields("-src 10.0.0.1:1 -dst 10.0.0.2:2 -frag 0:8,0:16x"), nil)
	ps := packets(o.seg, o.frags, 0)
	if ps[1][20] != ^ps[0][20] {
		t.Error("x did not flip the bytes")
	}
	for _, bad := range []string{"3:8", "0:0", "0", "a:1", "0:-2"} {
		if _, err := parseFrags(bad); err == nil {
			t.Errorf("-frag %q accepted", bad)
		}
	}
}
