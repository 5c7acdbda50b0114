package printer

import (
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
// endpoint's state (every packet with Options.Verbose), then a table of
// connections and a histogram of final endpoint states.
//
// The table is printed in connection-number order, but connections end
// in another order, and there may be millions. Each row is formatted once,
// when its connection ends, and kept as its cells (about 130 bytes for
// IPv4), at most MemRows of them (and MemBytes) in memory; beyond that, sorted runs are
// spilled to an unlinked temporary file and merged at Close (spool).
// Column widths are measured as rows arrive, so nothing else is kept per
// connection, and Close only pads the cells (table.writeRec).
type Text struct {
	out output
	// firstCol is the connection table's column of the first packet's
	// time (one further right with the uid column).
	firstCol int
	opts     Options
	buf      []byte

	clock      *clock // the transcript's
	first      int64  // µs of the first packet (-ttttt)
	prev       int64  // µs of the previous printed line (-ttt)
	firstSet   bool
	prevSet    bool
	tableClock *clock // the table's: it names the zones its times use

	conns    *spool
	conn     table // the connection table's layout
	r        row   // scratch
	rec      []byte
	nrows    int
	inferred bool
	day      [2]int64 // first and last calendar day of a connection's start (wall days)

	seqs *spool
	seq  table // the sequence-analysis table's layout

	hist Histogram

	findings []sectionEntry // ended findings, for the section (finding.go)
	notes    []string       // the section's closing notes (finding.go)
}

// row is what the connection table keeps of a connection that ended.
type row struct {
	id          uint64
	uid         tracker.UID // only with Options.Wide or Options.UID
	orig, resp  netip.AddrPort
	first, last time.Time
	pkts, bytes [2]uint64
	state       [2]tracker.State
	inferred    [2]bool
	connState   string
	end         string
	why         string
}

// The connection table's columns.
var (
	compactColumns = []string{"conn", "client", "server", "first", "dur", "pkts", "bytes", "cli state", "srv state", "zeek", "ended"}
	wideColumns    = []string{"conn", "uid", "client", "server", "first", "last", "duration", "pkts c>s", "bytes c>s", "pkts s>c", "bytes s>c", "client state", "server state", "zeek", "ended"}
	seqColumns     = []string{"conn", "retrans", "spurious", "fast", "out-of-order", "not captured", "acked unseen", "dup ACK", "zero win", "keep-alive", "differing", "unique bytes", "missed bytes", "RTT c>s", "RTT s>c"}
)

// firstCol is the compact table's column of the first packet's time.
const firstCol = 3

// NewText returns a text printer writing to w.
func NewText(w io.Writer, opts Options) *Text {
	return newText(w, opts, MemRows)
}

func newText(w io.Writer, opts Options, memRows int) *Text {
	cols := compactColumns
	fc := firstCol
	switch {
	case opts.Wide:
		cols = wideColumns
	case opts.UID:
		cols = slices.Insert(slices.Clone(cols), 1, "uid")
		fc++
	}
	warn := opts.Warn // once for both tables
	if warn != nil {
		warned := false
		warn = func(msg string) {
			if !warned {
				warned = true
				opts.Warn(msg)
			}
		}
	}
	return &Text{
		out: newOutput(w, opts.Buffering), opts: opts, buf: make([]byte, 0, 512), firstCol: fc,
		clock: newClock(opts.Location), tableClock: newClock(opts.Location),
		conns: newSpool(memRows, opts.TempDir, warn), conn: newTable(cols...),
		seqs: newSpool(memRows, opts.TempDir, warn), seq: newTable(seqColumns...),
	}
}

// withUID reports whether the connection table has a uid column.
func (p *Text) withUID() bool { return p.opts.Wide || p.opts.UID }

// appendTime appends a transcript line's time and a space, in the format
// Options.Time selects.
func (p *Text) appendTime(b []byte, t time.Time) []byte {
	us := t.UnixMicro()
	switch p.opts.Time {
	case TimeNone:
		return b
	case TimeEpoch:
		b = appendEpoch(b, t)
	case TimeDelta:
		if !p.prevSet {
			p.prev, p.prevSet = us, true
		}
		b = appendDelta(b, us-p.prev)
		p.prev = us
	case TimeDate:
		wall := p.clock.wall(t)
		b = appendDate(b, wall)
		b = append(b, ' ')
		b = appendTOD(b, wall)
	case TimeSinceFirst:
		if !p.firstSet {
			p.first, p.firstSet = us, true
		}
		b = appendDelta(b, us-p.first)
	default:
		b = appendTOD(b, p.clock.wall(t))
	}
	return append(b, ' ')
}

// Packet implements tracker.Observer.
func (p *Text) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	if !p.firstSet {
		p.first, p.firstSet = seg.Time.UnixMicro(), true
	}
	if p.opts.Quiet {
		return
	}
	cl := c.Class()
	trouble := Trouble(cl, seg)
	if len(evs) == 0 && !p.opts.Verbose && !trouble && !Shown(c, side, seg) {
		return
	}
	b := p.appendTime(p.buf[:0], seg.Time)
	b = append(b, 'c')
	b = strconv.AppendUint(b, c.ID(), 10)
	b = appendPacketAddrs(b, seg.Pkt, netip.AddrPortFrom(seg.Src, seg.SrcPort), netip.AddrPortFrom(seg.Dst, seg.DstPort))
	if c.Tunnel() != 0 && c.Packets(tracker.Orig)+c.Packets(tracker.Resp) == 1 {
		b = appendTunnelText(b, p.opts.Tunnels, c)
	}
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
	if seg.BadChecksum {
		b = append(b, " ["+badChecksumClass+"]"...)
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
	b := p.appendTime(p.buf[:0], evs[0].Time)
	b = append(b, 'c')
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
	r := &p.r
	*r = row{
		id:   c.ID(),
		orig: c.Addr(tracker.Orig), resp: c.Addr(tracker.Resp),
		first: c.First(), last: c.Last(),
		connState: c.ConnState(), end: c.End(), why: c.Why(),
	}
	if n := oneSidedNote(c); n != "" {
		r.why = joinNote(r.why, n)
	}
	if p.withUID() {
		r.uid = c.UID()
	}
	notable := p.opts.AllSeq
	for s := tracker.Orig; s <= tracker.Resp; s++ {
		r.pkts[s], r.bytes[s] = c.Packets(s), c.Bytes(s)
		r.state[s], r.inferred[s] = c.State(s), c.Inferred(s)
		p.inferred = p.inferred || r.inferred[s]
		p.hist.Add(c.State(s))
		notable = notable || unusual(c.SeqStats(s))
	}
	day := floorDiv(p.tableClock.wall(r.first), 86400*1e6)
	if p.nrows == 0 || day < p.day[0] {
		p.day[0] = day
	}
	if p.nrows == 0 || day > p.day[1] {
		p.day[1] = day
	}
	p.nrows++
	p.rowCells(r, true)
	p.rec = p.conn.keep(p.rec[:0])
	p.conns.add(r.id, p.rec)
	if notable {
		p.seqCells(c.ID(), c.SeqStats(tracker.Orig), c.SeqStats(tracker.Resp))
		p.rec = p.seq.keep(p.rec[:0])
		p.seqs.add(c.ID(), p.rec)
	}
}

// unusual reports whether a direction did anything worth a line in the
// sequence-analysis table.
func unusual(s *reassembly.Stats) bool {
	plain := reassembly.Stats{WireBytes: s.WireBytes, UniqueBytes: s.UniqueBytes, RTT: s.RTT}
	return *s != plain || s.WireBytes != s.UniqueBytes
}

// rowCells formats r as a row of the connection table, with the date of
// its first packet (Close leaves it out in the compact table when every
// connection began on the same day: table.writeRec).
func (p *Text) rowCells(r *row, date bool) {
	t := &p.conn
	t.reset()
	t.b = append(t.b, 'c')
	t.b = strconv.AppendUint(t.b, r.id, 10)
	t.end()
	if p.withUID() {
		t.b = r.uid.AppendTo(t.b)
		t.end()
	}
	t.b = appendAddrPort(t.b, r.orig)
	t.end()
	t.b = appendAddrPort(t.b, r.resp)
	t.end()
	first := p.tableClock.wall(r.first)
	if p.opts.Wide {
		for _, w := range [2]int64{first, p.tableClock.wall(r.last)} {
			t.b = appendDate(t.b, w)
			t.b = append(t.b, ' ')
			t.b = appendTOD(t.b, w)
			t.end()
		}
		t.b = appendSpan(t.b, r.last.Sub(r.first))
		t.end()
		for _, v := range [...]uint64{r.pkts[0], r.bytes[0], r.pkts[1], r.bytes[1]} {
			t.b = strconv.AppendUint(t.b, v, 10)
			t.end()
		}
	} else {
		if date {
			t.b = appendDate(t.b, first)
			t.b = append(t.b, ' ')
		}
		t.b = appendSeconds(t.b, first)
		t.end()
		t.b = appendDuration(t.b, r.last.Sub(r.first))
		t.end()
		for _, v := range [...][2]uint64{r.pkts, r.bytes} {
			t.b = appendCount(t.b, v[0])
			t.b = append(t.b, '/')
			t.b = appendCount(t.b, v[1])
			t.end()
		}
	}
	for s := range 2 {
		t.b = append(t.b, r.state[s].String()...)
		if r.inferred[s] {
			t.b = append(t.b, '*')
		}
		t.end()
	}
	t.str(r.connState)
	end, why := r.end, r.why
	if !p.opts.Wide {
		end, why = shortEnd(end), shortEnd(why)
	}
	t.b = append(t.b, end...)
	if why != "" {
		t.b = append(t.b, " ("...)
		t.b = append(t.b, why...)
		t.b = append(t.b, ')')
	}
	t.end()
}

// shortEnd abbreviates the longer endings (tracker.Conn.End and Why) for
// the compact table.
func shortEnd(s string) string {
	switch s {
	case "closing, initiated by client":
		return "closing by client"
	case "closing, initiated by server":
		return "closing by server"
	case "aborted by client RST":
		return "RST by client"
	case "aborted by server RST":
		return "RST by server"
	case "reset during handshake by client":
		return "handshake RST by client"
	case "reset during handshake by server":
		return "handshake RST by server"
	case "evicted (table full)":
		return "evicted"
	}
	return s
}

// seqCells formats a connection's sequence analysis as a row of the
// sequence-analysis table, each count as client>server/server>client.
func (p *Text) seqCells(id uint64, o, s *reassembly.Stats) {
	t := &p.seq
	t.reset()
	t.b = append(t.b, 'c')
	t.b = strconv.AppendUint(t.b, id, 10)
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

// Close writes the connection table, the sequence-analysis table, the
// state histogram and the findings section (only the section with
// Options.FindingsOnly), and flushes. The tables list connections in order of
// their number.
func (p *Text) Close(sum Summary) error {
	defer p.conns.close()
	defer p.seqs.close()
	if p.opts.FindingsOnly {
		b := p.appendFindings(p.buf[:0])
		p.out.w.Write(b)
		p.buf = b
		return p.out.w.Flush()
	}
	b := p.buf[:0]
	if !p.opts.Quiet {
		b = append(b, '\n') // after the transcript
	}
	b = append(b, "connections: "...)
	b = strconv.AppendInt(b, int64(p.nrows), 10)
	b = append(b, '\n')
	b = appendProbeSummary(b, &sum.Tracker)
	var err error
	if p.nrows > 0 {
		oneDay := !p.opts.Wide && p.day[0] == p.day[1]
		b = append(b, "times in "...)
		b = p.tableClock.appendZones(b)
		if oneDay {
			b = append(b, ", every connection began on "...)
			b = appendDate(b, p.day[0]*86400*1e6)
			p.conn.width[p.firstCol] = max(len(p.conn.names[firstCol]), len("15:04:05"))
		}
		if !p.opts.Wide {
			b = append(b, "; pkts and bytes client>server/server>client"...)
		}
		b = append(b, '\n')
		p.out.w.Write(b)
		p.conn.writeHeader(p.out.w)
		var bad bool
		err = p.conns.each(func(id uint64, rec []byte) {
			cut := -1
			if oneDay {
				cut = p.firstCol
			}
			if !p.conn.writeRec(p.out.w, rec, cut) {
				bad = true
			}
		})
		if err == nil && bad {
			err = errRun
		}
		if p.inferred {
			p.out.w.WriteString("* inferred: the state rests on an assumption (a missed handshake, a delivery presumed at the end)\n")
		}
	} else {
		p.out.w.Write(b)
	}
	if err == nil && p.seqs.len() > 0 {
		p.out.w.WriteString("\nsequence analysis (client>server/server>client; RTT min/mean/max ms):\n")
		p.seq.writeHeader(p.out.w)
		bad := false
		err = p.seqs.each(func(id uint64, rec []byte) {
			if !p.seq.writeRec(p.out.w, rec, -1) {
				bad = true
			}
		})
		if err == nil && bad {
			err = errRun
		}
	}
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
	b = p.appendFindings(b)
	p.out.w.Write(b)
	p.buf = b
	if ferr := p.out.w.Flush(); err == nil {
		err = ferr
	}
	return err
}

// Buffered returns the number of bytes written but not yet flushed.
func (p *Text) Buffered() int { return p.out.w.Buffered() }

// Flush writes out what is buffered: a live capture calls it (through a
// Flusher) so that output does not wait for the buffer to fill.
func (p *Text) Flush() error { return p.out.w.Flush() }
