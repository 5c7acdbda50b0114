package printer

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"net/netip"
	"slices"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Text writes the human transcript: one line per packet that changes an
// endpoint's state (every packet with Options.Verbose), then a table of
// connections and a histogram of final endpoint states.
type Text struct {
	w    *bufio.Writer
	opts Options
	buf  []byte
	rows []row
	hist histogram
}

// row is what the connection table keeps of a connection that ended.
type row struct {
	id          uint64
	orig, resp  netip.AddrPort
	first, last time.Time
	pkts, bytes [2]uint64
	state       [2]tracker.State
	inferred    [2]bool
	connState   string
	end         string
	why         string
	seq         [2]reassembly.Stats
	hsRTT       time.Duration
	hsOK        bool
}

// NewText returns a text printer writing to w.
func NewText(w io.Writer, opts Options) *Text {
	return &Text{w: bufio.NewWriterSize(w, 64<<10), opts: opts, buf: make([]byte, 0, 512)}
}

// Packet implements tracker.Observer.
func (p *Text) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	if len(evs) == 0 && !p.opts.Verbose {
		return
	}
	b := appendClock(p.buf[:0], seg.Time)
	b = append(b, " c"...)
	b = strconv.AppendUint(b, c.ID(), 10)
	b = append(b, " #"...)
	b = strconv.AppendUint(b, seg.Pkt, 10)
	b = append(b, ' ')
	b = netip.AddrPortFrom(seg.Src, seg.SrcPort).AppendTo(b)
	b = append(b, " > "...)
	b = netip.AddrPortFrom(seg.Dst, seg.DstPort).AppendTo(b)
	b = append(b, " ["...)
	b = seg.Flags.AppendTo(b)
	b = append(b, "] seq "...)
	b = strconv.AppendUint(b, uint64(c.Rel(side, seg.Seq)), 10)
	if seg.Flags&segment.ACK != 0 {
		b = append(b, " ack "...)
		b = strconv.AppendUint(b, uint64(c.Rel(side.Peer(), seg.Ack)), 10)
	}
	b = append(b, " win "...)
	b = strconv.AppendUint(b, uint64(seg.Window), 10)
	b = append(b, " len "...)
	b = strconv.AppendInt(b, int64(seg.PayloadLen), 10)
	if cl := c.Class(); cl != 0 {
		b = append(b, ' ')
		b = cl.AppendTo(b)
	}
	b = appendEvents(b, c, evs)
	b = append(b, '\n')
	p.w.Write(b)
	p.buf = b
}

// Events implements tracker.Observer: transitions no packet caused.
func (p *Text) Events(c *tracker.Conn, evs []tracker.Event) {
	b := appendClock(p.buf[:0], evs[0].Time)
	b = append(b, " c"...)
	b = strconv.AppendUint(b, c.ID(), 10)
	if evs[0].Pkt != 0 {
		b = append(b, " #"...)
		b = strconv.AppendUint(b, evs[0].Pkt, 10)
		b = append(b, " (at end of connection)"...)
	} else {
		b = append(b, " (timer)"...)
	}
	b = appendEvents(b, c, evs)
	b = append(b, '\n')
	p.w.Write(b)
	p.buf = b
}

// appendEvents appends "  client X → Y (reason); …".
func appendEvents(b []byte, c *tracker.Conn, evs []tracker.Event) []byte {
	for i, e := range evs {
		if i == 0 {
			b = append(b, "  "...)
		} else {
			b = append(b, "; "...)
		}
		switch e.Kind {
		case tracker.Transition:
			b = append(b, e.Side.Role()...)
			b = append(b, ' ')
			b = append(b, e.From.String()...)
			b = append(b, " → "...)
			b = append(b, e.To.String()...)
			b = append(b, " ("...)
			b = append(b, e.Reason...)
			if e.Inferred {
				b = append(b, ", inferred"...)
			}
			b = append(b, ')')
		case tracker.Phase:
			b = append(b, "⇒ "...)
			b = append(b, e.Reason...)
			if e.RTT > 0 {
				b = append(b, " (RTT "...)
				b = appendMillis(b, e.RTT)
				b = append(b, " ms)"...)
			}
		case tracker.Note:
			b = append(b, "note: "...)
			b = append(b, e.Side.Role()...)
			b = append(b, ' ')
			b = append(b, e.Reason...)
			if e.Delta != 0 {
				b = append(b, " (seq "...)
				if e.Delta > 0 {
					b = append(b, '+')
				}
				b = strconv.AppendInt(b, e.Delta, 10)
				b = append(b, " from RCV.NXT)"...)
			}
		}
	}
	return b
}

// Done implements tracker.Observer.
func (p *Text) Done(c *tracker.Conn) {
	r := row{
		id:   c.ID(),
		orig: c.Addr(tracker.Orig), resp: c.Addr(tracker.Resp),
		first: c.First(), last: c.Last(),
		connState: c.ConnState(), end: c.End(), why: c.Why(),
	}
	r.hsRTT, _, _, r.hsOK = c.HandshakeRTT()
	for s := tracker.Orig; s <= tracker.Resp; s++ {
		r.pkts[s], r.bytes[s] = c.Packets(s), c.Bytes(s)
		r.state[s], r.inferred[s] = c.State(s), c.Inferred(s)
		r.seq[s] = *c.SeqStats(s)
		p.hist.add(c.State(s))
	}
	p.rows = append(p.rows, r)
}

// Close writes the connection table and the state histogram and flushes.
// The table lists connections in order of their number.
func (p *Text) Close(sum Summary) error {
	slices.SortFunc(p.rows, func(a, b row) int { return cmp.Compare(a.id, b.id) })
	fmt.Fprintf(p.w, "\nconnections: %d\n", len(p.rows))
	if len(p.rows) > 0 {
		tw := tabwriter.NewWriter(p.w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "conn\tclient\tserver\tfirst\tlast\tpkts c>s\tbytes c>s\tpkts s>c\tbytes s>c\tclient state\tserver state\tzeek\tended")
		for _, r := range p.rows {
			end := r.end
			if r.why != "" {
				end += " (" + r.why + ")"
			}
			fmt.Fprintf(tw, "c%d\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\n",
				r.id, r.orig, r.resp,
				appendStamp(nil, r.first), appendClock(nil, r.last),
				r.pkts[0], r.bytes[0], r.pkts[1], r.bytes[1],
				stateLabel(r.state[0], r.inferred[0]), stateLabel(r.state[1], r.inferred[1]),
				r.connState, end)
		}
		tw.Flush()
		for _, r := range p.rows {
			if r.inferred[0] || r.inferred[1] {
				fmt.Fprintln(p.w, "* inferred: the state rests on an assumption (a missed handshake, a delivery presumed at the end)")
				break
			}
		}
	}
	p.seqTable()
	fmt.Fprintf(p.w, "\nfinal endpoint states (%d endpoints):\n", 2*len(p.rows))
	for i, s := range stateOrder {
		if p.hist[i] > 0 {
			fmt.Fprintf(p.w, "  %-13s %d\n", s, p.hist[i])
		}
	}
	return p.w.Flush()
}

// seqTable writes the sequence analysis of every connection that had
// anything to report, each count as client>server/server>client.
func (p *Text) seqTable() {
	var tw *tabwriter.Writer
	pair := func(a, b uint64) string { return strconv.FormatUint(a, 10) + "/" + strconv.FormatUint(b, 10) }
	rtt := func(r reassembly.RTTStats) string {
		if r.N == 0 {
			return "-"
		}
		return fmt.Sprintf("%s/%s/%s", appendMillis(nil, r.Min), appendMillis(nil, r.Mean()), appendMillis(nil, r.Max))
	}
	for _, r := range p.rows {
		o, s := &r.seq[0], &r.seq[1]
		if *o == (reassembly.Stats{WireBytes: o.WireBytes, UniqueBytes: o.UniqueBytes, RTT: o.RTT}) &&
			*s == (reassembly.Stats{WireBytes: s.WireBytes, UniqueBytes: s.UniqueBytes, RTT: s.RTT}) &&
			o.WireBytes == o.UniqueBytes && s.WireBytes == s.UniqueBytes {
			continue // nothing unusual
		}
		if tw == nil {
			fmt.Fprintln(p.w, "\nsequence analysis (client>server/server>client; RTT min/mean/max ms):")
			tw = tabwriter.NewWriter(p.w, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "conn\tretrans\tspurious\tfast\tout-of-order\tnot captured\tacked unseen\tdup ACK\tzero win\tkeep-alive\tdiffering\tunique bytes\tmissed bytes\tRTT c>s\tRTT s>c")
		}
		fmt.Fprintf(tw, "c%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.id,
			pair(o.Retransmissions, s.Retransmissions), pair(o.Spurious, s.Spurious),
			pair(o.FastRetransmissions, s.FastRetransmissions), pair(o.OutOfOrder, s.OutOfOrder),
			pair(o.PrevNotCaptured, s.PrevNotCaptured), pair(o.AckedUnseen, s.AckedUnseen),
			pair(o.DupAcks, s.DupAcks), pair(o.ZeroWindows, s.ZeroWindows), pair(o.KeepAlives, s.KeepAlives),
			pair(o.OverlapMismatches, s.OverlapMismatches), pair(o.UniqueBytes, s.UniqueBytes),
			pair(o.MissedBytes, s.MissedBytes), rtt(o.RTT), rtt(s.RTT))
	}
	if tw != nil {
		tw.Flush()
	}
}

func stateLabel(s tracker.State, inferred bool) string {
	if inferred {
		return s.String() + "*"
	}
	return s.String()
}
