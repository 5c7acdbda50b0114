package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unsafe"
)

// Constants the syscall package lacks (include/uapi/linux/tcp.h,
// include/uapi/linux/ethtool.h, include/uapi/linux/sockios.h).
const (
	tcpFastopen        = 23
	tcpFastopenConnect = 30
	tcpKeepidle        = 4
	tcpKeepintvl       = 5
	tcpKeepcnt         = 6

	siocEthtool      = 0x8946
	ethtoolSRXCSUM   = 0x15
	ethtoolSTXCSUM   = 0x17
	ethtoolSSG       = 0x19
	ethtoolSTSO      = 0x1f
	ethtoolSGSO      = 0x24
	ethtoolSGRO      = 0x2c
	fastopenQueueLen = 16
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// step is one parsed command.
type step struct {
	verb string
	arg  string            // positional argument, if any
	opts map[string]string // --name [value]
	body []step            // for repeat
	n    int               // for repeat
}

// driver holds the sockets the steps act on.
type driver struct {
	log      io.Writer
	start    time.Time
	deadline time.Time
	quiet    bool
	lfd      int // listener, -1 if none
	fd       int // current connection, -1 if none
	failed   bool
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("tcpdrive", flag.ContinueOnError)
	fs.SetOutput(stderr)
	deadline := fs.Duration("deadline", 20*time.Second, "exit with status 2 after this long, whatever the steps are doing")
	quiet := fs.Bool("q", false, "do not log each step")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	steps, rest, err := parse(fs.Args(), false)
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("unexpected %q", rest[0])
	}
	if err != nil {
		fmt.Fprintf(stderr, "tcpdrive: %v\n", err)
		return 2
	}
	if len(steps) == 0 {
		fmt.Fprintln(stderr, "tcpdrive: no steps (see go doc ./internal/cmd/tcpdrive)")
		return 2
	}
	d := &driver{log: stderr, start: time.Now(), quiet: *quiet, lfd: -1, fd: -1}
	d.deadline = d.start.Add(*deadline)
	time.AfterFunc(*deadline, func() {
		fmt.Fprintf(stderr, "tcpdrive: %s deadline reached, exiting\n", *deadline)
		os.Exit(2)
	})
	d.runSteps(steps)
	if d.failed {
		return 1
	}
	return 0
}

// argCount is the number of positional arguments each verb takes; -1 means
// optional (hold).
var argCount = map[string]int{
	"listen": 1, "accept": 0, "connect": 1, "send": 1, "read": 0, "readn": 1,
	"shutdown": 0, "close": 0, "abort": 0, "closelisten": 0, "sleep": 1,
	"until": 1, "hold": -1, "repeat": 1, "nooffload": 1, "norxcsum": 1, "keepalive": 1,
	"udplisten": 1,
}

// verbOpts lists, per verb, the --options it accepts and whether each takes
// a value.
var verbOpts = map[string]map[string]bool{
	"listen":  {"rcvbuf": true, "mss": true, "fastopen": false, "backlog": true},
	"connect": {"bind": true, "rcvbuf": true, "mss": true, "fastopen": false},
	"send":    {"byte": true},
}

// parse reads steps until the end of args, or until "end" when inRepeat.
func parse(args []string, inRepeat bool) ([]step, []string, error) {
	var steps []step
	for len(args) > 0 {
		verb := args[0]
		args = args[1:]
		if verb == "end" {
			if !inRepeat {
				return nil, nil, errors.New(`"end" without "repeat"`)
			}
			return steps, args, nil
		}
		n, ok := argCount[verb]
		if !ok {
			return nil, nil, fmt.Errorf("unknown step %q", verb)
		}
		s := step{verb: verb, opts: map[string]string{}}
		switch {
		case n == 1:
			if len(args) == 0 {
				return nil, nil, fmt.Errorf("%s: missing argument", verb)
			}
			s.arg, args = args[0], args[1:]
		case n == -1 && len(args) > 0:
			if _, err := time.ParseDuration(args[0]); err == nil {
				s.arg, args = args[0], args[1:]
			}
		}
		for len(args) > 0 && len(args[0]) > 2 && args[0][:2] == "--" {
			name := args[0][2:]
			takes, ok := verbOpts[verb][name]
			if !ok {
				return nil, nil, fmt.Errorf("%s: unknown option --%s", verb, name)
			}
			args = args[1:]
			if takes {
				if len(args) == 0 {
					return nil, nil, fmt.Errorf("%s: --%s needs a value", verb, name)
				}
				s.opts[name], args = args[0], args[1:]
			} else {
				s.opts[name] = ""
			}
		}
		if err := check(&s); err != nil {
			return nil, nil, err
		}
		if verb == "repeat" {
			var err error
			s.body, args, err = parse(args, true)
			if err != nil {
				return nil, nil, err
			}
			if args == nil {
				return nil, nil, errors.New(`"repeat" without "end"`)
			}
		}
		steps = append(steps, s)
	}
	if inRepeat {
		return steps, nil, nil
	}
	return steps, args, nil
}

// check validates a step's arguments at parse time, so a typo in a script
// fails before any packet is sent.
func check(s *step) error {
	var err error
	switch s.verb {
	case "listen", "connect", "udplisten":
		_, err = netip.ParseAddrPort(s.arg)
		if err == nil && s.opts["bind"] != "" {
			_, err = netip.ParseAddrPort(s.opts["bind"])
		}
		for _, o := range []string{"rcvbuf", "mss", "backlog"} {
			if err == nil && s.opts[o] != "" {
				_, err = strconv.Atoi(s.opts[o])
			}
		}
	case "send":
		_, err = strconv.Atoi(s.arg)
		if b, ok := s.opts["byte"]; err == nil && ok && len(b) != 1 {
			err = fmt.Errorf("--byte %q: want one character", b)
		}
	case "readn":
		_, err = strconv.Atoi(s.arg)
	case "keepalive":
		_, err = parseKeepalive(s.arg)
	case "repeat":
		s.n, err = strconv.Atoi(s.arg)
	case "until":
		_, err = strconv.ParseInt(s.arg, 10, 64)
	case "sleep":
		_, err = time.ParseDuration(s.arg)
	}
	if err != nil {
		return fmt.Errorf("%s %s: %v", s.verb, s.arg, err)
	}
	return nil
}

func (d *driver) logf(format string, a ...any) {
	if d.quiet {
		return
	}
	fmt.Fprintf(d.log, "tcpdrive %8.3fs ", time.Since(d.start).Seconds())
	fmt.Fprintf(d.log, format, a...)
	fmt.Fprintln(d.log)
}

func (d *driver) runSteps(steps []step) {
	for _, s := range steps {
		if s.verb == "repeat" {
			for i := 0; i < s.n; i++ {
				d.runSteps(s.body)
			}
			continue
		}
		desc := s.verb
		if s.arg != "" {
			desc += " " + s.arg
		}
		for k, v := range s.opts {
			desc += " --" + k
			if v != "" {
				desc += " " + v
			}
		}
		res, err := d.do(s)
		switch {
		case err != nil:
			d.failed = true
			d.logf("%s: error: %v", desc, err)
		case res != "":
			d.logf("%s: %s", desc, res)
		default:
			d.logf("%s: ok", desc)
		}
	}
}

var errNoConn = errors.New("no current connection")

func (d *driver) do(s step) (string, error) {
	switch s.verb {
	case "listen":
		return "", d.listen(s)
	case "accept":
		if d.lfd < 0 {
			return "", errors.New("no listener")
		}
		nfd, sa, err := syscall.Accept(d.lfd)
		if err != nil {
			return "", err
		}
		d.closeCurrent()
		d.fd = nfd
		if err := syscall.SetsockoptInt(nfd, syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1); err != nil {
			return "", err
		}
		return "from " + sockaddrString(sa), nil
	case "connect":
		return "", d.connect(s)
	case "send":
		if d.fd < 0 {
			return "", errNoConn
		}
		n, _ := strconv.Atoi(s.arg)
		buf := make([]byte, n)
		for i := range buf {
			buf[i] = 'a' + byte(i%26)
			if b := s.opts["byte"]; b != "" {
				buf[i] = b[0]
			}
		}
		for len(buf) > 0 {
			w, err := syscall.Write(d.fd, buf)
			if err != nil {
				return fmt.Sprintf("wrote %d", n-len(buf)), err
			}
			buf = buf[w:]
		}
		return "", nil
	case "read", "readn":
		if d.fd < 0 {
			return "", errNoConn
		}
		want := -1
		if s.verb == "readn" {
			want, _ = strconv.Atoi(s.arg)
		}
		buf := make([]byte, 65536)
		total := 0
		for want < 0 || total < want {
			b := buf
			if want >= 0 && want-total < len(b) {
				b = b[:want-total]
			}
			r, err := syscall.Read(d.fd, b)
			if err != nil {
				return fmt.Sprintf("read %d", total), err
			}
			if r == 0 {
				return fmt.Sprintf("read %d, EOF", total), nil
			}
			total += r
		}
		return fmt.Sprintf("read %d", total), nil
	case "shutdown":
		if d.fd < 0 {
			return "", errNoConn
		}
		return "", syscall.Shutdown(d.fd, syscall.SHUT_WR)
	case "close":
		if d.fd < 0 {
			return "", errNoConn
		}
		err := syscall.Close(d.fd)
		d.fd = -1
		return "", err
	case "abort":
		if d.fd < 0 {
			return "", errNoConn
		}
		err := syscall.SetsockoptLinger(d.fd, syscall.SOL_SOCKET, syscall.SO_LINGER, &syscall.Linger{Onoff: 1, Linger: 0})
		if cerr := syscall.Close(d.fd); err == nil {
			err = cerr
		}
		d.fd = -1
		return "", err
	case "udplisten":
		return "", udpListen(s.arg)
	case "closelisten":
		if d.lfd < 0 {
			return "", errors.New("no listener")
		}
		err := syscall.Close(d.lfd)
		d.lfd = -1
		return "", err
	case "sleep":
		dur, _ := time.ParseDuration(s.arg)
		time.Sleep(dur)
		return "", nil
	case "until":
		ms, _ := strconv.ParseInt(s.arg, 10, 64)
		wait := time.Until(time.UnixMilli(ms))
		if wait < 0 {
			return fmt.Sprintf("already %v late", -wait), nil
		}
		time.Sleep(wait)
		return "", nil
	case "hold":
		dur := time.Until(d.deadline)
		if s.arg != "" {
			dur, _ = time.ParseDuration(s.arg)
		}
		time.Sleep(dur)
		return "", nil
	case "nooffload":
		return "", noOffload(s.arg)
	case "norxcsum":
		return "", ethtoolOff(s.arg, "rx", ethtoolSRXCSUM)
	case "keepalive":
		if d.fd < 0 {
			return "", errNoConn
		}
		ka, _ := parseKeepalive(s.arg)
		for _, o := range []struct {
			level, opt, val int
			name            string
		}{
			{syscall.IPPROTO_TCP, tcpKeepidle, ka[0], "TCP_KEEPIDLE"},
			{syscall.IPPROTO_TCP, tcpKeepintvl, ka[1], "TCP_KEEPINTVL"},
			{syscall.IPPROTO_TCP, tcpKeepcnt, ka[2], "TCP_KEEPCNT"},
			{syscall.SOL_SOCKET, syscall.SO_KEEPALIVE, 1, "SO_KEEPALIVE"},
		} {
			if err := syscall.SetsockoptInt(d.fd, o.level, o.opt, o.val); err != nil {
				return "", fmt.Errorf("%s: %v", o.name, err)
			}
		}
		return "", nil
	}
	return "", fmt.Errorf("step %q not implemented", s.verb)
}

// closeCurrent closes the current connection, if any, when a new one
// replaces it. Scripts close explicitly; this only avoids leaking fds.
func (d *driver) closeCurrent() {
	if d.fd >= 0 {
		syscall.Close(d.fd)
		d.fd = -1
	}
}

// parseKeepalive parses IDLE:INTVL:CNT (seconds, seconds, probes).
func parseKeepalive(arg string) ([3]int, error) {
	var ka [3]int
	f := strings.Split(arg, ":")
	if len(f) != 3 {
		return ka, errors.New("want IDLE:INTVL:CNT")
	}
	for i := range f {
		n, err := strconv.Atoi(f[i])
		if err != nil || n < 1 {
			return ka, fmt.Errorf("bad value %q", f[i])
		}
		ka[i] = n
	}
	return ka, nil
}

func newSocket(ap netip.AddrPort, opts map[string]string) (int, error) {
	family := syscall.AF_INET
	if ap.Addr().Is6() && !ap.Addr().Is4In6() {
		family = syscall.AF_INET6
	}
	fd, err := syscall.Socket(family, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, syscall.IPPROTO_TCP)
	if err != nil {
		return -1, err
	}
	if err := syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1); err != nil {
		syscall.Close(fd)
		return -1, err
	}
	if v := opts["rcvbuf"]; v != "" {
		n, _ := strconv.Atoi(v)
		if err := syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_RCVBUF, n); err != nil {
			syscall.Close(fd)
			return -1, fmt.Errorf("SO_RCVBUF: %v", err)
		}
	}
	if v := opts["mss"]; v != "" {
		n, _ := strconv.Atoi(v)
		if err := syscall.SetsockoptInt(fd, syscall.IPPROTO_TCP, syscall.TCP_MAXSEG, n); err != nil {
			syscall.Close(fd)
			return -1, fmt.Errorf("TCP_MAXSEG: %v", err)
		}
	}
	return fd, nil
}

func (d *driver) listen(s step) error {
	ap, _ := netip.ParseAddrPort(s.arg)
	fd, err := newSocket(ap, s.opts)
	if err != nil {
		return err
	}
	if _, ok := s.opts["fastopen"]; ok {
		if err := syscall.SetsockoptInt(fd, syscall.IPPROTO_TCP, tcpFastopen, fastopenQueueLen); err != nil {
			syscall.Close(fd)
			return fmt.Errorf("TCP_FASTOPEN: %v", err)
		}
	}
	if err := syscall.Bind(fd, sockaddr(ap)); err != nil {
		syscall.Close(fd)
		return err
	}
	backlog := 16
	if v := s.opts["backlog"]; v != "" {
		backlog, _ = strconv.Atoi(v) // checked at parse time
	}
	if err := syscall.Listen(fd, backlog); err != nil {
		syscall.Close(fd)
		return err
	}
	// An older listener stays open (a scenario may listen on several
	// ports); accept uses the newest.
	d.lfd = fd
	return nil
}

func (d *driver) connect(s step) error {
	ap, _ := netip.ParseAddrPort(s.arg)
	fd, err := newSocket(ap, s.opts)
	if err != nil {
		return err
	}
	if err := syscall.SetsockoptInt(fd, syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1); err != nil {
		syscall.Close(fd)
		return err
	}
	if _, ok := s.opts["fastopen"]; ok {
		if err := syscall.SetsockoptInt(fd, syscall.IPPROTO_TCP, tcpFastopenConnect, 1); err != nil {
			syscall.Close(fd)
			return fmt.Errorf("TCP_FASTOPEN_CONNECT: %v", err)
		}
	}
	if b := s.opts["bind"]; b != "" {
		bap, _ := netip.ParseAddrPort(b)
		if err := syscall.Bind(fd, sockaddr(bap)); err != nil {
			syscall.Close(fd)
			return fmt.Errorf("bind %s: %v", b, err)
		}
	}
	d.closeCurrent()
	// The socket becomes current even if connect fails, so that a later
	// "close" or "hold" acts on it as the script expects.
	d.fd = fd
	return syscall.Connect(fd, sockaddr(ap))
}

func sockaddr(ap netip.AddrPort) syscall.Sockaddr {
	if ap.Addr().Is4() || ap.Addr().Is4In6() {
		return &syscall.SockaddrInet4{Port: int(ap.Port()), Addr: ap.Addr().Unmap().As4()}
	}
	return &syscall.SockaddrInet6{Port: int(ap.Port()), Addr: ap.Addr().As16()}
}

func sockaddrString(sa syscall.Sockaddr) string {
	switch sa := sa.(type) {
	case *syscall.SockaddrInet4:
		return netip.AddrPortFrom(netip.AddrFrom4(sa.Addr), uint16(sa.Port)).String()
	case *syscall.SockaddrInet6:
		return netip.AddrPortFrom(netip.AddrFrom16(sa.Addr), uint16(sa.Port)).String()
	}
	return fmt.Sprint(sa)
}

// noOffload does what "ethtool -K IFACE tx off sg off tso off gso off gro
// off" does, with the legacy SIOCETHTOOL commands, because ethtool may not be
// installed.
func noOffload(iface string) error {
	for _, c := range []struct {
		name string
		cmd  uint32
	}{{"gro", ethtoolSGRO}, {"gso", ethtoolSGSO}, {"tso", ethtoolSTSO}, {"sg", ethtoolSSG}, {"tx", ethtoolSTXCSUM}} {
		if err := ethtoolOff(iface, c.name, c.cmd); err != nil {
			return err
		}
	}
	return nil
}

// ethtoolOff turns one offload feature of iface off (ethtool -K IFACE
// NAME off) with the legacy ethtool set command cmd.
func ethtoolOff(iface, name string, cmd uint32) error {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer syscall.Close(fd)
	val := &struct{ cmd, data uint32 }{cmd, 0}
	ifr := new([40]byte) // struct ifreq: 16-byte name, then a union holding ifr_data
	if len(iface) >= 16 {
		return fmt.Errorf("interface name %q too long", iface)
	}
	copy(ifr[:], iface)
	*(*unsafe.Pointer)(unsafe.Pointer(&ifr[16])) = unsafe.Pointer(val)
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), siocEthtool, uintptr(unsafe.Pointer(ifr)))
	runtime.KeepAlive(val)
	if e != 0 {
		return fmt.Errorf("%s %s off: %v", iface, name, e)
	}
	return nil
}

// udpListen binds a UDP socket to addr and leaves it open, unread, until
// the process ends: a UDP port that is open and never answers.
func udpListen(addr string) error {
	ap := netip.MustParseAddrPort(addr)
	fam, sa := syscall.AF_INET, syscall.Sockaddr(&syscall.SockaddrInet4{Port: int(ap.Port()), Addr: ap.Addr().As4()})
	if ap.Addr().Is6() {
		fam, sa = syscall.AF_INET6, &syscall.SockaddrInet6{Port: int(ap.Port()), Addr: ap.Addr().As16()}
	}
	fd, err := syscall.Socket(fam, syscall.SOCK_DGRAM, 0)
	if err != nil {
		return err
	}
	if err := syscall.Bind(fd, sa); err != nil {
		syscall.Close(fd)
		return err
	}
	return nil
}
