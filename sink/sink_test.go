package sink

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

func batch(q *Queue, table string, rows, size int) *Batch {
	seq := q.NextSeq()
	return &Batch{Seq: seq, ID: fmt.Sprintf("r-%d", seq), Table: table, Rows: rows, Body: make([]byte, size)}
}

// fake is a Deliverer that fails while down and records what it got.
type fake struct {
	mu   sync.Mutex
	down bool
	got  []string
}

func (f *fake) Deliver(_ context.Context, b *Batch) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return errors.New("connection refused")
	}
	f.got = append(f.got, b.ID)
	return nil
}

func (f *fake) set(down bool) { f.mu.Lock(); f.down = down; f.mu.Unlock() }

func (f *fake) ids() []string { f.mu.Lock(); defer f.mu.Unlock(); return slices.Clone(f.got) }

func TestQueueOrderAcrossMemoryAndSpool(t *testing.T) {
	sp, err := OpenSpool(t.TempDir(), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	q := NewQueue(250, sp) // two 100-byte batches fit in memory
	var want []string
	for range 6 {
		b := batch(q, "conns", 1, 100)
		want = append(want, b.ID)
		q.Put(b)
	}
	if st := q.Stats(); st.Spooled != 4 || st.Pending != 6 {
		t.Fatalf("stats %+v, want 4 rows spooled, 6 batches pending", st)
	}
	f := &fake{}
	s := Start(q, f, nil)
	if err := s.Close(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	if got := f.ids(); !slices.Equal(got, want) {
		t.Errorf("delivered %v, want %v", got, want)
	}
	if st := q.Stats(); st.Delivered != 6 || st.Pending != 0 || st.SpoolBytes != 0 {
		t.Errorf("stats %+v", st)
	}
}

func TestQueueDropsOnlyWhenSpoolFull(t *testing.T) {
	sp, err := OpenSpool(t.TempDir(), 300)
	if err != nil {
		t.Fatal(err)
	}
	q := NewQueue(100, sp)
	for range 5 {
		q.Put(batch(q, "conns", 10, 100))
	}
	// One in memory, two spooled (with their headers, ~150 bytes each), two dropped.
	st := q.Stats()
	if st.Dropped != 20 || st.DroppedBatches != 2 || st.Pending != 3 {
		t.Errorf("stats %+v, want 20 rows (2 batches) dropped, 3 pending", st)
	}
}

func TestSenderRetriesAndSpoolSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	sp, err := OpenSpool(dir, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	f := &fake{down: true}
	q := NewQueue(1<<20, sp)
	var warned []string
	var mu sync.Mutex
	s := Start(q, f, func(m string) { mu.Lock(); warned = append(warned, m); mu.Unlock() })
	var want []string
	for range 3 {
		b := batch(q, "states", 2, 10)
		want = append(want, b.ID)
		q.Put(b)
	}
	time.Sleep(300 * time.Millisecond)
	if err := s.Close(100 * time.Millisecond); err != nil {
		t.Fatal(err)
	}
	if len(f.ids()) != 0 {
		t.Fatal("delivered while down")
	}
	mu.Lock()
	if len(warned) != 1 {
		t.Errorf("warned %q, want one warning for repeated failures", warned)
	}
	mu.Unlock()
	files, _ := filepath.Glob(filepath.Join(dir, "*.batch"))
	if len(files) != 3 {
		t.Fatalf("%d spool files after the deadline, want 3", len(files))
	}
	// The next run: the spool is delivered first, in order.
	sp2, err := OpenSpool(dir, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	q2 := NewQueue(1<<20, sp2)
	b := batch(q2, "states", 1, 10)
	if b.Seq != 3 {
		t.Errorf("first new seq %d, want 3 (after the spooled 0..2)", b.Seq)
	}
	want = append(want, b.ID)
	q2.Put(b)
	f.set(false)
	s2 := Start(q2, f, nil)
	if err := s2.Close(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	if got := f.ids(); !slices.Equal(got, want) {
		t.Errorf("delivered %v, want %v", got, want)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 0 {
		t.Errorf("spool not empty: %v", files)
	}
}

func TestSpoolIgnoresTornWrites(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "00000000000000000007.batch.tmp"), []byte("half"), 0o600)
	sp, err := OpenSpool(dir, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if sp.Len() != 0 {
		t.Errorf("a .tmp file counted as a batch")
	}
	if _, err := os.Stat(filepath.Join(dir, "00000000000000000007.batch.tmp")); err == nil {
		t.Errorf("the torn write was not removed")
	}
}
