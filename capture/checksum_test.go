package capture

import (
	"bytes"
	"encoding/binary"
	"io"
	"math/bits"
	"math/rand/v2"
	"net"
	"net/netip"
	"slices"
	"strconv"
	"testing"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"

	"github.com/flowtrace/flowtrace/capture/internal/onesum"
	"github.com/flowtrace/flowtrace/segment"
)

// refSum is RFC 1071's reference algorithm: 16-bit words, end-around
// carry, an odd last byte padded with zero.
func refSum(b []byte) uint16 {
	var s uint32
	for i := 0; i+1 < len(b); i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		s += uint32(b[len(b)-1]) << 8
	}
	for s > 0xffff {
		s = s>>16 + s&0xffff
	}
	return uint16(s)
}

// sum is the tests' own big-endian accumulator: acc plus RFC 1071's sum
// of b (refSum), to be folded. The checker's sums are onesum's, tested
// against the same reference there.
func sum(acc uint64, b []byte) uint64 { return acc + uint64(refSum(b)) }

// TestSum20: the inline sum of a 20-byte IPv4 header folds to RFC
// 1071's sum byte-swapped.
func TestSum20(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		h := make([]byte, 20)
		for i := range h {
			h[i] = byte(rng.Uint32())
		}
		if rng.IntN(4) == 0 {
			for i := range h {
				h[i] = 0xff // every addition carries
			}
		}
		got, want := bits.ReverseBytes16(fold(sum20((*[20]byte)(h)))), refSum(h)
		if got != want && !(got == 0xffff && want == 0 || got == 0 && want == 0xffff) {
			t.Fatalf("% x: %#04x, RFC 1071 %#04x", h, got, want)
		}
	}
}

// ckStatusOf decodes frame (raw IP) with a checker and returns what the
// checker concluded.
func ckStatusOf(t *testing.T, frame []byte) ckStatus {
	t.Helper()
	var seg segment.Segment
	var noted [NumReasons]uint64
	k := checker{mode: ChecksumVerify}
	if v, r := decode(frame, LinkRaw, &seg, &noted, &k); v != isTCP {
		t.Fatalf("decode: %v %v", v, r)
	}
	return k.status
}

// tcpAt returns the offset of the TCP header in a raw IP packet built by
// ip4 or ip6 without extension headers.
func tcpAt(b []byte) int {
	if b[0]>>4 == 6 {
		return 40
	}
	return int(b[0]&0x0f) * 4
}

// TestChecksumAgainstGopacket: segments whose checksums gopacket computed
// (IPv4 and IPv6, payloads of odd and even lengths, with and without
// options) verify as good; one flipped bit anywhere in the TCP segment or
// the pseudo-header makes them bad.
func TestChecksumAgainstGopacket(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 8, 9, 31, 33, 1447, 1448} {
		payload := make([]byte, n)
		for i := range payload {
			payload[i] = byte(i*7 + 3)
		}
		spec := tcpSpec{src: cli4, dst: srv4, sport: 40000, dport: 80, seq: 1, ack: 2, flags: segment.ACK | segment.PSH, win: 502, opts: tsOpt(7, 8), payload: payload}
		for _, fam := range []string{"ipv4", "ipv6"} {
			var b []byte
			if fam == "ipv4" {
				b = ip4(t, spec)
			} else {
				b = ip6(t, v6(spec))
			}
			if st := ckStatusOf(t, b); st != ckGood {
				t.Fatalf("%s len %d: status %d; want good", fam, n, st)
			}
			tcp := tcpAt(b)
			// Flip a bit in the TCP header, the payload's last byte,
			// and the source address (pseudo-header).
			for _, at := range []int{tcp + 4, len(b) - 1, map[string]int{"ipv4": 12, "ipv6": 8}[fam]} {
				if at < tcp && fam == "ipv4" {
					continue // the IPv4 header checksum catches this first; tested below
				}
				if at == len(b)-1 && n == 0 {
					continue
				}
				c := slices.Clone(b)
				c[at] ^= 0x10
				if st := ckStatusOf(t, c); st != ckBadTCP {
					t.Errorf("%s len %d, bit flipped at %d: status %d; want bad TCP", fam, n, at, st)
				}
			}
		}
	}
}

// TestChecksumEdges covers the IPv4 header checksum, the zero checksum,
// 0xffff (the other one's complement zero), CHECKSUM_PARTIAL, and what
// cannot be verified.
func TestChecksumEdges(t *testing.T) {
	spec := tcpSpec{src: cli4, dst: srv4, sport: 40000, dport: 80, seq: 1, ack: 2, flags: segment.ACK, win: 502, payload: []byte("odd")}
	b := ip4(t, spec)
	tcp := tcpAt(b)
	setCk := func(p []byte, v uint16) []byte {
		c := slices.Clone(p)
		binary.BigEndian.PutUint16(c[tcpAt(c)+16:], v)
		return c
	}

	t.Run("bad IPv4 header checksum", func(t *testing.T) {
		c := slices.Clone(b)
		c[10] ^= 1
		if st := ckStatusOf(t, c); st != ckBadIP {
			t.Errorf("status %d; want bad IP", st)
		}
		c = slices.Clone(b)
		c[8]-- // TTL changed by a router that did not update the checksum
		if st := ckStatusOf(t, c); st != ckBadIP {
			t.Errorf("TTL: status %d; want bad IP", st)
		}
	})
	t.Run("zero checksum is bad", func(t *testing.T) {
		if st := ckStatusOf(t, setCk(b, 0)); st != ckBadTCP {
			t.Errorf("status %d; want bad TCP", st)
		}
	})
	t.Run("correct checksum 0x0000, and 0xffff for it", func(t *testing.T) {
		// Choose the urgent pointer so that the correct checksum is
		// 0x0000: the sum of everything else must fold to 0xffff.
		c := slices.Clone(b)
		binary.BigEndian.PutUint16(c[tcp+16:], 0)
		binary.BigEndian.PutUint16(c[tcp+18:], 0)
		end := len(c)
		ph := sum(0, c[12:20]) + protoTCP + uint64(end-tcp)
		rest := fold(sum(ph, c[tcp:end]))
		binary.BigEndian.PutUint16(c[tcp+18:], 0xffff-rest) // one's complement difference
		ref := &layers.TCP{}
		if err := ref.DecodeFromBytes(c[tcp:], gopacket.NilDecodeFeedback); err != nil {
			t.Fatal(err)
		}
		ip := &layers.IPv4{SrcIP: net.IP(c[12:16]), DstIP: net.IP(c[16:20]), Protocol: layers.IPProtocolTCP}
		ref.SetNetworkLayerForChecksum(ip)
		want, err := ref.ComputeChecksum()
		if err != nil {
			t.Fatal(err)
		}
		if want != 0 {
			t.Fatalf("gopacket computes %#04x; the test wanted a segment whose checksum is 0", want)
		}
		for _, v := range []uint16{0x0000, 0xffff} {
			if st := ckStatusOf(t, setCk(c, v)); st != ckGood {
				t.Errorf("checksum %#04x: status %d; want good (both are zero in one's complement, as Linux accepts)", v, st)
			}
		}
	})
	t.Run("CHECKSUM_PARTIAL", func(t *testing.T) {
		// What Linux leaves for the NIC: the folded pseudo-header sum.
		ph := sum(0, b[12:20]) + protoTCP + uint64(len(b)-tcp)
		for _, p := range [][]byte{setCk(b, fold(ph))} {
			if st := ckStatusOf(t, p); st != ckPartialTCP {
				t.Errorf("status %d; want partial", st)
			}
		}
		b6 := ip6(t, v6(spec))
		ph6 := sum(0, b6[8:40]) + protoTCP + uint64(len(b6)-40)
		if st := ckStatusOf(t, setCk(b6, fold(ph6))); st != ckPartialTCP {
			t.Errorf("IPv6: status %d; want partial", st)
		}
	})
	t.Run("snaplen cut: not verifiable", func(t *testing.T) {
		if st := ckStatusOf(t, setCk(b, 0)[:len(b)-1]); st != ckUnverifiable {
			t.Errorf("status %d; want unverifiable", st)
		}
		b6 := setCk(ip6(t, v6(spec)), 0)
		if st := ckStatusOf(t, b6[:len(b6)-1]); st != ckUnverifiable {
			t.Errorf("IPv6: status %d; want unverifiable", st)
		}
	})
	t.Run("IP length 0 (TSO): not verifiable", func(t *testing.T) {
		z := spec
		z.ipLen = -1
		if st := ckStatusOf(t, setCk(ip4(t, z), 0)); st != ckUnverifiable {
			t.Errorf("status %d; want unverifiable", st)
		}
		if st := ckStatusOf(t, setCk(ip6(t, v6(z)), 0)); st != ckUnverifiable {
			t.Errorf("IPv6: status %d; want unverifiable", st)
		}
	})
}

// TestChecksumSourceRoute: with a source route still under way, the
// pseudo-header holds the final destination, the route's last address
// (RFC 9293 §3.1, RFC 8200 §8.1), not the IP destination field.
func TestChecksumSourceRoute(t *testing.T) {
	final4, hop4 := net.ParseIP("10.9.9.9").To4(), net.ParseIP("10.5.5.5").To4()
	spec := tcpSpec{src: cli4, dst: final4.String(), sport: 40000, dport: 80, seq: 1, flags: segment.SYN, win: 502}
	for _, tc := range []struct {
		name string
		ptr  byte
		hop  bool // rewrite the destination field to the next hop
	}{{"LSRR under way", 4, true}, {"LSRR completed", 8, false}} {
		t.Run(tc.name, func(t *testing.T) {
			s := spec
			// type, length 7, pointer, one address; then EOL padding.
			s.ipOpts = []layers.IPv4Option{{OptionType: optLSRR, OptionLength: 7, OptionData: append([]byte{tc.ptr}, final4...)}, {OptionType: 0, OptionLength: 1}}
			b := ip4(t, s)
			if tc.hop {
				copy(b[16:20], hop4)
				binary.BigEndian.PutUint16(b[10:], 0)
				binary.BigEndian.PutUint16(b[10:], ^fold(sum(0, b[:tcpAt(b)])))
			}
			if st := ckStatusOf(t, b); st != ckGood {
				t.Errorf("status %d; want good", st)
			}
		})
	}

	t.Run("IPv6 routing header, segments left", func(t *testing.T) {
		final6, hop6 := net.ParseIP("fd00::99"), net.ParseIP("fd00::55")
		s := v6(spec)
		s.dst = final6.String()
		rh := make([]byte, 23)
		rh[0], rh[1], rh[2] = 2, rtType0, 1 // 24 bytes, type 0, segments left 1
		copy(rh[7:], final6)
		b := ip6(t, s, ext6{protoRouting, rh})
		copy(b[24:40], hop6)
		if st := ckStatusOf(t, b); st != ckGood {
			t.Errorf("status %d; want good", st)
		}
		rh[2] = 0 // no segments left: the destination field is final
		b = ip6(t, s, ext6{protoRouting, rh})
		if st := ckStatusOf(t, b); st != ckGood {
			t.Errorf("segments left 0: status %d; want good", st)
		}
		rh[1], rh[2] = 3, 1 // RPL (RFC 6554): final address not computed here
		b = ip6(t, s, ext6{protoRouting, rh})
		if st := ckStatusOf(t, b); st != ckUnverifiable {
			t.Errorf("type 3: status %d; want unverifiable", st)
		}
	})
}

// TestReaderChecksumModes: the offload rule of auto, and verify and off,
// over one capture.
func TestReaderChecksumModes(t *testing.T) {
	good := func(src, dst string, seq uint32) []byte {
		return eth(etherIPv4, ip4(t, tcpSpec{src: src, dst: dst, sport: 40000, dport: 80, seq: seq, flags: segment.ACK, win: 9, payload: []byte{1, 2, 3}}))
	}
	bad := func(f []byte) []byte {
		c := slices.Clone(f)
		c[len(c)-1] ^= 0xff // payload damage
		return c
	}
	partial := func(f []byte) []byte {
		c := slices.Clone(f)
		ip := c[14:]
		tcp := tcpAt(ip)
		ph := sum(0, ip[12:20]) + protoTCP + uint64(len(ip)-tcp)
		binary.BigEndian.PutUint16(ip[tcp+16:], fold(ph))
		return c
	}
	const a, b, cc, d = "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"
	frames := [][]byte{
		good(a, b, 1),               // a: first verifiable good: verified
		bad(good(b, a, 1)),          // b: first verifiable bad: offload
		bad(good(a, b, 2)),          // a: bad
		bad(good(b, a, 2)),          // b: offload, not verified
		good(b, a, 3),               // b: offload stays (kernel-made RSTs are good)
		bad(good(cc, d, 1))[:14+41], // c: cut by the snaplen: decides nothing
		bad(good(cc, d, 2)),         // c: first verifiable bad: offload
		good(d, cc, 1),              // d: verified
		partial(good(d, cc, 2)),     // d: CHECKSUM_PARTIAL: offload after all
		bad(good(d, cc, 3)),         // d: offload
		partial(good(a, b, 3)),      // a: CHECKSUM_PARTIAL: offload
	}
	run := func(m ChecksumMode, set bool) ([]bool, Stats) {
		f, err := OpenFile("-", bytes.NewReader(pcapFile(binary.LittleEndian, false, LinkEthernet, frames...)))
		if err != nil {
			t.Fatal(err)
		}
		r := NewReader(f)
		if set {
			r.SetChecksums(m)
		}
		var seg segment.Segment
		var got []bool
		for {
			if err := r.Next(&seg); err == io.EOF {
				break
			} else if err != nil {
				t.Fatal(err)
			}
			got = append(got, seg.BadChecksum)
		}
		return got, r.Stats()
	}
	addrs := func(ss ...string) []netip.Addr {
		var out []netip.Addr
		for _, s := range ss {
			out = append(out, netip.MustParseAddr(s))
		}
		return out
	}
	for _, tc := range []struct {
		mode     ChecksumMode
		set      bool
		want     []bool
		offload  []netip.Addr
		badTCP   uint64
		unverify uint64
	}{
		{ChecksumAuto, false, []bool{false, false, true, false, false, false, false, false, false, false, false}, addrs(b, cc, d, a), 1, 7},
		{ChecksumVerify, true, []bool{false, true, true, true, false, false, true, false, true, true, true}, nil, 7, 0},
		{ChecksumOff, true, make([]bool, len(frames)), nil, 0, 0},
	} {
		t.Run(tc.mode.String(), func(t *testing.T) {
			got, st := run(tc.mode, tc.set)
			if !slices.Equal(got, tc.want) {
				t.Errorf("BadChecksum = %v\n                 want %v", got, tc.want)
			}
			if l := st.OffloadListed(); !slices.Equal(l, tc.offload) || st.OffloadSenders != uint64(len(tc.offload)) {
				t.Errorf("offload = %v (%d); want %v", l, st.OffloadSenders, tc.offload)
			}
			if st.Noted[BadTCPChecksum] != tc.badTCP || st.Unverified != tc.unverify {
				t.Errorf("bad TCP %d, unverified %d; want %d, %d", st.Noted[BadTCPChecksum], st.Unverified, tc.badTCP, tc.unverify)
			}
		})
	}
}

func TestParseChecksumMode(t *testing.T) {
	for _, m := range []ChecksumMode{ChecksumAuto, ChecksumVerify, ChecksumOff} {
		if got, err := ParseChecksumMode(m.String()); err != nil || got != m {
			t.Errorf("ParseChecksumMode(%q) = %v, %v", m.String(), got, err)
		}
	}
	if _, err := ParseChecksumMode("on"); err == nil {
		t.Error("ParseChecksumMode(on): no error")
	}
}

// TestCheckerBounded: the per-sender memory keeps two generations of
// maxSenders and reuses their maps, so it neither grows without bound
// nor allocates once warm.
func TestCheckerBounded(t *testing.T) {
	var k checker
	addr := func(i int) netip.Addr { return netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}) }
	for i := range 3 * maxSenders {
		k.remember(keyOf(addr(i)), i%2 == 0)
	}
	if k.senders.n > maxSenders || k.old.n > maxSenders {
		t.Fatalf("generations of %d and %d; want at most %d", k.senders.n, k.old.n, maxSenders)
	}
	if off, known := k.lookup(keyOf(addr(3*maxSenders - 2))); !known || !off {
		t.Errorf("recent sender forgotten: %v %v", off, known)
	}
	i := 3 * maxSenders
	if n := testing.AllocsPerRun(4*maxSenders, func() { k.remember(keyOf(addr(i)), false); i++ }); n != 0 {
		t.Errorf("remember: %v allocs; want 0", n)
	}
}

// BenchmarkChecksum: the one's complement sum alone, per segment size.
func BenchmarkChecksum(b *testing.B) {
	for _, n := range []int{20, 40, 1448 + 32} {
		data := make([]byte, n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(n))
			var s uint16
			for b.Loop() {
				s += fold(onesum.Sum(data))
			}
			_ = s
		})
	}
}

// BenchmarkDecodeChecksums: decode with checksums verified, against
// BenchmarkDecode (the same frames, checksums off).
func BenchmarkDecodeChecksums(b *testing.B) {
	m := mix(b)
	for _, c := range []struct {
		name  string
		frame []byte
	}{{"syn4", m[0]}, {"data4", m[3]}, {"sackack4", m[4]}, {"data6", m[2*17+3]}} {
		b.Run(c.name, func(b *testing.B) {
			var seg segment.Segment
			var noted [NumReasons]uint64
			k := checker{mode: ChecksumVerify}
			b.ReportAllocs()
			for b.Loop() {
				decode(c.frame, LinkEthernet, &seg, &noted, &k)
			}
			if k.status != ckGood {
				b.Fatalf("status %d", k.status)
			}
		})
	}
}

// TestSenderKeys: a sender's key read from a packet's bytes (decode) is
// the key of its netip.Addr (judge, for tunnelled and reassembled
// segments), and IPv4 differs from IPv4-mapped IPv6.
func TestSenderKeys(t *testing.T) {
	for _, s := range []string{"10.1.2.3", "255.255.255.255", "0.0.0.0", "2001:db8::1", "::ffff:10.1.2.3", "::"} {
		a := netip.MustParseAddr(s)
		raw := a.AsSlice()
		var want senderKey
		if a.Is4() {
			want = key4(raw)
		} else {
			want = key6(raw)
		}
		if got := keyOf(a); got != want {
			t.Errorf("%s: keyOf %+v; from the bytes %+v", s, got, want)
		}
	}
	if keyOf(netip.MustParseAddr("10.1.2.3")) == keyOf(netip.MustParseAddr("::ffff:10.1.2.3")) {
		t.Error("IPv4 and IPv4-mapped IPv6 have the same key")
	}
}

// TestFold: fold equals folding by halves, carries added back, for edge
// and random values.
func TestFold(t *testing.T) {
	ref := func(s uint64) uint16 {
		for s > 0xffff {
			s = s>>16 + s&0xffff
		}
		return uint16(s)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	vals := []uint64{0, 1, 0xffff, 0x10000, 0xffffffff, 1 << 32, ^uint64(0), ^uint64(0) - 1, 0xffff_0000_0000_0001, 0x8000_0000_8000_0000}
	for range 100000 {
		vals = append(vals, rng.Uint64(), rng.Uint64()>>rng.IntN(64))
	}
	for _, v := range vals {
		if got, want := fold(v), ref(v); got != want {
			t.Fatalf("fold(%#x) = %#04x; want %#04x", v, got, want)
		}
	}
}
