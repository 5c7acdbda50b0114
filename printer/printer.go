// Package printer turns the tracker's events into flowtrace's outputs: the
// annotated text transcript with its connection table and state
// histogram, and JSON Lines.
//
// Both printers implement tracker.Observer. They format into a reused
// buffer and write through a bufio.Writer, so printing a packet does not
// allocate, whatever the time format or zone (clock.go caches the zone's
// offset until its next transition). The text printer keeps one compact
// row per ended connection for its table, at most MemRows in memory and
// the rest in an unlinked temporary file, merged in connection order at
// Close (spool.go), so its memory is bounded however many connections
// end. Output depends only on the events and the Options (Location for
// the text printer's times), never on the wall clock or map order, so the
// same input gives byte-identical output. Printers are not safe for
// concurrent use; Close must be called once at the end.
package printer

import (
	"strconv"
	"time"

	"github.com/flowtrace/flowtrace/tracker"
)

// Count is one named counter, such as a reason for skipping frames.
type Count struct {
	Name string
	N    uint64
}

// Summary is what the caller knows at the end that the tracker did not
// see: capture statistics.
type Summary struct {
	Frames   uint64  // frames read
	TCP      uint64  // TCP segments decoded
	NonTCP   uint64  // frames that were not TCP (ARP, UDP, ICMP, …)
	Filtered uint64  // frames the BPF filter rejected
	Skipped  []Count // malformed frames, by reason
	Noted    []Count // segments kept despite a defect, by reason
	Tracker  tracker.Stats
}

// Options select what the printers show.
type Options struct {
	// Verbose prints every packet, not only those that change a state.
	Verbose bool
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
	b = append(b, '.')
	frac := us % 1e6
	for d := int64(100000); d > 0; d /= 10 {
		b = append(b, byte('0'+frac/d%10))
	}
	return b
}

// appendMillis appends d in milliseconds with three decimals.
func appendMillis(b []byte, d time.Duration) []byte {
	return strconv.AppendFloat(b, float64(d)/float64(time.Millisecond), 'f', 3, 64)
}
