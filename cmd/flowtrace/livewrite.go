package main

import (
	"bufio"
	"encoding/binary"
	"os"

	"github.com/google/gopacket"

	"github.com/flowtrace/flowtrace/capture"
)

// pcapWriter writes the -w file: classic pcap with nanosecond timestamps
// (magic 0xa1b23c4d), the precision libpcap captures with, so a replay
// sees exactly the timestamps the live run saw. It is written by hand
// because pcapgo's writer takes gopacket's uint8 link type.
type pcapWriter struct {
	f   *os.File
	w   *bufio.Writer
	hdr [16]byte
}

func newPcapWriter(f *os.File, link capture.LinkType, snaplen int) (*pcapWriter, error) {
	pw := &pcapWriter{f: f, w: bufio.NewWriterSize(f, 256<<10)}
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
	// The header goes out at once, so that even a run killed before its
	// first flush leaves a readable (empty) capture.
	return pw, pw.w.Flush()
}

// WritePacket appends one record. data is copied before it returns.
func (pw *pcapWriter) WritePacket(ci gopacket.CaptureInfo, data []byte) error {
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
	return err
}

// Flush writes what is buffered; the capture loop calls it every second.
func (pw *pcapWriter) Flush() error { return pw.w.Flush() }

// Close flushes and closes the file.
func (pw *pcapWriter) Close() error {
	err := pw.w.Flush()
	if cerr := pw.f.Close(); err == nil {
		err = cerr
	}
	return err
}
