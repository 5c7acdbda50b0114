package main

import (
	"container/heap"
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
	var all []*rule
	r := rules{"hold", &all}
	if err := r.Set("ab:data:3:50ms"); err != nil {
		t.Fatal(err)
	}
	if got := *all[0]; got.action != "hold" || got.dir != "ab" || got.kind != "data" || got.nth != 3 || got.extra != 50*time.Millisecond {
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
	if err := (rules{"drop", &all}).Set("ba:ack:2"); err != nil {
		t.Fatal(err)
	}
	if err := (rules{"swap", &all}).Set("ab:data:10:2"); err != nil {
		t.Fatal(err)
	}
	if d, s := *all[1], *all[2]; d.action != "drop" || d.dir != "ba" || d.nth != 2 || s.action != "swap" || s.nth != 10 || s.after != 2 {
		t.Errorf("drop %+v swap %+v", d, s)
	}
	for _, bad := range []string{"ab:data:0", "ab:data:1:1ms", "ab:data"} {
		if err := (rules{"drop", &all}).Set(bad); err == nil {
			t.Errorf("drop Set(%q): no error", bad)
		}
	}
	for _, bad := range []string{"ab:data:1:0", "ab:data:0:1", "ab:data:1"} {
		if err := (rules{"swap", &all}).Set(bad); err == nil {
			t.Errorf("swap Set(%q): no error", bad)
		}
	}
}

// TestApply feeds segments through the rules without sockets: the queue's
// heap shows what would be sent, in order.
func TestApply(t *testing.T) {
	var all []*rule
	for _, c := range []struct{ action, spec string }{
		{"drop", "ab:data:2"}, {"swap", "ab:data:4:2"},
	} {
		if err := (rules{c.action, &all}).Set(c.spec); err != nil {
			t.Fatal(err)
		}
	}
	var log strings.Builder
	br := &bridge{log: &log, start: time.Now(), rules: all}
	q := newQueue(nil, br)
	now := time.Now()
	for i := 1; i <= 7; i++ {
		seg := segment{flags: tcpACK, seq: uint32(i), payload: 100}
		br.apply("ab", seg, []byte{byte(i)}, now.Add(time.Duration(i)*time.Millisecond), 0, q)
	}
	var got []byte
	for q.h.Len() > 0 {
		got = append(got, heap.Pop(&q.h).(item).frame[0])
	}
	if want := []byte{1, 3, 5, 6, 4, 7}; string(got) != string(want) {
		t.Errorf("forwarded %v, want %v\nlog:\n%s", got, want, log.String())
	}
}
