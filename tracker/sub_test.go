package tracker

import (
	"testing"
	"time"
)

// TestSubIsTimeSub checks sub against time.Time.Sub: near and far
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
			if got, want := sub(a, b), a.Sub(b); got != want {
				t.Errorf("sub(%v, %v) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// TestTupleEq checks Tuple.eq against == on every byte position.
func TestTupleEq(t *testing.T) {
	var a Tuple
	for i := range a.k {
		a.k[i] = byte(3*i + 1)
	}
	if b := a; !a.eq(&b) {
		t.Fatal("equal tuples compare unequal")
	}
	for i := range a.k {
		for _, bit := range []byte{1, 0x80} {
			b := a
			b.k[i] ^= bit
			if a.eq(&b) || b.eq(&a) {
				t.Errorf("tuples differing in byte %d (bit %#x) compare equal", i, bit)
			}
		}
	}
}

// TestStampAddIsTimeAdd checks stamp.add against time.Time.Add, the
// arithmetic deadlines used before they were stamps.
func TestStampAddIsTimeAdd(t *testing.T) {
	base := time.Date(2024, 3, 1, 12, 0, 0, 999_999_999, time.UTC)
	times := []time.Time{
		{}, base, base.Add(1), base.Add(-1), time.Unix(0, 0), time.Unix(-1, 999_999_999),
		time.Unix(1<<33, 5), time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC),
	}
	ds := []time.Duration{0, 1, -1, time.Second - 1, time.Second, 1500 * time.Millisecond, -1500 * time.Millisecond,
		5 * time.Second, 60 * time.Second, 70 * time.Second, 5 * time.Minute, 1<<63 - 1, -1 << 63}
	for _, tm := range times {
		for _, d := range ds {
			if got, want := stampOf(tm).add(d), stampOf(tm.Add(d)); got != want {
				t.Errorf("stampOf(%v).add(%v) = %v, want %v", tm, d, got, want)
			}
		}
		if got := stampOf(tm).time(); !got.Equal(tm) {
			t.Errorf("stampOf(%v).time() = %v", tm, got)
		}
	}
}
