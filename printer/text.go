package printer

import (
	"cmp"
	"io"
	"net/netip"
	"slices"
	"strconv"
	"time"

	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Text writes the human transcript: one line per packet that changes an
// endpoint's state or shows trouble (every packet with Options.Verbose,
// none with Options.Quiet), then a table of connections and a histogram
// of final endpoint states.
type Text struct {
	out  output
	opts Options
	buf  []byte
	// rows holds the connection table, indexed by connection number in
	// chunks, so rows are never copied and need no sorting.
	rows  [][]row
	nrows int
	seq   []seqRow // sequence statistics of connections with something to report
	hist  Histogram
}

const rowChunk = 1 << 12

// row is what the connection table keeps of a connection that ended.
type row struct {
	id          uint64      // 0: no connection with this number (yet)
	uid         tracker.UID // only with Options.UID
	orig, resp  netip.AddrPort
	first, last time.Time
	pkts, bytes [2]uint64
	state       [2]tracker.State
	inferred    [2]bool
	connState   string
	end         string
	why         string
}

// seqRow is a connection's sequence analysis, kept only when notable.
type seqRow struct {
	id  uint64
	seq [2]reassembly.Stats
}

// NewText returns a text printer writing to w.
func NewText(w io.Writer, opts Options) *Text {
	return &Text{out: newOutput(w, opts.Buffering), opts: opts, buf: make([]byte, 0, 512)}
}

// Packet implements tracker.Observer. Without Options.Verbose only
// packets with events, trouble or the end of a stall (see Shown) get a
// line; a trouble line has " !" after the packet fields.
func (p *Text) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	if p.opts.Quiet {
		return
	}
	cl := c.Class()
	trouble := Trouble(cl, seg)
	if len(evs) == 0 && !p.opts.Verbose && !trouble && !Shown(c, side, seg) {
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
	if p.opts.Verbose {
		if w, shift, known := scaledWindow(c, side, seg); known && shift > 0 {
			b = append(b, " (×"...)
			b = strconv.AppendUint(b, 1<<uint(shift), 10)
			b = append(b, " = "...)
			b = strconv.AppendUint(b, w, 10)
			b = append(b, ')')
		}
	}
	b = append(b, " len "...)
	b = strconv.AppendInt(b, int64(seg.PayloadLen), 10)
	if trouble {
		b = append(b, " !"...)
	}
	if cl != 0 {
		b = append(b, ' ')
		b = appendClasses(b, c, side)
	}
	b = appendEvents(b, c, evs)
	b = append(b, '\n')
	p.out.record(b)
	p.buf = b
	p.out.endPacket()
}

// Events implements tracker.Observer: transitions no packet caused.
func (p *Text) Events(c *tracker.Conn, evs []tracker.Event) {
	if p.opts.Quiet {
		return
	}
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
	p.out.record(b)
	p.buf = b
	p.out.endPacket()
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
	i := c.ID() - 1
	for int(i/rowChunk) >= len(p.rows) {
		p.rows = append(p.rows, make([]row, rowChunk))
	}
	r := &p.rows[i/rowChunk][i%rowChunk]
	*r = row{
		id:   c.ID(),
		orig: c.Addr(tracker.Orig), resp: c.Addr(tracker.Resp),
		first: c.First(), last: c.Last(),
		connState: c.ConnState(), end: c.End(), why: c.Why(),
	}
	if p.opts.UID {
		r.uid = c.UID()
	}
	notable := p.opts.AllSeq
	for s := tracker.Orig; s <= tracker.Resp; s++ {
		r.pkts[s], r.bytes[s] = c.Packets(s), c.Bytes(s)
		r.state[s], r.inferred[s] = c.State(s), c.Inferred(s)
		p.hist.Add(c.State(s))
		notable = notable || unusual(c.SeqStats(s))
	}
	p.nrows++
	if notable {
		p.seq = append(p.seq, seqRow{c.ID(), [2]reassembly.Stats{*c.SeqStats(tracker.Orig), *c.SeqStats(tracker.Resp)}})
	}
}

// unusual reports whether a direction did anything worth a line in the
// sequence-analysis table.
func unusual(s *reassembly.Stats) bool {
	plain := reassembly.Stats{WireBytes: s.WireBytes, UniqueBytes: s.UniqueBytes, RTT: s.RTT}
	return *s != plain || s.WireBytes != s.UniqueBytes
}

// Close writes the connection table and the state histogram and flushes.
// The table lists connections in order of their number.
func (p *Text) Close(sum Summary) error {
	b := p.buf[:0]
	if !p.opts.Quiet {
		b = append(b, '\n') // after the transcript
	}
	b = append(b, "connections: "...)
	b = strconv.AppendInt(b, int64(p.nrows), 10)
	b = append(b, '\n')
	p.out.record(b)
	if p.nrows > 0 {
		var t table
		cols := []string{"conn", "client", "server", "first", "last", "pkts c>s", "bytes c>s", "pkts s>c", "bytes s>c", "client state", "server state", "zeek", "ended"}
		if p.opts.UID {
			cols = slices.Insert(cols, 1, "uid")
		}
		t.header(cols...)
		inferred := false
		for _, chunk := range p.rows {
			for i := range chunk {
				r := &chunk[i]
				if r.id == 0 {
					continue
				}
				t.b = append(t.b, 'c')
				t.b = strconv.AppendUint(t.b, r.id, 10)
				t.end()
				if p.opts.UID {
					t.b = r.uid.AppendTo(t.b)
					t.end()
				}
				t.b = r.orig.AppendTo(t.b)
				t.end()
				t.b = r.resp.AppendTo(t.b)
				t.end()
				t.b = appendStamp(t.b, r.first)
				t.end()
				t.b = appendClock(t.b, r.last)
				t.end()
				for _, v := range [...]uint64{r.pkts[0], r.bytes[0], r.pkts[1], r.bytes[1]} {
					t.b = strconv.AppendUint(t.b, v, 10)
					t.end()
				}
				for s := range 2 {
					t.b = append(t.b, r.state[s].String()...)
					if r.inferred[s] {
						t.b = append(t.b, '*')
						inferred = true
					}
					t.end()
				}
				t.str(r.connState)
				t.b = append(t.b, r.end...)
				if r.why != "" {
					t.b = append(t.b, " ("...)
					t.b = append(t.b, r.why...)
					t.b = append(t.b, ')')
				}
				t.end()
			}
		}
		t.write(p.out.w)
		if inferred {
			p.out.w.WriteString("* inferred: the state rests on an assumption (a missed handshake, a delivery presumed at the end)\n")
		}
	}
	p.seqTable()
	b = append(b[:0], "\nfinal endpoint states ("...)
	b = strconv.AppendInt(b, 2*int64(p.nrows), 10)
	b = append(b, " endpoints):\n"...)
	for i, s := range stateOrder {
		if p.hist[i] > 0 {
			b = append(b, "  "...)
			b = append(b, s.String()...)
			for n := len(s.String()); n < 14; n++ {
				b = append(b, ' ')
			}
			b = strconv.AppendUint(b, p.hist[i], 10)
			b = append(b, '\n')
		}
	}
	p.out.record(b)
	p.buf = b
	return p.out.w.Flush()
}

// seqTable writes the sequence analysis of every connection that had
// anything to report, each count as client>server/server>client.
func (p *Text) seqTable() {
	if len(p.seq) == 0 {
		return
	}
	slices.SortFunc(p.seq, func(a, b seqRow) int { return cmp.Compare(a.id, b.id) })
	p.out.w.WriteString("\nsequence analysis (client>server/server>client; RTT min/mean/max ms):\n")
	var t table
	t.header("conn", "retrans", "spurious", "fast", "out-of-order", "not captured", "acked unseen", "dup ACK", "zero win", "keep-alive", "differing", "unique bytes", "missed bytes", "RTT c>s", "RTT s>c")
	for i := range p.seq {
		r := &p.seq[i]
		o, s := &r.seq[0], &r.seq[1]
		t.b = append(t.b, 'c')
		t.b = strconv.AppendUint(t.b, r.id, 10)
		t.end()
		for _, v := range [...][2]uint64{
			{o.Retransmissions, s.Retransmissions}, {o.Spurious, s.Spurious},
			{o.FastRetransmissions, s.FastRetransmissions}, {o.OutOfOrder, s.OutOfOrder},
			{o.PrevNotCaptured, s.PrevNotCaptured}, {o.AckedUnseen, s.AckedUnseen},
			{o.DupAcks, s.DupAcks}, {o.ZeroWindows, s.ZeroWindows}, {o.KeepAlives, s.KeepAlives},
			{o.OverlapMismatches, s.OverlapMismatches}, {o.UniqueBytes, s.UniqueBytes},
			{o.MissedBytes, s.MissedBytes},
		} {
			t.b = strconv.AppendUint(t.b, v[0], 10)
			t.b = append(t.b, '/')
			t.b = strconv.AppendUint(t.b, v[1], 10)
			t.end()
		}
		for _, rt := range [...]*reassembly.RTTStats{&o.RTT, &s.RTT} {
			if rt.N == 0 {
				t.b = append(t.b, '-')
			} else {
				t.b = appendMillis(t.b, rt.Min)
				t.b = append(t.b, '/')
				t.b = appendMillis(t.b, rt.Mean())
				t.b = append(t.b, '/')
				t.b = appendMillis(t.b, rt.Max)
			}
			t.end()
		}
	}
	t.write(p.out.w)
}

func stateLabel(s tracker.State, inferred bool) string {
	if inferred {
		return s.String() + "*"
	}
	return s.String()
}

// Buffered returns the number of bytes written but not yet flushed.
func (p *Text) Buffered() int { return p.out.w.Buffered() }

// Flush writes out what is buffered: a live capture calls it (through a
// Flusher) so that output does not wait for the buffer to fill.
func (p *Text) Flush() error { return p.out.w.Flush() }
