package capture

import (
	"net/netip"
	"slices"
	"sync"

	"github.com/flowtrace/flowtrace/segment"
)

// MaxTunnelDepth bounds the encapsulations decoded around one segment
// (each MPLS label counts as one). A frame nested deeper is skipped and
// counted as "tunnels nested too deep".
const MaxTunnelDepth = 8

// maxTunnelStacks bounds the descriptions a Tunnels table keeps. Beyond
// it, new tunnels are still told apart (the id is a hash) but have no
// description.
const maxTunnelStacks = 1 << 16

// EtherTypes, IP protocols and UDP ports of the encapsulations.
const (
	etherMPLS      = 0x8847 // RFC 3032 unicast
	etherMPLSMcast = 0x8848
	etherPBB       = 0x88e7 // IEEE 802.1ah I-TAG
	etherVNTag     = 0x8926 // IEEE 802.1Qbh
	etherETag      = 0x893f // IEEE 802.1BR
	etherPPPoE     = 0x8864 // RFC 2516 session stage
	etherTEB       = 0x6558 // transparent Ethernet bridging (GRE, Geneve)
	etherERSPAN2   = 0x88be // ERSPAN type I and II
	etherERSPAN3   = 0x22eb

	protoIPv4 = 4
	protoUDP  = 17
	protoIPv6 = 41
	protoGRE  = 47
	protoESP  = 50

	portVXLAN  = 4789
	portGeneve = 6081
	portGTPU   = 2152
	portTeredo = 3544
	portAYIYA  = 5072
)

// Tunnels maps the tunnel ids of decoded segments (segment.Segment.Tunnel)
// to their descriptions: the stack of encapsulations, outermost first, as
// the first frame with that id showed it. It is safe for concurrent use:
// the decoder adds, printers look up. One table may serve several Readers
// (the passes over one file).
type Tunnels struct {
	mu sync.Mutex
	m  map[uint64][]segment.Tunnel
}

// NewTunnels returns an empty table.
func NewTunnels() *Tunnels { return &Tunnels{m: make(map[uint64][]segment.Tunnel)} }

// Lookup returns the description of tunnel id, outermost first, or nil
// when id is 0 or unknown. The slice must not be modified.
func (t *Tunnels) Lookup(id uint64) []segment.Tunnel {
	if t == nil || id == 0 {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.m[id]
}

func (t *Tunnels) add(id uint64, ts []segment.Tunnel) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, ok := t.m[id]; !ok && len(t.m) < maxTunnelStacks {
		t.m[id] = slices.Clone(ts)
	}
}

// tunneler decodes frames that the plain decoder found not to carry TCP
// directly: it looks for TCP inside encapsulations (tunnel.go's part of
// a Reader). Its stack is reused, so decoding does not allocate once a
// tunnel has been seen.
type tunneler struct {
	stack [MaxTunnelDepth]segment.Tunnel
	n     int
	table *Tunnels
	seen  map[uint64]struct{} // ids already given to table (no lock on the hot path)
	ck    *checker            // the frame's checksum checker, or nil (checksums off)
}

// macs are the Ethernet addresses of the frame being decoded.
type macs struct{ src, dst [6]byte }

// decode looks for TCP inside the encapsulations of a frame of link type
// link. On isTCP, seg holds the innermost TCP segment and seg.Tunnel its
// tunnel id. It starts from the same link-layer mapping as the plain
// decoder (linkLayer), so tunnels are found on every supported link type.
// ck, when not nil, is told the inner segment's checksum status, as decode
// tells it a plain one's.
func (d *tunneler) decode(data []byte, link LinkType, seg *segment.Segment, noted *[NumReasons]uint64, ck *checker) (verdict, Reason) {
	d.n, d.ck = 0, ck
	l, r, ok := linkLayer(data, link, 0)
	if !ok {
		return skipped, r
	}
	var m macs
	if l.mac != nil {
		m = macs{src: [6]byte(l.mac[6:12]), dst: [6]byte(l.mac[0:6])}
	}
	v, r := d.etherPayload(l.etype, l.p, m, seg, noted)
	if v == isTCP {
		if d.n == 0 {
			// Only a frame the plain decoder did not take as TCP
			// comes here, so TCP with no tunnel around it is an
			// inconsistency between the two; never deliver it.
			return notTCP, 0
		}
		seg.Tunnel, seg.TunnelKey = d.ids()
	}
	return v, r
}

// push adds an encapsulation level; false when the stack is full.
func (d *tunneler) push(t segment.Tunnel) bool {
	if d.n == MaxTunnelDepth {
		return false
	}
	d.stack[d.n] = t
	d.n++
	return true
}

// ethernet decodes an Ethernet frame inside a tunnel (transparent
// Ethernet bridging, VXLAN, Geneve, ERSPAN, PBB, MPLS pseudowires) with
// the link-layer code of the capture's own Ethernet frames.
func (d *tunneler) ethernet(b []byte, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	l, _, ok := linkLayer(b, LinkEthernet, 0)
	if !ok {
		return skipped, TruncatedTunnel
	}
	return d.etherPayload(l.etype, l.p, macs{[6]byte(l.mac[6:12]), [6]byte(l.mac[0:6])}, seg, noted)
}

// etherPayload decodes what follows EtherType etype: VLAN tags and the
// link-layer encapsulations, down to IP.
func (d *tunneler) etherPayload(etype uint16, p []byte, m macs, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	for {
		var tag int // bytes between this EtherType and the next
		switch etype {
		case etherIPv4, etherIPv6:
			return d.ip(p, seg, noted)
		case etherDot1Q, etherDot1A, etherQinQ:
			tag = 2 // TCI
		case etherVNTag:
			// IEEE 802.1Qbh VN-Tag: d(1) p(1) dst vif(14) l(1) r(1)
			// ver(2) src vif(12). The host-side interface is the
			// source towards the bridge (d=0), the destination from
			// it (d=1), so both directions name the same one.
			if len(p) < 6 {
				return skipped, TruncatedTunnel
			}
			vif := uint32(be16(p[2:]) & 0x0fff)
			if p[0]&0x80 != 0 {
				vif = uint32(be16(p[0:]) & 0x3fff)
			}
			if !d.push(segment.Tunnel{Type: segment.VNTag, HasID: true, ID: vif}) {
				return skipped, TunnelTooDeep
			}
			tag = 4
		case etherETag:
			// IEEE 802.1BR E-Tag: PCP(3) DEI(1) ingress E-CID base(12)
			// rsv(2) GRP(2) E-CID base(12) ingress ext(8) E-CID ext(8).
			if len(p) < 8 {
				return skipped, TruncatedTunnel
			}
			ecid := uint32(p[5])<<14 | uint32(be16(p[2:])&0x3fff)
			if !d.push(segment.Tunnel{Type: segment.ETag, HasID: true, ID: ecid}) {
				return skipped, TunnelTooDeep
			}
			tag = 6
		case etherMPLS, etherMPLSMcast:
			return d.mpls(p, seg, noted)
		case etherPBB:
			// IEEE 802.1ah I-TAG: PCP(3) DEI(1) UCA(1) res(3) I-SID(24),
			// then the customer's Ethernet frame.
			if len(p) < 4 {
				return skipped, TruncatedTunnel
			}
			t := segment.Tunnel{Type: segment.PBB, HasID: true, ID: be32(p) & 0xffffff, SrcMAC: m.src, DstMAC: m.dst}
			if !d.push(t) {
				return skipped, TunnelTooDeep
			}
			return d.ethernet(p[4:], seg, noted)
		case etherPPPoE:
			return d.pppoe(p, m, seg, noted)
		default:
			return notTCP, 0
		}
		if len(p) < tag+2 {
			return skipped, TruncatedLink
		}
		etype, p = be16(p[tag:]), p[tag+2:]
	}
}

// pppoe decodes a PPPoE session frame (RFC 2516 §4): ver(4)=1 type(4)=1
// code(8)=0 session(16) length(16), then the PPP protocol (RFC 1661).
func (d *tunneler) pppoe(p []byte, m macs, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	if len(p) < 8 {
		return skipped, TruncatedTunnel
	}
	if p[0] != 0x11 || p[1] != 0 {
		return notTCP, 0
	}
	if !d.push(segment.Tunnel{Type: segment.PPPoE, HasID: true, ID: uint32(be16(p[2:])), SrcMAC: m.src, DstMAC: m.dst}) {
		return skipped, TunnelTooDeep
	}
	n := int(be16(p[4:]))
	q := p[6:]
	if n >= 2 && n < len(q) {
		q = q[:n] // drop the Ethernet padding
	}
	switch be16(q) {
	case pppIPv4, pppIPv6:
		return d.ip(q[2:], seg, noted)
	}
	return notTCP, 0 // LCP, IPCP, ...
}

// mpls decodes an MPLS label stack (RFC 3032 §2.1: label(20) TC(3) S(1)
// TTL(8)) and its payload: IPv4 or IPv6 by the first nibble, or an
// Ethernet pseudowire (RFC 4448) with or without the control word
// (RFC 4385: first nibble 0).
func (d *tunneler) mpls(p []byte, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	for {
		if len(p) < 4 {
			return skipped, TruncatedTunnel
		}
		e := be32(p)
		if !d.push(segment.Tunnel{Type: segment.MPLS, HasID: true, ID: e >> 12}) {
			return skipped, TunnelTooDeep
		}
		p = p[4:]
		if e&0x100 != 0 { // bottom of stack
			break
		}
	}
	if len(p) == 0 {
		return skipped, TruncatedTunnel
	}
	switch p[0] >> 4 {
	case 4, 6:
		return d.ip(p, seg, noted)
	case 0:
		if len(p) >= 4 && ethernetLike(p[4:]) {
			return d.ethernet(p[4:], seg, noted) // control word, then Ethernet
		}
	}
	if ethernetLike(p) {
		return d.ethernet(p, seg, noted) // Ethernet pseudowire without control word
	}
	return skipped, UnsupportedTunnel
}

// ethernetLike reports whether b starts with an Ethernet header whose
// EtherType is one the decoder follows.
func ethernetLike(b []byte) bool {
	if len(b) < 14 {
		return false
	}
	switch be16(b[12:]) {
	case etherIPv4, etherIPv6, etherDot1Q, etherDot1A, etherQinQ, etherMPLS, etherMPLSMcast,
		etherPBB, etherVNTag, etherETag, etherPPPoE:
		return true
	}
	return false
}

// ip decodes an IP packet: TCP through the plain decoder, or an
// encapsulation inside.
func (d *tunneler) ip(b []byte, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	if len(b) == 0 {
		return skipped, TruncatedIPv4
	}
	switch b[0] >> 4 {
	case 4:
		return d.ip4(b, seg, noted)
	case 6:
		return d.ip6(b, seg, noted)
	}
	return skipped, BadIPVersion
}

func (d *tunneler) ip4(b []byte, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	if v, r := decodeIPv4(b, seg, noted, d.ck); v != notTCP {
		return v, r
	}
	// decodeIPv4 checked the header length and the AH header, if any.
	ihl := int(b[0]&0x0f) * 4
	end := int(be16(b[2:]))
	if end == 0 || end > len(b) {
		end = len(b)
	}
	if end < ihl {
		return skipped, BadIPv4Length
	}
	proto, off := b[9], ihl
	if proto == protoAH {
		v, _, next, n := extHeader(b, off, end, protoAH)
		if v != isTCP {
			return notTCP, 0
		}
		proto, off = next, n
	}
	if be16(b[6:])&0x3fff != 0 { // a fragment
		if tunnelProto(proto) {
			return skipped, TunnelFragment
		}
		return notTCP, 0
	}
	src, dst := netip.AddrFrom4([4]byte(b[12:16])), netip.AddrFrom4([4]byte(b[16:20]))
	return d.ipPayload(proto, 4, b[off:end], src, dst, seg, noted)
}

func (d *tunneler) ip6(b []byte, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	if v, r := decodeIPv6(b, seg, noted, d.ck); v != notTCP {
		return v, r
	}
	// decodeIPv6 checked the fixed header; walk the extension headers
	// to the upper-layer protocol.
	end := 40 + int(be16(b[4:]))
	if end == 40 || end > len(b) {
		end = len(b)
	}
	next, off := b[6], 40
	for {
		switch next {
		case protoHopByHop, protoRouting, protoDstOpts, protoAH:
			v, _, nx, n := extHeader(b, off, end, next)
			if v != isTCP {
				return notTCP, 0
			}
			next, off = nx, n
			continue
		case protoFragment:
			if off+8 > end {
				return notTCP, 0
			}
			if be16(b[off+2:])&0xfff9 != 0 {
				if tunnelProto(b[off]) {
					return skipped, TunnelFragment
				}
				return notTCP, 0
			}
			next, off = b[off], off+8
			continue
		}
		break
	}
	src, dst := netip.AddrFrom16([16]byte(b[8:24])), netip.AddrFrom16([16]byte(b[24:40]))
	return d.ipPayload(next, 6, b[off:end], src, dst, seg, noted)
}

// tunnelProto reports whether IP protocol p may carry TCP inside.
func tunnelProto(p uint8) bool {
	switch p {
	case protoIPv4, protoIPv6, protoGRE, protoESP:
		return true
	}
	return false
}

// ipPayload decodes the payload of an IP packet of version ver, protocol
// proto, between src and dst.
func (d *tunneler) ipPayload(proto uint8, ver int, p []byte, src, dst netip.Addr, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	t := segment.Tunnel{Src: src, Dst: dst}
	switch proto {
	case protoIPv4:
		t.Type = segment.IPIP
		if ver == 6 {
			t.Type = segment.IP4in6
		}
	case protoIPv6:
		t.Type = segment.SIT
		if ver == 6 {
			t.Type = segment.IP6in6
		}
	case protoGRE:
		return d.gre(p, t, seg, noted)
	case protoUDP:
		return d.udp(p, t, seg, noted)
	case protoESP:
		return skipped, ESPEncrypted
	default:
		return notTCP, 0
	}
	if !d.push(t) {
		return skipped, TunnelTooDeep
	}
	want := byte(4)
	if proto == protoIPv6 {
		want = 6
	}
	if len(p) == 0 || p[0]>>4 != want {
		return skipped, BadIPVersion
	}
	return d.ip(p, seg, noted)
}

// GRE flags (RFC 2784 §2.1, RFC 2890 §2).
const (
	greChecksum = 0x8000
	greRouting  = 0x4000 // RFC 1701 only
	greKey      = 0x2000
	greSeq      = 0x1000
	greVersion  = 0x0007
)

// gre decodes a GRE packet (RFC 2784, keys and sequence numbers of
// RFC 2890) and what it carries: IP, Ethernet (transparent Ethernet
// bridging), MPLS (RFC 4023), or mirrored frames (ERSPAN).
func (d *tunneler) gre(p []byte, t segment.Tunnel, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	if len(p) < 4 {
		return skipped, TruncatedTunnel
	}
	flags, proto := be16(p), be16(p[2:])
	if flags&(greVersion|greRouting) != 0 {
		return skipped, UnsupportedGRE // version 1 (PPTP) or RFC 1701 routing
	}
	h := 4
	if flags&greChecksum != 0 {
		h += 4
	}
	if flags&greKey != 0 {
		if len(p) < h+4 {
			return skipped, TruncatedTunnel
		}
		t.HasID, t.ID = true, be32(p[h:])
		h += 4
	}
	if flags&greSeq != 0 {
		h += 4
	}
	if len(p) < h {
		return skipped, TruncatedTunnel
	}
	p = p[h:]
	t.Type = segment.GRE
	switch proto {
	case etherIPv4, etherIPv6, etherTEB, etherMPLS, etherMPLSMcast:
	case etherERSPAN2:
		if flags&greSeq == 0 {
			t = segment.Tunnel{Type: segment.ERSPAN1, Src: t.Src, Dst: t.Dst}
			break
		}
		// ERSPAN type II: ver(4)=1 VLAN(12) COS(3) En(2) T(1)
		// session(10) reserved(12) index(20).
		if len(p) < 8 {
			return skipped, TruncatedTunnel
		}
		if p[0]>>4 != 1 {
			return skipped, UnsupportedTunnel
		}
		t = segment.Tunnel{Type: segment.ERSPAN2, HasID: true, ID: uint32(be16(p[2:]) & 0x3ff), Src: t.Src, Dst: t.Dst}
		p = p[8:]
	case etherERSPAN3:
		// ERSPAN type III: ver(4)=2 VLAN(12) COS(3) BSO(2) T(1)
		// session(10) timestamp(32) SGT(16) P(1) FT(5) HW ID(6) D(1)
		// Gra(2) O(1), then an 8-byte platform subheader if O.
		if len(p) < 12 {
			return skipped, TruncatedTunnel
		}
		h := 12
		if p[11]&1 != 0 {
			h += 8
		}
		if p[0]>>4 != 2 || (p[10]>>2)&0x1f != 0 { // FT 0: an Ethernet frame
			return skipped, UnsupportedTunnel
		}
		if len(p) < h {
			return skipped, TruncatedTunnel
		}
		t = segment.Tunnel{Type: segment.ERSPAN3, HasID: true, ID: uint32(be16(p[2:]) & 0x3ff), Src: t.Src, Dst: t.Dst}
		p = p[h:]
	default:
		return skipped, UnsupportedGRE
	}
	if !d.push(t) {
		return skipped, TunnelTooDeep
	}
	switch proto {
	case etherIPv4, etherIPv6:
		return d.ip(p, seg, noted)
	case etherMPLS, etherMPLSMcast:
		return d.mpls(p, seg, noted)
	}
	return d.ethernet(p, seg, noted)
}

// udp decodes a UDP datagram (RFC 768) carrying a tunnel on its
// registered port, source or destination.
func (d *tunneler) udp(p []byte, t segment.Tunnel, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	if len(p) < 8 {
		return notTCP, 0
	}
	if n := int(be16(p[4:])); n >= 8 && n < len(p) {
		p = p[:n] // drop padding
	}
	sport, dport := be16(p), be16(p[2:])
	p = p[8:]
	port := dport
	if !udpTunnelPort(port) {
		port = sport
	}
	switch port {
	case portVXLAN:
		return d.vxlan(p, t, seg, noted)
	case portGeneve:
		return d.geneve(p, t, seg, noted)
	case portGTPU:
		return d.gtpu(p, t, seg, noted)
	case portTeredo:
		return d.teredo(p, t, seg, noted)
	case portAYIYA:
		return d.ayiya(p, t, seg, noted)
	}
	if ipTCPLike(p) || len(p) >= 8 && ipTCPLike(p[8:]) || len(p) >= 22 && ethernetLike(p[8:]) && ipTCPLike(p[22:]) {
		return skipped, UnknownUDPTunnel
	}
	return notTCP, 0
}

func udpTunnelPort(p uint16) bool {
	switch p {
	case portVXLAN, portGeneve, portGTPU, portTeredo, portAYIYA:
		return true
	}
	return false
}

// ipTCPLike reports whether b starts with an IPv4 or IPv6 header whose
// length matches b and whose protocol is TCP: IP in UDP, on a port no
// known tunnel uses.
func ipTCPLike(b []byte) bool {
	switch {
	case len(b) >= 20 && b[0] == 0x45:
		return b[9] == protoTCP && int(be16(b[2:])) == len(b)
	case len(b) >= 40 && b[0]>>4 == 6:
		return b[6] == protoTCP && 40+int(be16(b[4:])) == len(b)
	}
	return false
}

// vxlan decodes VXLAN (RFC 7348 §5): flags(8) with I (0x08), reserved(24),
// VNI(24), reserved(8), then an Ethernet frame. Reserved bits are ignored,
// as the RFC asks of receivers (VXLAN-GBP and others use them).
func (d *tunneler) vxlan(p []byte, t segment.Tunnel, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	if len(p) < 8 {
		return skipped, TruncatedTunnel
	}
	t.Type = segment.VXLAN
	if p[0]&0x08 != 0 {
		t.HasID, t.ID = true, be32(p[4:])>>8
	}
	if !d.push(t) {
		return skipped, TunnelTooDeep
	}
	return d.ethernet(p[8:], seg, noted)
}

// geneve decodes Geneve (RFC 8926 §3.4): ver(2) opt len(6) O(1) C(1)
// rsvd(6) protocol(16) VNI(24) rsvd(8), options of opt len 4-byte words,
// then the payload the protocol names (an EtherType).
func (d *tunneler) geneve(p []byte, t segment.Tunnel, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	if len(p) < 8 {
		return skipped, TruncatedTunnel
	}
	if p[0]>>6 != 0 {
		return notTCP, 0 // not Geneve version 0: maybe not Geneve at all
	}
	h := 8 + int(p[0]&0x3f)*4
	if len(p) < h {
		return skipped, TruncatedTunnel
	}
	t.Type, t.HasID, t.ID = segment.Geneve, true, be32(p[4:])>>8
	if !d.push(t) {
		return skipped, TunnelTooDeep
	}
	switch be16(p[2:]) {
	case etherTEB:
		return d.ethernet(p[h:], seg, noted)
	case etherIPv4, etherIPv6:
		return d.ip(p[h:], seg, noted)
	}
	return skipped, UnsupportedTunnel
}

// gtpu decodes GTP-U (3GPP TS 29.281 §5.1): flags (version(3)=1 PT(1)=1
// spare(1) E(1) S(1) PN(1)), message type(8), length(16), TEID(32); when
// E, S or PN is set, sequence(16), N-PDU(8) and the next extension header
// type(8), then extension headers (§5.2: length in 4-octet units, content,
// next type). Only a G-PDU (type 255) carries a user packet.
func (d *tunneler) gtpu(p []byte, t segment.Tunnel, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	if len(p) < 8 {
		return skipped, TruncatedTunnel
	}
	if p[0]>>5 != 1 || p[0]&0x10 == 0 {
		return notTCP, 0 // GTP' or another version
	}
	if p[1] != 255 {
		return notTCP, 0 // echo, error indication, end marker
	}
	end := min(8+int(be16(p[2:])), len(p))
	h := 8
	if p[0]&0x07 != 0 {
		if end < 12 {
			return skipped, TruncatedTunnel
		}
		next := p[11]
		h = 12
		for next != 0 {
			if h >= end {
				return skipped, TruncatedTunnel
			}
			n := int(p[h]) * 4
			if n == 0 || h+n > end {
				return skipped, TruncatedTunnel
			}
			next = p[h+n-1]
			h += n
		}
	}
	t.Type, t.HasID, t.ID = segment.GTPU, true, be32(p[4:])
	if !d.push(t) {
		return skipped, TunnelTooDeep
	}
	return d.ip(p[h:end], seg, noted)
}

// teredo decodes Teredo (RFC 4380 §5.1.1): an IPv6 packet, possibly after
// an authentication indicator (0x0001, client id length(8), auth value
// length(8), client id, auth value, nonce(64), confirmation(8)) and an
// origin indication (0x0000, port(16), address(32)).
func (d *tunneler) teredo(p []byte, t segment.Tunnel, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	if len(p) >= 4 && be16(p) == 1 {
		n := 4 + int(p[2]) + int(p[3]) + 9
		if len(p) < n {
			return skipped, TruncatedTunnel
		}
		p = p[n:]
	}
	if len(p) >= 2 && be16(p) == 0 {
		if len(p) < 8 {
			return skipped, TruncatedTunnel
		}
		p = p[8:]
	}
	if len(p) < 40 || p[0]>>4 != 6 {
		return notTCP, 0 // not a Teredo packet (qualification traffic is IPv6 too)
	}
	t.Type = segment.Teredo
	if !d.push(t) {
		return skipped, TunnelTooDeep
	}
	return d.ip(p, seg, noted)
}

// ayiya decodes AYIYA (draft-massar-v6ops-ayiya §6): id len(4) id type(4)
// sig len(4) hash method(4) auth method(4) opcode(4) next header(8)
// epoch(32), identity (2^id len bytes), signature (sig len 4-byte words),
// then the payload. Opcode 1 forwards a packet of the next header's
// protocol (IPv6 or IPv4).
func (d *tunneler) ayiya(p []byte, t segment.Tunnel, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	if len(p) < 8 {
		return skipped, TruncatedTunnel
	}
	h := 8 + 1<<(p[0]>>4) + int(p[1]>>4)*4
	if len(p) < h {
		return skipped, TruncatedTunnel
	}
	if p[2]&0x0f != 1 || (p[3] != protoIPv6 && p[3] != protoIPv4) {
		return notTCP, 0 // heartbeat, query, ...
	}
	t.Type = segment.AYIYA
	if !d.push(t) {
		return skipped, TunnelTooDeep
	}
	return d.ip(p[h:], seg, noted)
}

// ids returns the tunnel id of the stack just decoded and its key, and
// gives the table its description the first time.
//
// The id hashes every level: type, endpoints as seen, identifier. The key
// hashes what identifies a connection's tunnel in both directions: each
// level's type, endpoints in canonical order and identifier, leaving out
// MPLS labels and GTP-U TEIDs (each direction's receiver chooses its
// own) and MPLS, VN-Tag and E-Tag levels altogether (link-local labels:
// a penultimate hop may pop the label of one direction only). It is 0
// when nothing is left. Neither hash is seeded: ids, keys and the UIDs
// made from them are the same in every run.
func (d *tunneler) ids() (id, key uint64) {
	const offset, prime = 14695981039346656037, 1099511628211
	id, key = offset, offset
	mixID := func(x uint64) { id = (id ^ x) * prime }
	mixKey := func(x uint64) { key = (key ^ x) * prime }
	word := func(a netip.Addr) (uint64, uint64) {
		v := a.As16()
		return be64(v[:8]), be64(v[8:])
	}
	ident := false
	for i := range d.stack[:d.n] {
		t := &d.stack[i]
		mixID(uint64(t.Type)<<33 | b2u(t.HasID)<<32 | uint64(t.ID))
		var a, b [2]uint64
		switch {
		case t.HasMAC():
			a[0], b[0] = macWord(t.SrcMAC), macWord(t.DstMAC)
		case t.Src.IsValid():
			a[0], a[1] = word(t.Src)
			b[0], b[1] = word(t.Dst)
		}
		mixID(a[0])
		mixID(a[1])
		mixID(b[0])
		mixID(b[1])
		switch t.Type {
		case segment.MPLS, segment.VNTag, segment.ETag:
			continue
		}
		ident = true
		kid := uint64(t.Type) << 33
		if t.HasID && t.Type != segment.GTPU {
			kid |= 1<<32 | uint64(t.ID)
		}
		mixKey(kid)
		if a[0] > b[0] || a[0] == b[0] && a[1] > b[1] {
			a, b = b, a
		}
		mixKey(a[0])
		mixKey(a[1])
		mixKey(b[0])
		mixKey(b[1])
	}
	if id == 0 {
		id = 1
	}
	if !ident {
		key = 0
	} else if key == 0 {
		key = 1
	}
	if d.seen == nil {
		d.seen = make(map[uint64]struct{})
	}
	if _, ok := d.seen[id]; !ok && len(d.seen) < maxTunnelStacks {
		d.seen[id] = struct{}{}
		d.table.add(id, d.stack[:d.n])
	}
	return id, key
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func be64(b []byte) uint64 { return uint64(be32(b))<<32 | uint64(be32(b[4:])) }

func macWord(m [6]byte) uint64 { return uint64(be16(m[:]))<<32 | uint64(be32(m[2:])) }
