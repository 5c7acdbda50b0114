#include "textflag.h"

// func Sum(b []byte) uint64
//
// The one's complement sum (RFC 1071) of b as little-endian 64-bit words,
// an odd tail padded with zeros, with end-around carry: see Generic,
// its reference. The main loop is one add-with-carry per 8 bytes straight
// from memory, 64 bytes per iteration; LEAQ and DECQ leave the carry flag
// alone, so the carry runs through the whole loop. That loop is one
// chain of dependent additions, 8 bytes a cycle at best; with AVX2
// (useAVX2), 128 bytes or more go through avx2 instead.
TEXT ·Sum(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	XORQ AX, AX // the sum
	CMPQ CX, $128
	JB   scalar
	CMPQ CX, $0x40000000 // 1 GiB: no 64-bit lane of avx2 can overflow below
	JAE  scalar
	CMPB ·useAVX2(SB), $0
	JNE  avx2

scalar:
	MOVQ CX, DX
	SHRQ $6, DX  // 64-byte blocks
	TESTQ DX, DX // clears the carry flag that SHRQ set
	JZ   words

blocks:
	ADCQ 0(SI), AX
	ADCQ 8(SI), AX
	ADCQ 16(SI), AX
	ADCQ 24(SI), AX
	ADCQ 32(SI), AX
	ADCQ 40(SI), AX
	ADCQ 48(SI), AX
	ADCQ 56(SI), AX
	LEAQ 64(SI), SI
	DECQ DX
	JNZ  blocks
	ADCQ $0, AX
	ADCQ $0, AX // all ones plus a carry carries once more

words:
	// Fewer than 64 bytes left: 32, 16 and 8 of them in turn, each a
	// chain of its own (TESTQ clears the carry flag).
	TESTQ $32, CX
	JZ    sixteen
	ADDQ  0(SI), AX
	ADCQ  8(SI), AX
	ADCQ  16(SI), AX
	ADCQ  24(SI), AX
	ADCQ  $0, AX
	ADCQ  $0, AX
	LEAQ  32(SI), SI

sixteen:
	TESTQ $16, CX
	JZ    eight
	ADDQ  0(SI), AX
	ADCQ  8(SI), AX
	ADCQ  $0, AX
	ADCQ  $0, AX
	LEAQ  16(SI), SI

eight:
	TESTQ $8, CX
	JZ    four
	ADDQ  0(SI), AX
	ADCQ  $0, AX // cannot carry again
	LEAQ  8(SI), SI

four:
	TESTQ $4, CX
	JZ    two
	MOVLQZX 0(SI), BX
	ADDQ  BX, AX
	ADCQ  $0, AX // cannot carry again
	LEAQ  4(SI), SI

two:
	TESTQ $2, CX
	JZ    one
	MOVWQZX 0(SI), BX
	ADDQ  BX, AX
	ADCQ  $0, AX
	LEAQ  2(SI), SI

one:
	TESTQ $1, CX
	JZ    done
	MOVBQZX 0(SI), BX
	ADDQ  BX, AX
	ADCQ  $0, AX

done:
	MOVQ AX, ret+24(FP)
	RET

// avx2 sums the 64-byte blocks of b as 32-bit little-endian words, each
// widened to a 64-bit lane (VPMOVZXDQ) and added without carry into four
// accumulators of four lanes, independent chains; the lanes' total, less
// than 2^62 for b under 1 GiB, is congruent to Generic's sum modulo
// 2^32-1 and so modulo 0xffff (2^32 = 1 there). The tail of fewer than
// 64 bytes then goes through words, adding to it with end-around carry.
avx2:
	MOVQ CX, DX
	SHRQ $6, DX // 64-byte blocks, at least 2
	VPXOR Y0, Y0, Y0
	VPXOR Y1, Y1, Y1
	VPXOR Y2, Y2, Y2
	VPXOR Y3, Y3, Y3

avx2blocks:
	VPMOVZXDQ 0(SI), Y4
	VPMOVZXDQ 16(SI), Y5
	VPMOVZXDQ 32(SI), Y6
	VPMOVZXDQ 48(SI), Y7
	VPADDQ    Y4, Y0, Y0
	VPADDQ    Y5, Y1, Y1
	VPADDQ    Y6, Y2, Y2
	VPADDQ    Y7, Y3, Y3
	ADDQ      $64, SI
	DECQ      DX
	JNZ       avx2blocks
	VPADDQ       Y1, Y0, Y0
	VPADDQ       Y3, Y2, Y2
	VPADDQ       Y2, Y0, Y0
	VEXTRACTI128 $1, Y0, X1
	VPADDQ       X1, X0, X0
	VPEXTRQ      $1, X0, BX
	MOVQ         X0, AX
	ADDQ         BX, AX // cannot carry: see above
	VZEROUPPER
	JMP          words // TESTQ there clears the carry flag

// func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL eaxArg+0(FP), AX
	MOVL ecxArg+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET

// func xgetbv() (eax, edx uint32)
TEXT ·xgetbv(SB), NOSPLIT, $0-8
	MOVL $0, CX
	XGETBV
	MOVL AX, eax+0(FP)
	MOVL DX, edx+4(FP)
	RET
