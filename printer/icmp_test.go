package printer

import (
	"bytes"
	"encoding/json"
	"io"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

var fw = netip.MustParseAddr("fd00::fe")

// icmpFor returns an ICMPv6 error from "from" quoting s.
func icmpFor(s segment.Segment, from netip.Addr, typ, code uint8, proto uint8) segment.Segment {
	e := s
	e.Kind, e.PayloadLen = segment.ICMPError, 0
	e.Time = s.Time.Add(1000)
	e.ICMP = segment.ICMP{From: from, Type: typ, Code: code, V6: true, Proto: proto, HasFlags: proto == segment.ProtoTCP}
	return e
}

// refused is a SYN rejected by a firewall, and a UDP datagram to a closed
// port.
func refused() []segment.Segment {
	syn := seg(0, true, segment.SYN, 100, 0, 0)
	icmp := icmpFor(syn, fw, 1, 1, segment.ProtoTCP)
	udp := seg(2, true, 0, 0, 0, 5)
	udp.Kind, udp.DstPort, udp.Seq = segment.UDP, 53, 0
	unreach := icmpFor(udp, udp.Dst, 1, 4, segment.ProtoUDP)
	syn.Pkt, icmp.Pkt, udp.Pkt, unreach.Pkt = 1, 2, 3, 4
	return []segment.Segment{syn, icmp, udp, unreach}
}

func runRefused(p Printer) error {
	tr := tracker.New(tracker.Config{}, p)
	segs := refused()
	for i := range segs {
		tr.Handle(&segs[i])
	}
	tr.Flush()
	return p.Close(Summary{Tracker: tr.Stats()})
}

func TestTextICMP(t *testing.T) {
	var out bytes.Buffer
	if err := runRefused(NewText(&out, Options{})); err != nil {
		t.Fatal(err)
	}
	want := `12:00:00.000000 c1 #1 [fd00::1]:40000 > [fd00::2]:443 [S] seq 0 win 100 len 0  client CLOSED → SYN-SENT (sent SYN)
12:00:00.000001 c1 #2 ICMPv6 admin prohibited (1/1) from fd00::fe for the client's SYN (#1) seq 0 !  client SYN-SENT → CLOSED (rcvd ICMP error for its SYN: connect failed, inferred)
12:00:00.002000 probe #3 [fd00::1]:40000 > [fd00::2]:53 UDP len 5 ×1, answer ICMPv6 port unreachable (1/4) from fd00::2 (#4): closed

connections: 1
UDP probes: 1 (datagrams answered by ICMP or by nothing: see the probe lines or records)
ICMP errors: 1 about connections, 0 about nothing tracked
`
	if got := out.String(); !strings.HasPrefix(got, want) {
		t.Errorf("got\n%s\nwant it to start with\n%s", got, want)
	}
	if !strings.Contains(out.String(), "unreachable (ICMP error)") {
		t.Errorf("no ending in the table:\n%s", out.String())
	}
	out.Reset()
	if err := runRefused(NewText(&out, Options{Quiet: true})); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "ICMP") && strings.Contains(out.String(), "#2") {
		t.Errorf("-q printed ICMP lines:\n%s", out.String())
	}
}

func TestJSONICMP(t *testing.T) {
	var out bytes.Buffer
	if err := runRefused(NewJSON(&out, Options{})); err != nil {
		t.Fatal(err)
	}
	recs := map[string]map[string]any{}
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		recs[rec["type"].(string)] = rec
	}
	for typ, want := range map[string]map[string]any{
		"icmp": {"conn": 1.0, "pkt": 2.0, "from": "fd00::fe", "icmp_type": 1.0, "icmp_code": 1.0, "icmp": "admin prohibited",
			"icmp_v6": true, "side": "orig", "quote": "SYN", "quote_pkt": 1.0, "seq": 0.0, "flags": "S", "seq_ok": true, "aborted": true},
		"probe":   {"proto": "udp", "len": 5.0, "kind": "UDP", "answer": "ICMP", "answer_from": "fd00::2", "icmp": "port unreachable", "verdict": "closed", "resp_p": 53.0},
		"conn":    {"end": "unreachable (ICMP error)", "orig_state": "CLOSED"},
		"summary": {"udp_probes": 1.0, "udp_answered": 0.0, "icmp": 1.0, "icmp_unmatched": 0.0},
	} {
		for k, v := range want {
			if recs[typ][k] != v {
				t.Errorf("%s: %s = %v; want %v", typ, k, recs[typ][k], v)
			}
		}
	}
	ic, _ := recs["conn"]["icmp"].(map[string]any)
	if ic["count"] != 1.0 || ic["from"] != "fd00::fe" || ic["icmp"] != "admin prohibited" || ic["quote"] != "SYN" || ic["seq_ok"] != true {
		t.Errorf("conn icmp %v", ic)
	}
	if _, ok := recs["probe"]["flags"]; ok {
		t.Error("a UDP probe with TCP flags")
	}
}

// ICMP errors and UDP probes cost no allocation each once warm.
func TestICMPNoAllocs(t *testing.T) {
	for _, p := range []Printer{NewText(io.Discard, Options{}), NewJSON(io.Discard, Options{}), Tee(NewText(io.Discard, Options{}), NewJSON(io.Discard, Options{}))} {
		tr := tracker.New(tracker.Config{}, p)
		segs := refused()
		port := uint16(1)
		step := func() {
			port++
			for i := range segs {
				segs[i].SrcPort = port
				segs[i].Time = segs[i].Time.Add(61 * time.Second) // the previous ones expire
				tr.Handle(&segs[i])
			}
		}
		for range 100 {
			step()
		}
		if n := testing.AllocsPerRun(1000, step); n != 0 {
			t.Errorf("%T: %v allocs per SYN, ICMP error, datagram and ICMP error; want 0", p, n)
		}
	}
}
