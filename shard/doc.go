// Package shard tracks one input on several cores and reports exactly
// what one tracker.Tracker would have reported, call for call.
//
// # Ownership
//
// Package shard owns the split of the work: a walker goroutine reads and
// decodes the input (Source) in batches of segments and hands each batch,
// by reference, to every worker; worker k runs a tracker.Tracker of its own
// for the connections whose 4-tuple hashes to k (route: a hash the same
// for both directions; an ICMP error goes with the segment it quotes).
// It owns nothing of the analysis: the trackers decide, and the observers
// (printers, findings, report, sinks) run unchanged, on the caller's
// goroutine, in one place, the merger.
//
// # Ordering guarantee
//
// Every worker sees every segment: it handles its own and, for the
// others, only moves its capture clock (tracker.Tracker.Skip), so its
// timers fire at the same packet as in one tracker. Each worker's tracker
// reports to a recorder that logs each callback with a copy of the
// connection (tracker.ConnCopy), the events and the segment, under a key:
//
//	(packet, phase, deadline, connection)
//
// where the phase at a packet is: timers firing (ordered by deadline,
// then connection), pending TCP probes and then UDP probes decided by
// silence (ordered by their first packet), then the packet itself (only
// its owner reports it). At the end of the input (Flush) the phases are
// the probes, the UDP probes, then the connections in order of creation.
// One tracker orders its callbacks the same way, so merging the workers'
// logs by key gives its order: the merger does so a batch at a time and
// calls the observers. A worker hands its log over in chunks as they fill
// (a packet or the end of the input may close thousands of connections),
// each with a bound below which it will log nothing more; the merger
// takes a worker's next chunk only when that bound is the smallest key in
// sight.
//
// Connections are numbered by the packet that created them in the workers
// (tracker.Config.PacketIDs), an order one tracker's counter follows; the
// merger renumbers them 1, 2, … on their first callback, which is their
// creation, and keeps each one's observer words (tracker.Conn.Aux) from
// one callback to the next, as the tracker would. Stray segments name a
// closed connection by number: the merger mirrors each worker's ring of
// closed connections to translate it.
//
// What one tracker learns across connections (tracker.Shared: the
// endpoints seen answering a SYN, the longest handshake round trip) is
// kept exact too (facts.go): each worker logs what its tracker learns
// under the same keys, and a worker that asks waits until the others are
// past its key, then reads what they logged before it.
//
// # What differs from one tracker
//
// The bounds are per worker: the connection table (tracker.Config.MaxConns
// is divided among the workers), the pending probes, the UDP 4-tuples and
// the closed connections remembered for strays. Under pressure (a flood
// filling the table) which connection is evicted can therefore differ
// from one tracker's choice; without pressure the calls are the same.
// Observers that keep a *tracker.Conn between callbacks
// (tracker.Config.KeepConns) are not supported: the connection passed to
// a callback is a copy, valid during the call.
//
// # Live capture
//
// Live (live.go) tracks the AF_PACKET rings of one fanout group, where
// the kernel has already split the connections: each worker reads,
// decodes and tracks one ring, sees only its own segments, and its
// recorder keys each callback by its packet's timestamp (its idle time
// for timers fired on a quiet ring) instead of the packet's index. The
// merger reports the entries in key order once every other worker has
// handed over a bound past them, or once they are LiveDelay old on the
// wall clock: each connection once, in its worker's order, the workers'
// callbacks interleaved by time with a bounded delay. There is no input
// order to keep tracker.Shared exact in: the workers share one store
// under a lock (livefacts.go).
package shard
