package capture

import (
	"bytes"
	"encoding/binary"
	"testing"
	"time"

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
	f.Fuzz(func(t *testing.T, frame []byte, link uint16) {
		var seg segment.Segment
		var noted [NumReasons]uint64
		v, r := decode(frame, LinkType(link), &seg, &noted)
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
