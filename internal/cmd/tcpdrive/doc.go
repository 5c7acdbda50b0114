// Command tcpdrive plays one TCP endpoint's behaviour, step by step, so that
// scripts/mktraces.sh can make the real Linux stack produce a chosen sequence
// of segments (RFC 9293 opens and closes, RSTs, half-close, TCP Fast Open).
//
// Usage:
//
//	tcpdrive [-deadline 20s] [-q] STEP...
//
// Steps run in order on one "current" connection and one listener:
//
//	listen ADDR:PORT [--rcvbuf N] [--mss N] [--fastopen] [--backlog N]
//	                          socket, SO_REUSEADDR, bind, listen(N, default
//	                          16; the kernel caps it at somaxconn); --fastopen
//	                          sets TCP_FASTOPEN (server side); --rcvbuf
//	                          (SO_RCVBUF) and --mss (TCP_MAXSEG) are set
//	                          before listen so accepted sockets inherit them
//	accept                    accept one connection; it becomes current
//	connect ADDR:PORT [--bind ADDR:PORT] [--rcvbuf N] [--mss N] [--fastopen]
//	                          active open; --bind binds the local end first
//	                          (with SO_REUSEADDR); --fastopen sets
//	                          TCP_FASTOPEN_CONNECT, so connect returns at once
//	                          and the first send carries the SYN and its data
//	send N [--byte C]         write N bytes in one write(2) call, looping on
//	                          short writes (TCP_NODELAY is always on); the
//	                          bytes are a..z repeated, or all C with --byte
//	keepalive IDLE:INTVL:CNT  TCP_KEEPIDLE, TCP_KEEPINTVL (seconds),
//	                          TCP_KEEPCNT, then SO_KEEPALIVE on the current
//	                          connection
//	read                      read until EOF or error
//	readn N                   read exactly N bytes (or until EOF or error)
//	shutdown                  shutdown(SHUT_WR): send FIN, keep receiving
//	close                     close(2) the current connection
//	abort                     SO_LINGER {1, 0} then close: send RST
//	closelisten               close the listener
//	udplisten ADDR:PORT       bind a UDP socket and leave it open, never
//	                          read: an open UDP port that never answers
//	sleep DURATION            e.g. 200ms, 1.5s
//	until UNIXMS              sleep until the wall clock reaches UNIXMS
//	                          (milliseconds since the epoch); lets two
//	                          processes act at the same moment
//	hold [DURATION]           keep every socket open, doing nothing, for
//	                          DURATION or until the deadline
//	repeat N STEP... end      run the enclosed steps N times
//	nooffload IFACE           turn off tx checksum, scatter-gather, TSO, GSO
//	                          and GRO on IFACE (ethtool -K IFACE tx off sg off
//	                          tso off gso off gro off) so that a capture on a
//	                          veth shows wire-sized segments with valid
//	                          checksums
//	norxcsum IFACE            turn off rx checksum offload on IFACE (ethtool
//	                          -K IFACE rx off): a veth then no longer marks
//	                          what it receives as verified, so the kernel
//	                          checks TCP checksums and drops bad segments
//
// A failed step is reported on stderr and the run goes on (a refused
// connect, a read that ends in ECONNRESET are expected in some scenarios);
// the exit status is 1 if any step failed. Whatever happens, tcpdrive exits
// with status 2 once the deadline passes; the kernel then closes its sockets.
//
// tcpdrive is Linux-only and uses only the syscall package.
package main
