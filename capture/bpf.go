package capture

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// ErrBadFilter is matched (errors.Is) by the error SetFilter returns for a
// filter expression libpcap cannot compile: a usage error.
var ErrBadFilter = errors.New("bad filter")

// ErrNoLibpcap is returned by SetFilter in binaries built without cgo:
// filter expressions are compiled by libpcap.
var ErrNoLibpcap = errors.New("capture: BPF filters need libpcap (this binary was built without cgo)")

// FilterError reports a BPF expression libpcap rejected.
type FilterError struct {
	Expr string
	Link LinkType
	Msg  string // libpcap's message
}

func (e *FilterError) Error() string {
	return fmt.Sprintf("capture: bad filter %q: %s", e.Expr, e.Msg)
}

// Is makes errors.Is(err, ErrBadFilter) true.
func (e *FilterError) Is(target error) bool { return target == ErrBadFilter }

// bpfInsn is one classic BPF instruction, laid out like struct bpf_insn.
type bpfInsn struct {
	Code   uint16
	Jt, Jf uint8
	K      uint32
}

// Classic BPF opcode fields (bpf.h).
const (
	bpfLD   = 0x00
	bpfLDX  = 0x01
	bpfST   = 0x02
	bpfSTX  = 0x03
	bpfALU  = 0x04
	bpfJMP  = 0x05
	bpfRET  = 0x06
	bpfMISC = 0x07

	bpfW = 0x00
	bpfH = 0x08
	bpfB = 0x10

	bpfIMM = 0x00
	bpfABS = 0x20
	bpfIND = 0x40
	bpfMEM = 0x60
	bpfLEN = 0x80
	bpfMSH = 0xa0

	bpfADD = 0x00
	bpfSUB = 0x10
	bpfMUL = 0x20
	bpfDIV = 0x30
	bpfOR  = 0x40
	bpfAND = 0x50
	bpfLSH = 0x60
	bpfRSH = 0x70
	bpfNEG = 0x80
	bpfMOD = 0x90
	bpfXOR = 0xa0

	bpfJA   = 0x00
	bpfJEQ  = 0x10
	bpfJGT  = 0x20
	bpfJGE  = 0x30
	bpfJSET = 0x40

	bpfK = 0x00
	bpfX = 0x08
	bpfA = 0x10 // RET A

	bpfTAX = 0x00
	bpfTXA = 0x80

	bpfMemWords = 16
)

// bpfValidate checks a program the way the kernel's bpf_validate does, so
// that bpfRun needs no checks beyond packet bounds: jumps stay inside the
// program and go forward, scratch memory indexes are in range, no
// constant division by zero, every opcode known, and the last instruction
// returns.
func bpfValidate(prog []bpfInsn) error {
	if len(prog) == 0 || len(prog) > 4096 {
		return fmt.Errorf("bpf: program length %d", len(prog))
	}
	for pc, in := range prog {
		bad := false
		switch in.Code & 0x07 {
		case bpfLD, bpfLDX:
			switch in.Code & 0xe0 {
			case bpfIMM, bpfABS, bpfIND, bpfLEN:
			case bpfMEM:
				bad = in.K >= bpfMemWords
			case bpfMSH:
				bad = in.Code != bpfLDX|bpfB|bpfMSH
			default:
				bad = true
			}
			if in.Code&0x18 == 0x18 {
				bad = true // no such size
			}
		case bpfST, bpfSTX:
			bad = in.K >= bpfMemWords || in.Code&^0x07 != 0
		case bpfALU:
			switch in.Code & 0xf0 {
			case bpfADD, bpfSUB, bpfMUL, bpfOR, bpfAND, bpfLSH, bpfRSH, bpfNEG, bpfXOR:
			case bpfDIV, bpfMOD:
				bad = in.Code&bpfX == 0 && in.K == 0
			default:
				bad = true
			}
		case bpfJMP:
			var t, f int
			if in.Code&0xf0 == bpfJA {
				t, f = int(in.K), 0
				bad = in.K >= uint32(len(prog))
			} else {
				t, f = int(in.Jt), int(in.Jf)
				switch in.Code & 0xf0 {
				case bpfJEQ, bpfJGT, bpfJGE, bpfJSET:
				default:
					bad = true
				}
			}
			if pc+1+t >= len(prog) || pc+1+f >= len(prog) {
				bad = true
			}
		case bpfRET:
			switch in.Code &^ 0x07 {
			case bpfK, bpfX, bpfA:
			default:
				bad = true
			}
		case bpfMISC:
			bad = in.Code != bpfMISC|bpfTAX && in.Code != bpfMISC|bpfTXA
		}
		if bad {
			return fmt.Errorf("bpf: bad instruction %d: %+v", pc, in)
		}
	}
	if prog[len(prog)-1].Code&0x07 != bpfRET {
		return errors.New("bpf: program does not end with a return")
	}
	return nil
}

// bpfRun runs a validated program over a packet of which pkt was captured
// and wireLen was on the wire, like libpcap's pcap_offline_filter: a load
// outside pkt rejects the packet. It returns the snap length the program
// chose; 0 means reject.
func bpfRun(prog []bpfInsn, pkt []byte, wireLen uint32) uint32 {
	var a, x uint32
	var mem [bpfMemWords]uint32
	n := uint32(len(pkt))
	for pc := 0; pc < len(prog); pc++ {
		in := &prog[pc]
		switch in.Code {
		case bpfRET | bpfK:
			return in.K
		case bpfRET | bpfA:
			return a
		case bpfRET | bpfX:
			return x

		case bpfLD | bpfW | bpfABS:
			k := in.K
			if k > n || n-k < 4 {
				return 0
			}
			a = binary.BigEndian.Uint32(pkt[k:])
		case bpfLD | bpfH | bpfABS:
			k := in.K
			if k > n || n-k < 2 {
				return 0
			}
			a = uint32(binary.BigEndian.Uint16(pkt[k:]))
		case bpfLD | bpfB | bpfABS:
			if in.K >= n {
				return 0
			}
			a = uint32(pkt[in.K])
		case bpfLD | bpfW | bpfIND:
			k := x + in.K
			if k < x || k > n || n-k < 4 {
				return 0
			}
			a = binary.BigEndian.Uint32(pkt[k:])
		case bpfLD | bpfH | bpfIND:
			k := x + in.K
			if k < x || k > n || n-k < 2 {
				return 0
			}
			a = uint32(binary.BigEndian.Uint16(pkt[k:]))
		case bpfLD | bpfB | bpfIND:
			k := x + in.K
			if k < x || k >= n {
				return 0
			}
			a = uint32(pkt[k])
		case bpfLD | bpfW | bpfLEN:
			a = wireLen
		case bpfLDX | bpfW | bpfLEN:
			x = wireLen
		case bpfLD | bpfIMM:
			a = in.K
		case bpfLDX | bpfIMM:
			x = in.K
		case bpfLD | bpfMEM:
			a = mem[in.K&(bpfMemWords-1)]
		case bpfLDX | bpfMEM:
			x = mem[in.K&(bpfMemWords-1)]
		case bpfLDX | bpfB | bpfMSH:
			if in.K >= n {
				return 0
			}
			x = uint32(pkt[in.K]&0x0f) << 2
		case bpfST:
			mem[in.K&(bpfMemWords-1)] = a
		case bpfSTX:
			mem[in.K&(bpfMemWords-1)] = x

		case bpfJMP | bpfJA:
			pc += int(in.K)
		case bpfJMP | bpfJEQ | bpfK:
			pc += cond(a == in.K, in)
		case bpfJMP | bpfJGT | bpfK:
			pc += cond(a > in.K, in)
		case bpfJMP | bpfJGE | bpfK:
			pc += cond(a >= in.K, in)
		case bpfJMP | bpfJSET | bpfK:
			pc += cond(a&in.K != 0, in)
		case bpfJMP | bpfJEQ | bpfX:
			pc += cond(a == x, in)
		case bpfJMP | bpfJGT | bpfX:
			pc += cond(a > x, in)
		case bpfJMP | bpfJGE | bpfX:
			pc += cond(a >= x, in)
		case bpfJMP | bpfJSET | bpfX:
			pc += cond(a&x != 0, in)

		case bpfALU | bpfADD | bpfK:
			a += in.K
		case bpfALU | bpfSUB | bpfK:
			a -= in.K
		case bpfALU | bpfMUL | bpfK:
			a *= in.K
		case bpfALU | bpfDIV | bpfK:
			a /= in.K // validated: K != 0
		case bpfALU | bpfMOD | bpfK:
			a %= in.K
		case bpfALU | bpfAND | bpfK:
			a &= in.K
		case bpfALU | bpfOR | bpfK:
			a |= in.K
		case bpfALU | bpfXOR | bpfK:
			a ^= in.K
		case bpfALU | bpfLSH | bpfK:
			a = shl(a, in.K)
		case bpfALU | bpfRSH | bpfK:
			a = shr(a, in.K)
		case bpfALU | bpfADD | bpfX:
			a += x
		case bpfALU | bpfSUB | bpfX:
			a -= x
		case bpfALU | bpfMUL | bpfX:
			a *= x
		case bpfALU | bpfDIV | bpfX:
			if x == 0 {
				return 0
			}
			a /= x
		case bpfALU | bpfMOD | bpfX:
			if x == 0 {
				return 0
			}
			a %= x
		case bpfALU | bpfAND | bpfX:
			a &= x
		case bpfALU | bpfOR | bpfX:
			a |= x
		case bpfALU | bpfXOR | bpfX:
			a ^= x
		case bpfALU | bpfLSH | bpfX:
			a = shl(a, x)
		case bpfALU | bpfRSH | bpfX:
			a = shr(a, x)
		case bpfALU | bpfNEG:
			a = -a
		case bpfMISC | bpfTAX:
			x = a
		case bpfMISC | bpfTXA:
			a = x
		default:
			return 0 // not reached for a validated program
		}
	}
	return 0
}

func cond(ok bool, in *bpfInsn) int {
	if ok {
		return int(in.Jt)
	}
	return int(in.Jf)
}

// Shifts of 32 or more give 0 in BPF (Go agrees; C would be undefined).
func shl(a, s uint32) uint32 { return a << (s & 63) }
func shr(a, s uint32) uint32 { return a >> (s & 63) }
