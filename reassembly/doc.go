// Package reassembly analyses the sequence space of each direction of a
// TCP connection, as a passive observer sees it: what each segment was
// (retransmission, out-of-order, gap, duplicate ACK, zero window, …), how
// many bytes were new, resent or never captured, the advertised windows
// with their negotiated scale (RFC 7323), and round-trip times.
//
// It never buffers payload. Per direction it keeps a handful of numbers,
// at most a few ranges of sequence space not yet seen (holes), and small
// digests of recent segments so a retransmission whose bytes differ from
// the original (an injection or evasion sign) can be told apart. Memory
// per connection is fixed, whatever the traffic. It never reads payload
// bytes either when the decoder has digested them
// (segment.Segment.Digest): the decoder runs on a goroutine of its own
// and has the bytes in its cache, having just verified their checksum.
//
// # Classification
//
// Observe follows the order and the definitions of Wireshark's
// tcp_analyze_sequence_number, so its counts can be checked against
// tshark's tcp.analysis fields. Deliberate differences:
//
//   - A RST never moves the sender's highest sequence number. tshark lets
//     an injected RST with a far-off sequence number move it, and then
//     flags every later genuine segment as a retransmission.
//   - Retransmitted bytes are compared with a digest of the original
//     (OverlapMismatch), which tshark does not do.
//   - Holes are tracked, so bytes acknowledged but never captured are
//     counted exactly (Stats.MissedBytes, Zeek's missed_bytes), not only
//     flagged once.
//
// # RTT
//
// One segment per direction is timed at a time, from its first
// transmission to the first ACK covering it; a retransmission covering it
// cancels the sample (Karn's rule, RFC 6298 §3).
//
// # Sequence numbers
//
// All arithmetic is modulo 2^32 through internal/seqnum.
//
// A Dir is not safe for concurrent use; it belongs to one connection.
package reassembly
