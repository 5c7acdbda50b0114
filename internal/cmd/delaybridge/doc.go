// Command delaybridge is a userspace Ethernet bridge that forwards every frame
// between two interfaces after a fixed per-direction delay, and can hold back
// chosen TCP segments for longer, drop them, or reorder them by a count.
// scripts/mktraces.sh runs it in the middle
// namespace ft-br, between veth pairs to ft-cli and ft-srv, to make crossing
// SYNs, crossing FINs and mild reordering on a kernel without netem.
//
// Usage:
//
//	delaybridge -a IFACE -b IFACE [-delay D] [-delay-ab D] [-delay-ba D]
//	            [-hold DIR:KIND:N:D]... [-drop DIR:KIND:N]...
//	            [-swap DIR:KIND:N:K]... [-deadline 30s] [-v]
//
// Frames read on -a are written to -b after -delay-ab, frames read on -b are
// written to -a after -delay-ba (-delay sets both). A -hold rule adds D more
// to the Nth TCP segment of KIND going in DIR ("ab" or "ba"), counting from 1;
// N = 0 means every such segment. KIND is one of
//
//	syn     SYN without ACK
//	synack  SYN with ACK
//	fin     any segment with FIN
//	rst     any segment with RST
//	data    a segment carrying payload (not a SYN)
//	ack     a bare ACK: only the ACK flag, no payload
//	any     every TCP segment
//
// so "-hold ab:data:3:50ms" lets the third data segment from a to b arrive
// 50 ms late, behind the ones sent after it, and "-hold ab:fin:0:100ms"
// delays every FIN from a.
//
// A -drop rule discards the Nth segment of KIND going in DIR (N >= 1), once:
// "-drop ab:data:20" loses the 20th data segment from a, and a
// retransmission of it, counted as a later data segment, passes. A -swap
// rule holds the Nth segment of KIND until K more segments of that KIND in
// DIR have been forwarded and sends it right behind them, whatever their
// timing: "-swap ab:data:10:1" exchanges the 10th and 11th data segments.
// If fewer than K follow within 1 s, the held segment goes anyway. Rules are
// counted independently, each over every segment of its KIND and DIR.
//
// It reads with AF_PACKET raw sockets bound to each interface (which it puts
// into promiscuous mode) and skips frames whose sll_pkttype is
// PACKET_OUTGOING, so its own writes are never forwarded again. Frames are
// sent as they were received: the endpoints must have transmit checksum
// offload and segmentation offloads turned off (tcpdrive nooffload), or the
// frames would carry partial checksums or exceed the MTU. The bridge exits
// by itself, with status 0, when the deadline passes.
package main
