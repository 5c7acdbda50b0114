package shard

import (
	"math"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"github.com/flowtrace/flowtrace/tracker"
)

// What one tracker learns across connections (tracker.Shared): the
// endpoints seen answering a SYN and the longest handshake round trip.
// Each worker logs what its tracker learns, under the key of the moment
// (the recorder's key, with the connection), in a log of its own that the
// others read. A worker asking at key K first waits until every other
// worker is past K (its progress, or the key it is itself waiting at, is
// later), then applies every worker's entries before K, in key order, to
// a replica of its own: it then answers exactly what one tracker, having
// seen everything before K, would. Two workers never wait at the same key,
// and the one waiting at the earlier key always proceeds, so the wait
// ends. Entries are rare (one or two per connection); asking is rarer.

// facts is what the workers of one Tracker share.
type facts struct {
	views []*view
}

func newFacts(n int) *facts {
	f := &facts{views: make([]*view, n)}
	return f
}

// view is one worker's side of facts: its log, its progress, and its
// replica of what all have learnt so far.
type view struct {
	f   *facts
	k   int
	rec *recorder

	// Written by this worker, read by the others.
	done    atomic.Uint64 // packets this worker has finished: it works on packet done
	mu      sync.Mutex
	moved   *sync.Cond   // on mu: done moved, or waiting was set
	waiters atomic.Int32 // other workers waiting in moved.Wait
	waiting bool
	at      key // the key it waits at, while waiting
	// sent is the bound of the latest log this worker handed over whole
	// (worker.send): it logs nothing before it any more. Within one
	// packet index (the end of the input, a packet that fires many
	// timers) done does not move, and a worker that runs out of logs
	// while the merger waits for the one asking could otherwise never
	// be seen past the key asked at.
	sent    key
	sentSet bool
	tail    *factChunk

	// This worker's own: cursors into every log and the replica.
	cur        []cursor
	rtt        time.Duration
	servers    map[netip.AddrPort]struct{}
	oldServers map[netip.AddrPort]struct{}

	_ [64]byte // keep the next view's counters off this cache line
}

func (f *facts) view(k int, rec *recorder) *view {
	v := &view{f: f, k: k, rec: rec, servers: make(map[netip.AddrPort]struct{})}
	v.moved = sync.NewCond(&v.mu)
	v.tail = new(factChunk)
	f.views[k] = v
	return v
}

// start gives every worker its cursors into every log, at the logs'
// first chunks (their tails: nothing is logged before a segment is
// handed out). Nothing else keeps a log's first chunk: a chunk is
// reachable only from the cursors that have yet to pass it (and its
// predecessor's next), so the garbage collector takes it once every
// worker has read past it, and the logs hold what some worker has yet to
// apply, not every fact of the run. It is called once every view exists,
// before any segment is handed out (the channel hand-over orders it
// before any worker's ask).
func (f *facts) start() {
	for _, v := range f.views {
		v.cur = make([]cursor, len(f.views))
		for i, o := range f.views {
			v.cur[i] = cursor{c: o.tail}
		}
	}
}

const factChunkLen = 1024

// fact is one thing learnt: a server (ap) or a round trip.
type fact struct {
	key
	ap  netip.AddrPort
	rtt time.Duration
}

// factChunk is a run of a log: entries [0, n) are published.
type factChunk struct {
	facts [factChunkLen]fact
	n     atomic.Int32
	next  atomic.Pointer[factChunk]
}

type cursor struct {
	c *factChunk
	i int32
}

// peek returns the cursor's next published entry, or nil.
func (c *cursor) peek() *fact {
	if c.i == factChunkLen {
		next := c.c.next.Load()
		if next == nil {
			return nil
		}
		c.c, c.i = next, 0
	}
	if c.i < c.c.n.Load() {
		return &c.c.facts[c.i]
	}
	return nil
}

// progress publishes that the worker finished every packet before i.
func (v *view) progress(i uint64) {
	v.done.Store(i)
	if v.waiters.Load() > 0 {
		v.wake()
	}
}

// handed publishes that the worker handed over a log with bound k: it
// will log nothing before k.
func (v *view) handed(k key) {
	v.mu.Lock()
	v.sent, v.sentSet = k, true
	if v.waiters.Load() > 0 {
		v.moved.Broadcast()
	}
	v.mu.Unlock()
}

// wake tells the workers waiting for this one that it moved.
func (v *view) wake() {
	v.mu.Lock()
	v.moved.Broadcast()
	v.mu.Unlock()
}

// keyOf is the key of the moment, for connection c.
func (v *view) keyOf(c *tracker.Conn) key {
	k := v.rec.keyOf(c)
	if k.phase == phPacket {
		k.ord = 0 // one worker only has packet phases at a packet
	}
	return k
}

func (v *view) log(x fact) {
	t := v.tail
	n := t.n.Load()
	if n == factChunkLen {
		nt := new(factChunk)
		t.next.Store(nt)
		v.tail, t, n = nt, nt, 0
	}
	t.facts[n] = x
	t.n.Store(n + 1)
}

// SawServer implements tracker.Shared.
func (v *view) SawServer(c *tracker.Conn, ap netip.AddrPort) {
	v.log(fact{key: v.keyOf(c), ap: ap})
}

// SawRTT implements tracker.Shared.
func (v *view) SawRTT(c *tracker.Conn, rtt time.Duration) {
	v.log(fact{key: v.keyOf(c), rtt: rtt})
}

// IsServer implements tracker.Shared.
func (v *view) IsServer(c *tracker.Conn, ap netip.AddrPort) bool {
	v.catchUp(v.keyOf(c))
	_, ok := v.servers[ap]
	if !ok {
		_, ok = v.oldServers[ap]
	}
	return ok
}

// PathRTT implements tracker.Shared.
func (v *view) PathRTT(c *tracker.Conn) time.Duration {
	v.catchUp(v.keyOf(c))
	return v.rtt
}

// catchUp waits until the other workers are past k, then applies every
// entry before k to the replica.
func (v *view) catchUp(k key) {
	if !v.othersPast(&k) {
		// The merger must not wait for this worker's entries before k
		// while the others wait for the merger to take theirs.
		v.rec.w.send(k, false)
	}
	v.mu.Lock()
	v.waiting, v.at = true, k
	v.moved.Broadcast()
	v.mu.Unlock()
	for _, o := range v.f.views {
		if o == v {
			continue
		}
		// Counted as a waiter before looking: o's progress either sees
		// the count (and wakes us) or is seen.
		o.waiters.Add(1)
		o.mu.Lock()
		for !o.past(&k) {
			o.moved.Wait()
		}
		o.mu.Unlock()
		o.waiters.Add(-1)
	}
	v.mu.Lock()
	v.waiting = false
	v.mu.Unlock()
	v.applyBefore(&k)
}

// applyBefore applies to the replica, in key order, every published entry
// of every log before k.
func (v *view) applyBefore(k *key) {
	for {
		var best *fact
		var bi int
		for i := range v.cur {
			if x := v.cur[i].peek(); x != nil && x.key.less(k) && (best == nil || x.key.less(&best.key)) {
				best, bi = x, i
			}
		}
		if best == nil {
			return
		}
		v.cur[bi].i++
		v.apply(best)
	}
}

// settle applies to the replica, in key order, every entry of a packet
// before end that no worker can add to any more: end is where this worker
// is (it has finished every packet before it), bounded by how far each
// other worker has published it finished. Its asks come later than that,
// so applying those entries now gives the replica the same state at each
// ask as applying them at the ask; meanwhile the cursors move on, and the
// chunks behind the slowest of them become garbage (start). Without it a
// worker that rarely asks would keep every fact of the run reachable.
func (v *view) settle(end uint64) {
	for _, o := range v.f.views {
		if o != v {
			end = min(end, o.done.Load())
		}
	}
	// The least key of packet end: every entry of an earlier packet is
	// less, none of packet end is.
	v.applyBefore(&key{i: end, sec: math.MinInt64, nsec: math.MinInt32})
}

// othersPast reports whether every other worker is past k already.
func (v *view) othersPast(k *key) bool {
	for _, o := range v.f.views {
		if o == v {
			continue
		}
		o.mu.Lock()
		ok := o.past(k)
		o.mu.Unlock()
		if !ok {
			return false
		}
	}
	return true
}

// past reports whether worker o will log nothing more before k. The
// caller holds o.mu.
func (o *view) past(k *key) bool {
	d := o.done.Load()
	switch {
	case d > k.i:
		return true
	case o.sentSet && !o.sent.less(k):
		return true
	case d < k.i:
		return false
	}
	return o.waiting && k.less(&o.at)
}

// apply adds x to the replica, as tracker.Tracker's sawServer and pathRTT
// do.
func (v *view) apply(x *fact) {
	if !x.ap.IsValid() {
		v.rtt = max(v.rtt, x.rtt)
		return
	}
	if _, ok := v.servers[x.ap]; ok {
		return
	}
	if len(v.servers) >= tracker.MaxServers/2 {
		v.oldServers, v.servers = v.servers, make(map[netip.AddrPort]struct{}, tracker.MaxServers/2)
	}
	v.servers[x.ap] = struct{}{}
}
