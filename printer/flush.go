package printer

import (
	"bufio"
	"io"
	"time"
)

// Buffering says when a printer writes out what it has buffered, besides
// when its 64 KiB buffer fills and at Close.
type Buffering uint8

const (
	// BufferFull writes only when the buffer fills and at Close: the
	// cheapest, for reading files. A live capture adds a Flusher.
	BufferFull Buffering = iota
	// BufferLine writes after every transcript line and JSON record
	// (tcpdump -l), for a terminal or a reader that wants each line.
	BufferLine
	// BufferPacket writes after each packet's (or timer's) output
	// (tcpdump -U).
	BufferPacket
)

// ChooseBuffering returns the buffering for the flags -l (line) and -U
// (packet): -U wins, then -l; without either, a live capture to a
// terminal is line-buffered, and anything else fully buffered (a live
// capture then flushes by time through a Flusher).
func ChooseBuffering(line, packet, live, terminal bool) Buffering {
	switch {
	case packet:
		return BufferPacket
	case line || live && terminal:
		return BufferLine
	}
	return BufferFull
}

// output is a printer's buffered writer with its Buffering.
type output struct {
	w    *bufio.Writer
	mode Buffering
}

func newOutput(w io.Writer, mode Buffering) output {
	return output{w: bufio.NewWriterSize(w, 64<<10), mode: mode}
}

// record writes one line or JSON record.
func (o *output) record(b []byte) {
	o.w.Write(b)
	if o.mode == BufferLine {
		o.w.Flush()
	}
}

// endPacket ends one observer call's output.
func (o *output) endPacket() {
	if o.mode == BufferPacket {
		o.w.Flush()
	}
}

// Flushable is a printer whose buffered output can be written out before
// Close: *Text and *JSON.
type Flushable interface {
	// Buffered returns the number of bytes waiting to be written.
	Buffered() int
	// Flush writes them out.
	Flush() error
}

// Flusher is the live capture's flushing policy: output reaches its
// reader promptly, yet a busy link costs at most one write per Every,
// not one per packet. Tick is called with each packet's timestamp before
// the packet is handled: it writes out the output of earlier packets if
// the last write is at least Every ago on that clock (or the clock went
// back). Idle is called when the capture has nothing to read: everything
// buffered goes out at once. Neither allocates.
type Flusher struct {
	p     Flushable
	every time.Duration
	last  time.Time // when Tick last wrote out, on the packets' clock
	err   error
}

// NewFlusher returns a Flusher for printer p that writes at least every
// every while output is buffered.
func NewFlusher(p Flushable, every time.Duration) *Flusher {
	return &Flusher{p: p, every: every}
}

// Tick writes out the buffered output if the last write was at least
// every before now.
func (f *Flusher) Tick(now time.Time) {
	if d := now.Sub(f.last); d < f.every && d >= 0 {
		return
	}
	if f.p.Buffered() == 0 {
		return
	}
	f.last = now
	f.flush()
}

// Idle writes out whatever is buffered.
func (f *Flusher) Idle() {
	if f.p.Buffered() > 0 {
		f.flush()
	}
}

func (f *Flusher) flush() {
	if err := f.p.Flush(); err != nil && f.err == nil {
		f.err = err
	}
}

// Err returns the first write error, nil if none.
func (f *Flusher) Err() error { return f.err }
