// Package memlimit paces the Go garbage collector for a flowtrace run: a
// soft memory limit (runtime/debug.SetMemoryLimit) that follows the live
// heap. It owns nothing but the runtime's limit, for the run's duration.
//
// With the default GOGC=100 the heap grows to twice what is live before a
// collection, so a run whose connections, pools and rings need 70 MB
// peaks near 140 MB of heap. flowtrace makes little garbage per packet,
// so collecting at a fixed limit above the live heap costs few
// collections. Under a floor (Floor) the limit is the floor; above it,
// the limit follows the live heap with a fifth of it (and at least
// Slack) to spare, measured after each collection, so that a heap that
// must be large (a SYN flood held in the table) is collected as with
// GOGC=20 rather than continuously.
package memlimit

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

const (
	// Floor is the limit while the live heap is small: with the
	// binary's own mapped pages (about 15 MiB), peak RSS stays at
	// about 100 MiB.
	Floor = 84 << 20
	// Slack is the least headroom above the live heap.
	Slack = 12 << 20
)

// Limit is the memory limit for a live heap of live bytes.
func Limit(live uint64) int64 {
	need := live + max(live/5, Slack)
	return max(Floor, int64(min(need, math.MaxInt64/2)))
}

// Start sets the limit and keeps it following the live heap until the
// returned stop is called, which restores the limit there was. It does
// nothing if the environment sets GOMEMLIMIT or GOGC: the user's choice
// stands.
func Start() (stop func()) {
	if os.Getenv("GOMEMLIMIT") != "" || os.Getenv("GOGC") != "" {
		return func() {}
	}
	t := &tuner{sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.prev = debug.SetMemoryLimit(Floor)
	t.arm()
	return func() {
		t.mu.Lock()
		t.stopped = true
		debug.SetMemoryLimit(t.prev)
		t.mu.Unlock()
	}
}

type tuner struct {
	mu      sync.Mutex
	prev    int64
	stopped bool
	sample  []metrics.Sample
}

// sentinel is garbage at once; its finalizer runs after the collection
// that finds it, and arms a new one. (It holds a pointer so that it is
// not a tiny allocation, whose finalizer might never run.)
type sentinel struct{ t *tuner }

func (t *tuner) arm() {
	runtime.SetFinalizer(&sentinel{t}, func(s *sentinel) { s.t.collected() })
}

// collected sets the limit for the live heap after a collection, and
// arms the next sentinel.
func (t *tuner) collected() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return
	}
	metrics.Read(t.sample)
	if t.sample[0].Value.Kind() == metrics.KindUint64 {
		debug.SetMemoryLimit(Limit(t.sample[0].Value.Uint64()))
	}
	t.arm()
}
