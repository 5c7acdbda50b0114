// Package report owns flowtrace's HTML report (--report FILE): one
// self-contained page with a ladder diagram per selected connection, the
// number of endpoints in each state over time, new connections by
// outcome, the findings and a connection table. It draws every SVG
// itself; a small script embedded in the page (assets/report.js) adds
// hover details, table sorting and filtering, and opens a ladder when
// its row or a finding's link is clicked. The page loads nothing: no
// network, no fonts, no CDN.
//
// # Collecting in bounded memory
//
// A [Report] is a tracker.Observer and a findings.Sink, teed with the
// printers (tracker.Tee, findings.Tee), and is written when closed. What it keeps:
//
//   - Ladders. Every connection in the table records its packets as it
//     goes (a ladder: one compact item per packet, 40 bytes; a band's end
//     and byte counts are 24 bytes more in a side table), because
//     whether it will be drawn is known only at its end or later. Runs of
//     ordinary packets (no SYN, FIN or RST, no trouble class, no event)
//     longer than six collapse into one band as they arrive. A ladder is
//     found without a lookup: the connection's auxiliary word
//     (tracker.Conn.Aux) holds a slot, a small number reused after the
//     connection ends, and the collector's handle for the slot holds
//     the ladder's index among its ladders and whether its last item is
//     an open band that takes the packet.
//     A packet in a band (most packets) then only counts itself in the
//     band's counts, which are apart from the ladders, 32 bytes each in
//     dense chunks; an arrow writes the ladder's first cache line and
//     an item. A connection's first 16 items and 12 labels (nine
//     connections in ten need no more) are in the ladder itself, so most
//     ladders need no buffer of their own. A ladder holds at most
//     [Limits.Items] items; past it (or when all live ladders together
//     hold [Limits.LiveItems]) the rest of the
//     connection goes into one trailing band. Every packet is in exactly
//     one arrow or band. When a connection ends its ladder is kept if it
//     is among the first [Limits.First] connections (so a small capture
//     shows them all), the [Limits.Top] slowest, the [Limits.Top] most
//     retransmitting, named by --report-conns, or cited by a finding; the
//     last [Limits.Recent] other ladders (at most [Limits.RecentItems]
//     items together) wait in a queue for findings that cite them later
//     (a finding's sample uids are final only when its episode ends);
//     every other ladder is recycled. A finding that
//     cites a connection whose ladder was recycled links to its table row.
//     All drawn ladders together hold at most [Limits.DrawItems] items
//     (asked for first, then cited, most retransmitting, first, slowest),
//     so the page stays under about 20 MB.
//   - Table rows: one fixed-size summary per ended connection, at most
//     [Limits.Rows]; beyond it the least interesting row is dropped
//     (interest: carries a ladder, then not a normal SF close, then
//     retransmissions, then duration) and the page says how many.
//   - Series: the number of endpoints in each state, sampled at the end
//     of each time bin, and new connections by Zeek conn_state per bin
//     (by their first packet). There are at most 512 bins: the width
//     starts at 1 ms and doubles (merging pairs) as the capture grows.
//     The last sample is taken when the input ends ([Report.InputEnded]),
//     before the tracker flushes the connections still open.
//
// Nothing is allocated for an ordinary packet once the ladders' buffers
// are warm: ladders are recycled with their buffers.
//
// # Off the caller's goroutine
//
// The callbacks run on the caller's goroutine, which is a run's
// critical path (the tracker with one worker, the shard merger with
// several). They only copy what the report needs into a batch (an op per
// callback, 56 bytes for a packet; a connection's end as its table
// row): a goroutine of the Report's own replays full batches into the
// collector, in order, so the page is what one goroutine would make.
// Eight batches of at most 1024 ops (64 connection ends, 1024 events)
// circulate, so memory stays bounded and a slow collector holds the
// caller back rather than queue. Before it replays 64 packets the
// collector reads the line each will update, so that their cache misses
// overlap. Close hands over the last batch,
// waits for the collector and writes the page.
//
// A Report's methods are not safe for concurrent use: call them from one
// goroutine.
package report
