package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// seg is one segment to build.
type seg struct {
	src, dst netip.AddrPort
	flags    uint8
	seq, ack uint32
	win      uint16
	mss      uint16
	ts       bool
	tsval    uint32
	tsecr    uint32
	payload  int // bytes of data ("a", "b", ...)
}

// opts are the parsed command-line options.
type opts struct {
	seg
	count    int
	interval time.Duration
	flood    netip.Prefix // zero: every segment from seg.src
	frags    []fragSpec   // send each segment as these fragments, in this order
	id       uint32       // IP identification (IPv4: 16 bits) of the first segment's fragments
}

// fragSpec is one fragment of the IP payload: n bytes (-1: to the end)
// from off; corrupt flips its bytes, for a conflicting overlap.
type fragSpec struct {
	off, n  int
	corrupt bool
}

// parseFrags parses -frag: comma-separated OFF:LEN pieces of the IP
// payload (the TCP header and data), LEN empty for "to the end", an "x"
// suffix to flip the piece's bytes.
func parseFrags(s string) ([]fragSpec, error) {
	var out []fragSpec
	for _, p := range strings.Split(s, ",") {
		var f fragSpec
		if q, ok := strings.CutSuffix(p, "x"); ok {
			p, f.corrupt = q, true
		}
		o, l, ok := strings.Cut(p, ":")
		off, err1 := strconv.Atoi(o)
		n, err2 := -1, error(nil)
		if l != "" {
			n, err2 = strconv.Atoi(l)
		}
		if !ok || err1 != nil || err2 != nil || off < 0 || off%8 != 0 || n == 0 || n < -1 {
			return nil, fmt.Errorf("fragment %q: want OFF:LEN, OFF a multiple of 8, LEN empty (to the end) or > 0", p)
		}
		f.off, f.n = off, n
		out = append(out, f)
	}
	return out, nil
}

const (
	flagFIN = 0x01
	flagSYN = 0x02
	flagRST = 0x04
	flagPSH = 0x08
	flagACK = 0x10
	flagURG = 0x20
)

func parseFlags(s string) (uint8, error) {
	var f uint8
	for _, c := range s {
		switch c {
		case 'F':
			f |= flagFIN
		case 'S':
			f |= flagSYN
		case 'R':
			f |= flagRST
		case 'P':
			f |= flagPSH
		case 'A':
			f |= flagACK
		case 'U':
			f |= flagURG
		default:
			return 0, fmt.Errorf("unknown flag letter %q", c)
		}
	}
	return f, nil
}

func parseArgs(args []string, stderr io.Writer) (*opts, error) {
	fs := flag.NewFlagSet("forge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := fs.String("src", "", "source ADDR:PORT (IPv4, or [IPv6]:PORT)")
	dst := fs.String("dst", "", "destination ADDR:PORT, of the same family")
	flags := fs.String("flags", "S", "TCP flag letters: S A F R P U")
	seq := fs.Uint64("seq", 0, "sequence number")
	ack := fs.Uint64("ack", 0, "acknowledgment number")
	win := fs.Uint("win", 64240, "window")
	mss := fs.Uint("mss", 0, "MSS option (0: none)")
	ts := fs.String("ts", "", "timestamps option VAL:ECR")
	count := fs.Int("count", 1, "segments to send")
	interval := fs.Duration("interval", 0, "pause between segments")
	flood := fs.String("flood-net", "", "a distinct source address and port per segment, from this IPv4 prefix")
	frag := fs.String("frag", "", "send each segment as IP fragments OFF:LEN,... of its IP payload (LEN empty: to the end; suffix x: flipped bytes)")
	id := fs.Uint64("id", 0, "IP identification of the fragments (the i-th segment's: ID+i)")
	payload := fs.Int("payload", 0, "bytes of data in each segment")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	o := &opts{count: *count, interval: *interval}
	var err error
	if o.src, err = netip.ParseAddrPort(*src); err != nil || o.src.Addr().Is4In6() || o.src.Addr().Zone() != "" {
		return nil, fmt.Errorf("-src %q: want ADDR:PORT", *src)
	}
	if o.dst, err = netip.ParseAddrPort(*dst); err != nil || o.dst.Addr().Is4() != o.src.Addr().Is4() {
		return nil, fmt.Errorf("-dst %q: want ADDR:PORT of the source's family", *dst)
	}
	if *frag != "" {
		if o.frags, err = parseFrags(*frag); err != nil {
			return nil, fmt.Errorf("-frag: %v", err)
		}
	}
	if *id > 1<<32-1 || o.src.Addr().Is4() && *id > 65535 || *payload < 0 || *payload > 60000 {
		return nil, errors.New("-id: at most 65535 (IPv4) or 2^32-1; -payload: 0 to 60000")
	}
	o.id, o.payload = uint32(*id), *payload
	if o.flags, err = parseFlags(*flags); err != nil {
		return nil, fmt.Errorf("-flags: %v", err)
	}
	if *seq > 1<<32-1 || *ack > 1<<32-1 || *win > 65535 || *mss > 65535 {
		return nil, errors.New("-seq, -ack: at most 2^32-1; -win, -mss: at most 65535")
	}
	o.seq, o.ack, o.win, o.mss = uint32(*seq), uint32(*ack), uint16(*win), uint16(*mss)
	if *ts != "" {
		v, e, ok := strings.Cut(*ts, ":")
		tv, err1 := strconv.ParseUint(v, 10, 32)
		te, err2 := strconv.ParseUint(e, 10, 32)
		if !ok || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("-ts %q: want VAL:ECR", *ts)
		}
		o.ts, o.tsval, o.tsecr = true, uint32(tv), uint32(te)
	}
	if o.count < 1 {
		return nil, errors.New("-count: at least 1")
	}
	if *flood != "" {
		if o.flood, err = netip.ParsePrefix(*flood); err != nil || !o.flood.Addr().Is4() || !o.src.Addr().Is4() {
			return nil, fmt.Errorf("-flood-net %q: want an IPv4 prefix", *flood)
		}
		o.flood = o.flood.Masked()
		last := floodSeg(o, o.count-1)
		if !o.flood.Contains(last.src.Addr()) || int(o.src.Port())+o.count-1 > 65535 {
			return nil, fmt.Errorf("-flood-net %s: %d sources do not fit (or ports from %d overflow)", o.flood, o.count, o.src.Port())
		}
	}
	return o, nil
}

// floodSeg is the i-th segment of a flood: its own source address, port
// and sequence number.
func floodSeg(o *opts, i int) seg {
	s := o.seg
	b := o.flood.Addr().As4()
	base := binary.BigEndian.Uint32(b[:])
	binary.BigEndian.PutUint32(b[:], base+uint32(i/250)<<8+uint32(1+i%250))
	s.src = netip.AddrPortFrom(netip.AddrFrom4(b), o.src.Port()+uint16(i))
	s.seq = o.seq + uint32(i)*2654435761
	return s
}

// build returns the IPv4 packet of s, checksums filled in.
func build(s seg) []byte {
	return ip4(s, tcpSeg(s), 0, 0x40, 0) // DF
}

// tcpSeg returns the TCP segment of s, its checksum over the pseudo-header
// of s's family (RFC 9293 §3.1, RFC 8200 §8.1).
func tcpSeg(s seg) []byte {
	var topts []byte
	if s.mss != 0 {
		topts = append(topts, 2, 4, byte(s.mss>>8), byte(s.mss))
	}
	if s.ts {
		topts = append(topts, 1, 1, 8, 10)
		topts = binary.BigEndian.AppendUint32(topts, s.tsval)
		topts = binary.BigEndian.AppendUint32(topts, s.tsecr)
	}
	for len(topts)%4 != 0 {
		topts = append(topts, 1)
	}
	hlen := 20 + len(topts)
	tcp := make([]byte, hlen+s.payload)
	binary.BigEndian.PutUint16(tcp[0:], s.src.Port())
	binary.BigEndian.PutUint16(tcp[2:], s.dst.Port())
	binary.BigEndian.PutUint32(tcp[4:], s.seq)
	binary.BigEndian.PutUint32(tcp[8:], s.ack)
	tcp[12] = byte(hlen/4) << 4
	tcp[13] = s.flags
	binary.BigEndian.PutUint16(tcp[14:], s.win)
	copy(tcp[20:], topts)
	for i := range s.payload {
		tcp[hlen+i] = byte('a' + i%26)
	}
	src, dst := s.src.Addr().AsSlice(), s.dst.Addr().AsSlice()
	pseudo := sum(src, 0) + sum(dst, 0) + syscall.IPPROTO_TCP + uint32(len(tcp))
	binary.BigEndian.PutUint16(tcp[16:], checksum(tcp, pseudo))
	return tcp
}

// ip4 returns an IPv4 packet (RFC 791 §3.1) carrying pay: flags is the
// byte holding DF and MF, off the fragment offset in bytes.
func ip4(s seg, pay []byte, id uint16, flags byte, off int) []byte {
	p := make([]byte, 20+len(pay))
	ip := p[:20]
	ip[0] = 0x45
	binary.BigEndian.PutUint16(ip[2:], uint16(len(p)))
	binary.BigEndian.PutUint16(ip[4:], id)
	binary.BigEndian.PutUint16(ip[6:], uint16(flags)<<8|uint16(off/8))
	ip[8] = 64
	ip[9] = syscall.IPPROTO_TCP
	src, dst := s.src.Addr().As4(), s.dst.Addr().As4()
	copy(ip[12:], src[:])
	copy(ip[16:], dst[:])
	binary.BigEndian.PutUint16(ip[10:], checksum(ip, 0))
	copy(p[20:], pay)
	return p
}

// ip6 returns an IPv6 packet (RFC 8200 §3) carrying pay; with frag, after
// a Fragment header (§4.5) for offset off, M set if more.
func ip6(s seg, pay []byte, frag bool, id uint32, off int, more bool) []byte {
	h := 40
	if frag {
		h += 8
	}
	p := make([]byte, h+len(pay))
	p[0] = 0x60
	binary.BigEndian.PutUint16(p[4:], uint16(len(p)-40))
	p[6] = syscall.IPPROTO_TCP
	p[7] = 64
	src, dst := s.src.Addr().As16(), s.dst.Addr().As16()
	copy(p[8:], src[:])
	copy(p[24:], dst[:])
	if frag {
		p[6] = 44
		fh := p[40:48]
		fh[0] = syscall.IPPROTO_TCP
		v := uint16(off)
		if more {
			v |= 1
		}
		binary.BigEndian.PutUint16(fh[2:], v)
		binary.BigEndian.PutUint32(fh[4:], id)
	}
	copy(p[h:], pay)
	return p
}

// packets returns the packets that carry s: one, or its fragments.
func packets(s seg, frags []fragSpec, id uint32) [][]byte {
	tcp := tcpSeg(s)
	v4 := s.src.Addr().Is4()
	if len(frags) == 0 {
		if v4 {
			return [][]byte{ip4(s, tcp, 0, 0x40, 0)}
		}
		return [][]byte{ip6(s, tcp, false, 0, 0, false)}
	}
	var out [][]byte
	for _, f := range frags {
		end := len(tcp)
		if f.n >= 0 {
			end = min(f.off+f.n, len(tcp))
		}
		pay := bytes.Clone(tcp[min(f.off, end):end])
		if f.corrupt {
			for i := range pay {
				pay[i] ^= 0xff
			}
		}
		more := end < len(tcp)
		if v4 {
			var mf byte
			if more {
				mf = 0x20
			}
			out = append(out, ip4(s, pay, uint16(id), mf, f.off))
		} else {
			out = append(out, ip6(s, pay, true, id, f.off, more))
		}
	}
	return out
}

// sum adds b as big-endian 16-bit words to acc.
func sum(b []byte, acc uint32) uint32 {
	for i := 0; i+1 < len(b); i += 2 {
		acc += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		acc += uint32(b[len(b)-1]) << 8
	}
	return acc
}

// checksum is the Internet checksum of b with acc already added.
func checksum(b []byte, acc uint32) uint16 {
	acc = sum(b, acc)
	for acc>>16 != 0 {
		acc = acc&0xffff + acc>>16
	}
	return ^uint16(acc)
}

func run(args []string, stderr io.Writer) int {
	o, err := parseArgs(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stderr, "forge: %v\n", err)
		}
		return 2
	}
	send, closeFn, err := rawSender(o.dst.Addr())
	if err != nil {
		fmt.Fprintf(stderr, "forge: %v\n", err)
		return 1
	}
	defer closeFn()
	next := time.Now()
	for i := 0; i < o.count; i++ {
		s := o.seg
		if o.flood.IsValid() {
			s = floodSeg(o, i)
		}
		for j, p := range packets(s, o.frags, o.id+uint32(i)) {
			if err := send(p); err != nil {
				fmt.Fprintf(stderr, "forge: segment %d, packet %d: %v\n", i+1, j+1, err)
				return 1
			}
		}
		if o.interval > 0 && i+1 < o.count {
			next = next.Add(o.interval)
			pace(next)
		}
	}
	return 0
}

// rawSender opens a raw socket that sends whole IP packets, headers
// included: IP_HDRINCL for IPv4, IPPROTO_RAW for IPv6 (which implies
// IPV6_HDRINCL on Linux), so fragments go out as built.
func rawSender(dst netip.Addr) (send func([]byte) error, closeFn func(), err error) {
	fam := syscall.AF_INET
	if dst.Is6() {
		fam = syscall.AF_INET6
	}
	fd, err := syscall.Socket(fam, syscall.SOCK_RAW, syscall.IPPROTO_RAW)
	if err != nil {
		return nil, nil, fmt.Errorf("raw socket: %v", err)
	}
	closeFn = func() { syscall.Close(fd) }
	var to syscall.Sockaddr
	if dst.Is4() {
		if err := syscall.SetsockoptInt(fd, syscall.IPPROTO_IP, syscall.IP_HDRINCL, 1); err != nil {
			closeFn()
			return nil, nil, fmt.Errorf("IP_HDRINCL: %v", err)
		}
		to = &syscall.SockaddrInet4{Addr: dst.As4()}
	} else {
		to = &syscall.SockaddrInet6{Addr: dst.As16()}
	}
	return func(p []byte) error { return syscall.Sendto(fd, p, 0, to) }, closeFn, nil
}

// pace waits until t: by sleeping when it is at least a millisecond away,
// by spinning otherwise, since a sleep of a few microseconds takes far
// longer (a flood 50 µs apart would otherwise last seconds).
func pace(t time.Time) {
	if d := time.Until(t); d >= time.Millisecond {
		time.Sleep(d)
	}
	for time.Now().Before(t) {
	}
}
