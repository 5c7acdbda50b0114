package capture

import (
	"encoding/binary"
	"io"
	"net"
	"net/netip"
	"reflect"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
)

const router4, router6 = "10.0.0.254", "2001:db8::fe"

// udp4 returns an IPv4 packet carrying a UDP datagram with n payload bytes.
func udp4(t testing.TB, src, dst string, sport, dport uint16, n int) []byte {
	t.Helper()
	ip := &layers.IPv4{Version: 4, TTL: 64, Id: 7, Protocol: layers.IPProtocolUDP,
		SrcIP: net.ParseIP(src).To4(), DstIP: net.ParseIP(dst).To4()}
	u := &layers.UDP{SrcPort: layers.UDPPort(sport), DstPort: layers.UDPPort(dport)}
	u.SetNetworkLayerForChecksum(ip)
	return serialize(t, ip, u, gopacket.Payload(make([]byte, n)))
}

// udp6 is udp4 over IPv6.
func udp6(t testing.TB, src, dst string, sport, dport uint16, n int) []byte {
	t.Helper()
	ip := &layers.IPv6{Version: 6, HopLimit: 64, NextHeader: layers.IPProtocolUDP,
		SrcIP: net.ParseIP(src), DstIP: net.ParseIP(dst)}
	u := &layers.UDP{SrcPort: layers.UDPPort(sport), DstPort: layers.UDPPort(dport)}
	u.SetNetworkLayerForChecksum(ip)
	return serialize(t, ip, u, gopacket.Payload(make([]byte, n)))
}

// icmp4 returns an ICMPv4 error from src to dst quoting the first n bytes
// of quote (all of it if n < 0).
func icmp4(t testing.TB, src, dst string, typ, code uint8, quote []byte, n int) []byte {
	t.Helper()
	if n >= 0 {
		quote = quote[:n]
	}
	ip := &layers.IPv4{Version: 4, TTL: 63, Id: 9, Protocol: layers.IPProtocolICMPv4,
		SrcIP: net.ParseIP(src).To4(), DstIP: net.ParseIP(dst).To4()}
	m := &layers.ICMPv4{TypeCode: layers.CreateICMPv4TypeCode(typ, code)}
	return serialize(t, ip, m, gopacket.Payload(quote))
}

// icmp6 is icmp4 for ICMPv6: the 4 unused bytes after the checksum are
// part of the body here.
func icmp6(t testing.TB, src, dst string, typ, code uint8, quote []byte, n int) []byte {
	t.Helper()
	if n >= 0 {
		quote = quote[:n]
	}
	ip := &layers.IPv6{Version: 6, HopLimit: 63, NextHeader: layers.IPProtocolICMPv6,
		SrcIP: net.ParseIP(src), DstIP: net.ParseIP(dst)}
	m := &layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(typ, code)}
	m.SetNetworkLayerForChecksum(ip)
	return serialize(t, ip, m, gopacket.Payload(append(make([]byte, 4), quote...)))
}

func TestDatagrams(t *testing.T) {
	syn4, syn6 := ip4(t, synSpec), ip6(t, v6(synSpec))
	probe4 := udp4(t, cli4, srv4, 40000, 53, 0)
	a := netip.MustParseAddr
	tcpQuote := func(v6 bool, from string, typ, code uint8, flags bool) segment.Segment {
		s := segment.Segment{Kind: segment.ICMPError, Src: a(cli4), Dst: a(srv4), SrcPort: 40000, DstPort: 80, Seq: seqnum.Value(100)}
		if v6 {
			s.Src, s.Dst = a(cli6), a(srv6)
		}
		s.ICMP = segment.ICMP{From: a(from), Type: typ, Code: code, V6: v6, Proto: segment.ProtoTCP, HasFlags: flags}
		if flags {
			s.Flags = segment.SYN
		}
		return s
	}
	udpQuote := segment.Segment{Kind: segment.ICMPError, Src: a(cli4), Dst: a(srv4), SrcPort: 40000, DstPort: 53,
		ICMP: segment.ICMP{From: a(srv4), Type: 3, Code: 3, Proto: segment.ProtoUDP, HasFlags: false}}
	tests := []struct {
		name  string
		frame []byte
		link  LinkType
		want  *segment.Segment // nil: not delivered
		short bool
	}{
		{"admin prohibited, whole quote", eth(etherIPv4, icmp4(t, router4, cli4, 3, 13, syn4, -1)), LinkEthernet, ptr(tcpQuote(false, router4, 3, 13, true)), false},
		{"host unreachable, 8 bytes", icmp4(t, router4, cli4, 3, 1, syn4, 28), LinkRaw, ptr(tcpQuote(false, router4, 3, 1, false)), false},
		{"TTL exceeded, vlan", eth(etherDot1Q, cat([]byte{0, 5, 8, 0}, icmp4(t, router4, cli4, 11, 0, syn4, 40))), LinkEthernet, ptr(tcpQuote(false, router4, 11, 0, true)), false},
		{"quote of 7 bytes", icmp4(t, router4, cli4, 3, 13, syn4, 27), LinkRaw, nil, true},
		{"quote of an IP header only", icmp4(t, router4, cli4, 3, 13, syn4, 19), LinkRaw, nil, true},
		{"echo request", icmp4(t, router4, cli4, 8, 0, syn4, -1), LinkRaw, nil, false},
		{"port unreachable for UDP", sll(etherIPv4, icmp4(t, srv4, cli4, 3, 3, probe4, -1)), LinkLinuxSLL, &udpQuote, false},
		{"v6 admin prohibited", icmp6(t, router6, cli6, 1, 1, syn6, -1), LinkIPv6, ptr(tcpQuote(true, router6, 1, 1, true)), false},
		{"v6 8 bytes", sll2(etherIPv6, icmp6(t, router6, cli6, 1, 4, syn6, 48)), LinkSLL2, ptr(tcpQuote(true, router6, 1, 4, false)), false},
		{"v6 short", icmp6(t, router6, cli6, 1, 4, syn6, 47), LinkRaw, nil, true},
		{"udp", null(2, binary.BigEndian, udp4(t, cli4, srv4, 40000, 53, 12)), LinkLoop, &segment.Segment{Kind: segment.UDP, Src: a(cli4), Dst: a(srv4), SrcPort: 40000, DstPort: 53, PayloadLen: 12}, false},
		{"udp6", udp6(t, cli6, srv6, 5353, 161, 0), LinkRaw, &segment.Segment{Kind: segment.UDP, Src: a(cli6), Dst: a(srv6), SrcPort: 5353, DstPort: 161}, false},
		{"arp", eth(0x0806, make([]byte, 28)), LinkEthernet, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewReader(&frames{link: tt.link, data: [][]byte{tt.frame}})
			r.SetDatagrams(true)
			var seg segment.Segment
			err := r.Next(&seg)
			st := r.Stats()
			if tt.want == nil {
				if err != io.EOF || st.NonTCP != 1 || st.ICMP+st.UDP != 0 || (st.ICMPShort == 1) != tt.short {
					t.Fatalf("Next = %v, %+v; want EOF, short %v", err, seg, tt.short)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := seg
			got.Time, got.Pkt, got.IPLen, got.TTL, got.IPID = time.Time{}, 0, 0, 0, 0
			if !reflect.DeepEqual(got, *tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, *tt.want)
			}
			if seg.Pkt != 1 || st.NonTCP != 1 || st.ICMP+st.UDP != 1 || seg.IPLen == 0 || seg.TTL == 0 {
				t.Errorf("pkt %d ttl %d iplen %d, stats %+v", seg.Pkt, seg.TTL, seg.IPLen, st)
			}
		})
	}
	// Off (the default), nothing but TCP is delivered.
	r := NewReader(&frames{link: LinkRaw, data: [][]byte{probe4, icmp4(t, router4, cli4, 3, 13, syn4, -1), syn4}})
	var seg segment.Segment
	seg.Kind = segment.UDP
	if err := r.Next(&seg); err != nil || seg.Kind != segment.TCP || seg.Pkt != 3 {
		t.Fatalf("without datagrams: %v %+v", err, seg)
	}
}

func ptr[T any](v T) *T { return &v }

// frames is a Source of given frames.
type frames struct {
	link LinkType
	data [][]byte
	i    int
}

func (f *frames) ReadFrame() ([]byte, FrameInfo, LinkType, error) {
	if f.i == len(f.data) {
		return nil, FrameInfo{}, 0, io.EOF
	}
	f.i++
	d := f.data[f.i-1]
	return d, FrameInfo{CaptureLength: len(d), Length: len(d)}, f.link, nil
}

func (f *frames) Close() error { return nil }

// TestDatagramAllocs: decoding a UDP datagram or an ICMP error does not
// allocate.
func TestDatagramAllocs(t *testing.T) {
	fr := [][]byte{udp4(t, cli4, srv4, 1, 2, 3), icmp4(t, router4, cli4, 3, 13, ip4(t, synSpec), -1)}
	var seg segment.Segment
	var r Reader
	if n := testing.AllocsPerRun(100, func() {
		for _, f := range fr {
			r.datagram(f, LinkRaw, &seg)
		}
	}); n != 0 {
		t.Errorf("%v allocations per run", n)
	}
}

func FuzzDatagram(f *testing.F) {
	syn4, syn6 := ip4(f, synSpec), ip6(f, v6(synSpec), optsHdr(0, 0), fragHdr(0, false))
	f.Add(icmp4(f, router4, cli4, 3, 13, syn4, -1))
	f.Add(icmp4(f, router4, cli4, 11, 0, syn4, 28))
	f.Add(icmp4(f, srv4, cli4, 3, 3, udp4(f, cli4, srv4, 1, 2, 0), -1))
	f.Add(icmp6(f, router6, cli6, 1, 1, syn6, -1))
	f.Add(icmp6(f, router6, cli6, 3, 0, syn6, 60))
	f.Add(udp4(f, cli4, srv4, 1, 2, 3))
	f.Add(udp6(f, cli6, srv6, 1, 2, 3))
	f.Fuzz(func(t *testing.T, pkt []byte) {
		var r Reader
		var seg segment.Segment
		v := r.datagram(pkt, LinkRaw, &seg)
		st := r.stats
		switch v {
		case notTCP:
			if st.UDP+st.ICMP != 0 {
				t.Fatalf("not delivered, counted %+v", st)
			}
		case isDatagram:
			if st.UDP+st.ICMP != 1 || st.ICMPShort != 0 {
				t.Fatalf("counts %+v", st)
			}
			if !seg.Src.IsValid() || !seg.Dst.IsValid() || seg.Src.Is4() != seg.Dst.Is4() || seg.Payload != nil || seg.PayloadLen < 0 {
				t.Fatalf("datagram %+v", seg)
			}
			switch seg.Kind {
			case segment.UDP:
			case segment.ICMPError:
				m := &seg.ICMP
				if !m.From.IsValid() || m.From.Is4() == m.V6 || (m.Proto != segment.ProtoTCP && m.Proto != segment.ProtoUDP) || m.Name() == "" {
					t.Fatalf("ICMP %+v", m)
				}
				if m.Proto == segment.ProtoUDP && (seg.Seq != 0 || m.HasFlags) {
					t.Fatalf("UDP quote with TCP fields %+v", seg)
				}
			default:
				t.Fatalf("kind %d", seg.Kind)
			}
		default:
			t.Fatalf("verdict %d", v)
		}
	})
}
