package selection

import (
	"fmt"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// maxListed is how many uids FrameWriter remembers for its report.
const maxListed = 10

// FrameWriter is a [Tap] that writes the raw frame of every packet it is
// given to a pcap file. It gets the frame from a capture.LastFrame that a
// capture.Reader reads through without read-ahead, so the frame is the
// one the tapped segment was decoded from. Frames of another link type
// than the file's (a pcapng input with several interfaces) are not
// written but counted. It remembers the number of every connection it
// wrote a packet of (under 40 bytes each) and the uids of the first ten,
// for the report.
type FrameWriter struct {
	pw        *capture.PcapWriter
	src       *capture.LastFrame
	conns     map[uint64]struct{}
	uids      []tracker.UID
	otherLink uint64
	err       error
}

// NewFrameWriter returns a FrameWriter writing src's frames to pw.
func NewFrameWriter(pw *capture.PcapWriter, src *capture.LastFrame) *FrameWriter {
	return &FrameWriter{pw: pw, src: src, conns: make(map[uint64]struct{})}
}

// Tap implements Tap. The first write error is kept (Err) and ends the
// writing.
func (w *FrameWriter) Tap(c *tracker.Conn, seg *segment.Segment) {
	if w.err != nil {
		return
	}
	data, ci, link, n := w.src.Frame()
	switch {
	case n != seg.Pkt:
		w.err = fmt.Errorf("frame %d kept for packet %d: the reader reads ahead", n, seg.Pkt)
		return
	case link != w.pw.LinkType():
		w.otherLink++
		return
	}
	if err := w.pw.WritePacket(ci, data); err != nil {
		w.err = err
		return
	}
	if _, ok := w.conns[c.ID()]; !ok {
		w.conns[c.ID()] = struct{}{}
		if len(w.uids) < maxListed {
			w.uids = append(w.uids, c.UID())
		}
	}
}

// Err returns the first error writing.
func (w *FrameWriter) Err() error { return w.err }

// Report says what was written, for stderr: "wrote 12 packets of 1
// connection (CmVxlnBcD1xDfxT8Ce)".
func (w *FrameWriter) Report() string {
	s := fmt.Sprintf("wrote %d packets of %d %s", w.pw.Packets(), len(w.conns), plural(len(w.conns), "connection"))
	if len(w.uids) > 0 {
		s += " ("
		for i, u := range w.uids {
			if i > 0 {
				s += ", "
			}
			s += u.String()
		}
		if len(w.conns) > len(w.uids) {
			s += ", …"
		}
		s += ")"
	}
	if w.otherLink > 0 {
		s += fmt.Sprintf("; left out %d packets of another link type than %s", w.otherLink, w.pw.LinkType())
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
