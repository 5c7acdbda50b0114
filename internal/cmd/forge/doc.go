// Command forge sends hand-made IPv4 or IPv6 TCP segments through a raw
// socket (IP_HDRINCL; IPPROTO_RAW for IPv6), so that scripts/mktraces.sh
// can put segments on the wire that no socket would send: a spoofed-source
// SYN flood, a stale ACK, a RST with a chosen timestamp option, an ACK far
// outside the window, a segment in IP fragments (overlapping, tiny, or
// never completed). It owns only the segments it builds; the kernels of
// the test namespaces answer them.
//
// Usage:
//
//	forge -src ADDR:PORT -dst ADDR:PORT [-flags SAFRP] [-seq N] [-ack N]
//	      [-win N] [-mss N] [-ts VAL:ECR] [-count N] [-interval D]
//	      [-flood-net CIDR] [-payload N] [-frag OFF:LEN,...] [-id N]
//
// -flags is a string of TCP flag letters (S SYN, A ACK, F FIN, R RST,
// P PSH, U URG). -ts adds NOP, NOP, timestamps(VAL, ECR); -mss adds an MSS
// option. -count sends N segments, -interval apart. With -flood-net each
// segment gets its own source: the i-th (from 0) comes from host number
// 1+i%250 of the /24 number i/250 inside CIDR (10.79.0.1 ... 10.79.0.250,
// 10.79.1.1 ...), from port PORT+i, with sequence number SEQ+i*2654435761
// (mod 2^32), so a flood is the same on every run. forge refuses a flood
// whose sources leave CIDR (IPv4 only).
//
// -payload adds N bytes of data ("abc..."). -frag sends each segment as IP
// fragments (RFC 791; RFC 8200 §4.5 for IPv6), in the order given: OFF:LEN
// is LEN bytes of the IP payload (TCP header and data) from OFF, a
// multiple of 8; an empty LEN runs to the end; an "x" suffix flips the
// bytes (a conflicting overlap). MF (M) is set on every fragment that
// does not reach the end. The i-th segment's fragments have
// identification ID+i. Overlapping, partial and tiny pieces are sent as
// given: that is the point.
//
// forge is Linux-only, needs CAP_NET_RAW, uses only the syscall package and
// exits 0 when every segment was sent, 1 on a send error, 2 on a usage
// error.
package main
