package main

import (
	"container/heap"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

const (
	ethPAll              = 0x0003
	packetIgnoreOutgoing = 23 // PACKET_IGNORE_OUTGOING, Linux 4.20
	packetAddMembership  = 1
	packetMrPromisc      = 1
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// rule acts on one kind of segment in one direction: it holds the Nth one
// back for extra (-hold), drops it (-drop), or forwards it right behind the
// after segments of the same kind that follow it (-swap).
type rule struct {
	action string // "hold", "drop" or "swap"
	dir    string // "ab" or "ba"
	kind   string
	nth    int // 1-based ordinal among matches, 0 = all (hold only)
	extra  time.Duration
	after  int // swap: how many later matches overtake the held segment
	seen   int

	// swap state, guarded by bridge.mu: the held frame and how many more
	// matches it waits for.
	held     []byte
	heldSeg  segment
	waiting  int
	released bool
}

// swapMaxWait bounds how long a -swap rule keeps its segment when fewer
// matches than asked for follow it.
const swapMaxWait = time.Second

// rules is a flag.Value collecting rules of one action.
type rules struct {
	action string
	list   *[]*rule
}

func (r rules) String() string {
	if r.list == nil {
		return "0 rules"
	}
	return fmt.Sprint(len(*r.list), " rules")
}

func (r rules) Set(s string) error {
	want := map[string]string{"hold": "DIR:KIND:N:DURATION", "drop": "DIR:KIND:N", "swap": "DIR:KIND:N:K"}[r.action]
	f := strings.Split(s, ":")
	if len(f) != strings.Count(want, ":")+1 {
		return fmt.Errorf("want %s", want)
	}
	if f[0] != "ab" && f[0] != "ba" {
		return fmt.Errorf("direction %q: want ab or ba", f[0])
	}
	switch f[1] {
	case "syn", "synack", "fin", "rst", "data", "ack", "any":
	default:
		return fmt.Errorf("unknown kind %q", f[1])
	}
	n, err := strconv.Atoi(f[2])
	if err != nil || n < 0 || (n == 0 && r.action != "hold") {
		return fmt.Errorf("bad ordinal %q", f[2])
	}
	nr := &rule{action: r.action, dir: f[0], kind: f[1], nth: n}
	switch r.action {
	case "hold":
		if nr.extra, err = time.ParseDuration(f[3]); err != nil {
			return err
		}
	case "swap":
		if nr.after, err = strconv.Atoi(f[3]); err != nil || nr.after < 1 {
			return fmt.Errorf("bad count %q", f[3])
		}
	}
	*r.list = append(*r.list, nr)
	return nil
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("delaybridge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ifA := fs.String("a", "", "first interface (the client side)")
	ifB := fs.String("b", "", "second interface (the server side)")
	delay := fs.Duration("delay", 0, "delay in both directions")
	delayAB := fs.Duration("delay-ab", -1, "delay from a to b (default -delay)")
	delayBA := fs.Duration("delay-ba", -1, "delay from b to a (default -delay)")
	deadline := fs.Duration("deadline", 30*time.Second, "exit after this long")
	verbose := fs.Bool("v", false, "log every TCP segment forwarded")
	var all []*rule
	fs.Var(rules{"hold", &all}, "hold", "DIR:KIND:N:DURATION: hold back the Nth segment of KIND (repeatable)")
	fs.Var(rules{"drop", &all}, "drop", "DIR:KIND:N: drop the Nth segment of KIND (repeatable)")
	fs.Var(rules{"swap", &all}, "swap", "DIR:KIND:N:K: forward the Nth segment of KIND right after the K that follow it (repeatable)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *ifA == "" || *ifB == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "delaybridge: need -a IFACE -b IFACE and no other arguments")
		return 2
	}
	if *delayAB < 0 {
		*delayAB = *delay
	}
	if *delayBA < 0 {
		*delayBA = *delay
	}
	a, err := openPort(*ifA)
	if err != nil {
		fmt.Fprintf(stderr, "delaybridge: %v\n", err)
		return 1
	}
	b, err := openPort(*ifB)
	if err != nil {
		fmt.Fprintf(stderr, "delaybridge: %v\n", err)
		return 1
	}
	br := &bridge{log: stderr, start: time.Now(), verbose: *verbose, rules: all}
	ab := newQueue(b, br)
	ba := newQueue(a, br)
	go ab.run()
	go ba.run()
	go br.forward(a, "ab", *delayAB, ab)
	go br.forward(b, "ba", *delayBA, ba)
	fmt.Fprintf(stderr, "delaybridge: forwarding %s <-> %s, delay ab %v ba %v, %d rules, deadline %v\n",
		*ifA, *ifB, *delayAB, *delayBA, len(all), *deadline)
	time.Sleep(*deadline)
	fmt.Fprintf(stderr, "delaybridge: deadline reached, %d frames forwarded ab, %d ba\n", ab.count(), ba.count())
	return 0
}

// port is one interface's packet socket.
type port struct {
	name    string
	ifindex int
	fd      int
}

func htons(v uint16) uint16 { return v<<8 | v>>8 }

func openPort(name string) (*port, error) {
	ifi, err := net.InterfaceByName(name)
	if err != nil {
		return nil, err
	}
	// Protocol 0 until bound, so no frame from another interface is queued
	// between socket() and bind().
	fd, err := syscall.Socket(syscall.AF_PACKET, syscall.SOCK_RAW|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: packet socket: %v", name, err)
	}
	// Best effort: the kernel then never queues our own transmissions; the
	// sll_pkttype check in forward is what guarantees it.
	_ = syscall.SetsockoptInt(fd, syscall.SOL_PACKET, packetIgnoreOutgoing, 1)
	if err := syscall.Bind(fd, &syscall.SockaddrLinklayer{Protocol: htons(ethPAll), Ifindex: ifi.Index}); err != nil {
		syscall.Close(fd)
		return nil, fmt.Errorf("%s: bind: %v", name, err)
	}
	if err := promisc(fd, ifi.Index); err != nil {
		syscall.Close(fd)
		return nil, fmt.Errorf("%s: promiscuous mode: %v", name, err)
	}
	return &port{name: name, ifindex: ifi.Index, fd: fd}, nil
}

// promisc adds a PACKET_MR_PROMISC membership (struct packet_mreq) on fd.
func promisc(fd, ifindex int) error {
	mreq := &struct {
		ifindex int32
		typ     uint16
		alen    uint16
		addr    [8]byte
	}{ifindex: int32(ifindex), typ: packetMrPromisc}
	_, _, e := syscall.Syscall6(syscall.SYS_SETSOCKOPT, uintptr(fd), syscall.SOL_PACKET,
		packetAddMembership, uintptr(unsafe.Pointer(mreq)), unsafe.Sizeof(*mreq), 0)
	runtime.KeepAlive(mreq)
	if e != 0 {
		return e
	}
	return nil
}

type bridge struct {
	log     io.Writer
	start   time.Time
	verbose bool
	mu      sync.Mutex // guards the rules' state and log
	rules   []*rule
}

func (br *bridge) logf(format string, a ...any) {
	br.mu.Lock()
	defer br.mu.Unlock()
	br.logfLocked(format, a...)
}

// logfLocked is logf with br.mu held.
func (br *bridge) logfLocked(format string, a ...any) {
	fmt.Fprintf(br.log, "delaybridge %8.3fs ", time.Since(br.start).Seconds())
	fmt.Fprintf(br.log, format, a...)
	fmt.Fprintln(br.log)
}

// forward reads frames arriving on in and queues them on q.
func (br *bridge) forward(in *port, dir string, delay time.Duration, q *queue) {
	buf := make([]byte, 65536)
	for {
		n, from, err := syscall.Recvfrom(in.fd, buf, 0)
		if err != nil {
			if err == syscall.EINTR {
				continue
			}
			br.logf("%s: read: %v", in.name, err)
			return
		}
		if ll, ok := from.(*syscall.SockaddrLinklayer); ok && ll.Pkttype == syscall.PACKET_OUTGOING {
			continue // our own transmission
		}
		now := time.Now()
		frame := append([]byte(nil), buf[:n]...)
		seg, isTCP := parseTCP(frame)
		if !isTCP {
			q.push(now.Add(delay), frame)
			continue
		}
		br.apply(dir, seg, frame, now.Add(delay), delay, q)
	}
}

// apply runs the rules on one TCP segment arriving in direction dir and
// queues it (or not) with due time due.
func (br *bridge) apply(dir string, seg segment, frame []byte, due time.Time, delay time.Duration, q *queue) {
	br.mu.Lock()
	wait, drop, stash := delay, false, false
	var follow [][]byte // swapped frames released right behind this one
	for _, r := range br.rules {
		if r.dir != dir || !seg.is(r.kind) {
			continue
		}
		r.seen++
		hit := r.nth == 0 || r.seen == r.nth
		switch {
		case r.action == "hold" && hit:
			wait += r.extra
		case r.action == "drop" && hit:
			drop = true
		case r.action == "swap" && hit:
			stash = true
		case r.action == "swap" && r.held != nil && !r.released:
			r.waiting--
			if r.waiting == 0 {
				r.released = true
				follow = append(follow, r.held)
				br.logfLocked("%s %s: released behind %s", dir, r.heldSeg, seg)
			}
		}
	}
	switch {
	case drop:
		br.logfLocked("%s %s: dropped", dir, seg)
	case stash:
		// The first matching swap rule keeps the frame; it is queued when
		// enough later matches have passed, or after swapMaxWait.
		for _, r := range br.rules {
			if r.action == "swap" && r.dir == dir && seg.is(r.kind) && r.seen == r.nth {
				r.held, r.heldSeg, r.waiting = frame, seg, r.after
				br.logfLocked("%s %s: held until %d more %s segments pass", dir, seg, r.after, r.kind)
				time.AfterFunc(swapMaxWait, func() {
					br.mu.Lock()
					late := !r.released
					r.released = true
					if late {
						br.logfLocked("%s %s: released after %v (too few segments followed)", dir, seg, swapMaxWait)
					}
					br.mu.Unlock()
					if late {
						q.push(time.Now().Add(delay), frame)
					}
				})
				break
			}
		}
	default:
		if br.verbose || wait != delay {
			br.logfLocked("%s %s, release in %v", dir, seg, wait)
		}
	}
	br.mu.Unlock()
	if !drop && !stash {
		q.push(due.Add(wait-delay), frame)
	}
	for _, f := range follow {
		q.push(due.Add(wait-delay), f)
	}
}

// segment is what the hold rules look at.
type segment struct {
	flags   byte
	seq     uint32
	payload int
	sport   uint16
	dport   uint16
}

const (
	tcpFIN = 0x01
	tcpSYN = 0x02
	tcpRST = 0x04
	tcpACK = 0x10
)

func (s segment) is(kind string) bool {
	switch kind {
	case "syn":
		return s.flags&(tcpSYN|tcpACK) == tcpSYN
	case "synack":
		return s.flags&(tcpSYN|tcpACK) == tcpSYN|tcpACK
	case "fin":
		return s.flags&tcpFIN != 0
	case "rst":
		return s.flags&tcpRST != 0
	case "data":
		return s.payload > 0 && s.flags&tcpSYN == 0
	case "ack":
		return s.payload == 0 && s.flags&0x3f == tcpACK
	case "any":
		return true
	}
	return false
}

func (s segment) String() string {
	var f []byte
	for _, c := range []struct {
		bit byte
		c   byte
	}{{tcpSYN, 'S'}, {tcpFIN, 'F'}, {tcpRST, 'R'}, {0x08, 'P'}, {tcpACK, '.'}} {
		if s.flags&c.bit != 0 {
			f = append(f, c.c)
		}
	}
	return fmt.Sprintf("%d > %d [%s] seq %d len %d", s.sport, s.dport, f, s.seq, s.payload)
}

// parseTCP decodes an Ethernet frame carrying IPv4 or IPv6 (without
// extension headers) and TCP.
func parseTCP(f []byte) (segment, bool) {
	if len(f) < 14 {
		return segment{}, false
	}
	var ipPayload []byte
	switch binary.BigEndian.Uint16(f[12:]) {
	case 0x0800:
		ip := f[14:]
		if len(ip) < 20 || ip[9] != 6 {
			return segment{}, false
		}
		ihl := int(ip[0]&0x0f) * 4
		total := int(binary.BigEndian.Uint16(ip[2:]))
		if ihl < 20 || total < ihl || total > len(ip) {
			return segment{}, false
		}
		ipPayload = ip[ihl:total]
	case 0x86dd:
		ip := f[14:]
		if len(ip) < 40 || ip[6] != 6 {
			return segment{}, false
		}
		plen := int(binary.BigEndian.Uint16(ip[4:]))
		if 40+plen > len(ip) {
			return segment{}, false
		}
		ipPayload = ip[40 : 40+plen]
	default:
		return segment{}, false
	}
	if len(ipPayload) < 20 {
		return segment{}, false
	}
	doff := int(ipPayload[12]>>4) * 4
	if doff < 20 || doff > len(ipPayload) {
		return segment{}, false
	}
	return segment{
		flags:   ipPayload[13],
		seq:     binary.BigEndian.Uint32(ipPayload[4:]),
		payload: len(ipPayload) - doff,
		sport:   binary.BigEndian.Uint16(ipPayload[0:]),
		dport:   binary.BigEndian.Uint16(ipPayload[2:]),
	}, true
}

// queue releases frames on out at their due time, earliest first, in
// arrival order among equal times.
type queue struct {
	out  *port
	br   *bridge
	mu   sync.Mutex
	h    frameHeap
	next uint64
	sent int
	wake chan struct{}
}

type item struct {
	due   time.Time
	order uint64
	frame []byte
}

type frameHeap []item

func (h frameHeap) Len() int { return len(h) }
func (h frameHeap) Less(i, j int) bool {
	if !h[i].due.Equal(h[j].due) {
		return h[i].due.Before(h[j].due)
	}
	return h[i].order < h[j].order
}
func (h frameHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *frameHeap) Push(x any)   { *h = append(*h, x.(item)) }
func (h *frameHeap) Pop() any {
	old := *h
	it := old[len(old)-1]
	*h = old[:len(old)-1]
	return it
}

func newQueue(out *port, br *bridge) *queue {
	return &queue{out: out, br: br, wake: make(chan struct{}, 1)}
}

func (q *queue) push(due time.Time, frame []byte) {
	q.mu.Lock()
	heap.Push(&q.h, item{due: due, order: q.next, frame: frame})
	q.next++
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

func (q *queue) count() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.sent
}

func (q *queue) run() {
	timer := time.NewTimer(time.Hour)
	for {
		q.mu.Lock()
		var wait time.Duration = time.Hour
		var ready [][]byte
		now := time.Now()
		for q.h.Len() > 0 {
			if d := q.h[0].due.Sub(now); d > 0 {
				wait = d
				break
			}
			ready = append(ready, heap.Pop(&q.h).(item).frame)
		}
		q.sent += len(ready)
		q.mu.Unlock()
		for _, f := range ready {
			to := &syscall.SockaddrLinklayer{Protocol: htons(ethPAll), Ifindex: q.out.ifindex}
			if err := syscall.Sendto(q.out.fd, f, 0, to); err != nil {
				q.br.logf("%s: send %d bytes: %v", q.out.name, len(f), err)
			}
		}
		timer.Reset(wait)
		select {
		case <-timer.C:
		case <-q.wake:
			if !timer.Stop() {
				select {
				case <-timer.C:
				default:
				}
			}
		}
	}
}
