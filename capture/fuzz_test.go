package capture

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// FuzzDecode: no panic on any frame of any link type, and a decoded
// segment is self-consistent.
func FuzzDecode(f *testing.F) {
	for _, fr := range mix(f) {
		f.Add(fr, uint16(LinkEthernet))
	}
	syn4, syn6 := ip4(f, synSpec), ip6(f, v6(synSpec), optsHdr(0, 0), fragHdr(0, false), ahHdr())
	f.Add(sll2(etherIPv6, syn6), uint16(LinkSLL2))
	f.Add(sll(etherDot1Q, cat([]byte{0, 5, 8, 0}, syn4)), uint16(LinkLinuxSLL))
	f.Add(syn4, uint16(LinkRaw))
	f.Add(syn6, uint16(LinkIPv6))
	f.Add(null(30, binary.LittleEndian, syn6), uint16(LinkNull))
	f.Add(null(2, binary.BigEndian, syn4), uint16(LinkLoop))
	f.Add(syn4[:25], uint16(LinkIPv4))
	f.Add([]byte{}, uint16(147))
	for link, fr := range linkSeeds(f) {
		f.Add(fr, uint16(link))
	}
	for _, fr := range tunnelSeeds(f) {
		f.Add(fr, uint16(LinkEthernet))
	}
	d := &tunneler{table: NewTunnels()}
	f.Fuzz(func(t *testing.T, frame []byte, link uint16) {
		var seg segment.Segment
		var noted [NumReasons]uint64
		v, r := decode(frame, LinkType(link), &seg, &noted)
		if v == notTCP { // as Reader.Next: look inside tunnels
			v, r = d.decode(frame, LinkType(link), &seg, &noted)
			if d.n > MaxTunnelDepth || v == isTCP && (seg.Tunnel == 0 || seg.TunnelKey != 0 && d.n == 0) {
				t.Fatalf("%d tunnels, id %#x key %#x", d.n, seg.Tunnel, seg.TunnelKey)
			}
		}
		switch v {
		case isTCP:
			if r != 0 {
				t.Fatalf("TCP with reason %v", r)
			}
			if !seg.Src.IsValid() || !seg.Dst.IsValid() || seg.Src.Is4() != seg.Dst.Is4() {
				t.Fatalf("addresses %v %v", seg.Src, seg.Dst)
			}
			if seg.PayloadLen < len(seg.Payload) || seg.PayloadLen < 0 {
				t.Fatalf("PayloadLen %d < captured %d", seg.PayloadLen, len(seg.Payload))
			}
			if seg.Opts.NumSACK > segment.MaxSACK {
				t.Fatalf("NumSACK %d", seg.Opts.NumSACK)
			}
			if len(seg.Payload) > 0 && !bytes.Contains(frame, seg.Payload) {
				t.Fatal("payload not from the frame")
			}
		case notTCP:
		case skipped:
			if r >= NumReasons {
				t.Fatalf("reason %d", r)
			}
		default:
			t.Fatalf("verdict %d", v)
		}
	})
}

// FuzzOpenFile: no panic and no runaway on any file; the counts add up.
func FuzzOpenFile(f *testing.F) {
	frames := mix(f)[:6]
	le, be := binary.LittleEndian, binary.BigEndian
	f.Add(pcapFile(le, false, LinkEthernet, frames...))
	f.Add(pcapFile(be, true, LinkEthernet, frames...))
	f.Add(pcapFile(le, false, LinkSLL2, sll2(etherIPv4, ip4(f, synSpec))))
	f.Add(cat(ngSHBBlock(le), ngIDBBlock(le, LinkEthernet, 9), ngIDBBlock(le, LinkRaw, 0x80|10),
		ngEPBBlock(le, 0, 1, frames[0]), ngEPBBlock(le, 1, 2, frames[1][14:])))
	f.Add(cat(ngSHBBlock(be), ngIDBBlock(be, LinkSLL2, 0), ngEPBBlock(be, 0, 1, sll2(etherIPv4, ip4(f, synSpec))),
		ngSHBBlock(le), ngIDBBlock(le, LinkEthernet, 0), ngEPBBlock(le, 0, 1, frames[2])))
	f.Add(pcapFile(le, false, LinkEthernet, frames...)[:100])
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff})
	f.Add([]byte("not a capture"))
	for link, fr := range linkSeeds(f) {
		f.Add(pcapFile(le, false, link, fr))
	}
	// Leniencies: version 2.2 (swapped lengths), a huge microsecond field.
	old := pcapFile(be, false, LinkEthernet, frames[:2]...)
	be.PutUint16(old[6:], 2)
	be.PutUint32(old[24+4:], 2000000)
	f.Add(old)
	// pcapng with every kind of block Wireshark numbers, and mixed links.
	f.Add(cat(ngSHBBlock(le), ngBlock(le, ngCustom, []byte{0, 0, 0x7e, 0xd9}), ngIDBBlock(le, LinkNFLOG, 0),
		ngIDBBlock(le, 10, 0), ngEPBBlock(le, 0, 1, nflog(le, 2, ip4(f, synSpec))), ngEPBBlock(le, 1, 2, frames[0]),
		ngBlock(le, ngJournal, []byte("MESSAGE=x\n")), ngBlock(le, ngSPB, cat(le.AppendUint32(nil, 20), make([]byte, 20)))))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := OpenFile("-", bytes.NewReader(data))
		if err != nil {
			return
		}
		r := NewReader(src)
		var seg segment.Segment
		for i := 0; ; i++ {
			if err := r.Next(&seg); err != nil {
				break
			}
			if i > len(data) {
				t.Fatalf("%d segments from %d bytes", i, len(data))
			}
		}
		checkInvariant(t, r.Stats())
	})
}

// tunnelSeeds are Ethernet frames with TCP inside each kind of tunnel
// (see tunnel_test.go for the layouts).
func tunnelSeeds(t testing.TB) [][]byte {
	syn4, syn6 := ip4(t, synSpec), ip6(t, v6(synSpec))
	eth4 := ether(cmacB, cmacA, etherIPv4, syn4)
	udp4 := func(port uint16, p []byte) []byte { return eth(etherIPv4, outer4(protoUDP, udpHdr(1, port, p))) }
	return [][]byte{
		eth(etherMPLS, cat(mplsLabel(16, false), mplsLabel(300, true), []byte{0, 0, 0, 7}, eth4)),
		eth(etherPPPoE, cat([]byte{0x11, 0, 0, 7, 0, byte(2 + len(syn4)), 0, 0x21}, syn4), etherDot1A, etherDot1Q),
		cat(bmacB, bmacA, []byte{0x88, 0xa8, 0x00, 0x64, 0x88, 0xe7, 0x00, 0x01, 0x00, 0x2a}, eth4),
		ether(macB, macA, etherVNTag, cat([]byte{0x80, 0x05, 0x00, 0x00}, be.AppendUint16(nil, etherIPv4), syn4)),
		ether(macB, macA, etherETag, cat([]byte{0, 0, 0x01, 0x23, 0, 1}, be.AppendUint16(nil, etherIPv6), syn6)),
		eth(etherIPv4, outer4(protoGRE, cat(greHdr(etherTEB, true, u32(9), u32(1)), eth4))),
		eth(etherIPv4, outer4(protoGRE, cat(greHdr(etherERSPAN3, false, nil, u32(1)), []byte{0x20, 5, 0, 0x2b, 1, 2, 3, 4, 0, 0, 0, 1}, make([]byte, 8), eth4))),
		eth(etherIPv4, outer4(protoGRE, cat(greHdr(etherERSPAN2, false, nil, u32(1)), []byte{0x10, 5, 0, 0x2a, 0, 0, 0, 1}, eth4))),
		eth(etherIPv4, outer4(protoIPv6, syn6)),
		eth(etherIPv6, outer6(protoIPv4, syn4)),
		eth(etherIPv4, outer4(protoAH, cat([]byte{protoIPv4, 4, 0, 0}, make([]byte, 20), syn4))),
		udp4(portVXLAN, cat(rsvdVXLANBits, []byte{0, 0, 42, 0}, eth4)),
		udp4(portGeneve, cat([]byte{0x02, 0x00, 0x65, 0x58, 0, 0, 7, 0, 1, 2, 0x80, 1, 0, 0, 0, 0}, eth4)),
		udp4(portGTPU, cat([]byte{0x34, 0xff, 0, byte(8 + len(syn4)), 0, 0, 0, 77, 0, 0, 0, 0x85, 1, 0x10, 0x09, 0}, syn4)),
		udp4(portTeredo, cat([]byte{0, 1, 0, 0}, make([]byte, 9), []byte{0, 0, 1, 2, 3, 4, 5, 6}, syn6)),
		udp4(portAYIYA, cat([]byte{0x41, 0x52, 0x21, 41, 0, 0, 0, 1}, make([]byte, 36), syn6)),
		udp4(9999, syn4),
		eth(etherIPv4, outer4(protoESP, make([]byte, 32))),
	}
}
