package findings

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestWindowTotal drives a window through random adds (some in the
// past, some negative) and advances: the running total must always be
// the sum of its buckets.
func TestWindowTotal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	w := newWindow(10 * time.Second)
	now := time.Unix(1_700_000_000, 0)
	for i := range 100_000 {
		now = now.Add(time.Duration(r.IntN(2_000)) * time.Millisecond)
		switch r.IntN(3) {
		case 0:
			w.advance(now)
		case 1:
			w.add(now.Add(-time.Duration(r.IntN(15_000))*time.Millisecond), 1)
		default:
			w.add(now.Add(-time.Duration(r.IntN(15_000))*time.Millisecond), -1)
		}
		sum := 0
		for _, n := range w.n {
			sum += int(n)
		}
		if w.sum() != sum {
			t.Fatalf("step %d: total %d, buckets hold %d", i, w.sum(), sum)
		}
	}
}
