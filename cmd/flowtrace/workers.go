package main

import (
	"context"
	"errors"
	"io"
	"runtime"
	"time"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/shard"
	"github.com/flowtrace/flowtrace/tracker"
)

// maxWorkers bounds --workers.
const maxWorkers = 64

// defaultWorkers is --workers' default: one per CPU.
func defaultWorkers() int { return min(runtime.NumCPU(), maxWorkers) }

// tracking is a tracker.Tracker or a shard.Tracker, once the input is read.
type tracking interface {
	Flush()
	Stats() tracker.Stats
}

// shards returns how many workers track input f: --workers for a regular
// file, one for what cannot be sharded: standard input or a pipe (an early
// stop must not wait for a blocked read), -c (the count is of segments
// tracked in order), -w (it needs the raw frame at hand) and a sink
// (keep, a sink keeps connections between callbacks).
func (cfg *config) shards(f *capture.File, keep bool) int {
	if cfg.workers <= 1 || f.Size() < 0 || cfg.count > 0 || cfg.live.write != "" || keep {
		return 1
	}
	return cfg.workers
}

// trackSharded tracks rd's segments on n workers (package shard) until the
// input ends or ctx is done, reporting to obs on this goroutine. It
// returns the tracker to Flush, the reader for its statistics, and the
// input's error (nil at its clean end).
func trackSharded(ctx context.Context, cfg *config, n int, tcfg tracker.Config, obs tracker.Observer,
	rd *capture.Reader, f *capture.File, stderr io.Writer) (tracking, segments, error) {
	var st *shard.Tracker
	prog := newProgress(stderr, func() int64 { return st.Offset() }, f.Size(), cfg.progress)
	st = shard.New(shard.Config{Workers: n, Tracker: tcfg, Offset: f.Offset, Tick: prog.tick}, obs)
	err := st.Run(ctx, rd)
	prog.clear()
	if errors.Is(err, io.EOF) {
		err = nil
	}
	return st, rd, err
}

// liveShards returns how many AF_PACKET rings (and workers) a live
// capture asks for: --workers, or one, with the reason when --workers
// asked for more: -c (the count is of segments tracked in order, which
// workers reading in parallel do not have), -w (one file of frames in
// the order they came, which the rings do not share), --watch and a sink
// (they keep connections between callbacks, which the merger's copies
// are not). -i any and interfaces that are not Ethernet-framed are
// captured through libpcap, which has one ring: runLive says so.
func (cfg *config) liveShards() (int, string) {
	l := &cfg.live
	n := cfg.workers
	if !cfg.workersSet {
		n = liveWorkers(runtime.NumCPU())
	}
	switch {
	case n <= 1:
		return 1, ""
	case cfg.count > 0:
		return 1, "-c counts segments in order"
	case l.write != "":
		return 1, "-w writes one file in capture order"
	case l.watch:
		return 1, "--watch keeps connections between callbacks"
	case cfg.sink.spec != "":
		return 1, "--sink keeps connections between callbacks"
	}
	return n, ""
}

// liveWorkers is a live capture's default number of workers on a machine
// of cpus CPUs: one fewer than the CPUs (at least one), leaving a core to
// the merger and the kernel's own receive work. On 2 cores, two rings
// dropped frames at 50,000 packets/s where one ring dropped none up to
// 223,000 (make bench-live).
func liveWorkers(cpus int) int { return min(max(cpus-1, 1), maxWorkers) }

// liveRings returns the rings of a live capture opened with several, nil
// for one.
func liveRings(src frameSource) []capture.Source {
	if m, ok := src.(interface{ RingSources() []capture.Source }); ok {
		if rs := m.RingSources(); len(rs) > 1 {
			return rs
		}
	}
	return nil
}

// trackLive tracks a live capture on a worker per ring (shard.Live)
// until it stops, reporting to obs on this goroutine, where ls does the
// periodic work.
func trackLive(ctx context.Context, cfg *config, rings []capture.Source, tcfg tracker.Config, obs tracker.Observer,
	eng *findings.Engine, ls *liveSource) liveResult {
	var frags *findings.FragmentQueue
	if eng != nil {
		frags = new(findings.FragmentQueue)
		eng.SetFragments(frags)
	}
	settle := 2 * time.Millisecond // the immediate mode's block timeout, and some
	if !cfg.live.immediate {
		settle = liveRingPoll
	}
	lt := shard.NewLive(shard.LiveConfig{
		Tracker: tcfg,
		Reader: func(src capture.Source, pkt func() uint64) shard.LiveReader {
			rd := capture.NewReader(src) // the filter runs in the kernel
			rd.SetTunnels(cfg.tunnelTable())
			rd.SetChecksums(cfg.checksums)
			rd.SetDatagrams(true)
			if frags != nil {
				rd.SetFragObserver(liveFragments{fragmentFeed{frags}, pkt})
			}
			return rd
		},
		ClockLag: liveClockLag,
		Settle:   settle,
		Now:      ls.now,
	}, obs, rings)
	ls.clock = lt.Now
	err := lt.Run(ctx, ls.shardTick)
	ls.finish()
	if err == nil && ls.err != nil {
		err = ls.err
	}
	return liveResult{tr: lt, rd: liveSegments{lt}, err: err}
}

// liveFragments numbers a ring's fragment events as the segments are:
// across the rings.
type liveFragments struct {
	feed fragmentFeed
	pkt  func() uint64
}

func (f liveFragments) Fragment(ev *capture.FragEvent) {
	if ev.Pkt != 0 { // 0: the end of the input
		ev.Pkt = f.pkt()
	}
	f.feed.Fragment(ev)
}

// liveSegments gives the summary the rings' readers' counts.
type liveSegments struct{ lt *shard.Live }

func (s liveSegments) Next(*segment.Segment) error { return io.EOF }
func (s liveSegments) Stats() capture.Stats        { return s.lt.CaptureStats() }
