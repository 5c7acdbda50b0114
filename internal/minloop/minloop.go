// Package minloop is the yardstick flowtrace's speed is held to: the least
// a Go program must do to find the TCP flows of a capture with gopacket.
// It reads the records with pcapgo, decodes each with one reused
// DecodingLayerParser (Ethernet, IPv4, IPv6, TCP), and counts packets per
// 4-tuple in a map. It tracks nothing, verifies nothing and prints
// nothing; its time per packet is the "minimal loop" of the benchmarks
// (BenchmarkPipeline/minimal in memory, the minloop command on a file).
package minloop

import (
	"io"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
)

// flowKey is a 4-tuple as the sender wrote it.
type flowKey struct {
	src, dst         [16]byte
	srcPort, dstPort uint16
}

// Pass reads a classic pcap from r and returns the number of TCP flows
// (distinct directed 4-tuples) and of frames.
func Pass(r io.Reader) (flows, frames int, err error) {
	var (
		eth     layers.Ethernet
		ip4     layers.IPv4
		ip6     layers.IPv6
		tcp     layers.TCP
		decoded = make([]gopacket.LayerType, 0, 4)
	)
	parser := gopacket.NewDecodingLayerParser(layers.LayerTypeEthernet, &eth, &ip4, &ip6, &tcp)
	parser.IgnoreUnsupported = true
	pr, err := pcapgo.NewReader(r)
	if err != nil {
		return 0, 0, err
	}
	m := make(map[flowKey]int)
	for {
		d, _, err := pr.ZeroCopyReadPacketData()
		if err == io.EOF {
			return len(m), frames, nil
		}
		if err != nil {
			return len(m), frames, err
		}
		frames++
		parser.DecodeLayers(d, &decoded) // unsupported layers (the payload) are ignored
		var k flowKey
		isTCP := false
		for _, l := range decoded {
			switch l {
			case layers.LayerTypeIPv4:
				copy(k.src[:], ip4.SrcIP)
				copy(k.dst[:], ip4.DstIP)
			case layers.LayerTypeIPv6:
				copy(k.src[:], ip6.SrcIP)
				copy(k.dst[:], ip6.DstIP)
			case layers.LayerTypeTCP:
				k.srcPort, k.dstPort = uint16(tcp.SrcPort), uint16(tcp.DstPort)
				isTCP = true
			}
		}
		if isTCP {
			m[k]++
		}
	}
}
