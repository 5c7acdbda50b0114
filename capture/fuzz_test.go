package capture

import (
	"bytes"
	"encoding/binary"
	"reflect"
	"testing"

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
