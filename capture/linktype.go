package capture

import (
	"encoding/binary"
	"strconv"
)

// LinkType is a pcap LINKTYPE_ value (https://www.tcpdump.org/linktypes.html).
//
// flowtrace does not use gopacket's layers.LinkType because in gopacket
// v1.1.19 it is a uint8: LINKTYPE_LINUX_SLL2 (276, what "tcpdump -i any"
// writes) does not fit and silently becomes 20.
type LinkType uint16

// The link types the decoder supports.
const (
	LinkNull     LinkType = 0   // BSD loopback, 4-byte family in the capturing host's order
	LinkEthernet LinkType = 1   // Ethernet II, with 802.1Q/802.1ad/QinQ tags
	LinkRaw12    LinkType = 12  // DLT_RAW as some platforms write it: raw IPv4 or IPv6
	LinkRaw14    LinkType = 14  // DLT_RAW on OpenBSD: raw IPv4 or IPv6
	LinkRaw      LinkType = 101 // LINKTYPE_RAW: raw IPv4 or IPv6
	LinkLoop     LinkType = 108 // OpenBSD loopback, 4-byte family in network order
	LinkLinuxSLL LinkType = 113 // Linux cooked capture v1
	LinkIPv4     LinkType = 228 // raw IPv4
	LinkIPv6     LinkType = 229 // raw IPv6
	LinkSLL2     LinkType = 276 // Linux cooked capture v2
)

// Supported reports whether the decoder understands frames of link type l.
func (l LinkType) Supported() bool {
	switch l {
	case LinkNull, LinkEthernet, LinkRaw12, LinkRaw14, LinkRaw, LinkLoop,
		LinkLinuxSLL, LinkIPv4, LinkIPv6, LinkSLL2,
		// linktypes.go
		LinkArcnetBSD, LinkPPP, LinkPPPHDLC, LinkCHDLC, Link80211, LinkFrameRelay,
		LinkPrism, LinkRadiotap, LinkArcnetLinux, LinkApplePKTAP, LinkAVS,
		LinkJuniperEther, LinkPPI, LinkNFLOG, LinkIPoIB, LinkPKTAP:
		return true
	}
	return false
}

var linkNames = map[LinkType]string{
	0: "NULL", 1: "EN10MB", 6: "IEEE802", 7: "ARCNET", 9: "PPP", 10: "FDDI", 12: "RAW", 14: "RAW",
	50: "PPP_SERIAL", 51: "PPP_ETHER", 101: "RAW", 104: "C_HDLC", 105: "IEEE802_11",
	107: "FRELAY", 108: "LOOP", 113: "LINUX_SLL", 117: "PFLOG", 119: "PRISM_HEADER",
	127: "IEEE802_11_RADIO", 129: "ARCNET_LINUX", 163: "IEEE802_11_RADIO_AVS",
	178: "JUNIPER_ETHER", 187: "BLUETOOTH_HCI_H4", 192: "PPI", 195: "IEEE802_15_4",
	220: "USB_LINUX_MMAPPED", 227: "CAN_SOCKETCAN", 228: "IPV4", 229: "IPV6", 239: "NFLOG",
	242: "IPOIB", 249: "USBPCAP", 253: "NETLINK", 258: "PKTAP", 276: "LINUX_SLL2",
}

// String returns the libpcap name of the link type (without "LINKTYPE_"),
// as tcpdump prints it, or the number if the name is not known.
func (l LinkType) String() string {
	if n, ok := linkNames[l]; ok {
		return n
	}
	if l >= 147 && l <= 162 {
		return "USER" + strconv.Itoa(int(l-147))
	}
	return strconv.Itoa(int(l))
}

// describe returns "147 (USER0)" or "999".
func (l LinkType) describe() string {
	s := l.String()
	n := strconv.Itoa(int(l))
	if s == n {
		return n
	}
	return n + " (" + s + ")"
}

// linkPayload is what the link layer of a frame carries: the protocol of
// the payload as an EtherType, the payload, and the frame's Ethernet
// addresses when its link layer is (or ends in) Ethernet.
type linkPayload struct {
	// etype names the payload's protocol: the link's own EtherType (VLAN
	// tags, MPLS, PPPoE, ... not yet walked), or etherIPv4, etherIPv6 or
	// etherMPLS for link layers that name it otherwise (PPP protocols,
	// NLPIDs, address families, ARCNET system codes). 0: nothing flowtrace
	// follows.
	etype uint16
	p     []byte
	mac   []byte // destination and source address (12 bytes), or nil
}

// linkLayer maps a frame of link type link to its network-layer payload:
// the one place that knows link types. decode (the plain TCP path) and
// the tunnel pass both start from it, so TCP and tunnels are found on
// every supported link type. ok is false when the frame is to be skipped
// for reason r. depth counts the enclosing PPI/PKTAP headers, which name
// another link type.
func linkLayer(data []byte, link LinkType, depth int) (l linkPayload, r Reason, ok bool) {
	switch link {
	case LinkEthernet:
		// Ethernet II (IEEE 802.3 §3.1.1): destination, source, EtherType.
		if len(data) < 14 {
			return l, TruncatedLink, false
		}
		return linkPayload{be16(data[12:]), data[14:], data[:12]}, 0, true
	case LinkLinuxSLL:
		// packet type(2) ARPHRD(2) addr len(2) addr(8) protocol(2)
		if len(data) < 16 {
			return l, TruncatedLink, false
		}
		return linkPayload{etype: be16(data[14:]), p: data[16:]}, 0, true
	case LinkSLL2:
		// protocol(2) reserved(2) ifindex(4) ARPHRD(2) packet type(1)
		// addr len(1) addr(8)
		if len(data) < 20 {
			return l, TruncatedLink, false
		}
		return linkPayload{etype: be16(data[0:]), p: data[20:]}, 0, true
	case LinkRaw, LinkRaw12, LinkRaw14:
		if len(data) == 0 {
			return l, TruncatedIPv4, false
		}
		if data[0]>>4 == 6 {
			return linkPayload{etype: etherIPv6, p: data}, 0, true
		}
		return linkPayload{etype: etherIPv4, p: data}, 0, true // other versions: decodeIPv4 says so
	case LinkIPv4:
		return linkPayload{etype: etherIPv4, p: data}, 0, true
	case LinkIPv6:
		return linkPayload{etype: etherIPv6, p: data}, 0, true
	case LinkNull, LinkLoop:
		if len(data) < 4 {
			return l, TruncatedLink, false
		}
		fam := be32(data)
		if link == LinkNull && fam > 0xffff {
			// DLT_NULL is in the capturing host's byte order: a
			// little-endian host wrote it. Families are small.
			fam = binary.LittleEndian.Uint32(data)
		}
		switch fam {
		case afInet:
			return linkPayload{etype: etherIPv4, p: data[4:]}, 0, true
		case afInet6NetBSD, afInet6FreeBSD, afInet6Darwin:
			return linkPayload{etype: etherIPv6, p: data[4:]}, 0, true
		}
		return l, 0, true
	}
	return otherLink(data, link, depth) // linktypes.go
}
