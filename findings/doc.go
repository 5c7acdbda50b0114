// Package findings draws conclusions from the tracker's events: SYN
// floods, port scans, OS-fingerprinting probes, fragment attacks,
// injected and middlebox RSTs, stuck states, TIME-WAIT piles. It owns every detector and the Finding record; the
// tracker never imports it, and the printers only implement its Sink.
//
// # Engine
//
// An Engine implements tracker.Observer, tracker.ProbeObserver and
// tracker.StrayObserver. Chain puts it after the printer, so a finding's
// marker lands after the packet line that fired it. Detectors are small
// types registered in the engine (Register); each implements the watcher
// interfaces of the events it needs:
//
//	PacketWatcher      every segment applied to a connection, with its events
//	TransitionWatcher  every state transition; Event.Age is the time spent in From
//	DoneWatcher        every connection record when it leaves the table
//	ProbeWatcher       every probe with its answer (tracker/probe.go)
//	StrayWatcher       every stray segment after a close (tracker/stray.go)
//	Ticker             every Config.Tick of the capture clock (live: also on a quiet link, Engine.Advance)
//	Ender              once at the end of the input (Engine.Close)
//
// Findings fire on the capture clock only (packet times and the tracker's
// timers), never the wall clock, so a replay gives the same findings at
// the same packets and byte-identical output.
//
// # Episodes
//
// A finding is an episode of one kind on one subject (a host, a service
// host:port, or a connection uid). The detector calls Engine.Fire when its
// threshold is crossed: the Sink prints the marker at once (live, it
// reaches stdout through the printer's Flusher). The detector keeps
// updating the finding's evidence and calls Engine.End when the episode is
// over (its window fell below the threshold, or its source went quiet);
// Engine.Close ends what is still open at the end of the input. The Sink
// gets the complete finding at the end: one "finding" JSON record per
// episode, and one entry of the text findings section. A second Fire of
// the same kind and subject during an episode is ignored.
//
// # Detectors
//
//   - syn-flood (synflood.go) reads transitions (a SYN opening a
//     connection, the client leaving SYN-SENT) and connection records
//     (how each half-open connection ended: silent source, SYN cookie,
//     retransmitted SYN-ACKs).
//   - port-scan (scan.go) reads probe records and connection records
//     that carried no payload (SYN half-open and connect probes).
//   - os-fingerprint (fingerprint.go) reads segments and probes with
//     illegal flag combinations, and connection records of refused SYNs
//     that carried data.
//   - close-wait-leak, fin-wait-1-stuck, fin-wait-2-stuck,
//     last-ack-stuck, syn-sent-stuck and half-dead (stuck.go) read
//     transitions (endpoints entering and leaving those states), FIN and
//     SYN retransmissions and keep-alives, judged on Ticks, as
//     connections leave and at the input's end.
//   - time-wait-pile and port-reuse-premature (timewait.go) read
//     transitions into and out of TIME-WAIT and the SYN that took a
//     4-tuple over.
//   - rst-injection and middlebox-reset (rst.go) classify every RST
//     (RSTClass) and compare its TTL and IP ID with its claimed sender's
//     earlier packets; strays show a sender still talking after its RST.
//     The text findings section ends with the RSTs per class (Noter,
//     NoteSink).
//   - fragment-incomplete, fragment-tiny, fragment-overlap and
//     fragment-scan (fragment.go) read the IP reassembler's events
//     (FragmentWatcher), which the command queues from
//     capture.FragObserver into a FragmentQueue (Engine.SetFragments).
//
// # Bounded memory
//
// Per-source and per-service state lives in bounded tables (genMap: two
// generations of at most half the limit each, so roughly the most recently
// used keys stay; the tables whose keys churn with every connection, the
// SYN-flood services and the TIME-WAIT piles, keep their generations in
// fixed-size open-addressing tables, oatable.go) with fixed-size sliding
// windows (window: ten buckets and their running total),
// and distinct sources are counted exactly up to 256, then with a
// HyperLogLog sketch of 16 KB (distinct). A detector keeps lists (targets,
// sample uids) only for a subject whose episode has fired, capped
// (maxListed, maxSamples). Millions of spoofed sources therefore cost a
// constant amount of memory. Nothing is allocated for an ordinary packet:
// watchers see segments and transitions through the tracker's own
// structures.
//
// # Cost per packet
//
// Per-connection state is reached through the connection's word
// (tracker.Conn.Aux, conns.go): its low bits a handle into the engine's
// slab, its high bits which detectors keep something there. An ordinary
// segment (ACK without SYN, FIN or RST, no event) of a connection followed
// only by the RST detector takes one fast path (Engine.packetTaken, with
// the engine's clock): one read of the word, the flag and keep-alive
// tests, and the update of its learn entry. The RST
// detector's per-packet learning lives in a dense array of 16-byte
// entries under the same handle, and the 64-byte record (stuck watches,
// keep-alives, RST records, the cached flood service) is read only when
// its bit is set. A client's SYN-SENT is a bit until it retransmits its
// SYN, so a connection answered at once costs the stuck detector no
// record. (An observer may keep nothing of a *Conn past its callback:
// with several workers, the Conn it gets is the merger's view of the
// moment.) A connection's uid (a SHA-256) is hashed only when a record keeps it,
// and its cached flood service is checked by the record's generation,
// without building the server's address. Records of stuck endpoints, RSTs, keep-alives and the bounded
// tables' values come from chunked slabs and free lists: connections and
// sources coming and going allocate nothing once the tables have grown.
// Stuck ages are judged from a deadline heap, not by walking every
// endpoint at each tick. New's detectors are called directly (std.go),
// each only for the events it can use. Evidence growing with an episode
// is counted as it comes and described when the finding fires and when
// it ends (Finding.fill); nested evidence objects are built in their
// parent's buffer, and the stuck records, the most numerous, by appending
// to a scratch buffer rather than with fmt.
// TestEngineAllocsMix holds the engine, over a benchgen mix, to
// allocations for findings only.
package findings
