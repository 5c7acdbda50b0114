package findings

import "github.com/flowtrace/flowtrace/tracker"

// Per-connection state of the detectors.
//
// A detector that follows a connection keeps its state under the
// connection's word for auxKey (tracker.Conn.Aux): its low bits are one
// plus an index into the engine's slab (a handle), its high bits say which
// detectors keep something there (auxRec, auxStuck, auxFlood, auxRST,
// auxSynSent). The
// word lives in the Conn, which the tracker has just touched, so a packet
// of a connection no detector follows costs a test of a bit, and a packet
// of one the RST detector follows touches its 16 bytes of TTL learning
// (learn: four connections to a cache line), not the 64-byte record.
//
// A handle is taken when a detector first needs one for a connection
// (most connections never need one: see rstFirst) and freed, with the
// connection's word zeroed, after every DoneWatcher saw the connection
// leave; freed handles are reused, so connections coming and going
// allocate nothing once the slab has grown to the most connections
// followed at once, which the detectors' own caps bound (maxWatched,
// maxRSTConns).

// auxKey is the engine's word on every connection. One engine per
// tracker: two engines observing one tracker would overwrite each other's
// handles.
var auxKey = tracker.NewAuxKey()

// The connection word's bits.
const (
	auxHandle = 1<<24 - 1 // one plus the index in the slab; 0: none
	auxRec    = 1 << 24   // the record (connAux) was written: zeroed when freed
	auxStuck  = 1 << 25   // stuck.go put a watch or a keep-alive count in the record
	auxFlood  = 1 << 26   // synflood.go put a service in the record
	auxRST    = 1 << 27   // rst.go follows the connection (its learn pair)
	// auxSynSent<<side: that side is in SYN-SENT since the connection's
	// first packet, not yet watched (stuck.go).
	auxSynSent = 1 << 28
)

// connAux is one connection's state in the detectors, apart from the RST
// detector's per-packet learning (learn). Each field belongs to one
// detector.
type connAux struct {
	rst   *rstConn    // rst.go: its RSTs, from the first one on
	watch [2]*watched // stuck.go: a side in a state that may get stuck
	ka    *keepAlives // stuck.go: a side's unanswered keep-alives
	flood *floodSvc   // synflood.go: the service, as last looked up
	// floodGen is flood's gen when it was looked up: while they are
	// equal, flood is still that service's record.
	floodGen uint32
}

// auxChunk is how many records one slab chunk holds: records never move
// (a pointer to one stays valid while the slab grows).
const auxChunk = 1024

// auxSlab holds the connection records and, under the same handles, the
// RST detector's learning.
type auxSlab struct {
	chunks [][]connAux
	learns []*[auxChunk][2]ttlLearn
	n      uint32   // handles handed out so far (used or free)
	free   []uint32 // free handles
}

// word returns c's word.
func word(c *tracker.Conn) uint32 { return c.Aux(auxKey) }

// aux returns c's record if one of the bits in has says a detector wrote
// to it, else nil.
func (e *Engine) aux(c *tracker.Conn, has uint32) *connAux {
	w := word(c)
	if w&has == 0 {
		return nil
	}
	return e.conns.at(w & auxHandle)
}

// handle returns c's handle, taking one if it has none.
func (e *Engine) handle(c *tracker.Conn) uint32 {
	w := word(c)
	if h := w & auxHandle; h != 0 {
		return h
	}
	h := e.conns.alloc()
	c.SetAux(auxKey, w|h)
	return h
}

// auxOf returns c's record for a detector that marks it with bit, taking
// a handle if c has none.
func (e *Engine) auxOf(c *tracker.Conn, bit uint32) *connAux {
	h := e.handle(c)
	c.SetAux(auxKey, word(c)|auxRec|bit)
	return e.conns.at(h)
}

// auxFree frees c's handle, if it has one, and zeroes its word; the
// record's pointers must have been released by their detectors.
func (e *Engine) auxFree(c *tracker.Conn) {
	w := word(c)
	if w == 0 {
		return
	}
	if h := w & auxHandle; h != 0 {
		if w&auxRec != 0 {
			*e.conns.at(h) = connAux{}
		}
		e.conns.free = append(e.conns.free, h)
	}
	c.SetAux(auxKey, 0)
}

func (s *auxSlab) at(h uint32) *connAux {
	i := h - 1
	return &s.chunks[i/auxChunk][i%auxChunk]
}

// learn returns handle h's learn pair.
func (s *auxSlab) learn(h uint32) *[2]ttlLearn {
	i := h - 1
	return &s.learns[i/auxChunk][i%auxChunk] // a fixed-size chunk: one bounds check
}

// alloc returns a handle, its learn pair zero (its record is zero).
func (s *auxSlab) alloc() uint32 {
	if n := len(s.free); n > 0 {
		h := s.free[n-1]
		s.free = s.free[:n-1]
		*s.learn(h) = [2]ttlLearn{}
		return h
	}
	if int(s.n) == len(s.chunks)*auxChunk {
		s.chunks = append(s.chunks, make([]connAux, auxChunk))
		s.learns = append(s.learns, new([auxChunk][2]ttlLearn))
	}
	s.n++
	return s.n
}

// live returns how many handles are in use.
func (s *auxSlab) live() int { return int(s.n) - len(s.free) }
