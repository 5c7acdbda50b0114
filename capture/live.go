package capture

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"time"
)

// LiveOptions configure a live capture. The zero value is not useful; see
// DefaultLiveOptions.
type LiveOptions struct {
	// Snaplen is the most bytes kept of each frame. flowtrace needs only
	// the headers: payload lengths come from the IP header, not from the
	// captured length.
	Snaplen int
	// Promisc puts the interface in promiscuous mode. It is ignored for
	// the "any" device, which cannot be promiscuous.
	Promisc bool
	// BufferSize is the kernel ring buffer in bytes; 0 keeps libpcap's
	// default (2 MiB on Linux).
	BufferSize int
	// Immediate delivers each frame as soon as it arrives (libpcap's
	// immediate mode) rather than in blocks.
	Immediate bool
	// Timeout is the longest ReadFrame waits before returning ErrTimeout.
	Timeout time.Duration
	// Filter is a BPF expression in tcpdump syntax, run in the kernel.
	Filter string
	// Libpcap captures through libpcap even where an AF_PACKET ring
	// could (Linux, Ethernet-framed interfaces).
	Libpcap bool
	// Rings is how many AF_PACKET rings to open in one fanout group
	// (PACKET_FANOUT_HASH), one per worker reading them
	// ([Live.RingSources]); 0 or 1: one. BufferSize is divided among
	// them (each has the default size when it is 0). libpcap has one.
	Rings int
}

// DefaultSnaplen keeps every header flowtrace decodes: a Linux cooked v2
// header (20 bytes), two VLAN tags, IPv6 with extension headers and a TCP
// header with 40 bytes of options.
const DefaultSnaplen = 256

// DefaultLiveOptions returns flowtrace's defaults: promiscuous, immediate,
// a 256-byte snaplen and a 100 ms read timeout.
func DefaultLiveOptions() LiveOptions {
	return LiveOptions{Snaplen: DefaultSnaplen, Promisc: true, Immediate: true, Timeout: 100 * time.Millisecond}
}

// ErrTimeout is returned by Live.ReadFrame when no frame arrived within
// the read timeout. The capture goes on: call ReadFrame again.
var ErrTimeout = errors.New("capture: read timeout")

// PermissionError reports that the process may not capture: it needs root
// or the capability CAP_NET_RAW (see NetRawStatus for why it lacks it).
type PermissionError struct {
	Iface string
	Msg   string // libpcap's message, if any
}

func (e *PermissionError) Error() string {
	s := fmt.Sprintf("capture: %s: permission denied", e.Iface)
	if e.Msg != "" {
		s += " (" + e.Msg + ")"
	}
	return s
}

// NoInterfaceError reports an interface that does not exist.
type NoInterfaceError struct {
	Iface     string
	Available []string // the interfaces libpcap can capture on
}

func (e *NoInterfaceError) Error() string {
	s := fmt.Sprintf("capture: %s: no such interface", e.Iface)
	if len(e.Available) > 0 {
		s += "; available: " + strings.Join(e.Available, ", ")
	}
	return s
}

// InterfaceDownError reports an interface that is down, when the capture
// starts (Running false) or while it runs (Running true: libpcap's own
// message says whether it went down or disappeared).
type InterfaceDownError struct {
	Iface   string
	Running bool
	Msg     string
}

func (e *InterfaceDownError) Error() string {
	if e.Running {
		return fmt.Sprintf("capture: %s: %s", e.Iface, e.Msg)
	}
	return fmt.Sprintf("capture: %s: interface is down (bring it up with: ip link set dev %s up)", e.Iface, e.Iface)
}

// LiveStats are the kernel's counters for a live capture (pcap_stats).
type LiveStats struct {
	Received      uint64 // packets that passed the filter, dropped ones included
	KernelDropped uint64 // dropped because the ring buffer was full
	IfaceDropped  uint64 // dropped by the interface or its driver
}

// Interface is a device libpcap can capture on, as "tcpdump -D" lists it.
type Interface struct {
	Name        string
	Description string
	Up          bool
	Running     bool
	Loopback    bool
	Addrs       []netip.Addr
}
