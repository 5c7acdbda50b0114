package capture

import (
	"bytes"
	"encoding/binary"
	"net"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"

	"github.com/flowtrace/flowtrace/segment"
)

// tcpSpec describes a TCP segment for the frame builders below.
type tcpSpec struct {
	src, dst     string
	sport, dport uint16
	seq, ack     uint32
	flags        segment.Flags
	win          uint16
	opts         []layers.TCPOption
	payload      []byte
	ipOpts       []layers.IPv4Option // IPv4 only
	ipLen        int                 // if > 0, override the IP length field after serialising (-1: zero)
}

// Linux SYN options: MSS, SACK-permitted, timestamps, NOP, window scale.
var linuxSYNOpts = []layers.TCPOption{
	{OptionType: layers.TCPOptionKindMSS, OptionLength: 4, OptionData: []byte{0x05, 0xb4}},
	{OptionType: layers.TCPOptionKindSACKPermitted, OptionLength: 2},
	{OptionType: layers.TCPOptionKindTimestamps, OptionLength: 10, OptionData: []byte{0, 0, 0, 1, 0, 0, 0, 0}},
	{OptionType: layers.TCPOptionKindNop, OptionLength: 1},
	{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 3, OptionData: []byte{7}},
}

var linuxSYNWant = segment.Options{MSS: 1460, SACKPermitted: true, HasTS: true, TSVal: 1, HasWScale: true, WScale: 7}

func tsOpt(val, ecr uint32) []layers.TCPOption {
	d := binary.BigEndian.AppendUint32(nil, val)
	d = binary.BigEndian.AppendUint32(d, ecr)
	return []layers.TCPOption{
		{OptionType: layers.TCPOptionKindNop, OptionLength: 1},
		{OptionType: layers.TCPOptionKindNop, OptionLength: 1},
		{OptionType: layers.TCPOptionKindTimestamps, OptionLength: 10, OptionData: d},
	}
}

func (s tcpSpec) layer() *layers.TCP {
	f := s.flags
	return &layers.TCP{
		SrcPort: layers.TCPPort(s.sport), DstPort: layers.TCPPort(s.dport),
		Seq: s.seq, Ack: s.ack, Window: s.win,
		FIN: f.Has(segment.FIN), SYN: f.Has(segment.SYN), RST: f.Has(segment.RST), PSH: f.Has(segment.PSH),
		ACK: f.Has(segment.ACK), URG: f.Has(segment.URG), ECE: f.Has(segment.ECE), CWR: f.Has(segment.CWR),
		Options: s.opts,
	}
}

func serialize(t testing.TB, ls ...gopacket.SerializableLayer) []byte {
	t.Helper()
	buf := gopacket.NewSerializeBuffer()
	if err := gopacket.SerializeLayers(buf, gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}, ls...); err != nil {
		t.Fatal(err)
	}
	return append([]byte(nil), buf.Bytes()...)
}

// ip4 returns an IPv4 packet carrying the TCP segment s.
func ip4(t testing.TB, s tcpSpec) []byte {
	t.Helper()
	ip := &layers.IPv4{Version: 4, TTL: 64, Id: 0x1234, Flags: layers.IPv4DontFragment, Protocol: layers.IPProtocolTCP,
		SrcIP: net.ParseIP(s.src).To4(), DstIP: net.ParseIP(s.dst).To4(), Options: s.ipOpts}
	tcp := s.layer()
	tcp.SetNetworkLayerForChecksum(ip)
	b := serialize(t, ip, tcp, gopacket.Payload(s.payload))
	switch {
	case s.ipLen > 0:
		binary.BigEndian.PutUint16(b[2:], uint16(s.ipLen))
	case s.ipLen < 0:
		binary.BigEndian.PutUint16(b[2:], 0)
	}
	return b
}

// ip6 returns an IPv6 packet carrying s after the given extension headers,
// each given as (type, body without the next-header byte).
func ip6(t testing.TB, s tcpSpec, ext ...ext6) []byte {
	t.Helper()
	ip := &layers.IPv6{Version: 6, HopLimit: 63, NextHeader: layers.IPProtocolTCP,
		SrcIP: net.ParseIP(s.src), DstIP: net.ParseIP(s.dst)}
	tcp := s.layer()
	tcp.SetNetworkLayerForChecksum(ip)
	b := serialize(t, ip, tcp, gopacket.Payload(s.payload))
	if len(ext) == 0 {
		if s.ipLen < 0 {
			binary.BigEndian.PutUint16(b[4:], 0)
		}
		return b
	}
	// Splice the extension headers between the fixed header and TCP.
	var chain []byte
	for i, e := range ext {
		next := byte(layers.IPProtocolTCP)
		if i+1 < len(ext) {
			next = ext[i+1].typ
		}
		h := append([]byte{next}, e.body...)
		chain = append(chain, h...)
	}
	out := append(append(append([]byte(nil), b[:40]...), chain...), b[40:]...)
	out[6] = ext[0].typ
	binary.BigEndian.PutUint16(out[4:], uint16(len(out)-40))
	if s.ipLen < 0 {
		binary.BigEndian.PutUint16(out[4:], 0)
	}
	return out
}

type ext6 struct {
	typ  byte
	body []byte // everything after the next-header byte
}

// hbh returns a hop-by-hop (or destination options, with typ 60) header of
// 8*(n+1) bytes, padded with PadN.
func optsHdr(typ byte, n int) ext6 {
	body := make([]byte, 8*(n+1)-1)
	body[0] = byte(n)
	body[1], body[2] = 1, byte(len(body)-3) // PadN
	return ext6{typ, body}
}

func routingHdr() ext6 {
	// Type 0-ish routing header with segments left 0 and one address.
	body := make([]byte, 23)
	body[0] = 2 // hdr ext len: 3*8 bytes total
	body[1] = 2 // routing type
	return ext6{43, body}
}

func fragHdr(offset uint16, more bool) ext6 {
	body := make([]byte, 7)
	v := offset << 3
	if more {
		v |= 1
	}
	binary.BigEndian.PutUint16(body[1:], v)
	return ext6{44, body}
}

func ahHdr() ext6 {
	// AH with a 12-byte ICV: payload len = (12+12)/4 - 2 = 4.
	body := make([]byte, 23)
	body[0] = 4
	return ext6{51, body}
}

var (
	macA = []byte{0x02, 0, 0, 0, 0, 1}
	macB = []byte{0x02, 0, 0, 0, 0, 2}
)

// eth wraps an IP packet in Ethernet with the given VLAN TPIDs (outermost
// first).
func eth(etype uint16, pkt []byte, tpids ...uint16) []byte {
	b := append(append([]byte(nil), macB...), macA...)
	for i, tp := range tpids {
		b = binary.BigEndian.AppendUint16(b, tp)
		b = binary.BigEndian.AppendUint16(b, uint16(100+i)) // VLAN id
	}
	b = binary.BigEndian.AppendUint16(b, etype)
	return append(b, pkt...)
}

func sll(proto uint16, pkt []byte) []byte {
	b := []byte{0, 0, 0, 1, 0, 6}
	b = append(b, macA...)
	b = append(b, 0, 0)
	b = binary.BigEndian.AppendUint16(b, proto)
	return append(b, pkt...)
}

func sll2(proto uint16, pkt []byte) []byte {
	b := binary.BigEndian.AppendUint16(nil, proto)
	b = append(b, 0, 0, 0, 0, 0, 3, 0, 1, 0, 6) // reserved, ifindex 3, ARPHRD_ETHER, pkttype, addrlen
	b = append(b, macA...)
	b = append(b, 0, 0)
	return append(b, pkt...)
}

func null(fam uint32, order binary.AppendByteOrder, pkt []byte) []byte {
	return append(order.AppendUint32(nil, fam), pkt...)
}

func cat(bs ...[]byte) []byte { return bytes.Join(bs, nil) }

// Typical addresses.
const (
	cli4, srv4 = "10.0.0.1", "10.0.0.2"
	cli6, srv6 = "2001:db8::1", "2001:db8::2"
)

// mix returns a realistic sequence of Ethernet frames: a handshake with
// Linux SYN options, data, ACKs with SACK, FIN, over IPv4, VLAN-tagged
// IPv4 and IPv6, plus an ARP and a UDP frame.
func mix(t testing.TB) [][]byte {
	t.Helper()
	var fs [][]byte
	data := bytes.Repeat([]byte("x"), 1448)
	sack := append(tsOpt(5, 6), layers.TCPOption{OptionType: layers.TCPOptionKindNop, OptionLength: 1},
		layers.TCPOption{OptionType: layers.TCPOptionKindNop, OptionLength: 1},
		layers.TCPOption{OptionType: layers.TCPOptionKindSACK, OptionLength: 10, OptionData: []byte{0, 0, 0x10, 0, 0, 0, 0x20, 0}})
	for _, v6 := range []bool{false, true} {
		for _, vlan := range [][]uint16{nil, {etherDot1Q}} {
			c, s, et := cli4, srv4, uint16(etherIPv4)
			mk := ip4
			if v6 {
				c, s, et = cli6, srv6, etherIPv6
				mk = func(t testing.TB, sp tcpSpec) []byte { return ip6(t, sp) }
			}
			fr := func(sp tcpSpec) []byte { return eth(et, mk(t, sp), vlan...) }
			fs = append(fs,
				fr(tcpSpec{src: c, dst: s, sport: 40000, dport: 80, seq: 100, flags: segment.SYN, win: 64240, opts: linuxSYNOpts}),
				fr(tcpSpec{src: s, dst: c, sport: 80, dport: 40000, seq: 500, ack: 101, flags: segment.SYN | segment.ACK, win: 65160, opts: linuxSYNOpts}),
				fr(tcpSpec{src: c, dst: s, sport: 40000, dport: 80, seq: 101, ack: 501, flags: segment.ACK, win: 502, opts: tsOpt(2, 1)}),
			)
			for i := range 6 {
				fs = append(fs,
					fr(tcpSpec{src: s, dst: c, sport: 80, dport: 40000, seq: 501 + uint32(i)*1448, ack: 101, flags: segment.ACK | segment.PSH, win: 509, opts: tsOpt(3, 2), payload: data}),
					fr(tcpSpec{src: c, dst: s, sport: 40000, dport: 80, seq: 101, ack: 501 + uint32(i+1)*1448, flags: segment.ACK, win: 502, opts: sack}))
			}
			fs = append(fs,
				fr(tcpSpec{src: c, dst: s, sport: 40000, dport: 80, seq: 101, ack: 9000, flags: segment.FIN | segment.ACK, win: 502, opts: tsOpt(4, 3)}))
		}
	}
	arp := eth(0x0806, make([]byte, 28))
	uip := &layers.IPv4{Version: 4, TTL: 64, Protocol: layers.IPProtocolUDP, SrcIP: net.IP{10, 0, 0, 1}, DstIP: net.IP{10, 0, 0, 53}}
	u := &layers.UDP{SrcPort: 5353, DstPort: 53}
	u.SetNetworkLayerForChecksum(uip)
	udp := eth(etherIPv4, serialize(t, uip, u, gopacket.Payload([]byte("query"))))
	return append(fs, arp, udp)
}

// pcapFile writes a classic pcap by hand: any byte order, micro- or
// nanosecond timestamps, any link type (pcapgo.Writer takes a uint8).
func pcapFile(order binary.AppendByteOrder, nano bool, link LinkType, frames ...[]byte) []byte {
	magic := uint32(0xa1b2c3d4)
	if nano {
		magic = 0xa1b23c4d
	}
	b := order.AppendUint32(nil, magic)
	b = order.AppendUint16(b, 2)
	b = order.AppendUint16(b, 4)
	b = order.AppendUint32(b, 0)
	b = order.AppendUint32(b, 0)
	b = order.AppendUint32(b, 65535)
	b = order.AppendUint32(b, uint32(link))
	for i, f := range frames {
		b = order.AppendUint32(b, 1700000000+uint32(i))
		if nano {
			b = order.AppendUint32(b, 123456789)
		} else {
			b = order.AppendUint32(b, 123457) // t0 rounded to µs
		}
		b = order.AppendUint32(b, uint32(len(f)))
		b = order.AppendUint32(b, uint32(len(f)))
		b = append(b, f...)
	}
	return b
}

// ngBlock builds one pcapng block in byte order o.
func ngBlock(o binary.AppendByteOrder, typ uint32, body []byte) []byte {
	for len(body)%4 != 0 {
		body = append(body, 0)
	}
	n := uint32(12 + len(body))
	b := o.AppendUint32(nil, typ)
	b = o.AppendUint32(b, n)
	b = append(b, body...)
	return o.AppendUint32(b, n)
}

func ngSHBBlock(o binary.AppendByteOrder) []byte {
	body := o.AppendUint32(nil, 0x1a2b3c4d)
	body = o.AppendUint16(body, 1)
	body = o.AppendUint16(body, 0)
	body = o.AppendUint64(body, ^uint64(0))
	return ngBlock(o, ngSHB, body)
}

// ngIDBBlock describes an interface; tsresol 0 means the default (µs).
func ngIDBBlock(o binary.AppendByteOrder, link LinkType, tsresol byte) []byte {
	body := o.AppendUint16(nil, uint16(link))
	body = o.AppendUint16(body, 0)
	body = o.AppendUint32(body, 262144)
	if tsresol != 0 {
		body = o.AppendUint16(body, 9)
		body = o.AppendUint16(body, 1)
		body = append(body, tsresol, 0, 0, 0)
		body = o.AppendUint32(body, 0) // opt_endofopt
	}
	return ngBlock(o, ngIDB, body)
}

func ngEPBBlock(o binary.AppendByteOrder, iface uint32, ts uint64, frame []byte) []byte {
	body := o.AppendUint32(nil, iface)
	body = o.AppendUint32(body, uint32(ts>>32))
	body = o.AppendUint32(body, uint32(ts))
	body = o.AppendUint32(body, uint32(len(frame)))
	body = o.AppendUint32(body, uint32(len(frame)))
	body = append(body, frame...)
	return ngBlock(o, ngEPB, body)
}

var t0 = time.Unix(1700000000, 123456789).UTC()
