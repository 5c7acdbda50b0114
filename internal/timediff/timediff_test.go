package timediff

import (
	"testing"
	"time"
)

// TestSubIsTimeSub checks Sub against time.Time.Sub: near and far
// instants, either order, with and without monotonic readings and
// locations, the zero Time, and saturation.
func TestSubIsTimeSub(t *testing.T) {
	now := time.Now() // carries a monotonic reading
	base := time.Date(2024, 3, 1, 12, 0, 0, 999_999_999, time.UTC)
	times := []time.Time{
		{}, base, base.Add(1), base.Add(-1), base.Add(time.Second), base.Add(-1500 * time.Millisecond),
		base.Add(70 * time.Second), base.In(time.FixedZone("x", 3600)), time.Unix(0, 0), time.Unix(0, 0).UTC(),
		time.Unix(1<<33, 0), time.Unix(-(1 << 33), 5), time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC),
		time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2262, 4, 11, 23, 47, 16, 854_775_807, time.UTC),
		now, now.Add(time.Millisecond), now.Round(0), now.Add(-time.Hour).Round(0),
	}
	for _, a := range times {
		for _, b := range times {
			if got, want := Sub(a, b), a.Sub(b); got != want {
				t.Errorf("Sub(%v, %v) = %v, want %v", a, b, got, want)
			}
		}
	}
}
