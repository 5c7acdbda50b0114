package capture

import (
	"encoding/binary"
	"net/netip"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
)

// verdict is what decode made of a frame.
type verdict uint8

const (
	isTCP      verdict = iota // seg holds a TCP segment
	notTCP                    // well-formed, but not TCP (ARP, UDP, ...)
	skipped                   // malformed or unsupported: see the Reason
	isFragment                // an IP fragment of TCP, for reassembly: see markFragment
	isDatagram                // seg holds a UDP datagram or an ICMP error (datagram.go)
)

// EtherTypes and IP protocol numbers the decoder looks at.
const (
	etherIPv4  = 0x0800
	etherIPv6  = 0x86dd
	etherDot1Q = 0x8100 // 802.1Q VLAN tag
	etherDot1A = 0x88a8 // 802.1ad service tag (QinQ outer tag)
	etherQinQ  = 0x9100 // pre-standard QinQ outer tag

	protoHopByHop = 0
	protoTCP      = 6
	protoRouting  = 43
	protoFragment = 44
	protoAH       = 51
	protoDstOpts  = 60

	afInet         = 2
	afInet6NetBSD  = 24 // also OpenBSD
	afInet6FreeBSD = 28
	afInet6Darwin  = 30
)

func be16(b []byte) uint16 { return binary.BigEndian.Uint16(b) }
func be32(b []byte) uint32 { return binary.BigEndian.Uint32(b) }

// decode decodes one link-layer frame into seg. It never panics and never
// allocates. seg is fully overwritten when the verdict is isTCP and left
// in an unspecified state otherwise. Anomalies in delivered segments are
// counted in noted.
//
// All headers are parsed by hand rather than with gopacket's layers; see
// the package documentation for why.
//
// ck, when not nil, is told the segment's checksum status (checksum.go).
func decode(data []byte, link LinkType, seg *segment.Segment, noted *[NumReasons]uint64, ck *checker) (verdict, Reason) {
	var etype uint16
	var p []byte
	if link == LinkEthernet && len(data) >= 14 {
		etype, p = be16(data[12:]), data[14:] // the common case inline; linkLayer does the same
	} else {
		l, r, ok := linkLayer(data, link, 0) // linktype.go
		if !ok {
			return skipped, r
		}
		etype, p = l.etype, l.p
	}
	for etype == etherDot1Q || etype == etherDot1A || etype == etherQinQ {
		if len(p) < 4 {
			return skipped, TruncatedLink
		}
		etype, p = be16(p[2:]), p[4:]
	}
	switch etype {
	case etherIPv4:
		return decodeIPv4(p, seg, noted, ck)
	case etherIPv6:
		return decodeIPv6(p, seg, noted, ck)
	}
	return notTCP, 0
}

// decodeIPv4 decodes an IPv4 packet (RFC 791) starting at b[0].
func decodeIPv4(b []byte, seg *segment.Segment, noted *[NumReasons]uint64, ck *checker) (verdict, Reason) {
	if len(b) > 0 && b[0]>>4 != 4 {
		return skipped, BadIPVersion
	}
	if len(b) < 20 {
		return skipped, TruncatedIPv4
	}
	ihl := int(b[0]&0x0f) * 4
	if ihl < 20 {
		return skipped, BadIPv4HeaderLen
	}
	if len(b) < ihl {
		return skipped, TruncatedIPv4
	}
	proto := b[9]
	if proto != protoTCP && proto != protoAH {
		return notTCP, 0
	}
	end := int(be16(b[2:]))
	zero := end == 0
	if zero {
		// TSO/GSO: the capturing host's stack had not filled in the
		// length yet. The captured length is the best we have.
		end = len(b)
	} else if end < ihl {
		return skipped, BadIPv4Length
	}
	if frag := be16(b[6:]); frag&0x3fff != 0 { // MF or a fragment offset
		return markFragment(seg, b, end, ihl) // defrag.go
	}
	dst := [4]byte(b[16:20])
	if ihl > 20 { // linktypes: options checked, source route's final address (ipv4opts.go)
		var ok bool
		if dst, ok = ipv4Options(b[20:ihl], dst); !ok {
			return skipped, BadIPv4Option
		}
	}
	off := ihl
	if proto == protoAH {
		v, r, next, n := extHeader(b, off, end, protoAH)
		if v != isTCP {
			if r == BadIPv6Length {
				r = BadIPv4Length
			}
			return v, r
		}
		if next != protoTCP {
			return notTCP, 0
		}
		off = n
	}
	v, r := decodeTCP(b, off, end, seg, noted)
	if v != isTCP {
		return v, r
	}
	if zero {
		noted[ZeroIPLength]++
	}
	// checksums: begin
	if ck != nil {
		ck.v4(b, ihl, off, int(be16(b[2:])))
	}
	// checksums: end
	seg.IPLen = end
	seg.Src = netip.AddrFrom4([4]byte(b[12:16]))
	seg.Dst = netip.AddrFrom4(dst)
	seg.TTL = b[8]
	seg.IPID = be16(b[4:])
	return isTCP, 0
}

// decodeIPv6 decodes an IPv6 packet (RFC 8200) starting at b[0], walking
// the extension headers that may precede TCP.
func decodeIPv6(b []byte, seg *segment.Segment, noted *[NumReasons]uint64, ck *checker) (verdict, Reason) {
	if len(b) > 0 && b[0]>>4 != 6 {
		return skipped, BadIPVersion
	}
	if len(b) < 40 {
		return skipped, TruncatedIPv6
	}
	end := 40 + int(be16(b[4:]))
	zero := end == 40
	if zero {
		// Payload length 0: a jumbogram or GSO (BIG TCP); use what was
		// captured.
		end = len(b)
	}
	next, off := b[6], 40
	for next != protoTCP {
		switch next {
		case protoHopByHop, protoRouting, protoDstOpts, protoAH, protoFragment:
		default:
			return notTCP, 0 // UDP, ICMPv6, ESP, no next header, ...
		}
		if next == protoFragment {
			// Fragment header (RFC 8200 §4.5): next(1) reserved(1)
			// offset(13 bits) res(2) M(1) id(4).
			if r, ok := extFits(b, off, 8, end); !ok {
				return skipped, r
			}
			if be16(b[off+2:])&0xfff9 != 0 { // offset or M set
				switch b[off] {
				case protoTCP, protoHopByHop, protoRouting, protoDstOpts, protoAH:
					return markFragment(seg, b, end, off) // defrag.go
				}
				return notTCP, 0
			}
			next, off = b[off], off+8 // an atomic fragment (RFC 6946)
			continue
		}
		v, r, nx, n := extHeader(b, off, end, next)
		if v != isTCP {
			return v, r
		}
		next, off = nx, n
	}
	v, r := decodeTCP(b, off, end, seg, noted)
	if v != isTCP {
		return v, r
	}
	if zero {
		noted[ZeroIPLength]++
	}
	// checksums: begin
	if ck != nil && !zero {
		ck.v6(b, off, end)
	}
	// checksums: end
	seg.IPLen = end
	seg.Src = netip.AddrFrom16([16]byte(b[8:24]))
	seg.Dst = netip.AddrFrom16([16]byte(b[24:40]))
	seg.TTL = b[7]
	seg.IPID = 0
	return isTCP, 0
}

// extFits checks that n bytes at b[off:] are inside the IP length (end)
// and were captured.
func extFits(b []byte, off, n, end int) (Reason, bool) {
	switch {
	case off+n > end:
		return BadIPv6Length, false
	case off+n > len(b):
		return TruncatedIPExt, false
	}
	return 0, true
}

// extHeader parses the IPv6 extension header (or IPv4 AH) of type typ at
// b[off:] and returns the next header type and the offset after it. The
// verdict isTCP means "parsed fine".
func extHeader(b []byte, off, end int, typ uint8) (v verdict, r Reason, next uint8, after int) {
	if r, ok := extFits(b, off, 2, end); !ok {
		return skipped, r, 0, 0
	}
	n := (int(b[off+1]) + 1) * 8 // RFC 8200 §4.3-4.6: 8-octet units, excluding the first 8
	if typ == protoAH {
		n = (int(b[off+1]) + 2) * 4 // RFC 4302 §2.2: 4-octet units, minus 2
	}
	if r, ok := extFits(b, off, n, end); !ok {
		return skipped, r, 0, 0
	}
	return isTCP, 0, b[off], off + n
}

// decodeTCP decodes the TCP header (RFC 9293 §3.1) at b[off:]. end is
// where the IP header says the packet ends; it may be past len(b) when the
// capture was cut by the snaplen, or before it when the link layer padded
// the frame.
func decodeTCP(b []byte, off, end int, seg *segment.Segment, noted *[NumReasons]uint64) (verdict, Reason) {
	capEnd := min(end, len(b))
	if capEnd-off < 20 {
		return skipped, TruncatedTCP
	}
	t := b[off:capEnd]
	hlen := int(t[12]>>4) * 4
	if hlen < 20 || off+hlen > end {
		return skipped, BadDataOffset
	}
	seg.SrcPort = be16(t[0:])
	seg.DstPort = be16(t[2:])
	seg.Seq = seqnum.Value(be32(t[4:]))
	seg.Ack = seqnum.Value(be32(t[8:]))
	seg.Flags = segment.Flags(t[13])
	seg.Window = be16(t[14:])
	seg.Urgent = be16(t[18:])
	seg.Opts = segment.Options{}
	cut := hlen > len(t)
	if cut {
		noted[TruncatedTCPOption]++
		parseOptions(t[20:], &seg.Opts) // a broken option at the cut is the cut's fault
	} else if parseOptions(t[20:hlen], &seg.Opts) {
		noted[BadTCPOption]++
	}
	seg.PayloadLen = end - off - hlen
	seg.Payload, seg.Digest, seg.HasDigest = nil, 0, false // Reader.Next sets the digest of what it returns
	if hlen < len(t) {
		seg.Payload = t[hlen:]
	}
	return isTCP, 0
}

// TCP option kinds (RFC 9293 §3.2, RFC 7323, RFC 2018).
const (
	optEOL       = 0
	optNOP       = 1
	optMSS       = 2
	optWScale    = 3
	optSACKPerm  = 4
	optSACK      = 5
	optTimestamp = 8
)

// tsOnly is how the usual option list of an established connection
// begins: NOP, NOP, kind 8 (timestamps), length 10 (RFC 7323 Appendix A).
const tsOnly = optNOP<<24 | optNOP<<16 | optTimestamp<<8 | 10

// parseOptions parses the TCP options in o into opts. It stops at the end
// of the option list or at the first malformed option, and reports whether
// it found one; the options before it are kept.
func parseOptions(o []byte, opts *segment.Options) (bad bool) {
	if len(o) == 12 && be32(o) == tsOnly {
		// NOP, NOP, timestamps: what Linux puts on every segment after
		// the handshake when timestamps are on. The walk below gives the
		// same; this saves it on most segments.
		opts.HasTS, opts.TSVal, opts.TSEcr = true, be32(o[4:]), be32(o[8:])
		return false
	}
	for i := 0; i < len(o); {
		kind := o[i]
		switch kind {
		case optEOL:
			return false
		case optNOP:
			i++
			continue
		}
		if i+1 >= len(o) {
			return true
		}
		l := int(o[i+1])
		if l < 2 || i+l > len(o) {
			return true
		}
		v := o[i+2 : i+l]
		switch kind {
		case optMSS:
			if l != 4 {
				return true
			}
			opts.MSS = be16(v)
		case optWScale:
			if l != 3 {
				return true
			}
			opts.WScale, opts.HasWScale = v[0], true
		case optSACKPerm:
			if l != 2 {
				return true
			}
			opts.SACKPermitted = true
		case optSACK:
			if len(v) == 0 || len(v)%8 != 0 {
				return true
			}
			n := 0
			for ; n < segment.MaxSACK && len(v) >= 8; n++ {
				opts.SACK[n] = segment.SACKBlock{Left: seqnum.Value(be32(v)), Right: seqnum.Value(be32(v[4:]))}
				v = v[8:]
			}
			opts.NumSACK = uint8(n)
		case optTimestamp:
			if l != 10 {
				return true
			}
			opts.HasTS, opts.TSVal, opts.TSEcr = true, be32(v), be32(v[4:])
		}
		i += l
	}
	return false
}
