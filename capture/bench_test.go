package capture

import (
	"bytes"
	"errors"
	"io"
	"net/netip"
	"testing"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"

	"github.com/flowtrace/flowtrace/internal/testenv"
	"github.com/flowtrace/flowtrace/segment"
)

// The benchmarks read the same in-memory pcap of realistic Ethernet frames
// (handshakes with Linux SYN options, 1448-byte data, SACK ACKs, FIN,
// plain and VLAN-tagged, IPv4 and IPv6, an ARP and a UDP frame). One op is
// one frame. The minimal loop is the performance baseline flowtrace is
// held to: pcapgo records, a reused DecodingLayerParser, a map of 4-tuples.

type tuple struct {
	src, dst         [16]byte
	srcPort, dstPort uint16
}

func benchData(b *testing.B) []byte { return realistic(b, 2000) }

// BenchmarkReaderNext: OpenFile + Reader.Next, decode only.
func BenchmarkReaderNext(b *testing.B) {
	benchReader(b, "", false)
}

// BenchmarkReaderNextChecksumsOff: the same with --checksums off, to
// measure what verifying checksums (the default, auto) costs.
func BenchmarkReaderNextChecksumsOff(b *testing.B) {
	benchReaderMode(b, "", false, ChecksumOff)
}

// BenchmarkReaderNextFilter: with a BPF filter run by the Go interpreter.
func BenchmarkReaderNextFilter(b *testing.B) {
	benchReader(b, "tcp port 80", false)
}

// BenchmarkReaderNextFlowMap: Reader.Next plus the same 4-tuple map update
// as the minimal loop, for a like-for-like comparison.
func BenchmarkReaderNextFlowMap(b *testing.B) {
	benchReader(b, "", true)
}

func benchReader(b *testing.B, filter string, flows bool) {
	benchReaderMode(b, filter, flows, ChecksumAuto)
}

func benchReaderMode(b *testing.B, filter string, flows bool, ck ChecksumMode) {
	data := benchData(b)
	open := func() *Reader {
		f, err := OpenFile("-", bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		r := NewReader(f)
		r.SetChecksums(ck)
		if err := r.SetFilter(filter); errors.Is(err, ErrNoLibpcap) {
			testenv.Skip(b, err.Error()) // only in a build without cgo
		} else if err != nil {
			b.Fatal(err)
		}
		return r
	}
	m := map[tuple]int{}
	r := open()
	var seg segment.Segment
	var frames, last uint64
	b.SetBytes(int64(len(data) / (2000 * len(mix(b)))))
	b.ReportAllocs()
	b.ResetTimer()
	for frames < uint64(b.N) {
		err := r.Next(&seg)
		if err == io.EOF {
			st := r.Stats()
			frames += st.Frames - last
			b.StopTimer()
			r, last = open(), 0
			b.StartTimer()
			continue
		}
		if err != nil {
			b.Fatal(err)
		}
		frames += seg.Pkt - last
		last = seg.Pkt
		if flows {
			m[tuple{seg.Src.As16(), seg.Dst.As16(), seg.SrcPort, seg.DstPort}]++
		}
	}
	b.ReportMetric(float64(frames)/b.Elapsed().Seconds(), "frames/s")
}

// BenchmarkDecodingLayerParser is the minimal loop: pcapgo zero-copy
// records, DecodingLayerParser over reused layers, a map of 4-tuples.
func BenchmarkDecodingLayerParser(b *testing.B) {
	data := benchData(b)
	var (
		eth     layers.Ethernet
		dot1q   layers.Dot1Q
		ip4l    layers.IPv4
		ip6l    layers.IPv6
		tcp     layers.TCP
		decoded []gopacket.LayerType
	)
	p := gopacket.NewDecodingLayerParser(layers.LayerTypeEthernet, &eth, &dot1q, &ip4l, &ip6l, &tcp)
	p.IgnoreUnsupported = true
	m := map[tuple]int{}
	open := func() *pcapgo.Reader {
		r, err := pcapgo.NewReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		return r
	}
	r := open()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, _, err := r.ZeroCopyReadPacketData()
		if err == io.EOF {
			b.StopTimer()
			r = open()
			b.StartTimer()
			i--
			continue
		}
		p.DecodeLayers(d, &decoded)
		var t tuple
		isTCP := false
		for _, l := range decoded {
			switch l {
			case layers.LayerTypeIPv4:
				a, _ := netip.AddrFromSlice(ip4l.SrcIP)
				c, _ := netip.AddrFromSlice(ip4l.DstIP)
				t.src, t.dst = a.As16(), c.As16()
			case layers.LayerTypeIPv6:
				a, _ := netip.AddrFromSlice(ip6l.SrcIP)
				c, _ := netip.AddrFromSlice(ip6l.DstIP)
				t.src, t.dst = a.As16(), c.As16()
			case layers.LayerTypeTCP:
				t.srcPort, t.dstPort = uint16(tcp.SrcPort), uint16(tcp.DstPort)
				isTCP = true
			}
		}
		if isTCP {
			m[t]++
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "frames/s")
}

// BenchmarkDecode measures decode alone, per frame kind.
func BenchmarkDecode(b *testing.B) {
	m := mix(b)
	for _, c := range []struct {
		name  string
		frame []byte
	}{{"syn4", m[0]}, {"data4", m[3]}, {"sackack4", m[4]}, {"vlan-data4", m[17+3]}, {"data6", m[2*17+3]}} {
		b.Run(c.name, func(b *testing.B) {
			var seg segment.Segment
			var noted [NumReasons]uint64
			b.ReportAllocs()
			for b.Loop() {
				decode(c.frame, LinkEthernet, &seg, &noted, nil)
			}
		})
	}
}
