// Package tracker replays TCP segments through the RFC 9293 state machines
// of both endpoints of every connection, as a passive observer on the wire
// sees them, and reports each transition with its reason.
//
// # Model
//
// Every segment is an event for both endpoints: "sent" for its source,
// "received" for its destination. The connection logic (conn.go) reduces
// a segment to state-free facts (its flags, what its ACK covers, where its
// sequence number lies, whether the receiver answered it); fsm.go is the
// only place states are decided: receive and rstCheck apply RFC 9293's
// check order to those facts in the endpoint's state, and next maps each
// resulting input to a transition. Conn.set is the only place a state
// changes, including assumptions about the time before the capture and
// timer expiries, and every change is exactly one Transition event.
//
// A segment seen on the wire is not a segment delivered. A SYN or FIN
// changes its receiver's state only once the receiver is seen to
// acknowledge it, or when a later segment of the same direction arrives
// (in-order delivery), or, presumed and marked Inferred, when the input
// ends or the connection expires before its answer was due (the evidence
// rules in fsm.go: a live receiver answers a SYN-ACK at once and a FIN
// within its delayed-ACK time; silence past that means not delivered).
// A RST its receiver later contradicts by going on talking is revised. The acknowledgment number is what
// establishes causality: a FIN whose ACK does not cover the peer's FIN was
// sent before that FIN arrived (a simultaneous close), a SYN-ACK lost after
// the capture point never moves the client to ESTABLISHED, and a FIN+ACK
// that acknowledges our FIN takes FIN-WAIT-1 straight to TIME-WAIT.
//
// RSTs are checked as the receiver would check them (RFC 5961 §3.2): only
// a RST whose sequence number can equal the receiver's RCV.NXT closes the
// connection; in-window and out-of-window RSTs are reported as Notes and
// change nothing. In SYN-SENT a RST is acceptable if it acknowledges the
// SYN (a refusal). In SYN-RECEIVED an accepted RST returns a passive open
// to LISTEN (§3.10.7.4), and closes an active (simultaneous) open.
//
// A segment with a bad checksum (Segment.BadChecksum) was dropped by its
// receiver: it is reported as a Note and counted, and changes nothing
// (checksum.go).
//
// A connection whose handshake predates the capture starts with both
// endpoints ESTABLISHED, marked Inferred; its client is the endpoint seen
// sending SYN-ACKs elsewhere's peer, or the one with the ephemeral port.
//
// A segment on a 4-tuple without a connection that no connection could
// send (no ACK and no SYN, an illegal flag combination, or a bare ACK that
// draws a RST or nothing) is a probe (probe.go): it opens no connection,
// and is reported to a ProbeObserver with the target's answer.
//
// Segments of another segment.Kind are no TCP segments: an ICMP error
// quoting a TCP segment attaches to its connection (reported to an
// ICMPObserver; a destination unreachable for a SYN aborts the connect,
// as Linux does) or answers a pending probe (verdict filtered); UDP
// datagrams answered by ICMP or by nothing are UDP probes (icmp.go,
// udp.go). ICMP errors that match nothing are counted.
//
// When only one direction of a connection is captured, the missing side's
// segments are inferred from what the seen side acknowledges and sends
// (onesided.go), as phantom segments through the same state machines,
// and the transitions they cause are marked Inferred.
//
// # Time
//
// Time is the capture's: TIME-WAIT (2×MSL, Config.TimeWait), the
// orphaned FIN-WAIT-2 timeout (Config.FinTimeout, finwait2.go), probe
// answers and idle expiry run on segment timestamps, never the wall clock, so a replayed
// file gives the same answer every time. Advance moves the clock without a
// segment, for live capture on a quiet link.
//
// # Connections
//
// A new SYN with a new ISN on a 4-tuple whose connection is closed or in
// TIME-WAIT starts a new connection (port reuse); retransmitted SYNs,
// FINs and RSTs belong to the old one. A SYN reaching an endpoint in
// TIME-WAIT is judged as that endpoint would (twJudge in fsm.go: its
// sequence number after RCV.NXT, or its timestamp newer than TS.Recent,
// and not rejected by PAWS); a refused SYN is an old duplicate: it opens
// no connection, leaves the old one in TIME-WAIT, and is reported on it
// as a Note that Event.RefusedReuse recognizes, followed by what its
// sender did next (Event.ReuseFollowUp). Connections leave the table when
// closed (after a short linger for stray segments), when TIME-WAIT
// expires, when idle too long, or when the table is full (the one nearest
// its deadline is evicted: a stalled handshake 70 s after its latest
// segment, a closed connection after its linger, an open one after the
// idle timeout; counted by kind in Stats), so memory is bounded under SYN
// floods. A connection that saw a few header-only segments (a lone SYN,
// a SYN and its SYN-ACK, a whole handshake; no payload, FIN or RST) and
// nothing else for 50 ms, in a table of more than 8192, is kept as a
// record of 120 to 168 bytes (its segments' header fields, as varints)
// instead of a Conn of about 1 KB, and rebuilt by replaying its segments
// when anything needs it (compact.go): half-open and idle connections of
// a flood cost about 200 to 250 bytes each, table slot and timer
// included. The
// last maxClosed closed connections are remembered (stray.go): a segment
// on such a 4-tuple within Config.TimeWait of the close, other than a new
// SYN, is a stray, reported to a StrayObserver, and opens no connection.
//
// Each connection also carries Zeek's conn_state and history, computed as
// Zeek 9.1 computes them for its conn.log, with one deliberate
// deviation: the originator is the sender of the first SYN (or the
// heuristic client), fixed at creation. When that is not the sender of the
// connection's first packet, history starts with Zeek's '^' (direction
// flipped).
//
// # Header prediction
//
// Most segments are an established connection's data and ACKs, in
// order: they move no state and cause no event. Handle gives such a
// segment (both ends ESTABLISHED, nothing in flight, an ACK without SYN,
// FIN or RST in its receiver's window, nothing pending; the sequence
// analysis's own conditions in reassembly.ObserveInOrder) to a small
// function that makes exactly the general path's updates, as Van
// Jacobson's header prediction and Linux's tcp_rcv_established do
// (predict.go); any other segment takes the general path. A test replays
// traces and generated captures both ways and compares every callback
// and every connection field for field.
//
// # Memory
//
// A Conn is split: its hot record (720 bytes, pinned by TestConnSize)
// holds what every segment reads; what only some connections need is taken from pools (chunks and
// a free list, deterministic, bounded by the most in use at once) when
// first needed and given back when the connection leaves the table: each
// direction's reassembly.Detail once it carries data, an endpoint's
// in-flight block while a SYN or FIN is in flight to it, and connRare
// (TIME-WAIT refusals, ICMP errors, Zeek's scaled counters). An idle
// handshake holds none of them.
//
// # Concurrency
//
// A Tracker is not safe for concurrent use. Connections share no state, so
// traffic can be sharded across Trackers by Tuple.Hash.
package tracker
