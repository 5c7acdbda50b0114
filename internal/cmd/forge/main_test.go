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
