// Package seqnum implements TCP sequence-number arithmetic modulo 2^32
// (RFC 9293 §3.4, serial-number comparison as in RFC 1982).
//
// A Value is a position in one direction's sequence space; a Size is a
// distance in bytes. Comparisons are only meaningful between values less
// than 2^31 apart, which holds for any pair of numbers from one window.
package seqnum

// Value is a TCP sequence (or acknowledgment) number.
type Value uint32

// Size is a length in sequence space.
type Size uint32

// LessThan reports whether v comes before w, wrap-safe.
func (v Value) LessThan(w Value) bool { return int32(v-w) < 0 }

// LessThanEq reports whether v comes before w or equals it.
func (v Value) LessThanEq(w Value) bool { return v == w || v.LessThan(w) }

// InRange reports whether a <= v < b.
func (v Value) InRange(a, b Value) bool { return v-a < b-a }

// InWindow reports whether first <= v < first+size.
func (v Value) InWindow(first Value, size Size) bool { return v.InRange(first, first.Add(size)) }

// Add returns v advanced by s.
func (v Value) Add(s Size) Value { return v + Value(s) }

// Size returns the distance from v to w (w - v).
func (v Value) Size(w Value) Size { return Size(w - v) }

// Diff returns w - v as a signed distance: positive when w is ahead of v.
func (v Value) Diff(w Value) int32 { return int32(w - v) }

// Max returns the later of v and w.
func Max(v, w Value) Value {
	if v.LessThan(w) {
		return w
	}
	return v
}
