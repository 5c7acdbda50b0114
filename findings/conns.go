package findings

import "github.com/flowtrace/flowtrace/tracker"

// Per-connection state of the detectors.
//
// A detector that follows a connection keeps its state in the engine's
// connection record (connAux), which the connection's word for auxKey
// (tracker.Conn.Aux) points to: one plus the record's index in the
// engine's slab. So a packet costs an index, not a map lookup. A record
// is made when a detector first needs one for a connection (most
// connections never need one: see rstFirst) and freed, with the
// connection's word zeroed, after every DoneWatcher saw the connection
// leave; freed records are reused, so connections coming and going
// allocate nothing once the slab has grown to the most connections
// followed at once, which the detectors' own caps bound (maxWatched,
// maxRSTConns).

// auxKey is the engine's word on every connection. One engine per
// tracker: two engines observing one tracker would overwrite each other's
// handles.
var auxKey = tracker.NewAuxKey()

// connAux is one connection's state in the detectors. Each field belongs
// to one detector.
type connAux struct {
	// rst.go: what each side's packets showed, from the connection's
	// second packet on (rstOn), and its RSTs from the first one on.
	learn [2]ttlLearn
	rstOn bool
	rst   *rstConn
	watch [2]*watched // stuck.go: a side in a state that may get stuck
	ka    *keepAlives // stuck.go: a side's unanswered keep-alives
	flood *floodSvc   // synflood.go: the service, as last looked up
}

// auxChunk is how many records one slab chunk holds: records never move
// (a pointer to one stays valid while the slab grows).
const auxChunk = 1024

// auxSlab holds the connection records.
type auxSlab struct {
	chunks [][]connAux
	n      uint32   // records handed out so far (used or free)
	free   []uint32 // handles of free records
}

// aux returns c's record, or nil if no detector made one.
func (e *Engine) aux(c *tracker.Conn) *connAux {
	h := c.Aux(auxKey)
	if h == 0 {
		return nil
	}
	return e.conns.at(h)
}

// auxOf returns c's record, making one if there is none.
func (e *Engine) auxOf(c *tracker.Conn) *connAux {
	if a := e.aux(c); a != nil {
		return a
	}
	h := e.conns.alloc()
	c.SetAux(auxKey, h)
	return e.conns.at(h)
}

// auxFree frees c's record, if it has one; its fields must have been
// released by their detectors.
func (e *Engine) auxFree(c *tracker.Conn) {
	h := c.Aux(auxKey)
	if h == 0 {
		return
	}
	*e.conns.at(h) = connAux{}
	e.conns.free = append(e.conns.free, h)
	c.SetAux(auxKey, 0)
}

func (s *auxSlab) at(h uint32) *connAux {
	i := h - 1
	return &s.chunks[i/auxChunk][i%auxChunk]
}

// alloc returns the handle of a zero record.
func (s *auxSlab) alloc() uint32 {
	if n := len(s.free); n > 0 {
		h := s.free[n-1]
		s.free = s.free[:n-1]
		return h
	}
	if int(s.n) == len(s.chunks)*auxChunk {
		s.chunks = append(s.chunks, make([]connAux, auxChunk))
	}
	s.n++
	return s.n
}

// live returns how many records are in use.
func (s *auxSlab) live() int { return int(s.n) - len(s.free) }

// slab hands out *T from chunks of slabChunk values, reusing those put
// back: records made and freed per connection cost no allocation once
// the slab holds as many as are used at once.
type slab[T any] struct {
	chunk []T // the rest of the newest chunk
	free  []*T
}

const slabChunk = 256

// get returns a zero value.
func (s *slab[T]) get() *T {
	if n := len(s.free); n > 0 {
		v := s.free[n-1]
		s.free = s.free[:n-1]
		return v
	}
	if len(s.chunk) == 0 {
		s.chunk = make([]T, slabChunk)
	}
	v := &s.chunk[0]
	s.chunk = s.chunk[1:]
	return v
}

// put zeroes v and takes it back.
func (s *slab[T]) put(v *T) {
	*v = *new(T)
	s.free = append(s.free, v)
}
