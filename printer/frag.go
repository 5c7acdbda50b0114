package printer

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// Fragments is what IP reassembly did, for the summary (the caller
// translates capture.FragStats). The zero value means no fragment was
// seen, and nothing is printed.
type Fragments struct {
	Frames      uint64 // fragment frames, the ones that completed a datagram included
	Reassembled uint64 // datagrams reassembled
	Incomplete  uint64 // trains that never completed
	TimedOut    uint64 // of Incomplete, those that timed out (30 s)
	Overlaps    uint64 // trains dropped because fragments overlapped
	Duplicates  uint64 // fragments ignored as duplicates
	Conflicts   uint64 // overlaps and duplicates whose bytes differed
	TinyFirst   uint64 // first fragments with < 20 bytes of TCP header
	Invalid     uint64 // fragments refused as inconsistent
	CapDropped  uint64 // fragments dropped at the memory or train cap
	// Unverifiable counts reassembled datagrams whose checksum could not
	// be verified because the snaplen cut fragments (applied unverified).
	Unverifiable uint64
	Examples     []FragExample
}

// FragExample is one example train.
type FragExample struct {
	Kind     string // "incomplete", "overlap", "duplicate" (with conflicting bytes) or "tiny"
	Src, Dst netip.Addr
	ID       uint32
	First    time.Time // the train's first fragment
	FirstPkt uint64
	Pkt      uint64 // the packet of the example (overlapping, tiny, or last seen)
	Conflict bool
}

// appendFragments appends the summary's "fragments" object, if any
// fragment was seen.
func appendFragments(b []byte, f *Fragments) []byte {
	if f.Frames == 0 {
		return b
	}
	b = append(b, `,"fragments":{"frames":`...)
	b = strconv.AppendUint(b, f.Frames, 10)
	b = appendUintField(b, "reassembled", f.Reassembled)
	b = appendUintField(b, "incomplete", f.Incomplete)
	b = appendUintField(b, "timed_out", f.TimedOut)
	b = appendUintField(b, "overlaps", f.Overlaps)
	b = appendUintField(b, "duplicates", f.Duplicates)
	b = appendUintField(b, "conflicts", f.Conflicts)
	b = appendUintField(b, "tiny_first", f.TinyFirst)
	b = appendUintField(b, "invalid", f.Invalid)
	b = appendUintField(b, "cap_dropped", f.CapDropped)
	if f.Unverifiable > 0 {
		b = appendUintField(b, "checksum_unverifiable", f.Unverifiable)
	}
	b = append(b, `,"examples":[`...)
	for i, e := range f.Examples {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"kind":`...)
		b = appendJSONString(b, e.Kind)
		b = appendAddrField(b, "src", e.Src)
		b = appendAddrField(b, "dst", e.Dst)
		b = appendUintField(b, "id", uint64(e.ID))
		b = append(b, `,"first_ts":`...)
		b = appendEpoch(b, e.First)
		b = appendUintField(b, "first_pkt", e.FirstPkt)
		b = appendUintField(b, "pkt", e.Pkt)
		b = appendBoolField(b, "conflict", e.Conflict)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

// Lines returns the stderr report on fragments: a count line, then one
// line per example. Times are in loc.
func (f *Fragments) Lines(name string, loc *time.Location) []string {
	if f.Frames == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: ip fragments: %d frames, %d datagrams reassembled", name, f.Frames, f.Reassembled)
	for _, c := range []struct {
		n    uint64
		what string
	}{
		{f.Incomplete, "trains incomplete"}, {f.TimedOut, "timed out (30 s)"},
		{f.Overlaps, "overlap dropped"}, {f.Duplicates, "duplicates ignored"},
		{f.Conflicts, "with conflicting bytes"}, {f.TinyFirst, "tiny first fragments"},
		{f.Invalid, "invalid"}, {f.CapDropped, "dropped at the memory cap"},
		{f.Unverifiable, "cut by the snaplen, checksum not verified"},
	} {
		if c.n > 0 {
			fmt.Fprintf(&b, ", %d %s", c.n, c.what)
		}
	}
	lines := []string{b.String()}
	for _, e := range f.Examples {
		var what string
		switch e.Kind {
		case "incomplete":
			what = "fragment train incomplete"
		case "overlap":
			what = "overlapping fragments, datagram dropped"
		case "duplicate":
			what = "duplicate fragment with different bytes, first copy kept"
		default:
			what = "tiny first fragment (< 20 bytes of TCP header)"
		}
		l := fmt.Sprintf("%s: %s: %v > %v id %d, first fragment packet %d at %s",
			name, what, e.Src, e.Dst, e.ID, e.FirstPkt, e.First.In(loc).Format("2006-01-02 15:04:05.000000"))
		if e.Pkt != e.FirstPkt {
			l += fmt.Sprintf(", packet %d", e.Pkt)
		}
		if e.Conflict && e.Kind == "overlap" {
			l += ", conflicting bytes"
		}
		lines = append(lines, l)
	}
	return lines
}
