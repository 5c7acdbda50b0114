// Command flowtrace reads TCP traffic from a capture file or a network
// interface, replays both endpoints' RFC 9293 state machines for every
// connection, and prints each state transition with its reason, then a
// connection table and a histogram of final endpoint states.
//
//	flowtrace -r trace.pcap                 # annotated transcript
//	flowtrace -r trace.pcapng --json        # JSON Lines
//	tcpdump -w - | flowtrace -r -           # stdin
//	flowtrace -r trace.pcap 'tcp port 443'  # trailing arguments are a BPF filter
//	flowtrace -r trace.pcap --state CLOSE-WAIT  # output filters: the tracker still sees everything
//	flowtrace -r trace.pcap --conn UID -w c.pcap  # one connection, every packet, saved for Wireshark
//	sudo flowtrace -i eth0 -w s.pcap        # live capture, saved for replay
//	sudo flowtrace -i any --watch           # a refreshed view of states, like top
//
// Exit status: 0 on success (a live capture stopped by Ctrl-C or SIGTERM
// included), 1 on a runtime error (unreadable or damaged input, an
// interface that went down; everything read before is still analysed and
// printed), 2 on a usage error (bad flag, bad filter, conflicting flags,
// a rule that cannot be parsed), 3 when a check failed: a --forbid,
// --require or --max rule was broken or the output differs from --expect.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/internal/flagdoc"
	"github.com/flowtrace/flowtrace/internal/memlimit"
	"github.com/flowtrace/flowtrace/internal/profile"
	"github.com/flowtrace/flowtrace/printer"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/selection"
	"github.com/flowtrace/flowtrace/tracker"
)

// version is set at build time with -ldflags "-X main.version=…";
// without it --version reports the module version and the VCS revision
// that go build recorded (see versionString).
var version = ""

// Exit codes.
const (
	exitOK      = 0
	exitRuntime = 1
	exitUsage   = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	unlimit := memlimit.Start() // here, not in run: tests call run in-process
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	unlimit()
	stop()
	os.Exit(code)
}

// usageError is an error in how flowtrace was invoked: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// config is the parsed command line.
type config struct {
	read       string   // the input being analysed
	reads      []string // -r, repeated, globs unexpanded
	inputs     []string // the files -r names, globs expanded
	ci         ciConfig // assertions, goldens, JUnit (ci.go)
	json       bool
	zeekLog    string // --zeek-log DIR
	rotate     time.Duration
	rotateCmd  string
	rotation   *printer.Rotation // the logs' rotation (withZeekLog), nil without --rotate
	verbose    bool
	quiet      bool
	count      uint64
	filter     string
	progress   string
	numeric    int // -n, -nn: accepted for tcpdump's sake; nothing is ever resolved
	tracker    tracker.Config
	workers    int              // --workers (workers.go)
	workersSet bool             // --workers was given (a live capture's default differs)
	drill      drillConfig      // output filters (drill.go)
	tunnels    *capture.Tunnels // describes decoded tunnels to the printers; see tunnelTable
	live       liveConfig       // -i and the flags that go with it (live.go)
	help       bool
	version    bool
	completion string
	utc        bool // times in UTC, not local time
	tstamp     int  // -t given this many times (tcpdump's timestamp formats)
	wide       bool // every column of the connection table
	lineBuf    bool // -l
	pktBuf     bool // -U
	checksums  capture.ChecksumMode
	profiles   profile.Profiles // --cpuprofile, --memprofile
	findings   findingsConfig   // findings.go
	report     reportConfig     // report.go
	sink       sinkConfig       // sink.go
}

// Flag groups: the sections of --help and of the man page.
const (
	groupInput   = "Input"
	groupOutput  = "Output"
	groupDrill   = "Output filters (what is printed, not what is tracked)"
	groupTracker = "Tracker"
	groupLive    = "Live capture"
	groupProfile = "Profiling"
	// groupFindings ("Findings") is in findings.go.
)

// newFlagSet defines every flag, bound to c. The parser, --help, the man
// page and the shell completions all come from it (see docs.go), so a
// flag added here appears in all of them; put it in a group with
// flagdoc.SetGroup, or it lands under "Other".
func newFlagSet(c *config) *pflag.FlagSet {
	fs := pflag.NewFlagSet("flowtrace", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	fs.StringArrayVarP(&c.reads, "read", "r", nil, "read packets from `FILE` (pcap or pcapng, optionally gzip or zstd compressed; - for stdin); repeat it or give a glob ('traces/*.pcap') to check several inputs in turn")
	fs.Uint64VarP(&c.count, "count", "c", 0, "stop after `N` TCP segments (0: no limit)")
	fs.CountVarP(&c.numeric, "numeric", "n", "accepted for tcpdump compatibility, as is -nn: flowtrace never resolves addresses or ports")
	fs.StringVar(&c.progress, "progress", "auto", "progress line on stderr while reading a file: `MODE` is auto (when stderr is a terminal), always or never")
	fs.Var(checksumFlag{&c.checksums}, "checksums", "verify IPv4 header and TCP checksums: `MODE` is auto (verify, except from senders that offload checksums), verify or off; a segment with a bad checksum is noted and not applied")
	flagdoc.SetGroup(fs, groupInput, "read", "count", "numeric", "progress", "checksums")
	flagdoc.SetComplete(fs, "read", flagdoc.CompleteFile)
	flagdoc.SetComplete(fs, "progress", "auto", "always", "never")
	flagdoc.SetComplete(fs, "checksums", "auto", "verify", "off")

	fs.BoolVar(&c.json, "json", false, "write JSON Lines instead of the text transcript")
	fs.BoolVarP(&c.verbose, "verbose", "v", false, "print every packet, not only those that change an endpoint's state or show trouble")
	fs.BoolVarP(&c.quiet, "quiet", "q", false, "print no transcript, only the tables (with --json, only conn and summary records)")
	fs.StringVar(&c.zeekLog, "zeek-log", "", "also write a Zeek conn.log (TSV) into `DIR`, created if missing, and probes.log and findings.log when there are probes or findings")
	fs.DurationVar(&c.rotate, "rotate", 0, "rotate the --zeek-log logs as Zeek does: every D on the capture clock (1h: on the hour, UTC) each is closed and renamed PATH.YYYY-MM-DD-HH-MM-SS.log")
	fs.StringVar(&c.rotateCmd, "rotate-cmd", "", "after each rotation run `CMD` with the rotated file, the log's path, open and close times, 1 if it is the last, and \"ascii\" (Zeek's postprocessor arguments)")
	fs.BoolVarP(&c.lineBuf, "line-buffered", "l", false, "write out every line or JSON record at once (the default live on a terminal)")
	fs.BoolVarP(&c.pktBuf, "packet-buffered", "U", false, "write out each packet's lines or records at once")
	fs.CountVarP(&c.tstamp, "timestamps", "t", "timestamp format, counted as by tcpdump: -t none, -tt epoch seconds, -ttt delta since the previous line, -tttt date and time, -ttttt delta since the first packet")
	fs.BoolVar(&c.utc, "utc", false, "times in UTC instead of local time (TZ also applies), printed and read by --since/--until")
	fs.BoolVar(&c.wide, "wide", false, "connection table with every column: uid, both full timestamps, packets and bytes per direction")
	flagdoc.SetGroup(fs, groupOutput, "json", "verbose", "quiet", "zeek-log", "rotate", "rotate-cmd", "line-buffered", "packet-buffered", "timestamps", "utc", "wide")
	flagdoc.SetComplete(fs, "zeek-log", flagdoc.CompleteFile)

	addDrillFlags(fs, &c.drill)
	flagdoc.SetGroup(fs, groupDrill, "conn", "state", "conn-state", "ended", "port", "since", "until")

	fs.DurationVar(&c.tracker.TimeWait, "time-wait", tracker.DefaultTimeWait, "how long TIME-WAIT lasts (2×MSL) on the capture clock, and how long after a close stray segments attach to the closed connection")
	fs.DurationVar(&c.tracker.FinTimeout, "fin-timeout", tracker.DefaultFinTimeout, "how long an orphaned FIN-WAIT-2 lasts on the capture clock (Linux tcp_fin_timeout)")
	fs.DurationVar(&c.tracker.IdleTimeout, "idle-timeout", tracker.DefaultIdleTimeout, "expire connections idle this long on the capture clock")
	fs.IntVar(&c.tracker.MaxConns, "max-conns", tracker.DefaultMaxConns, "most connections tracked at once; beyond it the one nearest expiry is evicted")
	fs.IntVar(&c.workers, "workers", defaultWorkers(), "track connections on `N` cores (default: one per CPU; live, one fewer, leaving a core to the merger), sharded by 4-tuple: a file's output is identical to one worker's; a live capture (-i) reads N AF_PACKET rings in one fanout group. --max-conns is divided among them. Standard input, -i any, -c, -w, --watch and --sink use one")
	fs.Lookup("workers").DefValue = "" // the machine's, not the program's: not printed
	flagdoc.SetGroup(fs, groupTracker, "time-wait", "fin-timeout", "idle-timeout", "max-conns", "workers")

	addFindingsFlags(fs, &c.findings)

	addReportFlags(fs, &c.report)

	addLiveFlags(fs, &c.live)

	addCIFlags(fs, &c.ci)

	fs.StringVar(&c.profiles.CPU, "cpuprofile", "", "write a Go CPU profile of the run to `FILE` (go tool pprof reads it)")
	fs.StringVar(&c.profiles.Mem, "memprofile", "", "write a Go heap profile, taken at the end of the run, to `FILE`")
	flagdoc.SetGroup(fs, groupProfile, "cpuprofile", "memprofile")
	flagdoc.SetComplete(fs, "cpuprofile", flagdoc.CompleteFile)
	flagdoc.SetComplete(fs, "memprofile", flagdoc.CompleteFile)

	addSinkFlags(fs, &c.sink)

	fs.BoolVar(&c.version, "version", false, "print the version and exit")
	fs.StringVar(&c.completion, "completion", "", "print a completion script for `SHELL` (bash or zsh) and exit")
	fs.BoolVarP(&c.help, "help", "h", false, "show this help and exit")
	flagdoc.SetComplete(fs, "completion", "bash", "zsh")
	return fs
}

// parseFlags parses and checks the command line. With --help, --version
// or --completion it checks nothing else: run prints what they ask for.
func parseFlags(args []string, stderr io.Writer) (*config, error) {
	var c config
	fs := newFlagSet(&c)
	if err := fs.Parse(args); err != nil {
		return nil, usagef("%v", err)
	}
	if fs.Changed("completion") && c.completion != "bash" && c.completion != "zsh" {
		return nil, usagef("--completion must be bash or zsh, not %q", c.completion)
	}
	if c.help || c.version || c.completion != "" {
		return &c, nil
	}
	c.filter = strings.Join(fs.Args(), " ")
	inputs, err := expandInputs(c.reads)
	if err != nil {
		return nil, err
	}
	c.inputs = inputs
	if len(inputs) > 0 {
		c.read = inputs[0]
	}
	if err := checkLiveFlags(fs, &c); err != nil {
		return nil, err
	}
	if err := checkCIFlags(fs, &c); err != nil {
		return nil, err
	}
	if err := checkDrillFlags(&c); err != nil {
		return nil, err
	}
	if err := checkFindingsFlags(&c.findings); err != nil {
		return nil, err
	}
	if err := checkReportFlags(fs, &c.report); err != nil {
		return nil, err
	}
	if err := checkSinkFlags(fs, &c.sink); err != nil {
		return nil, err
	}
	c.workersSet = fs.Changed("workers")
	switch {
	case c.read == "" && c.live.iface == "" && !c.live.list:
		return nil, usagef("no input: give -r FILE (or -r - for standard input), or -i IFACE to capture live")
	case c.quiet && c.verbose:
		return nil, usagef("-q and -v are exclusive: -q prints no packet lines, -v prints every one")
	case c.tracker.TimeWait <= 0:
		return nil, usagef("--time-wait must be positive, not %v", c.tracker.TimeWait)
	case c.tracker.FinTimeout <= 0:
		return nil, usagef("--fin-timeout must be positive, not %v", c.tracker.FinTimeout)
	case c.tracker.IdleTimeout <= 0:
		return nil, usagef("--idle-timeout must be positive, not %v", c.tracker.IdleTimeout)
	case c.tracker.MaxConns <= 0:
		return nil, usagef("--max-conns must be positive, not %d", c.tracker.MaxConns)
	case c.workers <= 0 || c.workers > maxWorkers:
		return nil, usagef("--workers must be from 1 to %d, not %d", maxWorkers, c.workers)
	case fs.Changed("zeek-log") && c.zeekLog == "":
		return nil, usagef("--zeek-log needs a directory")
	case (fs.Changed("rotate") || fs.Changed("rotate-cmd")) && c.zeekLog == "":
		return nil, usagef("--rotate and --rotate-cmd need --zeek-log")
	case c.rotate < 0 || fs.Changed("rotate") && c.rotate < time.Second:
		return nil, usagef("--rotate must be at least 1s, not %v", c.rotate)
	case c.rotateCmd != "" && c.rotate == 0:
		return nil, usagef("--rotate-cmd needs --rotate")
	case c.tstamp > printer.MaxTimeCount:
		return nil, usagef("only -t, -tt, -ttt, -tttt and -ttttt are supported")
	case c.progress != "auto" && c.progress != "always" && c.progress != "never":
		return nil, usagef("--progress must be auto, always or never, not %q", c.progress)
	}
	return &c, nil
}

// run is flowtrace without the process around it: it returns the exit
// status instead of exiting, so tests can call it.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "schema" {
		return exitCode(runSchema(args[1:], stdout), stderr)
	}
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "flowtrace: %v\nRun 'flowtrace --help' for usage.\n", err)
		return exitUsage
	}
	switch {
	case cfg.help:
		err = flagdoc.Help(stdout, newFlagSet(&config{}), manual())
	case cfg.version:
		_, err = fmt.Fprintln(stdout, versionString(version))
	case cfg.completion != "":
		err = completion(stdout, newFlagSet(&config{}), cfg.completion)
	case cfg.live.list:
		err = listInterfaces(stdout)
	default:
		err = profiled(cfg, func() error {
			if cfg.live.iface != "" {
				return analyseLive(ctx, cfg, stdout, stderr)
			}
			return analyseAll(ctx, cfg, stdin, stdout, stderr) // ci.go
		})
	}
	return exitCode(err, stderr)
}

// exitCode reports err on stderr and returns the exit status it calls for.
func exitCode(err error, stderr io.Writer) int {
	var ue *usageError
	var ae *assertError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ae):
		return exitAssert // the verdict is on stderr already
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "flowtrace: %v\nRun 'flowtrace --help' for usage.\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "flowtrace: %v\n", err)
		return exitRuntime
	}
}

// profiled runs the analysis between --cpuprofile's start and stop, and
// writes --memprofile after it.
func profiled(cfg *config, analysis func() error) error {
	if err := cfg.profiles.Start(); err != nil {
		return err
	}
	err := analysis()
	if perr := cfg.profiles.Stop(); err == nil {
		err = perr
	}
	return err
}

// observer is what a printer is to flowtrace: a tracker.Observer that
// writes a summary at the end.
type observer interface {
	tracker.Observer
	Close(printer.Summary) error
}

// analyse reads the input, tracks it and prints. A damaged input is
// analysed up to the damage, printed, and then reported as the error.
// Filters on how connections end take two passes over a regular file
// (collect, then this one); see package selection. tap, if not nil, sees
// every tracker callback whatever the output filters select (the CI
// rules' collector, ci.go).
func analyse(ctx context.Context, cfg *config, stdin io.Reader, stdout, stderr io.Writer, tap observer) error {
	var ids *selection.IDs
	if cfg.drill.filter.NeedsEnd() && seekable(cfg.read) {
		var err error
		if ids, err = collect(ctx, cfg, stdin, stderr); err != nil {
			return err
		}
	}
	f, err := capture.OpenFile(cfg.read, stdin)
	if err != nil {
		return err
	}
	defer f.Close()
	// -w needs the raw frame of the packet being handled: no read-ahead.
	var lf *capture.LastFrame
	var in capture.Source = f
	if cfg.live.write != "" {
		lf = capture.NewLastFrame(f)
		in = lf
	}
	rd, err := newReader(cfg, in)
	if err != nil {
		return err
	}
	p := newPrinter(cfg, stdout, stderr)
	out, zl, err := withZeekLog(cfg, p)
	if err != nil {
		return err
	}
	var obs tracker.Observer = out
	var sel *selection.Select
	if ids != nil {
		sel = selection.NewReplay(cfg.drill.filter, ids, out)
		obs = sel
	} else {
		obs, sel = selectObserver(cfg, out, f.Name(), stderr)
	}
	obs, fsink, sk, err := withSink(cfg, obs, zeekFindings(findings.Tee(sinkOf(p), sinkOf(tap)), zl), stderr)
	if err != nil {
		return err
	}
	obs, fsink, rep, err := withReport(cfg, cfg.read, obs, fsink)
	if err != nil {
		return err
	}
	obs, eng := withFindings(&cfg.findings, obs, fsink)
	feedFragments(rd, eng)
	var pw *capture.PcapWriter
	var fw *selection.FrameWriter
	if lf != nil {
		if sel.RecordsOnly {
			return usagef("-w with --state, --conn-state or --ended needs two passes over the input, and %s cannot be read twice", f.Name())
		}
		if pw, fw, err = openWrite(cfg, f.LinkType(), lf); err != nil {
			return err
		}
		sel.Tap = fw
	}
	if tap != nil {
		// The tap (the rules' collector) sees every connection, whatever
		// the output filters select, and every probe, stray and ICMP error.
		obs = tracker.Tee(obs, tap)
	}
	tcfg := cfg.tracker
	tcfg.KeepConns = sk != nil // the sink keeps *Conn between callbacks
	var tr tracking
	var src segments
	var readErr error
	if n := cfg.shards(f, sk != nil); n > 1 {
		tr, src, readErr = trackSharded(ctx, cfg, n, tcfg, obs, rd, f, stderr) // workers.go
	} else {
		t := tracker.New(tcfg, obs)
		var offset func() int64
		var stop func()
		src, offset, stop = readAhead(cfg, rd, f)
		defer stop()
		prog := newProgress(stderr, offset, f.Size(), cfg.progress)
		readErr = trackAll(ctx, cfg, src, t, prog.tick)
		prog.clear()
		tr = t
	}
	if rep != nil {
		rep.InputEnded()
	}
	sinkEndOfInput(sk)
	sum := finish(src, tr)
	if eng != nil {
		eng.Close()
	}
	sinkErr := closeSink(sk)
	err = out.Close(sum)
	cfg.rotation.Wait()
	if err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	if tap != nil {
		if err := tap.Close(sum); err != nil {
			return err
		}
	}
	if rep != nil {
		if err := rep.Close(); err != nil {
			return err
		}
	}
	if sinkErr != nil && readErr == nil {
		readErr = sinkErr
	}
	if pw != nil {
		if err := closeWrite(cfg, pw, fw, stderr); err != nil && readErr == nil {
			readErr = err
		}
	}
	diagnose(stderr, f.Name(), sum, cfg)
	return readErr
}

// tunnelTable returns the table in which the run's Readers describe the
// tunnels they decode, for the printers.
func (cfg *config) tunnelTable() *capture.Tunnels {
	if cfg.tunnels == nil {
		cfg.tunnels = capture.NewTunnels()
	}
	return cfg.tunnels
}

// newReader returns a Reader of src with the BPF filter set.
func newReader(cfg *config, src capture.Source) (*capture.Reader, error) {
	rd := capture.NewReader(src)
	rd.SetTunnels(cfg.tunnelTable())
	rd.SetChecksums(cfg.checksums)
	rd.SetDatagrams(true) // ICMP errors and UDP probes
	if cfg.filter != "" {
		if err := rd.SetFilter(cfg.filter); err != nil {
			if errors.Is(err, capture.ErrBadFilter) {
				return nil, &usageError{err.Error()}
			}
			return nil, err
		}
	}
	return rd, nil
}

// readAhead decodes on a second goroutine, except with -c (read-ahead
// would count frames past the limit) and -w (the raw frame of the packet
// being handled must still be at hand). It returns where to take
// segments from, the progress offset, and what to defer: at an early
// stop a file's producer is waited for before the file is closed; a
// pipe's is only told to stop, since its read may block, and stdin is
// never closed.
func readAhead(cfg *config, rd *capture.Reader, f *capture.File) (segments, func() int64, func()) {
	if cfg.count > 0 || cfg.live.write != "" {
		return rd, f.Offset, func() {}
	}
	ah := capture.NewAhead(rd, f.Offset)
	if f.Size() >= 0 {
		return ah, ah.Offset, ah.Close
	}
	return ah, ah.Offset, ah.Stop
}

// flushingObserver is a printer whose output a live capture writes out
// as it goes.
type flushingObserver interface {
	observer
	printer.Flushable
}

// newPrinter returns the text or JSON printer the flags ask for.
func newPrinter(cfg *config, stdout, stderr io.Writer) flushingObserver {
	opts := printerOptions(cfg, stdout, stderr)
	if cfg.json {
		return printer.NewJSON(stdout, opts)
	}
	return printer.NewText(stdout, opts)
}

// withZeekLog adds the --zeek-log conn.log writer to out, if asked for,
// and returns it too (nil without the flag).
func withZeekLog(cfg *config, out observer) (observer, *printer.ZeekLog, error) {
	if cfg.zeekLog == "" {
		return out, nil, nil
	}
	z, err := printer.OpenZeekLog(cfg.zeekLog)
	if err != nil {
		return nil, nil, err
	}
	z.SetTunnels(cfg.tunnelTable().Lookup)
	if cfg.rotate > 0 {
		cfg.rotation = &printer.Rotation{Every: cfg.rotate, Cmd: cfg.rotateCmd,
			Warn: func(msg string) { fmt.Fprintf(os.Stderr, "flowtrace: %s\n", msg) }}
		z.SetRotation(cfg.rotation)
	}
	return printer.Tee(out, z), z, nil
}

// printerOptions turns the flags into the printers' options.
func printerOptions(cfg *config, stdout, stderr io.Writer) printer.Options {
	tf, _ := printer.TimeFormatOf(cfg.tstamp)
	f := cfg.drill.filter
	// Naming connections (--conn) asks for all there is about them.
	opts := printer.Options{
		Verbose: cfg.verbose || f.ByConn(), Quiet: cfg.quiet || cfg.findings.only, FindingsOnly: cfg.findings.only, UID: f.Active(), AllSeq: f.ByConn(),
		Buffering: printer.ChooseBuffering(cfg.lineBuf, cfg.pktBuf, cfg.live.iface != "", isTerminal(stdout)),
		Time:      tf, Wide: cfg.wide, Location: time.Local,
		Warn:    func(msg string) { fmt.Fprintf(stderr, "flowtrace: %s\n", msg) },
		Tunnels: cfg.tunnelTable().Lookup,
	}
	if cfg.utc {
		opts.Location = time.UTC
	}
	return opts
}

// segments is where trackAll takes segments from: a capture.Reader, or a
// capture.Ahead reading one ahead.
type segments interface {
	Next(*segment.Segment) error
	Stats() capture.Stats
}

// trackAll feeds every segment rd yields to tr until the input ends, -c
// is reached or ctx is done, calling tick every 16384 segments. It
// returns the input's error, nil at its clean end.
func trackAll(ctx context.Context, cfg *config, rd segments, tr *tracker.Tracker, tick func(uint64)) error {
	var buf segment.Segment
	next := func() (*segment.Segment, error) { return &buf, rd.Next(&buf) }
	if r, ok := rd.(interface {
		NextRef() (*segment.Segment, error)
	}); ok {
		next = r.NextRef // capture.Ahead: no copy of each segment
	}
	var readErr error
	var n uint64
	for {
		var seg *segment.Segment
		if seg, readErr = next(); readErr != nil {
			break
		}
		tr.Handle(seg)
		if seg.Kind != segment.TCP {
			continue // -c and the progress count TCP segments
		}
		n++
		if n&0x3fff == 0 {
			if tick != nil {
				tick(n)
			}
			if ctx.Err() != nil {
				readErr = ctx.Err()
				break
			}
		}
		if cfg.count > 0 && n >= cfg.count {
			break
		}
	}
	if errors.Is(readErr, io.EOF) {
		readErr = nil
	}
	return readErr
}

// finish ends the input for the tracker and gathers the summary.
func finish(rd segments, tr tracking) printer.Summary {
	tr.Flush()
	st := rd.Stats()
	sum := printer.Summary{
		Frames: st.Frames, TCP: st.TCP, NonTCP: st.NonTCP, Filtered: st.Filtered,
		Tracker: tr.Stats(), Notices: st.Notices(),
		Fragments: fragments(&st.Frag, st.Fragments), // frag.go
		Offload:   slices.Clone(st.OffloadListed()), OffloadSenders: st.OffloadSenders,
	}
	for r, k := range st.SkippedReasons() {
		sum.Skipped = append(sum.Skipped, printer.Count{Name: r.String(), N: k, Unreachable: !r.Malformed()})
	}
	for r, k := range st.NotedReasons() {
		sum.Noted = append(sum.Noted, printer.Count{Name: r.String(), N: k})
	}
	return sum
}

// diagnose reports on stderr what was skipped or kept despite damage, so
// nothing is lost silently.
func diagnose(w io.Writer, name string, sum printer.Summary, cfg *config) {
	list := func(cs []printer.Count) string {
		var b strings.Builder
		for i, c := range cs {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s %d", c.Name, c.N)
		}
		return b.String()
	}
	total := func(cs []printer.Count) (n uint64) {
		for _, c := range cs {
			n += c.N
		}
		return n
	}
	for _, l := range sum.Notices { // skipped frames by kind, link types, leniencies
		fmt.Fprintf(w, "flowtrace: %s: %s\n", name, l)
	}
	noted := slices.DeleteFunc(slices.Clone(sum.Noted), func(c printer.Count) bool { return isChecksumReason(c.Name) })
	if n := total(noted); n > 0 {
		fmt.Fprintf(w, "flowtrace: %s: kept %d segments despite defects: %s\n", name, n, list(noted))
	}
	diagnoseFragments(w, name, &sum.Fragments, cfg) // frag.go
	diagnoseChecksums(w, name, sum)
	if sum.Tracker.Evicted > 0 {
		st := &sum.Tracker
		fmt.Fprintf(w, "flowtrace: connection table full: evicted %d connections (--max-conns %d): %d half-open, %d closing, %d open and idle longest\n",
			st.Evicted, cfg.tracker.MaxConns, st.EvictedHalfOpen, st.EvictedClosing, st.EvictedIdle)
	}
	// Nothing that may carry TCP goes unsaid: an input that gave no
	// connection although frames may have held TCP says so in one line.
	if sum.Tracker.Conns == 0 {
		var why []string
		if n := total(sum.Skipped); n > 0 {
			why = append(why, fmt.Sprintf("%d skipped frames", n))
		}
		if n := sum.Fragments.Frames; n > 0 {
			why = append(why, fmt.Sprintf("%d IP fragments", n))
		}
		if n := sum.Tracker.BadChecksumNoConn; n > 0 {
			why = append(why, fmt.Sprintf("%d segments with a bad checksum", n))
		}
		if len(why) > 0 {
			fmt.Fprintf(w, "flowtrace: %s: no connection tracked, though these may have held TCP: %s (see above)\n", name, strings.Join(why, ", "))
		}
	}
}

// progress draws a one-line progress report on a terminal while a file is
// read, and erases it at the end.
type progress struct {
	w       io.Writer
	offset  func() int64 // bytes of the file read so far
	size    int64        // the file's size, -1 if unknown
	on      bool
	start   time.Time
	shown   bool
	wait    time.Duration // how long to read before drawing at all
	drawn   time.Time
	lastLen int
}

func newProgress(stderr io.Writer, offset func() int64, size int64, mode string) *progress {
	p := &progress{w: stderr, offset: offset, size: size, start: time.Now(), wait: 500 * time.Millisecond}
	switch mode {
	case "always":
		p.on, p.wait = true, 0
	case "auto":
		if sf, ok := stderr.(*os.File); ok {
			if fi, err := sf.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
				p.on = true
			}
		}
	}
	return p
}

// tick redraws the line; it is called every few thousand packets and
// draws at most four times a second, after the first half second.
func (p *progress) tick(pkts uint64) {
	if !p.on {
		return
	}
	now := time.Now()
	el := now.Sub(p.start)
	if el < p.wait || now.Sub(p.drawn) < 250*time.Millisecond {
		return
	}
	p.drawn = now
	rate := float64(pkts) / el.Seconds()
	off, size := p.offset(), p.size
	line := fmt.Sprintf("flowtrace: %s read, %d packets, %.0f packets/s", mib(off), pkts, rate)
	if size > 0 && off > 0 {
		left := time.Duration(float64(el) * float64(size-off) / float64(off)).Round(time.Second)
		line = fmt.Sprintf("flowtrace: %s of %s (%d%%), %d packets, %.0f packets/s, %v left",
			mib(off), mib(size), off*100/size, pkts, rate, left)
	}
	pad := max(p.lastLen-len(line), 0)
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", pad))
	p.lastLen = len(line)
	p.shown = true
}

// clear erases the line, leaving the cursor where it was.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.lastLen))
		p.shown = false
	}
}

func mib(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
