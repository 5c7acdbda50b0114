package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/internal/flagdoc"
	"github.com/flowtrace/flowtrace/printer"
	"github.com/flowtrace/flowtrace/report"
	"github.com/flowtrace/flowtrace/sink/clickhouse"
	"github.com/flowtrace/flowtrace/tracker"
)

// Live capture timing.
const (
	// liveTick is how often the capture loop looks at the signals, the
	// --duration deadline and the wall clock, packets or not.
	liveTick = 100 * time.Millisecond
	// liveStatsEvery is how often the kernel's drop counters are read
	// (and new drops reported) and the -w file and conn.log are flushed.
	liveStatsEvery = time.Second
	// liveRingPoll is the read timeout of the rings when there are
	// several (shard.Live): an idle worker's wake-up, when it hands the
	// merger a bound the busy workers' output waits for.
	liveRingPoll = 5 * time.Millisecond
	// liveClockLag is how far behind the wall clock the capture clock is
	// advanced on a quiet link. A timer fires only once no packet stamped
	// before its deadline can still be on its way through the kernel's
	// ring (immediate mode delivers at once; block mode within the 100 ms
	// read timeout), so the events come out in the same order as when the
	// -w file is replayed.
	liveClockLag = 500 * time.Millisecond
	// liveFlushEvery is the most output waits in the printer's buffer on
	// a busy link (on a quiet one it goes out when the capture is idle).
	liveFlushEvery = 100 * time.Millisecond
)

// liveConfig holds -i and the flags that go with it.
type liveConfig struct {
	iface         string
	list          bool
	noPromisc     bool
	snaplen       int
	bufferKiB     int
	immediate     bool
	write         string
	duration      time.Duration
	user          string
	keepRoot      bool
	watch         bool
	watchInterval time.Duration
}

func addLiveFlags(fs *pflag.FlagSet, c *liveConfig) {
	fs.StringVarP(&c.iface, "interface", "i", "", "capture live on `IFACE` (\"any\" for all interfaces); needs root or CAP_NET_RAW")
	fs.BoolVarP(&c.list, "list-interfaces", "D", false, "list the interfaces -i can capture on, and exit")
	fs.BoolVarP(&c.noPromisc, "no-promiscuous-mode", "p", false, "do not put the interface in promiscuous mode")
	fs.IntVarP(&c.snaplen, "snapshot-length", "s", capture.DefaultSnaplen, "keep at most `N` bytes of each frame (0: 262144); payload lengths come from the IP header")
	fs.IntVarP(&c.bufferKiB, "buffer-size", "B", 0, "kernel capture buffer in `KiB`, divided among the AF_PACKET rings (default: 16 MiB per ring, libpcap's 2 MiB for -i any)")
	fs.BoolVar(&c.immediate, "immediate-mode", true, "deliver each packet at once; --immediate-mode=false lets the kernel batch them (fewer wake-ups under load)")
	fs.StringVarP(&c.write, "write", "w", "", "live: also save every frame to `FILE` (pcap), written after privileges are dropped; with -r: the packets of the selected connections")
	fs.DurationVar(&c.duration, "duration", 0, "stop a live capture after `D` (0: until Ctrl-C or SIGTERM)")
	fs.StringVarP(&c.user, "relinquish-privileges", "Z", "nobody", "when started as root, switch to `USER` once the interface is open")
	fs.BoolVar(&c.keepRoot, "keep-root", false, "stay root during a live capture (no -Z)")
	fs.BoolVar(&c.watch, "watch", false, "live: a refreshed view of states (on a terminal) or periodic summary JSON records (--json, or when stdout is not a terminal), instead of the transcript")
	fs.DurationVar(&c.watchInterval, "watch-interval", time.Second, "how often --watch refreshes")
	flagdoc.SetGroup(fs, groupLive, "interface", "list-interfaces", "no-promiscuous-mode", "snapshot-length", "buffer-size",
		"immediate-mode", "write", "duration", "relinquish-privileges", "keep-root", "watch", "watch-interval")
	flagdoc.SetComplete(fs, "interface", flagdoc.CompleteIface)
	flagdoc.SetComplete(fs, "write", flagdoc.CompleteFile)
	flagdoc.SetComplete(fs, "relinquish-privileges", flagdoc.CompleteUser)
}

// checkLiveFlags rejects combinations that make no sense.
func checkLiveFlags(fs *pflag.FlagSet, c *config) error {
	l := &c.live
	if l.list {
		var others []string
		fs.Visit(func(f *pflag.Flag) {
			if f.Name != "list-interfaces" && f.Name != "numeric" {
				others = append(others, "--"+f.Name)
			}
		})
		if len(fs.Args()) > 0 {
			others = append(others, "a filter")
		}
		if len(others) > 0 {
			return usagef("-D lists interfaces and takes no other flag or argument (got %s)", strings.Join(others, ", "))
		}
		return nil
	}
	if c.read != "" && l.iface != "" {
		return usagef("-r and -i are exclusive: read a file or capture live, not both")
	}
	if l.write == "-" {
		return usagef("-w - would mix raw packets with the output on stdout; give a file name")
	}
	if l.iface == "" {
		for _, name := range []string{"no-promiscuous-mode", "snapshot-length", "buffer-size", "immediate-mode",
			"duration", "relinquish-privileges", "keep-root", "watch", "watch-interval"} {
			if fs.Changed(name) {
				f := fs.Lookup(name)
				flag := "--" + name
				if f.Shorthand != "" {
					flag = "-" + f.Shorthand
				}
				return usagef("%s needs a live capture (-i IFACE)", flag)
			}
		}
		return nil
	}
	switch {
	case fs.Changed("relinquish-privileges") && l.keepRoot:
		return usagef("-Z and --keep-root are exclusive: switch to a user or stay root")
	case l.user == "":
		return usagef("-Z needs a user name")
	case l.snaplen < 0 || l.snaplen > capture.MaxSnaplen:
		return usagef("-s must be between 0 and %d, not %d", capture.MaxSnaplen, l.snaplen)
	case fs.Changed("buffer-size") && (l.bufferKiB <= 0 || l.bufferKiB > 1<<21):
		return usagef("-B must be between 1 and %d KiB, not %d", 1<<21, l.bufferKiB)
	case fs.Changed("duration") && l.duration <= 0:
		return usagef("--duration must be positive, not %v", l.duration)
	case l.watch && c.verbose:
		return usagef("--watch and -v are exclusive: the watch view shows no per-packet lines")
	case l.watchInterval < 100*time.Millisecond:
		return usagef("--watch-interval must be at least 100ms, not %v", l.watchInterval)
	case fs.Changed("watch-interval") && !l.watch:
		return usagef("--watch-interval needs --watch")
	}
	if l.snaplen == 0 {
		l.snaplen = capture.MaxSnaplen
	}
	return nil
}

// listInterfaces is -D: tcpdump's list, numbered, with flags.
func listInterfaces(stdout io.Writer) error {
	ifs, err := capture.Interfaces()
	if err != nil {
		return err
	}
	for i, x := range ifs {
		var fl []string
		if x.Up {
			fl = append(fl, "Up")
		}
		if x.Running {
			fl = append(fl, "Running")
		}
		if x.Loopback {
			fl = append(fl, "Loopback")
		}
		line := fmt.Sprintf("%d.%s", i+1, x.Name)
		if x.Description != "" {
			line += " (" + x.Description + ")"
		}
		if len(fl) > 0 {
			line += " [" + strings.Join(fl, ", ") + "]"
		}
		for j, a := range x.Addrs {
			if j == 0 {
				line += " "
			} else {
				line += ","
			}
			line += a.String()
		}
		fmt.Fprintln(stdout, line)
	}
	return nil
}

// analyseLive is -i: capture, drop privileges, track and print until
// Ctrl-C, SIGTERM, -c, --duration or the interface going away.
func analyseLive(ctx context.Context, cfg *config, stdout, stderr io.Writer) error {
	l := &cfg.live
	opts := capture.DefaultLiveOptions()
	opts.Snaplen = l.snaplen
	opts.Promisc = !l.noPromisc
	opts.BufferSize = l.bufferKiB << 10
	opts.Immediate = l.immediate
	opts.Filter = cfg.filter
	opts.Rings, _ = cfg.liveShards() // workers.go
	if opts.Rings > 1 {
		// An idle worker hands the merger a bound at every read
		// timeout: keep them short, so that the busy ones' output
		// is not held (shard.Live).
		opts.Timeout = liveRingPoll
	}
	src, err := capture.OpenLive(l.iface, opts)
	if err != nil {
		return liveOpenError(err, capture.NetRawStatus())
	}
	defer src.Close()

	dropped := false
	if !l.keepRoot {
		if dropped, err = dropPrivileges(l.user); err != nil {
			return err
		}
	}
	return runLive(ctx, cfg, src, src.Stats, time.Now, dropped, stdout, stderr)
}

// runLive is the live capture once the interface is open and privileges
// are dropped: tests call it with a fake source and clock.
func runLive(ctx context.Context, cfg *config, src frameSource, stats func() (capture.LiveStats, error),
	now func() time.Time, dropped bool, stdout, stderr io.Writer) error {
	l := &cfg.live
	var pw *capture.PcapWriter
	if l.write != "" {
		// Opened after the drop, as tcpdump -Z does: the file belongs
		// to the unprivileged user and root never writes where it is
		// told to.
		f, err := os.OpenFile(l.write, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return writeOpenError(err, l, dropped)
		}
		pw, err = capture.NewPcapWriter(f, src.LinkType(), src.Snaplen())
		if err != nil {
			f.Close()
			return fmt.Errorf("-w %s: %w", l.write, err)
		}
	}

	as := ""
	if dropped {
		as = ", running as " + l.user
	}
	path := ""
	if p, ok := src.(interface{ Path() string }); ok && p.Path() != "" {
		path = ", through " + p.Path()
	}
	rings := liveRings(src)
	switch _, why := cfg.liveShards(); {
	case why != "":
		path += ", one worker (" + why + ")"
	case len(rings) < 2 && cfg.workers > 1 && strings.HasSuffix(path, "libpcap"):
		path += ", one worker (libpcap has no fanout)"
	}
	fmt.Fprintf(stderr, "flowtrace: listening on %s, link-type %s, snapshot length %d bytes%s%s\n", l.iface, src.LinkType(), src.Snaplen(), path, as)

	ls := &liveSource{
		src: src, drops: capture.NewDrops(stats), now: now, ctx: ctx, w: pw,
		iface: l.iface, stderr: stderr,
	}
	if l.duration > 0 {
		ls.deadline = now().Add(l.duration)
	}
	var out observer
	var sink findings.Sink
	var w *watch
	if l.watch {
		w = newWatch(stdout, cfg, l.iface)
		w.clock = now
		out = w
		w.every = l.watchInterval
		w.readKeys(os.Stdin)
		ls.watch = w
	} else {
		p := newPrinter(cfg, stdout, stderr)
		out = p
		sink = sinkOf(p)
		ls.flush = printer.NewFlusher(p, liveFlushEvery)
	}
	// Created after the privilege drop, like the -w file.
	out, zl, err := withZeekLog(cfg, out)
	if err != nil {
		if pw != nil {
			pw.Close()
		}
		if errors.Is(err, os.ErrPermission) && dropped {
			err = fmt.Errorf("%w\n  flowtrace writes --zeek-log files as user %s, after giving up root: choose a directory %s can write to, -Z USER, or --keep-root", err, l.user, l.user)
		}
		return err
	}
	ls.zeek = zl
	var obs tracker.Observer = out
	if cfg.drill.filter.Active() {
		obs, _ = selectObserver(cfg, out, l.iface, stderr)
	}
	obs, sink, sk, err := withSink(cfg, obs, zeekFindings(sink, zl), stderr)
	if err != nil {
		if pw != nil {
			pw.Close()
		}
		return err
	}
	obs, sink, rep, err := withReport(cfg, l.iface, obs, sink)
	if err != nil {
		closeSink(sk)
		if pw != nil {
			pw.Close()
		}
		return err
	}
	obs, eng := withFindings(&cfg.findings, obs, sink)
	tcfg := cfg.tracker
	tcfg.KeepConns = w != nil || sk != nil // they keep *Conn between callbacks
	if len(rings) > 1 {
		// liveShards kept --watch, -w and a sink on one ring.
		return finishLive(cfg, ls, trackLive(ctx, cfg, rings, tcfg, obs, eng, ls), out, eng, rep, sk, stderr) // workers.go
	}
	tr := tracker.New(tcfg, obs)
	ls.tr = tr
	ls.clock = tr.Now
	ls.eng = eng
	if w != nil {
		w.capClock = tr.Now // ages are on the capture clock
	}
	rd := capture.NewReader(ls) // the filter runs in the kernel
	rd.SetTunnels(cfg.tunnelTable())
	rd.SetChecksums(cfg.checksums)
	rd.SetDatagrams(true) // ICMP errors and UDP probes
	feedFragments(rd, eng)

	if w != nil {
		w.start(now())
	}
	readErr := trackAll(context.Background(), cfg, rd, tr, nil)
	ls.finish()
	if readErr == nil && ls.err != nil {
		readErr = ls.err
	}
	return finishLive(cfg, ls, liveResult{tr, rd, readErr}, out, eng, rep, sk, stderr)
}

// liveResult is what tracked a live capture: its tracker, its segments (for
// the summary) and why the capture ended.
type liveResult struct {
	tr  tracking
	rd  segments
	err error
}

// finishLive ends a live capture once its input has: the summary, the
// observers' and writers' ends, the statistics.
func finishLive(cfg *config, ls *liveSource, run liveResult, out observer, eng *findings.Engine,
	rep *report.Report, sk *clickhouse.Sink, stderr io.Writer) error {
	l := &cfg.live
	w, pw, readErr := ls.watch, ls.w, run.err
	if rep != nil {
		rep.InputEnded()
	}
	sinkEndOfInput(sk)
	sum := finish(run.rd, run.tr)
	if eng != nil {
		eng.Close()
	}
	var closeErr error
	if err := closeSink(sk); err != nil {
		closeErr = err
	}
	if w != nil {
		w.setStats(ls.drops.Last())
	}
	if err := out.Close(sum); err != nil {
		closeErr = fmt.Errorf("write output: %w", err)
	}
	if rep != nil {
		if err := rep.Close(); err != nil && closeErr == nil {
			closeErr = err
		}
	}
	cfg.rotation.Wait()
	if pw != nil {
		if err := pw.Close(); err != nil && readErr == nil {
			readErr = fmt.Errorf("-w %s: %w", l.write, err)
		}
	}
	diagnose(stderr, l.iface, sum, cfg)
	ls.report(stderr, sum)
	if closeErr != nil {
		return closeErr
	}
	return readErr
}

// liveOpenError adds what to do about it to an error opening the
// interface. nr is the process's hold on CAP_NET_RAW, the only
// capability capturing needs, which says why it was refused.
func liveOpenError(err error, nr capture.NetRaw) error {
	var pe *capture.PermissionError
	var ne *capture.NoInterfaceError
	switch {
	case errors.As(err, &pe):
		return fmt.Errorf("%w\n%s", err, permissionAdvice(nr))
	case errors.As(err, &ne):
		return fmt.Errorf("%w\n  flowtrace -D lists them; -i any captures on all", err)
	case errors.Is(err, capture.ErrBadFilter):
		return &usageError{err.Error()}
	}
	return err
}

// permissionAdvice says how to get CAP_NET_RAW where the process is.
func permissionAdvice(nr capture.NetRaw) string {
	switch {
	case !nr.Bounding:
		return "  capturing needs CAP_NET_RAW, which this process cannot get: its capability bounding set lacks it\n" +
			"  (a container started without it?): docker run --cap-add NET_RAW, or add NET_RAW to the pod's securityContext.capabilities"
	case nr.NoNewPrivs && !nr.Permitted:
		return "  capturing needs CAP_NET_RAW; file capabilities are ignored here because no_new_privs is set\n" +
			"  (Kubernetes allowPrivilegeEscalation: false, systemd NoNewPrivileges=yes, docker --security-opt no-new-privileges)"
	}
	exe, err := os.Executable()
	if err != nil {
		exe = "/path/to/flowtrace"
	}
	return "  capturing needs root or the capability CAP_NET_RAW (nothing else):\n" +
		"  run it with sudo, or grant it once with: sudo setcap cap_net_raw=p " + exe
}

func writeOpenError(err error, l *liveConfig, dropped bool) error {
	if errors.Is(err, os.ErrPermission) && dropped {
		return fmt.Errorf("-w: %w\n  flowtrace writes -w files as user %s, after giving up root: choose a directory %s can write to, -Z USER, or --keep-root", err, l.user, l.user)
	}
	return fmt.Errorf("-w: %w", err)
}

// frameSource is what liveSource reads: a *capture.Live, or a fake in
// tests.
type frameSource interface {
	ReadFrame() ([]byte, capture.FrameInfo, capture.LinkType, error)
	LinkType() capture.LinkType
	Snaplen() int
}

// liveSource turns a live capture into a capture.Source that a Reader
// can read to the end: a read loop that tees every frame to the -w file
// and hides read timeouts, advancing the tracker's clock on a quiet link
// instead, and ends the input (io.EOF) on a signal, at the --duration
// deadline or on a write error. Every liveTick it does the periodic work
// of the parts that own it: the kernel's counters (capture.Drops), the
// writers' flushes, the watch view's keys and redraws (watch.tick). All of
// this runs on the reading goroutine, between the tracker's calls:
// nothing here is concurrent.
type liveSource struct {
	src      frameSource
	drops    *capture.Drops
	now      func() time.Time
	ctx      context.Context
	deadline time.Time
	tr       *tracker.Tracker
	eng      *findings.Engine // nil with --no-findings or --watch
	w        *capture.PcapWriter
	zeek     *printer.ZeekLog    // --zeek-log, flushed with -w
	clock    func() time.Time    // the capture clock (the tracker's)
	rings    []capture.LiveStats // per ring, at the last poll, with several
	iface    string
	stderr   io.Writer
	watch    *watch           // --watch, or nil
	flush    *printer.Flusher // the printer's; nil with --watch

	frames              uint64 // frames read
	nextTick, nextStats time.Time
	stopped             string // why the input ended, "" while it runs
	err                 error  // a -w write error, reported at the end
}

var _ capture.Source = (*liveSource)(nil)

func (s *liveSource) LinkType() capture.LinkType { return s.src.LinkType() }
func (s *liveSource) Close() error               { return nil } // analyseLive closes the capture

// ReadFrame returns the next frame, or io.EOF once the capture is to
// stop.
func (s *liveSource) ReadFrame() ([]byte, capture.FrameInfo, capture.LinkType, error) {
	for s.stopped == "" {
		data, ci, link, err := s.src.ReadFrame()
		switch {
		case err == nil:
			s.frame(data, ci)
			return data, ci, link, nil
		case errors.Is(err, capture.ErrTimeout):
			s.idle()
		default:
			s.stopped = "stopped by an error"
			return nil, ci, 0, err
		}
	}
	return nil, capture.FrameInfo{}, 0, io.EOF
}

// frame tees a frame to -w and does the periodic work when it is due on
// the capture clock (on a busy link the latest packet's timestamp is
// close to the wall clock, and costs nothing).
func (s *liveSource) frame(data []byte, ci capture.FrameInfo) {
	s.frames++
	if s.w != nil {
		if werr := s.w.WritePacket(ci, data); werr != nil {
			s.err = fmt.Errorf("-w: %w", werr)
			s.stopped = "stopped by a write error"
		}
	}
	if s.flush != nil {
		s.flush.Tick(ci.Timestamp)
	}
	if !ci.Timestamp.Before(s.nextTick) {
		s.tick(ci.Timestamp)
	}
}

// idle is a quiet link: the kernel's ring is empty, so every packet
// stamped before now has been read. Timers (TIME-WAIT, idle) fire on the
// wall clock, a little behind it.
func (s *liveSource) idle() {
	now := s.now()
	s.tr.Advance(now.Add(-liveClockLag))
	if s.eng != nil {
		s.eng.Advance(now.Add(-liveClockLag))
	}
	if s.flush != nil {
		s.flush.Idle()
	}
	s.tick(now)
}

// shardTick is the periodic work of a capture on several rings
// (shard.Live.Run calls it on this goroutine): the printer's flushes, the
// findings' clock on a quiet link, and tick every liveTick. It returns
// true once the capture is to stop.
func (s *liveSource) shardTick(now time.Time, idle bool) bool {
	if s.ctx.Err() != nil && s.stopped == "" {
		s.stopped = "stopped by a signal"
	}
	if idle {
		if s.eng != nil {
			s.eng.Advance(now.Add(-liveClockLag))
		}
		if s.flush != nil {
			s.flush.Idle()
		}
	} else if s.flush != nil {
		s.flush.Tick(now)
	}
	if !now.Before(s.nextTick) {
		s.tick(now)
	}
	return s.stopped != ""
}

// tick does what must happen every liveTick whether packets arrive or
// not.
func (s *liveSource) tick(now time.Time) {
	s.nextTick = now.Add(liveTick)
	switch {
	case s.ctx.Err() != nil:
		s.stopped = "stopped by a signal"
	case !s.deadline.IsZero() && !now.Before(s.deadline):
		s.stopped = "stopped after --duration"
	}
	if !now.Before(s.nextStats) || s.stopped != "" {
		s.nextStats = now.Add(liveStatsEvery)
		s.poll()
		s.flushWriters()
	}
	if s.flush != nil && s.flush.Err() != nil && s.stopped == "" {
		s.stopped = "stopped by a write error" // Close reports it
	}
	if s.watch != nil && s.stopped == "" {
		st, ok := s.drops.Last()
		if s.watch.tick(now, s.frames, st, ok) {
			s.stopped = "stopped by the q key"
		}
	}
}

// flushWriters flushes the -w file and the conn.log once a second.
func (s *liveSource) flushWriters() {
	if s.w != nil {
		if err := s.w.Flush(); err != nil && s.err == nil {
			s.err = fmt.Errorf("-w: %w", err)
			s.stopped = "stopped by a write error"
		}
	}
	if s.zeek != nil {
		// On a quiet link the capture clock follows the wall clock
		// (tracker.Advance): the logs rotate on time, as Zeek's do.
		if s.clock != nil {
			s.zeek.Advance(s.clock())
		}
		if err := s.zeek.Flush(); err != nil && s.err == nil {
			s.err = err
			s.stopped = "stopped by a write error"
		}
	}
}

// poll reads the kernel's counters and reports new drops as they happen.
func (s *liveSource) poll() {
	kd, id := s.drops.Poll()
	if r, ok := s.src.(interface {
		RingStats() ([]capture.LiveStats, error)
	}); ok && kd > 0 {
		if rs, err := r.RingStats(); err == nil && len(rs) > 1 {
			s.rings = rs
		}
	}
	if kd == 0 && id == 0 {
		return
	}
	st, _ := s.drops.Last()
	msg := fmt.Sprintf("%s: dropped %d packets in the kernel and %d at the interface since the last report (%d%s and %d in all); try a larger -B, a narrower filter, or --immediate-mode=false",
		s.iface, kd, id, st.KernelDropped, ringDrops(s.rings), st.IfaceDropped)
	if s.watch != nil && s.watch.tty {
		s.watch.note(msg)
	} else {
		fmt.Fprintf(s.stderr, "flowtrace: %s\n", msg)
	}
}

// finish reads the counters one last time, before the handle closes.
func (s *liveSource) finish() {
	if s.stopped == "" {
		s.stopped = "stopped after -c"
	}
	s.poll()
}

// ringDrops says how many packets each ring dropped, when there are
// several and one did: " (ring 0: N, ring 1: M)".
func ringDrops(rs []capture.LiveStats) string {
	var b strings.Builder
	for i, r := range rs {
		if r.KernelDropped > 0 {
			fmt.Fprintf(&b, ", ring %d: %d", i, r.KernelDropped)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return " (" + b.String()[2:] + ")"
}

// report writes the capture statistics on stderr, as tcpdump does.
func (s *liveSource) report(w io.Writer, sum printer.Summary) {
	st, ok := s.drops.Last()
	if !ok {
		fmt.Fprintf(w, "flowtrace: %s: %d packets captured (%s); kernel statistics unavailable\n", s.iface, sum.Frames, s.stopped)
		return
	}
	fmt.Fprintf(w, "flowtrace: %s: %d packets captured, %d received by filter, %d dropped by kernel%s, %d dropped by interface (%s)\n",
		s.iface, sum.Frames, st.Received, st.KernelDropped, ringDrops(s.rings), st.IfaceDropped, s.stopped)
}
