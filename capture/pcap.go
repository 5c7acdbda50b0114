package capture

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"time"

	"github.com/google/gopacket"
)

// pcapReader reads the records of a classic pcap file whose header has
// been checked. Records that fit in the bufio.Reader's buffer are
// returned in place (Peek), so a frame is copied once, from the file into
// the buffer; a larger record (up to MaxSnaplen) is copied into buf.
//
// Errors mirror pcapgo's, which the file reader used before: io.EOF with
// a zero CaptureInfo at a clean end, io.ErrUnexpectedEOF for a record cut
// short, and a CaptureInfo with the offending lengths for a record longer
// than MaxSnaplen or than its original length.
var errBadRecord = errors.New("impossible record length")

type pcapReader struct {
	br      *bufio.Reader
	order   binary.ByteOrder
	nano    bool
	discard int    // bytes of the previous record still in br
	buf     []byte // for records larger than br's buffer
}

func (r *pcapReader) next() (data []byte, ci gopacket.CaptureInfo, err error) {
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
		return nil, gopacket.CaptureInfo{CaptureLength: -1}, err
	}
	sec, frac := int64(r.order.Uint32(h[0:])), int64(r.order.Uint32(h[4:]))
	caplen, origlen := int(r.order.Uint32(h[8:])), int(r.order.Uint32(h[12:]))
	if !r.nano {
		frac *= 1000
	}
	ci = gopacket.CaptureInfo{Timestamp: time.Unix(sec, frac).UTC(), CaptureLength: caplen, Length: origlen}
	if caplen > MaxSnaplen || caplen > origlen {
		return nil, ci, errBadRecord // ReadFrame names the lengths
	}
	r.br.Discard(16)
	if caplen <= r.br.Size() {
		data, err = r.br.Peek(caplen)
		if len(data) < caplen {
			return nil, ci, io.ErrUnexpectedEOF
		}
		r.discard = caplen
		return data, ci, nil
	}
	if cap(r.buf) < caplen {
		r.buf = make([]byte, caplen)
	}
	data = r.buf[:caplen]
	if _, err := io.ReadFull(r.br, data); err != nil {
		return nil, ci, io.ErrUnexpectedEOF
	}
	return data, ci, nil
}
