package main

import (
	"context"
	"errors"
	"io"
	"runtime"

	"github.com/flowtrace/flowtrace/capture"
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
