package capture

import "encoding/binary"

// Link types beyond Ethernet, cooked, raw IP and loopback (linktype.go). The
// numbers are the LINKTYPE_ values of the tcpdump.org list
// (https://www.tcpdump.org/linktypes.html, draft-ietf-opsawg-pcaplinktype).
const (
	LinkArcnetBSD    LinkType = 7   // LINKTYPE_ARCNET_BSD: ARCNET, BSD header (RFC 1051/1201)
	LinkPPP          LinkType = 9   // LINKTYPE_PPP: PPP (RFC 1661), maybe HDLC-framed (RFC 1662)
	LinkPPPHDLC      LinkType = 50  // LINKTYPE_PPP_HDLC: PPP in HDLC-like framing (RFC 1662) or Cisco PPP
	LinkCHDLC        LinkType = 104 // LINKTYPE_C_HDLC: Cisco HDLC
	Link80211        LinkType = 105 // LINKTYPE_IEEE802_11: 802.11 frames without a radio header
	LinkFrameRelay   LinkType = 107 // LINKTYPE_FRELAY: Frame Relay (RFC 2427)
	LinkPrism        LinkType = 119 // LINKTYPE_IEEE802_11_PRISM: Prism (or AVS) header, then 802.11
	LinkRadiotap     LinkType = 127 // LINKTYPE_IEEE802_11_RADIOTAP: radiotap header, then 802.11
	LinkArcnetLinux  LinkType = 129 // LINKTYPE_ARCNET_LINUX: ARCNET, Linux header (with offset field)
	LinkApplePKTAP   LinkType = 149 // LINKTYPE_USER2, Apple's DLT_PKTAP in old macOS files
	LinkAVS          LinkType = 163 // LINKTYPE_IEEE802_11_AVS: AVS header, then 802.11
	LinkJuniperEther LinkType = 178 // LINKTYPE_JUNIPER_ETHER: Juniper "MGC" header, then Ethernet
	LinkPPI          LinkType = 192 // LINKTYPE_PPI: Per-Packet Information header, then its DLT
	LinkNFLOG        LinkType = 239 // LINKTYPE_NFLOG: Linux NFLOG (libpcap pcap/nflog.h)
	LinkIPoIB        LinkType = 242 // LINKTYPE_IPOIB: IP over InfiniBand (RFC 4391 §6)
	LinkPKTAP        LinkType = 258 // LINKTYPE_PKTAP: Apple PKTAP (macOS tcpdump -k)
)

// EtherTypes, PPP protocols and NLPIDs used by the link decoders below.
const (
	pppIPv4     = 0x0021 // RFC 1332
	pppIPv6     = 0x0057 // RFC 5072
	pppMPLS     = 0x0281 // RFC 3032 §4.3: MPLS unicast
	pppMPLSMc   = 0x0283 // MPLS multicast
	nlpidIPv4   = 0xcc   // RFC 2427 §7 (ISO/IEC TR 9577)
	nlpidIPv6   = 0x8e
	nlpidSNAP   = 0x80
	arcIPOld    = 240 // RFC 1051
	arcARPOld   = 241
	arcDiag     = 0x80 // ANSI/ATA 878.1 diagnostics
	arcIP       = 212  // RFC 1201
	arcIPv6     = 0xc4
	nflogIPv4   = 2 // AF_INET in nflog_hdr.nflog_family
	nflogIPv6   = 10
	nfulaPaylod = 9 // NFULA_PAYLOAD
	pktapPacket = 1 // PTH_TYPE_PACKET
)

// maxLinkDepth bounds link headers that name another link type (PPI,
// PKTAP): a hostile file nesting them cannot recurse without end.
const maxLinkDepth = 2

// carried returns the payload p of protocol etype.
func carried(etype uint16, p []byte) (linkPayload, Reason, bool) {
	return linkPayload{etype: etype, p: p}, 0, true
}

// linkTruncated and linkSkip are linkLayer's skips.
func linkTruncated() (linkPayload, Reason, bool)    { return linkPayload{}, TruncatedLink, false }
func linkSkip(r Reason) (linkPayload, Reason, bool) { return linkPayload{}, r, false }

// linkNone is a well-formed frame that carries nothing flowtrace follows.
func linkNone() (linkPayload, Reason, bool) { return linkPayload{}, 0, true }

// otherLink maps the link types of this file to their payloads, for
// linkLayer. depth counts the enclosing PPI/PKTAP headers.
func otherLink(data []byte, link LinkType, depth int) (linkPayload, Reason, bool) {
	switch link {
	case LinkPPP, LinkPPPHDLC:
		return pppPayload(data)
	case LinkCHDLC:
		return chdlcPayload(data)
	case LinkFrameRelay:
		return frameRelayPayload(data)
	case Link80211:
		return dot11Payload(data, false)
	case LinkRadiotap:
		return radiotapPayload(data)
	case LinkPrism, LinkAVS:
		return prismPayload(data)
	case LinkPPI:
		return ppiPayload(data, depth)
	case LinkNFLOG:
		return nflogPayload(data)
	case LinkPKTAP, LinkApplePKTAP:
		return pktapPayload(data, depth)
	case LinkIPoIB:
		// tcpdump's print-ipoib.c and Wireshark read LINKTYPE_IPOIB as a
		// 40-byte address pseudo-header, then RFC 4391 §6's 4-byte
		// encapsulation header: type (an EtherType), reserved.
		if len(data) < 44 {
			return linkTruncated()
		}
		return carried(be16(data[40:]), data[44:])
	case LinkJuniperEther:
		return juniperPayload(data)
	case LinkArcnetBSD, LinkArcnetLinux:
		return arcnetPayload(data, link == LinkArcnetLinux)
	}
	return linkSkip(UnsupportedLink)
}

// ipGuess is b as IPv4 or IPv6 by its version nibble.
func ipGuess(b []byte) (linkPayload, Reason, bool) {
	if len(b) == 0 {
		return linkTruncated()
	}
	switch b[0] >> 4 {
	case 4:
		return carried(etherIPv4, b)
	case 6:
		return carried(etherIPv6, b)
	}
	return linkNone()
}

// pppPayload reads PPP (RFC 1661 §2): an optional HDLC-like address and
// control field, 0xff 0x03 (RFC 1662 §3.1), then a 1- or 2-byte protocol
// field (protocol field compression: an odd first byte ends it). A first
// byte of 0x0f or 0x8f is Cisco PPP with HDLC framing (RFC 1547 §4.3.1),
// which LINKTYPE_PPP_HDLC allows. IPv4, IPv6 and MPLS (RFC 3032 §4.3) are
// followed.
func pppPayload(b []byte) (linkPayload, Reason, bool) {
	if len(b) >= 1 && (b[0] == 0x0f || b[0] == 0x8f) {
		return chdlcPayload(b)
	}
	if len(b) >= 2 && b[0] == 0xff && b[1] == 0x03 {
		b = b[2:]
	}
	if len(b) < 1 {
		return linkTruncated()
	}
	proto := uint16(b[0])
	if b[0]&1 == 0 {
		if len(b) < 2 {
			return linkTruncated()
		}
		proto, b = be16(b), b[2:]
	} else {
		b = b[1:]
	}
	switch proto {
	case pppIPv4:
		return carried(etherIPv4, b)
	case pppIPv6:
		return carried(etherIPv6, b)
	case pppMPLS:
		return carried(etherMPLS, b)
	case pppMPLSMc:
		return carried(etherMPLSMcast, b)
	}
	return linkNone()
}

// chdlcPayload reads Cisco HDLC: address (0x0f unicast, 0x8f broadcast),
// control (0), then an EtherType.
func chdlcPayload(b []byte) (linkPayload, Reason, bool) {
	if len(b) < 4 {
		return linkTruncated()
	}
	return carried(be16(b[2:]), b[4:])
}

// frameRelayPayload reads RFC 2427 multiprotocol Frame Relay: a Q.922
// address of 2 to 4 bytes (the last has the EA bit, bit 0, set), the UI
// control field 0x03, an optional pad byte 0, then an NLPID: 0xcc IPv4,
// 0x8e IPv6, or 0x80 SNAP (OUI 00-00-00 then an EtherType).
func frameRelayPayload(b []byte) (linkPayload, Reason, bool) {
	n := 0
	for n < 4 && n < len(b) && b[n]&1 == 0 {
		n++
	}
	n++ // the byte with EA set
	if n < 2 || n > 4 {
		if n > len(b) {
			return linkTruncated()
		}
		return linkNone() // not a valid Q.922 address
	}
	if len(b) < n+2 {
		return linkTruncated()
	}
	if b[n] != 0x03 {
		return linkNone() // not a UI frame: no routed protocol inside
	}
	b = b[n+1:]
	if b[0] == 0 { // pad to align the rest (RFC 2427 §4)
		b = b[1:]
	}
	if len(b) < 1 {
		return linkTruncated()
	}
	switch b[0] {
	case nlpidIPv4:
		return carried(etherIPv4, b[1:])
	case nlpidIPv6:
		return carried(etherIPv6, b[1:])
	case nlpidSNAP:
		if len(b) < 6 {
			return linkTruncated()
		}
		if b[1] == 0 && b[2] == 0 && b[3] == 0 {
			return carried(be16(b[4:]), b[6:])
		}
	}
	return linkNone()
}

// dot11Payload reads an IEEE 802.11 frame (IEEE Std 802.11-2020 §9.2).
// Only data frames carry TCP: frame control (2, little-endian), duration
// (2), addresses 1-3 (18), sequence control (2), address 4 (6) when both
// To DS and From DS are set, QoS control (2) for QoS subtypes, HT control
// (4) when a QoS frame has the +HTC/Order bit; then an LLC/SNAP header
// (AA AA 03, OUI, EtherType). pad says the radiotap DATAPAD flag padded
// the header to a multiple of 4 bytes.
func dot11Payload(b []byte, pad bool) (linkPayload, Reason, bool) {
	if len(b) < 2 {
		return linkTruncated()
	}
	fc0, fc1 := b[0], b[1]
	if fc0&0x03 != 0 || (fc0>>2)&0x03 != 2 { // protocol version 0, type data
		return linkNone()
	}
	subtype := fc0 >> 4
	if subtype&0x04 != 0 { // Null, CF-Ack/Poll without data: no frame body
		return linkNone()
	}
	hlen := 24
	if fc1&0x03 == 0x03 { // To DS and From DS: 4-address frame
		hlen += 6
	}
	if subtype&0x08 != 0 { // QoS data
		hlen += 2
		if fc1&0x80 != 0 { // +HTC: HT Control field
			hlen += 4
		}
	}
	if pad {
		hlen = (hlen + 3) &^ 3
	}
	if len(b) < hlen {
		return linkTruncated()
	}
	if fc1&0x40 != 0 { // Protected Frame: the body is encrypted
		return linkSkip(Protected80211)
	}
	if frag := binary.LittleEndian.Uint16(b[22:]) & 0x0f; frag != 0 {
		return linkSkip(LinkFragment) // not the first fragment: no LLC header
	}
	if subtype&0x08 != 0 { // QoS control, after the addresses
		qos := 24
		if fc1&0x03 == 0x03 {
			qos += 6
		}
		if b[qos]&0x80 != 0 { // A-MSDU: subframes, not decoded
			return linkNone()
		}
	}
	return llcPayload(b[hlen:])
}

// llcPayload reads an 802.2 LLC/SNAP header (RFC 1042): DSAP AA, SSAP
// AA, control 03, OUI 00-00-00 (or 00-00-F8, 802.1H bridge tunnel), then
// an EtherType.
func llcPayload(b []byte) (linkPayload, Reason, bool) {
	if len(b) < 8 {
		if len(b) >= 3 && (b[0] != 0xaa || b[1] != 0xaa) {
			return linkNone()
		}
		return linkTruncated()
	}
	if b[0] != 0xaa || b[1] != 0xaa || b[2] != 0x03 || b[3] != 0 || b[4] != 0 || (b[5] != 0 && b[5] != 0xf8) {
		return linkNone()
	}
	return carried(be16(b[6:]), b[8:])
}

// radiotapPayload skips a radiotap header (https://www.radiotap.org):
// version (0), pad, length (2, little-endian), present bitmaps (4 each,
// bit 31 chains another). The Flags field (present bit 1) is read for
// DATAPAD (0x20); it follows TSFT (bit 0, 8 bytes, 8-aligned).
func radiotapPayload(b []byte) (linkPayload, Reason, bool) {
	if len(b) < 8 {
		return linkTruncated()
	}
	n := int(binary.LittleEndian.Uint16(b[2:]))
	if b[0] != 0 || n < 8 || n > len(b) {
		if n > len(b) {
			return linkTruncated()
		}
		return linkSkip(BadLinkHeader)
	}
	present := binary.LittleEndian.Uint32(b[4:])
	off := 8
	for p := present; p&(1<<31) != 0; {
		if off+4 > n {
			return linkSkip(BadLinkHeader)
		}
		p = binary.LittleEndian.Uint32(b[off:])
		off += 4
	}
	pad := false
	if present&(1<<1) != 0 {
		if present&1 != 0 {
			off = (off+7)&^7 + 8
		}
		if off < n {
			pad = b[off]&0x20 != 0
		}
	}
	return dot11Payload(b[n:], pad)
}

// prismPayload skips a Prism monitor-mode header (Linux wlan-ng: msgcode
// and msglen in host byte order, 144 bytes in practice) or, when the
// first word is the AVS magic 0x8021100x, an AVS header (its length is
// the big-endian word at offset 4); then 802.11.
func prismPayload(b []byte) (linkPayload, Reason, bool) {
	if len(b) < 8 {
		return linkTruncated()
	}
	var n int
	if be32(b)&0xfffffff0 == 0x80211000 {
		n = int(be32(b[4:]))
	} else {
		n = int(binary.LittleEndian.Uint32(b[4:]))
		if n < 8 || n > len(b) {
			n = int(be32(b[4:]))
		}
	}
	if n < 8 || n > len(b) {
		if n > len(b) && n <= MaxSnaplen {
			return linkTruncated()
		}
		return linkSkip(BadLinkHeader)
	}
	return dot11Payload(b[n:], false)
}

// ppiPayload skips a PPI header (CACE Technologies, "Per-Packet
// Information Header Specification" 1.0.10): version (0), flags, length
// (2, little-endian), DLT (4, little-endian) of what follows.
func ppiPayload(b []byte, depth int) (linkPayload, Reason, bool) {
	if len(b) < 8 {
		return linkTruncated()
	}
	n := int(binary.LittleEndian.Uint16(b[2:]))
	if b[0] != 0 || n < 8 {
		return linkSkip(BadLinkHeader)
	}
	if n > len(b) {
		return linkTruncated()
	}
	return innerLink(b[n:], binary.LittleEndian.Uint32(b[4:]), depth)
}

// innerLink maps a frame of the DLT a PPI or PKTAP header names. DLT
// values differ from LINKTYPE values only for a few old types; the ones
// that matter here: DLT_RAW is 12 (or 14), DLT_PKTAP 149 on macOS.
func innerLink(b []byte, dlt uint32, depth int) (linkPayload, Reason, bool) {
	if depth >= maxLinkDepth || dlt > 0xffff {
		return linkSkip(BadLinkHeader)
	}
	return linkLayer(b, LinkType(dlt), depth+1)
}

// nflogPayload reads Linux NFLOG (LINKTYPE_NFLOG; libpcap pcap/nflog.h):
// family (1), version (1), resource id (2, big-endian), then TLVs of
// length (2), type (2) in the capturing host's byte order, length
// including the 4-byte TLV header, padded to 4 bytes. The packet is the
// NFULA_PAYLOAD (9) TLV, an IP packet of the family. The byte order is
// the one in which the first TLV's length fits the frame (the capturing
// host wrote it; files are almost always little-endian).
func nflogPayload(b []byte) (linkPayload, Reason, bool) {
	if len(b) < 4 {
		return linkTruncated()
	}
	fam := b[0]
	if fam != nflogIPv4 && fam != nflogIPv6 {
		return linkNone()
	}
	tlv := b[4:]
	var order binary.ByteOrder = binary.LittleEndian
	if len(tlv) >= 4 && !nflogTLVFits(tlv, order) && nflogTLVFits(tlv, binary.BigEndian) {
		order = binary.BigEndian
	}
	for len(tlv) >= 4 {
		l, typ := int(order.Uint16(tlv)), order.Uint16(tlv[2:])&0x7fff // NLA_F_NESTED aside
		if l < 4 {
			return linkSkip(BadLinkHeader)
		}
		if typ == nfulaPaylod {
			p := tlv[4:min(l, len(tlv))] // the snaplen may have cut the TLV
			if fam == nflogIPv6 {
				return carried(etherIPv6, p)
			}
			return carried(etherIPv4, p)
		}
		l = (l + 3) &^ 3
		if l > len(tlv) {
			break
		}
		tlv = tlv[l:]
	}
	return linkTruncated() // no payload TLV captured
}

// nflogTLVFits reports whether the TLV at tlv[0] is plausible in order.
func nflogTLVFits(tlv []byte, order binary.ByteOrder) bool {
	l := int(order.Uint16(tlv))
	return l >= 4 && l <= len(tlv) && order.Uint16(tlv[2:]) <= 0xff
}

// pktapPayload reads Apple's PKTAP header (libpcap pcap/pktap.h, Darwin's
// net/pktap.h): pth_length (4), pth_type_next (4), pth_dlt (4), ... in the
// capturing host's byte order; the frame of link type pth_dlt follows
// pth_length bytes in. The byte order is the one in which pth_length is
// plausible.
func pktapPayload(b []byte, depth int) (linkPayload, Reason, bool) {
	if len(b) < 12 {
		return linkTruncated()
	}
	var order binary.ByteOrder = binary.LittleEndian
	fits := func(n uint32) bool { return n >= 12 && n <= uint32(len(b)) }
	if !fits(order.Uint32(b)) && fits(binary.BigEndian.Uint32(b)) {
		order = binary.BigEndian
	}
	n := order.Uint32(b)
	if n < 12 || n > uint32(len(b)) {
		if n > uint32(len(b)) && n <= 4096 {
			return linkTruncated()
		}
		return linkSkip(BadLinkHeader)
	}
	if order.Uint32(b[4:]) != pktapPacket {
		return linkNone()
	}
	return innerLink(b[n:], order.Uint32(b[8:]), depth)
}

// juniperPayload reads LINKTYPE_JUNIPER_ETHER (tcpdump print-juniper.c):
// magic "MGC" (3), flags (1); with the extension flag (0x80) a 2-byte
// big-endian length and that many bytes of TLVs; then the Ethernet frame,
// or, with the no-L2 flag (0x02), a 4-byte cookie and an IP packet.
func juniperPayload(b []byte) (linkPayload, Reason, bool) {
	if len(b) < 4 {
		return linkTruncated()
	}
	if b[0] != 'M' || b[1] != 'G' || b[2] != 'C' {
		return linkSkip(BadLinkHeader)
	}
	flags, off := b[3], 4
	if flags&0x80 != 0 {
		if len(b) < 6 {
			return linkTruncated()
		}
		off += 2 + int(be16(b[4:]))
	}
	if flags&0x02 != 0 {
		off += 4
		if len(b) < off {
			return linkTruncated()
		}
		return ipGuess(b[off:])
	}
	if len(b) < off+14 {
		return linkTruncated()
	}
	return linkLayer(b[off:], LinkEthernet, 0)
}

// arcnetPayload reads ARCNET as libpcap writes it: source (1),
// destination (1), on Linux a 2-byte offset, then the system code. RFC
// 1051 framing (system code 240 IP, 241 ARP) has nothing more; RFC 1201
// framing (212 IP, 0xc4 IPv6, ...) adds a split flag (1) and sequence
// number (2), and an exception packet (flag 0xff) repeats system code,
// flag and sequence after 2 padding bytes. Only the first fragment of a
// split packet (flag 0 or odd) holds the IP header.
func arcnetPayload(b []byte, linux bool) (linkPayload, Reason, bool) {
	off := 2
	if linux {
		off = 4
	}
	if len(b) < off+1 {
		return linkTruncated()
	}
	typ := b[off]
	off++
	switch typ {
	case arcIPOld:
		return carried(etherIPv4, b[off:])
	case arcARPOld, arcDiag:
		return linkNone()
	}
	if len(b) < off+3 {
		return linkTruncated()
	}
	flag := b[off]
	if flag == 0xff && !linux { // exception packet
		if len(b) < off+7 {
			return linkTruncated()
		}
		typ, flag, off = b[off+3], b[off+4], off+7
	} else {
		off += 3
	}
	if flag != 0 && flag&1 == 0 {
		return linkSkip(LinkFragment)
	}
	switch typ {
	case arcIP:
		return carried(etherIPv4, b[off:])
	case arcIPv6:
		return carried(etherIPv6, b[off:])
	}
	return linkNone()
}
