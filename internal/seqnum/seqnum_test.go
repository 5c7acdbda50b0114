package seqnum

import "testing"

func TestLessThanWraps(t *testing.T) {
	tests := []struct {
		v, w Value
		want bool
	}{
		{0, 1, true},
		{1, 0, false},
		{5, 5, false},
		{0xffffffff, 0, true},  // wrap: 2^32-1 precedes 0
		{0, 0xffffffff, false}, // and 0 follows it
		{0x7fffffff, 0x80000000, true},
		{10, 10 + 1<<31 - 1, true}, // just under half the space ahead
	}
	for _, tt := range tests {
		if got := tt.v.LessThan(tt.w); got != tt.want {
			t.Errorf("%#x.LessThan(%#x) = %v; want %v", tt.v, tt.w, got, tt.want)
		}
	}
}

func TestInRangeWraps(t *testing.T) {
	tests := []struct {
		v, a, b Value
		want    bool
	}{
		{5, 0, 10, true},
		{10, 0, 10, false},
		{0, 0xfffffff0, 0x10, true},
		{0xfffffff0, 0xfffffff0, 0x10, true},
		{0x10, 0xfffffff0, 0x10, false},
		{0x20, 0xfffffff0, 0x10, false},
	}
	for _, tt := range tests {
		if got := tt.v.InRange(tt.a, tt.b); got != tt.want {
			t.Errorf("%#x.InRange(%#x, %#x) = %v; want %v", tt.v, tt.a, tt.b, got, tt.want)
		}
	}
	if !Value(0xffffffff).InWindow(0xfffffff0, 0x20) {
		t.Error("InWindow across the wrap = false; want true")
	}
}

func TestAddSizeDiffMax(t *testing.T) {
	v := Value(0xfffffffe)
	if got := v.Add(4); got != 2 {
		t.Errorf("Add across wrap = %#x; want 2", got)
	}
	if got := v.Size(2); got != 4 {
		t.Errorf("Size across wrap = %d; want 4", got)
	}
	if got := Value(2).Diff(v); got != -4 {
		t.Errorf("Diff = %d; want -4", got)
	}
	if got := Max(v, 2); got != 2 {
		t.Errorf("Max = %#x; want 2", got)
	}
	if !Value(7).LessThanEq(7) || Value(8).LessThanEq(7) {
		t.Error("LessThanEq wrong at equality or above")
	}
}
