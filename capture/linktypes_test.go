package capture

import (
	"encoding/binary"
	"net/netip"
	"reflect"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// The frames below are built byte by byte from each link type's layout,
// with the standard that defines it cited; the IP packet inside is the
// same SYN as TestDecode's.

var le = binary.LittleEndian

// dot11 builds an IEEE 802.11 data frame (IEEE Std 802.11-2020 §9.2.3,
// §9.3.2.1): frame control (type 2 = data, subtype, flags), duration,
// address 1-3, sequence control, address 4 for To DS + From DS, QoS
// control for QoS subtypes, HT control with +HTC; then body.
func dot11(subtype, flags byte, seqctl uint16, qos []byte, body []byte) []byte {
	b := []byte{2<<2 | subtype<<4, flags, 0x2c, 0x00} // FC, duration 44 µs
	b = append(b, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55) // address 1
	b = append(b, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb) // address 2
	b = append(b, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06) // address 3
	b = le.AppendUint16(b, seqctl)
	if flags&0x03 == 0x03 {
		b = append(b, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f) // address 4
	}
	b = append(b, qos...)
	return append(b, body...)
}

// snap is an RFC 1042 LLC/SNAP header: DSAP AA, SSAP AA, UI 03, OUI 0.
func snap(etype uint16, pkt []byte) []byte {
	return append(binary.BigEndian.AppendUint16([]byte{0xaa, 0xaa, 0x03, 0, 0, 0}, etype), pkt...)
}

// radiotap builds a radiotap header (radiotap.org): version 0, pad,
// length (LE), present word(s) (LE), fields with natural alignment.
// Present: TSFT (bit 0, u64, 8-aligned) and Flags (bit 1, u8).
func radiotap(flags byte, frame []byte) []byte {
	h := []byte{0, 0, 0, 0}
	h = le.AppendUint32(h, 1<<0|1<<1|1<<31) // TSFT, Flags, Ext
	h = le.AppendUint32(h, 0)               // second present word, empty
	h = le.AppendUint64(h, 123456)          // TSFT at offset 12 -> aligned to 16
	h = append(h[:12], append(make([]byte, 4), h[12:]...)...)
	h = append(h, flags)
	le.PutUint16(h[2:], uint16(len(h)))
	return append(h, frame...)
}

// ppi builds a PPI packet header (PPI spec 1.0.10 §3.1): version 0,
// flags, length (LE), DLT (LE), then fields: here one 802.11-common
// field (§4.1.1: type 2, length 20: TSF timer, flags, rate, channel
// frequency and flags, FHSS hopset and pattern, signal, noise).
func ppi(dlt uint32, frame []byte) []byte {
	h := []byte{0, 0, 0, 0}
	h = le.AppendUint32(h, dlt)
	h = le.AppendUint16(h, 2)
	h = le.AppendUint16(h, 20)
	h = le.AppendUint64(h, 123456)
	h = append(h, make([]byte, 12)...)
	le.PutUint16(h[8+4+8+4:], 2437) // channel 6
	le.PutUint16(h[2:], uint16(len(h)))
	return append(h, frame...)
}

// prism builds a 144-byte Prism monitor header (wlan-ng
// p80211msg_lnxind_wlansniffrm_t): msgcode, msglen (host order), devname
// (16), then ten 12-byte DID items.
func prism(frame []byte) []byte {
	h := le.AppendUint32(nil, 0x00000044)
	h = le.AppendUint32(h, 144)
	h = append(h, make([]byte, 136)...)
	copy(h[8:], "wlan0")
	return append(h, frame...)
}

// avs builds an AVS capture header v2 (64 bytes): version 0x80211002,
// length, then the radio fields, big-endian.
func avs(frame []byte) []byte {
	h := binary.BigEndian.AppendUint32(nil, 0x80211002)
	h = binary.BigEndian.AppendUint32(h, 64)
	return append(append(h, make([]byte, 56)...), frame...)
}

// nflog builds a LINKTYPE_NFLOG record (libpcap pcap/nflog.h): family,
// version 0, resource id (BE), TLVs (length incl. the 4-byte header, type;
// host order), each padded to 4 bytes.
func nflog(order binary.AppendByteOrder, fam byte, pkt []byte) []byte {
	b := []byte{fam, 0, 0, 5}
	tlv := func(typ uint16, v []byte) {
		b = order.AppendUint16(b, uint16(4+len(v)))
		b = order.AppendUint16(b, typ)
		b = append(b, v...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
	}
	tlv(1, []byte{0x08, 0x00, 3, 0})      // NFULA_PACKET_HDR: hw protocol, hook, pad
	tlv(10, []byte("flowtrace-test\x00")) // NFULA_PREFIX, 15 bytes: padded
	tlv(9, pkt)                           // NFULA_PAYLOAD
	return b
}

// pktap builds Apple's PKTAP header (libpcap pcap/pktap.h, struct
// pktap_header, 108 bytes, host order): pth_length, pth_type_next (1 =
// packet), pth_dlt, pth_ifname[24], flags, protocol family, frame pre-
// and post-length, pid, comm[17], svc, iftype, ifunit, epid, ecomm[17].
func pktap(order binary.AppendByteOrder, dlt uint32, frame []byte) []byte {
	h := order.AppendUint32(nil, 108)
	h = order.AppendUint32(h, 1)
	h = order.AppendUint32(h, dlt)
	h = append(h, make([]byte, 96)...)
	copy(h[12:], "en0")
	return append(h, frame...)
}

// ipoib builds a LINKTYPE_IPOIB frame: the 40-byte pseudo-header that
// tcpdump (print-ipoib.c) and Wireshark read, then RFC 4391 §6's
// encapsulation header: type (EtherType), reserved (0).
func ipoib(etype uint16, pkt []byte) []byte {
	h := make([]byte, 40)
	h = binary.BigEndian.AppendUint16(h, etype)
	return append(append(h, 0, 0), pkt...)
}

// juniper builds a LINKTYPE_JUNIPER_ETHER header (tcpdump
// print-juniper.c): "MGC", flags; with JUNIPER_BPF_EXT (0x80) a 2-byte
// extension length and TLVs (here interface index, type 1).
func juniper(flags byte, rest []byte) []byte {
	h := []byte{'M', 'G', 'C', flags}
	if flags&0x80 != 0 {
		h = append(h, 0, 6, 1, 4, 0, 0, 0, 7)
	}
	return append(h, rest...)
}

func TestDecodeLinkTypes(t *testing.T) {
	syn4, syn6 := ip4(t, synSpec), ip6(t, v6(synSpec))
	want4, want6 := synWant(false), synWant(true)
	arp := make([]byte, 28)

	tests := []struct {
		name   string
		link   LinkType
		frame  []byte
		want   segment.Segment
		v      verdict
		reason Reason
	}{
		// IEEE 802.11 (LINKTYPE_IEEE802_11 105).
		{name: "802.11 data to DS", link: Link80211, frame: dot11(0, 0x01, 0x0120, nil, snap(etherIPv4, syn4)), want: want4},
		{name: "802.11 data IPv6 from DS", link: Link80211, frame: dot11(0, 0x02, 0, nil, snap(etherIPv6, syn6)), want: want6},
		{name: "802.11 QoS data", link: Link80211, frame: dot11(8, 0x01, 0, []byte{0x05, 0x00}, snap(etherIPv4, syn4)), want: want4},
		{name: "802.11 QoS data +HTC", link: Link80211, frame: dot11(8, 0x81, 0, []byte{0x05, 0x00, 1, 2, 3, 4}, snap(etherIPv4, syn4)), want: want4},
		{name: "802.11 4-address QoS (WDS/mesh)", link: Link80211, frame: dot11(8, 0x03, 0, []byte{0, 0}, snap(etherIPv4, syn4)), want: want4},
		{name: "802.11 bridge-tunnel OUI 00-00-F8", link: Link80211, frame: dot11(0, 0x01, 0, nil, append([]byte{0xaa, 0xaa, 3, 0, 0, 0xf8, 0x08, 0x00}, syn4...)), want: want4},
		{name: "802.11 protected", link: Link80211, frame: dot11(8, 0x41, 0, []byte{0, 0}, make([]byte, 80)), v: skipped, reason: Protected80211},
		{name: "802.11 later fragment", link: Link80211, frame: dot11(0, 0x01, 0x0121, nil, syn4[20:]), v: skipped, reason: LinkFragment},
		{name: "802.11 null data", link: Link80211, frame: dot11(4, 0x01, 0, nil, nil), v: notTCP},
		{name: "802.11 A-MSDU", link: Link80211, frame: dot11(8, 0x01, 0, []byte{0x80, 0}, make([]byte, 60)), v: notTCP},
		{name: "802.11 beacon", link: Link80211, frame: append([]byte{0x80, 0}, make([]byte, 40)...), v: notTCP},
		{name: "802.11 ARP", link: Link80211, frame: dot11(0, 0x01, 0, nil, snap(0x0806, arp)), v: notTCP},
		{name: "802.11 cut header", link: Link80211, frame: dot11(0, 0x01, 0, nil, nil)[:20], v: skipped, reason: TruncatedLink},
		// Radiotap (127), PPI (192), Prism (119), AVS (163).
		{name: "radiotap", link: LinkRadiotap, frame: radiotap(0x10, dot11(8, 0x01, 0, []byte{0, 0}, snap(etherIPv4, append(syn4, 0xde, 0xad, 0xbe, 0xef)))), want: want4}, // FCS at the end
		{name: "radiotap DATAPAD", link: LinkRadiotap, frame: radiotap(0x20, func() []byte {
			f := dot11(8, 0x01, 0, []byte{0, 0}, nil) // 26 bytes, padded to 28
			return append(append(f, 0, 0), snap(etherIPv4, syn4)...)
		}()), want: want4},
		{name: "radiotap bad length", link: LinkRadiotap, frame: []byte{0, 0, 4, 0, 0, 0, 0, 0}, v: skipped, reason: BadLinkHeader},
		{name: "radiotap protected", link: LinkRadiotap, frame: radiotap(0, dot11(0, 0x41, 0, nil, make([]byte, 80))), v: skipped, reason: Protected80211},
		{name: "PPI 802.11", link: LinkPPI, frame: ppi(105, dot11(0, 0x01, 0, nil, snap(etherIPv4, syn4))), want: want4},
		{name: "PPI Ethernet", link: LinkPPI, frame: ppi(1, eth(etherIPv6, syn6)), want: want6},
		{name: "PPI in PPI in PPI", link: LinkPPI, frame: ppi(192, ppi(192, ppi(192, ppi(1, eth(etherIPv4, syn4))))), v: skipped, reason: BadLinkHeader},
		{name: "prism", link: LinkPrism, frame: prism(dot11(0, 0x02, 0, nil, snap(etherIPv4, syn4))), want: want4},
		{name: "AVS", link: LinkAVS, frame: avs(dot11(0, 0x02, 0, nil, snap(etherIPv4, syn4))), want: want4},
		{name: "AVS magic on 119", link: LinkPrism, frame: avs(dot11(0, 0x02, 0, nil, snap(etherIPv4, syn4))), want: want4},
		// PPP (9, RFC 1661), PPP in HDLC-like framing (50, RFC 1662).
		{name: "PPP IPv4", link: LinkPPP, frame: append([]byte{0x00, 0x21}, syn4...), want: want4},
		{name: "PPP compressed protocol field", link: LinkPPP, frame: append([]byte{0x21}, syn4...), want: want4},
		{name: "PPP HDLC framed IPv6", link: LinkPPP, frame: append([]byte{0xff, 0x03, 0x00, 0x57}, syn6...), want: want6},
		{name: "PPP_HDLC IPv4", link: LinkPPPHDLC, frame: append([]byte{0xff, 0x03, 0x00, 0x21}, syn4...), want: want4},
		{name: "PPP_HDLC Cisco PPP (RFC 1547)", link: LinkPPPHDLC, frame: append([]byte{0x0f, 0x00, 0x08, 0x00}, syn4...), want: want4},
		{name: "PPP LCP", link: LinkPPP, frame: []byte{0xff, 0x03, 0xc0, 0x21, 1, 1, 0, 4}, v: notTCP},
		// Cisco HDLC (104).
		{name: "Cisco HDLC unicast", link: LinkCHDLC, frame: append([]byte{0x0f, 0x00, 0x08, 0x00}, syn4...), want: want4},
		{name: "Cisco HDLC broadcast IPv6", link: LinkCHDLC, frame: append([]byte{0x8f, 0x00, 0x86, 0xdd}, syn6...), want: want6},
		{name: "Cisco HDLC SLARP", link: LinkCHDLC, frame: append([]byte{0x8f, 0x00, 0x80, 0x35}, make([]byte, 20)...), v: notTCP},
		// Frame Relay (107, RFC 2427 §§ 4, 7).
		{name: "Frame Relay NLPID IPv4", link: LinkFrameRelay, frame: append([]byte{0x18, 0x41, 0x03, 0xcc}, syn4...), want: want4},
		{name: "Frame Relay NLPID IPv6", link: LinkFrameRelay, frame: append([]byte{0x18, 0x41, 0x03, 0x8e}, syn6...), want: want6},
		{name: "Frame Relay SNAP with pad", link: LinkFrameRelay, frame: append([]byte{0x18, 0x41, 0x03, 0x00, 0x80, 0, 0, 0, 0x08, 0x00}, syn4...), want: want4},
		{name: "Frame Relay 3-byte address", link: LinkFrameRelay, frame: append([]byte{0x18, 0x40, 0x01, 0x03, 0xcc}, syn4...), want: want4},
		{name: "Frame Relay LMI (Q.933)", link: LinkFrameRelay, frame: []byte{0x00, 0x01, 0x03, 0x08, 0x00, 0x75, 0x95}, v: notTCP},
		// NFLOG (239).
		{name: "NFLOG IPv4 little-endian TLVs", link: LinkNFLOG, frame: nflog(le, 2, syn4), want: want4},
		{name: "NFLOG IPv6 big-endian TLVs", link: LinkNFLOG, frame: nflog(binary.BigEndian, 10, syn6), want: want6},
		{name: "NFLOG payload cut by snaplen", link: LinkNFLOG, frame: nflog(le, 2, syn4)[:60+len(syn4)-10], want: want4},
		{name: "NFLOG bad TLV length", link: LinkNFLOG, frame: []byte{2, 0, 0, 5, 2, 0, 1, 0}, v: skipped, reason: BadLinkHeader},
		{name: "NFLOG no payload TLV", link: LinkNFLOG, frame: []byte{2, 0, 0, 5, 8, 0, 1, 0, 8, 0, 0, 0}, v: skipped, reason: TruncatedLink},
		// PKTAP (258; Apple's 149).
		{name: "PKTAP Ethernet", link: LinkPKTAP, frame: pktap(le, 1, eth(etherIPv4, syn4)), want: want4},
		{name: "PKTAP raw (DLT_RAW 12)", link: LinkPKTAP, frame: pktap(le, 12, syn6), want: want6},
		{name: "PKTAP big-endian host NULL", link: LinkApplePKTAP, frame: pktap(binary.BigEndian, 0, null(2, binary.BigEndian, syn4)), want: want4},
		{name: "PKTAP in PKTAP in PKTAP", link: LinkPKTAP, frame: pktap(le, 258, pktap(le, 258, pktap(le, 258, eth(etherIPv4, syn4)))), v: skipped, reason: BadLinkHeader},
		{name: "PKTAP length past frame", link: LinkPKTAP, frame: pktap(le, 1, nil)[:60], v: skipped, reason: TruncatedLink},
		// IPoIB (242).
		{name: "IPoIB IPv4", link: LinkIPoIB, frame: ipoib(etherIPv4, syn4), want: want4},
		{name: "IPoIB IPv6", link: LinkIPoIB, frame: ipoib(etherIPv6, syn6), want: want6},
		{name: "IPoIB ARP", link: LinkIPoIB, frame: ipoib(0x0806, arp), v: notTCP},
		{name: "IPoIB cut", link: LinkIPoIB, frame: ipoib(etherIPv4, nil)[:43], v: skipped, reason: TruncatedLink},
		// Juniper Ethernet (178).
		{name: "Juniper Ethernet", link: LinkJuniperEther, frame: juniper(0x01, eth(etherIPv4, syn4)), want: want4},
		{name: "Juniper Ethernet with extensions", link: LinkJuniperEther, frame: juniper(0x81, eth(etherIPv6, syn6)), want: want6},
		{name: "Juniper no L2 header", link: LinkJuniperEther, frame: juniper(0x83, append([]byte{0, 0, 0, 0}, syn4...)), want: want4},
		{name: "Juniper bad magic", link: LinkJuniperEther, frame: append([]byte{'M', 'G', 'X', 0}, eth(etherIPv4, syn4)...), v: skipped, reason: BadLinkHeader},
		// ARCNET, BSD (7) and Linux (129) headers; RFC 1051 and RFC 1201.
		{name: "ARCNET BSD RFC 1051", link: LinkArcnetBSD, frame: append([]byte{0x01, 0x02, 240}, syn4...), want: want4},
		{name: "ARCNET BSD RFC 1201", link: LinkArcnetBSD, frame: append([]byte{0x01, 0x02, 212, 0, 0, 7}, syn4...), want: want4},
		{name: "ARCNET BSD RFC 1201 first of 3 fragments", link: LinkArcnetBSD, frame: append([]byte{0x01, 0x02, 212, 3, 0, 7}, syn4...), want: want4},
		{name: "ARCNET BSD RFC 1201 later fragment", link: LinkArcnetBSD, frame: append([]byte{0x01, 0x02, 212, 4, 0, 7}, syn4[20:]...), v: skipped, reason: LinkFragment},
		{name: "ARCNET BSD RFC 1201 exception packet", link: LinkArcnetBSD, frame: append([]byte{0x01, 0x02, 212, 0xff, 0xff, 0xff, 212, 0, 0, 7}, syn4...), want: want4},
		{name: "ARCNET BSD RFC 1201 IPv6", link: LinkArcnetBSD, frame: append([]byte{0x01, 0x02, 0xc4, 0, 0, 7}, syn6...), want: want6},
		{name: "ARCNET BSD RFC 1051 ARP", link: LinkArcnetBSD, frame: append([]byte{0x01, 0x02, 241}, arp...), v: notTCP},
		{name: "ARCNET Linux RFC 1051", link: LinkArcnetLinux, frame: append([]byte{0x01, 0x02, 0, 0, 240}, syn4...), want: want4},
		{name: "ARCNET Linux RFC 1201", link: LinkArcnetLinux, frame: append([]byte{0x01, 0x02, 0, 0, 212, 0, 0, 9}, syn4...), want: want4},
		{name: "ARCNET cut", link: LinkArcnetLinux, frame: []byte{0x01, 0x02, 0, 0, 212, 0}, v: skipped, reason: TruncatedLink},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.link.Supported() {
				t.Fatalf("link type %s not Supported()", tt.link.describe())
			}
			var noted [NumReasons]uint64
			var got segment.Segment
			v, r := decode(tt.frame, tt.link, &got, &noted, nil)
			if v != tt.v || r != tt.reason {
				t.Fatalf("decode = %v, %q; want %v, %q", v, r, tt.v, tt.reason)
			}
			if v != isTCP {
				return
			}
			got.IPLen = 0
			got.Payload = nil
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("mismatch\n got: %+v\nwant: %+v", got, tt.want)
			}
			// Every shorter prefix decodes without panicking.
			for n := range tt.frame {
				decode(tt.frame[:n], tt.link, &got, &noted, nil)
			}
		})
	}
}

// TestIPv4SourceRoute checks options validation (RFC 791 §3.1) and that a
// source-routed SYN's destination is the route's final address while the
// route is being followed, and the header's once it is done.
func TestIPv4SourceRoute(t *testing.T) {
	// withOpts splices raw option bytes (padded to 4) into the SYN.
	withOpts := func(opts ...byte) []byte {
		for len(opts)%4 != 0 {
			opts = append(opts, 0)
		}
		b := ip4(t, synSpec)
		out := cat(b[:20], opts, b[20:])
		out[0] = 0x40 | byte(5+len(opts)/4)
		binary.BigEndian.PutUint16(out[2:], uint16(len(out)))
		return out
	}
	hop1, hop2, final := []byte{10, 9, 0, 1}, []byte{10, 9, 0, 2}, []byte{10, 9, 0, 3}
	route := func(typ, ptr byte) []byte { return cat([]byte{typ, 15, ptr}, hop1, hop2, final) }
	srv := netip.MustParseAddr(srv4)
	tests := []struct {
		name   string
		frame  []byte
		dst    netip.Addr
		reason Reason // 0 with dst set: delivered
	}{
		{"LSRR in progress: final address", withOpts(route(131, 8)...), netip.AddrFrom4([4]byte(final)), 0},
		{"SSRR first hop: final address", withOpts(route(137, 4)...), netip.AddrFrom4([4]byte(final)), 0},
		{"LSRR done: header's destination", withOpts(route(131, 16)...), srv, 0},
		{"NOP then LSRR", withOpts(cat([]byte{1}, route(131, 4))...), netip.AddrFrom4([4]byte(final)), 0},
		{"record route is not a source route", withOpts(cat([]byte{7, 7, 4}, hop1)...), srv, 0},
		{"timestamp", withOpts(68, 8, 5, 0, 0, 0, 0, 1), srv, 0},
		{"EOL ends the list", withOpts(0, 0xff, 0xff), srv, 0},
		{"option length 1", withOpts(130, 1), netip.Addr{}, BadIPv4Option},
		{"option past the header", withOpts(131, 40, 4, 1), netip.Addr{}, BadIPv4Option},
		{"option type with no length", withOpts(1, 1, 1, 131), netip.Addr{}, BadIPv4Option},
		{"LSRR pointer 3", withOpts(route(131, 3)...), netip.Addr{}, BadIPv4Option},
		{"LSRR length not 3+4n", withOpts(131, 9, 4, 1, 2, 3, 4, 5, 6), netip.Addr{}, BadIPv4Option},
		{"two source routes", withOpts(cat([]byte{131, 7, 4}, hop1, []byte{137, 7, 4}, hop2)...), netip.Addr{}, BadIPv4Option},
		{"timestamp pointer 4", withOpts(68, 8, 4, 0, 0, 0, 0, 1), netip.Addr{}, BadIPv4Option},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var noted [NumReasons]uint64
			var seg segment.Segment
			v, r := decode(tt.frame, LinkRaw, &seg, &noted, nil)
			if tt.reason != 0 {
				if v != skipped || r != tt.reason {
					t.Fatalf("decode = %v, %q; want skipped, %q", v, r, tt.reason)
				}
				return
			}
			if v != isTCP {
				t.Fatalf("decode = %v, %q; want a segment", v, r)
			}
			if seg.Dst != tt.dst || seg.Src != netip.MustParseAddr(cli4) {
				t.Errorf("src %v dst %v; want %v %v", seg.Src, seg.Dst, cli4, tt.dst)
			}
		})
	}
}

func TestReasonMalformed(t *testing.T) {
	for _, r := range []Reason{UnsupportedLink, TunnelFragment, Protected80211, LinkFragment} {
		if r.Malformed() {
			t.Errorf("%q counted as malformed", r)
		}
	}
	for _, r := range []Reason{TruncatedLink, BadLinkHeader, BadIPv4Option, TruncatedTCP} {
		if !r.Malformed() {
			t.Errorf("%q not counted as malformed", r)
		}
	}
}

// linkSeeds returns a frame of each link type of linktypes.go, for the
// fuzz targets' corpora.
func linkSeeds(t testing.TB) map[LinkType][]byte {
	syn4, syn6 := ip4(t, synSpec), ip6(t, v6(synSpec))
	lsrr := func() []byte {
		b := ip4(t, synSpec)
		opts := []byte{1, 131, 11, 4, 10, 9, 0, 1, 10, 9, 0, 3}
		out := cat(b[:20], opts, b[20:])
		out[0] = 0x48
		binary.BigEndian.PutUint16(out[2:], uint16(len(out)))
		return out
	}()
	return map[LinkType][]byte{
		Link80211:        dot11(8, 0x83, 0, []byte{0x05, 0x00, 1, 2, 3, 4}, snap(etherIPv4, syn4)),
		LinkRadiotap:     radiotap(0x30, append(append(dot11(8, 0x01, 0, []byte{0, 0}, nil), 0, 0), snap(etherIPv6, syn6)...)),
		LinkPPI:          ppi(105, dot11(0, 0x01, 0, nil, snap(etherIPv4, lsrr))),
		LinkPrism:        prism(dot11(0, 0x02, 0, nil, snap(etherIPv4, syn4))),
		LinkAVS:          avs(dot11(0, 0x02, 0, nil, snap(etherIPv4, syn4))),
		LinkPPP:          append([]byte{0xff, 0x03, 0x00, 0x57}, syn6...),
		LinkPPPHDLC:      append([]byte{0x21}, syn4...),
		LinkCHDLC:        append([]byte{0x0f, 0x00, 0x81, 0x00, 0, 5, 0x08, 0x00}, syn4...),
		LinkFrameRelay:   append([]byte{0x18, 0x41, 0x03, 0x00, 0x80, 0, 0, 0, 0x08, 0x00}, syn4...),
		LinkNFLOG:        nflog(le, 2, syn4),
		LinkPKTAP:        pktap(le, 192, ppi(1, eth(etherIPv4, syn4))),
		LinkApplePKTAP:   pktap(binary.BigEndian, 12, syn6),
		LinkIPoIB:        ipoib(etherIPv6, syn6),
		LinkJuniperEther: juniper(0x81, eth(etherIPv6, syn6)),
		LinkArcnetBSD:    append([]byte{0x01, 0x02, 212, 0xff, 0xff, 0xff, 212, 0, 0, 7}, syn4...),
		LinkArcnetLinux:  append([]byte{0x01, 0x02, 0, 0, 212, 0, 0, 9}, syn4...),
		LinkRaw:          lsrr,
	}
}
