//go:build cgo

package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"testing"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcap"

	"github.com/flowtrace/flowtrace/segment"
)

func TestSetFilterErrors(t *testing.T) {
	r := NewReader(&fakeSource{links: []LinkType{LinkEthernet}})
	err := r.SetFilter("tcp prot 80")
	if want := `capture: bad filter "tcp prot 80": can't parse filter expression: syntax error`; err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	if !errors.Is(err, ErrBadFilter) {
		t.Errorf("errors.Is(%v, ErrBadFilter) = false", err)
	}
	if err := r.SetFilter("tcp port 80"); err != nil {
		t.Errorf("good filter: %v", err)
	}
	if err := r.SetFilter(""); err != nil {
		t.Errorf("no filter: %v", err)
	}
	// A filter that only fails for the source's link type fails at once.
	r = NewReader(&fakeSource{links: []LinkType{LinkRaw}})
	if err := r.SetFilter("ether host 02:00:00:00:00:01"); !errors.Is(err, ErrBadFilter) {
		t.Errorf("ether filter on raw IP: %v; want ErrBadFilter", err)
	}
}

// TestFilterMatchesLibpcap runs compiled filters with the Go interpreter
// and with libpcap's own pcap_offline_filter, over the same frames.
func TestFilterMatchesLibpcap(t *testing.T) {
	frames := mix(t)
	frames = append(frames,
		eth(etherIPv4, ip4(t, tcpSpec{src: "192.168.1.1", dst: "192.168.1.2", sport: 22, dport: 50000, flags: segment.ACK, payload: []byte("ssh")})),
		eth(etherIPv4, func() []byte { b := ip4(t, synSpec); b[6] = 0x20; return b }()),
		eth(etherIPv4, ip4(t, synSpec)[:30]),
		eth(etherIPv6, ip6(t, v6(synSpec), optsHdr(0, 0))),
	)
	filters := []string{
		"tcp", "udp", "arp", "ip6", "vlan", "vlan and tcp",
		"tcp port 80", "tcp port 22", "host 10.0.0.1", "net 192.168.0.0/16",
		"tcp[tcpflags] & tcp-syn != 0", "tcp[13] & 0x12 == 0x12",
		"len > 200", "greater 1000", "less 80",
		"ip[2:2] - ((ip[0]&0xf)<<2) - ((tcp[12]&0xf0)>>2) != 0",
		"ip and tcp[4:4] % 3 == 1", "ip and tcp[4:4] / 7 > 10", "ip and (tcp[4:4] ^ 0xff) * 2 > 100",
		"ip6 and tcp", "ip6 host 2001:db8::2", "ether src 02:00:00:00:00:01",
		"ip[6:2] & 0x3fff != 0", "not tcp",
	}
	for _, expr := range filters {
		prog, err := compileBPF(expr, LinkEthernet)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		ref, err := pcap.NewBPF(layers.LinkTypeEthernet, MaxSnaplen, expr)
		if err != nil {
			t.Fatal(err)
		}
		matched := 0
		for i, f := range frames {
			for _, cut := range []int{len(f), min(len(f), 60)} {
				ci := gopacket.CaptureInfo{Timestamp: t0, CaptureLength: cut, Length: len(f)}
				got := bpfRun(prog, f[:cut], uint32(len(f))) != 0
				if want := ref.Matches(ci, f[:cut]); got != want {
					t.Errorf("%q on frame %d cut %d: Go %v, libpcap %v", expr, i, cut, got, want)
				}
				if got {
					matched++
				}
			}
		}
		if matched == 0 && expr != "udp and tcp" {
			t.Logf("%q matched nothing", expr)
		}
	}
}

// TestFilterLinkTypes: "tcp port 80" selects the right segments on
// Ethernet, SLL2 and raw-IP files.
func TestFilterLinkTypes(t *testing.T) {
	other := tcpSpec{src: "192.168.1.1", dst: "192.168.1.2", sport: 22, dport: 50000, flags: segment.ACK, payload: []byte("ssh")}
	p80, p22 := ip4(t, synSpec), ip4(t, other)
	q80, q22 := ip6(t, v6(synSpec)), ip6(t, v6(other))
	tests := []struct {
		link   LinkType
		frames [][]byte
	}{
		{LinkEthernet, [][]byte{eth(etherIPv4, p80), eth(etherIPv4, p22), eth(etherIPv6, q80), eth(etherIPv6, q22)}},
		{LinkSLL2, [][]byte{sll2(etherIPv4, p80), sll2(etherIPv4, p22), sll2(etherIPv6, q80), sll2(etherIPv6, q22)}},
		{LinkLinuxSLL, [][]byte{sll(etherIPv4, p80), sll(etherIPv4, p22), sll(etherIPv6, q80), sll(etherIPv6, q22)}},
		{LinkRaw, [][]byte{p80, p22, q80, q22}},
		{LinkIPv4, [][]byte{p80, p22}},
		{LinkNull, [][]byte{null(2, binary.LittleEndian, p80), null(2, binary.LittleEndian, p22)}},
		{LinkLoop, [][]byte{null(2, binary.BigEndian, p80), null(2, binary.BigEndian, p22)}},
	}
	for _, tt := range tests {
		t.Run(tt.link.String(), func(t *testing.T) {
			f, err := OpenFile("-", bytes.NewReader(pcapFile(binary.LittleEndian, false, tt.link, tt.frames...)))
			if err != nil {
				t.Fatal(err)
			}
			r := NewReader(f)
			if err := r.SetFilter("tcp port 80"); err != nil {
				t.Fatal(err)
			}
			var seg segment.Segment
			var pkts []uint64
			for r.Next(&seg) == nil {
				if seg.DstPort != 80 {
					t.Errorf("frame %d: port %d passed the filter", seg.Pkt, seg.DstPort)
				}
				pkts = append(pkts, seg.Pkt)
			}
			want := []uint64{1, 3}[:len(tt.frames)/2]
			if !slices.Equal(pkts, want) {
				t.Errorf("frames %v passed; want %v", pkts, want)
			}
			if st := r.Stats(); st.Filtered != uint64(len(tt.frames)/2) {
				t.Errorf("Filtered = %d", st.Filtered)
			}
		})
	}
}

// TestFilterMixedLinkTypes: a pcapng file with Ethernet and SLL2
// interfaces gets the filter compiled for each.
func TestFilterMixedLinkTypes(t *testing.T) {
	o := binary.LittleEndian
	other := tcpSpec{src: "192.168.1.1", dst: "192.168.1.2", sport: 22, dport: 50000, flags: segment.ACK}
	b := cat(ngSHBBlock(o), ngIDBBlock(o, LinkEthernet, 0), ngIDBBlock(o, LinkSLL2, 0),
		ngEPBBlock(o, 0, 1, eth(etherIPv4, ip4(t, synSpec))),
		ngEPBBlock(o, 1, 2, sll2(etherIPv4, ip4(t, other))),
		ngEPBBlock(o, 1, 3, sll2(etherIPv4, ip4(t, synSpec))),
		ngEPBBlock(o, 0, 4, eth(etherIPv4, ip4(t, other))))
	f, err := OpenFile("-", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	r := NewReader(f)
	if err := r.SetFilter("tcp port 80"); err != nil {
		t.Fatal(err)
	}
	var seg segment.Segment
	var pkts []uint64
	for r.Next(&seg) == nil {
		pkts = append(pkts, seg.Pkt)
	}
	if want := []uint64{1, 3}; !slices.Equal(pkts, want) {
		t.Errorf("frames %v passed; want %v", pkts, want)
	}
}
