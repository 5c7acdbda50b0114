package capture

import (
	"encoding/binary"
	"net/netip"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
)

// Datagrams: UDP and ICMP errors.
//
// With [Reader.SetDatagrams], Next also delivers, as Segments of another
// [segment.Kind], the UDP datagrams of a frame and the ICMP errors that
// quote a TCP segment or a UDP datagram: ICMPv4 destination unreachable
// (type 3) and time exceeded (type 11), RFC 792; ICMPv6 destination
// unreachable (type 1) and time exceeded (type 3), RFC 4443. The tracker
// reads UDP probes and the answers to TCP and UDP packets from them.
//
// Only frames the TCP decoder and the tunnel decoder both found to hold
// no TCP come here, so TCP decodes exactly as before. The link types
// looked through are the plain ones (Ethernet with VLAN tags, Linux cooked
// v1 and v2, raw IP, BSD loopback); datagrams inside tunnels, IP
// fragments and other link types are counted as not TCP, as before.
//
// The quote must hold the quoted IP header and at least 8 bytes of the
// TCP or UDP header (RFC 792 promises 8: the ports, and TCP's sequence
// number); a shorter quote, or one of a later fragment, is counted in
// Stats.ICMPShort and not delivered. Quoted TCP flags are read when the
// quote holds them (Linux quotes as much as fits in 576 bytes).

// ICMP and IPv6 protocol numbers the datagram decoder looks at.
const (
	protoICMP   = 1
	protoICMPv6 = 58
)

// SetDatagrams makes Next deliver UDP datagrams and ICMP errors quoting
// TCP or UDP too (segment.UDP and segment.ICMPError Segments), when on.
// They are counted in Stats.NonTCP, and in Stats.UDP and Stats.ICMP.
func (r *Reader) SetDatagrams(on bool) { r.datagrams = on }

// datagram decodes a frame that holds no TCP as a UDP datagram or an ICMP
// error into seg, counting what it found.
func (r *Reader) datagram(data []byte, link LinkType, seg *segment.Segment) verdict {
	b := ipOfFrame(data, link)
	if b == nil {
		return notTCP
	}
	var v verdict
	var short bool
	if b[0]>>4 == 4 {
		v, short = datagramIPv4(b, seg)
	} else {
		v, short = datagramIPv6(b, seg)
	}
	switch {
	case short:
		r.stats.ICMPShort++
	case v != isDatagram:
	case seg.Kind == segment.UDP:
		r.stats.UDP++
	default:
		r.stats.ICMP++
	}
	return v
}

// ipOfFrame returns the IP packet of a frame of a plain link type, or nil.
func ipOfFrame(data []byte, link LinkType) []byte {
	var etype uint16
	var off int
	switch link {
	case LinkEthernet:
		if len(data) < 14 {
			return nil
		}
		etype, off = be16(data[12:]), 14
	case LinkLinuxSLL:
		if len(data) < 16 {
			return nil
		}
		etype, off = be16(data[14:]), 16
	case LinkSLL2:
		if len(data) < 20 {
			return nil
		}
		etype, off = be16(data[0:]), 20
	case LinkRaw, LinkRaw12, LinkRaw14, LinkIPv4, LinkIPv6:
		return ipVersioned(data)
	case LinkNull, LinkLoop:
		if len(data) < 4 {
			return nil
		}
		fam := be32(data)
		if link == LinkNull && fam > 0xffff {
			fam = binary.LittleEndian.Uint32(data)
		}
		switch fam {
		case afInet, afInet6NetBSD, afInet6FreeBSD, afInet6Darwin:
			return ipVersioned(data[4:])
		}
		return nil
	default:
		return nil
	}
	for etype == etherDot1Q || etype == etherDot1A || etype == etherQinQ {
		if len(data) < off+4 {
			return nil
		}
		etype = be16(data[off+2:])
		off += 4
	}
	if etype != etherIPv4 && etype != etherIPv6 {
		return nil
	}
	return ipVersioned(data[off:])
}

// ipVersioned returns b if it starts like an IPv4 or IPv6 header.
func ipVersioned(b []byte) []byte {
	if len(b) == 0 || (b[0]>>4 != 4 && b[0]>>4 != 6) {
		return nil
	}
	return b
}

// datagramIPv4 decodes a UDP datagram or ICMP error in IPv4 packet b.
// short reports an ICMP error whose quote is too short to name a 4-tuple.
func datagramIPv4(b []byte, seg *segment.Segment) (v verdict, short bool) {
	if len(b) < 20 {
		return notTCP, false
	}
	ihl := int(b[0]&0x0f) * 4
	proto := b[9]
	if ihl < 20 || len(b) < ihl || (proto != protoUDP && proto != protoICMP) {
		return notTCP, false
	}
	if be16(b[6:])&0x3fff != 0 { // a fragment
		return notTCP, false
	}
	end := int(be16(b[2:]))
	if end == 0 {
		end = len(b)
	} else if end < ihl {
		return notTCP, false
	}
	l4 := b[ihl:min(end, len(b))]
	src, dst := netip.AddrFrom4([4]byte(b[12:16])), netip.AddrFrom4([4]byte(b[16:20]))
	if proto == protoUDP {
		v = udpHeader(l4, end-ihl, src, dst, seg)
		if v == isDatagram && tunnelPort(seg) {
			return notTCP, false
		}
	} else {
		v, short = icmpv4(l4, src, dst, seg)
	}
	if v == isDatagram {
		seg.IPLen, seg.TTL, seg.IPID = end, b[8], be16(b[4:])
	}
	return v, short
}

// datagramIPv6 decodes a UDP datagram or ICMPv6 error in IPv6 packet b.
func datagramIPv6(b []byte, seg *segment.Segment) (v verdict, short bool) {
	if len(b) < 40 {
		return notTCP, false
	}
	end := 40 + int(be16(b[4:]))
	if end == 40 {
		end = len(b)
	}
	next, off, ok := skipIPv6Ext(b, b[6], 40, end)
	if !ok || (next != protoUDP && next != protoICMPv6) {
		return notTCP, false
	}
	l4 := b[off:min(end, len(b))]
	src, dst := netip.AddrFrom16([16]byte(b[8:24])), netip.AddrFrom16([16]byte(b[24:40]))
	if next == protoUDP {
		v = udpHeader(l4, end-off, src, dst, seg)
		if v == isDatagram && tunnelPort(seg) {
			return notTCP, false
		}
	} else {
		v, short = icmpv6(l4, src, dst, seg)
	}
	if v == isDatagram {
		seg.IPLen, seg.TTL, seg.IPID = end, b[7], 0
	}
	return v, short
}

// skipIPv6Ext walks the extension headers from next at b[off:] to the
// upper-layer header; ok is false for a fragment (other than an atomic
// one) and for headers cut short.
func skipIPv6Ext(b []byte, next uint8, off, end int) (uint8, int, bool) {
	for range 16 {
		switch next {
		case protoHopByHop, protoRouting, protoDstOpts, protoAH:
			v, _, nx, n := extHeader(b, off, end, next)
			if v != isTCP {
				return 0, 0, false
			}
			next, off = nx, n
		case protoFragment:
			if _, ok := extFits(b, off, 8, end); !ok || be16(b[off+2:])&0xfff9 != 0 {
				return 0, 0, false
			}
			next, off = b[off], off+8
		default:
			return next, off, true
		}
	}
	return 0, 0, false
}

// udpHeader decodes the UDP header (RFC 768) at the start of u; iplen is
// what the IP header says follows it.
func udpHeader(u []byte, iplen int, src, dst netip.Addr, seg *segment.Segment) verdict {
	if len(u) < 8 {
		return notTCP
	}
	n := int(be16(u[4:]))
	if n < 8 { // 0: an IPv6 jumbogram (RFC 2675); less is malformed
		n = max(iplen, 8)
	}
	*seg = segment.Segment{
		Kind: segment.UDP, Src: src, Dst: dst,
		SrcPort: be16(u[0:]), DstPort: be16(u[2:]), PayloadLen: n - 8,
	}
	return isDatagram
}

// tunnelPort reports whether a UDP datagram is to or from the port of an
// encapsulation tunnel.go follows (VXLAN, Geneve, GTP-U, Teredo, AYIYA):
// tunnel traffic that held no TCP, not a probe.
func tunnelPort(seg *segment.Segment) bool {
	for _, p := range [...]uint16{seg.SrcPort, seg.DstPort} {
		switch p {
		case portVXLAN, portGeneve, portGTPU, portTeredo, portAYIYA:
			return true
		}
	}
	return false
}

// icmpv4 decodes an ICMPv4 error (RFC 792) quoting TCP or UDP.
func icmpv4(m []byte, src, dst netip.Addr, seg *segment.Segment) (verdict, bool) {
	if len(m) < 8 || (m[0] != segment.ICMPv4Unreachable && m[0] != segment.ICMPv4TimeExceeded) {
		return notTCP, false
	}
	q := m[8:]
	if len(q) < 20 || q[0]>>4 != 4 {
		return notTCP, true
	}
	qihl := int(q[0]&0x0f) * 4
	proto := q[9]
	if proto != protoTCP && proto != protoUDP {
		return notTCP, false
	}
	if qihl < 20 || len(q) < qihl+8 || be16(q[6:])&0x1fff != 0 {
		return notTCP, true // no L4 header quoted: too short, or a later fragment
	}
	quoted(q[qihl:], proto, netip.AddrFrom4([4]byte(q[12:16])), netip.AddrFrom4([4]byte(q[16:20])), seg)
	seg.ICMP = segment.ICMP{From: src, Type: m[0], Code: m[1], Proto: proto, HasFlags: seg.ICMP.HasFlags}
	return isDatagram, false
}

// icmpv6 decodes an ICMPv6 error (RFC 4443) quoting TCP or UDP.
func icmpv6(m []byte, src, dst netip.Addr, seg *segment.Segment) (verdict, bool) {
	if len(m) < 8 || (m[0] != segment.ICMPv6Unreachable && m[0] != segment.ICMPv6TimeExceeded) {
		return notTCP, false
	}
	q := m[8:]
	if len(q) < 40 || q[0]>>4 != 6 {
		return notTCP, true
	}
	next, off, ok := skipIPv6Ext(q, q[6], 40, len(q))
	if !ok {
		return notTCP, true
	}
	if next != protoTCP && next != protoUDP {
		return notTCP, false
	}
	if len(q) < off+8 {
		return notTCP, true
	}
	quoted(q[off:], next, netip.AddrFrom16([16]byte(q[8:24])), netip.AddrFrom16([16]byte(q[24:40])), seg)
	seg.ICMP = segment.ICMP{From: src, Type: m[0], Code: m[1], V6: true, Proto: next, HasFlags: seg.ICMP.HasFlags}
	return isDatagram, false
}

// quoted fills seg from the quoted TCP or UDP header l4 (at least 8
// bytes) sent from src to dst.
func quoted(l4 []byte, proto uint8, src, dst netip.Addr, seg *segment.Segment) {
	*seg = segment.Segment{
		Kind: segment.ICMPError, Src: src, Dst: dst,
		SrcPort: be16(l4[0:]), DstPort: be16(l4[2:]),
	}
	if proto == protoTCP {
		seg.Seq = seqnum.Value(be32(l4[4:]))
		if len(l4) >= 14 {
			seg.Flags, seg.ICMP.HasFlags = segment.Flags(l4[13]), true
		}
	}
}
