package tracker

import (
	"net/netip"
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/internal/timediff"
	"github.com/flowtrace/flowtrace/segment"
)

// Stray segments after a close.
//
// A closed connection lingers in the table for closeLinger (TIME-WAIT
// holds it for Config.TimeWait), so retransmissions right after the close
// still attach to it. Later ones (a FIN retransmitted by a peer whose
// ACK was lost, a late RST, an ACK delayed in the network) would otherwise
// open a one-packet phantom connection. The tracker remembers the last
// maxClosed connections that closed (both endpoints CLOSED or LISTEN), a
// closedConn each, and attributes a segment on such a 4-tuple to the
// closed connection when it arrives within Config.TimeWait (2×MSL, the
// TIME-WAIT period) of the time its last endpoint closed: the bound a
// TIME-WAIT endpoint would hold the 4-tuple for, so that no segment of the
// old connection is still in the network (RFC 9293 §3.4.2, §3.6.1); a
// peer in LAST-ACK whose final ACK was lost retransmits its FIN into it. Such a segment is a stray: it opens no connection, changes no
// state, and is reported to an Observer that implements StrayObserver. A
// SYN without ACK is a new connection (port reuse, as for a connection
// still in the table); a segment past the bound is handled as today (a
// new connection, or a probe).
//
// Memory is bounded: the ring holds at most maxClosed entries (152 bytes
// each with the index: 10 MB when full), the oldest overwritten
// first; nothing is allocated per packet.

const maxClosed = 1 << 16

// closedConn is what is remembered of a closed connection: 120 bytes,
// its fields ordered to leave no padding but the end's. The UID is not
// kept: a stray that needs it computes it (uid.go).
type closedConn struct {
	key       Tuple
	origFirst bool // the originator is the tuple's first endpoint
	baseSet   [2]bool
	h         uint64 // key's hash in the flow table
	id        uint64
	first     int64     // the connection's first packet, µs: for its UID
	closed    time.Time // when its last endpoint closed: the bound runs from here
	base      [2]seqnum.Value
	finSeq    [2]seqnum.Value
	finSent   [2]bool
}

// closedSet is a ring of recently closed connections with an index by
// 4-tuple: open addressing with linear probing over a power-of-two array,
// as the flow table (table.go). The ring grows by chunks and the index by
// doubling, up to maxClosed entries, so a small capture stays small and
// a busy one allocates a few dozen times in all, never per packet.
type closedSet struct {
	chunks [][]closedConn
	n      int // entries in use
	next   int // the entry overwritten next once the ring is full
	slots  []closedSlot
}

type closedSlot struct {
	h uint64
	i int32 // ring entry + 1; 0: empty
}

const closedChunk = 1 << 12

func (cs *closedSet) entry(i int32) *closedConn {
	return &cs.chunks[i/closedChunk][i%closedChunk]
}

// add remembers connection c, which is leaving the table closed.
func (cs *closedSet) add(c *Conn) {
	i, ok := cs.find(&c.key, c.hash)
	switch {
	case ok:
	case cs.n < maxClosed:
		if cs.n%closedChunk == 0 {
			cs.chunks = append(cs.chunks, make([]closedConn, closedChunk))
		}
		i = int32(cs.n)
		cs.n++
		cs.insert(c.hash, i)
	default:
		i = int32(cs.next)
		cs.next = (cs.next + 1) % maxClosed
		old := cs.entry(i)
		cs.del(old.h, i)
		cs.insert(c.hash, i)
	}
	r := cs.entry(i)
	*r = closedConn{key: c.key, h: c.hash, id: c.id, first: c.first.UnixMicro(), closed: c.ep[Orig].since, origFirst: c.origFirst}
	if c.ep[Resp].since.After(r.closed) {
		r.closed = c.ep[Resp].since
	}
	for s := Orig; s <= Resp; s++ {
		e := &c.ep[s]
		r.baseSet[s], r.base[s] = e.baseSet, e.base
		r.finSent[s], r.finSeq[s] = e.finSent, e.finSeq
	}
}

// UID returns the closed connection's UID, computed when asked: a
// SHA-256 per closed connection would cost more than all its segments'
// tracking when most connections are short, and only a reported stray
// needs it (keeping it would cost 24 bytes per entry).
func (r *closedConn) UID() UID { return makeUID(r.key, r.first) }

// find returns the ring entry of key (hash h).
func (cs *closedSet) find(key *Tuple, h uint64) (int32, bool) {
	if cs.n == 0 {
		return 0, false
	}
	mask := uint64(len(cs.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		sl := &cs.slots[j]
		if sl.i == 0 {
			return 0, false
		}
		if sl.h == h && cs.entry(sl.i-1).key.eq(key) {
			return sl.i - 1, true
		}
	}
}

// lookup returns the closed connection on key (hash h), or nil.
func (cs *closedSet) lookup(key *Tuple, h uint64) *closedConn {
	if i, ok := cs.find(key, h); ok {
		return cs.entry(i)
	}
	return nil
}

// insert indexes ring entry i under hash h; the load stays at most 1/2.
// Once the ring is full an entry replaces another (cs.n stays maxClosed),
// so the index stops at 2×maxClosed slots.
func (cs *closedSet) insert(h uint64, i int32) {
	if 2*min(cs.n+1, maxClosed) > len(cs.slots) {
		old := cs.slots
		cs.slots = make([]closedSlot, max(1024, 2*len(old)))
		for _, sl := range old {
			if sl.i != 0 {
				cs.place(sl)
			}
		}
	}
	cs.place(closedSlot{h, i + 1})
}

func (cs *closedSet) place(sl closedSlot) {
	mask := uint64(len(cs.slots) - 1)
	j := sl.h & mask
	for cs.slots[j].i != 0 {
		j = (j + 1) & mask
	}
	cs.slots[j] = sl
}

// del removes ring entry i, indexed under hash h, shifting later entries
// of its run back (no tombstones).
func (cs *closedSet) del(h uint64, i int32) {
	mask := uint64(len(cs.slots) - 1)
	j := h & mask
	for cs.slots[j].i != i+1 {
		if cs.slots[j].i == 0 {
			return
		}
		j = (j + 1) & mask
	}
	for k := (j + 1) & mask; cs.slots[k].i != 0; k = (k + 1) & mask {
		home := cs.slots[k].h & mask
		if (k-home)&mask >= (k-j)&mask {
			cs.slots[j] = cs.slots[k]
			j = k
		}
	}
	cs.slots[j] = closedSlot{}
}

// The kinds of stray segment.
const (
	StrayFIN    = "FIN retransmission"
	StrayRST    = "late RST"
	StraySYNACK = "SYN-ACK retransmission"
	StrayData   = "late data"
	StrayACK    = "late ACK"
	StrayOther  = "late segment"
)

// Stray is a segment that arrived on the 4-tuple of a connection after it
// closed and left the table, within the bound (Config.TimeWait after its
// last endpoint closed). Observers may read it during
// StrayObserver.Stray only.
type Stray struct {
	Time     time.Time
	Pkt      uint64
	Conn     uint64 // the closed connection's number (Conn.ID)
	UID      UID    // and its UID
	Side     Side   // the sender's side in that connection
	Src, Dst netip.AddrPort
	Flags    segment.Flags
	// Seq and Ack are relative to the connection's initial sequence
	// numbers (raw where the connection had none); Ack is valid when
	// Flags has ACK.
	Seq, Ack   uint32
	Window     uint16
	PayloadLen int
	Kind       string        // StrayFIN, StrayRST, …
	After      time.Duration // since the connection closed
}

// StrayObserver is implemented by Observers that want stray segments
// reported; the tracker calls Stray once per stray segment.
type StrayObserver interface {
	Stray(s *Stray)
}

// stray attributes seg, on a 4-tuple without a connection, to a recently
// closed connection: it reports whether seg was a stray (and so is done).
func (t *Tracker) stray(seg *segment.Segment, key *Tuple, h uint64, srcFirst bool) bool {
	r := t.closed.lookup(key, h)
	if r == nil {
		return false
	}
	after := timediff.Sub(seg.Time, r.closed)
	if after > t.cfg.TimeWait || after < 0 {
		return false // past the bound: what arrives now is new
	}
	if seg.Flags&(segment.SYN|segment.ACK|segment.RST) == segment.SYN {
		return false // a new SYN: port reuse
	}
	t.stats.Strays++
	if t.strayObs == nil {
		return true
	}
	s := Orig
	if srcFirst != r.origFirst {
		s = Resp
	}
	st := &t.strayBuf
	*st = Stray{
		Time: seg.Time, Pkt: seg.Pkt, Conn: r.id, UID: r.UID(), Side: s,
		Src:   netip.AddrPortFrom(seg.Src, seg.SrcPort),
		Dst:   netip.AddrPortFrom(seg.Dst, seg.DstPort),
		Flags: seg.Flags, Seq: uint32(seg.Seq), Ack: uint32(seg.Ack),
		Window: seg.Window, PayloadLen: seg.PayloadLen,
		Kind: strayKind(r, s, seg), After: after,
	}
	if r.baseSet[s] {
		st.Seq = uint32(seg.Seq - r.base[s])
	}
	if r.baseSet[s.Peer()] {
		st.Ack = uint32(seg.Ack - r.base[s.Peer()])
	}
	t.strayObs.Stray(st)
	return true
}

// strayKind names what a stray segment from side s is.
func strayKind(r *closedConn, s Side, seg *segment.Segment) string {
	switch f := seg.Flags; {
	case f&segment.RST != 0:
		return StrayRST
	case f&segment.SYN != 0 && f&segment.ACK != 0:
		return StraySYNACK
	case f&segment.FIN != 0 && r.finSent[s] && seg.Seq.Add(seqnum.Size(seg.PayloadLen)) == r.finSeq[s]:
		return StrayFIN
	case seg.PayloadLen > 0:
		return StrayData
	case f&segment.ACK != 0 && f&segment.FIN == 0:
		return StrayACK
	}
	return StrayOther
}
