package capture

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"net/netip"
	"reflect"
	"testing"

	"github.com/google/gopacket/layers"

	"github.com/flowtrace/flowtrace/segment"
)

var synSpec = tcpSpec{src: cli4, dst: srv4, sport: 40000, dport: 80, seq: 100, flags: segment.SYN, win: 64240, opts: linuxSYNOpts}

func synWant(v6 bool) segment.Segment {
	s := segment.Segment{
		Src: netip.MustParseAddr(cli4), Dst: netip.MustParseAddr(srv4), SrcPort: 40000, DstPort: 80,
		Seq: 100, Flags: segment.SYN, Window: 64240, TTL: 64, IPID: 0x1234, Opts: linuxSYNWant,
	}
	if v6 {
		s.Src, s.Dst, s.TTL, s.IPID = netip.MustParseAddr(cli6), netip.MustParseAddr(srv6), 63, 0
	}
	return s
}

func v6(s tcpSpec) tcpSpec { s.src, s.dst = cli6, srv6; return s }

func TestDecode(t *testing.T) {
	data := []byte("hello, world")
	dataSpec := tcpSpec{src: cli4, dst: srv4, sport: 40000, dport: 80, seq: 101, ack: 501, flags: segment.ACK | segment.PSH, win: 502, opts: tsOpt(7, 8), payload: data}
	dataWant := segment.Segment{
		Src: netip.MustParseAddr(cli4), Dst: netip.MustParseAddr(srv4), SrcPort: 40000, DstPort: 80,
		Seq: 101, Ack: 501, Flags: segment.ACK | segment.PSH, Window: 502, TTL: 64, IPID: 0x1234,
		Opts: segment.Options{HasTS: true, TSVal: 7, TSEcr: 8}, PayloadLen: len(data), Payload: data,
	}
	syn4, syn6 := ip4(t, synSpec), ip6(t, v6(synSpec))
	syn6want := synWant(true)

	withIPOpts := synSpec
	withIPOpts.ipOpts = []layers.IPv4Option{{OptionType: 7, OptionLength: 7, OptionData: []byte{4, 10, 0, 0, 9}}, {OptionType: 0}} // record route

	// Frames cut by the snaplen: IP says 12 bytes of payload, 5 captured.
	cut := ip4(t, dataSpec)
	cut = cut[:len(cut)-7]
	cutWant := dataWant
	cutWant.Payload = data[:5]

	tso := dataSpec
	tso.ipLen = -1
	tso6 := v6(dataSpec)
	tso6.ipLen = -1
	want6 := dataWant
	want6.Src, want6.Dst, want6.TTL, want6.IPID = netip.MustParseAddr(cli6), netip.MustParseAddr(srv6), 63, 0

	sack := dataSpec
	sack.payload = nil
	sack.opts = []layers.TCPOption{
		{OptionType: layers.TCPOptionKindNop, OptionLength: 1}, {OptionType: layers.TCPOptionKindNop, OptionLength: 1},
		{OptionType: layers.TCPOptionKindSACK, OptionLength: 34, OptionData: bytes.Repeat([]byte{0, 0, 0, 1, 0, 0, 0, 2}, 4)},
	}
	sackWant := dataWant
	sackWant.Payload, sackWant.PayloadLen = nil, 0
	sackWant.Opts = segment.Options{NumSACK: 4}
	for i := range 4 {
		sackWant.Opts.SACK[i] = segment.SACKBlock{Left: 1, Right: 2}
	}

	badOpt := dataSpec
	badOpt.payload = nil
	badOpt.opts = []layers.TCPOption{
		{OptionType: layers.TCPOptionKindMSS, OptionLength: 4, OptionData: []byte{0x05, 0xb4}},
		{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 4, OptionData: []byte{7, 0}}, // window scale is 3 bytes
	}
	badOptWant := sackWant
	badOptWant.Opts = segment.Options{MSS: 1460}

	tests := []struct {
		name   string
		link   LinkType
		frame  []byte
		want   segment.Segment
		v      verdict
		reason Reason
		noted  Reason // NumReasons: none
	}{
		{name: "ethernet IPv4 SYN with 5 options", link: LinkEthernet, frame: eth(etherIPv4, syn4), want: synWant(false)},
		{name: "ethernet IPv6 SYN", link: LinkEthernet, frame: eth(etherIPv6, syn6), want: syn6want},
		{name: "ethernet data", link: LinkEthernet, frame: eth(etherIPv4, ip4(t, dataSpec)), want: dataWant},
		{name: "ethernet padding not payload", link: LinkEthernet, frame: eth(etherIPv4, append(ip4(t, synSpec), 0, 0, 0, 0, 0, 0)), want: synWant(false)},
		{name: "802.1Q", link: LinkEthernet, frame: eth(etherIPv4, syn4, etherDot1Q), want: synWant(false)},
		{name: "QinQ 88a8+8100", link: LinkEthernet, frame: eth(etherIPv4, syn4, etherDot1A, etherDot1Q), want: synWant(false)},
		{name: "QinQ 9100+8100+8100", link: LinkEthernet, frame: eth(etherIPv6, syn6, etherQinQ, etherDot1Q, etherDot1Q), want: syn6want},
		{name: "SLL", link: LinkLinuxSLL, frame: sll(etherIPv4, syn4), want: synWant(false)},
		{name: "SLL with VLAN tag", link: LinkLinuxSLL, frame: sll(etherDot1Q, cat([]byte{0, 5, 0x86, 0xdd}, syn6)), want: syn6want},
		{name: "SLL2 IPv4", link: LinkSLL2, frame: sll2(etherIPv4, syn4), want: synWant(false)},
		{name: "SLL2 IPv6", link: LinkSLL2, frame: sll2(etherIPv6, syn6), want: syn6want},
		{name: "raw 101 IPv4", link: LinkRaw, frame: syn4, want: synWant(false)},
		{name: "raw 101 IPv6", link: LinkRaw, frame: syn6, want: syn6want},
		{name: "raw 12", link: LinkRaw12, frame: syn4, want: synWant(false)},
		{name: "raw 14", link: LinkRaw14, frame: syn6, want: syn6want},
		{name: "IPv4 228", link: LinkIPv4, frame: syn4, want: synWant(false)},
		{name: "IPv6 229", link: LinkIPv6, frame: syn6, want: syn6want},
		{name: "228 carrying IPv6", link: LinkIPv4, frame: syn6, v: skipped, reason: BadIPVersion},
		{name: "229 carrying IPv4", link: LinkIPv6, frame: syn4, v: skipped, reason: BadIPVersion},
		{name: "ethertype IPv4 carrying IPv6", link: LinkEthernet, frame: eth(etherIPv4, syn6), v: skipped, reason: BadIPVersion},
		{name: "NULL little-endian AF_INET", link: LinkNull, frame: null(2, binary.LittleEndian, syn4), want: synWant(false)},
		{name: "NULL big-endian AF_INET", link: LinkNull, frame: null(2, binary.BigEndian, syn4), want: synWant(false)},
		{name: "NULL AF_INET6 24", link: LinkNull, frame: null(24, binary.LittleEndian, syn6), want: syn6want},
		{name: "NULL AF_INET6 28", link: LinkNull, frame: null(28, binary.BigEndian, syn6), want: syn6want},
		{name: "NULL AF_INET6 30", link: LinkNull, frame: null(30, binary.LittleEndian, syn6), want: syn6want},
		{name: "NULL unknown family", link: LinkNull, frame: null(7, binary.LittleEndian, syn4), v: notTCP},
		{name: "LOOP AF_INET", link: LinkLoop, frame: null(2, binary.BigEndian, syn4), want: synWant(false)},
		{name: "LOOP AF_INET6", link: LinkLoop, frame: null(30, binary.BigEndian, syn6), want: syn6want},
		{name: "IPv4 options", link: LinkRaw, frame: ip4(t, withIPOpts), want: synWant(false)},
		{name: "snaplen cut payload", link: LinkRaw, frame: cut, want: cutWant},
		{name: "IPv4 TSO zero length", link: LinkRaw, frame: ip4(t, tso), want: dataWant, noted: ZeroIPLength},
		{name: "IPv6 zero payload length", link: LinkRaw, frame: ip6(t, tso6), want: want6, noted: ZeroIPLength},
		{name: "4 SACK blocks", link: LinkRaw, frame: ip4(t, sack), want: sackWant},
		{name: "bad option keeps segment", link: LinkRaw, frame: ip4(t, badOpt), want: badOptWant, noted: BadTCPOption},
		{name: "IPv6 HBH+dstopts+routing+AH", link: LinkRaw, frame: ip6(t, v6(synSpec), optsHdr(0, 0), optsHdr(60, 1), routingHdr(), ahHdr()), want: syn6want},
		{name: "IPv6 atomic fragment", link: LinkRaw, frame: ip6(t, v6(synSpec), fragHdr(0, false)), want: syn6want},
		{name: "IPv6 first fragment", link: LinkRaw, frame: ip6(t, v6(synSpec), optsHdr(0, 0), fragHdr(0, true)), v: isFragment},
		{name: "IPv6 later fragment", link: LinkRaw, frame: ip6(t, v6(synSpec), fragHdr(185, false)), v: isFragment},
		{name: "IPv6 ESP", link: LinkRaw, frame: func() []byte { b := ip6(t, v6(synSpec)); b[6] = 50; return b }(), v: notTCP},
		{name: "IPv6 ext past payload length", link: LinkRaw, frame: func() []byte {
			b := ip6(t, v6(synSpec), optsHdr(0, 0))
			binary.BigEndian.PutUint16(b[4:], 4)
			return b
		}(), v: skipped, reason: BadIPv6Length},
		{name: "IPv4 first fragment", link: LinkRaw, frame: func() []byte { b := ip4(t, dataSpec); b[6] = 0x20; return b }(), v: isFragment},
		{name: "IPv4 later fragment", link: LinkRaw, frame: func() []byte { b := ip4(t, dataSpec); b[6], b[7] = 0, 185; return b }(), v: isFragment},
		{name: "IPv4 UDP fragment is not TCP", link: LinkRaw, frame: func() []byte { b := ip4(t, dataSpec); b[6], b[9] = 0x20, 17; return b }(), v: notTCP},
		{name: "IPv4 AH", link: LinkRaw, frame: func() []byte {
			b := ip4(t, synSpec)
			ah := append([]byte{6}, ahHdr().body...)
			out := cat(b[:20], ah, b[20:])
			out[9] = protoAH
			binary.BigEndian.PutUint16(out[2:], uint16(len(out)))
			return out
		}(), want: synWant(false)},
		{name: "IHL 4", link: LinkRaw, frame: func() []byte { b := ip4(t, synSpec); b[0] = 0x44; return b }(), v: skipped, reason: BadIPv4HeaderLen},
		{name: "total length < IHL", link: LinkRaw, frame: func() []byte { b := ip4(t, synSpec); b[3] = 19; b[2] = 0; return b }(), v: skipped, reason: BadIPv4Length},
		{name: "IP length cuts TCP header", link: LinkRaw, frame: func() []byte { b := ip4(t, synSpec); b[2], b[3] = 0, 30; return b }(), v: skipped, reason: TruncatedTCP},
		{name: "data offset 4", link: LinkRaw, frame: func() []byte { b := ip4(t, synSpec); b[32] = 0x40; return b }(), v: skipped, reason: BadDataOffset},
		{name: "data offset past IP length", link: LinkRaw, frame: func() []byte { b := ip4(t, synSpec); b[32] = 0xf0; return b }(), v: skipped, reason: BadDataOffset},
		{name: "ARP", link: LinkEthernet, frame: eth(0x0806, make([]byte, 28)), v: notTCP},
		{name: "802.3 LLC", link: LinkEthernet, frame: eth(100, make([]byte, 100)), v: notTCP},
		{name: "UDP", link: LinkRaw, frame: func() []byte { b := ip4(t, synSpec); b[9] = 17; return b }(), v: notTCP},
		{name: "USER0", link: 147, frame: syn4, v: skipped, reason: UnsupportedLink},
		{name: "empty raw", link: LinkRaw, frame: nil, v: skipped, reason: TruncatedIPv4},
		{name: "version 5", link: LinkRaw, frame: func() []byte { b := ip4(t, synSpec); b[0] = 0x55; return b }(), v: skipped, reason: BadIPVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var noted [NumReasons]uint64
			var got segment.Segment
			v, r := decode(tt.frame, tt.link, &got, &noted, nil)
			if v != tt.v || r != tt.reason {
				t.Fatalf("decode = %v, %q; want %v, %q", v, r, tt.v, tt.reason)
			}
			var wantNoted [NumReasons]uint64
			if tt.noted != 0 {
				wantNoted[tt.noted] = 1
			}
			if noted != wantNoted {
				t.Errorf("noted = %v; want %v", noted, wantNoted)
			}
			if v != isTCP {
				return
			}
			got.IPLen = 0 // TestDecodeIPLen checks it
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("mismatch\n got: %+v\nwant: %+v", got, tt.want)
			}
		})
	}
}

// TestDecodeIPLen checks the IP length a segment carries (Zeek's
// orig_ip_bytes sums it): the header's, not the captured length, except
// when the header says 0.
func TestDecodeIPLen(t *testing.T) {
	data := []byte("hello, world")
	dataSpec := tcpSpec{src: cli4, dst: srv4, sport: 40000, dport: 80, seq: 101, ack: 501, flags: segment.ACK | segment.PSH, win: 502, opts: tsOpt(7, 8), payload: data}
	const tcpLen = 20 + 12 // header with the timestamp option (padded)
	cut := ip4(t, dataSpec)
	cut = cut[:len(cut)-7]
	tso := dataSpec
	tso.ipLen = -1
	withIPOpts := dataSpec
	withIPOpts.ipOpts = []layers.IPv4Option{{OptionType: 7, OptionLength: 7, OptionData: []byte{4, 10, 0, 0, 9}}, {OptionType: 0}}
	tests := []struct {
		name  string
		link  LinkType
		frame []byte
		want  int
	}{
		{"IPv4", LinkRaw, ip4(t, dataSpec), 20 + tcpLen + len(data)},
		{"IPv4 with ethernet padding", LinkEthernet, eth(etherIPv4, append(ip4(t, dataSpec), 0, 0, 0, 0)), 20 + tcpLen + len(data)},
		{"IPv4 options", LinkRaw, ip4(t, withIPOpts), 28 + tcpLen + len(data)},
		{"IPv4 cut by the snaplen", LinkRaw, cut, 20 + tcpLen + len(data)},
		{"IPv4 TSO zero length: captured", LinkRaw, ip4(t, tso), 20 + tcpLen + len(data)},
		{"IPv6", LinkRaw, ip6(t, v6(dataSpec)), 40 + tcpLen + len(data)},
		{"IPv6 extension headers", LinkRaw, ip6(t, v6(dataSpec), optsHdr(0, 0), fragHdr(0, false)), 40 + 8 + 8 + tcpLen + len(data)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var noted [NumReasons]uint64
			var got segment.Segment
			if v, r := decode(tt.frame, tt.link, &got, &noted, nil); v != isTCP {
				t.Fatalf("decode = %v, %q", v, r)
			}
			if got.IPLen != tt.want {
				t.Errorf("IPLen = %d; want %d", got.IPLen, tt.want)
			}
		})
	}
}

// TestDecodeTruncated cuts frames at every byte offset. Cuts inside a
// header give that header's reason; cuts in the TCP options or payload
// give the segment with what was captured.
func TestDecodeTruncated(t *testing.T) {
	data := tcpSpec{src: cli4, dst: srv4, sport: 1, dport: 2, seq: 3, flags: segment.ACK, win: 4, opts: tsOpt(1, 2), payload: []byte("0123456789")}
	type region struct {
		end    int // first offset past the region
		v      verdict
		reason Reason
	}
	tests := []struct {
		name    string
		link    LinkType
		frame   []byte
		regions []region // in order; offsets past the last region: full segment
	}{
		{"ethernet IPv4", LinkEthernet, eth(etherIPv4, ip4(t, synSpec)), []region{{14, skipped, TruncatedLink}, {34, skipped, TruncatedIPv4}, {54, skipped, TruncatedTCP}, {74, isTCP, 0}}},
		{"QinQ IPv6", LinkEthernet, eth(etherIPv6, ip6(t, v6(data)), etherDot1A, etherDot1Q), []region{{22, skipped, TruncatedLink}, {62, skipped, TruncatedIPv6}, {82, skipped, TruncatedTCP}, {94, isTCP, 0}, {104, isTCP, 0}}},
		{"SLL2 IPv6 ext", LinkSLL2, sll2(etherIPv6, ip6(t, v6(data), optsHdr(0, 1), fragHdr(0, false))), []region{{20, skipped, TruncatedLink}, {60, skipped, TruncatedIPv6}, {84, skipped, TruncatedIPExt}, {104, skipped, TruncatedTCP}, {116, isTCP, 0}, {126, isTCP, 0}}},
		{"SLL IPv4 options", LinkLinuxSLL, sll(etherIPv4, ip4(t, tcpSpec{src: cli4, dst: srv4, flags: segment.SYN, ipOpts: []layers.IPv4Option{{OptionType: 1}, {OptionType: 1}, {OptionType: 1}, {OptionType: 0}}})), []region{{16, skipped, TruncatedLink}, {40, skipped, TruncatedIPv4}, {60, skipped, TruncatedTCP}}},
		{"NULL", LinkNull, null(2, binary.LittleEndian, ip4(t, data)), []region{{4, skipped, TruncatedLink}, {24, skipped, TruncatedIPv4}, {44, skipped, TruncatedTCP}, {56, isTCP, 0}, {66, isTCP, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var full segment.Segment
			var noted [NumReasons]uint64
			if v, r := decode(tt.frame, tt.link, &full, &noted, nil); v != isTCP {
				t.Fatalf("full frame: %v %v", v, r)
			}
			for n := range len(tt.frame) {
				var got segment.Segment
				v, r := decode(tt.frame[:n], tt.link, &got, &noted, nil)
				var want region
				for _, rg := range tt.regions {
					if n < rg.end {
						want = rg
						break
					}
				}
				if want.end == 0 {
					want.v = isTCP
				}
				if v != want.v || r != want.reason {
					t.Fatalf("cut at %d: %v %q; want %v %q", n, v, r, want.v, want.reason)
				}
				if v == isTCP {
					if got.PayloadLen != full.PayloadLen || got.Seq != full.Seq || len(got.Payload) > len(full.Payload) {
						t.Fatalf("cut at %d: payload %d/%d; want %d", n, len(got.Payload), got.PayloadLen, full.PayloadLen)
					}
				}
			}
		})
	}
}

// TestDecodeOptions covers option parsing on its own, including garbage.
func TestDecodeOptions(t *testing.T) {
	tests := []struct {
		opts []byte
		want segment.Options
		bad  bool
	}{
		{[]byte{2, 4, 5, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2, 1, 3, 3, 7}, segment.Options{MSS: 1460, SACKPermitted: true, HasTS: true, TSVal: 1, TSEcr: 2, HasWScale: true, WScale: 7}, false},
		{[]byte{1, 1, 1, 0, 2, 4, 5, 0xb4}, segment.Options{}, false}, // EOL ends the list
		{[]byte{2, 4, 5, 0xb4, 2}, segment.Options{MSS: 1460}, true},  // kind without length
		{[]byte{2, 4, 5, 0xb4, 99, 1}, segment.Options{MSS: 1460}, true},
		{[]byte{2, 4, 5, 0xb4, 99, 0, 1, 1}, segment.Options{MSS: 1460}, true},
		{[]byte{2, 3, 5, 1}, segment.Options{}, true},
		{[]byte{3, 4, 7, 0}, segment.Options{}, true},
		{[]byte{8, 9, 0, 0, 0, 0, 0, 0, 0}, segment.Options{}, true},
		{[]byte{5, 2}, segment.Options{}, true},
		{[]byte{5, 9, 0, 0, 0, 0, 0, 0, 0}, segment.Options{}, true},
		{[]byte{4, 3, 0}, segment.Options{}, true},
		{[]byte{30, 4, 0, 0, 2, 4, 1, 0}, segment.Options{MSS: 256}, false}, // unknown kinds are skipped
	}
	for i, tt := range tests {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			var got segment.Options
			bad := parseOptions(tt.opts, &got)
			if bad != tt.bad || got != tt.want {
				t.Errorf("parseOptions(% x) = %+v, bad %v; want %+v, bad %v", tt.opts, got, bad, tt.want, tt.bad)
			}
		})
	}
}

func TestReasonNames(t *testing.T) {
	seen := map[string]bool{}
	for r := range NumReasons {
		s := r.String()
		if s == "" || seen[s] {
			t.Errorf("reason %d: name %q empty or duplicate", r, s)
		}
		seen[s] = true
	}
	if got := NumReasons.String(); got != fmt.Sprintf("Reason(%d)", NumReasons) {
		t.Errorf("out of range: %q", got)
	}
}
