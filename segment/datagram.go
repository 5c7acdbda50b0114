package segment

import "net/netip"

// Kind says what a Segment holds.
type Kind uint8

// The kinds of Segment.
const (
	// TCP is a TCP segment: every field but ICMP is meaningful.
	TCP Kind = iota
	// UDP is a UDP datagram (RFC 768): Time, Pkt, Src, Dst, SrcPort,
	// DstPort, PayloadLen (the UDP length minus its 8-byte header),
	// IPLen, TTL and IPID are meaningful.
	UDP
	// ICMPError is an ICMP error (RFC 792 destination unreachable or time
	// exceeded; RFC 4443 the same for IPv6) that quotes the start of a
	// TCP segment or UDP datagram. Src, Dst, SrcPort and DstPort are the
	// quoted packet's, in its sender's direction; Seq is the quoted TCP
	// sequence number and Flags the quoted TCP flags (when ICMP.HasFlags);
	// ICMP says who sent the error and what it is; Time, Pkt, IPLen, TTL
	// and IPID are the ICMP packet's.
	ICMPError
)

// ICMP is an ICMP error about a TCP segment or UDP datagram.
type ICMP struct {
	// From is the error's sender: a router, a firewall or the destination
	// host. The error goes to the quoted packet's source (RFC 1122
	// §3.2.2), so its destination is not kept.
	From       netip.Addr
	Type, Code uint8 // as on the wire (ICMPv4, or ICMPv6 when V6)
	V6         bool  // ICMPv6 (RFC 4443)
	Proto      uint8 // the quoted packet's protocol: 6 (TCP) or 17 (UDP)
	// HasFlags says the quote holds the TCP flags (14 bytes of the TCP
	// header; RFC 792 only promises 8, the ports and sequence number).
	HasFlags bool
}

// ICMP protocol numbers.
const (
	ProtoTCP = 6
	ProtoUDP = 17
)

// The ICMP message types this package decodes.
const (
	ICMPv4Unreachable  = 3  // RFC 792 destination unreachable
	ICMPv4TimeExceeded = 11 // RFC 792 time exceeded
	ICMPv6Unreachable  = 1  // RFC 4443 §3.1 destination unreachable
	ICMPv6TimeExceeded = 3  // RFC 4443 §3.3 time exceeded
)

// ICMPClass groups ICMP errors by what they say about the quoted
// packet's destination port.
type ICMPClass uint8

// The classes of ICMP error.
const (
	ICMPOtherUnreachable ICMPClass = iota // a destination unreachable not below
	ICMPPortUnreachable                   // the destination host has nothing on the port
	ICMPProhibited                        // a firewall said no (v4 codes 9, 10, 13; v6 code 1, 5, 6)
	ICMPHostUnreachable                   // the host or network cannot be reached
	ICMPTimeExceeded                      // TTL or hop limit exceeded on the way, or reassembly timed out
	ICMPFragNeeded                        // IPv4 fragmentation needed (path MTU discovery, RFC 1191)
)

// Unreachable reports whether the class is a destination unreachable
// that answers for the destination: the port is closed or filtered.
func (c ICMPClass) Unreachable() bool {
	return c != ICMPTimeExceeded && c != ICMPFragNeeded
}

var icmpv4Unreach = [...]string{
	0: "net unreachable", 1: "host unreachable", 2: "protocol unreachable",
	3: "port unreachable", 4: "fragmentation needed", 5: "source route failed",
	6: "net unknown", 7: "host unknown", 8: "source host isolated",
	9: "net admin prohibited", 10: "host admin prohibited",
	11: "net unreachable for TOS", 12: "host unreachable for TOS",
	13: "admin prohibited", 14: "host precedence violation", 15: "precedence cutoff",
}

var icmpv6Unreach = [...]string{
	0: "no route", 1: "admin prohibited", 2: "beyond scope of source",
	3: "address unreachable", 4: "port unreachable", 5: "source address policy",
	6: "reject route", 7: "source routing header error",
}

// Name names the error in a few words, the same for ICMPv4 and ICMPv6
// where they mean the same: "port unreachable", "admin prohibited",
// "host unreachable", "TTL exceeded", ... Names are constants: Name does
// not allocate.
func (m *ICMP) Name() string {
	switch {
	case !m.V6 && m.Type == ICMPv4Unreachable && int(m.Code) < len(icmpv4Unreach):
		return icmpv4Unreach[m.Code]
	case m.V6 && m.Type == ICMPv6Unreachable && int(m.Code) < len(icmpv6Unreach):
		return icmpv6Unreach[m.Code]
	case m.Type == ICMPv4TimeExceeded && !m.V6, m.Type == ICMPv6TimeExceeded && m.V6:
		switch {
		case m.Code == 1:
			return "reassembly time exceeded"
		case m.V6:
			return "hop limit exceeded"
		}
		return "TTL exceeded"
	}
	return "unreachable"
}

// Class says what the error means for the quoted packet's port.
func (m *ICMP) Class() ICMPClass {
	if m.V6 {
		switch {
		case m.Type == ICMPv6TimeExceeded:
			return ICMPTimeExceeded
		case m.Code == 4:
			return ICMPPortUnreachable
		case m.Code == 1 || m.Code == 5 || m.Code == 6:
			return ICMPProhibited
		case m.Code == 0 || m.Code == 3:
			return ICMPHostUnreachable
		}
		return ICMPOtherUnreachable
	}
	switch {
	case m.Type == ICMPv4TimeExceeded:
		return ICMPTimeExceeded
	case m.Code == 3:
		return ICMPPortUnreachable
	case m.Code == 4:
		return ICMPFragNeeded
	case m.Code == 9 || m.Code == 10 || m.Code == 13:
		return ICMPProhibited
	case m.Code <= 1 || (m.Code >= 5 && m.Code <= 8) || m.Code == 11 || m.Code == 12:
		return ICMPHostUnreachable
	}
	return ICMPOtherUnreachable
}
