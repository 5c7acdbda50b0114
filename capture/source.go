package capture

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// Source yields raw link-layer frames. data is valid until the next call.
// ReadFrame returns io.EOF at the clean end of the input; any other error
// ends the input too.
//
// link is a [LinkType] rather than gopacket's layers.LinkType, which is a
// uint8 in gopacket v1.1.19 and cannot hold LINKTYPE_LINUX_SLL2 (276).
type Source interface {
	ReadFrame() (data []byte, ci FrameInfo, link LinkType, err error)
	Close() error
}

// A Source may also report the link type of its first frames before any
// frame is read, so that [Reader.SetFilter] can compile the filter at once.
type linkTyper interface {
	LinkType() LinkType
}

// MaxSnaplen is the largest captured frame accepted, libpcap's
// MAXIMUM_SNAPLEN. A record claiming more is treated as corruption rather
// than allocated.
const MaxSnaplen = 262144

var (
	// ErrNotCapture is returned (wrapped) by OpenFile when the input is
	// neither pcap nor pcapng, whatever its name says.
	ErrNotCapture = errors.New("not a pcap or pcapng file")
	// ErrCorrupt is wrapped by errors about capture files whose structure
	// is broken (impossible lengths, bad block framing, ...).
	ErrCorrupt = errors.New("corrupt capture")
)

// TruncatedError reports a capture file that ends in the middle of its
// file header or of a record. Every complete record before it has been
// delivered. It unwraps to io.ErrUnexpectedEOF.
type TruncatedError struct {
	Name   string // input name as given to OpenFile
	Record uint64 // 1-based record (frame) that was cut; 0 for the file header
	Offset int64  // offset in the (decompressed) stream where the data ended
}

func (e *TruncatedError) Error() string {
	if e.Record == 0 {
		return fmt.Sprintf("capture: %s: truncated capture: file header cut short at byte %d", e.Name, e.Offset)
	}
	return fmt.Sprintf("capture: %s: truncated capture: record %d cut short at byte %d", e.Name, e.Record, e.Offset)
}

func (e *TruncatedError) Unwrap() error { return io.ErrUnexpectedEOF }

// LinkTypeError reports a capture whose link type flowtrace cannot decode.
type LinkTypeError struct {
	Name string
	Link LinkType
}

func (e *LinkTypeError) Error() string {
	return fmt.Sprintf("capture: %s: unsupported link type %s", e.Name, e.Link.describe())
}

// File is a [Source] reading a pcap or pcapng file, possibly compressed
// with gzip or zstd.
// It is not safe for concurrent use.
type File struct {
	name   string
	closer io.Closer // nil for stdin
	size   int64
	raw    *counter  // bytes read from the file
	stream *counter  // bytes read after decompression (raw when not gzipped)
	dec    io.Closer // the decompressor, nil for a plain capture

	pcap    *pcapReader // classic pcap, or
	ng      *ngReader   // pcapng
	link    LinkType    // classic pcap: the file's link type
	records uint64      // records delivered
	err     error       // sticky
	lenient Leniency    // linktypes: what was read leniently
}

// Leniency reports what the file reader accepted that a strict reader
// would refuse (see [Leniency]).
func (f *File) Leniency() Leniency { return f.lenient }

var _ Source = (*File)(nil)

type counter struct {
	r io.Reader
	n int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

const bufSize = 64 << 10

// OpenFile opens a pcap or pcapng capture, plain or compressed with gzip
// or zstd. The compression and the format are told by their magic
// numbers, never by the name. name "-" reads stdin.
func OpenFile(name string, stdin io.Reader) (*File, error) {
	f := &File{name: name, size: -1}
	var in io.Reader
	if name == "-" {
		if stdin == nil {
			return nil, fmt.Errorf("capture: -: no standard input")
		}
		in = stdin
	} else {
		osf, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("capture: %w", err)
		}
		if fi, err := osf.Stat(); err == nil && fi.Mode().IsRegular() {
			f.size = fi.Size()
		}
		in, f.closer = osf, osf
	}
	if err := f.init(in); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func (f *File) init(in io.Reader) error {
	f.raw = &counter{r: in}
	f.stream = f.raw
	br := bufio.NewReaderSize(f.raw, bufSize)
	magic, err := br.Peek(4)
	if c := compressionOf(magic); c != nil {
		r, err := c.open(br)
		if err != nil {
			return f.readErr(err, 0)
		}
		f.dec = r
		f.stream = &counter{r: r}
		br = bufio.NewReaderSize(f.stream, bufSize)
		magic, err = br.Peek(4)
	}
	if len(magic) < 4 {
		if err != nil && err != io.EOF {
			return f.readErr(err, 0)
		}
		if len(magic) == 0 {
			return fmt.Errorf("capture: %s: %w (empty)", f.name, ErrNotCapture)
		}
		return fmt.Errorf("capture: %s: %w", f.name, ErrNotCapture)
	}
	switch m := binary.BigEndian.Uint32(magic); m {
	case 0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1:
		return f.initPcap(br, m)
	case 0x0a0d0d0a:
		f.ng = &ngReader{br: br, name: f.name, lenient: &f.lenient}
		if err := f.ng.start(); err != nil {
			return f.wrap(err, 0)
		}
		return nil
	}
	return fmt.Errorf("capture: %s: %w", f.name, ErrNotCapture)
}

// initPcap checks the classic pcap file header before pcapgo sees it, so
// that a hostile header gives a clear error and bounded memory.
func (f *File) initPcap(br *bufio.Reader, magic uint32) error {
	h, err := br.Peek(24)
	if len(h) < 24 {
		if err == io.EOF || err == nil {
			return &TruncatedError{Name: f.name, Offset: f.stream.n}
		}
		return f.readErr(err, 0)
	}
	var order binary.ByteOrder = binary.LittleEndian
	if magic == 0xa1b2c3d4 || magic == 0xa1b23c4d {
		order = binary.BigEndian
	}
	// linktypes: versions 2.0 to 2.4, as libpcap reads them (pcap.go).
	maj, minor := order.Uint16(h[4:]), order.Uint16(h[6:])
	if maj != 2 || minor > 4 {
		return fmt.Errorf("capture: %s: %w: unsupported pcap version %d.%d", f.name, ErrCorrupt, maj, minor)
	}
	if minor < 4 {
		f.lenient.Version = fmt.Sprintf("2.%d", minor)
	}
	// The top bits hold FCS information (LT_FCS_LENGTH); libpcap masks them.
	lt := order.Uint32(h[20:]) & 0x03ffffff
	if lt > 0xffff || !LinkType(lt).Supported() {
		return &LinkTypeError{Name: f.name, Link: LinkType(min(lt, 0xffff))}
	}
	f.link = LinkType(lt)
	nano := magic == 0xa1b23c4d || magic == 0x4d3cb2a1
	br.Discard(24)
	f.pcap = &pcapReader{br: br, swap: order == binary.BigEndian, nano: nano, minor: minor, lenient: &f.lenient}
	return nil
}

// ReadFrame returns the next frame. At the end of a file cut mid-record it
// returns a *TruncatedError, after every complete record.
func (f *File) ReadFrame() (data []byte, ci FrameInfo, link LinkType, err error) {
	if f.err != nil {
		return nil, ci, 0, f.err
	}
	if f.ng != nil {
		data, ci, link, err = f.ng.next()
		if err != nil {
			f.err = f.wrap(err, f.records+1)
			return nil, ci, 0, f.err
		}
		f.records++
		return data, ci, link, nil
	}
	data, ci, err = f.pcap.next()
	if err != nil {
		switch {
		case err == io.EOF && ci.CaptureLength == 0 && ci.Timestamp.IsZero():
			f.err = io.EOF // clean end: no byte of a next record
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			f.err = &TruncatedError{Name: f.name, Record: f.records + 1, Offset: f.stream.n}
		case ci.CaptureLength > MaxSnaplen:
			f.err = fmt.Errorf("capture: %s: %w: record %d: captured length %d exceeds the maximum %d",
				f.name, ErrCorrupt, f.records+1, ci.CaptureLength, MaxSnaplen)
		default:
			f.err = f.readErr(err, f.records+1)
		}
		return nil, ci, 0, f.err
	}
	f.records++
	return data, ci, f.link, nil
}

// wrap turns an error from the pcapng reader into the File's error.
func (f *File) wrap(err error, record uint64) error {
	switch {
	case err == io.EOF:
		return io.EOF
	case err == io.ErrUnexpectedEOF:
		return &TruncatedError{Name: f.name, Record: record, Offset: f.stream.n}
	case errors.Is(err, ErrCorrupt):
		return fmt.Errorf("capture: %s: %w", f.name, err)
	}
	return f.readErr(err, record)
}

// readErr wraps an I/O or decompression error. A compressed stream cut
// short is a truncated capture too.
func (f *File) readErr(err error, record uint64) error {
	if err == io.ErrUnexpectedEOF || (f.dec != nil && err == io.EOF) {
		return &TruncatedError{Name: f.name, Record: record, Offset: f.stream.n}
	}
	return fmt.Errorf("capture: %s: %w", f.name, err)
}

// LinkType returns the link type of the file (classic pcap) or of its first
// interface (pcapng; LinkEthernet if the file has no interface at all).
// A pcapng file may have more interfaces with other link types: ReadFrame
// reports each frame's own.
func (f *File) LinkType() LinkType {
	if f.ng != nil {
		if !f.ng.haveLink {
			return LinkEthernet
		}
		return f.ng.firstLink
	}
	return f.link
}

// Name returns the name the file was opened with ("-" for stdin).
func (f *File) Name() string { return f.name }

// Size returns the size of the file in bytes, or -1 when it is not known
// (stdin, a pipe).
func (f *File) Size() int64 { return f.size }

// Offset returns how many bytes of the underlying file have been read so
// far (compressed bytes for a compressed file), for progress reports. It runs
// ahead of the frames delivered by up to the read buffer's size.
func (f *File) Offset() int64 { return f.raw.n }

// Close closes the file. It does not close stdin.
func (f *File) Close() error {
	if f.dec != nil {
		f.dec.Close()
		f.dec = nil
	}
	if f.closer != nil {
		err := f.closer.Close()
		f.closer = nil
		return err
	}
	return nil
}

// FrameInfo describes one frame as its source delivered it. It is
// flowtrace's own, so that no caller of a [Source] depends on gopacket.
type FrameInfo struct {
	Timestamp      time.Time // when the frame was captured, UTC for files
	CaptureLength  int       // bytes captured (len(data))
	Length         int       // bytes on the wire, which may be more
	InterfaceIndex int       // pcapng: the interface the frame came in on
}
