// Package segment defines Segment, the flat value that carries one decoded
// TCP segment from capture through reassembly to the tracker.
//
// A Segment holds only what TCP analysis needs: capture time, addresses,
// ports, sequence and acknowledgment numbers, flags, window, the payload
// length as the IP header states it (not as captured), and the TCP options
// that matter for state and sequence analysis (RFC 9293 §3.1, RFC 7323,
// RFC 2018). It has no pointers other than Payload, so decoding into a
// reused Segment does not allocate.
//
// Payload aliases the capture buffer: it is valid only until the next
// packet is read. Anyone who keeps bytes must copy them.
package segment

import (
	"hash/maphash"
	"net/netip"
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
)

// Flags is the TCP flag byte (RFC 9293 §3.1, RFC 3168 for ECE and CWR).
type Flags uint8

// The TCP flags, in wire order.
const (
	FIN Flags = 1 << iota
	SYN
	RST
	PSH
	ACK
	URG
	ECE
	CWR
)

// Has reports whether every flag in m is set.
func (f Flags) Has(m Flags) bool { return f&m == m }

// flagOrder is the order flags are printed in, tcpdump-like: SYN first.
var flagOrder = [...]struct {
	f Flags
	c byte
}{{SYN, 'S'}, {FIN, 'F'}, {RST, 'R'}, {PSH, 'P'}, {ACK, '.'}, {URG, 'U'}, {ECE, 'E'}, {CWR, 'W'}}

// AppendTo appends the flags as tcpdump prints them ("S", "S.", "F.",
// "R.", "P.", "none" for no flags) and returns the extended buffer.
func (f Flags) AppendTo(b []byte) []byte {
	if f == 0 {
		return append(b, "none"...)
	}
	for _, o := range flagOrder {
		if f&o.f != 0 {
			b = append(b, o.c)
		}
	}
	return b
}

func (f Flags) String() string { return string(f.AppendTo(nil)) }

// SACKBlock is one selective-acknowledgment block [Left, Right) (RFC 2018).
type SACKBlock struct {
	Left, Right seqnum.Value
}

// MaxSACK is the most SACK blocks a TCP header can carry.
const MaxSACK = 4

// Options holds the TCP options flowtrace uses. Zero means absent, and the
// Has* fields tell absent from a zero value where zero is legal.
type Options struct {
	MSS           uint16 // 0: no MSS option
	WScale        uint8  // window shift count; valid if HasWScale
	HasWScale     bool
	SACKPermitted bool
	HasTS         bool
	TSVal, TSEcr  uint32
	NumSACK       uint8 // number of valid entries in SACK
	SACK          [MaxSACK]SACKBlock
}

// Segment is one TCP segment as seen on the wire.
type Segment struct {
	Time time.Time // capture timestamp
	Pkt  uint64    // 1-based packet number in the capture (all frames, not only TCP)

	Src, Dst         netip.Addr
	SrcPort, DstPort uint16

	Seq, Ack seqnum.Value
	Flags    Flags
	Window   uint16 // raw window field, unscaled
	Urgent   uint16

	// PayloadLen is the TCP payload length from the IP header's length
	// fields, so it is right even when the capture was cut short (snaplen).
	PayloadLen int
	// Payload is the captured part of the payload (possibly shorter than
	// PayloadLen). It aliases the capture buffer; see the package doc.
	Payload []byte
	// IPLen is the IP packet's length as its header states it: the IPv4
	// Total Length, or 40 plus the IPv6 Payload Length (extension headers
	// included). When the header says 0 (TSO/GSO, jumbograms) it is the
	// captured length. Zeek sums it per endpoint as orig_ip_bytes and
	// resp_ip_bytes.
	IPLen int

	TTL  uint8  // IPv4 TTL or IPv6 hop limit
	IPID uint16 // IPv4 identification; 0 for IPv6

	// BadChecksum is set when the IPv4 header checksum or the TCP
	// checksum was verified and found wrong: the receiver dropped the
	// segment, so it must not change any state.
	BadChecksum bool
	// Kind says what the Segment holds: TCP (the zero value, and the only
	// kind unless the capture was asked for datagrams), a UDP datagram or
	// an ICMP error quoting a TCP segment or a UDP datagram (datagram.go).
	Kind Kind

	Opts Options

	// Tunnel names the encapsulations the segment arrived in (GRE,
	// VXLAN, MPLS, ...; see package capture), 0 for none: the capture
	// that decoded the segment maps it to their description ([]Tunnel).
	Tunnel uint64
	// TunnelKey is the part of the tunnel that identifies a connection,
	// the same in both directions: two segments with the same 4-tuple but
	// different TunnelKeys belong to different connections. It is 0 when
	// Tunnel is, and when the encapsulations are only link-local labels
	// (MPLS, VN-Tag, E-Tag), which, like VLAN tags, may differ between
	// the directions or be on one only.
	TunnelKey uint64

	// ICMP describes the ICMP error when Kind is ICMPError.
	ICMP ICMP

	// Digest is PayloadDigest(Payload), valid when HasDigest is set: the
	// decoder computes it while the payload is in its cache (it has just
	// verified the checksum over the same bytes), so the sequence
	// analysis, which compares a retransmission's bytes with the
	// original's by digest, never reads the payload again on the
	// tracker's goroutine. Whoever changes Payload clears HasDigest;
	// PayloadSum computes the digest when it is not set.
	Digest    uint64
	HasDigest bool
}

// digestSeed keys payload digests per process, so that an attacker
// cannot precompute payloads whose digests collide.
var digestSeed = maphash.MakeSeed()

// PayloadDigest returns the keyed 64-bit digest of a payload.
func PayloadDigest(p []byte) uint64 { return maphash.Bytes(digestSeed, p) }

// SetDigest computes Digest when the whole payload was captured (the only
// case the sequence analysis compares), and clears both fields otherwise.
func (s *Segment) SetDigest() {
	if s.PayloadLen > 0 && len(s.Payload) == s.PayloadLen {
		s.Digest, s.HasDigest = PayloadDigest(s.Payload), true
		return
	}
	s.Digest, s.HasDigest = 0, false
}

// PayloadSum returns the digest of Payload: Digest when the decoder set
// it, or computed now.
func (s *Segment) PayloadSum() uint64 {
	if s.HasDigest {
		return s.Digest
	}
	return PayloadDigest(s.Payload)
}

// SeqLen returns the sequence space the segment occupies: the payload plus
// one for SYN and one for FIN (RFC 9293 §3.4, SEG.LEN).
func (s *Segment) SeqLen() seqnum.Size {
	n := seqnum.Size(s.PayloadLen)
	if s.Flags&SYN != 0 {
		n++
	}
	if s.Flags&FIN != 0 {
		n++
	}
	return n
}

// End returns the sequence number just past the segment (SEG.SEQ+SEG.LEN).
func (s *Segment) End() seqnum.Value { return s.Seq.Add(s.SeqLen()) }

// ParseFlags parses flags as AppendTo prints them ("S.", "F.", "R", "FPU",
// "none"), the inverse of AppendTo. Test tables and scripts write segments
// with it.
func ParseFlags(s string) (Flags, bool) {
	if s == "none" {
		return 0, true
	}
	var f Flags
	for i := 0; i < len(s); i++ {
		found := false
		for _, o := range flagOrder {
			if s[i] == o.c {
				f |= o.f
				found = true
			}
		}
		if !found {
			return 0, false
		}
	}
	return f, true
}
