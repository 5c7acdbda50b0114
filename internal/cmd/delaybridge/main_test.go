package main

import (
	"encoding/hex"
	"strings"
	"testing"
	"time"
)

// A client FIN+ACK shaped like those in testdata/pcaps/client-close.pcap (checksums not valid): Ethernet,
// IPv4, TCP with timestamps, no payload.
const finFrame = "02770000000202770000000108004500003489b3400040069cb20a4d00010a4d0002" +
	"9c411388e4a0b5f6ff4b7b7c8011004514c700000101080acebbd0bf851a9e4a"

func TestParseTCP(t *testing.T) {
	f, err := hex.DecodeString(finFrame)
	if err != nil {
		t.Fatal(err)
	}
	s, ok := parseTCP(f)
	if !ok {
		t.Fatal("not parsed as TCP")
	}
	if s.sport != 40001 || s.dport != 5000 || s.payload != 0 || s.flags != tcpFIN|tcpACK {
		t.Errorf("got %+v", s)
	}
	for kind, want := range map[string]bool{"fin": true, "any": true, "data": false, "syn": false, "ack": false, "rst": false} {
		if s.is(kind) != want {
			t.Errorf("is(%q) = %v, want %v", kind, !want, want)
		}
	}
	if _, ok := parseTCP(f[:30]); ok {
		t.Error("truncated frame parsed as TCP")
	}
	arp := append([]byte(nil), f...)
	arp[12], arp[13] = 0x08, 0x06
	if _, ok := parseTCP(arp); ok {
		t.Error("ARP frame parsed as TCP")
	}
}

func TestHoldRules(t *testing.T) {
	var r rules
	if err := r.Set("ab:data:3:50ms"); err != nil {
		t.Fatal(err)
	}
	if got := *r[0]; got.dir != "ab" || got.kind != "data" || got.nth != 3 || got.extra != 50*time.Millisecond {
		t.Errorf("rule %+v", got)
	}
	for _, bad := range []string{"ab:data:3", "xy:data:1:1ms", "ab:bogus:1:1ms", "ab:fin:-1:1ms", "ab:fin:1:soon"} {
		if err := r.Set(bad); err == nil {
			t.Errorf("Set(%q): no error", bad)
		}
	}
	if !strings.Contains(r.String(), "1") {
		t.Errorf("String() = %q", r.String())
	}
}
