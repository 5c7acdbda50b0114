package capture

import (
	"fmt"
	"strings"
	"time"
)

// Leniency counts what the file reader accepted that a strict reader
// would refuse, the way libpcap, tcpdump and Wireshark accept it. Each
// count comes with the first record (1-based frame number) it happened
// at.
type Leniency struct {
	// Version is the classic pcap file's version when it is older than
	// 2.4 ("2.2"); empty otherwise.
	Version string
	// Swapped counts records whose captured and original length fields
	// were swapped back: libpcap's pre-2.3 writers stored them the other
	// way round (always below 2.3, when captured > original in 2.3).
	Swapped, FirstSwapped uint64
	// Clamped counts records whose captured length exceeded their
	// original length: the frame is cut to the original length.
	Clamped, FirstClamped uint64
	// BadFraction counts records whose microsecond (or nanosecond)
	// field was 1e6 (1e9) or more: it is clamped to the largest valid
	// value, never carried into the seconds.
	BadFraction, FirstBadFraction uint64
}

// Backwards records capture timestamps that went back in time. The
// capture clock (Segment.Time) never does: a frame older than one before
// it is given the latest time seen, so that durations and timers are
// never negative.
type Backwards struct {
	N    uint64    // frames whose timestamp was before the latest one seen
	Pkt  uint64    // the first such frame
	Time time.Time // its own timestamp
	Prev time.Time // the latest timestamp before it
}

// back records that the pkt-th frame, stamped ts, is older than clock,
// the latest timestamp seen before it (Reader.Next checks, inline).
func (b *Backwards) back(clock, ts time.Time, pkt uint64) {
	if b.N == 0 {
		b.Pkt, b.Time, b.Prev = pkt, ts, clock
	}
	b.N++
}

// LinkSkip counts the frames of one interface skipped because their link
// type is not supported.
type LinkSkip struct {
	Iface int
	Link  LinkType
	N     uint64
}

// maxLinkSkips bounds the (interface, link type) pairs counted one by
// one; frames of further pairs are counted in Stats.UnsupportedOther.
const maxLinkSkips = 8

// noteUnsupported counts a frame of interface iface skipped for its link
// type.
func (s *Stats) noteUnsupported(iface int, link LinkType) {
	for i := range s.Unsupported {
		u := &s.Unsupported[i]
		if u.N == 0 {
			*u = LinkSkip{Iface: iface, Link: link, N: 1}
			return
		}
		if u.Iface == iface && u.Link == link {
			u.N++
			return
		}
	}
	s.UnsupportedOther++
}

// Notices returns one line per thing worth telling the user about the
// input beyond the per-reason counts: frames skipped for an unsupported
// link type, by interface, and the reader's leniencies. Lines have no
// prefix and no newline.
func (s *Stats) Notices() []string {
	var out []string
	plural := func(n uint64, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %ss", n, one)
	}
	var bad, other []string
	var nbad, nother uint64
	for r, n := range s.SkippedReasons() {
		switch {
		case r == UnsupportedLink: // said per interface below
		case r.Malformed():
			bad, nbad = append(bad, fmt.Sprintf("%s %d", r, n)), nbad+n
		default:
			other, nother = append(other, fmt.Sprintf("%s %d", r, n)), nother+n
		}
	}
	if nbad > 0 {
		out = append(out, fmt.Sprintf("skipped %d of %d frames as malformed: %s", nbad, s.Frames, strings.Join(bad, ", ")))
	}
	if nother > 0 {
		out = append(out, fmt.Sprintf("skipped %d of %d frames that could not be decoded: %s", nother, s.Frames, strings.Join(other, ", ")))
	}
	for _, u := range s.Unsupported {
		if u.N == 0 {
			break
		}
		out = append(out, fmt.Sprintf("skipped %s on interface %d: link type %s is not supported",
			plural(u.N, "frame"), u.Iface, u.Link.describe()))
	}
	if s.UnsupportedOther > 0 {
		out = append(out, fmt.Sprintf("skipped %s on other interfaces: link types not supported", plural(s.UnsupportedOther, "frame")))
	}
	f := &s.File
	if f.Version != "" {
		out = append(out, fmt.Sprintf("pcap version %s: read as libpcap does", f.Version))
	}
	if f.Swapped > 0 {
		out = append(out, fmt.Sprintf("swapped the captured and original lengths of %s, as libpcap does for files before pcap 2.3 (first: frame %d)",
			plural(f.Swapped, "record"), f.FirstSwapped))
	}
	if f.Clamped > 0 {
		out = append(out, fmt.Sprintf("cut %s to the original length (captured length larger; first: frame %d)",
			plural(f.Clamped, "record"), f.FirstClamped))
	}
	if f.BadFraction > 0 {
		out = append(out, fmt.Sprintf("clamped the invalid sub-second timestamp field of %s (first: frame %d)",
			plural(f.BadFraction, "record"), f.FirstBadFraction))
	}
	if b := &s.Backwards; b.N > 0 {
		out = append(out, fmt.Sprintf("timestamps went backwards in %s; the capture clock stays at the latest time (first: frame %d at %s, %s before the latest)",
			plural(b.N, "frame"), b.Pkt, b.Time.UTC().Format("2006-01-02T15:04:05.000000Z"), b.Prev.Sub(b.Time)))
	}
	return out
}

// A Source may report what it read leniently; [Reader.Stats] includes it.
type lenienter interface {
	Leniency() Leniency
}

// linkRecord is the link type a Source gives a record that is not a
// packet but that Wireshark numbers as a frame (a pcapng custom block or
// systemd journal export block). It has no data. LINKTYPE 65535 is
// reserved, never assigned.
const linkRecord LinkType = 0xffff

// Malformed reports whether frames skipped for r are damaged or
// impossible, rather than well-formed frames flowtrace cannot decode
// (an unsupported link type, an IP or link-layer fragment, an encrypted
// 802.11 frame, an encrypted or unsupported encapsulation).
func (r Reason) Malformed() bool {
	switch r {
	case UnsupportedLink, Protected80211, LinkFragment, TunnelFragment,
		TunnelTooDeep, UnsupportedGRE, UnsupportedTunnel, ESPEncrypted, UnknownUDPTunnel:
		return false
	}
	return r < NumReasons
}
