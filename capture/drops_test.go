package capture

import (
	"errors"
	"testing"
)

func TestDrops(t *testing.T) {
	var n int
	seq := []LiveStats{{Received: 10}, {Received: 20, KernelDropped: 3, IfaceDropped: 1}, {}, {Received: 30, KernelDropped: 5, IfaceDropped: 1}}
	d := NewDrops(func() (LiveStats, error) {
		st := seq[n]
		n++
		if n == 3 {
			return st, errors.New("gone")
		}
		return st, nil
	})
	if _, ok := d.Last(); ok {
		t.Error("counters before the first poll")
	}
	for i, want := range [][2]uint64{{0, 0}, {3, 1}, {0, 0}, {2, 0}} {
		if k, f := d.Poll(); k != want[0] || f != want[1] {
			t.Errorf("poll %d: %d, %d; want %d, %d", i, k, f, want[0], want[1])
		}
	}
	if st, ok := d.Last(); !ok || st != seq[3] {
		t.Errorf("last %+v, %v", st, ok)
	}
	if k, f := NewDrops(nil).Poll(); k != 0 || f != 0 {
		t.Error("nil stats gave drops")
	}
}
