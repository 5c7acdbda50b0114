package main

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"net/netip"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/printer"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

const (
	watchRecent = 64 // transitions kept for the view
	watchTop    = 3  // busiest endpoints shown per state
	watchOldest = 5  // oldest lingering endpoints listed
)

// watch is --watch: a tracker.Observer that keeps the connections in the
// tracker's table and the latest transitions, and shows them every
// --watch-interval, either as a full-screen view on a terminal (like top
// or ss) or as a "summary" JSON record per interval. On a terminal it
// reads keys from standard input (q quit, p pause, s sort), in cbreak
// mode from start to Close.
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

	every    time.Duration // --watch-interval
	nextDraw time.Time
	size     func() (cols, rows int)
	clock    func() time.Time // the wall clock
	capClock func() time.Time // the capture clock, for ages
	begin    time.Time
	kstats   capture.LiveStats
	kok      bool
	notes    []string
	drawn    bool
	records  uint64
	buf      []byte

	keys        chan byte // keys pressed; nil when not reading them
	restore     func()    // puts the terminal back as it was
	paused      bool
	drawnPaused bool // the PAUSED screen is drawn: draw no more
	sortBy      int  // printer.ByState, ByCount or ByAge
}

// watchEvent is a transition kept for the "recent transitions" pane.
type watchEvent struct {
	id         uint64
	orig, resp netip.AddrPort
	ev         tracker.Event
}

func newWatch(stdout io.Writer, cfg *config, iface string) *watch {
	w := &watch{out: bufio.NewWriterSize(stdout, 64<<10), iface: iface, live: make(map[uint64]*tracker.Conn), clock: time.Now}
	w.capClock = w.clock
	w.size = func() (int, int) { return termSize(os.Stdout) }
	w.tty = !cfg.json && isTerminal(stdout)
	if w.tty {
		opts := printerOptions(cfg, stdout, os.Stderr)
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

// readKeys puts the terminal on stdin in cbreak mode (keys arrive one by
// one, unechoed; Ctrl-C still interrupts) and reads keys into w.keys
// until the process ends. It does nothing unless the view is on a
// terminal and stdin is one too.
func (w *watch) readKeys(stdin *os.File) {
	if !w.tty || !isTerminal(stdin) {
		return
	}
	restore, err := cbreak(stdin)
	if err != nil {
		return
	}
	w.restore = restore
	w.keys = make(chan byte, 16)
	go func(keys chan<- byte) {
		var b [1]byte
		for {
			if n, err := stdin.Read(b[:]); n == 0 || err != nil {
				return
			}
			select {
			case keys <- b[0]:
			default: // typed faster than drawn: dropped
			}
		}
	}(w.keys)
}

// pollKeys handles the keys pressed since the last call; it reports
// whether one asks to quit and whether the view must be redrawn now.
func (w *watch) pollKeys() (quit, redraw bool) {
	for {
		select {
		case k := <-w.keys:
			if w.key(k) {
				return true, false
			}
			redraw = true
		default:
			return false, redraw
		}
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

// tick is the capture's periodic call (every 100 ms, at time now on the
// capture or wall clock): it handles the keys pressed since the last one
// and redraws the view when a key asks for it or the interval is up,
// with frames read so far and the kernel's counters. It reports whether
// a key asks to quit.
func (w *watch) tick(now time.Time, frames uint64, st capture.LiveStats, ok bool) (quit bool) {
	redraw := false
	if w.keys != nil {
		if quit, redraw = w.pollKeys(); quit {
			return true
		}
	}
	if redraw || !now.Before(w.nextDraw) {
		w.nextDraw = now.Add(w.every)
		w.setStats(st, ok)
		w.frames = frames
		w.refresh(w.clock(), w.capClock())
	}
	return false
}

// note shows msg (a drop report) in the view's header for a while.
func (w *watch) note(msg string) {
	w.notes = append(w.notes, msg)
	if len(w.notes) > 3 {
		w.notes = w.notes[len(w.notes)-3:]
	}
}

// snapshot takes the view's snapshot of the table at time now on the
// capture clock.
func (w *watch) snapshot(now time.Time) printer.Snapshot {
	return printer.TakeSnapshot(maps.Values(w.live), now, watchTop, watchOldest)
}

// refresh redraws the view (unless paused) or writes one JSON record.
func (w *watch) refresh(now, capNow time.Time) {
	if w.tty {
		if w.paused && w.drawnPaused {
			return
		}
		w.draw(now, capNow)
		w.drawnPaused = w.paused
	} else {
		w.writeRecord(now, capNow, false, nil)
	}
	w.out.Flush()
}

// key handles a key pressed in the view; it reports whether it asks to
// quit.
func (w *watch) key(k byte) (quit bool) {
	switch k {
	case 'q', 'Q':
		return true
	case 'p', 'P', ' ':
		w.paused = !w.paused
		w.drawnPaused = false
	case 's', 'S':
		w.sortBy = printer.NextSort(w.sortBy)
	}
	return false
}

// fit returns the first of the variants of a line that fits in cols
// columns, or the last one cut to fit.
func fit(cols int, variants ...string) string {
	for _, v := range variants {
		if utf8.RuneCountInString(v) <= cols {
			return v
		}
	}
	r := []rune(variants[len(variants)-1])
	return string(r[:min(len(r), cols)])
}

// fitAll is fit for lines of one list, which all take the same form: the
// first in which all of them fit. Each line has the same number of
// variants.
func fitAll(cols int, lines [][]string) []string {
	out := make([]string, len(lines))
	if len(lines) == 0 {
		return out
	}
	level := len(lines[0]) - 1
	for l := range lines[0] {
		all := true
		for _, v := range lines {
			all = all && utf8.RuneCountInString(v[l]) <= cols
		}
		if all {
			level = l
			break
		}
	}
	for i, v := range lines {
		out[i] = fit(cols, v[level])
	}
	return out
}

func (w *watch) draw(now, capNow time.Time) {
	cols, rows := w.size()
	var lines []string
	add := func(variants ...string) { lines = append(lines, fit(cols, variants...)) }
	up := now.Sub(w.begin).Round(time.Second)
	state := ""
	if w.paused {
		state = "PAUSED    "
	}
	keys := "(Ctrl-C to stop)"
	if w.keys != nil {
		keys = "q quit  p pause  s sort: " + printer.SortName(w.sortBy)
	}
	add(fmt.Sprintf("%sflowtrace -i %s    up %s    %s    %s", state, w.iface, up, now.Format("15:04:05"), keys),
		fmt.Sprintf("%sflowtrace -i %s  up %s  %s", state, w.iface, up, keys),
		fmt.Sprintf("%s-i %s  up %s", state, w.iface, up))
	drops := "kernel statistics unavailable"
	short := "no kernel statistics"
	if w.kok {
		drops = fmt.Sprintf("received %d, dropped by kernel %d, by interface %d", w.kstats.Received, w.kstats.KernelDropped, w.kstats.IfaceDropped)
		short = fmt.Sprintf("dropped %d+%d", w.kstats.KernelDropped, w.kstats.IfaceDropped)
	}
	add(fmt.Sprintf("packets %d    %s", w.frames, drops), fmt.Sprintf("packets %d  %s", w.frames, short))
	for _, n := range w.notes {
		add("! " + n)
	}
	snap := w.snapshot(capNow)
	add(fmt.Sprintf("connections: %d in the table, %d ended", snap.Conns, w.ended))
	add("")
	printer.SortRows(snap.Rows, w.sortBy)
	// STATE, ENDPOINTS and OLDEST always fit in 34 columns; BUSIEST
	// takes what is left, as many places as fit, or none.
	add(fmt.Sprintf("%-13s %9s  %-8s  %s", "STATE", "ENDPOINTS", "OLDEST", "BUSIEST"))
	for _, r := range snap.Rows {
		head := fmt.Sprintf("%-13s %9d  %-8s", r.State, r.N, printer.FormatAge(r.Oldest))
		var variants []string
		for n := len(r.Busiest); n > 0; n-- {
			var b strings.Builder
			for i, t := range r.Busiest[:n] {
				if i > 0 {
					b.WriteString(", ")
				}
				fmt.Fprintf(&b, "%s %d", t.Name, t.N)
			}
			variants = append(variants, head+"  "+b.String())
		}
		add(append(variants, strings.TrimRight(head, " "))...)
	}
	if len(snap.Oldest) > 0 {
		add("")
		add("oldest in CLOSE-WAIT, FIN-WAIT-2, LAST-ACK, SYN-RECEIVED", "oldest lingering endpoints")
		var list [][]string
		for _, l := range snap.Oldest {
			age := printer.FormatAge(l.Age)
			role := l.Side.Role()
			list = append(list, []string{fmt.Sprintf("c%d %s %s %s ← %s  %s for %s", l.Conn, l.UID, role, l.Addr, l.Peer, l.State, age),
				fmt.Sprintf("c%d %s %s ← %s  %s for %s", l.Conn, role, l.Addr, l.Peer, l.State, age),
				fmt.Sprintf("c%d %s %s  %s for %s", l.Conn, role, l.Addr, l.State, age),
				fmt.Sprintf("c%d %s %s %s", l.Conn, role, l.State, age)})
		}
		lines = append(lines, fitAll(cols, list)...)
	}
	add("")
	add("recent transitions")
	room := rows - len(lines) - 1
	n := min(w.nrec, watchRecent, uint64(max(room, 0)))
	var recent [][]string
	for i := w.nrec - n; i < w.nrec; i++ {
		e := w.recent[i%watchRecent]
		side := e.ev.Side.Role()
		change := fmt.Sprintf("%s %s → %s", side, e.ev.From, e.ev.To)
		clock := e.ev.Time.UTC().Format("15:04:05.000000")
		recent = append(recent, []string{fmt.Sprintf("%s c%d %s > %s  %s (%s)", clock, e.id, e.orig, e.resp, change, e.ev.Reason),
			fmt.Sprintf("%s c%d %s > %s  %s", clock, e.id, e.orig, e.resp, change),
			fmt.Sprintf("%s c%d  %s (%s)", e.ev.Time.UTC().Format("15:04:05"), e.id, change, e.ev.Reason),
			fmt.Sprintf("%s c%d  %s", e.ev.Time.UTC().Format("15:04:05"), e.id, change),
			fmt.Sprintf("c%d %s", e.id, change)})
	}
	lines = append(lines, fitAll(cols, recent)...)
	w.out.WriteString("\x1b[H")
	for i, l := range lines {
		if i >= rows {
			break
		}
		w.out.WriteString(l)
		w.out.WriteString("\x1b[K\r\n")
	}
	w.out.WriteString("\x1b[J")
	w.drawn = true
}

// writeRecord writes a "summary" record: "final" false every interval,
// true once at the end (then sum is the run's summary).
func (w *watch) writeRecord(now, capNow time.Time, final bool, sum *printer.Summary) {
	w.records++
	live := printer.LiveSummary{
		Time: now, Final: final, Iface: w.iface, Elapsed: now.Sub(w.begin),
		Kernel: w.kok, Received: w.kstats.Received, DroppedKernel: w.kstats.KernelDropped, DroppedIface: w.kstats.IfaceDropped,
		Snap: w.snapshot(capNow),
	}
	if sum == nil {
		sum = &printer.Summary{Frames: w.frames}
	}
	w.buf = printer.AppendSummary(w.buf[:0], sum, w.ended, &w.hist, &live)
	w.out.Write(w.buf)
}

// Close ends the view: on a terminal it restores the screen and prints
// the connection table and histogram; otherwise it writes the final
// summary record.
func (w *watch) Close(sum printer.Summary) error {
	w.frames = sum.Frames
	if !w.tty {
		w.writeRecord(w.clock(), w.capClock(), true, &sum)
		return w.out.Flush()
	}
	if w.restore != nil {
		w.restore()
	}
	w.out.WriteString("\x1b[?25h\x1b[?1049l")
	if err := w.out.Flush(); err != nil {
		return err
	}
	return w.final.Close(sum)
}
