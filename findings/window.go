package findings

import "time"

// windowBuckets is how many buckets a sliding window has.
const windowBuckets = 10

// window counts events in a sliding window on the capture clock, in
// windowBuckets buckets of a tenth of it: a count added at time t stays
// in the window until t falls more than the window's length (rounded up
// to a bucket) behind the latest time seen.
type window struct {
	width  time.Duration // one bucket
	latest int64         // the latest bucket index seen
	total  int           // the sum of n
	n      [windowBuckets]int32
}

func newWindow(length time.Duration) window {
	return window{width: max(length/windowBuckets, time.Microsecond), latest: -1}
}

func (w *window) index(t time.Time) int64 { return t.UnixNano() / int64(w.width) }

// advance moves the window to time now, emptying the buckets that left.
func (w *window) advance(now time.Time) {
	i := w.index(now)
	if i <= w.latest {
		return
	}
	if w.latest < 0 || i-w.latest >= windowBuckets {
		w.n = [windowBuckets]int32{}
		w.total = 0
	} else {
		for j := w.latest + 1; j <= i; j++ {
			w.total -= int(w.n[j%windowBuckets])
			w.n[j%windowBuckets] = 0
		}
	}
	w.latest = i
}

// add adds d to the bucket of time t, if t is still in the window.
func (w *window) add(t time.Time, d int32) {
	w.advance(t)
	i := w.index(t)
	if i <= w.latest-windowBuckets || i > w.latest {
		return
	}
	b := &w.n[i%windowBuckets]
	if *b+d >= 0 {
		*b += d
		w.total += int(d)
	}
}

// sum returns the count in the window as of the latest time seen.
func (w *window) sum() int { return w.total }
