package memlimit

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
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

// TestStart: Start sets the floor, the limit follows a live heap above
// it after a collection, and stop restores the limit there was; with
// GOMEMLIMIT set, nothing changes.
func TestStart(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	before := debug.SetMemoryLimit(-1)
	stop := Start()
	if got := debug.SetMemoryLimit(-1); got != Floor {
		t.Errorf("limit after Start = %d, want %d", got, int64(Floor))
	}
	// A live heap above the floor: after a collection the limit follows
	// it, the live heap and a fifth (the sentinel's finalizer runs on
	// its own goroutine, so wait for it a little).
	live := make([]byte, 128<<20)
	for i := range live {
		live[i] = byte(i)
	}
	var got int64
	for range 100 {
		runtime.GC()
		if got = debug.SetMemoryLimit(-1); got >= 128<<20+128<<20/5 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got < 128<<20+128<<20/5 {
		t.Errorf("limit with 128 MiB live = %d MiB, want at least %d MiB", got>>20, (128<<20+128<<20/5)>>20)
	}
	runtime.KeepAlive(live)
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
