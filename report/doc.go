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
//     (tracker.Conn.Aux) holds its index among the report's ladders
//     and whether its last item is an open band that takes the packet.
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
// A Report is not safe for concurrent use.
package report
