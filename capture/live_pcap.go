//go:build cgo

package capture

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strings"
	"time"

	"github.com/google/gopacket/pcap"
)

// Live is a [Source] capturing from a network interface, through an
// AF_PACKET ring or libpcap (see [Live.Path]). It is not safe for
// concurrent use: call Stats from the goroutine that reads.
type Live struct {
	h       *pcap.Handle // libpcap, or
	rings   []*Ring      // AF_PACKET rings in one fanout group (Linux)
	iface   string
	link    LinkType
	snaplen int
	err     error // libpcap's
}

var _ Source = (*Live)(nil)

// OpenLive starts capturing on iface ("any" for every interface). It
// needs root or CAP_NET_RAW, effective or only permitted (a file
// capability "cap_net_raw=p"): a permitted one is made effective while
// the interface is opened, then dropped again. Once it returns, the
// process may give up its privileges and go on reading. A filter libpcap
// cannot compile gives an error matching ErrBadFilter.
func OpenLive(iface string, opts LiveOptions) (*Live, error) {
	var l *Live
	err := withNetRaw(func() (err error) {
		l, err = openLive(iface, opts)
		return err
	})
	return l, err
}

func openLive(iface string, opts LiveOptions) (*Live, error) {
	if iface != "any" {
		if _, err := net.InterfaceByName(iface); err != nil {
			return nil, &NoInterfaceError{Iface: iface, Available: interfaceNames()}
		}
	}
	if opts.Snaplen <= 0 {
		opts.Snaplen = DefaultSnaplen
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 100 * time.Millisecond
	}
	if link, loopback, ok := ringLink(iface); ok && !opts.Libpcap {
		return openLiveRing(iface, link, loopback, opts)
	}
	in, err := pcap.NewInactiveHandle(iface)
	if err != nil {
		return nil, fmt.Errorf("capture: %s: %v", iface, err)
	}
	defer in.CleanUp()
	// The "any" device cannot be promiscuous; libpcap would return a
	// warning that gopacket treats as an error.
	promisc := opts.Promisc && iface != "any"
	set := []error{
		in.SetSnapLen(opts.Snaplen),
		in.SetPromisc(promisc),
		in.SetTimeout(opts.Timeout),
		in.SetImmediateMode(opts.Immediate),
	}
	if opts.BufferSize > 0 {
		set = append(set, in.SetBufferSize(opts.BufferSize))
	}
	if err := errors.Join(set...); err != nil {
		return nil, fmt.Errorf("capture: %s: %v", iface, err)
	}
	h, err := in.Activate()
	if err != nil {
		return nil, activateError(iface, err)
	}
	l := &Live{h: h, iface: iface, link: LinkType(h.LinkType()), snaplen: h.SnapLen()}
	if !l.link.Supported() {
		h.Close()
		return nil, &LinkTypeError{Name: iface, Link: l.link}
	}
	if opts.Filter != "" {
		if err := h.SetBPFFilter(opts.Filter); err != nil {
			h.Close()
			return nil, &FilterError{Expr: opts.Filter, Link: l.link, Msg: strings.TrimPrefix(err.Error(), "Error: ")}
		}
	}
	return l, nil
}

// openLiveRing captures on iface through an AF_PACKET ring, with the
// filter compiled by libpcap for the ring's link type.
func openLiveRing(iface string, link LinkType, loopback bool, opts LiveOptions) (*Live, error) {
	if ifc, err := net.InterfaceByName(iface); err == nil && ifc.Flags&net.FlagUp == 0 {
		return nil, &InterfaceDownError{Iface: iface}
	}
	var prog []bpfInsn
	if opts.Filter != "" {
		var err error
		if prog, err = compileBPF(opts.Filter, link); err != nil {
			return nil, err
		}
	}
	l := &Live{iface: iface, link: link, snaplen: opts.Snaplen}
	if n := opts.Rings; n > 1 && opts.BufferSize > 0 {
		opts.BufferSize = max(opts.BufferSize/n, 1)
	}
	var group uint16
	for range max(opts.Rings, 1) {
		r, err := openRing(iface, opts, prog, loopback, group)
		if err != nil {
			l.Close()
			return nil, err
		}
		group = r.fanout
		opts.Promisc = false // the first ring's socket holds the mode
		l.rings = append(l.rings, &Ring{r: r, iface: iface, link: link})
	}
	// Until a socket joins the group it receives every frame: a frame
	// that came in before the last one joined may be in two rings. The
	// capture starts once all have joined.
	since := time.Now()
	for _, g := range l.rings {
		g.r.since = since
	}
	return l, nil
}

// activateError turns gopacket's activation error (an unexported type
// whose message is all there is) into one of ours.
func activateError(iface string, err error) error {
	msg := err.Error()
	switch {
	case msg == "Permission Denied" || strings.Contains(msg, "permission") || strings.Contains(msg, "not permitted"):
		m := ""
		if msg != "Permission Denied" {
			m = msg
		}
		return &PermissionError{Iface: iface, Msg: m}
	case msg == "No Such Device" || strings.Contains(msg, "No such device"):
		return &NoInterfaceError{Iface: iface, Available: interfaceNames()}
	case msg == "Interface Not Up":
		return &InterfaceDownError{Iface: iface}
	}
	return fmt.Errorf("capture: %s: %v", iface, err)
}

func interfaceNames() []string {
	ifs, err := Interfaces()
	if err != nil {
		return nil
	}
	names := make([]string, len(ifs))
	for i, x := range ifs {
		names[i] = x.Name
	}
	return names
}

// ReadFrame returns the next frame, or ErrTimeout when none arrived within
// the read timeout. data is valid until the next call. When the interface
// goes down or disappears it returns an *InterfaceDownError; any error
// other than ErrTimeout ends the capture.
func (l *Live) ReadFrame() (data []byte, ci FrameInfo, link LinkType, err error) {
	if l.err != nil {
		return nil, ci, 0, l.err
	}
	if len(l.rings) > 0 {
		return l.rings[0].ReadFrame()
	}
	data, gci, err := l.h.ZeroCopyReadPacketData()
	switch {
	case err == nil:
		ci = FrameInfo{Timestamp: gci.Timestamp, CaptureLength: gci.CaptureLength, Length: gci.Length, InterfaceIndex: gci.InterfaceIndex}
		return data, ci, l.link, nil
	case errors.Is(err, pcap.NextErrorTimeoutExpired):
		// In non-blocking mode libpcap does not notice an interface
		// going down or away (it would in a blocking read), and no
		// packet comes: look on every quiet period.
		if err := l.checkUp(); err != nil {
			return nil, ci, 0, err
		}
		return nil, ci, 0, ErrTimeout
	}
	msg := err.Error()
	if ne, ok := err.(pcap.NextError); ok && ne == pcap.NextErrorReadError {
		if e := l.h.Error(); e != nil && e.Error() != "" {
			msg = e.Error()
		}
	}
	return nil, ci, 0, l.readError(msg)
}

// Ring is one of the AF_PACKET rings of a capture opened with
// LiveOptions.Rings: a [Source] of the frames the kernel's fanout hash
// gives it, for one goroutine to read while others read the other rings.
// Its Close does nothing: [Live.Close] closes every ring.
type Ring struct {
	r       *ring
	iface   string
	link    LinkType
	err     error
	checked time.Time // when a read timeout last looked whether the interface is up
}

// ringCheckEvery is how often read timeouts look whether the interface
// went down: a ring read with a short timeout would otherwise ask the
// kernel for the interfaces hundreds of times a second.
const ringCheckEvery = 100 * time.Millisecond

var _ Source = (*Ring)(nil)

// ReadFrame returns the ring's next frame, or ErrTimeout when none
// arrived within the read timeout; see [Live.ReadFrame].
func (g *Ring) ReadFrame() ([]byte, FrameInfo, LinkType, error) {
	if g.err != nil {
		return nil, FrameInfo{}, 0, g.err
	}
	data, ci, err := g.r.read()
	switch {
	case err == nil:
		return data, ci, g.link, nil
	case err == ErrTimeout:
		if now := time.Now(); now.Sub(g.checked) >= ringCheckEvery {
			g.checked = now
			if g.err = checkUp(g.iface); g.err != nil {
				return nil, ci, 0, g.err
			}
		}
		return nil, ci, 0, ErrTimeout
	}
	if g.err = checkUp(g.iface); g.err == nil { // else: what the socket's error meant
		g.err = readError(g.iface, err.Error())
	}
	return nil, ci, 0, g.err
}

// LinkType returns the link type of the interface.
func (g *Ring) LinkType() LinkType { return g.link }

// Close does nothing: Live.Close closes the rings.
func (g *Ring) Close() error { return nil }

// Stats returns this ring's counters; IfaceDropped is the interface's,
// which all rings share.
func (g *Ring) Stats() (LiveStats, error) { return g.r.stats() }

// Rings returns the capture's AF_PACKET rings, one per worker; nil for
// libpcap. Read each on one goroutine, and the Live itself not at all.
func (l *Live) Rings() []*Ring { return l.rings }

// RingSources returns the rings as Sources, nil for libpcap.
func (l *Live) RingSources() []Source {
	var out []Source
	for _, g := range l.rings {
		out = append(out, g)
	}
	return out
}

// RingStats returns each ring's counters, in the order of Rings.
func (l *Live) RingStats() ([]LiveStats, error) {
	out := make([]LiveStats, len(l.rings))
	for i, g := range l.rings {
		st, err := g.Stats()
		if err != nil {
			return nil, err
		}
		out[i] = st
	}
	return out, nil
}

// checkUp looks whether the interface went down or away, which neither
// libpcap in non-blocking mode nor the ring notices on a quiet link.
func (l *Live) checkUp() error {
	l.err = checkUp(l.iface)
	return l.err
}

func checkUp(iface string) error {
	if iface == "any" {
		return nil
	}
	ifc, ierr := net.InterfaceByName(iface)
	switch {
	case ierr != nil:
		return &InterfaceDownError{Iface: iface, Running: true, Msg: "the interface disappeared"}
	case ifc.Flags&net.FlagUp == 0:
		return &InterfaceDownError{Iface: iface, Running: true, Msg: "the interface went down"}
	}
	return nil
}

// readError turns a read error's message into the capture's end.
func (l *Live) readError(msg string) error {
	l.err = readError(l.iface, msg)
	return l.err
}

func readError(iface, msg string) error {
	if _, ierr := net.InterfaceByName(iface); iface != "any" && ierr != nil {
		return &InterfaceDownError{Iface: iface, Running: true, Msg: "the interface disappeared (" + msg + ")"}
	} else if strings.Contains(msg, "went down") || strings.Contains(msg, "network is down") || strings.Contains(msg, "disappeared") {
		return &InterfaceDownError{Iface: iface, Running: true, Msg: msg}
	}
	return fmt.Errorf("capture: %s: %s", iface, msg)
}

// LinkType returns the link type of the interface.
func (l *Live) LinkType() LinkType { return l.link }

// Snaplen returns the snap length libpcap actually uses.
func (l *Live) Snaplen() int { return l.snaplen }

// Name returns the interface name.
func (l *Live) Name() string { return l.iface }

// Path says how frames come in, for the "listening on" line: "an
// AF_PACKET TPACKET_V3 ring (fanout group N)", "N AF_PACKET TPACKET_V3
// rings (fanout group N, hash)" or "libpcap".
func (l *Live) Path() string {
	switch n := len(l.rings); {
	case n == 1:
		return fmt.Sprintf("an AF_PACKET TPACKET_V3 ring (fanout group %d)", l.rings[0].r.fanout)
	case n > 1:
		return fmt.Sprintf("%d AF_PACKET TPACKET_V3 rings (fanout group %d, hash)", n, l.rings[0].r.fanout)
	}
	return "libpcap"
}

// Stats returns the kernel's counters so far: the rings' summed (the
// interface's drops once).
func (l *Live) Stats() (LiveStats, error) {
	if len(l.rings) > 0 {
		var sum LiveStats
		for i, g := range l.rings {
			st, err := g.Stats()
			if err != nil {
				return LiveStats{}, err
			}
			sum.Received += st.Received
			sum.KernelDropped += st.KernelDropped
			if i == 0 {
				sum.IfaceDropped = st.IfaceDropped
			}
		}
		return sum, nil
	}
	s, err := l.h.Stats()
	if err != nil {
		return LiveStats{}, fmt.Errorf("capture: %s: statistics: %v", l.iface, err)
	}
	return LiveStats{
		Received:      uint64(uint32(s.PacketsReceived)),
		KernelDropped: uint64(uint32(s.PacketsDropped)),
		IfaceDropped:  uint64(uint32(s.PacketsIfDropped)),
	}, nil
}

// Close stops the capture.
func (l *Live) Close() error {
	if l.h == nil {
		for _, g := range l.rings {
			g.r.close()
		}
		return nil
	}
	l.h.Close()
	return nil
}

// Interfaces lists the devices libpcap can capture on, in libpcap's order
// (the "best" first).
func Interfaces() ([]Interface, error) {
	devs, err := pcap.FindAllDevs()
	if err != nil {
		return nil, fmt.Errorf("capture: list interfaces: %v", err)
	}
	out := make([]Interface, 0, len(devs))
	for _, d := range devs {
		x := Interface{
			Name: d.Name, Description: d.Description,
			Loopback: d.Flags&0x1 != 0, Up: d.Flags&0x2 != 0, Running: d.Flags&0x4 != 0,
		}
		for _, a := range d.Addresses {
			if ip, ok := netip.AddrFromSlice(a.IP); ok {
				x.Addrs = append(x.Addrs, ip.Unmap())
			}
		}
		out = append(out, x)
	}
	return out, nil
}
