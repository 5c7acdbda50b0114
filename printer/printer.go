// Package printer turns the tracker's events into flowtrace's outputs: the
// annotated text transcript with its connection table and state
// histogram, JSON Lines, and a Zeek conn.log (ZeekLog). Tee runs several
// of them on one tracker.
//
// The printers implement tracker.Observer (and Printer). They format into a reused
// buffer and write through a bufio.Writer, so printing a packet does not
// allocate, whatever the time format or zone (clock.go caches the zone's
// offset until its next transition). The buffer is written out when it
// fills and at Close, after every line or packet if Options.Buffering
// says so, and whenever the caller calls Flush: a live capture does it
// through a Flusher, which owns the timing policy (flush.go). The text
// printer keeps one formatted row per ended connection for its table, at
// most MemRows (and MemBytes) in memory and the rest in an unlinked temporary file,
// merged in connection order at Close (spool.go), so its memory is
// bounded however many connections end. Output depends only on the
// events and the Options (Location for the text printer's times), never
// on the wall clock or map order, so the same input gives byte-identical
// output. Printers are not safe for
// concurrent use; Close must be called once at the end.
package printer

import (
	"net/netip"
	"strconv"
	"time"

	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Count is one named counter, such as a reason for skipping frames.
type Count struct {
	Name string
	N    uint64
	// Unreachable marks a reason for skipping frames that are not
	// damaged but hold what flowtrace cannot reach (an encrypted or
	// unsupported encapsulation): stderr lists them apart from the
	// malformed ones.
	Unreachable bool
}

// Summary is what the caller knows at the end that the tracker did not
// see: capture statistics.
type Summary struct {
	Frames   uint64   // frames read
	TCP      uint64   // TCP segments decoded
	NonTCP   uint64   // frames that were not TCP (ARP, UDP, ICMP, …)
	Filtered uint64   // frames the BPF filter rejected
	Skipped  []Count  // malformed frames, by reason
	Noted    []Count  // segments kept despite a defect, by reason
	Notices  []string // capture's own lines: skips by kind, unsupported link types by interface, leniencies
	Tracker  tracker.Stats
	// Fragments is what IP reassembly did (frag.go).
	Fragments Fragments

	// Offload lists the first senders found to offload checksums (their
	// checksums not verified); OffloadSenders counts them all.
	Offload        []netip.Addr
	OffloadSenders uint64
}

// Options select what the printers show.
type Options struct {
	// Verbose prints every packet, not only those that change a state or
	// show trouble (see Trouble).
	Verbose bool
	// UID adds each connection's stable uid to the text connection table
	// (a "uid" column after "conn"), for drilling down with --conn.
	UID bool
	// AllSeq lists every connection in the text sequence-analysis table,
	// not only those that retransmitted, reordered, lost or stalled.
	AllSeq bool

	// Quiet prints no transcript: the text printer writes only its
	// tables, the JSON printer only its "conn" and "summary" records.
	Quiet bool
	// FindingsOnly prints findings only (--findings): the text printer
	// its markers and findings section, the JSON printer its
	// "finding_fired" and "finding" records. Set Quiet with it.
	FindingsOnly bool

	// Buffering says when output is written out (default: when the
	// buffer fills and at Close).
	Buffering Buffering

	// Location is the time zone of the text transcript and table; nil
	// is UTC. flowtrace passes time.Local unless --utc.
	Location *time.Location
	// Time is the transcript's timestamp format (tcpdump's -t options).
	Time TimeFormat
	// Wide prints every column of the connection table.
	Wide bool
	// TempDir is where the text printer spills table rows beyond
	// MemRows; "" is os.TempDir().
	TempDir string
	// Warn, if set, is told once when rows cannot be spilled to disk
	// and the table is kept in memory instead.
	Warn func(msg string)
	// Tunnels describes the tunnels of tunnelled connections (the
	// capture's table); nil prints their ids only.
	Tunnels TunnelLookup
}

// Trouble reports whether a segment shows trouble: it is a RST (accepted
// or not), or the sequence analysis put it in a class of
// reassembly.Trouble (a retransmission, an out-of-order segment, a gap,
// an ACK of unseen bytes, a zero window or its probe, retransmitted bytes
// that differ), or its checksum is bad. cl is the segment's classes.
func Trouble(cl reassembly.Class, seg *segment.Segment) bool {
	return cl&reassembly.Trouble != 0 || seg.Flags&segment.RST != 0 || seg.BadChecksum
}

// badChecksumClass is the class printed for a segment with a bad
// checksum, which the tracker recorded but did not analyse.
const badChecksumClass = "bad checksum"

// Shown reports whether the default transcript prints a segment that
// changed no state: it shows trouble, or it ends a zero-window stall (the
// window update that opens the window again), so a stall has an end.
// side is the segment's sender; call it during Observer.Packet.
func Shown(c *tracker.Conn, side tracker.Side, seg *segment.Segment) bool {
	return Trouble(c.Class(), seg) || c.Reopened(side)
}

// appendClasses appends each class of the connection's latest segment as
// "[name]", separated by spaces; a duplicate ACK is numbered as tshark
// numbers it: "[dup ACK 3 of #93]", the 3rd duplicate of the ACK packet
// 93 first carried. side is the segment's sender.
func appendClasses(b []byte, c *tracker.Conn, side tracker.Side) []byte {
	cl := c.Class()
	first := true
	for bit := reassembly.Class(1); bit != 0 && bit <= cl; bit <<= 1 {
		if cl&bit == 0 {
			continue
		}
		if !first {
			b = append(b, ' ')
		}
		first = false
		b = append(b, '[')
		b = append(b, bit.Name()...)
		if bit == reassembly.DupAck {
			n, frame := c.DupAck(side)
			b = append(b, ' ')
			b = strconv.AppendInt(b, int64(n), 10)
			b = append(b, " of #"...)
			b = strconv.AppendUint(b, frame, 10)
		}
		b = append(b, ']')
	}
	return b
}

// scaledWindow returns the window seg advertises in bytes, shifted by its
// sender's window scale, and whether that scale is known. A SYN's window
// is never scaled (RFC 7323 §2.2).
func scaledWindow(c *tracker.Conn, side tracker.Side, seg *segment.Segment) (w uint64, shift int8, known bool) {
	w = uint64(seg.Window)
	switch ws := c.WindowScale(side); {
	case seg.Flags&segment.SYN != 0 || ws == reassembly.ScaleNone:
		return w, 0, true
	case ws >= 0:
		return w << uint(ws), ws, true
	}
	return w, 0, false
}

// Histogram counts endpoints by state, in netstat's order (roughly the
// life of a connection): the "final endpoint states" of both printers,
// and the watch view's rows.
type Histogram [len(stateOrder)]uint64

var stateOrder = [...]tracker.State{
	tracker.Established, tracker.SynSent, tracker.SynReceived,
	tracker.FinWait1, tracker.FinWait2, tracker.TimeWait, tracker.Closed,
	tracker.CloseWait, tracker.LastAck, tracker.Listen, tracker.Closing,
	tracker.Unknown,
}

// HistogramIndex returns where state s is counted in a Histogram.
func HistogramIndex(s tracker.State) int {
	for i, x := range stateOrder {
		if x == s {
			return i
		}
	}
	return len(stateOrder) - 1
}

// HistogramState returns the state counted at index i of a Histogram.
func HistogramState(i int) tracker.State { return stateOrder[i] }

// Add counts one endpoint in state s.
func (h *Histogram) Add(s tracker.State) { h[HistogramIndex(s)]++ }

// AppendJSON appends the non-zero counts as a JSON object in order:
// {"ESTABLISHED":2,"TIME-WAIT":1}.
func (h *Histogram) AppendJSON(b []byte) []byte {
	b = append(b, '{')
	first := true
	for i, n := range h {
		if n == 0 {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = strconv.AppendQuote(b, stateOrder[i].String())
		b = append(b, ':')
		b = strconv.AppendUint(b, n, 10)
	}
	return append(b, '}')
}

// appendClock appends the time of day in UTC with microseconds
// (15:04:05.000000).
func appendClock(b []byte, t time.Time) []byte { return appendTOD(b, t.UnixMicro()) }

func append2(b []byte, v int64) []byte { return append(b, byte('0'+v/10), byte('0'+v%10)) }

// appendStamp appends a full UTC timestamp (2006-01-02 15:04:05.000000).
func appendStamp(b []byte, t time.Time) []byte {
	us := t.UnixMicro()
	b = appendDate(b, us)
	b = append(b, ' ')
	return appendTOD(b, us)
}

// appendEpoch appends t as seconds since the epoch with microseconds,
// Zeek's ts format.
func appendEpoch(b []byte, t time.Time) []byte {
	us := t.UnixMicro()
	if us < 0 {
		b = append(b, '-')
		us = -us
	}
	b = strconv.AppendInt(b, us/1e6, 10)
	f := us % 1e6
	return append(b, '.', byte('0'+f/100000), byte('0'+f/10000%10), byte('0'+f/1000%10),
		byte('0'+f/100%10), byte('0'+f/10%10), byte('0'+f%10))
}

// appendMillis appends d in milliseconds with three decimals, as
// strconv.AppendFloat(b, float64(d)/1e6, 'f', 3, 64) does. Below 2^50 ns
// (13 days) it rounds the integer instead: float64(d)/1e6 is within
// 1.3e-7 ms of the exact quotient there, so it rounds the same way
// unless the quotient lies exactly halfway between two thousandths
// (d%1000 == 500), which is left to AppendFloat.
func appendMillis(b []byte, d time.Duration) []byte {
	if d >= 0 && d < 1<<50 {
		if r := d % 1000; r != 500 {
			us := d / 1000
			if r > 500 {
				us++
			}
			b = strconv.AppendUint(b, uint64(us/1000), 10)
			f := us % 1000
			return append(b, '.', byte('0'+f/100), byte('0'+f/10%10), byte('0'+f%10))
		}
	}
	return strconv.AppendFloat(b, float64(d)/float64(time.Millisecond), 'f', 3, 64)
}

// appendPacketAddrs appends " #PKT SRC > DST", the part every transcript
// line about a packet shares (segments, probes, strays).
func appendPacketAddrs(b []byte, pkt uint64, src, dst netip.AddrPort) []byte {
	b = append(b, " #"...)
	b = strconv.AppendUint(b, pkt, 10)
	b = append(b, ' ')
	b = appendAddrPort(b, src)
	b = append(b, " > "...)
	return appendAddrPort(b, dst)
}
