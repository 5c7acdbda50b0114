package capture

import (
	"errors"
	"sync"

	"github.com/flowtrace/flowtrace/segment"
)

// Ahead reads and decodes segments on a goroutine of its own while the
// caller works on the ones before: on a multi-core machine, decoding is
// off the critical path. Segments come out in capture order, exactly as
// Reader.Next would give them; payloads are copied into the batch, so
// Payload stays valid until the next call to Next.
//
// The producer owns the Reader (and its Source) until Close returns:
// callers must not use them meanwhile. Stats and Offset are snapshots
// taken with each batch, so they lag the producer but never race with it.
type Ahead struct {
	full chan *batch
	free chan *batch
	done chan struct{}
	wg   sync.WaitGroup

	cur    *batch
	i      int
	stats  Stats
	offset int64
	err    error
}

var errStopped = errors.New("capture: read-ahead stopped")

// batch is a run of decoded segments with their payload bytes.
type batch struct {
	segs   []segment.Segment
	arena  []byte
	stats  Stats // the reader's counts after the batch
	offset int64 // the source's read offset after the batch
	err    error // the input's end after these segments (io.EOF, damage)
}

const (
	batchSegs  = 512
	batchBytes = 1 << 20
	nbatches   = 4
)

// NewAhead starts reading rd ahead. offset, if not nil, reports how far
// the source has read (File.Offset), for progress lines.
func NewAhead(rd *Reader, offset func() int64) *Ahead {
	a := &Ahead{
		full: make(chan *batch, nbatches),
		free: make(chan *batch, nbatches),
		done: make(chan struct{}),
	}
	for range nbatches {
		a.free <- &batch{segs: make([]segment.Segment, 0, batchSegs), arena: make([]byte, 0, batchBytes)}
	}
	a.wg.Add(1)
	go a.produce(rd, offset)
	return a
}

func (a *Ahead) produce(rd *Reader, offset func() int64) {
	defer a.wg.Done()
	defer close(a.full)
	var seg segment.Segment
	for {
		var b *batch
		select {
		case b = <-a.free:
		case <-a.done:
			return
		}
		b.segs, b.arena, b.err = b.segs[:0], b.arena[:0], nil
		for len(b.segs) < batchSegs && len(b.arena)+MaxSnaplen <= cap(b.arena) {
			if b.err = rd.Next(&seg); b.err != nil {
				break
			}
			// Copy the payload into the arena: the Reader's buffer is
			// reused by the next read.
			n := len(b.arena)
			b.arena = append(b.arena, seg.Payload...)
			seg.Payload = b.arena[n:len(b.arena):len(b.arena)]
			b.segs = append(b.segs, seg)
		}
		b.stats = rd.Stats()
		if offset != nil {
			b.offset = offset()
		}
		select {
		case a.full <- b:
		case <-a.done:
			return
		}
		if b.err != nil {
			return
		}
	}
}

// Next copies the next segment into seg. It returns the input's end
// (io.EOF) or damage exactly where Reader.Next would.
func (a *Ahead) Next(seg *segment.Segment) error {
	p, err := a.NextRef()
	if err != nil {
		return err
	}
	*seg = *p
	return nil
}

// NextRef is Next without the copy: it returns the next segment in
// place, valid until the next call of Next, NextRef or Close (the batch
// holding it is handed back then). The caller may change it.
func (a *Ahead) NextRef() (*segment.Segment, error) {
	for a.cur == nil || a.i == len(a.cur.segs) {
		if a.cur != nil {
			if a.cur.err != nil {
				a.err = a.cur.err
			}
			a.free <- a.cur
			a.cur = nil
		}
		if a.err != nil {
			return nil, a.err
		}
		b, ok := <-a.full
		if !ok {
			if a.err == nil {
				a.err = errStopped
			}
			return nil, a.err
		}
		a.cur, a.i = b, 0
		a.stats, a.offset = b.stats, b.offset
	}
	a.i++
	return &a.cur.segs[a.i-1], nil
}

// Stats returns the reader's counts as of the latest batch handed out.
// After Next has returned an error, they are final.
func (a *Ahead) Stats() Stats { return a.stats }

// Offset returns the source's read offset as of the latest batch.
func (a *Ahead) Offset() int64 { return a.offset }

// Close stops the producer and waits for it, so the Reader and its
// Source are the caller's again. For a source whose reads may block
// indefinitely (a pipe), use Stop instead.
func (a *Ahead) Close() {
	a.Stop()
	a.wg.Wait()
}

// Stop tells the producer to stop without waiting for it: it exits when
// its current read returns. The Reader and Source must then be left
// alone (not closed) until the process ends.
func (a *Ahead) Stop() {
	select {
	case <-a.done:
	default:
		close(a.done)
	}
}
