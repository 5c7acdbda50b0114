package main

import (
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
}

// opts are the parsed command-line options.
type opts struct {
	seg
	count    int
	interval time.Duration
	flood    netip.Prefix // zero: every segment from seg.src
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
	src := fs.String("src", "", "source ADDR:PORT (IPv4)")
	dst := fs.String("dst", "", "destination ADDR:PORT (IPv4)")
	flags := fs.String("flags", "S", "TCP flag letters: S A F R P U")
	seq := fs.Uint64("seq", 0, "sequence number")
	ack := fs.Uint64("ack", 0, "acknowledgment number")
	win := fs.Uint("win", 64240, "window")
	mss := fs.Uint("mss", 0, "MSS option (0: none)")
	ts := fs.String("ts", "", "timestamps option VAL:ECR")
	count := fs.Int("count", 1, "segments to send")
	interval := fs.Duration("interval", 0, "pause between segments")
	flood := fs.String("flood-net", "", "a distinct source address and port per segment, from this IPv4 prefix")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	o := &opts{count: *count, interval: *interval}
	var err error
	if o.src, err = netip.ParseAddrPort(*src); err != nil || !o.src.Addr().Is4() {
		return nil, fmt.Errorf("-src %q: want an IPv4 ADDR:PORT", *src)
	}
	if o.dst, err = netip.ParseAddrPort(*dst); err != nil || !o.dst.Addr().Is4() {
		return nil, fmt.Errorf("-dst %q: want an IPv4 ADDR:PORT", *dst)
	}
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
		if o.flood, err = netip.ParsePrefix(*flood); err != nil || !o.flood.Addr().Is4() {
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
	tlen := 20 + len(topts)
	p := make([]byte, 20+tlen)
	ip, tcp := p[:20], p[20:]
	ip[0] = 0x45
	binary.BigEndian.PutUint16(ip[2:], uint16(len(p)))
	ip[6] = 0x40 // DF
	ip[8] = 64
	ip[9] = syscall.IPPROTO_TCP
	src, dst := s.src.Addr().As4(), s.dst.Addr().As4()
	copy(ip[12:], src[:])
	copy(ip[16:], dst[:])
	binary.BigEndian.PutUint16(ip[10:], checksum(ip, 0))
	binary.BigEndian.PutUint16(tcp[0:], s.src.Port())
	binary.BigEndian.PutUint16(tcp[2:], s.dst.Port())
	binary.BigEndian.PutUint32(tcp[4:], s.seq)
	binary.BigEndian.PutUint32(tcp[8:], s.ack)
	tcp[12] = byte(tlen/4) << 4
	tcp[13] = s.flags
	binary.BigEndian.PutUint16(tcp[14:], s.win)
	copy(tcp[20:], topts)
	pseudo := sum(src[:], 0) + sum(dst[:], 0) + syscall.IPPROTO_TCP + uint32(tlen)
	binary.BigEndian.PutUint16(tcp[16:], checksum(tcp, pseudo))
	return p
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
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_RAW, syscall.IPPROTO_RAW)
	if err != nil {
		fmt.Fprintf(stderr, "forge: raw socket: %v\n", err)
		return 1
	}
	defer syscall.Close(fd)
	if err := syscall.SetsockoptInt(fd, syscall.IPPROTO_IP, syscall.IP_HDRINCL, 1); err != nil {
		fmt.Fprintf(stderr, "forge: IP_HDRINCL: %v\n", err)
		return 1
	}
	to := &syscall.SockaddrInet4{Addr: o.dst.Addr().As4()}
	next := time.Now()
	for i := 0; i < o.count; i++ {
		s := o.seg
		if o.flood.IsValid() {
			s = floodSeg(o, i)
		}
		if err := syscall.Sendto(fd, build(s), 0, to); err != nil {
			fmt.Fprintf(stderr, "forge: segment %d: %v\n", i+1, err)
			return 1
		}
		if o.interval > 0 && i+1 < o.count {
			next = next.Add(o.interval)
			pace(next)
		}
	}
	return 0
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
