package onesum

// Sum returns a sum of b that folds to the same 16 bits as Generic's, in
// assembly (sum_amd64.s). Inputs of 128 bytes or more are summed with
// AVX2 where the CPU and the OS support it (useAVX2): 32-bit words
// widened to 64-bit lanes and added without carries, which is congruent
// to Generic's sum modulo 0xffff and, like it, zero only for zero data.
//
//go:noescape
func Sum(b []byte) uint64

// useAVX2 says that Sum may use AVX2: set once, at start-up, from CPUID
// (as the runtime's internal/cpu does); a test turns it off to test the
// other path.
var useAVX2 = hasAVX2()

func hasAVX2() bool {
	maxID, _, _, _ := cpuid(0, 0)
	if maxID < 7 {
		return false
	}
	_, _, ecx1, _ := cpuid(1, 0)
	const osxsave, avx = 1 << 27, 1 << 28
	if ecx1&osxsave == 0 || ecx1&avx == 0 {
		return false
	}
	if xcr0, _ := xgetbv(); xcr0&6 != 6 { // the OS saves the XMM and YMM state
		return false
	}
	_, ebx7, _, _ := cpuid(7, 0)
	return ebx7&(1<<5) != 0
}

func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)
func xgetbv() (eax, edx uint32)
