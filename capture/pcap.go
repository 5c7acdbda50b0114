package capture

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"time"
)

// pcapReader reads the records of a classic pcap file whose header has
// been checked. Records that fit in the bufio.Reader's buffer are
// returned in place (Peek), so a frame is copied once, from the file into
// the buffer; a larger record (up to MaxSnaplen) is copied into buf.
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
	order   binary.ByteOrder
	nano    bool
	discard int    // bytes of the previous record still in br
	buf     []byte // for records larger than br's buffer
	minor   uint16 // file's minor version (2.minor)
	records uint64 // records read
	lenient *Leniency
}

func (r *pcapReader) next() (data []byte, ci FrameInfo, err error) {
	if r.discard > 0 {
		r.br.Discard(r.discard)
		r.discard = 0
	}
	h, err := r.br.Peek(16)
	if len(h) < 16 {
		if len(h) == 0 && (err == io.EOF || err == nil) {
			return nil, ci, io.EOF
		}
		if err == io.EOF || err == nil {
			err = io.ErrUnexpectedEOF
		}
		return nil, FrameInfo{CaptureLength: -1}, err
	}
	sec, frac := int64(r.order.Uint32(h[0:])), int64(r.order.Uint32(h[4:]))
	caplen, origlen := int(r.order.Uint32(h[8:])), int(r.order.Uint32(h[12:]))
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
	r.br.Discard(16)
	if caplen <= r.br.Size() {
		data, err = r.br.Peek(caplen)
		if len(data) < caplen {
			return nil, ci, io.ErrUnexpectedEOF
		}
		r.discard = caplen
		return data[:keep], ci, nil
	}
	if cap(r.buf) < caplen {
		r.buf = make([]byte, caplen)
	}
	data = r.buf[:caplen]
	if _, err := io.ReadFull(r.br, data); err != nil {
		return nil, ci, io.ErrUnexpectedEOF
	}
	return data[:keep], ci, nil
}
