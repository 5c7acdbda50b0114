package findings

import (
	"fmt"
	"math"
	"net/netip"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/internal/testenv"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Table tests of the stuck-state, TIME-WAIT, port-reuse, RST and
// fragment detectors, from segment literals.

const (
	cli = "10.0.0.1:40000"
	srv = "10.0.0.2:80"
)

// opened returns a handshake and 10 bytes each way at ms: the client's
// next sequence number is 111, the server's 511.
func opened(ms float64, c string) []segment.Segment {
	return []segment.Segment{
		sg(ms, c, srv, "S", 100, 0, 0), sg(ms+1, srv, c, "S.", 500, 101, 0), sg(ms+2, c, srv, ".", 101, 501, 0),
		sg(ms+3, c, srv, "P.", 101, 501, 10), sg(ms+4, srv, c, "P.", 501, 111, 10), sg(ms+5, c, srv, ".", 111, 511, 0),
	}
}

// join concatenates segment lists.
func join(parts ...[]segment.Segment) []segment.Segment {
	var out []segment.Segment
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// later is an unrelated refused connection at ms: it moves the capture
// clock on.
func later(ms float64) []segment.Segment {
	return []segment.Segment{sg(ms, "10.0.0.9:50000", "10.0.0.2:81", "S", 1, 0, 0), sg(ms+1, "10.0.0.2:81", "10.0.0.9:50000", "R.", 0, 2, 0)}
}

// ttl sets the TTL of a segment.
func ttl(s segment.Segment, t uint8) segment.Segment { s.TTL = t; return s }

func fins(n int, from, to string, seq, ack uint32, startMs float64) []segment.Segment {
	var out []segment.Segment
	for i := range n {
		out = append(out, sg(startMs+float64(i)*200, from, to, "F.", seq, ack, 0))
	}
	return out
}

// uidRE matches a connection uid.
var uidRE = regexp.MustCompile(`\bC[0-9A-Za-z]{17}\b`)

func TestMoreDetectors(t *testing.T) {
	closeWait := join(opened(0, cli), []segment.Segment{sg(10, cli, srv, "F.", 111, 511, 0), sg(11, srv, cli, ".", 511, 112, 0)})
	keepAlive := func(answered bool) []segment.Segment {
		segs := opened(0, cli)
		for i := range 3 {
			ms := 1000 + float64(i)*1000
			segs = append(segs, sg(ms, cli, srv, ".", 110, 511, 0))
			if answered {
				segs = append(segs, sg(ms+1, srv, cli, ".", 511, 111, 0))
			}
		}
		return append(segs, sg(4000, cli, srv, "R.", 111, 511, 0))
	}
	timeWaits := func(n int, serverFirst bool) []segment.Segment {
		var segs []segment.Segment
		for i := range n {
			c := fmt.Sprintf("10.0.0.1:%d", 40000+i)
			ms := float64(i) * 20
			segs = append(segs, opened(ms, c)...)
			a, b := c, srv
			as, bs := uint32(111), uint32(511)
			if serverFirst {
				a, b, as, bs = srv, c, 511, 111
			}
			segs = append(segs, sg(ms+6, a, b, "F.", as, bs, 0), sg(ms+7, b, a, "F.", bs, as+1, 0), sg(ms+8, a, b, ".", as+1, bs+1, 0))
		}
		return segs
	}
	reuse := func(seq uint32) []segment.Segment {
		return join(opened(0, cli), []segment.Segment{
			sg(10, srv, cli, "F.", 511, 111, 0), sg(11, cli, srv, "F.", 111, 512, 0), sg(12, srv, cli, ".", 512, 112, 0),
			sg(500, cli, srv, "S", seq, 0, 0), sg(501, srv, cli, "S.", 9000, seq+1, 0),
		})
	}
	rstAt := func(t uint8, seq uint32) []segment.Segment {
		return join(opened(0, cli), []segment.Segment{ttl(sg(100, cli, srv, "R", seq, 0, 0), t)})
	}
	tests := []struct {
		name string
		cfg  Config
		segs []segment.Segment
		want string
	}{
		{"CLOSE-WAIT 11 s old", Config{}, join(closeWait, later(11000)), "fired close-wait-leak 10.0.0.2:80 #9; ended close-wait-leak 10.0.0.2:80"},
		{"CLOSE-WAIT younger than --close-wait-age", Config{CloseWaitAge: 20 * time.Second}, join(closeWait, later(11000)), ""},
		{"CLOSE-WAIT closed in time", Config{}, join(closeWait, []segment.Segment{sg(5000, srv, cli, "F.", 511, 112, 0), sg(5001, cli, srv, ".", 112, 512, 0)}, later(11000)), ""},
		{"FIN-WAIT-2 past --fin-wait-2-age", Config{FinWait2Age: 5 * time.Second}, join(closeWait, later(6000)), "fired fin-wait-2-stuck 10.0.0.1 #9; ended fin-wait-2-stuck 10.0.0.1"},
		{"FIN-WAIT-1: 3 FIN retransmissions", Config{}, join(opened(0, cli), fins(4, cli, srv, 111, 511, 10)), "fired fin-wait-1-stuck 10.0.0.1 #10; ended fin-wait-1-stuck 10.0.0.1"},
		{"FIN-WAIT-1: 2 FIN retransmissions", Config{}, join(opened(0, cli), fins(3, cli, srv, 111, 511, 10)), ""},
		{"FIN-WAIT-1: retransmitted twice, then answered", Config{}, join(opened(0, cli), fins(3, cli, srv, 111, 511, 10), []segment.Segment{sg(900, srv, cli, "F.", 511, 112, 0), sg(901, cli, srv, ".", 112, 512, 0)}), ""},
		{"LAST-ACK: 4 FIN retransmissions", Config{}, join(closeWait, fins(5, srv, cli, 511, 112, 100)), "fired last-ack-stuck 10.0.0.2 #12; ended last-ack-stuck 10.0.0.2"},
		{"SYN-SENT: 3 SYN retries", Config{}, []segment.Segment{sg(0, cli, srv, "S", 7, 0, 0), sg(1000, cli, srv, "S", 7, 0, 0), sg(2000, cli, srv, "S", 7, 0, 0), sg(3000, cli, srv, "S", 7, 0, 0)},
			"fired syn-sent-stuck 10.0.0.2:80 #4; ended syn-sent-stuck 10.0.0.2:80"},
		{"SYN-SENT: 1 retry, answered", Config{}, join([]segment.Segment{sg(0, cli, srv, "S", 99, 0, 0)}, opened(1000, cli)), ""},
		{"half-dead: 3 unanswered keep-alives, then RST", Config{}, keepAlive(false), "fired half-dead %s #10; ended half-dead %s"},
		{"answered keep-alives", Config{}, keepAlive(true), ""},
		{"TIME-WAIT pile at the client", Config{TimeWaitPile: 3}, timeWaits(5, false), "fired time-wait-pile 10.0.0.1 #27; ended time-wait-pile 10.0.0.1"},
		{"TIME-WAIT pile at the server", Config{TimeWaitPile: 3}, timeWaits(5, true), "fired time-wait-pile 10.0.0.2:80 #27; ended time-wait-pile 10.0.0.2:80"},
		{"TIME-WAIT below the pile", Config{TimeWaitPile: 6}, timeWaits(5, false), ""},
		{"reuse with a lower ISN", Config{}, reuse(50), "fired port-reuse-premature %s #10; ended port-reuse-premature %s"},
		{"reuse with a higher ISN", Config{}, reuse(5000), ""},
		{"exact RST with another TTL", Config{}, rstAt(37, 111), "fired rst-injection %s #0; ended rst-injection %s"},
		{"exact RST with the sender's TTL", Config{}, rstAt(64, 111), ""},
		{"RST within --rst-ttl-delta", Config{RSTTTLDelta: 30}, rstAt(37, 111), ""},
		{"RST 2^30 out of window", Config{}, rstAt(64, 111+1<<30), "fired rst-injection %s #7; ended rst-injection %s"},
		{"RST just out of window", Config{}, rstAt(64, 111+1<<17), ""},
		{"the sender still talks after its RST", Config{}, join(rstAt(64, 111), []segment.Segment{sg(2000, cli, srv, "P.", 111, 511, 100)}),
			"fired rst-injection %s #8; ended rst-injection %s"},
		{"both directions reset by a middlebox", Config{}, join(opened(0, cli), []segment.Segment{
			ttl(sg(100, cli, srv, "R", 111, 0, 0), 100), ttl(sg(100.2, srv, cli, "R", 511, 0, 0), 100)}),
			"fired middlebox-reset %s #8; ended middlebox-reset %s"},
		{"refusal from another TTL", Config{}, []segment.Segment{sg(0, cli, srv, "S", 7, 0, 0), ttl(sg(1, srv, cli, "R.", 0, 8, 0), 100)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := replay(tt.cfg, tt.segs)
			want := strings.ReplaceAll(tt.want, "%s", "UID")
			got := uidRE.ReplaceAllString(strings.Join(r.lines, "; "), "UID")
			if got != want {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
}

// TestMoreEvidence checks the records of a few detectors.
func TestMoreEvidence(t *testing.T) {
	var segs []segment.Segment
	for i := range 3 {
		c := fmt.Sprintf("10.0.0.1:%d", 40000+i)
		ms := float64(i) * 100
		segs = append(segs, opened(ms, c)...)
		segs = append(segs, sg(ms+10, c, srv, "F.", 111, 511, 0), sg(ms+11, srv, c, ".", 511, 112, 0))
	}
	segs = append(segs, later(15000)...)
	r := replay(Config{}, segs)
	if len(r.ended) != 1 {
		t.Fatalf("findings: %q", r.lines)
	}
	f := r.ended[0]
	ev := string(f.Evidence.JSON())
	for _, want := range []string{`"connections":3`, `"state":"CLOSE-WAIT"`, `"oldest_age":"10.989s"`, `"threshold":{"age":"10s"}`} {
		if !strings.Contains(ev, want) {
			t.Errorf("evidence lacks %s: %s", want, ev)
		}
	}
	// The check at the 11 s tick, the first past the threshold, reports
	// them, before the packet at 15 s: as a live capture would, quiet.
	if f.Summary != "3 connections in CLOSE-WAIT, the oldest for 11 s" || !strings.Contains(f.Explanation, "never called close()") {
		t.Errorf("summary %q, explanation %q", f.Summary, f.Explanation)
	}

	var tw []segment.Segment
	for i := range 4 {
		c := fmt.Sprintf("10.0.0.1:%d", 40000+i)
		ms := float64(i) * 20
		tw = append(tw, opened(ms, c)...)
		tw = append(tw, sg(ms+6, c, srv, "F.", 111, 511, 0), sg(ms+7, srv, c, "F.", 511, 112, 0), sg(ms+8, c, srv, ".", 112, 512, 0))
	}
	r = replay(Config{TimeWaitPile: 4, EphemeralFirst: 40000, EphemeralLast: 40009}, tw)
	if len(r.ended) != 1 {
		t.Fatalf("findings: %q", r.lines)
	}
	f = r.ended[0]
	ev = string(f.Evidence.JSON())
	for _, want := range []string{`"closed_first_by":"client"`, `"service":"10.0.0.2:80"`, `"ephemeral_range":"40000-40009"`, `"ephemeral_used_percent":40`} {
		if !strings.Contains(ev, want) {
			t.Errorf("evidence lacks %s: %s", want, ev)
		}
	}
	if !strings.Contains(f.Advice, "tcp_tw_reuse") || !strings.Contains(f.Advice, "Do not use tcp_tw_recycle") {
		t.Errorf("advice: %s", f.Advice)
	}
}

// TestHalfDeadAtEnd: unanswered keep-alives with no RST before the input
// ends are reported at the end (packet 0).
func TestHalfDeadAtEnd(t *testing.T) {
	segs := opened(0, cli)
	for i := range 3 {
		segs = append(segs, sg(1000+float64(i)*1000, cli, srv, ".", 110, 511, 0))
	}
	r := replay(Config{}, segs)
	got := uidRE.ReplaceAllString(strings.Join(r.lines, "; "), "UID")
	if want := "fired half-dead UID #0; ended half-dead UID"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestRSTClasses: every RST gets a class.
func TestRSTClasses(t *testing.T) {
	tests := []struct {
		name string
		segs []segment.Segment
		want RSTClass
	}{
		{"refusal", []segment.Segment{sg(0, cli, srv, "S", 7, 0, 0), sg(1, srv, cli, "R.", 0, 8, 0)}, RSTRefusal},
		{"scanner teardown", []segment.Segment{sg(0, cli, srv, "S", 7, 0, 0), sg(1, srv, cli, "S.", 90, 8, 0), sg(2, cli, srv, "R", 8, 0, 0)}, RSTScannerTeardown},
		{"client abort", join(opened(0, cli), []segment.Segment{sg(10, cli, srv, "R.", 111, 511, 0)}), RSTAbortClient},
		{"server abort", join(opened(0, cli), []segment.Segment{sg(10, srv, cli, "R.", 511, 111, 0)}), RSTAbortServer},
		{"after FIN", join(opened(0, cli), []segment.Segment{sg(10, cli, srv, "F.", 111, 511, 0), sg(11, srv, cli, ".", 511, 112, 0), sg(12, cli, srv, "R", 112, 0, 0)}), RSTAfterFIN},
		{"in window", join(opened(0, cli), []segment.Segment{sg(10, cli, srv, "R", 1111, 0, 0)}), RSTInWindow},
		{"out of window", join(opened(0, cli), []segment.Segment{sg(10, cli, srv, "R", 111+1<<30, 0, 0)}), RSTOutOfWindow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewEngine(&recorder{}, 0)
			d := newRST(Config{}.withDefaults())
			e.Register(d)
			tr := tracker.New(tracker.Config{}, Chain(nop{}, e))
			for i := range tt.segs {
				tt.segs[i].Pkt = uint64(i + 1)
				tr.Handle(&tt.segs[i])
			}
			tr.Flush()
			e.Close()
			if len(d.Counts()) != 1 || d.Counts()[tt.want] != 1 {
				t.Errorf("classes %v, want one %s", d.Counts(), tt.want)
			}
		})
	}
}

// TestFragmentFindings feeds fragment events through a queue.
func TestFragmentFindings(t *testing.T) {
	src, dst := netip.MustParseAddr("10.9.0.1"), netip.MustParseAddr("10.0.0.2")
	at := func(ms float64) time.Time { return t0.Add(time.Duration(ms * float64(time.Millisecond))) }
	probe := func(pkt uint64, port uint16, flags segment.Flags) FragmentEvent {
		return FragmentEvent{Kind: FragTCP, Src: src, Dst: dst, Time: at(float64(pkt)), Pkt: pkt, DstPort: port, Flags: flags}
	}
	tests := []struct {
		name string
		cfg  Config
		evs  []FragmentEvent
		want string
	}{
		{"tiny first fragment", Config{}, []FragmentEvent{{Kind: FragTiny, Src: src, Dst: dst, ID: 1, First: at(1), FirstPkt: 1, Time: at(1), Pkt: 1}},
			"fired fragment-tiny 10.9.0.1 #1; ended fragment-tiny 10.9.0.1"},
		{"overlap with conflicting bytes", Config{}, []FragmentEvent{{Kind: FragOverlap, Src: src, Dst: dst, Time: at(2), Pkt: 2, Conflict: true}},
			"fired fragment-overlap 10.9.0.1 #2; ended fragment-overlap 10.9.0.1"},
		{"overlap, same bytes", Config{}, []FragmentEvent{{Kind: FragOverlap, Src: src, Dst: dst, Time: at(2), Pkt: 2}}, ""},
		{"trains open at the end", Config{}, []FragmentEvent{
			{Kind: FragIncomplete, Src: src, Dst: dst, First: at(1), FirstPkt: 1, Time: at(9)},
			{Kind: FragIncomplete, Src: src, Dst: dst, First: at(2), FirstPkt: 2, Time: at(9)}},
			"fired fragment-incomplete 10.9.0.1 #0; ended fragment-incomplete 10.9.0.1"},
		{"a train timed out", Config{}, []FragmentEvent{{Kind: FragIncomplete, Src: src, Dst: dst, First: at(1), FirstPkt: 1, Time: at(30001), Pkt: 7, TimedOut: true}},
			"fired fragment-incomplete 10.9.0.1 #7; ended fragment-incomplete 10.9.0.1"},
		{"below --fragment-incomplete", Config{FragmentIncomplete: 2}, []FragmentEvent{{Kind: FragIncomplete, Src: src, Dst: dst, FirstPkt: 1, Time: at(9)}}, ""},
		{"SYN scan in fragments", Config{}, []FragmentEvent{probe(3, 21, segment.SYN), probe(6, 22, segment.SYN), probe(9, 22, segment.SYN), probe(12, 23, segment.FIN)},
			"fired fragment-scan 10.9.0.1 #12; ended fragment-scan 10.9.0.1"},
		{"fragmented data is no scan", Config{}, []FragmentEvent{probe(3, 21, segment.ACK), probe(6, 22, segment.ACK|segment.PSH), probe(9, 23, segment.ACK)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{}
			e := New(tt.cfg, r)
			q := new(FragmentQueue)
			e.SetFragments(q)
			for _, ev := range tt.evs {
				q.Add(ev)
			}
			e.Close()
			if got := strings.Join(r.lines, "; "); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	// Events wait for the segment after them.
	q := new(FragmentQueue)
	q.Add(FragmentEvent{Kind: FragTiny, Pkt: 5})
	q.Add(FragmentEvent{Kind: FragTiny, Pkt: 9})
	q.Add(FragmentEvent{Kind: FragIncomplete})
	if n := len(q.take(4, time.Time{})); n != 0 {
		t.Errorf("take(4): %d events", n)
	}
	if evs := q.take(9, time.Time{}); len(evs) != 2 || evs[1].Pkt != 9 {
		t.Errorf("take(9): %+v", evs)
	}
	if evs := q.take(math.MaxUint64, time.Time{}); len(evs) != 1 || evs[0].Kind != FragIncomplete {
		t.Errorf("take(all): %+v", evs)
	}
}

// TestMoreBounded: under a flood of spoofed SYNs (each its own
// connection, each retried) the tables of the stuck-state, RST and
// TIME-WAIT detectors stay within their caps.
func TestMoreBounded(t *testing.T) {
	testenv.Short(t, "70 000 connections")
	cfg := Config{}.withDefaults()
	e := NewEngine(&recorder{}, 0)
	st, rs, tw := newStuck(cfg), newRST(cfg), newTimeWait(cfg)
	e.Register(st)
	e.Register(rs)
	e.Register(tw)
	tr := tracker.New(tracker.Config{}, Chain(nop{}, e))
	var seg segment.Segment
	for i := range 70000 {
		src := netip.AddrPortFrom(netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}), uint16(1024+i%60000))
		for r := range 2 {
			seg = sg(float64(i)*0.01+float64(r)*0.005, src.String(), srv, "S", 7, 0, 0)
			seg.Pkt = uint64(2*i + r + 1)
			tr.Handle(&seg)
		}
	}
	if n := st.watched; n > maxWatched {
		t.Errorf("stuck: %d endpoints watched, cap %d", n, maxWatched)
	}
	if n := rs.followed; n > maxRSTConns {
		t.Errorf("rst: %d connections, cap %d", n, maxRSTConns)
	}
	if n := tw.piles.len(); n > maxPileKeys {
		t.Errorf("time-wait: %d keys, cap %d", n, maxPileKeys)
	}
	tr.Flush()
	e.Close()
}
