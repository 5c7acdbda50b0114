// Command forge sends hand-made IPv4 TCP segments through a raw socket
// (IP_HDRINCL), so that scripts/mktraces.sh can put segments on the wire
// that no socket would send: a spoofed-source SYN flood, a stale ACK, a RST
// with a chosen timestamp option, an ACK far outside the window. It owns
// only the segments it builds; the kernels of the test namespaces answer
// them.
//
// Usage:
//
//	forge -src ADDR:PORT -dst ADDR:PORT [-flags SAFRP] [-seq N] [-ack N]
//	      [-win N] [-mss N] [-ts VAL:ECR] [-count N] [-interval D]
//	      [-flood-net CIDR]
//
// -flags is a string of TCP flag letters (S SYN, A ACK, F FIN, R RST,
// P PSH, U URG). -ts adds NOP, NOP, timestamps(VAL, ECR); -mss adds an MSS
// option. -count sends N segments, -interval apart. With -flood-net each
// segment gets its own source: the i-th (from 0) comes from host number
// 1+i%250 of the /24 number i/250 inside CIDR (10.79.0.1 ... 10.79.0.250,
// 10.79.1.1 ...), from port PORT+i, with sequence number SEQ+i*2654435761
// (mod 2^32), so a flood is the same on every run. forge refuses a flood
// whose sources leave CIDR.
//
// forge is Linux-only, needs CAP_NET_RAW, uses only the syscall package and
// exits 0 when every segment was sent, 1 on a send error, 2 on a usage
// error.
package main
