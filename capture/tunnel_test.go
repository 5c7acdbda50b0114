package capture

import (
	"bytes"
	"encoding/binary"
	"io"
	"net/netip"
	"slices"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// The frames below are built byte by byte from each standard's layout
// (cited at each builder), not with gopacket, so the tests check the
// decoder against the standards rather than against another decoder.
// Only the innermost IP and TCP headers come from the shared helpers.

var (
	be            = binary.BigEndian
	outerA4       = []byte{192, 0, 2, 1}
	outerB4       = []byte{192, 0, 2, 2}
	outerA6       = netip.MustParseAddr("2001:db8:ff::1").AsSlice()
	outerB6       = netip.MustParseAddr("2001:db8:ff::2").AsSlice()
	bmacA, bmacB  = []byte{0x02, 0xbb, 0, 0, 0, 1}, []byte{0x02, 0xbb, 0, 0, 0, 2}
	cmacA, cmacB  = []byte{0x00, 0x1b, 0x21, 0, 0, 1}, []byte{0x00, 0x1b, 0x21, 0, 0, 2}
	rsvdVXLANBits = []byte{0x08 | 0x80 | 0x04, 0xff, 0xff, 0xff} // I flag plus reserved bits
)

// outer4 is an IPv4 header (RFC 791 §3.1) of protocol proto from src to
// dst around payload; no options, DF set, checksum left 0.
func outer4(proto byte, payload []byte, addrs ...[]byte) []byte {
	src, dst := outerA4, outerB4
	if len(addrs) == 2 {
		src, dst = addrs[0], addrs[1]
	}
	h := []byte{0x45, 0, 0, 0, 0xab, 0xcd, 0x40, 0, 64, proto, 0, 0}
	be.PutUint16(h[2:], uint16(20+len(payload)))
	return cat(h, src, dst, payload)
}

// outer6 is an IPv6 header (RFC 8200 §3) with next header next.
func outer6(next byte, payload []byte, addrs ...[]byte) []byte {
	src, dst := outerA6, outerB6
	if len(addrs) == 2 {
		src, dst = addrs[0], addrs[1]
	}
	h := []byte{0x60, 0, 0, 0, 0, 0, next, 64}
	be.PutUint16(h[4:], uint16(len(payload)))
	return cat(h, src, dst, payload)
}

// udpHdr is a UDP header (RFC 768) around payload, checksum 0.
func udpHdr(sport, dport uint16, payload []byte) []byte {
	h := be.AppendUint16(nil, sport)
	h = be.AppendUint16(h, dport)
	h = be.AppendUint16(h, uint16(8+len(payload)))
	return cat(h, []byte{0, 0}, payload)
}

// ether is an Ethernet II header (IEEE 802.3 §3.1.1) with the given
// addresses and EtherType.
func ether(dst, src []byte, etype uint16, payload []byte) []byte {
	return cat(dst, src, be.AppendUint16(nil, etype), payload)
}

// mplsLabel is one label stack entry (RFC 3032 §2.1): label(20) TC(3)
// S(1) TTL(8).
func mplsLabel(label uint32, bos bool) []byte {
	e := label<<12 | 64
	if bos {
		e |= 0x100
	}
	return be.AppendUint32(nil, e)
}

// greHdr is a GRE header (RFC 2784 §2, with RFC 2890's key and sequence
// number): flags C, K, S; version 0; the protocol type; then the
// optional checksum+reserved, key and sequence words, in that order.
func greHdr(proto uint16, csum bool, key, seq *uint32) []byte {
	var flags uint16
	var opt []byte
	if csum {
		flags |= 0x8000
		opt = append(opt, 0, 0, 0, 0)
	}
	if key != nil {
		flags |= 0x2000
		opt = be.AppendUint32(opt, *key)
	}
	if seq != nil {
		flags |= 0x1000
		opt = be.AppendUint32(opt, *seq)
	}
	return cat(be.AppendUint16(nil, flags), be.AppendUint16(nil, proto), opt)
}

func u32(v uint32) *uint32 { return &v }

// tdecode decodes a frame as Reader.Next does: plainly, then inside
// tunnels. It returns the verdict, the reason and the tunnel stack text.
func tdecode(frame []byte, link LinkType, seg *segment.Segment, d *tunneler) (verdict, Reason, string) {
	var noted [NumReasons]uint64
	v, r := decode(frame, link, seg, &noted, nil)
	if v == isTCP {
		seg.Tunnel, seg.TunnelKey = 0, 0
		return v, r, ""
	}
	if v != notTCP {
		return v, r, ""
	}
	v, r = d.decode(frame, link, seg, &noted, nil)
	if v != isTCP {
		return v, r, ""
	}
	return v, r, string(segment.AppendTunnels(nil, d.table.Lookup(seg.Tunnel)))
}

func newTunneler() *tunneler { return &tunneler{table: NewTunnels()} }

func TestTunnels(t *testing.T) {
	syn4, syn6 := ip4(t, synSpec), ip6(t, v6(synSpec))
	eth4 := ether(cmacB, cmacA, etherIPv4, syn4) // a customer's frame
	eth6 := ether(cmacB, cmacA, etherIPv6, syn6)

	// ERSPAN type II header (draft-foschiano-erspan §4.2): ver(4)=1
	// VLAN(12), COS(3) En(2) T(1) session id(10), reserved(12) index(20).
	erspan2 := []byte{0x10, 0x05, 0x00, 0x2a, 0, 0, 0, 1}
	// ERSPAN type III (§4.3): ver(4)=2 VLAN(12), COS BSO T session(10),
	// timestamp(32), SGT(16), P FT(5)=0 HW ID(6) D Gra(2) O=1, then the
	// 8-byte platform-specific subheader.
	erspan3 := cat([]byte{0x20, 0x05, 0x00, 0x2b, 1, 2, 3, 4, 0, 0, 0x00, 0x01}, make([]byte, 8))

	// VXLAN (RFC 7348 §5): flags(8) with I=0x08, reserved(24), VNI(24),
	// reserved(8). Here with every reserved bit set.
	vxlan := func(vni uint32, inner []byte) []byte {
		return cat(rsvdVXLANBits, be.AppendUint32(nil, vni<<8|0xff), inner)
	}
	// Geneve (RFC 8926 §3.4): ver(2)=0 opt len(6) in 4-byte words, O C
	// rsvd(6), protocol type(16), VNI(24) rsvd(8), then options: class(16)
	// type(8) R(3) len(5) and 4*len bytes of data.
	geneveOpt := []byte{0x01, 0x02, 0x80, 0x01, 0xde, 0xad, 0xbe, 0xef} // one option, 4 bytes of data
	geneve := cat([]byte{0x02, 0x00, 0x65, 0x58, 0x00, 0x00, 0x07, 0x00}, geneveOpt, eth4)

	// GTP-U (3GPP TS 29.281 §5.1): flags ver(3)=1 PT(1)=1 spare E S PN,
	// message type 255 (G-PDU), length (after the first 8 octets), TEID;
	// with E set: sequence(16), N-PDU(8), next extension type 0x85 (PDU
	// session container, §5.2.2.7), whose header is length(8)=1 in
	// 4-octet units, 2 octets of content, next type(8)=0.
	gtp := func(teid uint32, ext bool, inner []byte) []byte {
		h := []byte{0x30, 0xff, 0, 0}
		var opt []byte
		if ext {
			h[0] |= 0x04
			opt = []byte{0, 0, 0, 0x85, 1, 0x10, 0x09, 0}
		}
		be.PutUint16(h[2:], uint16(len(opt)+len(inner)))
		return cat(h, be.AppendUint32(nil, teid), opt, inner)
	}

	// Teredo (RFC 4380 §5.1.1): authentication indicator 0x0001, client
	// id len, auth value len, client id, auth value, nonce(8),
	// confirmation(1); origin indication 0x0000, obfuscated port(16) and
	// address(32); then the IPv6 packet.
	teredoAuth := cat([]byte{0x00, 0x01, 2, 3}, []byte("id"), []byte("val"), make([]byte, 8), []byte{0})
	teredoOrigin := []byte{0x00, 0x00, 0xff, 0xfe, 0x3f, 0xff, 0xfd, 0xfe}

	// AYIYA (draft-massar-v6ops-ayiya §6): id len(4)=4 (2^4 = 16 bytes)
	// id type(4)=1 (IPv6 address), sig len(4)=5 (5*4 = 20 bytes, SHA-1)
	// hash method(4)=2, auth method(4)=2 opcode(4)=1 (forward), next
	// header 41, epoch(32), identity, signature.
	ayiya := cat([]byte{0x41, 0x52, 0x21, 41, 0x65, 0x00, 0x00, 0x01}, outerA6, make([]byte, 20), syn6)

	// An AH header (RFC 4302 §2): next header, payload length in 4-octet
	// units minus 2, reserved(16), SPI(32), sequence(32), 12-byte ICV.
	ah := func(next byte) []byte { return cat([]byte{next, 4, 0, 0}, make([]byte, 20)) }

	// PPPoE session header (RFC 2516 §4): ver(4)=1 type(4)=1, code 0,
	// session id, length (of the PPP frame), then PPP protocol 0x0021
	// (IPv4) or 0x0057 (IPv6) (RFC 1661 §2).
	pppoe := func(sess uint16, proto uint16, pkt []byte) []byte {
		h := []byte{0x11, 0x00, byte(sess >> 8), byte(sess), 0, 0}
		be.PutUint16(h[4:], uint16(2+len(pkt)))
		return cat(h, be.AppendUint16(nil, proto), pkt)
	}

	// PBB (IEEE 802.1ah §9.7): B-DA, B-SA, B-TAG (0x88a8, TCI), I-TAG
	// (0x88e7, PCP(3) DEI(1) UCA(1) res(3) I-SID(24)), then the
	// customer's frame from C-DA on.
	pbb := cat(bmacB, bmacA, []byte{0x88, 0xa8, 0x00, 0x64, 0x88, 0xe7, 0x00, 0x01, 0x00, 0x2a}, eth4)

	// VN-Tag (IEEE 802.1Qbh): EtherType 0x8926, d(1)=0 p(1) dst vif(14)
	// l(1) r(1) ver(2) src vif(12) = 5 (towards the bridge).
	vntag := ether(macB, macA, etherVNTag, cat([]byte{0x00, 0x00, 0x00, 0x05}, be.AppendUint16(nil, etherIPv4), syn4))
	// E-Tag (IEEE 802.1BR §7.7): EtherType 0x893f, E-PCP(3) E-DEI(1)
	// ingress E-CID base(12), res(2) GRP(2) E-CID base(12), ingress E-CID
	// ext(8), E-CID ext(8): E-CID base 0x123, ext 1.
	etag := ether(macB, macA, etherETag, cat([]byte{0x00, 0x00, 0x01, 0x23, 0x00, 0x01}, be.AppendUint16(nil, etherIPv4), syn4))

	for _, tt := range []struct {
		name  string
		frame []byte
		link  LinkType
		want  string // the tunnel stack
		v6    bool
	}{
		{"mpls 1 label (RFC 3032)", eth(etherMPLS, cat(mplsLabel(100, true), syn4)), LinkEthernet, "mpls label 100", false},
		{"mpls 2 labels ipv6", eth(etherMPLS, cat(mplsLabel(16, false), mplsLabel(200, true), syn6)), LinkEthernet, "mpls label 16, mpls label 200", true},
		{"mpls pw control word (RFC 4385, 4448)", eth(etherMPLS, cat(mplsLabel(16, false), mplsLabel(300, true), []byte{0, 0, 0, 7}, eth4)), LinkEthernet, "mpls label 16, mpls label 300", false},
		{"mpls pw no control word", eth(etherMPLS, cat(mplsLabel(301, true), eth6)), LinkEthernet, "mpls label 301", true},
		{"mpls in vlan", eth(etherMPLS, cat(mplsLabel(7, true), syn4), etherDot1Q), LinkEthernet, "mpls label 7", false},
		{"pbb (802.1ah)", pbb, LinkEthernet, "pbb 02:bb:00:00:00:01>02:bb:00:00:00:02 isid 65578", false},
		{"vn-tag (802.1Qbh)", vntag, LinkEthernet, "vntag vif 5", false},
		{"e-tag (802.1BR)", etag, LinkEthernet, "etag ecid 16675", false},
		{"pppoe (RFC 2516)", ether(macB, macA, etherPPPoE, pppoe(0x1234, pppIPv4, syn4)), LinkEthernet, "pppoe 02:00:00:00:00:01>02:00:00:00:00:02 session 4660", false},
		{"pppoe ipv6 over qinq", eth(etherPPPoE, pppoe(7, pppIPv6, syn6), etherDot1A, etherDot1Q), LinkEthernet, "pppoe 02:00:00:00:00:01>02:00:00:00:00:02 session 7", true},
		{"gre (RFC 2784)", eth(etherIPv4, outer4(protoGRE, cat(greHdr(etherIPv4, false, nil, nil), syn4))), LinkEthernet, "gre 192.0.2.1>192.0.2.2", false},
		{"gre key seq csum (RFC 2890)", eth(etherIPv4, outer4(protoGRE, cat(greHdr(etherIPv6, true, u32(5), u32(99)), syn6))), LinkEthernet, "gre 192.0.2.1>192.0.2.2 key 5", true},
		{"gretap 0x6558", eth(etherIPv4, outer4(protoGRE, cat(greHdr(etherTEB, false, u32(9), nil), eth4))), LinkEthernet, "gre 192.0.2.1>192.0.2.2 key 9", false},
		{"ip6gre", eth(etherIPv6, outer6(protoGRE, cat(greHdr(etherIPv4, false, nil, nil), syn4))), LinkEthernet, "gre 2001:db8:ff::1>2001:db8:ff::2", false},
		{"gre mpls (RFC 4023)", eth(etherIPv4, outer4(protoGRE, cat(greHdr(etherMPLS, false, nil, nil), mplsLabel(55, true), syn4))), LinkEthernet, "gre 192.0.2.1>192.0.2.2, mpls label 55", false},
		{"erspan type I", eth(etherIPv4, outer4(protoGRE, cat(greHdr(etherERSPAN2, false, nil, nil), eth4))), LinkEthernet, "erspan1 192.0.2.1>192.0.2.2", false},
		{"erspan type II", eth(etherIPv4, outer4(protoGRE, cat(greHdr(etherERSPAN2, false, nil, u32(1)), erspan2, eth4))), LinkEthernet, "erspan2 192.0.2.1>192.0.2.2 session 42", false},
		{"erspan type III", eth(etherIPv4, outer4(protoGRE, cat(greHdr(etherERSPAN3, false, nil, u32(1)), erspan3, eth6))), LinkEthernet, "erspan3 192.0.2.1>192.0.2.2 session 43", true},
		{"ipip (RFC 2003)", eth(etherIPv4, outer4(protoIPv4, syn4)), LinkEthernet, "ipip 192.0.2.1>192.0.2.2", false},
		{"6in4 (RFC 4213)", eth(etherIPv4, outer4(protoIPv6, syn6)), LinkEthernet, "6in4 192.0.2.1>192.0.2.2", true},
		{"4in6 (RFC 2473)", eth(etherIPv6, outer6(protoIPv4, syn4)), LinkEthernet, "4in6 2001:db8:ff::1>2001:db8:ff::2", false},
		{"6in6 (RFC 2473)", eth(etherIPv6, outer6(protoIPv6, syn6)), LinkEthernet, "6in6 2001:db8:ff::1>2001:db8:ff::2", true},
		{"ah transport (RFC 4302)", outer4(protoAH, cat(ah(protoTCP), syn4[20:]), syn4[12:16], syn4[16:20]), LinkRaw, "", false},
		{"ah tunnel mode", outer4(protoAH, cat(ah(protoIPv4), syn4)), LinkRaw, "ipip 192.0.2.1>192.0.2.2", false},
		{"ah ipv6 tunnel mode", outer6(protoAH, cat(ah(protoIPv6), syn6)), LinkRaw, "6in6 2001:db8:ff::1>2001:db8:ff::2", true},
		{"vxlan reserved bits (RFC 7348)", eth(etherIPv4, outer4(protoUDP, udpHdr(51000, portVXLAN, vxlan(42, eth4)))), LinkEthernet, "vxlan 192.0.2.1>192.0.2.2 vni 42", false},
		{"vxlan reply from 4789", eth(etherIPv4, outer4(protoUDP, udpHdr(portVXLAN, 51000, vxlan(42, eth6)))), LinkEthernet, "vxlan 192.0.2.1>192.0.2.2 vni 42", true},
		{"geneve options (RFC 8926)", eth(etherIPv6, outer6(protoUDP, udpHdr(50000, portGeneve, geneve))), LinkEthernet, "geneve 2001:db8:ff::1>2001:db8:ff::2 vni 7", false},
		{"gtp-u (TS 29.281)", eth(etherIPv4, outer4(protoUDP, udpHdr(portGTPU, portGTPU, gtp(0xabcdef, false, syn4)))), LinkEthernet, "gtpu 192.0.2.1>192.0.2.2 teid 11259375", false},
		{"gtp-u extension header", eth(etherIPv4, outer4(protoUDP, udpHdr(portGTPU, portGTPU, gtp(77, true, syn6)))), LinkEthernet, "gtpu 192.0.2.1>192.0.2.2 teid 77", true},
		{"teredo (RFC 4380)", eth(etherIPv4, outer4(protoUDP, udpHdr(portTeredo, 40000, syn6))), LinkEthernet, "teredo 192.0.2.1>192.0.2.2", true},
		{"teredo auth+origin", eth(etherIPv4, outer4(protoUDP, udpHdr(40000, portTeredo, cat(teredoAuth, teredoOrigin, syn6)))), LinkEthernet, "teredo 192.0.2.1>192.0.2.2", true},
		{"ayiya", outer4(protoUDP, udpHdr(40000, portAYIYA, ayiya)), LinkRaw, "ayiya 192.0.2.1>192.0.2.2", true},
		{"vxlan in gre in mpls", eth(etherMPLS, cat(mplsLabel(16, true), outer4(protoGRE, cat(greHdr(etherIPv4, false, u32(3), nil), outer4(protoUDP, udpHdr(1, portVXLAN, vxlan(9, eth4)), []byte{10, 9, 0, 1}, []byte{10, 9, 0, 2}))))), LinkEthernet,
			"mpls label 16, gre 192.0.2.1>192.0.2.2 key 3, vxlan 10.9.0.1>10.9.0.2 vni 9", false},
		{"sll2 gre", sll2(etherIPv4, outer4(protoGRE, cat(greHdr(etherIPv4, false, nil, nil), syn4))), LinkSLL2, "gre 192.0.2.1>192.0.2.2", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var seg segment.Segment
			v, r, got := tdecode(tt.frame, tt.link, &seg, newTunneler())
			if v != isTCP {
				t.Fatalf("verdict %d reason %v; want TCP", v, r)
			}
			if got != tt.want {
				t.Errorf("tunnels %q; want %q", got, tt.want)
			}
			if (seg.Tunnel != 0) != (tt.want != "") {
				t.Errorf("tunnel id %#x", seg.Tunnel)
			}
			want := synWant(tt.v6)
			if seg.Src != want.Src || seg.Dst != want.Dst || seg.SrcPort != 40000 || seg.DstPort != 80 ||
				seg.Flags != segment.SYN || seg.Seq != 100 || seg.Opts != linuxSYNWant {
				t.Errorf("segment %+v", seg)
			}
		})
	}
}

// TestTunnelsSkipped: frames that may hold TCP flowtrace cannot reach are
// counted by cause, never as plain non-TCP.
func TestTunnelsSkipped(t *testing.T) {
	syn4 := ip4(t, synSpec)
	deep := cat()
	for i := range MaxTunnelDepth {
		deep = cat(deep, mplsLabel(uint32(16+i), false))
	}
	deep = cat(deep, mplsLabel(99, true), syn4)
	dns := outer4(protoUDP, udpHdr(5353, 53, []byte("query")))
	for _, tt := range []struct {
		name  string
		frame []byte
		v     verdict
		r     Reason
	}{
		// RFC 4303: everything after SPI and sequence is encrypted.
		{"esp", outer4(protoESP, cat([]byte{0, 0, 1, 0, 0, 0, 0, 1}, make([]byte, 40))), skipped, ESPEncrypted},
		{"esp ipv6", outer6(protoESP, make([]byte, 48)), skipped, ESPEncrypted},
		{"gre ppp protocol", outer4(protoGRE, cat(greHdr(0x880b, false, nil, nil), syn4)), skipped, UnsupportedGRE},
		{"gre version 1 (pptp)", outer4(protoGRE, cat([]byte{0x30, 0x81, 0x88, 0x0b}, make([]byte, 8), syn4)), skipped, UnsupportedGRE},
		{"too deep", eth(etherMPLS, deep), skipped, TunnelTooDeep},
		{"ip in udp unknown port", outer4(protoUDP, udpHdr(40000, 9999, syn4)), skipped, UnknownUDPTunnel},
		{"truncated vxlan", outer4(protoUDP, udpHdr(1, portVXLAN, []byte{8, 0, 0})), skipped, TruncatedTunnel},
		{"truncated gre key", outer4(protoGRE, []byte{0x20, 0, 8, 0, 0}), skipped, TruncatedTunnel},
		{"geneve version 1", outer4(protoUDP, udpHdr(1, portGeneve, cat([]byte{0x40, 0, 0x65, 0x58, 0, 0, 1, 0}, syn4))), notTCP, 0},
		{"geneve ppp", outer4(protoUDP, udpHdr(1, portGeneve, cat([]byte{0, 0, 0x88, 0x0b, 0, 0, 1, 0}, syn4))), skipped, UnsupportedTunnel},
		{"erspan3 ip frame type", outer4(protoGRE, cat(greHdr(etherERSPAN3, false, nil, u32(1)), []byte{0x20, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x08, 0}, syn4)), skipped, UnsupportedTunnel},
		{"gre fragment", func() []byte {
			b := outer4(protoGRE, cat(greHdr(etherIPv4, false, nil, nil), syn4))
			b[6] = 0x20
			return b
		}(), skipped, TunnelFragment},
		{"dns", dns, notTCP, 0},
		{"gtp echo", outer4(protoUDP, udpHdr(portGTPU, portGTPU, []byte{0x32, 1, 0, 4, 0, 0, 0, 0, 0, 1, 0, 0})), notTCP, 0},
		{"pppoe lcp", cat(macB, macA, []byte{0x88, 0x64, 0x11, 0, 0, 1, 0, 4, 0xc0, 0x21, 1, 1}), notTCP, 0},
		{"icmp in gre", outer4(protoGRE, cat(greHdr(etherIPv4, false, nil, nil), outer4(1, make([]byte, 8)))), notTCP, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			link := LinkRaw
			if tt.frame[0]>>4 != 4 && tt.frame[0]>>4 != 6 {
				link = LinkEthernet
			}
			var seg segment.Segment
			v, r, _ := tdecode(tt.frame, link, &seg, newTunneler())
			if v != tt.v || r != tt.r {
				t.Errorf("got %d %v; want %d %v", v, r, tt.v, tt.r)
			}
			if tt.v == skipped && r.Malformed() != (r == TruncatedTunnel) {
				t.Errorf("%v: Malformed %v", r, r.Malformed())
			}
		})
	}
}

// TestTunnelIdentity: both directions of a connection get the same key;
// another VNI, GRE key or outer endpoint pair gives another; labels and
// TEIDs (chosen per direction) do not split a connection, and MPLS alone
// (a label may be on one direction only) is no key at all. Each stack
// keeps its own description.
func TestTunnelIdentity(t *testing.T) {
	fwd, rev := ip4(t, synSpec), ip4(t, tcpSpec{src: srv4, dst: cli4, sport: 80, dport: 40000, seq: 7, ack: 101, flags: segment.SYN | segment.ACK})
	vx := func(a, b []byte, vni uint32, inner []byte) []byte {
		return outer4(protoUDP, udpHdr(uint16(vni), portVXLAN, cat([]byte{8, 0, 0, 0}, be.AppendUint32(nil, vni<<8), ether(cmacB, cmacA, etherIPv4, inner))), a, b)
	}
	gtp := func(a, b []byte, teid uint32, inner []byte) []byte {
		return outer4(protoUDP, udpHdr(portGTPU, portGTPU, cat([]byte{0x30, 0xff}, be.AppendUint16(nil, uint16(len(inner))), be.AppendUint32(nil, teid), inner)), a, b)
	}
	other := []byte{192, 0, 2, 9}
	d := newTunneler()
	var last segment.Segment
	id := func(frame []byte, link LinkType) uint64 {
		t.Helper()
		if v, r, _ := tdecode(frame, link, &last, d); v != isTCP {
			t.Fatalf("verdict %d %v", v, r)
		}
		return last.TunnelKey
	}
	desc := func() string { return string(segment.AppendTunnels(nil, d.table.Lookup(last.Tunnel))) }
	a := id(vx(outerA4, outerB4, 42, fwd), LinkRaw)
	if b := id(vx(outerB4, outerA4, 42, rev), LinkRaw); b != a {
		t.Errorf("vxlan reverse direction: id %#x, want %#x", b, a)
	}
	if b := id(vx(outerA4, outerB4, 43, fwd), LinkRaw); b == a {
		t.Error("another VNI, same id")
	}
	if b := id(vx(outerA4, other, 42, fwd), LinkRaw); b == a {
		t.Error("another VTEP, same id")
	}
	if got := desc(); got != "vxlan 192.0.2.1>192.0.2.9 vni 42" {
		t.Errorf("description %q", got)
	}
	if m := id(eth(etherMPLS, cat(mplsLabel(100, true), fwd)), LinkEthernet); m != 0 || desc() != "mpls label 100" {
		t.Errorf("mpls: key %#x, description %q", m, desc())
	}
	if m := id(eth(etherMPLS, cat(mplsLabel(200, true), rev)), LinkEthernet); m != 0 || desc() != "mpls label 200" {
		t.Errorf("mpls reverse: key %#x, description %q", m, desc())
	}
	if m := id(eth(etherMPLS, cat(mplsLabel(200, true), vx(outerB4, outerA4, 42, rev))), LinkEthernet); m != a {
		t.Errorf("vxlan in mpls: key %#x, want the vxlan's %#x", m, a)
	}
	g := id(gtp(outerA4, outerB4, 1, fwd), LinkRaw)
	if b := id(gtp(outerB4, outerA4, 2, rev), LinkRaw); b != g {
		t.Errorf("gtp reverse TEID: id %#x, want %#x", b, g)
	}
	if id(ip4(t, synSpec), LinkRaw) != 0 {
		t.Error("untunnelled segment has a tunnel id")
	}
	// The id does not depend on the process: UIDs are made from it.
	var seg segment.Segment
	tdecode(vx(outerA4, outerB4, 42, fwd), LinkRaw, &seg, newTunneler())
	if seg.TunnelKey != a {
		t.Errorf("a new decoder: key %#x id %#x; want key %#x", seg.TunnelKey, seg.Tunnel, a)
	}
}

// TestReaderTunnels: Reader.Next delivers TCP from inside tunnels with
// its id, counts what it cannot reach, and allocates nothing per frame
// once a tunnel has been described.
func TestReaderTunnels(t *testing.T) {
	syn4 := ip4(t, synSpec)
	frames := [][]byte{
		eth(etherIPv4, syn4),
		eth(etherIPv4, outer4(protoUDP, udpHdr(1, portVXLAN, cat([]byte{8, 0, 0, 0, 0, 0, 42, 0}, ether(cmacB, cmacA, etherIPv4, syn4))))),
		eth(etherIPv4, outer4(protoESP, make([]byte, 48))),
		eth(etherIPv4, outer4(protoGRE, cat(greHdr(etherIPv4, false, u32(1), nil), syn4))),
	}
	var file []byte
	for range 50 {
		file = append(file, pcapFile(binary.LittleEndian, false, LinkEthernet, frames...)[24:]...)
	}
	file = append(pcapFile(binary.LittleEndian, false, LinkEthernet)[:24], file...)
	f, err := OpenFile("-", bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	r := NewReader(f)
	var seg segment.Segment
	var ids []uint64
	for i := 0; i < 3; i++ {
		if err := r.Next(&seg); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, seg.Tunnel)
	}
	if ids[0] != 0 || ids[1] == 0 || ids[2] == 0 || ids[1] == ids[2] {
		t.Errorf("ids %#x", ids)
	}
	if got := r.Tunnels().Lookup(ids[2]); len(got) != 1 || got[0].String() != "gre 192.0.2.1>192.0.2.2 key 1" {
		t.Errorf("Lookup: %v", got)
	}
	n := testing.AllocsPerRun(30, func() {
		if err := r.Next(&seg); err != nil {
			t.Fatal(err)
		}
	})
	if n != 0 {
		t.Errorf("%v allocs per segment; want 0", n)
	}
	for r.Next(&seg) == nil {
	}
	st := r.Stats()
	if st.Skipped[ESPEncrypted] != 50 || st.TCP != 150 {
		t.Errorf("stats %+v", st)
	}
	checkInvariant(t, st)
	if err := r.Next(&seg); err != io.EOF {
		t.Errorf("end: %v", err)
	}
}

// TestTunnelSeeds: the fuzz seeds reach TCP, except the last two (IP in
// UDP on an unknown port, ESP), so the fuzzer starts deep inside.
func TestTunnelSeeds(t *testing.T) {
	seeds := tunnelSeeds(t)
	for i, fr := range seeds {
		var seg segment.Segment
		v, r, _ := tdecode(fr, LinkEthernet, &seg, newTunneler())
		if want := i < len(seeds)-2; (v == isTCP) != want {
			t.Errorf("seed %d: verdict %d %v", i, v, r)
		}
	}
}

// TestTunnelsOverLinkTypes: the tunnel pass starts from the link-layer
// mapping the plain decoder uses (linkLayer), so TCP inside a tunnel is
// found on every supported link type, and the Ethernet frames inside
// tunnels are read by the same code as the capture's own. Each link
// header is built from its standard, as in linktypes_test.go.
func TestTunnelsOverLinkTypes(t *testing.T) {
	syn4, syn6 := ip4(t, synSpec), ip6(t, v6(synSpec))
	eth4 := ether(cmacB, cmacA, etherIPv4, syn4)
	eth6 := ether(cmacB, cmacA, etherIPv6, syn6)
	gre := outer4(protoGRE, cat(greHdr(etherIPv4, false, nil, nil), syn4))
	ipip := outer4(protoIPv4, syn4)
	sixIn4 := outer4(protoIPv6, syn6)
	// VXLAN (RFC 7348 §5): flags I, reserved, VNI 42, reserved.
	vxlan := outer4(protoUDP, udpHdr(51000, portVXLAN, cat([]byte{0x08, 0, 0, 0}, be.AppendUint32(nil, 42<<8), eth4)))
	// Geneve (RFC 8926 §3.4) without options, protocol 0x6558, VNI 7.
	geneve := outer6(protoUDP, udpHdr(50000, portGeneve, cat([]byte{0, 0, 0x65, 0x58, 0, 0, 7, 0}, eth6)))
	// PBB (IEEE 802.1ah §9.7): B-DA, B-SA, B-TAG, I-TAG (I-SID 0x01002a),
	// then the customer's frame.
	pbb := cat(bmacB, bmacA, []byte{0x88, 0xa8, 0x00, 0x64, 0x88, 0xe7, 0x00, 0x01, 0x00, 0x2a}, eth4)
	// PPPoE session (RFC 2516 §4), session 7, PPP protocol IPv4.
	pppoe := cat([]byte{0x11, 0x00, 0x00, 0x07}, be.AppendUint16(nil, uint16(2+len(syn4))), be.AppendUint16(nil, pppIPv4), syn4)
	erspan1 := outer4(protoGRE, cat(greHdr(etherERSPAN2, false, nil, nil), eth6))

	const (
		greDesc  = "gre 192.0.2.1>192.0.2.2"
		ipipDesc = "ipip 192.0.2.1>192.0.2.2"
		sitDesc  = "6in4 192.0.2.1>192.0.2.2"
	)
	for _, tt := range []struct {
		name  string
		frame []byte
		link  LinkType
		want  string
		v6    bool
	}{
		// PPP (RFC 1661 §2) in HDLC-like framing (RFC 1662 §3.1):
		// address 0xff, control 0x03, protocol 0x0021 (IPv4, RFC 1332).
		{"gre over ppp", cat([]byte{0xff, 0x03, 0x00, 0x21}, gre), LinkPPP, greDesc, false},
		// The protocol field compressed to one byte (RFC 1661 §6.5).
		{"6in4 over ppp_hdlc, compressed protocol", cat([]byte{0x21}, sixIn4), LinkPPPHDLC, sitDesc, true},
		// MPLS over PPP: protocol 0x0281 (RFC 3032 §4.3).
		{"mpls over ppp", cat([]byte{0xff, 0x03, 0x02, 0x81}, mplsLabel(100, true), syn4), LinkPPP, "mpls label 100", false},
		// Cisco HDLC: address 0x0f, control 0, EtherType (here MPLS).
		{"mpls over c_hdlc", cat([]byte{0x0f, 0x00, 0x88, 0x47}, mplsLabel(17, true), syn6), LinkCHDLC, "mpls label 17", true},
		// Frame Relay (RFC 2427): Q.922 address, DLCI 100 (EA set in
		// the second byte), UI 0x03, NLPID 0xcc (IPv4).
		{"6in4 over frame relay", cat([]byte{0x18, 0x41, 0x03, 0xcc}, sixIn4), LinkFrameRelay, sitDesc, true},
		// Frame Relay SNAP (RFC 2427 §5.1): pad 0, NLPID 0x80, OUI 0,
		// EtherType.
		{"gre over frame relay snap", cat([]byte{0x18, 0x41, 0x03, 0x00, 0x80, 0, 0, 0, 0x08, 0x00}, gre), LinkFrameRelay, greDesc, false},
		// NFLOG (libpcap pcap/nflog.h): the NFULA_PAYLOAD TLV.
		{"vxlan over nflog", nflog(le, nflogIPv4, vxlan), LinkNFLOG, "vxlan 192.0.2.1>192.0.2.2 vni 42", false},
		{"ipip over linux sll2", sll2(etherIPv4, ipip), LinkSLL2, ipipDesc, false},
		{"gretap over linux sll", sll(etherIPv4, outer4(protoGRE, cat(greHdr(etherTEB, false, u32(9), nil), eth6))), LinkLinuxSLL, greDesc + " key 9", true},
		// 802.11 QoS data frame (IEEE Std 802.11-2020 §9.3.2.1), To DS,
		// behind radiotap, with an RFC 1042 LLC/SNAP header.
		{"6in4 over 802.11 radiotap", radiotap(0x00, dot11(8, 0x01, 0, []byte{0x00, 0x00}, snap(etherIPv4, sixIn4))), LinkRadiotap, sitDesc, true},
		// The same with DATAPAD (radiotap Flags 0x20): the 26-byte
		// header padded to 28.
		{"gre over 802.11 radiotap datapad", radiotap(0x20, append(append(dot11(8, 0x01, 0, []byte{0, 0}, nil), 0, 0), snap(etherIPv4, gre)...)), LinkRadiotap, greDesc, false},
		{"teredo over ppi 802.11", ppi(105, dot11(0, 0x02, 0, nil, snap(etherIPv4, outer4(protoUDP, udpHdr(portTeredo, 40000, syn6))))), LinkPPI, "teredo 192.0.2.1>192.0.2.2", true},
		{"ipip over prism 802.11", prism(dot11(0, 0x02, 0, nil, snap(etherIPv4, ipip))), LinkPrism, ipipDesc, false},
		{"ipip over avs 802.11", avs(dot11(0, 0x02, 0, nil, snap(etherIPv4, ipip))), LinkAVS, ipipDesc, false},
		// IPoIB (RFC 4391 §6) after tcpdump's 40-byte pseudo-header.
		{"geneve over ipoib", ipoib(etherIPv6, geneve), LinkIPoIB, "geneve 2001:db8:ff::1>2001:db8:ff::2 vni 7", true},
		// PKTAP (pcap/pktap.h) naming Ethernet: the backbone MACs of PBB
		// come from the Ethernet header found through it.
		{"pbb over pktap ethernet", pktap(le, uint32(LinkEthernet), pbb), LinkPKTAP, "pbb 02:bb:00:00:00:01>02:bb:00:00:00:02 isid 65578", false},
		{"pppoe over juniper ethernet", juniper(0x81, ether(macB, macA, etherPPPoE, pppoe)), LinkJuniperEther, "pppoe 02:00:00:00:00:01>02:00:00:00:00:02 session 7", false},
		{"erspan over juniper, no L2", juniper(0x02, cat([]byte{0, 0, 0, 1}, erspan1)), LinkJuniperEther, "erspan1 192.0.2.1>192.0.2.2", true},
		// ARCNET, RFC 1201 framing: source, destination, system code 212
		// (IP), split flag 0, sequence number.
		{"ipip over arcnet", cat([]byte{0x01, 0x02, arcIP, 0, 0, 7}, ipip), LinkArcnetBSD, ipipDesc, false},
		{"ipip over arcnet linux", cat([]byte{0x01, 0x02, 0, 0, arcIP, 0, 0, 9}, ipip), LinkArcnetLinux, ipipDesc, false},
		// BSD loopback: the family in host byte order (NULL) or network
		// order (LOOP).
		{"6in6 over null", null(afInet6Darwin, le, outer6(protoIPv6, syn6)), LinkNull, "6in6 2001:db8:ff::1>2001:db8:ff::2", true},
		{"4in6 over loop", null(afInet6NetBSD, be, outer6(protoIPv4, syn4)), LinkLoop, "4in6 2001:db8:ff::1>2001:db8:ff::2", false},
		{"vxlan over raw", vxlan, LinkRaw, "vxlan 192.0.2.1>192.0.2.2 vni 42", false},
		{"ipip over ipv4", ipip, LinkIPv4, ipipDesc, false},
		{"6in6 over ipv6", outer6(protoIPv6, syn6), LinkIPv6, "6in6 2001:db8:ff::1>2001:db8:ff::2", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var seg segment.Segment
			v, r, got := tdecode(tt.frame, tt.link, &seg, newTunneler())
			if v != isTCP {
				t.Fatalf("verdict %d reason %v; want TCP", v, r)
			}
			if got != tt.want {
				t.Errorf("tunnels %q; want %q", got, tt.want)
			}
			want := synWant(tt.v6)
			if seg.Src != want.Src || seg.Dst != want.Dst || seg.SrcPort != 40000 || seg.Seq != 100 || seg.Opts != linuxSYNWant {
				t.Errorf("segment %+v", seg)
			}
		})
	}
}

// TestTunnelsLinkSkips: a link header the plain decoder skips is skipped
// for the same reason by the tunnel pass, which starts from the same
// mapping; a tunnel's Ethernet frame cut short is a truncated tunnel.
func TestTunnelsLinkSkips(t *testing.T) {
	gre := outer4(protoGRE, cat(greHdr(etherIPv4, false, nil, nil), ip4(t, synSpec)))
	for _, tt := range []struct {
		name  string
		frame []byte
		link  LinkType
		r     Reason
	}{
		{"protected 802.11", dot11(0, 0x41, 0, nil, snap(etherIPv4, gre)), Link80211, Protected80211},
		{"802.11 later fragment", dot11(0, 0x01, 0x0001, nil, snap(etherIPv4, gre)), Link80211, LinkFragment},
		{"juniper bad magic", cat([]byte{'M', 'G', 'X', 0}, eth(etherIPv4, gre)), LinkJuniperEther, BadLinkHeader},
		{"unsupported link", gre, 10, UnsupportedLink},
		{"gretap inner ethernet cut", outer4(protoGRE, cat(greHdr(etherTEB, false, nil, nil), make([]byte, 13))), LinkRaw, TruncatedTunnel},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var seg segment.Segment
			var noted [NumReasons]uint64
			pv, pr := decode(tt.frame, tt.link, &seg, &noted, nil)
			v, r := newTunneler().decode(tt.frame, tt.link, &seg, &noted, nil)
			if v != skipped || r != tt.r {
				t.Errorf("tunnel pass: %d %v; want skipped %v", v, r, tt.r)
			}
			if tt.r != TruncatedTunnel && (pv != v || pr != r) {
				t.Errorf("plain decoder: %d %v; tunnel pass %d %v", pv, pr, v, r)
			}
		})
	}
}

// TestTunnelChecksums: the inner IPv4 header checksum and the inner TCP
// checksum (IPv6 pseudo-header included) of tunnelled segments are
// verified under the same modes and the same per-sender offload rule as
// plain segments'. The outer headers are not: a UDP tunnel's checksum is
// the tunnel endpoints' business, and outer4 leaves its own 0.
func TestTunnelChecksums(t *testing.T) {
	data := func(src, dst string, seq uint32) tcpSpec {
		return tcpSpec{src: src, dst: dst, sport: 40000, dport: 80, seq: seq, flags: segment.ACK, win: 9, payload: []byte("abc")}
	}
	badTCP := func(p []byte) []byte { // payload damage
		c := bytes.Clone(p)
		c[len(c)-1] ^= 0xff
		return c
	}
	badIP := func(p []byte) []byte { // TTL changed, header checksum not
		c := bytes.Clone(p)
		c[8]--
		return c
	}
	gre := func(inner []byte) []byte {
		et := uint16(etherIPv4)
		if inner[0]>>4 == 6 {
			et = etherIPv6
		}
		return eth(etherIPv4, outer4(protoGRE, cat(greHdr(et, false, nil, nil), inner)))
	}
	vxlan := func(inner []byte) []byte {
		u := udpHdr(51000, portVXLAN, cat([]byte{0x08, 0, 0, 0}, be.AppendUint32(nil, 42<<8), ether(cmacB, cmacA, etherIPv4, inner)))
		u[6], u[7] = 0xde, 0xad // an outer UDP checksum that is wrong: not TCP's business
		return eth(etherIPv4, outer4(protoUDP, u))
	}
	const a, b, c = "10.0.0.1", "10.0.0.2", "10.0.0.3"
	frames := [][]byte{
		gre(ip4(t, data(a, b, 1))),             // a: first verifiable good
		gre(badTCP(ip4(t, data(a, b, 2)))),     // a: bad TCP
		gre(badIP(ip4(t, data(a, b, 3)))),      // a: bad inner IPv4 header
		vxlan(badTCP(ip4(t, data(a, b, 4)))),   // a: bad TCP in VXLAN
		vxlan(ip4(t, data(a, b, 5))),           // a: good, whatever the outer UDP checksum
		gre(ip6(t, v6(data(a, b, 1)))),         // 2001:db8::1: good, IPv6 pseudo-header
		gre(badTCP(ip6(t, v6(data(a, b, 2))))), // 2001:db8::1: bad
		gre(badTCP(ip4(t, data(c, b, 1)))),     // c: first verifiable bad: offload (auto)
		gre(badTCP(ip4(t, data(c, b, 2)))),     // c: offload, not verified (auto)
	}
	run := func(m ChecksumMode) ([]bool, Stats) {
		f, err := OpenFile("-", bytes.NewReader(pcapFile(binary.LittleEndian, false, LinkEthernet, frames...)))
		if err != nil {
			t.Fatal(err)
		}
		r := NewReader(f)
		r.SetChecksums(m)
		var seg segment.Segment
		var got []bool
		for {
			if err := r.Next(&seg); err == io.EOF {
				break
			} else if err != nil {
				t.Fatal(err)
			}
			if seg.Tunnel == 0 {
				t.Fatalf("segment %d not from a tunnel", len(got))
			}
			got = append(got, seg.BadChecksum)
		}
		st := r.Stats()
		checkInvariant(t, st)
		return got, st
	}
	for _, tc := range []struct {
		mode          ChecksumMode
		want          []bool
		badIP, badTCP uint64
		offload       uint64
	}{
		{ChecksumAuto, []bool{false, true, true, true, false, false, true, false, false}, 1, 3, 1},
		{ChecksumVerify, []bool{false, true, true, true, false, false, true, true, true}, 1, 5, 0},
		{ChecksumOff, make([]bool, len(frames)), 0, 0, 0},
	} {
		t.Run(tc.mode.String(), func(t *testing.T) {
			got, st := run(tc.mode)
			if !slices.Equal(got, tc.want) {
				t.Errorf("BadChecksum = %v\n                 want %v", got, tc.want)
			}
			if st.Noted[BadIPv4Checksum] != tc.badIP || st.Noted[BadTCPChecksum] != tc.badTCP || st.OffloadSenders != tc.offload {
				t.Errorf("bad IPv4 %d, bad TCP %d, offload senders %d; want %d, %d, %d",
					st.Noted[BadIPv4Checksum], st.Noted[BadTCPChecksum], st.OffloadSenders, tc.badIP, tc.badTCP, tc.offload)
			}
		})
	}
}
