// Package kerneltruth reads the kernel's own view of TCP sockets, recorded
// with `ss -tanoi` at the end of each capture in testdata/pcaps, so tests can
// compare flowtrace's inferred endpoint states with the Linux stack's.
//
// A truth file (NAME.ss, written by scripts/mktraces.sh) is a comment line,
// then for each network namespace a line "# ns NAME ADDR..." followed by the
// verbatim output of `ss -tanoi` in that namespace:
//
//	# flowtrace kernel truth: ss -tanoi at end of capture
//	# ns ft-cli 10.77.0.1 fd77::1
//	State     Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess
//	TIME-WAIT 0      0          10.77.0.1:40001    10.77.0.2:5000 timer:(timewait,59sec,0)
//	# ns ft-srv 10.77.0.2 fd77::2
//	State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
//	LISTEN 0      16         10.77.0.2:5000      0.0.0.0:*
//		 bbr cwnd:10
//
// Plain ss output without "# ns" lines parses too (Socket.NS is then empty).
// ss state names are mapped to RFC 9293 names (ESTAB is "ESTABLISHED",
// SYN-RECV is "SYN-RECEIVED", UNCONN is "CLOSED"). The package does no I/O
// beyond reading the given file and is safe for concurrent use.
package kerneltruth

import (
	"bufio"
	"fmt"
	"io"
	"net/netip"
	"os"
	"strconv"
	"strings"
)

// Socket is one line of ss output.
type Socket struct {
	NS    string // namespace from the preceding "# ns" line, "" if none
	State string // RFC 9293 name: "ESTABLISHED", "SYN-SENT", "SYN-RECEIVED", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT", "CLOSE-WAIT", "LAST-ACK", "CLOSING", "LISTEN", "CLOSED"
	// Local and Peer are the socket's ends. A wildcard address ("*" in ss)
	// is the zero netip.Addr, and a wildcard port ("*") is 0; "0.0.0.0" and
	// "[::]" stay what they are. An interface suffix ("%eth0") is kept as the
	// zone of an IPv6 address and dropped from an IPv4 one.
	Local, Peer  netip.AddrPort
	RecvQ, SendQ int
	Timer        string // inside ss -o's "timer:(...)", e.g. "timewait,59sec,0"; "" if none
	Info         string // the indented ss -i line(s) that follow, trimmed
}

// Namespace is one "# ns NAME ADDR..." section of a truth file.
type Namespace struct {
	Name  string
	Addrs []netip.Addr
}

// Truth is a parsed truth file.
type Truth struct {
	Namespaces []Namespace
	Sockets    []Socket
}

// Lookup returns the socket in namespace ns (any namespace if ns is "")
// whose ends are local and peer.
func (t *Truth) Lookup(ns string, local, peer netip.AddrPort) (Socket, bool) {
	for _, s := range t.Sockets {
		if (ns == "" || s.NS == ns) && s.Local == local && s.Peer == peer {
			return s, true
		}
	}
	return Socket{}, false
}

// ssStates maps ss's state names to RFC 9293 names.
var ssStates = map[string]string{
	"ESTAB":      "ESTABLISHED",
	"SYN-SENT":   "SYN-SENT",
	"SYN-RECV":   "SYN-RECEIVED",
	"FIN-WAIT-1": "FIN-WAIT-1",
	"FIN-WAIT-2": "FIN-WAIT-2",
	"TIME-WAIT":  "TIME-WAIT",
	"CLOSE-WAIT": "CLOSE-WAIT",
	"LAST-ACK":   "LAST-ACK",
	"CLOSING":    "CLOSING",
	"LISTEN":     "LISTEN",
	"UNCONN":     "CLOSED",
}

// ParseFile parses the truth file name and returns its sockets.
func ParseFile(name string) ([]Socket, error) {
	t, err := ReadFile(name)
	if err != nil {
		return nil, err
	}
	return t.Sockets, nil
}

// Parse parses ss output or a truth file from r and returns its sockets.
func Parse(r io.Reader) ([]Socket, error) {
	t, err := Read(r, "input")
	if err != nil {
		return nil, err
	}
	return t.Sockets, nil
}

// ReadFile parses the truth file name.
func ReadFile(name string) (*Truth, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("kerneltruth: %w", err)
	}
	defer f.Close()
	return Read(f, name)
}

// Read parses ss output or a truth file from r; name is used in errors.
func Read(r io.Reader, name string) (*Truth, error) {
	t := &Truth{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	ns := ""
	netid := false // the ss header had a Netid column
	lineno := 0
	errorf := func(format string, a ...any) error {
		return fmt.Errorf("kerneltruth: %s:%d: %s", name, lineno, fmt.Sprintf(format, a...))
	}
	for sc.Scan() {
		lineno++
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "":
			continue
		case strings.HasPrefix(line, "#"):
			f := strings.Fields(strings.TrimPrefix(line, "#"))
			if len(f) < 2 || f[0] != "ns" {
				continue // other comments
			}
			n := Namespace{Name: f[1]}
			for _, a := range f[2:] {
				addr, err := netip.ParseAddr(a)
				if err != nil {
					return nil, errorf("namespace %s: %v", n.Name, err)
				}
				n.Addrs = append(n.Addrs, addr)
			}
			t.Namespaces = append(t.Namespaces, n)
			ns = n.Name
			continue
		case line[0] == ' ' || line[0] == '\t':
			// An ss -i line: it belongs to the socket above.
			if len(t.Sockets) == 0 {
				return nil, errorf("indented line before any socket")
			}
			s := &t.Sockets[len(t.Sockets)-1]
			if v := strings.TrimSpace(line); v != "" {
				if s.Info != "" {
					s.Info += " "
				}
				s.Info += v
			}
			continue
		}
		f := strings.Fields(line)
		if f[0] == "State" || f[0] == "Netid" {
			netid = f[0] == "Netid"
			continue
		}
		if netid {
			f = f[1:]
		}
		if len(f) < 5 {
			return nil, errorf("want state, Recv-Q, Send-Q, local and peer address, got %q", line)
		}
		s := Socket{NS: ns}
		var ok bool
		if s.State, ok = ssStates[f[0]]; !ok {
			return nil, errorf("unknown state %q", f[0])
		}
		var err error
		if s.RecvQ, err = strconv.Atoi(f[1]); err != nil {
			return nil, errorf("Recv-Q: %v", err)
		}
		if s.SendQ, err = strconv.Atoi(f[2]); err != nil {
			return nil, errorf("Send-Q: %v", err)
		}
		if s.Local, err = parseAddrPort(f[3]); err != nil {
			return nil, errorf("local address: %v", err)
		}
		if s.Peer, err = parseAddrPort(f[4]); err != nil {
			return nil, errorf("peer address: %v", err)
		}
		for _, x := range f[5:] {
			if v, ok := strings.CutPrefix(x, "timer:("); ok {
				s.Timer = strings.TrimSuffix(v, ")")
			}
		}
		t.Sockets = append(t.Sockets, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("kerneltruth: %s: %w", name, err)
	}
	return t, nil
}

// parseAddrPort parses ss's address forms: "10.0.0.1:80", "[fd77::1]:80",
// "0.0.0.0:*", "[::]:*", "*:80", "*:*", "[fe80::1]%eth0:22",
// "10.0.0.1%eth0:80", "[::ffff:10.0.0.1]:80".
func parseAddrPort(s string) (netip.AddrPort, error) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return netip.AddrPort{}, fmt.Errorf("%q: no port", s)
	}
	host, portStr := s[:i], s[i+1:]
	var port uint16
	if portStr != "*" {
		p, err := strconv.ParseUint(portStr, 10, 16)
		if err != nil {
			return netip.AddrPort{}, fmt.Errorf("%q: bad port", s)
		}
		port = uint16(p)
	}
	zone := ""
	if j := strings.LastIndexByte(host, '%'); j >= 0 && !strings.Contains(host[j:], "]") {
		host, zone = host[:j], host[j+1:]
	}
	if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		host = host[1 : len(host)-1]
		if j := strings.IndexByte(host, '%'); j >= 0 { // "[fe80::1%eth0]"
			host, zone = host[:j], host[j+1:]
		}
	}
	if host == "*" {
		return netip.AddrPortFrom(netip.Addr{}, port), nil
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return netip.AddrPort{}, fmt.Errorf("%q: %v", s, err)
	}
	if zone != "" && addr.Is6() {
		addr = addr.WithZone(zone)
	}
	return netip.AddrPortFrom(addr, port), nil
}
