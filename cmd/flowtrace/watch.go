package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"net/netip"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/printer"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

const (
	watchRecent = 64 // transitions kept for the view
	watchTop    = 3  // busiest endpoints shown per state
)

// watch is --watch: a tracker.Observer that keeps the connections in the
// tracker's table and the latest transitions, and shows them every
// --watch-interval, either as a full-screen view on a terminal (like top
// or ss) or as a "summary" JSON record per interval.
//
// It keeps *tracker.Conn pointers from a connection's first packet until
// its Done and reads them between the tracker's calls, on the same
// goroutine; never after Done, when the tracker reuses them.
type watch struct {
	out   *bufio.Writer
	tty   bool // full-screen view; otherwise JSON records
	iface string
	final observer // tty: the text printer, fed only Done, for the table at the end

	live   map[uint64]*tracker.Conn
	recent [watchRecent]watchEvent
	nrec   uint64 // events recorded so far; recent is a ring

	ended  uint64
	hist   printer.Histogram // final states of connections that ended
	frames uint64            // frames seen by the tracker's callbacks

	clock   func() time.Time
	begin   time.Time
	kstats  capture.LiveStats
	kok     bool
	notes   []string
	drawn   bool
	records uint64
}

// watchEvent is a transition kept for the "recent transitions" pane.
type watchEvent struct {
	id         uint64
	orig, resp netip.AddrPort
	ev         tracker.Event
}

func newWatch(stdout io.Writer, cfg *config, iface string) *watch {
	w := &watch{out: bufio.NewWriterSize(stdout, 64<<10), iface: iface, live: make(map[uint64]*tracker.Conn), clock: time.Now}
	w.tty = !cfg.json && isTerminal(stdout)
	if w.tty {
		opts := printerOptions(cfg, os.Stderr)
		opts.Verbose = false
		w.final = printer.NewText(stdout, opts)
	}
	return w
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func (w *watch) start(now time.Time) {
	w.begin = now
	if w.tty {
		// The alternate screen, as top uses: the shell's screen comes
		// back at the end, followed by the final table.
		w.out.WriteString("\x1b[?1049h\x1b[?25l")
		w.out.Flush()
	}
}

// Packet implements tracker.Observer.
func (w *watch) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	if _, ok := w.live[c.ID()]; !ok {
		w.live[c.ID()] = c
	}
	w.record(c, evs)
}

// Events implements tracker.Observer.
func (w *watch) Events(c *tracker.Conn, evs []tracker.Event) { w.record(c, evs) }

func (w *watch) record(c *tracker.Conn, evs []tracker.Event) {
	for _, e := range evs {
		if e.Kind != tracker.Transition {
			continue
		}
		w.recent[w.nrec%watchRecent] = watchEvent{id: c.ID(), orig: c.Addr(tracker.Orig), resp: c.Addr(tracker.Resp), ev: e}
		w.nrec++
	}
}

// Done implements tracker.Observer.
func (w *watch) Done(c *tracker.Conn) {
	delete(w.live, c.ID())
	w.ended++
	for s := tracker.Orig; s <= tracker.Resp; s++ {
		w.hist.Add(c.State(s))
	}
	if w.final != nil {
		w.final.Done(c)
	}
}

func (w *watch) setStats(st capture.LiveStats, ok bool) { w.kstats, w.kok = st, ok }

// note shows msg (a drop report) in the view's header for a while.
func (w *watch) note(msg string) {
	w.notes = append(w.notes, msg)
	if len(w.notes) > 3 {
		w.notes = w.notes[len(w.notes)-3:]
	}
}

// stateRow is one state's line in the view.
type stateRow struct {
	state tracker.State
	n     uint64
	top   []watchCount
}

type watchCount struct {
	key string
	n   uint64
}

// snapshot counts the endpoints of live connections per state, and per
// state the busiest places: a server endpoint counts as its address and
// port (half-open SYN-RECEIVED or CLOSE-WAIT on one service), a client
// endpoint as its address alone (its ports are ephemeral: TIME-WAIT piles
// on one client host).
func (w *watch) snapshot() []stateRow {
	var counts printer.Histogram
	places := make([]map[string]uint64, len(counts))
	for _, c := range w.live {
		for s := tracker.Orig; s <= tracker.Resp; s++ {
			i := printer.HistogramIndex(c.State(s))
			counts[i]++
			if places[i] == nil {
				places[i] = make(map[string]uint64)
			}
			a := c.Addr(s)
			var key string
			if s == tracker.Resp {
				key = a.String() + " (server)"
			} else {
				key = a.Addr().String() + " (client)"
			}
			places[i][key]++
		}
	}
	var rows []stateRow
	for i, n := range counts {
		if n == 0 {
			continue
		}
		r := stateRow{state: printer.HistogramState(i), n: n}
		for k, n := range places[i] {
			r.top = append(r.top, watchCount{k, n})
		}
		slices.SortFunc(r.top, func(a, b watchCount) int {
			if c := cmp.Compare(b.n, a.n); c != 0 {
				return c
			}
			return strings.Compare(a.key, b.key)
		})
		if len(r.top) > watchTop {
			r.top = r.top[:watchTop]
		}
		rows = append(rows, r)
	}
	return rows
}

// refresh redraws the view or writes one JSON record.
func (w *watch) refresh(now time.Time) {
	if w.tty {
		w.draw(now)
	} else {
		w.writeRecord(now, false, nil)
	}
	w.out.Flush()
}

func (w *watch) draw(now time.Time) {
	cols, rows := termSize(os.Stdout)
	var lines []string
	add := func(format string, args ...any) { lines = append(lines, fmt.Sprintf(format, args...)) }
	up := now.Sub(w.begin).Round(time.Second)
	add("flowtrace -i %s    up %s    %s    (Ctrl-C to stop)", w.iface, up, now.Format("15:04:05"))
	drops := "kernel statistics unavailable"
	if w.kok {
		drops = fmt.Sprintf("received %d, dropped by kernel %d, by interface %d", w.kstats.Received, w.kstats.KernelDropped, w.kstats.IfaceDropped)
	}
	add("packets %d    %s", w.frames, drops)
	for _, n := range w.notes {
		add("! %s", n)
	}
	add("connections: %d in the table, %d ended", len(w.live), w.ended)
	add("")
	add("%-13s %9s  %s", "STATE", "ENDPOINTS", "BUSIEST")
	for _, r := range w.snapshot() {
		var b strings.Builder
		for i, t := range r.top {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s %d", t.key, t.n)
		}
		add("%-13s %9d  %s", r.state, r.n, b.String())
	}
	add("")
	add("recent transitions")
	room := rows - len(lines) - 1
	n := min(w.nrec, watchRecent, uint64(max(room, 0)))
	for i := w.nrec - n; i < w.nrec; i++ {
		e := w.recent[i%watchRecent]
		side := "client"
		if e.ev.Side == tracker.Resp {
			side = "server"
		}
		add("%s c%d %s > %s  %s %s → %s (%s)", e.ev.Time.UTC().Format("15:04:05.000000"), e.id, e.orig, e.resp,
			side, e.ev.From, e.ev.To, e.ev.Reason)
	}
	w.out.WriteString("\x1b[H")
	for i, l := range lines {
		if i >= rows {
			break
		}
		if r := []rune(l); len(r) > cols {
			l = string(r[:cols])
		}
		w.out.WriteString(l)
		w.out.WriteString("\x1b[K\r\n")
	}
	w.out.WriteString("\x1b[J")
	w.drawn = true
}

// writeRecord writes a "summary" record: "final" false every interval,
// true once at the end (then sum is the run's summary).
func (w *watch) writeRecord(now time.Time, final bool, sum *printer.Summary) {
	w.records++
	b := []byte(`{"type":"summary","ts":`)
	b = strconv.AppendFloat(b, float64(now.UnixMicro())/1e6, 'f', 6, 64)
	b = append(b, `,"final":`...)
	b = strconv.AppendBool(b, final)
	b = append(b, `,"iface":`...)
	b = strconv.AppendQuote(b, w.iface)
	b = append(b, `,"elapsed":`...)
	b = strconv.AppendFloat(b, now.Sub(w.begin).Seconds(), 'f', 3, 64)
	b = append(b, `,"frames":`...)
	b = strconv.AppendUint(b, w.frames, 10)
	if sum != nil {
		b = fmt.Appendf(b, `,"tcp":%d,"non_tcp":%d,"filtered":%d,"port_reuse":%d,"idle_expired":%d,"evicted":%d`,
			sum.TCP, sum.NonTCP, sum.Filtered, sum.Tracker.Reused, sum.Tracker.Expired, sum.Tracker.Evicted)
	}
	if w.kok {
		b = fmt.Appendf(b, `,"received":%d,"dropped_kernel":%d,"dropped_iface":%d`, w.kstats.Received, w.kstats.KernelDropped, w.kstats.IfaceDropped)
	}
	b = fmt.Appendf(b, `,"active":%d,"connections":%d`, len(w.live), w.ended)
	b = append(b, `,"active_states":{`...)
	rows := w.snapshot()
	for i, r := range rows {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, r.state.String())
		b = append(b, ':')
		b = strconv.AppendUint(b, r.n, 10)
	}
	b = append(b, `},"busiest":{`...)
	for i, r := range rows {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, r.state.String())
		b = append(b, ":["...)
		for j, t := range r.top {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"endpoint":`...)
			b = strconv.AppendQuote(b, t.key)
			b = append(b, `,"n":`...)
			b = strconv.AppendUint(b, t.n, 10)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `},"states":`...)
	b = w.hist.AppendJSON(b)
	b = append(b, "}\n"...)
	w.out.Write(b)
}

// Close ends the view: on a terminal it restores the screen and prints
// the connection table and histogram; otherwise it writes the final
// summary record.
func (w *watch) Close(sum printer.Summary) error {
	w.frames = sum.Frames
	if !w.tty {
		w.writeRecord(w.clock(), true, &sum)
		return w.out.Flush()
	}
	w.out.WriteString("\x1b[?25h\x1b[?1049l")
	if err := w.out.Flush(); err != nil {
		return err
	}
	return w.final.Close(sum)
}
