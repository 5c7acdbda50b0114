package tracker

import (
	"fmt"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
)

var (
	cli = netip.MustParseAddrPort("10.0.0.1:40000")
	srv = netip.MustParseAddrPort("10.0.0.2:80")
	t0  = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
)

// pkt builds a segment literal: at ms milliseconds, dir "c>s" or "s>c",
// flags as tcpdump prints them ("S", "S.", ".", "P.", "F.", "R", "R.").
func pkt(ms int, dir, flags string, seq, ack uint32, n int) segment.Segment {
	f, ok := segment.ParseFlags(flags)
	if !ok {
		panic("bad flags " + flags)
	}
	src, dst := cli, srv
	if dir == "s>c" {
		src, dst = srv, cli
	}
	return segment.Segment{
		Time: t0.Add(time.Duration(ms) * time.Millisecond),
		Src:  src.Addr(), Dst: dst.Addr(), SrcPort: src.Port(), DstPort: dst.Port(),
		Seq: seqnum.Value(seq), Ack: seqnum.Value(ack), Flags: f, PayloadLen: n, Window: 64000,
	}
}

// recorder is an Observer that writes what it hears as lines.
type recorder struct {
	lines []string
	done  []string
	conns map[uint64][2]State
}

func (r *recorder) event(c *Conn, e Event) {
	inf := ""
	if e.Inferred {
		inf = " [inferred]"
	}
	switch e.Kind {
	case Transition:
		r.lines = append(r.lines, fmt.Sprintf("#%d c%d %s %s>%s: %s%s", e.Pkt, c.ID(), e.Side.Role(), e.From, e.To, e.Reason, inf))
	case Phase:
		r.lines = append(r.lines, fmt.Sprintf("#%d c%d phase: %s", e.Pkt, c.ID(), e.Reason))
	case Note:
		r.lines = append(r.lines, fmt.Sprintf("#%d c%d note: %s (%d)", e.Pkt, c.ID(), e.Reason, e.Delta))
	}
}

func (r *recorder) Packet(c *Conn, seg *segment.Segment, side Side, evs []Event) {
	for _, e := range evs {
		r.event(c, e)
	}
}

func (r *recorder) Events(c *Conn, evs []Event) {
	for _, e := range evs {
		r.event(c, e)
	}
}

func (r *recorder) Done(c *Conn) {
	if r.conns == nil {
		r.conns = map[uint64][2]State{}
	}
	r.conns[c.ID()] = [2]State{c.State(Orig), c.State(Resp)}
	line := fmt.Sprintf("c%d %s %s/%s %s %s %s", c.ID(), c.Addr(Orig), c.State(Orig), c.State(Resp), c.ConnState(), c.History(), c.End())
	if c.Why() != "" {
		line += " (" + c.Why() + ")"
	}
	r.done = append(r.done, line)
}

// replay feeds segments to a new tracker, numbering them from 1, and
// flushes it.
func replay(t *testing.T, cfg Config, segs ...segment.Segment) *recorder {
	t.Helper()
	r := &recorder{}
	tr := New(cfg, r)
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
		tr.Handle(&segs[i])
	}
	tr.Flush()
	return r
}

// expect compares lines to want, a multi-line string.
func expect(t *testing.T, what string, got []string, want string) {
	t.Helper()
	w := strings.TrimSpace(want)
	g := strings.Join(got, "\n")
	if g != w {
		t.Errorf("%s:\ngot:\n%s\n\nwant:\n%s", what, g, w)
	}
}

// handshake is the 3-way handshake with ISNs 1000 (client) and 5000
// (server), packets 1–3.
func handshake() []segment.Segment {
	return []segment.Segment{
		pkt(0, "c>s", "S", 1000, 0, 0),
		pkt(1, "s>c", "S.", 5000, 1001, 0),
		pkt(2, "c>s", ".", 1001, 5001, 0),
	}
}

func cat(parts ...[]segment.Segment) []segment.Segment {
	var out []segment.Segment
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
