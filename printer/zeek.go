package printer

import (
	"io"
	"strconv"
	"time"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// zeekColumns are the conn.log columns with their Zeek types: Zeek's own
// (base/protocols/conn/main.zeek, Conn::Info, in its order), then
// flowtrace's per-endpoint states, which Zeek does not have.
var zeekColumns = [...]struct{ name, typ string }{
	{"ts", "time"},
	{"uid", "string"},
	{"id.orig_h", "addr"},
	{"id.orig_p", "port"},
	{"id.resp_h", "addr"},
	{"id.resp_p", "port"},
	{"proto", "enum"},
	{"service", "string"},
	{"duration", "interval"},
	{"orig_bytes", "count"},
	{"resp_bytes", "count"},
	{"conn_state", "string"},
	{"local_orig", "bool"},
	{"local_resp", "bool"},
	{"missed_bytes", "count"},
	{"history", "string"},
	{"orig_pkts", "count"},
	{"orig_ip_bytes", "count"},
	{"resp_pkts", "count"},
	{"resp_ip_bytes", "count"},
	{"tunnel_parents", "set[string]"},
	{"ip_proto", "count"},
	// flowtrace's own, named as in the JSON conn record.
	{"orig_state", "string"},
	{"resp_state", "string"},
	{"orig_inferred", "bool"},
	{"resp_inferred", "bool"},
	{"midstream", "bool"},
	{"end", "string"},
	{"removed", "string"},
}

// Zeek's ASCII writer defaults (LogAscii::separator and friends).
const (
	zeekSep   = '\t'
	zeekUnset = "-"
	zeekEmpty = "(empty)"
	// zeekStamp is the #open/#close format (Ascii::Timestamp), and that
	// of rotated file names (Log::default_rotation_date_format).
	zeekStamp = "2006-01-02-15-04-05"
)

// ZeekLog writes a Zeek conn.log in Zeek's TSV format (the ASCII writer's
// default): the header lines, one line per connection when it ends, and a
// #close line at Close. zeek-cut and parsers of Zeek logs read it as is.
//
// It differs from Zeek's writer in one way, for deterministic output:
// #open and #close give the capture time (UTC) of the first and last TCP
// segment, not the wall-clock time (local) at which the file was opened
// and closed.
type ZeekLog struct {
	z       *zeekFile
	probes  *zeekFile // probes.log (OpenZeekLog only)
	finds   *zeekFile // findings.log (OpenZeekLog only)
	buf     []byte
	tunnels TunnelLookup
}

func connColumns() []zeekColumn {
	cols := make([]zeekColumn, len(zeekColumns))
	for i, c := range zeekColumns {
		cols[i] = zeekColumn{c.name, c.typ}
	}
	return cols
}

// NewZeekLog returns a ZeekLog writing to w.
func NewZeekLog(w io.Writer) *ZeekLog {
	return &ZeekLog{z: newZeekWriter("conn", connColumns(), w), buf: make([]byte, 0, 512)}
}

// OpenZeekLog creates dir if it is missing and returns a ZeekLog writing
// dir/conn.log, replacing any file of that name. Close closes the file.
func OpenZeekLog(dir string) (*ZeekLog, error) {
	z, err := openZeekFile(dir, "conn", connColumns(), true)
	if err != nil {
		return nil, err
	}
	zl := &ZeekLog{z: z, buf: make([]byte, 0, 512)}
	if err := zl.openExtra(dir); err != nil {
		return nil, err
	}
	return zl, nil
}

// SetRotation rotates the logs (conn.log, probes.log, findings.log)
// with r.
func (z *ZeekLog) SetRotation(r *Rotation) {
	for _, f := range [...]*zeekFile{z.z, z.probes, z.finds} {
		if f != nil {
			r.add(f)
		}
	}
}

// SetTunnels sets how tunnel_parents describes a tunnelled connection's
// tunnels (the capture's table); without it, it gives their ids.
func (z *ZeekLog) SetTunnels(f TunnelLookup) { z.tunnels = f }

// Packet implements tracker.Observer: it notes the capture's time span,
// and rotates the logs at an interval boundary.
func (z *ZeekLog) Packet(_ *tracker.Conn, seg *segment.Segment, _ tracker.Side, _ []tracker.Event) {
	z.z.note(seg.Time)
	z.z.rot.advance(seg.Time)
}

// Events implements tracker.Observer; conn.log has no per-event lines,
// but a timer moves the capture clock (a quiet live link) for rotation.
func (z *ZeekLog) Events(_ *tracker.Conn, evs []tracker.Event) {
	if len(evs) > 0 && z.z.rot != nil {
		z.z.rot.advance(evs[0].Time)
	}
}

// Advance moves the logs' capture clock to t without a packet (a quiet
// live link): a rotation due is done.
func (z *ZeekLog) Advance(t time.Time) {
	if z.z.rot != nil && !t.IsZero() {
		z.z.rot.advance(t)
	}
}

// Done implements tracker.Observer: the connection's line.
func (z *ZeekLog) Done(c *tracker.Conn) {
	z.buf = appendZeekConn(z.buf[:0], c, z.tunnels)
	z.z.line(c.First(), z.buf)
}

// Flush writes what is buffered to the files.
func (z *ZeekLog) Flush() error {
	err := z.z.flush()
	for _, f := range [...]*zeekFile{z.probes, z.finds} {
		if f == nil {
			continue
		}
		if ferr := f.flush(); err == nil {
			err = ferr
		}
	}
	return err
}

// Close writes the #close lines, flushes and closes the files
// OpenZeekLog created (with a Rotation, rotates them a last time). The
// summary is not used: the logs have none.
func (z *ZeekLog) Close(Summary) error {
	err := z.z.close()
	for _, f := range [...]*zeekFile{z.probes, z.finds} {
		if f == nil {
			continue
		}
		if f.last.Before(z.z.last) {
			f.last = z.z.last // #close: the end of the input
		}
		if ferr := f.close(); err == nil {
			err = ferr
		}
	}
	return err
}

// zeekTime is t in UTC, or the epoch when nothing was captured.
func zeekTime(t time.Time) time.Time {
	if t.IsZero() {
		return time.Unix(0, 0).UTC()
	}
	return t.UTC()
}

// appendZeekConn appends c's conn.log line, the columns in zeekColumns
// order.
func appendZeekConn(b []byte, c *tracker.Conn, tunnels TunnelLookup) []byte {
	o, r := tracker.Orig, tracker.Resp
	sep := func() { b = append(b, zeekSep) }
	b = appendEpoch(b, c.First())
	sep()
	b = c.UID().AppendTo(b)
	for _, s := range [...]tracker.Side{o, r} {
		sep()
		b = c.Addr(s).Addr().AppendTo(b)
		sep()
		b = strconv.AppendUint(b, uint64(c.Addr(s).Port()), 10)
	}
	sep()
	b = append(b, "tcp"...)
	sep()
	b = append(b, zeekUnset...) // service: no protocol detection
	// Zeek sets duration, orig_bytes and resp_bytes only when the
	// connection lasted longer than zero.
	sep()
	if d := c.Last().Sub(c.First()); d > 0 {
		b = strconv.AppendFloat(b, d.Seconds(), 'f', 6, 64)
		sep()
		b = strconv.AppendUint(b, c.ZeekBytes(o), 10)
		sep()
		b = strconv.AppendUint(b, c.ZeekBytes(r), 10)
	} else {
		b = append(b, zeekUnset+"\t"+zeekUnset+"\t"+zeekUnset...)
	}
	sep()
	b = appendZeekString(b, c.ConnState())
	sep()
	b = append(b, zeekUnset+"\t"+zeekUnset...) // local_orig, local_resp: no Site::local_nets
	sep()
	b = strconv.AppendUint(b, c.SeqStats(o).MissedBytes+c.SeqStats(r).MissedBytes, 10)
	sep()
	// History letters are printable and never "-": no escaping needed.
	n := len(b)
	b = c.AppendHistory(b)
	if len(b) == n {
		b = append(b, zeekUnset...) // Zeek leaves an empty history unset
	}
	for _, s := range [...]tracker.Side{o, r} {
		sep()
		b = strconv.AppendUint(b, c.Packets(s), 10)
		sep()
		b = strconv.AppendUint(b, c.IPBytes(s), 10)
	}
	sep()
	b = appendTunnelParents(b, tunnels, c)
	sep()
	b = append(b, '6') // ip_proto: TCP
	for _, s := range [...]tracker.Side{o, r} {
		sep()
		b = appendZeekString(b, c.State(s).String())
	}
	for _, s := range [...]tracker.Side{o, r} {
		sep()
		b = appendZeekBool(b, c.Inferred(s))
	}
	sep()
	b = appendZeekBool(b, c.Midstream())
	sep()
	b = appendZeekString(b, c.End())
	sep()
	if w := c.Why(); w != "" {
		b = appendZeekString(b, w)
	} else {
		b = append(b, zeekUnset...)
	}
	return append(b, '\n')
}

func appendZeekBool(b []byte, v bool) []byte {
	if v {
		return append(b, 'T')
	}
	return append(b, 'F')
}

// appendZeekString appends a string value as Zeek's ASCII writer does:
// "(empty)" for the empty string; a value that reads as the unset or
// empty marker gets its first byte escaped; the separator and every other
// non-printable byte become \xHH (ODesc::AddBytes; like Zeek, a backslash
// is left as is).
func appendZeekString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	switch s {
	case "":
		return append(b, zeekEmpty...)
	case zeekUnset, zeekEmpty:
		b = append(b, '\\', 'x', hex[s[0]>>4], hex[s[0]&15])
		s = s[1:]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f { // not isprint; the tab separator included
			b = append(b, '\\', 'x', hex[c>>4], hex[c&15])
		} else {
			b = append(b, c)
		}
	}
	return b
}
