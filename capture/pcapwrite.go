package capture

import (
	"bufio"
	"encoding/binary"
	"io"
)

// PcapWriter writes a classic pcap file with nanosecond timestamps (magic
// 0xa1b23c4d), the precision libpcap captures with, so that a replay sees
// exactly the timestamps of the original. flowtrace uses it for -w, live
// (every captured frame) and offline (the frames of the selected
// connections). It is written by hand because pcapgo's writer takes
// gopacket's uint8 link type, which cannot hold LINKTYPE_LINUX_SLL2 (276).
// It is not safe for concurrent use.
type PcapWriter struct {
	f       io.WriteCloser
	w       *bufio.Writer
	link    LinkType
	hdr     [16]byte
	packets uint64
}

// NewPcapWriter writes the file header for link and snaplen to f at once,
// so that even a run killed before its first flush leaves a readable
// (empty) capture. Close closes f.
func NewPcapWriter(f io.WriteCloser, link LinkType, snaplen int) (*PcapWriter, error) {
	pw := &PcapWriter{f: f, w: bufio.NewWriterSize(f, 256<<10), link: link}
	var h [24]byte
	le := binary.LittleEndian
	le.PutUint32(h[0:], 0xa1b23c4d)
	le.PutUint16(h[4:], 2)
	le.PutUint16(h[6:], 4)
	le.PutUint32(h[16:], uint32(snaplen))
	le.PutUint32(h[20:], uint32(link))
	if _, err := pw.w.Write(h[:]); err != nil {
		return nil, err
	}
	return pw, pw.w.Flush()
}

// LinkType returns the link type of every record in the file.
func (pw *PcapWriter) LinkType() LinkType { return pw.link }

// WritePacket appends one record. data is copied before it returns, and
// nothing is allocated.
func (pw *PcapWriter) WritePacket(ci FrameInfo, data []byte) error {
	le := binary.LittleEndian
	ns := ci.Timestamp.UnixNano()
	le.PutUint32(pw.hdr[0:], uint32(ns/1e9))
	le.PutUint32(pw.hdr[4:], uint32(ns%1e9))
	le.PutUint32(pw.hdr[8:], uint32(len(data)))
	le.PutUint32(pw.hdr[12:], uint32(max(ci.Length, len(data))))
	if _, err := pw.w.Write(pw.hdr[:]); err != nil {
		return err
	}
	_, err := pw.w.Write(data)
	pw.packets++
	return err
}

// Packets returns the number of records written.
func (pw *PcapWriter) Packets() uint64 { return pw.packets }

// Flush writes what is buffered; the live capture loop calls it every
// second.
func (pw *PcapWriter) Flush() error { return pw.w.Flush() }

// Close flushes and closes the file.
func (pw *PcapWriter) Close() error {
	err := pw.w.Flush()
	if cerr := pw.f.Close(); err == nil {
		err = cerr
	}
	return err
}
