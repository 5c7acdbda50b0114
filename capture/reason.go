package capture

import (
	"iter"
	"net/netip"
	"strconv"
)

// Reason says why a frame was not delivered as a segment (counted in
// [Stats.Skipped]) or what was wrong with a segment that was delivered
// anyway (counted in [Stats.Noted]). Reason names are short and stable:
// scripts and golden files may depend on them.
type Reason uint8

// The reasons, in the order [Stats.SkippedReasons] reports them: roughly
// the order of the headers in a frame.
const (
	// Frames skipped (counted in Stats.Skipped).
	UnsupportedLink Reason = iota // link type flowtrace cannot decode
	TruncatedLink                 // frame ends inside the link header (incl. VLAN tags)
	// linktypes: begin
	BadLinkHeader  // link header's own fields impossible (radiotap/PPI/PKTAP length, Juniper magic, ...)
	Protected80211 // 802.11 data frame with the Protected Frame bit: encrypted, cannot be decoded
	LinkFragment   // later fragment of an 802.11 or ARCNET (RFC 1201) split frame: no IP header
	// linktypes: end
	BadIPVersion     // IP version nibble does not match the link's protocol field
	TruncatedIPv4    // fewer than 20 bytes, or fewer than IHL*4, captured
	BadIPv4HeaderLen // IHL < 5
	BadIPv4Length    // total length smaller than the header
	BadIPv4Option    // linktypes: IPv4 option list malformed (RFC 791 lengths); the receiver drops it
	TruncatedIPv6    // fewer than 40 bytes captured
	TruncatedIPExt   // frame ends inside an IPv6 extension header (or IPv4 AH)
	BadIPv6Length    // extension headers run past the payload length
	TruncatedTCP     // fewer than 20 bytes of TCP header captured
	BadDataOffset    // data offset < 5, or past the IP payload

	// Encapsulations (tunnel.go): frames that may hold TCP flowtrace
	// could not reach. Only TruncatedTunnel is malformed.
	TruncatedTunnel   // frame ends inside a tunnel header (GRE, VXLAN, MPLS, ...)
	TunnelTooDeep     // more than MaxTunnelDepth nested encapsulations
	UnsupportedGRE    // GRE version 1 (PPTP), RFC 1701 routing, or an unknown protocol
	UnsupportedTunnel // a known tunnel carrying a payload type flowtrace does not decode
	ESPEncrypted      // IPsec ESP: the payload, TCP or not, is encrypted
	UnknownUDPTunnel  // IP with TCP inside UDP on a port that is no known tunnel's
	TunnelFragment    // a fragment of a tunnel's outer packet: tunnels are not reassembled

	// Segments delivered anyway (counted in Stats.Noted).
	BadTCPOption       // malformed option: parsing stopped there
	TruncatedTCPOption // TCP options cut by the snaplen: parsed what was captured
	ZeroIPLength       // IP length 0 (TSO/GSO on the capturing host): used the captured length
	BadIPv4Checksum    // IPv4 header checksum wrong: Segment.BadChecksum set
	BadTCPChecksum     // TCP checksum wrong: Segment.BadChecksum set

	// NumReasons is the number of reasons; it sizes the Stats arrays.
	NumReasons
)

var reasonNames = [NumReasons]string{
	UnsupportedLink:    "unsupported link type",
	TruncatedLink:      "truncated link header",
	BadLinkHeader:      "bad link header",
	Protected80211:     "802.11 protected",
	LinkFragment:       "link-layer fragment",
	BadIPVersion:       "bad IP version",
	TruncatedIPv4:      "truncated IPv4 header",
	BadIPv4HeaderLen:   "bad IPv4 header length",
	BadIPv4Length:      "bad IPv4 total length",
	BadIPv4Option:      "bad IPv4 option",
	TruncatedIPv6:      "truncated IPv6 header",
	TruncatedIPExt:     "truncated IP extension header",
	BadIPv6Length:      "bad IPv6 payload length",
	TruncatedTCP:       "truncated TCP header",
	BadDataOffset:      "bad TCP data offset",
	TruncatedTunnel:    "truncated tunnel header",
	TunnelTooDeep:      "tunnels nested too deep",
	UnsupportedGRE:     "unsupported GRE",
	UnsupportedTunnel:  "unsupported tunnel payload",
	ESPEncrypted:       "ESP (encrypted)",
	UnknownUDPTunnel:   "IP in UDP on an unknown port",
	TunnelFragment:     "fragmented tunnel packet",
	BadTCPOption:       "bad TCP option",
	TruncatedTCPOption: "truncated TCP options",
	ZeroIPLength:       "zero IP length (TSO)",
	BadIPv4Checksum:    "bad IPv4 header checksum",
	BadTCPChecksum:     "bad TCP checksum",
}

func (r Reason) String() string {
	if r < NumReasons {
		return reasonNames[r]
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// Stats counts what a [Reader] has seen. Every frame read is counted once
// in Frames and exactly once in TCP, NonTCP, Filtered, Fragments or
// Skipped:
//
//	Frames == TCP + NonTCP + Filtered + Fragments + sum(Skipped)
//
// A fragment that completes a datagram is counted as the datagram
// decodes (normally in TCP); Frag says what reassembly did.
//
// Noted counts segments that were delivered (and so are in TCP) despite a
// problem, by reason.
type Stats struct {
	Frames   uint64 // frames read from the source
	TCP      uint64 // TCP segments delivered by Next
	NonTCP   uint64 // well-formed frames that do not carry TCP (ARP, UDP, ICMP, ...)
	Filtered uint64 // frames rejected by the BPF filter
	// Fragments counts IP fragments of TCP taken for reassembly
	// (defrag.go), other than those that completed a datagram.
	Fragments uint64
	Frag      FragStats
	Skipped   [NumReasons]uint64
	Noted     [NumReasons]uint64

	// linktypes: begin (leniency.go)
	// Records counts pcapng blocks that are not packets but that
	// Wireshark numbers as frames (custom blocks, systemd journal
	// entries), so that Segment.Pkt is Wireshark's frame.number; they
	// are in Frames and NonTCP too.
	Records uint64
	// Unsupported counts the frames skipped for UnsupportedLink by
	// interface and link type (the first maxLinkSkips pairs; the rest in
	// UnsupportedOther).
	Unsupported      [maxLinkSkips]LinkSkip
	UnsupportedOther uint64
	File             Leniency  // what the file reader let through
	Backwards        Backwards // timestamps that went back in time
	// linktypes: end

	// Checksums (ChecksumAuto): the senders judged to offload checksums,
	// the first MaxOffloadListed by address (see OffloadListed) and all
	// in a count, and the segments of theirs that were therefore not
	// verified.
	Offload        [MaxOffloadListed]netip.Addr
	OffloadSenders uint64
	Unverified     uint64

	// Datagrams (Reader.SetDatagrams), in NonTCP too: UDP datagrams and
	// ICMP errors delivered, and ICMP errors whose quote was too short to
	// name the quoted packet's ports.
	UDP, ICMP, ICMPShort uint64
}

// OffloadListed returns the senders judged to offload checksums, in the
// order they were found, at most MaxOffloadListed of them.
func (s *Stats) OffloadListed() []netip.Addr {
	return s.Offload[:min(s.OffloadSenders, MaxOffloadListed)]
}

// SkippedReasons yields the reasons with a non-zero Skipped count, in
// Reason order.
func (s *Stats) SkippedReasons() iter.Seq2[Reason, uint64] { return nonZero(&s.Skipped) }

// NotedReasons yields the reasons with a non-zero Noted count, in Reason
// order.
func (s *Stats) NotedReasons() iter.Seq2[Reason, uint64] { return nonZero(&s.Noted) }

// SkippedTotal returns the number of skipped frames over all reasons.
func (s *Stats) SkippedTotal() uint64 {
	var n uint64
	for _, c := range s.Skipped {
		n += c
	}
	return n
}

func nonZero(a *[NumReasons]uint64) iter.Seq2[Reason, uint64] {
	return func(yield func(Reason, uint64) bool) {
		for r, n := range a {
			if n != 0 && !yield(Reason(r), n) {
				return
			}
		}
	}
}
