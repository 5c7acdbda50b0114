//go:build linux && cgo

package capture

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/google/gopacket/afpacket"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

// ring is a live capture through an AF_PACKET socket with a TPACKET_V3
// ring mapped into the process (gopacket's afpacket): the kernel writes
// frames into blocks of the ring and hands over a whole block at a time,
// so reading a frame costs no system call and no cgo call, only a poll
// when the ring is empty. The socket joins a PACKET_FANOUT group in hash
// mode, which spreads connections (a symmetric hash of the addresses and
// ports) over every socket of the group; flowtrace has one for now, and
// the group id is the process's, so that more workers can join it.
type ring struct {
	tp      *afpacket.TPacket
	promisc int // a socket holding the interface promiscuous, or -1
	fanout  uint16
	since   time.Time // frames stamped before the filter was attached are dropped
	ifDrop0 uint64    // the interface's rx_dropped when the capture started
	iface   string
}

// Ring sizes. The kernel hands a block over when it is full or after the
// block timeout (1 ms in immediate mode), so a quiet link spends a whole
// block on a few frames: the ring has ringBlocks blocks, each of the
// ring's size divided among them, between ringMinBlock and ringMaxBlock.
// The ring holds ringDefault bytes unless -B says otherwise.
const (
	ringFrame    = 4096
	ringBlocks   = 64
	ringMinBlock = 64 << 10
	ringMaxBlock = 1 << 20
	ringDefault  = 16 << 20
)

// ringGeometry returns the block size and count for a ring of size bytes
// (0: the default).
func ringGeometry(size int) (block, blocks int) {
	if size <= 0 {
		size = ringDefault
	}
	block = ringMinBlock
	for block*2 <= min(size/ringBlocks, ringMaxBlock) {
		block *= 2
	}
	return block, max(size/block, 2)
}

// ringLink returns the link type the ring delivers for iface, and whether
// the ring path supports it: Ethernet-framed devices (Ethernet, veth,
// bridges, loopback). Others (tun, SLIP, InfiniBand...) go through
// libpcap, which knows their framing.
func ringLink(iface string) (link LinkType, loopback, ok bool) {
	b, err := os.ReadFile("/sys/class/net/" + iface + "/type")
	if err != nil {
		return 0, false, false
	}
	switch strings.TrimSpace(string(b)) {
	case "1": // ARPHRD_ETHER
		return LinkEthernet, false, true
	case "772": // ARPHRD_LOOPBACK
		return LinkEthernet, true, true
	}
	return 0, false, false
}

// openRing opens the ring on iface, attaches prog (libpcap's program for
// the filter, or nil) and joins the fanout group id (0: a new group of
// its own, whose id it takes).
func openRing(iface string, opts LiveOptions, prog []bpfInsn, loopback bool, id uint16) (*ring, error) {
	block, blocks := ringGeometry(opts.BufferSize)
	blockTimeout := opts.Timeout
	if opts.Immediate {
		blockTimeout = time.Millisecond // the kernel's shortest: a frame waits at most 1 ms
	}
	tp, err := afpacket.NewTPacket(
		afpacket.OptInterface(iface),
		afpacket.OptTPacketVersion(afpacket.TPacketVersion3),
		afpacket.OptFrameSize(ringFrame),
		afpacket.OptBlockSize(block),
		afpacket.OptNumBlocks(blocks),
		afpacket.OptBlockTimeout(blockTimeout),
		afpacket.OptPollTimeout(opts.Timeout),
		afpacket.OptAddVLANHeader(true), // the tags the NIC stripped, back in the frame
	)
	if err != nil {
		return nil, ringError(iface, err)
	}
	r := &ring{tp: tp, promisc: -1, iface: iface}
	if err := r.setup(opts, prog, loopback, id); err != nil {
		r.close()
		return nil, err
	}
	return r, nil
}

func (r *ring) setup(opts LiveOptions, prog []bpfInsn, loopback bool, join uint16) error {
	raw := ringProgram(prog, opts.Snaplen, loopback)
	if err := r.tp.SetBPF(raw); err != nil {
		return fmt.Errorf("capture: %s: attach filter: %v", r.iface, err)
	}
	r.since = time.Now() // again once every ring of the group has joined
	if opts.Promisc {
		fd, err := promiscuous(r.iface)
		if err != nil {
			return ringError(r.iface, err)
		}
		r.promisc = fd
	}
	// The group id is the process's: another flowtrace has its own
	// group, and this one's other rings join it. Ids are taken by the
	// first socket to use them, so a clash moves on to the next one.
	// The kernel's hash (fanout_demux_hash: __skb_get_hash_symmetric)
	// is the same for both directions of a flow, so a connection's
	// segments all land in one ring. The kernel does not read the ports
	// of an IP fragment, first or not: a datagram's fragments hash on the
	// addresses alone, so they all land in one ring, where flowtrace
	// reassembles them, but maybe not in the ring of their connection's
	// unfragmented segments. The defrag flag would fix that, but the
	// kernel would then reassemble them before flowtrace sees them, and
	// the fragment findings see nothing.
	if join != 0 {
		if err := r.tp.SetFanout(ringFanout, join); err != nil {
			return fmt.Errorf("capture: %s: join fanout group %d: %v", r.iface, join, err)
		}
		r.fanout = join
	} else {
		id := uint16(os.Getpid())
		for try := 0; ; try++ {
			err := r.tp.SetFanout(ringFanout, id)
			if err == nil {
				break
			}
			if try == 16 {
				return fmt.Errorf("capture: %s: join a fanout group: %v", r.iface, err)
			}
			id++
		}
		r.fanout = id
	}
	r.ifDrop0 = readCounter(r.iface, "rx_dropped")
	return nil
}

// ringFanout is the fanout mode: a symmetric hash of the flow.
const ringFanout = afpacket.FanoutHash

// ringProgram turns libpcap's program into the socket's: its accepting
// returns cut frames to the snaplen (libpcap compiled it for the largest),
// no filter accepts every frame cut to the snaplen, and on a loopback
// device a first test drops outgoing frames, which the kernel shows twice
// there (as libpcap does).
func ringProgram(prog []bpfInsn, snaplen int, loopback bool) []bpf.RawInstruction {
	if len(prog) == 0 {
		prog = []bpfInsn{{Code: bpfRET | bpfK, K: MaxSnaplen}}
	}
	var out []bpf.RawInstruction
	if loopback {
		out = append(out,
			bpf.RawInstruction{Op: bpfLD | bpfW | bpfABS, K: skfAdPkttype},
			bpf.RawInstruction{Op: bpfJMP | bpfJEQ | bpfK, Jt: 0, Jf: 1, K: unix.PACKET_OUTGOING},
			bpf.RawInstruction{Op: bpfRET | bpfK, K: 0},
		)
	}
	for _, in := range prog {
		if in.Code == bpfRET|bpfK && in.K > uint32(snaplen) {
			in.K = uint32(snaplen)
		}
		out = append(out, bpf.RawInstruction{Op: in.Code, Jt: in.Jt, Jf: in.Jf, K: in.K})
	}
	return out
}

// skfAdPkttype is the offset of the skb's packet type among the
// ancillary data a socket filter can load (SKF_AD_OFF + SKF_AD_PKTTYPE).
const skfAdPkttype = 0xfffff000 + 4

// promiscuous opens a socket that receives nothing and holds iface in
// promiscuous mode until it is closed (PACKET_MR_PROMISC: the kernel
// counts holders, and the mode ends with the last one, even if the
// process dies).
func promiscuous(iface string) (int, error) {
	ifc, err := net.InterfaceByName(iface)
	if err != nil {
		return -1, err
	}
	fd, err := unix.Socket(unix.AF_PACKET, unix.SOCK_RAW|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return -1, err
	}
	mr := unix.PacketMreq{Ifindex: int32(ifc.Index), Type: unix.PACKET_MR_PROMISC}
	if err := unix.SetsockoptPacketMreq(fd, unix.SOL_PACKET, unix.PACKET_ADD_MEMBERSHIP, &mr); err != nil {
		unix.Close(fd)
		return -1, err
	}
	return fd, nil
}

// ringError turns a socket error into one of ours.
func ringError(iface string, err error) error {
	switch {
	case errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES):
		return &PermissionError{Iface: iface, Msg: err.Error()}
	case errors.Is(err, unix.ENODEV) || errors.Is(err, unix.ENXIO):
		return &NoInterfaceError{Iface: iface, Available: interfaceNames()}
	case errors.Is(err, unix.ENETDOWN):
		return &InterfaceDownError{Iface: iface}
	}
	return fmt.Errorf("capture: %s: AF_PACKET ring: %v", iface, err)
}

// read returns the next frame, ErrTimeout after the poll timeout on an
// empty ring, or another error.
func (r *ring) read() ([]byte, FrameInfo, error) {
	for {
		data, ci, err := r.tp.ZeroCopyReadPacketData()
		switch {
		case err == nil:
			if ci.Timestamp.Before(r.since) {
				continue // in the ring before the filter was attached
			}
			return data, FrameInfo{Timestamp: ci.Timestamp, CaptureLength: len(data), Length: ci.Length, InterfaceIndex: ci.InterfaceIndex}, nil
		case errors.Is(err, afpacket.ErrTimeout):
			return nil, FrameInfo{}, ErrTimeout
		case errors.Is(err, afpacket.ErrPoll):
			return nil, FrameInfo{}, errors.New("the socket reported an error (network is down?)")
		}
		return nil, FrameInfo{}, err
	}
}

// stats returns the ring's counters (tpacket_stats_v3: frames that passed
// the filter, dropped ones included, and frames dropped because the ring
// was full) and the interface's own drops since the start.
func (r *ring) stats() (LiveStats, error) {
	_, v3, err := r.tp.SocketStats()
	if err != nil {
		return LiveStats{}, fmt.Errorf("capture: %s: statistics: %v", r.iface, err)
	}
	st := LiveStats{Received: uint64(v3.Packets()), KernelDropped: uint64(v3.Drops())}
	if d := readCounter(r.iface, "rx_dropped"); d >= r.ifDrop0 {
		st.IfaceDropped = d - r.ifDrop0
	}
	return st, nil
}

func (r *ring) close() {
	r.tp.Close()
	if r.promisc >= 0 {
		unix.Close(r.promisc)
		r.promisc = -1
	}
}

// readCounter reads one of the interface's statistics from sysfs, 0 if
// it cannot.
func readCounter(iface, name string) uint64 {
	b, err := os.ReadFile("/sys/class/net/" + iface + "/statistics/" + name)
	if err != nil {
		return 0
	}
	n, _ := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
	return n
}
