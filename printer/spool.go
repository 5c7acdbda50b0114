package printer

import (
	"bufio"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// MemRows is the most table rows the text printer keeps in memory, and
// MemBytes the most bytes of them; beyond either, rows are sorted and
// spilled to a temporary file, and merged back at the end. 512 KiB is
// about 4,000 rows of the compact table: 175,000 connections make 50
// runs, merged through 1 MiB of read buffers in all.
const (
	MemRows  = 1 << 15
	MemBytes = 512 << 10
)

// spool collects records keyed by a unique id, in any order, and gives
// them back sorted by id, in bounded memory: an external merge sort. At
// most max records are kept in memory; when that many have been added,
// they are sorted and written as one run to an unlinked temporary file;
// so are they when their bytes reach MemBytes.
// each merges the runs. If the file cannot be created or written, the
// records stay in memory (memory is then unbounded) and warn is told once.
type spool struct {
	max  int
	dir  string
	warn func(string)

	n    int    // records added
	mem  []byte // the records in memory, back to back
	recs []memRec
	// sortMem's scratch: record positions by id, and the other record list.
	at    []int32
	spare []memRec

	f      *os.File
	w      *bufio.Writer
	runs   []run
	end    int64 // bytes written to f
	linked bool  // f could not be unlinked while open: close removes it
	stuck  bool  // spilling failed: keep everything in memory
}

type memRec struct {
	id       uint64
	off, end int
}

// run is one sorted stretch of the file: uvarint id, uvarint length and
// the record, for each record.
type run struct{ off, n int64 }

func newSpool(max int, dir string, warn func(string)) *spool {
	return &spool{max: max, dir: dir, warn: warn}
}

// add stores a copy of rec under id.
func (s *spool) add(id uint64, rec []byte) {
	s.n++
	off := len(s.mem)
	if need := off + len(rec); need > cap(s.mem) {
		// Double, but not past MemBytes and a row: a run spills there.
		c := max(2*cap(s.mem), need, 4<<10)
		if c > MemBytes && need <= MemBytes+4<<10 {
			c = MemBytes + 4<<10
		}
		s.mem = append(make([]byte, 0, c), s.mem...)
	}
	s.mem = append(s.mem, rec...)
	s.recs = append(s.recs, memRec{id, off, len(s.mem)})
	if (len(s.recs) >= s.max || len(s.mem) >= MemBytes) && !s.stuck {
		s.spill()
	}
}

// sortMem puts the records in memory in order of id. Connection numbers
// are dense, so the ids usually span little more than their count: then
// each record is placed at its id's offset, in linear time, instead of
// sorted by comparison.
func (s *spool) sortMem() {
	n := len(s.recs)
	if n < 2 {
		return
	}
	lo, hi := s.recs[0].id, s.recs[0].id
	for _, r := range s.recs[1:] {
		lo, hi = min(lo, r.id), max(hi, r.id)
	}
	if hi-lo < 4*uint64(n) && s.place(lo, int(hi-lo)+1) {
		return
	}
	slices.SortFunc(s.recs, func(a, b memRec) int { return cmp.Compare(a.id, b.id) })
}

// place orders the records by id when every id lies in [lo, lo+span),
// reporting false (and changing nothing) if two share an id.
func (s *spool) place(lo uint64, span int) bool {
	at := slices.Grow(s.at[:0], span)[:span]
	clear(at)
	for i, r := range s.recs {
		k := r.id - lo
		if at[k] != 0 {
			return false
		}
		at[k] = int32(i + 1)
	}
	out := slices.Grow(s.spare[:0], len(s.recs))
	for _, i := range at {
		if i != 0 {
			out = append(out, s.recs[i-1])
		}
	}
	s.recs, s.spare, s.at = out, s.recs, at
	return true
}

// spill writes the records in memory as a sorted run and forgets them.
// On failure they stay in memory, and so do all later ones.
func (s *spool) spill() {
	if err := s.writeRun(); err != nil {
		s.stuck = true
		if s.warn != nil {
			s.warn(fmt.Sprintf("cannot spill the table to a temporary file, keeping it in memory: %v", err))
		}
		return
	}
	s.mem, s.recs = s.mem[:0], s.recs[:0]
}

func (s *spool) writeRun() error {
	if s.f == nil {
		f, err := os.CreateTemp(s.dir, "flowtrace-table-*")
		if err != nil {
			return err
		}
		// Unlinked at once: the space goes back when the file is closed,
		// however the process ends. (Where an open file cannot be
		// removed, close removes it.)
		s.f, s.linked = f, os.Remove(f.Name()) != nil
		s.w = bufio.NewWriterSize(f, 64<<10)
	}
	s.sortMem()
	var hdr [2 * binary.MaxVarintLen64]byte
	start := s.end
	for _, r := range s.recs {
		h := binary.AppendUvarint(hdr[:0], r.id)
		h = binary.AppendUvarint(h, uint64(r.end-r.off))
		s.w.Write(h)
		s.w.Write(s.mem[r.off:r.end])
		s.end += int64(len(h) + r.end - r.off)
	}
	if err := s.w.Flush(); err != nil {
		s.end = start
		s.w.Reset(s.f) // the run is dropped; the records are still in memory
		return err
	}
	s.runs = append(s.runs, run{start, s.end - start})
	return nil
}

// each calls fn for every record in order of id. rec is valid only
// during the call.
func (s *spool) each(fn func(id uint64, rec []byte)) error {
	if len(s.runs) == 0 {
		s.sortMem()
		for _, r := range s.recs {
			fn(r.id, s.mem[r.off:r.end])
		}
		return nil
	}
	if len(s.recs) > 0 && !s.stuck {
		s.spill()
	}
	if len(s.recs) > 0 {
		s.sortMem()
	}
	// Read buffers share about 1 MiB between the runs.
	size := min(max((1<<20)/len(s.runs), 4<<10), 64<<10)
	h := make(cursors, 0, len(s.runs)+1)
	for i, r := range s.runs {
		c := &cursor{rank: i, r: bufio.NewReaderSize(io.NewSectionReader(s.f, r.off, r.n), size)}
		if err := c.next(); err != nil {
			return err
		}
		if c.ok {
			h = append(h, c)
		}
	}
	if len(s.recs) > 0 {
		c := &cursor{rank: len(s.runs), mem: s}
		c.next()
		h = append(h, c)
	}
	heap.Init(&h)
	for len(h) > 0 {
		c := h[0]
		fn(c.id, c.rec)
		if err := c.next(); err != nil {
			return err
		}
		if c.ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
	}
	return nil
}

// close releases the temporary file.
func (s *spool) close() {
	if s.f != nil {
		s.f.Close()
		if s.linked {
			os.Remove(s.f.Name())
		}
		s.f = nil
	}
}

// cursor reads one run, from the file or (the records that could not be
// spilled) from memory.
type cursor struct {
	rank int
	r    *bufio.Reader
	mem  *spool
	i    int
	id   uint64
	rec  []byte
	ok   bool
}

var errRun = errors.New("temporary table file: corrupt run")

func (c *cursor) next() error {
	if c.mem != nil {
		c.ok = c.i < len(c.mem.recs)
		if c.ok {
			r := c.mem.recs[c.i]
			c.id, c.rec = r.id, c.mem.mem[r.off:r.end]
			c.i++
		}
		return nil
	}
	id, err := binary.ReadUvarint(c.r)
	if err == io.EOF {
		c.ok = false
		return nil
	}
	if err != nil {
		return err
	}
	n, err := binary.ReadUvarint(c.r)
	if err != nil || n > 1<<20 {
		return errRun
	}
	c.rec = slices.Grow(c.rec[:0], int(n))[:n]
	if _, err := io.ReadFull(c.r, c.rec); err != nil {
		return errRun
	}
	c.id, c.ok = id, true
	return nil
}

// cursors is a min-heap of cursors by their current id.
type cursors []*cursor

func (h cursors) Len() int { return len(h) }
func (h cursors) Less(i, j int) bool {
	if h[i].id != h[j].id {
		return h[i].id < h[j].id
	}
	return h[i].rank < h[j].rank
}
func (h cursors) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *cursors) Push(x any)   { *h = append(*h, x.(*cursor)) }
func (h *cursors) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// len returns the number of records added.
func (s *spool) len() int { return s.n }
