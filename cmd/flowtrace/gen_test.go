package main

import (
	"bytes"
	"net"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
)

// bigCapture builds an Ethernet pcap of n frames: one connection's
// handshake followed by data and ACKs, enough to make the progress line
// draw.
func bigCapture(t *testing.T, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := pcapgo.NewWriter(&buf)
	if err := w.WriteFileHeader(262144, layers.LinkTypeEthernet); err != nil {
		t.Fatal(err)
	}
	cli, srv := net.IPv4(10, 1, 0, 1), net.IPv4(10, 1, 0, 2)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cseq, sseq := uint32(1000), uint32(5000)
	for i := range n {
		toSrv := i%2 == 0
		tcp := &layers.TCP{SrcPort: 40000, DstPort: 80, Seq: cseq, Ack: sseq, ACK: true, Window: 500}
		ip := &layers.IPv4{Version: 4, TTL: 64, Protocol: layers.IPProtocolTCP, SrcIP: cli, DstIP: srv}
		payload := gopacket.Payload(make([]byte, 100))
		switch {
		case i == 0:
			tcp.SYN, tcp.ACK, tcp.Ack = true, false, 0
		case i == 1:
			tcp.SrcPort, tcp.DstPort, tcp.Seq, tcp.Ack, tcp.SYN = 80, 40000, sseq, cseq+1, true
			ip.SrcIP, ip.DstIP = srv, cli
		case toSrv:
			tcp.Seq, tcp.Ack = cseq+1, sseq+1
		default:
			tcp.SrcPort, tcp.DstPort, tcp.Seq, tcp.Ack = 80, 40000, sseq+1, cseq+1
			ip.SrcIP, ip.DstIP = srv, cli
		}
		if i > 1 && toSrv {
			cseq += 100
		} else {
			payload = nil
		}
		tcp.SetNetworkLayerForChecksum(ip)
		eth := &layers.Ethernet{SrcMAC: net.HardwareAddr{2, 0, 0, 0, 0, 1}, DstMAC: net.HardwareAddr{2, 0, 0, 0, 0, 2}, EthernetType: layers.EthernetTypeIPv4}
		sb := gopacket.NewSerializeBuffer()
		if err := gopacket.SerializeLayers(sb, gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}, eth, ip, tcp, payload); err != nil {
			t.Fatal(err)
		}
		data := sb.Bytes()
		ci := gopacket.CaptureInfo{Timestamp: t0.Add(time.Duration(i) * time.Millisecond), CaptureLength: len(data), Length: len(data)}
		if err := w.WritePacket(ci, data); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}
