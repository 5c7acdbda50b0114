package capture

import (
	"bytes"
	"io"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// compression is a compressed container OpenFile unwraps before it looks
// for a capture's magic number.
type compression struct {
	name  string
	magic []byte
	open  func(r io.Reader) (io.ReadCloser, error)
}

// compressions are told by their magic bytes, never by the file's name.
// klauspost/compress decodes gzip about twice as fast as the standard
// library and is the maintained Go zstd decoder.
var compressions = []compression{
	{"gzip", []byte{0x1f, 0x8b}, openGzip},
	{"zstd", []byte{0x28, 0xb5, 0x2f, 0xfd}, openZstd},
}

// compressionOf returns the compression whose magic starts magic, or nil.
func compressionOf(magic []byte) *compression {
	for i := range compressions {
		if bytes.HasPrefix(magic, compressions[i].magic) {
			return &compressions[i]
		}
	}
	return nil
}

func openGzip(r io.Reader) (io.ReadCloser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	zr.Multistream(true) // gzip -c a b > ab.gz, as zcat reads it
	return newReadAhead(zr), nil
}

// zstdWindow bounds the decoder's window (zstd's own default is 8 MiB;
// zstd --long=27 writes 128 MiB windows): a hostile header cannot make
// it allocate more.
const zstdWindow = 128 << 20

func openZstd(r io.Reader) (io.ReadCloser, error) {
	zr, err := zstd.NewReader(r, zstd.WithDecoderMaxWindow(zstdWindow), zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, err
	}
	return zr.IOReadCloser(), nil
}

// readAhead runs a decompressor on a goroutine of its own, a few chunks
// ahead of the reader, so that inflating overlaps with decoding and
// tracking on another core. Errors (the end of the stream included) come
// after every byte before them.
type readAhead struct {
	src  io.ReadCloser
	full chan *chunk
	free chan *chunk
	stop chan struct{}
	done chan struct{}
	cur  *chunk
	err  error
}

type chunk struct {
	b   []byte
	n   int // bytes of b already read
	err error
}

const (
	aheadChunk  = 256 << 10
	aheadChunks = 4
)

func newReadAhead(src io.ReadCloser) *readAhead {
	r := &readAhead{src: src, full: make(chan *chunk, aheadChunks), free: make(chan *chunk, aheadChunks),
		stop: make(chan struct{}), done: make(chan struct{})}
	for range aheadChunks {
		r.free <- &chunk{b: make([]byte, aheadChunk)}
	}
	go r.fill()
	return r
}

func (r *readAhead) fill() {
	defer close(r.done)
	for {
		var c *chunk
		select {
		case c = <-r.free:
		case <-r.stop:
			return
		}
		n, err := readFull(r.src, c.b[:cap(c.b)])
		c.b, c.n, c.err = c.b[:n], 0, err
		r.full <- c
		if err != nil {
			return
		}
	}
}

func (r *readAhead) Read(p []byte) (int, error) {
	for r.cur == nil || r.cur.n == len(r.cur.b) {
		if r.err != nil {
			return 0, r.err
		}
		if r.cur != nil {
			r.free <- r.cur
			r.cur = nil
		}
		c := <-r.full
		if c.err != nil {
			r.err = c.err
		}
		r.cur = c
	}
	n := copy(p, r.cur.b[r.cur.n:])
	r.cur.n += n
	return n, nil
}

// Close stops the goroutine and closes the decompressor.
func (r *readAhead) Close() error {
	close(r.stop)
	<-r.done // full holds every chunk: fill never waits on it
	return r.src.Close()
}

// readFull is io.ReadFull that passes the source's errors on unchanged:
// a stream cut short must stay io.ErrUnexpectedEOF, a clean end io.EOF.
func readFull(r io.Reader, b []byte) (int, error) {
	n := 0
	for n < len(b) {
		m, err := r.Read(b[n:])
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
