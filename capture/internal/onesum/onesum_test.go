package onesum

import (
	"bytes"
	"math/bits"
	"math/rand/v2"
	"strconv"
	"testing"
)

// rfc1071 is the reference algorithm of RFC 1071 §4.1: 16-bit big-endian
// words added into a 32-bit accumulator, an odd last byte padded with
// zero, the carries folded back at the end.
func rfc1071(b []byte) uint16 {
	var s uint32
	for ; len(b) >= 2; b = b[2:] {
		s += uint32(b[0])<<8 | uint32(b[1])
		if s >= 1<<31 { // fold before the 32-bit accumulator could overflow
			s = s>>16 + s&0xffff
		}
	}
	if len(b) == 1 {
		s += uint32(b[0]) << 8
	}
	for s > 0xffff {
		s = s>>16 + s&0xffff
	}
	return uint16(s)
}

// fold16 folds a sum to 16 bits and swaps its bytes back to RFC 1071's
// (big-endian) order.
func fold16(s uint64) uint16 {
	s = s>>32 + s&0xffffffff
	s = s>>32 + s&0xffffffff
	s = s>>16 + s&0xffff
	s = s>>16 + s&0xffff
	return bits.ReverseBytes16(uint16(s))
}

// same says whether two 16-bit one's complement sums are equal: 0 and
// 0xffff are both zero.
func same(a, b uint16) bool { return a == b || a|b == 0xffff && (a == 0 || b == 0) }

func check(t *testing.T, b []byte, what string) {
	t.Helper()
	want := rfc1071(b)
	if got := fold16(Sum(b)); !same(got, want) {
		t.Fatalf("%s, len %d: Sum %#04x, RFC 1071 %#04x", what, len(b), got, want)
	}
	if got := fold16(Generic(b)); !same(got, want) {
		t.Fatalf("%s, len %d: Generic %#04x, RFC 1071 %#04x", what, len(b), got, want)
	}
	// capture compares folded sums with 0xffff exactly: Sum must fold to
	// Generic's very value, 0xffff (not 0) for data that is not all zero.
	if got, want := fold16(Sum(b)), fold16(Generic(b)); got != want {
		t.Fatalf("%s, len %d: Sum folds to %#04x, Generic to %#04x", what, len(b), got, want)
	}
}

// paths runs f once per way Sum can sum on this machine: with AVX2 if
// the CPU has it, and without.
func paths(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	avx2 := useAVX2
	defer func() { useAVX2 = avx2 }()
	for _, on := range []bool{false, true} {
		if on && !avx2 {
			t.Log("no AVX2 here: the AVX2 path is not tested")
			continue
		}
		useAVX2 = on
		t.Run(map[bool]string{false: "scalar", true: "avx2"}[on], f)
	}
}

// TestSumReference: Sum (assembly on amd64) and Generic equal RFC 1071's
// reference for every length 0..9000 (around every block and tail size,
// up to a jumbo frame), at every alignment 0..7 of the start, on random
// data, all-ones data (every addition carries) and zeros; with AVX2 and
// without.
func TestSumReference(t *testing.T) { paths(t, testSumReference) }

func testSumReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	buf := make([]byte, 9000+8)
	ones := bytes.Repeat([]byte{0xff}, len(buf))
	zeros := make([]byte, len(buf))
	for n := 0; n <= 9000; n++ {
		for i := range buf[:n+8] {
			buf[i] = byte(rng.Uint32())
		}
		off := n % 8 // every alignment, in turn
		check(t, buf[off:off+n], "random")
		check(t, ones[off:off+n], "ones")
		check(t, zeros[off:off+n], "zeros")
	}
	// Long runs of carries at the end of each block and tail, one zero
	// byte anywhere.
	for n := 0; n <= 200; n++ {
		for z := 0; z < n; z++ {
			b := bytes.Repeat([]byte{0xff}, n)
			b[z] = 0
			check(t, b, "ones but one")
		}
	}
}

// FuzzSum: any data, at any alignment.
func FuzzSum(f *testing.F) {
	f.Add([]byte{}, uint8(0))
	f.Add([]byte{0xff}, uint8(1))
	f.Add(bytes.Repeat([]byte{0xff}, 127), uint8(3))
	f.Add(bytes.Repeat([]byte{0x12, 0x34, 0xfe}, 100), uint8(5))
	f.Fuzz(func(t *testing.T, b []byte, off uint8) {
		o := int(off) % 8
		buf := make([]byte, o+len(b))
		copy(buf[o:], b)
		check(t, buf[o:], "fuzz")
		if useAVX2 {
			useAVX2 = false
			check(t, buf[o:], "fuzz, no AVX2")
			useAVX2 = true
		}
	})
}

// BenchmarkSum: a 20-byte header, a SYN, a full-sized segment and a
// jumbo one; Sum without AVX2 and Generic alongside for comparison.
func BenchmarkSum(b *testing.B) {
	for _, n := range []int{20, 40, 1480, 9000} {
		data := make([]byte, n)
		for _, f := range []struct {
			name string
			sum  func([]byte) uint64
		}{{"asm", Sum}, {"asm-noavx2", sumNoAVX2}, {"generic", Generic}} {
			b.Run(f.name+"/"+strconv.Itoa(n), func(b *testing.B) {
				b.SetBytes(int64(n))
				var s uint64
				for b.Loop() {
					s += f.sum(data)
				}
				_ = s
			})
		}
	}
}

// sumNoAVX2 is Sum with AVX2 off.
func sumNoAVX2(b []byte) uint64 {
	avx2 := useAVX2
	useAVX2 = false
	s := Sum(b)
	useAVX2 = avx2
	return s
}
