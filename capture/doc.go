// Package capture reads link-layer frames from capture files and decodes
// the TCP segments in them into [segment.Segment] values.
//
// A [Source] yields frames; [OpenFile] returns one for pcap and pcapng
// files (plain, gzip or zstd compressed, or stdin for "-"), told apart by
// their magic numbers. A [Reader] pulls frames from a Source, runs an optional BPF
// filter, decodes each frame and returns only TCP segments; everything
// else is counted in [Stats].
//
// # Buffers
//
// Frames returned by a Source, and the Payload of a Segment filled by
// [Reader.Next], alias the Source's buffer: they are valid only until the
// next call. Copy anything you need to keep. Decoding into a reused
// Segment does not allocate; a test guards this.
//
// # Concurrency
//
// Sources and Readers are not safe for concurrent use. Use one per
// goroutine.
//
// # Link types
//
// Ethernet (1) with any stack of 802.1Q, 802.1ad and 0x9100 VLAN tags;
// Linux cooked capture v1 (113) and v2 (276, what "tcpdump -i any" writes
// with modern libpcap); raw IP (101, and 12 and 14 as some platforms
// write DLT_RAW; 228 IPv4 only, 229 IPv6 only); BSD loopback NULL (0,
// family in the capturing host's byte order, both accepted) and LOOP
// (108, network order). linktypes.go adds 802.11 data frames (105), behind
// radiotap (127), PPI (192), Prism (119) or AVS (163) headers; PPP (9) and
// PPP in HDLC-like framing (50); Cisco HDLC (104); Frame Relay (107);
// NFLOG (239); PKTAP (258, and Apple's 149); IPoIB (242); Juniper
// Ethernet (178); ARCNET (7, 129). Each cites its standard. One function,
// linkLayer (linktype.go), maps every link type to its network-layer
// payload; the plain decoder and the tunnel pass both start from it (the
// plain decoder inlines Ethernet, the common case). Encrypted
// 802.11 frames and later link-layer fragments are skipped and counted
// for what they are. A classic pcap file of another link type is an error
// ([LinkTypeError]); pcapng frames of another link type are skipped and
// counted as "unsupported link type", and by interface and link type in
// [Stats].Unsupported.
//
// # Decoding
//
// IPv4 (RFC 791, options validated as Linux does, a source route's final
// address taken as the destination, AH walked) and IPv6 (RFC 8200, walking
// hop-by-hop, routing, destination options, fragment and AH extension
// headers) down to TCP (RFC 9293 §3.1). Segment.PayloadLen comes from the
// IP length fields, so it is right when the snaplen cut the frame; an IP
// length of 0, written by TSO/GSO on the capturing host, falls back to the
// captured length and is counted in Stats.Noted. TCP options MSS, window
// scale (RFC 7323), SACK-permitted, SACK (RFC 2018) and timestamps are
// decoded; parsing stops at a malformed option, which is counted, and the
// segment is kept.
//
// IPv4 and IPv6 fragments of TCP are reassembled (defrag.go) the way a
// Linux receiver does it: an overlap drops the datagram, a duplicate is
// ignored, a train times out 30 s (IPv4) or 60 s (IPv6) after its first
// fragment on the capture clock, and at most FragMaxBytes and
// FragMaxTrains are held. A reassembled segment carries the packet number
// and time of the fragment that completed it; Stats.Frag counts what
// happened, with bounded examples, and a FragObserver (SetFragObserver,
// fragevent.go) is told of each incomplete train, tiny first fragment,
// overlap and reassembled TCP segment as it happens, for the findings.
// The reassembler is created on the first fragment: unfragmented traffic
// never touches it.
//
// # Checksums
//
// Unless [ChecksumOff] is set, the IPv4 header checksum and the TCP
// checksum (over the IPv4 or IPv6 pseudo-header, with a source route's
// final address) of every wholly captured segment are verified, and a bad
// one sets Segment.BadChecksum. [ChecksumAuto], the default, first decides
// per sending address whether the capture saw its checksums before NIC
// offload filled them in, and then verifies none of its segments; see
// checksum.go for the rule. The same holds, on every link type, for the
// innermost IPv4 header and TCP segment of a tunnelled segment (outer
// headers, a UDP tunnel's checksum among them, are not verified) and for
// a reassembled datagram: the first fragment's IPv4 header (reassembly
// updates its checksum, RFC 1624) and the TCP checksum over the whole
// reassembled segment. A datagram whose fragments the snaplen cut is
// unverifiable, counted in FragStats.Unverifiable, never bad. The one's
// complement sum itself is capture/internal/onesum's: assembly on amd64,
// its Go reference elsewhere.
//
// Every header is parsed by hand, with bounds checks, rather than with
// gopacket's layers, for three reasons. gopacket's layers.TCP keeps only
// four options inline (opts [4]TCPOption), and a Linux SYN carries five
// (MSS, SACK-permitted, timestamps, NOP, window scale), so it allocates on
// every SYN. Its errors are formatted strings (allocating on every
// malformed frame) that cannot be mapped to the stable per-reason counts
// in Stats. And it has no Linux cooked v2 layer at all. The hand-written
// path is also faster than a reused DecodingLayerParser over the same
// frames; see BenchmarkReaderNext and BenchmarkDecodingLayerParser.
//
// # Tunnels
//
// A frame that holds no TCP at its first IP header is decoded again by
// tunnel.go, from the same link-layer mapping (so on every link type),
// which follows MPLS, PBB, VN-Tag, E-Tag, PPPoE, GRE (with
// ERSPAN), IP in IP, AH, VXLAN, Geneve, GTP-U, Teredo and AYIYA down to
// the TCP inside, at most [MaxTunnelDepth] levels deep. Untunnelled TCP
// never takes that path. The delivered Segment's Tunnel is a hash of the
// stack of encapsulations, which the Reader's [Tunnels] table maps to the
// stack's description, kept once per distinct stack, so decoding does not
// allocate per packet. Its TunnelKey, part of the tracker's flow key,
// hashes what is the same in both directions (types, outer endpoints in
// canonical order, VNIs and keys; not MPLS, VN-Tag and E-Tag levels, nor
// GTP-U TEIDs). Neither is seeded: they are the same in every run. Frames that may hold TCP out of reach (ESP,
// unsupported GRE or tunnel payloads, IP in UDP on an unknown port) are
// skipped with a reason for which [Reason.Malformed] is false.
//
// # Datagrams
//
// With [Reader.SetDatagrams], Next also delivers UDP datagrams and the
// ICMP errors (destination unreachable, time exceeded; v4 and v6) that
// quote a TCP segment or UDP datagram, as Segments of another
// [segment.Kind] (datagram.go). Only frames found to hold no TCP, even in
// a tunnel, are decoded again for them, so TCP decodes as fast as before;
// they are counted in Stats.NonTCP, and in Stats.UDP and Stats.ICMP.
//
// # Capture files
//
// Classic pcap records are read with pcapgo's zero-copy reader, behind a
// header check of our own: pcapgo allocates a buffer of the header's
// snaplen (up to 4 GiB), so, like libpcap, the header's snaplen is
// replaced by [MaxSnaplen] and a record longer than that is an error
// wrapping [ErrCorrupt]. pcapng is read by this package (pcapgo's NgReader
// panics and allocates without bound on hostile input, and its uint8 link
// types cannot hold 276). A file that ends mid-record yields every
// complete record, then a [*TruncatedError].
//
// The reader is as lenient as libpcap and Wireshark (leniency.go): pcap
// 2.0 to 2.4 with libpcap's pre-2.3 length swap, captured lengths above
// the original cut, sub-second fields out of range clamped, each counted
// in [Stats].File. The [Reader] keeps the capture clock monotonic
// (Segment.Time never goes back; [Stats].Backwards says when a timestamp
// did), and numbers frames as Wireshark does, pcapng custom and journal
// blocks included ([Stats].Records).
//
// # Filters
//
// [Reader.SetFilter] compiles a tcpdump expression with libpcap, once per
// link type (one cgo call), and runs the program with a small classic BPF
// interpreter in pure Go: no cgo call per packet. Without cgo, SetFilter
// returns an error.
//
// # Live capture and privileges
//
// [OpenLive] reads an Ethernet-framed Linux interface through an
// AF_PACKET socket with a TPACKET_V3 ring (live_ring_linux.go: no system
// call and no cgo call per frame), with libpcap's program for the filter
// attached to the socket and the socket in a PACKET_FANOUT hash group of
// the process; "any", other link types and other systems go through
// libpcap. [Live.Path] says which. [Drops] follows the kernel's counters
// of either between polls.
//
// [OpenLive] needs CAP_NET_RAW and nothing else (promiscuous mode is set
// through the packet socket). A capability that is only permitted, as a
// file capability "cap_net_raw=p" leaves it, is raised into the effective
// set on the opening thread for the duration of the open and lowered
// again; [NetRawStatus] says why it is missing when the open is refused.
package capture
