package tracker

import (
	"fmt"
	"net/netip"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
)

var router = netip.MustParseAddr("10.0.0.254")

// icmpErr builds an ICMP error at ms from "from" quoting a segment in
// direction dir ("c>s" quotes the client's) with seq and, if flags is not
// "", its flags.
func icmpErr(ms int, from netip.Addr, typ, code uint8, dir string, seq uint32, flags string) segment.Segment {
	q := pkt(ms, dir, "none", seq, 0, 0)
	q.Kind = segment.ICMPError
	q.ICMP = segment.ICMP{From: from, Type: typ, Code: code, Proto: segment.ProtoTCP}
	if flags != "" {
		q.Flags, _ = segment.ParseFlags(flags)
		q.ICMP.HasFlags = true
	}
	return q
}

// udpDgram builds a UDP datagram at ms in direction dir with n bytes.
func udpDgram(ms int, dir string, n int) segment.Segment {
	d := pkt(ms, dir, "none", 0, 0, n)
	d.Kind, d.Seq, d.Window = segment.UDP, 0, 0
	d.DstPort, d.SrcPort = 53, 40000
	if dir == "s>c" {
		d.DstPort, d.SrcPort = 40000, 53
	}
	return d
}

// udpICMP builds an ICMP error from "from" quoting the client's datagram.
func udpICMP(ms int, from netip.Addr, code uint8) segment.Segment {
	q := udpDgram(ms, "c>s", 0)
	q.Kind, q.PayloadLen = segment.ICMPError, 0
	q.ICMP = segment.ICMP{From: from, Type: 3, Code: code, Proto: segment.ProtoUDP}
	return q
}

// icmpRecorder hears transitions, probes and ICMP errors.
type icmpRecorder struct {
	probeRecorder
}

func (r *icmpRecorder) ICMP(e *ICMPError) {
	r.lines = append(r.lines, fmt.Sprintf("#%d c%d icmp %s from %s for %s %s #%d seq ok %v aborted %v",
		e.Pkt, e.Conn.ID(), e.ICMP.Name(), e.ICMP.From, e.Side.Role(), e.Quote, e.QuotePkt, e.SeqOK, e.Aborted))
	for _, ev := range e.Events {
		r.event(e.Conn, ev)
	}
}

func (r *icmpRecorder) Probe(p *Probe) {
	ans := p.Answer
	if p.Answer == AnswerICMP {
		ans += " " + p.ICMP.Name() + " from " + p.AnswerFrom.String()
	}
	if p.AnswerPkt != 0 {
		ans += fmt.Sprintf(" #%d", p.AnswerPkt)
	}
	r.probes = append(r.probes, fmt.Sprintf("#%d %s %s>%s %s x%d len %d: %s: %s", p.Pkt, p.Proto, p.Prober, p.Target, p.Kind, p.Count, p.Len, ans, p.Verdict))
}

func replayICMP(t *testing.T, segs ...segment.Segment) (*icmpRecorder, Stats) {
	t.Helper()
	r := &icmpRecorder{}
	tr := New(Config{}, r)
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
		tr.Handle(&segs[i])
	}
	tr.Flush()
	return r, tr.Stats()
}

func TestICMPConn(t *testing.T) {
	tests := []struct {
		name  string
		segs  []segment.Segment
		lines string
		done  string
		st    Stats
	}{
		{
			name: "admin prohibited for the SYN aborts the connect",
			segs: []segment.Segment{pkt(0, "c>s", "S", 1000, 0, 0), icmpErr(1, router, 3, 13, "c>s", 1000, "S")},
			lines: `
#1 c1 client CLOSED>SYN-SENT: sent SYN
#2 c1 icmp admin prohibited from 10.0.0.254 for client SYN #1 seq ok true aborted true
#2 c1 client SYN-SENT>CLOSED: rcvd ICMP error for its SYN: connect failed [inferred]`,
			done: "c1 10.0.0.1:40000 CLOSED/UNKNOWN S0 S unreachable (ICMP error)",
			st:   Stats{ICMP: 1},
		},
		{
			name: "8-byte quote: the SYN known by its sequence number",
			segs: []segment.Segment{pkt(0, "c>s", "S", 1000, 0, 0), icmpErr(1, srv.Addr(), 3, 1, "c>s", 1000, "")},
			lines: `
#1 c1 client CLOSED>SYN-SENT: sent SYN
#2 c1 icmp host unreachable from 10.0.0.2 for client SYN #1 seq ok true aborted true
#2 c1 client SYN-SENT>CLOSED: rcvd ICMP error for its SYN: connect failed [inferred]`,
			done: "c1 10.0.0.1:40000 CLOSED/UNKNOWN S0 S unreachable (ICMP error)",
			st:   Stats{ICMP: 1},
		},
		{
			name: "a sequence number never sent: suspicious, no abort",
			segs: []segment.Segment{pkt(0, "c>s", "S", 1000, 0, 0), icmpErr(1, router, 3, 13, "c>s", 77777, "S")},
			lines: `
#1 c1 client CLOSED>SYN-SENT: sent SYN
#2 c1 icmp admin prohibited from 10.0.0.254 for client SYN #0 seq ok false aborted false`,
			done: "c1 10.0.0.1:40000 SYN-SENT/UNKNOWN S0 S unanswered",
			st:   Stats{ICMP: 1},
		},
		{
			name: "fragmentation needed changes nothing",
			segs: cat(handshake(), []segment.Segment{pkt(3, "c>s", "P.", 1001, 5001, 1400), icmpErr(4, router, 3, 4, "c>s", 1001, "P.")}),
			lines: `
#1 c1 client CLOSED>SYN-SENT: sent SYN
#2 c1 server LISTEN>SYN-RECEIVED: rcvd SYN
#3 c1 client SYN-SENT>ESTABLISHED: rcvd SYN-ACK
#3 c1 server SYN-RECEIVED>ESTABLISHED: rcvd ACK of SYN
#3 c1 phase: handshake complete
#5 c1 icmp fragmentation needed from 10.0.0.254 for client segment #0 seq ok true aborted false`,
			done: "c1 10.0.0.1:40000 ESTABLISHED/ESTABLISHED S1 ShAD open",
			st:   Stats{ICMP: 1},
		},
		{
			name: "an error about nothing is counted",
			segs: []segment.Segment{icmpErr(0, router, 3, 13, "c>s", 1000, "S")},
			st:   Stats{ICMPUnmatched: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, st := replayICMP(t, tt.segs...)
			expect(t, "lines", r.lines, tt.lines)
			expect(t, "done", r.done, tt.done)
			if st.ICMP != tt.st.ICMP || st.ICMPUnmatched != tt.st.ICMPUnmatched || st.Conns != uint64(len(r.done)) {
				t.Errorf("stats %+v", st)
			}
		})
	}
}

func TestICMPConnRecord(t *testing.T) {
	var got ICMPSeen
	var n uint32
	obs := observerFunc(func(c *Conn) { got, n = c.ICMP() })
	tr := New(Config{}, obs)
	for i, s := range []segment.Segment{pkt(0, "c>s", "S", 1000, 0, 0), icmpErr(1, router, 3, 13, "c>s", 1000, "S"), icmpErr(2, router, 3, 13, "c>s", 1000, "S")} {
		s.Pkt = uint64(i + 1)
		tr.Handle(&s)
	}
	tr.Flush()
	if n != 2 || got.Pkt != 2 || got.ICMP.From != router || got.Side != Orig || !got.SeqOK || got.Quote != "SYN" {
		t.Errorf("ICMP() = %+v, %d", got, n)
	}
}

// observerFunc is an Observer that calls done for each finished connection.
type observerFunc func(c *Conn)

func (f observerFunc) Packet(*Conn, *segment.Segment, Side, []Event) {}
func (f observerFunc) Events(*Conn, []Event)                         {}
func (f observerFunc) Done(c *Conn)                                  { f(c) }

func TestICMPProbes(t *testing.T) {
	tests := []struct {
		name   string
		segs   []segment.Segment
		probes string
		st     Stats
	}{
		{
			name:   "FIN probe answered by admin prohibited: filtered",
			segs:   []segment.Segment{pkt(0, "c>s", "F", 1000, 0, 0), icmpErr(1, router, 3, 13, "c>s", 1000, "F")},
			probes: "#1 tcp 10.0.0.1:40000>10.0.0.2:80 no ACK x1 len 0: ICMP admin prohibited from 10.0.0.254 #2: filtered",
			st:     Stats{Probes: 1},
		},
		{
			name:   "UDP to a closed port",
			segs:   []segment.Segment{udpDgram(0, "c>s", 0), udpICMP(1, srv.Addr(), 3)},
			probes: "#1 udp 10.0.0.1:40000>10.0.0.2:53 UDP x1 len 0: ICMP port unreachable from 10.0.0.2 #2: closed",
			st:     Stats{UDPProbes: 1},
		},
		{
			name:   "UDP filtered by a firewall",
			segs:   []segment.Segment{udpDgram(0, "c>s", 0), udpDgram(1000, "c>s", 0), udpICMP(1001, router, 13)},
			probes: "#1 udp 10.0.0.1:40000>10.0.0.2:53 UDP x2 len 0: ICMP admin prohibited from 10.0.0.254 #3: filtered",
			st:     Stats{UDPProbes: 1},
		},
		{
			name:   "UDP unanswered: open|filtered",
			segs:   []segment.Segment{udpDgram(0, "c>s", 12), udpDgram(1000, "c>s", 12)},
			probes: "#1 udp 10.0.0.1:40000>10.0.0.2:53 UDP x2 len 12: none: open|filtered",
			st:     Stats{UDPProbes: 1},
		},
		{
			name: "UDP answered by UDP: an ordinary exchange, not reported",
			segs: []segment.Segment{udpDgram(0, "c>s", 30), udpDgram(1, "s>c", 90), udpDgram(10000, "c>s", 30), udpDgram(10001, "s>c", 90)},
			st:   Stats{UDPAnswered: 1},
		},
		{
			name: "a one-way stream is no probe",
			segs: []segment.Segment{udpDgram(0, "c>s", 100), udpDgram(1, "c>s", 100), udpDgram(2, "c>s", 100), udpDgram(3, "c>s", 100), udpDgram(4, "c>s", 100), udpDgram(9000, "c>s", 100)},
		},
		{
			name: "port unreachable after an exchange matches nothing",
			segs: []segment.Segment{udpDgram(0, "c>s", 30), udpDgram(1, "s>c", 90), udpICMP(2, srv.Addr(), 3)},
			st:   Stats{UDPAnswered: 1, ICMPUnmatched: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, st := replayICMP(t, tt.segs...)
			expect(t, "probes", r.probes, tt.probes)
			if st.Probes != tt.st.Probes || st.UDPProbes != tt.st.UDPProbes || st.UDPAnswered != tt.st.UDPAnswered ||
				st.ICMPUnmatched != tt.st.ICMPUnmatched || st.Conns != 0 || st.Segments != uint64(countTCP(tt.segs)) {
				t.Errorf("stats %+v", st)
			}
		})
	}
}

func countTCP(segs []segment.Segment) int {
	n := 0
	for i := range segs {
		if segs[i].Kind == segment.TCP {
			n++
		}
	}
	return n
}

// TestUDPTableBounded: a UDP scan of many ports keeps at most maxUDP
// 4-tuples, reports every probe once, and does not allocate per datagram
// once warm.
func TestUDPTableBounded(t *testing.T) {
	r := &icmpRecorder{}
	var n int
	tr := New(Config{}, probeCounter{&n})
	_ = r
	d := udpDgram(0, "c>s", 0)
	const total = 3 * maxUDP
	for i := range total {
		d.SrcPort = uint16(1024 + i%60000)
		d.DstPort = uint16(i / 60000)
		d.Time = t0.Add(time.Duration(i) * time.Microsecond)
		d.Pkt = uint64(i + 1)
		tr.Handle(&d)
		if len(tr.udpt.m) > maxUDP {
			t.Fatalf("%d entries", len(tr.udpt.m))
		}
	}
	tr.Flush()
	if n != total || tr.Stats().UDPProbes != total {
		t.Errorf("%d probes reported, stats %d; want %d", n, tr.Stats().UDPProbes, total)
	}
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		i++
		d.SrcPort = uint16(i)
		d.DstPort = 9
		d.Time = d.Time.Add(time.Second)
		tr.Handle(&d)
	})
	if allocs > 0.01 {
		t.Errorf("%v allocations per datagram", allocs)
	}
}

type probeCounter struct{ n *int }

func (p probeCounter) Packet(*Conn, *segment.Segment, Side, []Event) {}
func (p probeCounter) Events(*Conn, []Event)                         {}
func (p probeCounter) Done(*Conn)                                    {}
func (p probeCounter) Probe(*Probe)                                  { *p.n++ }

var _ = seqnum.Value(0)
