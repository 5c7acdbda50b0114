package tracker

import "sync/atomic"

// Per-connection words for observers.
//
// An observer that keeps state per connection would otherwise look the
// connection up in a map of its own on every packet, which costs a hash and
// a cache miss or two per packet. Instead it claims a key once, with
// NewAuxKey, and keeps in the connection's word for that key a handle of its
// own: typically one plus an index into a table it owns, so that the word's
// zero value means "nothing yet". The tracker never reads the words; it
// zeroes them when it hands out a Conn for a new connection, so a handle can
// never outlive the connection it was set on. An observer frees its own
// state in Done, the last call it gets for a connection.
//
// One observer instance per key per tracker: two observers that share a key
// and a tracker would overwrite each other's handles.

// AuxWords is how many keys NewAuxKey can hand out in one program.
const AuxWords = 4

// AuxKey names one per-connection word (Conn.Aux).
type AuxKey uint8

var auxKeys atomic.Int32

// NewAuxKey claims a per-connection word. Call it once per kind of
// observer, at package initialisation; it panics after AuxWords keys,
// which is a programming error, not an input error.
func NewAuxKey() AuxKey {
	n := auxKeys.Add(1) - 1
	if n >= AuxWords {
		panic("tracker: more than AuxWords auxiliary keys")
	}
	return AuxKey(n)
}

// Aux returns the connection's word for key k: zero until SetAux.
func (c *Conn) Aux(k AuxKey) uint32 { return c.aux[k] }

// SetAux stores v in the connection's word for key k.
func (c *Conn) SetAux(k AuxKey, v uint32) { c.aux[k] = v }
