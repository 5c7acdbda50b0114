package capture

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"math/bits"
	"time"
)

// pcapReader reads the records of a classic pcap file whose header has
// been checked. Records that fit in the bufio.Reader's buffer are
// returned in place, so a frame is copied once, from the file into the
// buffer; a larger record (up to MaxSnaplen) is copied into buf. The
// records are parsed from a window of what the buffer holds (one Peek),
// which is discarded and peeked again only when the next record is not
// wholly in it: two bufio calls per buffer, not four per record.
//
// Errors mirror pcapgo's, which the file reader used before: io.EOF with
// a zero CaptureInfo at a clean end, io.ErrUnexpectedEOF for a record cut
// short, and a CaptureInfo with the offending lengths for a record longer
// than MaxSnaplen.
//
// Like libpcap (sf-pcap.c), files older than 2.3 have their captured and
// original length fields swapped back, and 2.3 files too when the
// captured length is the larger; a captured length still above the
// original length is then cut to it, and a sub-second field out of range
// clamped, each counted in the File's Leniency.
var errBadRecord = errors.New("impossible record length")

type pcapReader struct {
	br      *bufio.Reader
	swap    bool // the file's byte order is big-endian
	nano    bool
	win     []byte // the bytes buffered in br, peeked, from its read position
	used    int    // bytes of win read already: to discard from br
	buf     []byte // for records larger than br's buffer
	minor   uint16 // file's minor version (2.minor)
	records uint64 // records read
	lenient *Leniency
}

func (r *pcapReader) next() (data []byte, ci FrameInfo, err error) {
	rec := r.win[r.used:] // the window's rest, from this record on
	if len(rec) < 16 {
		rec, err = r.fill(16)
	}
	if len(rec) < 16 {
		if len(rec) == 0 && (err == io.EOF || err == nil) {
			return nil, ci, io.EOF
		}
		if err == io.EOF || err == nil {
			err = io.ErrUnexpectedEOF
		}
		return nil, FrameInfo{CaptureLength: -1}, err
	}
	h := [4]uint32{ // the header's words, read without an interface call each
		binary.LittleEndian.Uint32(rec[0:]), binary.LittleEndian.Uint32(rec[4:]),
		binary.LittleEndian.Uint32(rec[8:]), binary.LittleEndian.Uint32(rec[12:]),
	}
	if r.swap {
		for i := range h {
			h[i] = bits.ReverseBytes32(h[i])
		}
	}
	sec, frac := int64(h[0]), int64(h[1])
	caplen, origlen := int(h[2]), int(h[3])
	r.records++
	if r.minor < 3 || (r.minor == 3 && caplen > origlen) {
		caplen, origlen = origlen, caplen
		if r.lenient.Swapped++; r.lenient.Swapped == 1 {
			r.lenient.FirstSwapped = r.records
		}
	}
	if limit := int64(1e6); r.nano && frac >= 1e9 || !r.nano && frac >= limit {
		frac = limit - 1
		if r.nano {
			frac = 1e9 - 1
		}
		if r.lenient.BadFraction++; r.lenient.BadFraction == 1 {
			r.lenient.FirstBadFraction = r.records
		}
	}
	if !r.nano {
		frac *= 1000
	}
	ci = FrameInfo{Timestamp: time.Unix(sec, frac).UTC(), CaptureLength: caplen, Length: origlen}
	if caplen > MaxSnaplen {
		return nil, ci, errBadRecord // ReadFrame names the lengths
	}
	keep := caplen
	if caplen > origlen {
		keep, ci.CaptureLength = origlen, origlen
		if r.lenient.Clamped++; r.lenient.Clamped == 1 {
			r.lenient.FirstClamped = r.records
		}
	}
	if n := 16 + caplen; n <= r.br.Size() {
		if len(rec) < n {
			rec, _ = r.fill(n)
		}
		if len(rec) < n {
			return nil, ci, io.ErrUnexpectedEOF
		}
		r.used += n
		return rec[16 : 16+keep], ci, nil
	}
	r.discard()
	r.br.Discard(16)
	if cap(r.buf) < caplen {
		r.buf = make([]byte, caplen)
	}
	data = r.buf[:caplen]
	if _, err := io.ReadFull(r.br, data); err != nil {
		return nil, ci, io.ErrUnexpectedEOF
	}
	return data[:keep], ci, nil
}

// fill discards what was read of the window and peeks again, at least n
// bytes (at most br's size) if it can, and returns the new window: all
// that br holds. Fewer than n bytes come with the error that stopped the
// read, if any.
func (r *pcapReader) fill(n int) ([]byte, error) {
	r.discard()
	win, err := r.br.Peek(n) // reads on if it must, moving the buffered bytes
	if len(win) < n {
		return win, err
	}
	r.win, _ = r.br.Peek(r.br.Buffered()) // all of it: no read
	return r.win, nil
}

// discard drops the window, discarding what was read of it from br.
func (r *pcapReader) discard() {
	r.br.Discard(r.used)
	r.win, r.used = nil, 0
}
