package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/pflag"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/selection"
	"github.com/flowtrace/flowtrace/tracker"
)

// drillConfig holds the output filters (package selection) and -w with
// -r.
type drillConfig struct {
	opts   selection.Options
	filter *selection.Filter
}

func addDrillFlags(fs *pflag.FlagSet, c *drillConfig) {
	fs.StringSliceVar(&c.opts.Conns, "conn", nil, "show only connection `UID` (or number c42), every packet of it; repeatable, comma-separated")
	fs.StringSliceVar(&c.opts.States, "state", nil, "show only connections with an endpoint whose final state is `S` (CLOSE-WAIT, …); repeatable")
	fs.StringSliceVar(&c.opts.ConnStates, "conn-state", nil, "show only connections whose Zeek conn_state is `X` (SF, S0, REJ, RSTO, …); repeatable")
	fs.StringArrayVar(&c.opts.Ended, "ended", nil, "show only connections that ended as `TEXT` says (refused, reset, closed, open, unanswered, …); repeatable")
	fs.StringSliceVar(&c.opts.Ports, "port", nil, "show only connections with either endpoint on port `N`; repeatable")
	fs.StringVar(&c.opts.Since, "since", "", "show only connections and lines from time `T` on (RFC 3339, \"2006-01-02 15:04:05\", or +30s after the first packet)")
	fs.StringVar(&c.opts.Until, "until", "", "show only connections and lines up to time `T` (forms as --since)")
}

// checkDrillFlags parses the filters; it runs after checkLiveFlags.
func checkDrillFlags(c *config) error {
	d := &c.drill
	d.opts.Loc = time.Local
	if c.utc {
		d.opts.Loc = time.UTC
	}
	f, err := selection.Parse(d.opts)
	if err != nil {
		return usagef("%v", err)
	}
	d.filter = f
	if c.live.watch && f.Active() {
		return usagef("--watch shows every connection; the output filters (--conn, --port, --state, --conn-state, --ended, --since, --until) apply to the transcript")
	}
	if c.read == "-" && c.live.write != "" && f.NeedsEnd() {
		return usagef("-w with --state, --conn-state or --ended needs two passes over the input: give -r FILE, not standard input")
	}
	return nil
}

// selectObserver wraps out in the output filters for one pass (stdin,
// live); it says once on stderr when the transcript has to go.
func selectObserver(cfg *config, out tracker.Observer, input string, stderr io.Writer) (tracker.Observer, *selection.Select) {
	f := cfg.drill.filter
	if !f.Active() && cfg.live.write == "" {
		return out, nil
	}
	s := selection.NewSelect(f, out)
	if s.RecordsOnly {
		if input == "-" {
			input = "standard input"
		}
		fmt.Fprintf(stderr, "flowtrace: --state, --conn-state and --ended are known only when a connection ends, and %s is read in one pass: printing the matching connections' records, not their transcript (give -r FILE for both)\n", input)
	}
	return s, s
}

// seekable reports whether the -r input can be read twice.
func seekable(name string) bool {
	if name == "-" {
		return false
	}
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

// collect is the first of two passes: it tracks the whole file and
// returns the numbers of the connections the filter selects. Read errors
// are left to the second pass, which meets them at the same place.
func collect(ctx context.Context, cfg *config, stdin io.Reader, stderr io.Writer) (*selection.IDs, error) {
	f, err := capture.OpenFile(cfg.read, stdin)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rd, err := newReader(cfg, f)
	if err != nil {
		return nil, err
	}
	col := selection.NewCollect(cfg.drill.filter)
	tr := tracker.New(cfg.tracker, col)
	src, offset, stop := readAhead(cfg, rd, f)
	defer stop()
	prog := newProgress(stderr, offset, f.Size(), cfg.progress)
	err = trackAll(ctx, cfg, src, tr, prog.tick)
	prog.clear()
	tr.Flush()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return col.IDs(), nil
}

// openWrite creates the -w file of an offline run, refusing to overwrite
// the input.
func openWrite(cfg *config, link capture.LinkType, lf *capture.LastFrame) (*capture.PcapWriter, *selection.FrameWriter, error) {
	name := cfg.live.write
	if cfg.read != "-" {
		in, ierr := os.Stat(cfg.read)
		out, oerr := os.Stat(name)
		if ierr == nil && oerr == nil && os.SameFile(in, out) {
			return nil, nil, usagef("-w %s is the input file", name)
		}
	}
	of, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, nil, fmt.Errorf("-w: %w", err)
	}
	pw, err := capture.NewPcapWriter(of, link, capture.MaxSnaplen)
	if err != nil {
		of.Close()
		return nil, nil, fmt.Errorf("-w %s: %w", name, err)
	}
	return pw, selection.NewFrameWriter(pw, lf), nil
}

// closeWrite closes the -w file and reports what it holds.
func closeWrite(cfg *config, pw *capture.PcapWriter, fw *selection.FrameWriter, stderr io.Writer) error {
	err := fw.Err()
	if cerr := pw.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("-w %s: %w", cfg.live.write, err)
	}
	fmt.Fprintf(stderr, "flowtrace: %s: %s\n", cfg.live.write, fw.Report())
	return nil
}
