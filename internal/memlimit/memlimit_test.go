package memlimit

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// TestLimit: the floor while the live heap is small, then the live heap
// with a fifth of it (at least Slack) to spare.
func TestLimit(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, Floor},
		{40 << 20, Floor},
		{67 << 20, Floor},
		{72 << 20, 72<<20 + 72<<20/5},
		{Floor, Floor + Floor/5},
		{600 << 20, 720 << 20},
	} {
		if got := Limit(c.live); got != c.want {
			t.Errorf("Limit(%d MiB) = %d MiB, want %d MiB", c.live>>20, got>>20, c.want>>20)
		}
	}
}

// TestStart: Start sets the floor, a collection keeps a limit at or
// above it, and stop restores the limit there was; with GOMEMLIMIT set,
// nothing changes.
func TestStart(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	before := debug.SetMemoryLimit(-1)
	stop := Start()
	if got := debug.SetMemoryLimit(-1); got != Floor {
		t.Errorf("limit after Start = %d, want %d", got, int64(Floor))
	}
	runtime.GC()
	runtime.GC() // the finalizer of the first collection's sentinel has run
	if got := debug.SetMemoryLimit(-1); got < Floor {
		t.Errorf("limit after a collection = %d, below the floor", got)
	}
	stop()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after stop = %d, want %d", got, before)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	Start()()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set, limit = %d, want %d untouched", got, before)
	}
}
