// Package chunkpool hands out values of one type, allocated a chunk at a
// time, and takes them back on a free list for reuse. Unlike sync.Pool it
// is deterministic and never drops what it holds: it holds at most as many
// values as were in use at once, so memory follows the peak, and a
// steady state allocates nothing. A value handed out is never moved or
// copied (chunks are never grown), so a pointer to it stays valid until
// it is put back. Not safe for concurrent use.
//
// The tracker takes connections, in-flight blocks and rare parts from
// such pools, the sequence analysis its per-direction details, and the
// findings engine its per-connection and per-service records.
package chunkpool

// Chunk is how many values a Pool allocates at once.
const Chunk = 128

// Pool is a pool of *T. The zero value is ready for use.
type Pool[T any] struct {
	chunk []T // not yet handed out
	free  []*T
}

// Get returns a zero T: one put back, or the next of the current chunk.
func (p *Pool[T]) Get() *T {
	if n := len(p.free); n > 0 {
		x := p.free[n-1]
		p.free = p.free[:n-1]
		return x
	}
	if len(p.chunk) == 0 {
		p.chunk = make([]T, Chunk)
	}
	x := &p.chunk[0]
	p.chunk = p.chunk[1:]
	return x
}

// Put zeroes *x and takes it back. x must have come from p's Get and not
// be used after.
func (p *Pool[T]) Put(x *T) {
	var zero T
	*x = zero
	p.free = append(p.free, x)
}
