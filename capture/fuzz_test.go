package capture

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"testing"
	"time"

	"github.com/google/gopacket/layers"

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
	// Tunnels over other link types: the tunnel pass starts from the
	// same link-layer mapping.
	gre := outer4(protoGRE, cat(greHdr(etherIPv4, false, nil, nil), syn4))
	f.Add(cat([]byte{0xff, 0x03, 0x00, 0x21}, gre), uint16(LinkPPP))
	f.Add(cat([]byte{0xff, 0x03, 0x02, 0x81}, mplsLabel(100, true), syn4), uint16(LinkPPP))
	f.Add(nflog(le, nflogIPv4, outer4(protoUDP, udpHdr(1, portVXLAN, cat([]byte{8, 0, 0, 0, 0, 0, 42, 0}, ether(cmacB, cmacA, etherIPv4, syn4))))), uint16(LinkNFLOG))
	f.Add(radiotap(0x20, append(append(dot11(8, 0x01, 0, []byte{0, 0}, nil), 0, 0), snap(etherIPv4, outer4(protoIPv6, ip6(f, v6(synSpec))))...)), uint16(LinkRadiotap))
	f.Add(pktap(le, uint32(LinkEthernet), cat(bmacB, bmacA, []byte{0x88, 0xe7, 0x00, 0x00, 0x00, 0x2a}, ether(cmacB, cmacA, etherIPv4, syn4))), uint16(LinkPKTAP))
	d := &tunneler{table: NewTunnels()}
	// Checksums: source routes (IPv4 LSRR, IPv6 routing header with
	// segments left), a bad checksum, odd lengths.
	lsrr := synSpec
	lsrr.ipOpts = []layers.IPv4Option{{OptionType: optLSRR, OptionLength: 7, OptionData: []byte{4, 10, 9, 9, 9}}, {OptionType: 0, OptionLength: 1}}
	f.Add(ip4(f, lsrr), uint16(LinkRaw))
	rh := make([]byte, 23)
	rh[0], rh[2] = 2, 1
	f.Add(ip6(f, v6(synSpec), ext6{protoRouting, rh}, ahHdr()), uint16(LinkRaw))
	odd := synSpec
	odd.payload = []byte("odd")
	badck := ip4(f, odd)
	badck[len(badck)-1] ^= 1
	f.Add(badck, uint16(LinkIPv4))
	f.Fuzz(func(t *testing.T, frame []byte, link uint16) {
		var seg segment.Segment
		var noted [NumReasons]uint64
		v, r := decode(frame, LinkType(link), &seg, &noted, nil)
		// The checksum check changes no verdict and no field.
		ck := checker{mode: ChecksumVerify}
		var seg2 segment.Segment
		var noted2 [NumReasons]uint64
		if v2, r2 := decode(frame, LinkType(link), &seg2, &noted2, &ck); v2 != v || r2 != r || v == isTCP && !reflect.DeepEqual(seg, seg2) || noted != noted2 {
			t.Fatalf("with checksums: %v %v %+v; without: %v %v %+v", v2, r2, seg2, v, r, seg)
		}
		if v != isTCP && ck.status != ckUnverifiable {
			t.Fatalf("checksum status %d for a frame that is not TCP", ck.status)
		}
		if v == notTCP { // as Reader.Next: look inside tunnels
			// The inner checksum check changes no verdict and no field either.
			tck := checker{mode: ChecksumVerify}
			v2, r2 := d.decode(frame, LinkType(link), &seg2, &noted2, &tck)
			v, r = d.decode(frame, LinkType(link), &seg, &noted, nil)
			if v2 != v || r2 != r || v == isTCP && !reflect.DeepEqual(seg, seg2) || noted != noted2 {
				t.Fatalf("tunnels with checksums: %v %v %+v; without: %v %v %+v", v2, r2, seg2, v, r, seg)
			}
			if v != isTCP && tck.status != ckUnverifiable {
				t.Fatalf("inner checksum status %d for a frame that is not TCP", tck.status)
			}
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
		case isFragment:
			if r != 0 || len(seg.Payload) == 0 || seg.PayloadLen < 20 || seg.PayloadLen > len(seg.Payload) {
				t.Fatalf("fragment: reason %v, packet %d bytes, unfragmentable part %d", r, len(seg.Payload), seg.PayloadLen)
			}
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
	f.Add(zst(f, pcapFile(le, false, LinkEthernet, frames...)))
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
		defer src.Close() // stops gzip's read-ahead goroutine
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

// FuzzDefrag: no panic, counts that add up and bounded state on any
// stream of IPv4 and IPv6 fragments. The input is a script: each record is
// a header byte (bit 0: IPv6; bit 1: MF/M; bits 2-3: which of four
// identifications; bit 4: flip the bytes), a 1-byte offset in 8-octet
// units, a 1-byte length, and a time step byte (seconds), applied to a
// fixed TCP segment, so that overlaps, duplicates, holes, timeouts and
// tiny fragments all come up.
func FuzzDefrag(f *testing.F) {
	f.Add([]byte{0, 0, 40, 0, 2, 5, 48, 0, 0, 11, 44, 0})       // IPv4 in order
	f.Add([]byte{1, 11, 44, 0, 3, 5, 48, 0, 3, 0, 40, 0})       // IPv6 reversed
	f.Add([]byte{2, 0, 16, 0, 18, 1, 16, 0, 0, 2, 200, 0})      // overlap, flipped
	f.Add([]byte{2, 0, 8, 0, 0, 1, 124, 40, 2, 0, 8, 20})       // tiny, timeout
	f.Add([]byte{2, 0, 40, 0, 2, 0, 40, 0, 0, 5, 127, 0, 0, 5}) // duplicate, ends
	f.Fuzz(runDefragScript)
}

func runDefragScript(t *testing.T, script []byte) {
	pkt4 := ip4(t, fragSpec())
	s := fragSpec()
	s.src, s.dst = cli6, srv6
	pkt6 := ip6(t, s)
	var frames [][]byte
	var times []time.Time
	now := t0
	for len(script) >= 4 && len(frames) < 256 {
		h, off, n, step := script[0], int(script[1])*8, int(script[2]), script[3]
		script = script[4:]
		pkt := pkt4
		if h&1 != 0 {
			pkt = pkt6
		}
		hlen := 20
		if h&1 != 0 {
			hlen = 40
		}
		pay := pkt[hlen:]
		end := min(off+n, len(pay))
		piece := fragPiece{off, max(end-off, 0), h&2 != 0}
		if off > len(pay) {
			piece = fragPiece{len(pay) &^ 7, 0, h&2 != 0}
		}
		var fr []byte
		if h&1 != 0 {
			fr = frag6(pkt, uint32(h>>2&3), nil, piece)[0]
		} else {
			fr = frag4(pkt, uint16(h>>2&3), piece)[0]
		}
		if h&16 != 0 {
			for i := hlen + 8*int(h&1); i < len(fr); i++ {
				fr[i] ^= 0xff
			}
		}
		now = now.Add(time.Duration(step) * time.Second)
		frames, times = append(frames, fr), append(times, now)
	}
	r := NewReader(&timedSource{frames: frames, times: times})
	var seg segment.Segment
	for r.Next(&seg) == nil {
		if seg.PayloadLen < len(seg.Payload) || seg.PayloadLen > maxIPPayload {
			t.Fatalf("PayloadLen %d, captured %d", seg.PayloadLen, len(seg.Payload))
		}
	}
	st := r.Stats()
	checkInvariant(t, st)
	if d := r.frag; d != nil && (d.bytes != 0 || len(d.trains) != 0) {
		t.Fatalf("after the end: %d bytes, %d trains held", d.bytes, len(d.trains))
	}
}
