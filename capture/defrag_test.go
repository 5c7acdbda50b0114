package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// The fragments below are built byte by byte from the standards' layouts:
//
//   - IPv4 (RFC 791 §3.1): the Flags/Fragment Offset word at bytes 6-7
//     holds DF (0x4000), MF (0x2000) and the offset in 8-octet units; every
//     fragment repeats the header, with Total Length its own length.
//   - IPv6 (RFC 8200 §4.5): each fragment is the unfragmentable part (the
//     IPv6 header and the extension headers before the Fragment header),
//     a Fragment header (next header, reserved, offset<<3 | M, 32-bit
//     identification) and a fragment of the fragmentable part; the
//     Payload Length is the fragment's own.

// piece is a fragment of a datagram's payload: [off, off+n), more set on
// all but the last.
type fragPiece struct {
	off, n int
	more   bool
}

// frag4 splits the IPv4 packet pkt into fragments of its payload.
func frag4(pkt []byte, id uint16, pieces ...fragPiece) [][]byte {
	ihl := int(pkt[0]&0x0f) * 4
	pay := pkt[ihl:]
	var out [][]byte
	for _, p := range pieces {
		data := pay[p.off:min(p.off+p.n, len(pay))]
		f := append(bytes.Clone(pkt[:ihl]), data...)
		binary.BigEndian.PutUint16(f[2:], uint16(len(f)))
		binary.BigEndian.PutUint16(f[4:], id)
		fo := uint16(p.off / 8)
		if p.more {
			fo |= 0x2000
		}
		binary.BigEndian.PutUint16(f[6:], fo)
		setIPv4Checksum(f)
		out = append(out, f)
	}
	return out
}

// setIPv4Checksum sets the header checksum of the IPv4 packet b (RFC 791
// §3.1: the one's complement of the one's complement sum of the header's
// 16-bit words, the checksum field taken as zero).
func setIPv4Checksum(b []byte) {
	ihl := int(b[0]&0x0f) * 4
	b[10], b[11] = 0, 0
	binary.BigEndian.PutUint16(b[10:], ^refSum(b[:ihl]))
}

// frag6 splits the IPv6 packet pkt (with no extension headers) into
// fragments of its payload, with hbh, if not nil, a hop-by-hop options
// header in the unfragmentable part.
func frag6(pkt []byte, id uint32, hbh []byte, pieces ...fragPiece) [][]byte {
	pay := pkt[40:]
	var out [][]byte
	for _, p := range pieces {
		data := pay[p.off:min(p.off+p.n, len(pay))]
		f := append(bytes.Clone(pkt[:40]), hbh...)
		fh := make([]byte, 8)
		fh[0] = pkt[6] // the fragmentable part starts with the original next header
		v := uint16(p.off)
		if p.more {
			v |= 1
		}
		binary.BigEndian.PutUint16(fh[2:], v)
		binary.BigEndian.PutUint32(fh[4:], id)
		f[6] = 44
		if hbh != nil {
			f[6], f[40] = 0, 44
		}
		f = append(append(f, fh...), data...)
		binary.BigEndian.PutUint16(f[4:], uint16(len(f)-40))
		out = append(out, f)
	}
	return out
}

// timedSource yields raw IP frames at the given times.
type timedSource struct {
	frames [][]byte
	times  []time.Time
	i      int
}

func (s *timedSource) ReadFrame() ([]byte, FrameInfo, LinkType, error) {
	if s.i == len(s.frames) {
		return nil, FrameInfo{}, 0, io.EOF
	}
	f, ts := s.frames[s.i], t0
	if s.i < len(s.times) {
		ts = s.times[s.i]
	}
	s.i++
	// A copy that the next read scribbles over, as a zero-copy source's
	// buffer is reused.
	buf := bytes.Clone(f)
	return buf, FrameInfo{Timestamp: ts, CaptureLength: len(f), Length: len(f)}, LinkRaw, nil
}

func (s *timedSource) Close() error { return nil }

type got struct {
	pkt     uint64
	payload []byte
	seg     segment.Segment
}

func readFrags(t *testing.T, src Source) ([]got, Stats) {
	t.Helper()
	r := NewReader(src)
	var out []got
	var seg segment.Segment
	var err error
	for err = r.Next(&seg); err == nil; err = r.Next(&seg) {
		out = append(out, got{seg.Pkt, bytes.Clone(seg.Payload), seg})
	}
	if !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	st := r.Stats()
	checkInvariant(t, st)
	return out, st
}

var fragPayload = func() []byte {
	b := make([]byte, 100)
	for i := range b {
		b[i] = byte('a' + i%26)
	}
	return b
}()

func fragSpec() tcpSpec {
	return tcpSpec{src: cli4, dst: srv4, sport: 40000, dport: 80, seq: 101, ack: 501,
		flags: segment.ACK | segment.PSH, win: 502, opts: tsOpt(7, 8), payload: fragPayload}
}

// TCP header (32 bytes with timestamps) + 100 bytes = 132 bytes of IP payload.
var (
	p0  = fragPiece{0, 40, true}
	p1  = fragPiece{40, 48, true}
	p2  = fragPiece{88, 44, false}
	all = []fragPiece{p0, p1, p2}
)

func TestDefragIPv4(t *testing.T) {
	pkt := ip4(t, fragSpec())
	fr := frag4(pkt, 0x4242, all...)
	want, _ := readFrags(t, &fakeSource{frames: [][]byte{pkt}, links: []LinkType{LinkRaw}})
	for _, c := range []struct {
		name   string
		frames [][]byte
		pkt    uint64 // packet number of the reassembled segment
		dups   uint64
	}{
		{"in order", fr, 3, 0},
		{"reversed", [][]byte{fr[2], fr[1], fr[0]}, 3, 0},
		{"out of order", [][]byte{fr[0], fr[2], fr[1]}, 3, 0},
		{"duplicate", [][]byte{fr[0], fr[0], fr[1], fr[2]}, 4, 1},
		{"duplicate inside a run", [][]byte{fr[0], fr[1], frag4(pkt, 0x4242, fragPiece{8, 16, true})[0], fr[2]}, 4, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, st := readFrags(t, &timedSource{frames: c.frames})
			if len(out) != 1 {
				t.Fatalf("%d segments; want 1", len(out))
			}
			g := out[0]
			if g.pkt != c.pkt {
				t.Errorf("Pkt = %d; want %d (the fragment that completed it)", g.pkt, c.pkt)
			}
			if !bytes.Equal(g.payload, fragPayload) {
				t.Errorf("payload %q", g.payload)
			}
			w := want[0].seg
			w.Pkt, w.Payload, g.seg.Payload = g.seg.Pkt, nil, nil
			w.IPID = 0x4242
			if !equalSeg(g.seg, w) {
				t.Errorf("segment\n got %+v\nwant %+v", g.seg, w)
			}
			f := st.Frag
			if f.Reassembled != 1 || f.Duplicates != c.dups || f.Conflicts != 0 || f.Incomplete != 0 || st.TCP != 1 || st.Fragments != uint64(len(c.frames)-1) {
				t.Errorf("stats %+v", st)
			}
		})
	}
}

func TestDefragIPv6(t *testing.T) {
	s := fragSpec()
	s.src, s.dst = cli6, srv6
	pkt := ip6(t, s)
	// A hop-by-hop header in the unfragmentable part (RFC 8200 §4.3):
	// next header, length 0 (8 bytes), PadN of 4.
	hbh := make([]byte, 8)
	hbh[2], hbh[3] = 1, 4
	for _, c := range []struct {
		name   string
		unfrag []byte
	}{{"plain", nil}, {"hop-by-hop before the fragment header", hbh}} {
		t.Run(c.name, func(t *testing.T) {
			fr := frag6(pkt, 0xdeadbeef, c.unfrag, p2, p0, p1)
			out, st := readFrags(t, &timedSource{frames: fr})
			if len(out) != 1 || out[0].pkt != 3 || !bytes.Equal(out[0].payload, fragPayload) {
				t.Fatalf("got %+v", out)
			}
			g := out[0].seg
			if g.Seq != 101 || g.Ack != 501 || !g.Opts.HasTS || g.PayloadLen != 100 || g.IPLen != 40+len(c.unfrag)+132 {
				t.Errorf("segment %+v", g)
			}
			if st.Frag.Reassembled != 1 || st.Fragments != 2 || st.TCP != 1 {
				t.Errorf("stats %+v", st)
			}
		})
	}
}

// Overlaps: RFC 5722 §4 for IPv6, and Linux for IPv4 since 2018, drop
// the whole datagram; a duplicate inside one run is ignored, and a
// conflicting one is reported but the first copy kept.
func TestDefragOverlap(t *testing.T) {
	pkt := ip4(t, fragSpec())
	evil := bytes.Clone(pkt)
	copy(evil[20+32:], "EVIL")
	fr := frag4(pkt, 7, all...)
	overlap := frag4(evil, 7, fragPiece{32, 16, true})[0] // [32,48): past p0's end
	t.Run("conflicting overlap drops the datagram", func(t *testing.T) {
		out, st := readFrags(t, &timedSource{frames: [][]byte{fr[0], overlap, fr[1], fr[2]}})
		if len(out) != 0 {
			t.Fatalf("delivered %+v", out)
		}
		f := st.Frag
		// The overlap kills the train; the later fragments start a new
		// one that never completes.
		if f.Overlaps != 1 || f.Conflicts != 1 || f.Incomplete != 1 || f.Reassembled != 0 || st.Fragments != 4 {
			t.Errorf("stats %+v", f)
		}
		ex := f.OverlapExamples()
		if len(ex) != 1 || ex[0].Src.String() != cli4 || ex[0].Dst.String() != srv4 || ex[0].ID != 7 || ex[0].FirstPkt != 1 || ex[0].Pkt != 2 || !ex[0].Conflict || ex[0].Duplicate {
			t.Errorf("example %+v", ex)
		}
	})
	t.Run("identical overlap drops it too", func(t *testing.T) {
		same := frag4(pkt, 7, fragPiece{32, 16, true})[0]
		_, st := readFrags(t, &timedSource{frames: [][]byte{fr[0], same, fr[1], fr[2]}})
		if f := st.Frag; f.Overlaps != 1 || f.Conflicts != 0 || f.Reassembled != 0 {
			t.Errorf("stats %+v", f)
		}
	})
	t.Run("across two fragments of one run is a duplicate", func(t *testing.T) {
		// Linux appends in-order fragments to one run; a fragment inside
		// a run is a duplicate, even across two fragments' bytes.
		out, st := readFrags(t, &timedSource{frames: [][]byte{fr[0], fr[1], overlap, fr[2]}})
		if f := st.Frag; len(out) != 1 || f.Duplicates != 1 || f.Conflicts != 1 || f.Overlaps != 0 || !bytes.Equal(out[0].payload, fragPayload) {
			t.Errorf("%d segments, %+v", len(out), f)
		}
	})
	t.Run("across two runs is an overlap", func(t *testing.T) {
		out, st := readFrags(t, &timedSource{frames: [][]byte{fr[1], fr[0], frag4(pkt, 7, fragPiece{32, 16, true})[0], fr[2]}})
		if f := st.Frag; len(out) != 0 || f.Overlaps != 1 || f.Conflicts != 0 {
			t.Errorf("%d segments, %+v", len(out), f)
		}
	})
	t.Run("conflicting duplicate keeps the first copy", func(t *testing.T) {
		dup := frag4(evil, 7, fragPiece{0, 40, true})[0]
		out, st := readFrags(t, &timedSource{frames: [][]byte{fr[0], dup, fr[1], fr[2]}})
		if len(out) != 1 || !bytes.Equal(out[0].payload, fragPayload) {
			t.Fatalf("got %+v", out)
		}
		f := st.Frag
		if f.Duplicates != 1 || f.Conflicts != 1 || f.Overlaps != 0 || f.Reassembled != 1 {
			t.Errorf("stats %+v", f)
		}
		if ex := f.OverlapExamples(); len(ex) != 1 || !ex[0].Duplicate || !ex[0].Conflict || ex[0].Pkt != 2 {
			t.Errorf("example %+v", ex)
		}
	})
}

// A first fragment holding fewer than 20 bytes of TCP header (RFC 1858
// §3.1, "tiny fragment attack"): IPv4 reassembles it as Linux does; IPv6
// drops it (RFC 8200 §4.5).
func TestDefragTinyFirst(t *testing.T) {
	pieces := []fragPiece{{0, 8, true}, {8, 124, false}}
	fr := frag4(ip4(t, fragSpec()), 9, pieces...)
	out, st := readFrags(t, &timedSource{frames: fr})
	if len(out) != 1 || st.Frag.TinyFirst != 1 || st.Frag.Reassembled != 1 {
		t.Errorf("IPv4: %d segments, %+v", len(out), st.Frag)
	}
	if ex := st.Frag.TinyExamples(); len(ex) != 1 || ex[0].ID != 9 || ex[0].Pkt != 1 {
		t.Errorf("examples %+v", ex)
	}
	s := fragSpec()
	s.src, s.dst = cli6, srv6
	fr = frag6(ip6(t, s), 9, nil, pieces...)
	out, st = readFrags(t, &timedSource{frames: fr})
	if len(out) != 0 || st.Frag.TinyFirst != 1 || st.Frag.Incomplete != 1 || st.Fragments != 2 {
		t.Errorf("IPv6: %d segments, %+v", len(out), st)
	}
}

func TestDefragTimeout(t *testing.T) {
	fr := frag4(ip4(t, fragSpec()), 1, all...)
	at := func(secs ...float64) []time.Time {
		var ts []time.Time
		for _, s := range secs {
			ts = append(ts, t0.Add(time.Duration(s*float64(time.Second))))
		}
		return ts
	}
	out, st := readFrags(t, &timedSource{frames: fr, times: at(0, 10, 29.9)})
	if len(out) != 1 || st.Frag.Incomplete != 0 {
		t.Errorf("within 30 s: %d segments, %+v", len(out), st.Frag)
	}
	// The timer runs from the first fragment, on the capture clock.
	out, st = readFrags(t, &timedSource{frames: fr, times: at(0, 20, 30)})
	if len(out) != 0 || st.Frag.Incomplete != 2 || st.Frag.TimedOut != 1 {
		t.Errorf("after 30 s: %d segments, %+v", len(out), st.Frag)
	}
	ex := st.Frag.IncompleteExamples()
	if len(ex) != 2 || !ex[0].First.Equal(t0) || ex[0].FirstPkt != 1 || ex[0].Pkt != 2 || ex[1].FirstPkt != 3 {
		t.Errorf("examples %+v", ex)
	}
	// IPv6 waits 60 s (RFC 8200 §4.5, Linux's ip6frag_time), even behind
	// an IPv4 train that expires first.
	s := fragSpec()
	s.src, s.dst = cli6, srv6
	fr6 := frag6(ip6(t, s), 1, nil, all...)
	frames := [][]byte{fr6[0], fr[0], fr6[1], fr[1], fr6[2]}
	out, st = readFrags(t, &timedSource{frames: frames, times: at(0, 1, 40, 45, 59)})
	if len(out) != 1 || out[0].seg.Src.Is4() || st.Frag.TimedOut != 1 {
		t.Errorf("IPv6 within 60 s: %d segments, %+v", len(out), st.Frag)
	}
	out, st = readFrags(t, &timedSource{frames: frames, times: at(0, 1, 40, 45, 60)})
	if len(out) != 0 || st.Frag.TimedOut != 2 {
		t.Errorf("IPv6 after 60 s: %d segments, %+v", len(out), st.Frag)
	}
}

// Inconsistent trains Linux refuses (ip_frag_queue): two different ends,
// bytes past the end, an empty fragment.
func TestDefragInvalid(t *testing.T) {
	pkt := ip4(t, fragSpec())
	fr := frag4(pkt, 3, all...)
	short := frag4(pkt, 3, fragPiece{88, 40, false})[0]
	past := append(bytes.Clone(fr[2]), make([]byte, 8)...) // [88,140) with MF
	binary.BigEndian.PutUint16(past[2:], uint16(len(past)))
	past[6] |= 0x20
	for name, frames := range map[string][][]byte{
		"two ends":        {fr[2], short, fr[0], fr[1]},
		"past the end":    {fr[2], fr[0], past, fr[1]},
		"IPv4 empty frag": {fr[0], frag4(pkt, 3, fragPiece{40, 0, true})[0], fr[1], fr[2]},
	} {
		out, st := readFrags(t, &timedSource{frames: frames})
		if len(out) != 0 || st.Frag.Invalid != 1 {
			t.Errorf("%s: %d segments, %+v", name, len(out), st.Frag)
		}
	}
}

func TestDefragCaps(t *testing.T) {
	pkt := ip4(t, fragSpec())
	var frames [][]byte
	for id := range FragMaxTrains + 3 {
		frames = append(frames, frag4(pkt, uint16(id), p0)[0])
	}
	_, st := readFrags(t, &timedSource{frames: frames})
	if st.Frag.CapDropped != 3 || st.Frag.Incomplete != FragMaxTrains {
		t.Errorf("trains: %+v", st.Frag)
	}
	if len(st.Frag.IncompleteExamples()) != MaxFragExamples {
		t.Errorf("examples not bounded: %d", len(st.Frag.IncompleteExamples()))
	}
	// Bytes: 64 KB first fragments, beyond 4 MiB.
	big := ip4(t, tcpSpec{src: cli4, dst: srv4, sport: 1, dport: 2, flags: segment.ACK, payload: make([]byte, 65000)})
	frames = frames[:0]
	for id := range 80 {
		frames = append(frames, frag4(big, uint16(id), fragPiece{0, 64000, true})[0])
	}
	_, st = readFrags(t, &timedSource{frames: frames})
	held := (80 - st.Frag.CapDropped) * 64000
	if st.Frag.CapDropped == 0 || held > FragMaxBytes {
		t.Errorf("bytes: %+v", st.Frag)
	}
}

// A fragment cut by the snaplen: the datagram is delivered with what
// was captured, and PayloadLen from the IP header.
func TestDefragSnaplen(t *testing.T) {
	fr := frag4(ip4(t, fragSpec()), 5, all...)
	fr[1] = fr[1][:20+10]
	out, _ := readFrags(t, &timedSource{frames: fr})
	if len(out) != 1 || out[0].seg.PayloadLen != 100 || !bytes.Equal(out[0].payload, fragPayload[:40+10-32]) {
		t.Fatalf("got %+v", out)
	}
}

// Read-ahead copies a reassembled payload into its batch like any other.
func TestDefragAhead(t *testing.T) {
	fr := frag4(ip4(t, fragSpec()), 5, all...)
	frames := append(fr, ip4(t, synSpec), ip4(t, synSpec))
	a := NewAhead(NewReader(&timedSource{frames: frames}), nil)
	defer a.Close()
	var segs []segment.Segment
	var seg segment.Segment
	for a.Next(&seg) == nil {
		segs = append(segs, seg)
	}
	if len(segs) != 3 || !bytes.Equal(segs[0].Payload, fragPayload) || segs[0].Pkt != 3 {
		t.Fatalf("got %d segments, first %+v", len(segs), segs[0])
	}
	if st := a.Stats(); st.Frag.Reassembled != 1 || st.Fragments != 2 {
		t.Errorf("stats %+v", st)
	}
}

// Unfragmented traffic never touches the reassembler.
func TestDefragNotOnHotPath(t *testing.T) {
	r := NewReader(&fakeSource{frames: [][]byte{ip4(t, synSpec)}, links: []LinkType{LinkRaw}, loop: true})
	var seg segment.Segment
	if n := testing.AllocsPerRun(1000, func() { r.Next(&seg) }); n != 0 || r.frag != nil {
		t.Errorf("%v allocs, reassembler %v", n, r.frag)
	}
}

func equalSeg(a, b segment.Segment) bool {
	a.Payload, b.Payload = nil, nil
	return a.Time.Equal(b.Time) && a.Src == b.Src && a.Dst == b.Dst && a.SrcPort == b.SrcPort &&
		a.DstPort == b.DstPort && a.Seq == b.Seq && a.Ack == b.Ack && a.Flags == b.Flags &&
		a.Window == b.Window && a.PayloadLen == b.PayloadLen && a.IPLen == b.IPLen &&
		a.TTL == b.TTL && a.IPID == b.IPID && a.Opts == b.Opts && a.Pkt == b.Pkt
}

// TestDefragChecksum: a reassembled datagram's TCP checksum is verified
// over the whole reassembled segment (IPv4, and IPv6 with its
// pseudo-header), and the IPv4 header checksum as the first fragment
// carried it; a datagram whose fragments the snaplen cut is unverifiable,
// counted, and never bad.
func TestDefragChecksum(t *testing.T) {
	damaged := func(pkt []byte) []byte { // a payload byte of the second fragment
		c := bytes.Clone(pkt)
		c[len(c)-60] ^= 0x55
		return c
	}
	spec6 := fragSpec()
	spec6.src, spec6.dst = cli6, srv6
	badHdr := frag4(ip4(t, fragSpec()), 9, all...)
	badHdr[0][8]-- // the first fragment's TTL, its header checksum unchanged
	cut := frag4(damaged(ip4(t, fragSpec())), 10, all...)
	cut[1] = cut[1][:20+10]
	for _, tc := range []struct {
		name       string
		frames     [][]byte
		mode       ChecksumMode
		bad        bool
		reason     Reason
		unverified uint64
	}{
		{"ipv4 good", frag4(ip4(t, fragSpec()), 5, all...), ChecksumVerify, false, 0, 0},
		{"ipv4 good, fragments in reverse", frag4(ip4(t, fragSpec()), 5, p2, p1, p0), ChecksumVerify, false, 0, 0},
		{"ipv4 bad TCP", frag4(damaged(ip4(t, fragSpec())), 6, all...), ChecksumVerify, true, BadTCPChecksum, 0},
		{"ipv4 bad first header", badHdr, ChecksumVerify, true, BadIPv4Checksum, 0},
		{"ipv6 good", frag6(ip6(t, spec6), 7, nil, all...), ChecksumVerify, false, 0, 0},
		{"ipv6 bad TCP", frag6(damaged(ip6(t, spec6)), 8, nil, all...), ChecksumVerify, true, BadTCPChecksum, 0},
		{"ipv4 bad TCP, checksums off", frag4(damaged(ip4(t, fragSpec())), 6, all...), ChecksumOff, false, 0, 0},
		{"ipv4 cut by the snaplen", cut, ChecksumVerify, false, 0, 1},
		{"ipv4 cut, checksums off", cut, ChecksumOff, false, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := NewReader(&timedSource{frames: tc.frames})
			r.SetChecksums(tc.mode)
			var seg segment.Segment
			if err := r.Next(&seg); err != nil {
				t.Fatal(err)
			}
			st := r.Stats()
			if st.Frag.Reassembled != 1 || seg.BadChecksum != tc.bad {
				t.Errorf("reassembled %d, BadChecksum %v; want 1, %v", st.Frag.Reassembled, seg.BadChecksum, tc.bad)
			}
			if tc.bad && st.Noted[tc.reason] != 1 {
				t.Errorf("noted %v", st.Noted)
			}
			if st.Frag.Unverifiable != tc.unverified {
				t.Errorf("unverifiable %d; want %d", st.Frag.Unverifiable, tc.unverified)
			}
		})
	}
}

// The reassembled IPv4 header's checksum is updated for the fields
// reassembly rewrites (RFC 1624): right when the first fragment's was.
func TestDefragHeaderChecksum(t *testing.T) {
	r := NewReader(&timedSource{frames: frag4(ip4(t, fragSpec()), 5, all...)})
	var seg segment.Segment
	if err := r.Next(&seg); err != nil {
		t.Fatal(err)
	}
	h := r.frag.out[:20]
	if got := refSum(h); got != 0xffff {
		t.Errorf("reassembled header sums to %#04x; want 0xffff", got)
	}
	if binary.BigEndian.Uint16(h[2:]) != 20+132 || h[6]&0x3f != 0 || h[7] != 0 {
		t.Errorf("header % x", h)
	}
}
