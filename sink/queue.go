package sink

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Batch is a number of rows for one table, sealed: its body never
// changes again, so a retry sends the very same bytes.
type Batch struct {
	Seq   uint64 // order of sealing; spool files sort by it
	ID    string // unique per sensor: written into every row (the dedup key)
	Table string
	Rows  int
	Body  []byte
}

// Stats counts what a Queue did with the rows it was given.
type Stats struct {
	Delivered, Spooled, Dropped uint64 // rows
	DroppedBatches              uint64
	// Unsent rows were still in memory at the end, with no spool
	// directory to keep them in (they are not counted in Dropped).
	Unsent     uint64
	SpoolError string // the first spool write error but "spool full"
	Pending    int    // batches waiting, in memory or spooled
	SpoolBytes int64  // bytes in the spool directory
}

// Queue holds sealed batches until they are delivered, in order. Batches
// wait in memory up to MemBytes; beyond it, or while anything is still
// spooled, they are written to the spool directory (if there is one),
// up to SpoolBytes. Only a batch that fits neither is dropped (counted).
//
// Order: every batch in memory is older than every spooled batch (once
// the spool holds a batch, new ones go to the spool too, until it is
// empty), so Head takes from memory first, then from the spool in Seq
// order.
type Queue struct {
	mu       sync.Mutex
	ready    chan struct{} // signalled when a batch is put
	mem      []*Batch
	memBytes int
	memMax   int
	spool    *Spool // nil: no spool directory
	nextSeq  uint64
	st       Stats
}

// NewQueue returns a Queue holding up to memMax bytes in memory, then
// spooling to sp (which may be nil).
func NewQueue(memMax int, sp *Spool) *Queue {
	q := &Queue{ready: make(chan struct{}, 1), memMax: memMax, spool: sp}
	if sp != nil {
		q.nextSeq = sp.NextSeq()
	}
	return q
}

// NextSeq returns the next batch's sequence number and advances it.
func (q *Queue) NextSeq() uint64 {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.nextSeq++
	return q.nextSeq - 1
}

// Ready is signalled after a Put.
func (q *Queue) Ready() <-chan struct{} { return q.ready }

// Put queues b. It never waits for the network: at worst it writes b to
// the spool file (page cache; see Spool for the fsync policy).
func (q *Queue) Put(b *Batch) {
	q.mu.Lock()
	defer q.mu.Unlock()
	spooling := q.spool != nil && q.spool.Len() > 0
	if !spooling && q.memBytes+len(b.Body) <= q.memMax {
		q.mem = append(q.mem, b)
		q.memBytes += len(b.Body)
	} else if q.spool != nil && q.spoolWrite(b) {
		q.st.Spooled += uint64(b.Rows)
	} else {
		q.st.Dropped += uint64(b.Rows)
		q.st.DroppedBatches++
		return
	}
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// spoolWrite writes b to the spool and notes the first error that is not
// the cap.
func (q *Queue) spoolWrite(b *Batch) bool {
	err := q.spool.Write(b)
	if err != nil && !errors.Is(err, ErrSpoolFull) && q.st.SpoolError == "" {
		q.st.SpoolError = err.Error()
	}
	return err == nil
}

// Head returns the oldest batch, or nil if there is none. The batch stays
// queued until Done.
func (q *Queue) Head() (*Batch, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.mem) > 0 {
		return q.mem[0], nil
	}
	if q.spool != nil && q.spool.Len() > 0 {
		return q.spool.Head()
	}
	return nil, nil
}

// Done removes b, the head, after its delivery.
func (q *Queue) Done(b *Batch) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.st.Delivered += uint64(b.Rows)
	if len(q.mem) > 0 && q.mem[0] == b {
		q.mem[0] = nil
		q.mem = q.mem[1:]
		q.memBytes -= len(b.Body)
		return nil
	}
	return q.spool.Remove(b)
}

// Discard removes b, the head, undelivered: it cannot be read back from
// the spool. Its rows count as dropped.
func (q *Queue) Discard(b *Batch) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.st.Dropped += uint64(b.Rows)
	q.st.DroppedBatches++
	if len(q.mem) > 0 && q.mem[0] == b {
		q.mem = q.mem[1:]
		q.memBytes -= len(b.Body)
		return
	}
	q.spool.Remove(b)
}

// Empty reports whether nothing is waiting.
func (q *Queue) Empty() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.mem) == 0 && (q.spool == nil || q.spool.Len() == 0)
}

// Stash moves the batches in memory to the spool, in order, at the end
// of a run, and syncs the spool to disk. Without a spool directory they
// are lost (Stats.Unsent); when it is full, dropped (Stats.Dropped).
func (q *Queue) Stash() error {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, b := range q.mem {
		if q.spool == nil {
			q.st.Unsent += uint64(b.Rows)
			continue
		}
		if q.spoolWrite(b) {
			q.st.Spooled += uint64(b.Rows)
			continue
		}
		q.st.Dropped += uint64(b.Rows)
		q.st.DroppedBatches++
	}
	q.mem, q.memBytes = nil, 0
	if q.spool == nil {
		return nil
	}
	return q.spool.Sync()
}

// Stats returns the counts so far.
func (q *Queue) Stats() Stats {
	q.mu.Lock()
	defer q.mu.Unlock()
	st := q.st
	st.Pending = len(q.mem)
	if q.spool != nil {
		st.Pending += q.spool.Len()
		st.SpoolBytes = q.spool.Bytes()
	}
	return st
}

// Spool is the on-disk queue: one file per batch, named by its sequence
// number (SEQ.batch, 20 digits, so names sort as numbers), holding a
// one-line JSON header (table, id, rows) and the body. A file is written
// under a temporary name and renamed, so a crash never leaves half a
// batch under a batch's name.
//
// fsync policy: spooling happens on the capture path, so a file is not
// synced when written (a killed process loses nothing: the page cache
// has it); Sync, at the end of a run, syncs every file and the
// directory. An operating-system crash may lose batches spooled since
// the last run ended.
type Spool struct {
	dir   string
	max   int64
	files []spoolFile // in Seq order
	bytes int64
}

type spoolFile struct {
	seq  uint64
	size int64
}

const spoolExt = ".batch"

type spoolHeader struct {
	Table string `json:"table"`
	ID    string `json:"id"`
	Rows  int    `json:"rows"`
}

// OpenSpool creates dir if missing and lists the batches a previous run
// left in it; max caps the bytes it may hold.
func OpenSpool(dir string, max int64) (*Spool, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	s := &Spool{dir: dir, max: max}
	for _, e := range ents {
		name := e.Name()
		if strings.HasSuffix(name, ".tmp") {
			os.Remove(filepath.Join(dir, name)) // a write a crash cut short
			continue
		}
		num, ok := strings.CutSuffix(name, spoolExt)
		if !ok {
			continue
		}
		seq, err := strconv.ParseUint(num, 10, 64)
		if err != nil {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			return nil, fmt.Errorf("spool: %w", err)
		}
		s.files = append(s.files, spoolFile{seq, fi.Size()})
		s.bytes += fi.Size()
	}
	slices.SortFunc(s.files, func(a, b spoolFile) int {
		if a.seq < b.seq {
			return -1
		}
		if a.seq > b.seq {
			return 1
		}
		return 0
	})
	return s, nil
}

// NextSeq is one more than the highest spooled sequence number.
func (s *Spool) NextSeq() uint64 {
	if len(s.files) == 0 {
		return 0
	}
	return s.files[len(s.files)-1].seq + 1
}

// Len is the number of spooled batches.
func (s *Spool) Len() int { return len(s.files) }

// Bytes is the size of the spooled batches.
func (s *Spool) Bytes() int64 { return s.bytes }

func (s *Spool) path(seq uint64) string {
	return filepath.Join(s.dir, fmt.Sprintf("%020d%s", seq, spoolExt))
}

// ErrSpoolFull is Write's error when b would take the spool past its cap.
var ErrSpoolFull = errors.New("spool full")

// Write adds b to the spool. Batches are written in any order of Seq
// (Stash writes older ones after newer) and kept sorted.
func (s *Spool) Write(b *Batch) error {
	hdr, _ := json.Marshal(spoolHeader{b.Table, b.ID, b.Rows})
	size := int64(len(hdr) + 1 + len(b.Body))
	if s.bytes+size > s.max {
		return ErrSpoolFull
	}
	name := s.path(b.Seq)
	tmp := name + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.Write(hdr)
	w.WriteByte('\n')
	w.Write(b.Body)
	err = w.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	i, _ := slices.BinarySearchFunc(s.files, b.Seq, func(f spoolFile, seq uint64) int {
		if f.seq < seq {
			return -1
		}
		if f.seq > seq {
			return 1
		}
		return 0
	})
	s.files = slices.Insert(s.files, i, spoolFile{b.Seq, size})
	s.bytes += size
	return nil
}

// Head reads the oldest spooled batch.
func (s *Spool) Head() (*Batch, error) {
	seq := s.files[0].seq
	f, err := os.Open(s.path(seq))
	if err != nil {
		return &Batch{Seq: seq}, fmt.Errorf("spool: %w", err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	line, err := r.ReadBytes('\n')
	var h spoolHeader
	if err == nil {
		err = json.Unmarshal(line, &h)
	}
	if err != nil {
		return &Batch{Seq: seq}, fmt.Errorf("spool: %s: bad header: %v", s.path(seq), err)
	}
	body, err := io.ReadAll(r)
	if err != nil {
		return &Batch{Seq: seq}, fmt.Errorf("spool: %w", err)
	}
	return &Batch{Seq: seq, ID: h.ID, Table: h.Table, Rows: h.Rows, Body: body}, nil
}

// Remove deletes the head batch b.
func (s *Spool) Remove(b *Batch) error {
	if len(s.files) == 0 || s.files[0].seq != b.Seq {
		return fmt.Errorf("spool: batch %d is not the head", b.Seq)
	}
	s.bytes -= s.files[0].size
	s.files = s.files[1:]
	if err := os.Remove(s.path(b.Seq)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("spool: %w", err)
	}
	return nil
}

// Sync syncs every spooled file and the directory to disk.
func (s *Spool) Sync() error {
	for _, f := range s.files {
		if err := syncPath(s.path(f.seq)); err != nil {
			return fmt.Errorf("spool: %w", err)
		}
	}
	if err := syncPath(s.dir); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	return nil
}

func syncPath(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
