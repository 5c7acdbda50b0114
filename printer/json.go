package printer

import (
	"io"
	"net/netip"
	"strconv"
	"time"

	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// JSON writes JSON Lines: one "transition", "phase" or "note" record per
// event as it happens, one "packet" record per packet the text transcript
// would show without changing a state (per packet with Options.Verbose), one "conn" record per connection when it ends,
// and a "summary" record at Close. With Options.Quiet only the "conn" and
// "summary" records are written. Field names are stable; the README
// documents every record type.
type JSON struct {
	out   output
	opts  Options
	buf   []byte
	hist  Histogram
	conns uint64
	// The last "ts" and "conn"/"uid" pair formatted: a packet's events
	// share both, so they are formatted once (appendTS, appendConnUID).
	tsUS   int64
	ts     []byte
	idConn *tracker.Conn
	idNum  uint64
	id     []byte
}

// NewJSON returns a JSON Lines printer writing to w.
func NewJSON(w io.Writer, opts Options) *JSON {
	return &JSON{
		out: newOutput(w, opts.Buffering), opts: opts, buf: make([]byte, 0, 512),
		ts: make([]byte, 0, 32), id: make([]byte, 0, 64),
	}
}

// appendTS appends `,"ts":` and t as appendEpoch does, reusing the last
// formatting when t is the same microsecond.
func (p *JSON) appendTS(b []byte, t time.Time) []byte {
	if us := t.UnixMicro(); us != p.tsUS || len(p.ts) == 0 {
		p.tsUS = us
		p.ts = appendEpoch(append(p.ts[:0], `,"ts":`...), t)
	}
	return append(b, p.ts...)
}

// appendConnUID appends the "conn" and "uid" fields of c, reusing the
// last formatting when c is the same connection (connection numbers are
// never reused, a recycled Conn gets a new one).
func (p *JSON) appendConnUID(b []byte, c *tracker.Conn) []byte {
	if c != p.idConn || c.ID() != p.idNum || len(p.id) == 0 {
		p.idConn, p.idNum = c, c.ID()
		p.id = appendUIDField(appendUintField(p.id[:0], "conn", c.ID()), c)
	}
	return append(b, p.id...)
}

// Packet implements tracker.Observer. It writes a "packet" record for
// every packet with Options.Verbose, and otherwise for each packet the
// default transcript shows though it changed no state (see Shown), then
// the packet's events.
func (p *JSON) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	if p.opts.Quiet {
		return
	}
	wrote := false
	if p.opts.Verbose || Shown(c, side, seg) {
		p.packet(c, seg, side, Trouble(c.Class(), seg))
		wrote = true
	}
	if len(evs) > 0 {
		p.events(c, evs)
		wrote = true
	}
	if wrote {
		p.out.endPacket()
	}
}

// packet writes the "packet" record.
func (p *JSON) packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, trouble bool) {
	b := append(p.buf[:0], `{"type":"packet"`...)
	b = p.appendTS(b, seg.Time)
	b = p.appendConnUID(b, c)
	b = appendUintField(b, "pkt", seg.Pkt)
	b = appendSafeStrField(b, `,"side":"`, side.String())
	b = append(b, `","src":"`...)
	b = appendAddrPort(b, netip.AddrPortFrom(seg.Src, seg.SrcPort))
	b = append(b, `","dst":"`...)
	b = appendAddrPort(b, netip.AddrPortFrom(seg.Dst, seg.DstPort))
	b = append(b, `","flags":"`...)
	b = seg.Flags.AppendTo(b)
	b = append(b, '"')
	b = appendUintField(b, "seq", uint64(c.Rel(side, seg.Seq)))
	if seg.Flags&segment.ACK != 0 {
		b = appendUintField(b, "ack", uint64(c.Rel(side.Peer(), seg.Ack)))
	}
	b = appendUintField(b, "win", uint64(seg.Window))
	if w, _, known := scaledWindow(c, side, seg); known {
		b = appendUintField(b, "win_scaled", w)
	}
	b = appendUintField(b, "len", uint64(seg.PayloadLen))
	b = appendUintField(b, "in_flight", uint64(c.InFlight(side)))
	if trouble {
		b = append(b, `,"trouble":true,"class":[`...)
	} else {
		b = append(b, `,"trouble":false,"class":[`...)
	}
	first := true
	if seg.BadChecksum {
		b = appendJSONString(b, badChecksumClass)
		first = false
	}
	c.Class().Each(func(name string) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendJSONString(b, name)
	})
	b = append(b, ']')
	if c.Class()&reassembly.DupAck != 0 {
		n, frame := c.DupAck(side)
		b = appendUintField(b, "dup_ack_num", uint64(n))
		b = appendUintField(b, "dup_ack_frame", frame)
	}
	b = append(b, "}\n"...)
	p.out.record(b)
	p.buf = b
}

// Events implements tracker.Observer.
func (p *JSON) Events(c *tracker.Conn, evs []tracker.Event) {
	if !p.opts.Quiet {
		p.events(c, evs)
	}
	p.out.endPacket()
}

func (p *JSON) events(c *tracker.Conn, evs []tracker.Event) {
	for i := range evs {
		e := &evs[i]
		b := p.buf[:0]
		switch e.Kind {
		case tracker.Transition:
			b = append(b, `{"type":"transition"`...)
		case tracker.Phase:
			b = append(b, `{"type":"phase"`...)
		case tracker.Note:
			b = append(b, `{"type":"note"`...)
		}
		b = p.appendTS(b, e.Time)
		b = p.appendConnUID(b, c)
		b = appendUintField(b, "pkt", e.Pkt)
		switch e.Kind {
		case tracker.Transition:
			b = appendSafeStrField(b, `,"side":"`, e.Side.String())
			b = appendSafeStrField(b, `","from":"`, e.From.String())
			b = appendSafeStrField(b, `","to":"`, e.To.String())
			b = append(b, '"')
			b = appendStrField(b, "reason", e.Reason)
			if e.Inferred {
				b = append(b, `,"inferred":true`...)
			} else {
				b = append(b, `,"inferred":false`...)
			}
		case tracker.Phase:
			b = appendStrField(b, "phase", e.Reason)
			if e.RTT > 0 {
				b = append(b, `,"rtt_ms":`...)
				b = appendMillis(b, e.RTT)
			}
		case tracker.Note:
			b = appendStrField(b, "side", e.Side.String())
			b = appendStrField(b, "note", e.Reason)
			b = append(b, `,"seq_delta":`...)
			b = strconv.AppendInt(b, e.Delta, 10)
		}
		b = append(b, "}\n"...)
		p.out.record(b)
		p.buf = b
	}
}

// Done implements tracker.Observer: the "conn" record.
func (p *JSON) Done(c *tracker.Conn) {
	p.conns++
	o, r := tracker.Orig, tracker.Resp
	if p.opts.FindingsOnly {
		p.hist.Add(c.State(o))
		p.hist.Add(c.State(r))
		return
	}
	b := append(p.buf[:0], `{"type":"conn","ts":`...)
	b = appendEpoch(b, c.First())
	b = appendUintField(b, "conn", c.ID())
	b = appendUIDField(b, c)
	b = appendAddrField(b, "orig_h", c.Addr(o).Addr())
	b = appendUintField(b, "orig_p", uint64(c.Addr(o).Port()))
	b = appendAddrField(b, "resp_h", c.Addr(r).Addr())
	b = appendUintField(b, "resp_p", uint64(c.Addr(r).Port()))
	b = appendStrField(b, "proto", "tcp")
	b = appendTunnelsJSON(b, p.opts.Tunnels, c)
	b = appendSafeStrField(b, `,"orig_state":"`, c.State(o).String())
	b = appendSafeStrField(b, `","resp_state":"`, c.State(r).String())
	b = append(b, '"')
	b = appendBoolField(b, "orig_inferred", c.Inferred(o))
	b = appendBoolField(b, "resp_inferred", c.Inferred(r))
	b = appendStrField(b, "conn_state", c.ConnState())
	b = append(b, `,"history":"`...)
	b = c.AppendHistory(b)
	b = append(b, '"')
	b = appendUintField(b, "orig_pkts", c.Packets(o))
	b = appendUintField(b, "resp_pkts", c.Packets(r))
	b = appendUintField(b, "orig_bytes", c.Bytes(o))
	b = appendUintField(b, "resp_bytes", c.Bytes(r))
	b = appendUintField(b, "orig_seq_bytes", c.ZeekBytes(o))
	b = appendUintField(b, "resp_seq_bytes", c.ZeekBytes(r))
	b = appendUintField(b, "orig_ip_bytes", c.IPBytes(o))
	b = appendUintField(b, "resp_ip_bytes", c.IPBytes(r))
	b = append(b, `,"duration":`...)
	b = strconv.AppendFloat(b, c.Last().Sub(c.First()).Seconds(), 'f', 6, 64)
	b = appendBoolField(b, "midstream", c.Midstream())
	if unseen, ok := c.OneSided(); ok {
		b = appendBoolField(b, "one_sided", true)
		b = appendStrField(b, "unseen", unseen.String())
	}
	if syn, synAck := c.HandshakeRetransmits(); syn+synAck > 0 {
		b = appendUintField(b, "syn_retransmits", uint64(syn))
		b = appendUintField(b, "synack_retransmits", uint64(synAck))
	}
	if c.SynCookie() {
		b = appendBoolField(b, "syn_cookie", true)
	}
	b = appendConnICMP(b, c) // icmp.go
	b = appendSeq(b, c)
	b = appendStrField(b, "end", c.End())
	if c.Why() != "" {
		b = appendStrField(b, "removed", c.Why())
	}
	b = append(b, "}\n"...)
	p.out.record(b)
	p.buf = b
	p.out.endPacket()
	p.hist.Add(c.State(o))
	p.hist.Add(c.State(r))
}

// Close writes the "summary" record (none with Options.FindingsOnly)
// and flushes.
func (p *JSON) Close(sum Summary) error {
	if p.opts.FindingsOnly {
		return p.out.w.Flush()
	}
	b := AppendSummary(p.buf[:0], &sum, p.conns, &p.hist, nil)
	p.out.record(b)
	p.buf = b
	return p.out.w.Flush()
}

// LiveSummary is what a live capture's --watch adds to a "summary"
// record: it writes one every interval and a final one at the end.
type LiveSummary struct {
	Time    time.Time // the wall clock
	Final   bool
	Iface   string
	Elapsed time.Duration
	// The kernel's counters, if Kernel is set.
	Kernel                                bool
	Received, DroppedKernel, DroppedIface uint64
	Snap                                  Snapshot
}

// AppendSummary appends a "summary" record: the one at the end of the
// JSON output (live nil), and --watch's. Both have one schema: the fields
// of the first, in the same order, and those of live around them. A
// periodic (not Final) watch record has of sum only Frames: the rest is
// known at the end.
func AppendSummary(b []byte, sum *Summary, conns uint64, hist *Histogram, live *LiveSummary) []byte {
	b = append(b, `{"type":"summary"`...)
	if live != nil {
		b = append(b, `,"ts":`...)
		b = appendEpoch(b, live.Time)
		b = appendBoolField(b, "final", live.Final)
		b = appendStrField(b, "iface", live.Iface)
		b = append(b, `,"elapsed":`...)
		b = strconv.AppendFloat(b, live.Elapsed.Seconds(), 'f', 3, 64)
	}
	b = appendUintField(b, "frames", sum.Frames)
	whole := live == nil || live.Final
	if whole {
		b = appendUintField(b, "tcp", sum.TCP)
		b = appendUintField(b, "non_tcp", sum.NonTCP)
		b = appendUintField(b, "filtered", sum.Filtered)
		b = appendCounts(b, "skipped", sum.Skipped)
		b = appendCounts(b, "noted", sum.Noted)
		b = appendFragments(b, &sum.Fragments) // frag.go
	}
	b = appendUintField(b, "connections", conns)
	if whole {
		b = appendUintField(b, "port_reuse", sum.Tracker.Reused)
		b = appendUintField(b, "idle_expired", sum.Tracker.Expired)
		b = appendUintField(b, "evicted", sum.Tracker.Evicted)
		if sum.Tracker.Evicted > 0 {
			b = appendUintField(b, "evicted_half_open", sum.Tracker.EvictedHalfOpen)
			b = appendUintField(b, "evicted_closing", sum.Tracker.EvictedClosing)
			b = appendUintField(b, "evicted_idle", sum.Tracker.EvictedIdle)
		}
		b = appendUintField(b, "probes", sum.Tracker.Probes)
		b = appendUintField(b, "one_sided", sum.Tracker.OneSided)
		if sum.Tracker.Strays > 0 {
			b = appendUintField(b, "strays", sum.Tracker.Strays)
		}
		b = appendDatagramSummary(b, &sum.Tracker) // probe.go
		b = appendChecksums(b, sum)
	}
	if live != nil {
		b = appendLive(b, live)
	}
	b = append(b, `,"states":`...)
	b = hist.AppendJSON(b)
	return append(b, "}\n"...)
}

// appendLive appends the kernel's counters and the snapshot of the
// connection table: endpoints holding a connection per state, the age in
// seconds of the oldest per state, the busiest places, and the oldest
// endpoints in CLOSE-WAIT, FIN-WAIT-2, LAST-ACK and SYN-RECEIVED.
func appendLive(b []byte, live *LiveSummary) []byte {
	if live.Kernel {
		b = appendUintField(b, "received", live.Received)
		b = appendUintField(b, "dropped_kernel", live.DroppedKernel)
		b = appendUintField(b, "dropped_iface", live.DroppedIface)
	}
	snap := &live.Snap
	b = appendUintField(b, "active", uint64(snap.Conns))
	rows := func(name string, each func(b []byte, r *StateRow) []byte) {
		b = append(b, ',', '"')
		b = append(b, name...)
		b = append(b, `":{`...)
		for i := range snap.Rows {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, snap.Rows[i].State.String())
			b = append(b, ':')
			b = each(b, &snap.Rows[i])
		}
		b = append(b, '}')
	}
	rows("active_states", func(b []byte, r *StateRow) []byte { return strconv.AppendUint(b, r.N, 10) })
	rows("oldest_age", func(b []byte, r *StateRow) []byte { return appendSecondsDur(b, r.Oldest) })
	rows("busiest", func(b []byte, r *StateRow) []byte {
		b = append(b, '[')
		for j, t := range r.Busiest {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"endpoint":`...)
			b = appendJSONString(b, t.Name)
			b = appendUintField(b, "n", t.N)
			b = append(b, '}')
		}
		return append(b, ']')
	})
	b = append(b, `,"oldest":[`...)
	for i, l := range snap.Oldest {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"conn":`...)
		b = strconv.AppendUint(b, l.Conn, 10)
		b = append(b, `,"uid":"`...)
		b = l.UID.AppendTo(b)
		b = append(b, '"')
		b = appendStrField(b, "side", l.Side.String())
		b = append(b, `,"endpoint":"`...)
		b = l.Addr.AppendTo(b)
		b = append(b, `","peer":"`...)
		b = l.Peer.AppendTo(b)
		b = append(b, '"')
		b = appendStrField(b, "state", l.State.String())
		b = append(b, `,"age":`...)
		b = appendSecondsDur(b, l.Age)
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendSecondsDur appends d in seconds with three decimals.
func appendSecondsDur(b []byte, d time.Duration) []byte {
	return strconv.AppendFloat(b, d.Seconds(), 'f', 3, 64)
}

// appendSeq appends the sequence analysis fields of a conn record.
func appendSeq(b []byte, c *tracker.Conn) []byte {
	o, r := c.SeqStats(tracker.Orig), c.SeqStats(tracker.Resp)
	b = appendUintField(b, "missed_bytes", o.MissedBytes+r.MissedBytes)
	if total, server, client, ok := c.HandshakeRTT(); ok {
		b = append(b, `,"hs_rtt_ms":`...)
		b = appendMillis(b, total)
		b = append(b, `,"hs_server_ms":`...)
		b = appendMillis(b, server)
		b = append(b, `,"hs_client_ms":`...)
		b = appendMillis(b, client)
	}
	for s := tracker.Orig; s <= tracker.Resp; s++ {
		st, pre := c.SeqStats(s), s.String()
		vals := [len(seqFields)]uint64{
			st.UniqueBytes, st.MissedBytes, st.Retransmissions, st.Spurious,
			st.FastRetransmissions, st.OutOfOrder, st.PrevNotCaptured, st.AckedUnseen,
			st.DupAcks, st.ZeroWindows, st.ZeroWindowProbes, st.WindowFull,
			st.WindowUpdates, st.KeepAlives, st.OverlapMismatches, st.RTT.N,
		}
		for i, v := range vals {
			b = append(b, seqFieldNames[s][i]...)
			b = appendUint(b, v)
		}
		if st.RTT.N > 0 {
			for _, m := range [...]struct {
				name string
				d    time.Duration
			}{{"_rtt_min_ms", st.RTT.Min}, {"_rtt_mean_ms", st.RTT.Mean()}, {"_rtt_max_ms", st.RTT.Max}} {
				b = append(b, ',', '"')
				b = append(b, pre...)
				b = append(b, m.name...)
				b = append(b, '"', ':')
				b = appendMillis(b, m.d)
			}
		}
		b = append(b, ',', '"')
		b = append(b, pre...)
		b = append(b, `_wscale":`...)
		switch ws := c.WindowScale(s); ws {
		case reassembly.ScaleUnknown:
			b = append(b, `"unknown"`...)
		case reassembly.ScaleNone:
			b = append(b, `"none"`...)
		default:
			b = strconv.AppendInt(b, int64(ws), 10)
		}
	}
	return b
}

// seqFields are the per-direction fields of a conn record's sequence
// analysis, in order; seqFieldNames holds each with its direction's
// prefix, quoted, with the comma before and the colon after:
// `,"orig_unique_bytes":`.
var seqFields = [...]string{
	"unique_bytes", "missed_bytes", "retrans", "spurious_retrans",
	"fast_retrans", "out_of_order", "lost_segments", "acked_unseen",
	"dup_acks", "zero_windows", "zero_window_probes", "window_full",
	"window_updates", "keepalives", "differing_retrans", "rtt_samples",
}

var seqFieldNames = func() (t [2][len(seqFields)]string) {
	for s := tracker.Orig; s <= tracker.Resp; s++ {
		for i, f := range seqFields {
			t[s][i] = `,"` + s.String() + "_" + f + `":`
		}
	}
	return t
}()

// appendUint appends v in decimal, as strconv.AppendUint does; the
// single digits most counters hold are written directly.
func appendUint(b []byte, v uint64) []byte {
	if v < 10 {
		return append(b, byte('0'+v))
	}
	return strconv.AppendUint(b, v, 10)
}

// appendChecksums appends, only when there is something to say, the
// segments with bad checksums the tracker did not apply and the senders
// whose checksums were not verified because they offload them.
func appendChecksums(b []byte, sum *Summary) []byte {
	if n := sum.Tracker.BadChecksum; n > 0 {
		b = appendUintField(b, "bad_checksum", n)
	}
	if sum.OffloadSenders > 0 {
		b = appendUintField(b, "checksum_offload_senders", sum.OffloadSenders)
		b = append(b, `,"checksum_offload":[`...)
		for i, a := range sum.Offload {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '"')
			b = a.AppendTo(b)
			b = append(b, '"')
		}
		b = append(b, ']')
	}
	return b
}

func appendCounts(b []byte, name string, cs []Count) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, `":{`...)
	for i, c := range cs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, c.Name)
		b = append(b, ':')
		b = strconv.AppendUint(b, c.N, 10)
	}
	return append(b, '}')
}

func appendUintField(b []byte, name string, v uint64) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return appendUint(b, v)
}

// appendUIDField appends the connection's "uid", the same as in the Zeek
// conn.log.
func appendUIDField(b []byte, c *tracker.Conn) []byte {
	b = append(b, `,"uid":"`...)
	b = c.UID().AppendTo(b)
	return append(b, '"')
}

// appendSafeStrField appends prefix (the field's name with its quotes
// and colon) and v, a string that needs no JSON escaping (a state's or a
// side's name: letters and dashes), without its closing quote.
func appendSafeStrField(b []byte, prefix, v string) []byte {
	b = append(b, prefix...)
	return append(b, v...)
}

func appendBoolField(b []byte, name string, v bool) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return strconv.AppendBool(b, v)
}

func appendStrField(b []byte, name, v string) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return appendJSONString(b, v)
}

func appendAddrField(b []byte, name string, a netip.Addr) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, `":"`...)
	b = a.AppendTo(b)
	return append(b, '"')
}

// appendJSONString appends s as a JSON string. flowtrace's strings are
// ASCII, but anything else is escaped correctly too.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0 // s[start:i] needs no escape: appended in one piece
	i := plainPrefix(s)
	if i == len(s) {
		b = append(b, s...)
		return append(b, '"')
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		start = i + 1
		if c < 0x20 {
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		} else {
			b = append(b, '\\', c)
		}
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plainPrefix returns the length of s's longest prefix that needs no
// JSON escaping (no control character, quote or backslash), testing
// eight bytes at a time.
func plainPrefix(s string) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A byte below 0x20, or equal to '"' or '\\', sets its high bit
		// in bad (bytes of 0x80 and above never do: they are plain).
		q, bs := w^('"'*ones), w^('\\'*ones)
		bad := ((w - 0x20*ones) | (q - ones) | (bs - ones)) &^ w & highs
		if bad != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' {
			break
		}
	}
	return i
}

// Buffered returns the number of bytes written but not yet flushed.
func (p *JSON) Buffered() int { return p.out.w.Buffered() }

// Flush writes out what is buffered: a live capture calls it (through a
// Flusher) so that output does not wait for the buffer to fill.
func (p *JSON) Flush() error { return p.out.w.Flush() }
