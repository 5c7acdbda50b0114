// Package selection owns flowtrace's output filters: which connections,
// and which part of their life, the printers are shown. It never changes
// what the tracker sees, so the states it reports are those of the
// unfiltered run; a BPF filter, by contrast, removes packets before the
// tracker and can change them.
//
// A [Filter] is parsed from the command line's values ([Parse]). It
// selects connections by stable uid or per-run number (--conn), by port
// (--port), by final state (--state), by Zeek conn_state (--conn-state),
// by how they ended (--ended), and by a time range (--since, --until).
// Several filters combine with AND, the values of one filter with OR.
//
// Some filters are known at a connection's first packet (conn, port, time
// range) and some only at its end (state, conn_state, ended). A [Select]
// wraps the printer, a tracker.Observer, and forwards only what the filter
// selects. With end filters it can work in two ways:
//
//   - Two passes over a seekable file: a [Collect] observer tracks the
//     whole input first and records the numbers of the selected
//     connections ([IDs]: a Go map of 8-byte connection numbers, 24 to 38
//     bytes per selected connection as measured, nothing for the others); then
//     [NewReplay] wraps the printer for a second run over the same input
//     and forwards exactly those connections, every transcript line
//     included. Connection numbers are the same in both runs because the
//     tracker is deterministic.
//   - One pass ([NewSelect] on a pipe or a live capture): the transcript
//     of a connection is printed before its end is known, so with end
//     filters only the connection records pass (Select.RecordsOnly).
//
// A [FrameWriter] taps the selected packets and writes their raw frames
// to a pcap file (flowtrace -r x -w y).
//
// Nothing here allocates per packet; Select, Collect and FrameWriter are
// not safe for concurrent use.
package selection
