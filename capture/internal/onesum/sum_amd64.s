#include "textflag.h"

// func Sum(b []byte) uint64
//
// The one's complement sum (RFC 1071) of b as little-endian 64-bit words,
// an odd tail padded with zeros, with end-around carry: see Generic,
// its reference. The main loop is one add-with-carry per 8 bytes straight
// from memory, 64 bytes per iteration; LEAQ and DECQ leave the carry flag
// alone, so the carry runs through the whole loop.
TEXT ·Sum(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	XORQ AX, AX // the sum
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
