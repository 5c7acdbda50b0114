package shard

import (
	"context"
	"errors"
	"runtime/pprof"
	"sync"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Source is where the walker takes segments from: a capture.Reader.
type Source interface {
	Next(*segment.Segment) error
}

// Config sets up a Tracker.
type Config struct {
	Workers int            // at least 1
	Tracker tracker.Config // for every worker; MaxConns is divided among them
	// Offset, if not nil, says how far the source has read; the walker
	// samples it with each batch (Tracker.Offset).
	Offset func() int64
	// Tick, if not nil, is called every 16384 TCP segments merged with
	// their count, on the merger's goroutine.
	Tick func(n uint64)
}

const (
	batchSegs  = 128
	batchBytes = 1 << 19
	nbatches   = 4
	tickEvery  = 0x3fff
)

// batch is a run of decoded segments and the owner of each.
type batch struct {
	segs   []segment.Segment
	owner  []uint8
	arena  []byte
	base   uint64 // the index in the input of segs[0]
	offset int64
	err    error // the input's end after these segments
	flush  bool  // no segments: the end of the input (Tracker.Flush)
}

// Tracker is a tracker.Tracker split across workers. Run and Flush are
// called from one goroutine, the merger's, where the observer runs.
type Tracker struct {
	cfg     Config
	n       int
	workers []*worker
	work    []chan *batch
	free    chan *batch
	merged  chan *batch
	m       merger
	offset  int64
	stopped bool
	wg      sync.WaitGroup
}

// workers bounds a number of workers to 1..255 (a worker's index is a byte).
func workers(n int) int { return min(max(n, 1), 255) }

// workerConfig is the tracker.Config of each of n workers: the bound on
// connections divided among them, connections numbered by packet (the
// merger renumbers them), and no *Conn kept between callbacks (the
// merger's are copies).
func workerConfig(tcfg tracker.Config, n int) tracker.Config {
	if tcfg.MaxConns <= 0 {
		tcfg.MaxConns = tracker.DefaultMaxConns
	}
	tcfg.MaxConns = max(tcfg.MaxConns/n, 1)
	tcfg.PacketIDs = true
	tcfg.KeepConns = false
	return tcfg
}

// New starts the workers of a Tracker reporting to obs.
func New(cfg Config, obs tracker.Observer) *Tracker {
	n := workers(cfg.Workers)
	tcfg := workerConfig(cfg.Tracker, n)
	t := &Tracker{
		cfg:    cfg,
		n:      n,
		free:   make(chan *batch, nbatches),
		merged: make(chan *batch, nbatches),
	}
	t.m.init(obs, n)
	f := newFacts(n)
	for range nbatches {
		t.free <- &batch{
			segs:  make([]segment.Segment, 0, batchSegs),
			owner: make([]uint8, 0, batchSegs),
			arena: make([]byte, 0, batchBytes),
		}
	}
	for k := range n {
		w := newWorker(k, tcfg, f)
		t.workers = append(t.workers, w)
		ch := make(chan *batch, nbatches)
		t.work = append(t.work, ch)
		t.wg.Add(1)
		go func() {
			defer t.wg.Done()
			pprof.Do(context.Background(), pprof.Labels("shard", "worker"), func(context.Context) { w.run(ch) })
		}()
	}
	f.start()
	return t
}

// Run tracks every segment src yields until it returns an error or ctx
// is done, and returns that error (io.EOF at the clean end). Segments
// before the error are all tracked and reported. Run reads src on a
// goroutine of its own and reports to the observer on the caller's.
func (t *Tracker) Run(ctx context.Context, src Source) error {
	walked := make(chan struct{})
	stop := make(chan struct{})
	go func() {
		defer close(walked)
		pprof.Do(ctx, pprof.Labels("shard", "walker"), func(ctx context.Context) { t.walk(ctx, src, stop) })
	}()
	var err error
	// Labelled for profiles (go tool pprof -tagfocus shard=merger): the
	// merger runs the observers, the serial part.
	pprof.Do(ctx, pprof.Labels("shard", "merger"), func(context.Context) {
		for b := range t.merged {
			t.merge(b)
			if b.err != nil {
				err = b.err
			}
			t.recycle(b)
			if err != nil {
				break
			}
		}
	})
	close(stop)
	<-walked
	return err
}

// walk reads src into batches for the workers and the merger until the
// input ends, ctx is done or stop closes.
func (t *Tracker) walk(ctx context.Context, src Source, stop chan struct{}) {
	defer close(t.merged)
	n := uint64(t.n)
	var base uint64
	for {
		var b *batch
		select {
		case b = <-t.free:
		case <-stop:
			return
		}
		b.segs, b.owner, b.arena, b.err, b.flush = b.segs[:0], b.owner[:0], b.arena[:0], nil, false
		b.base = base
		if b.err = ctx.Err(); b.err == nil {
			// Decoded in place: the batch's slot is the segment, not a
			// copy of it.
			segs := b.segs[:batchSegs]
			for len(b.segs) < batchSegs && len(b.arena)+capture.MaxSnaplen <= cap(b.arena) {
				seg := &segs[len(b.segs)]
				if b.err = src.Next(seg); b.err != nil {
					break
				}
				k := len(b.arena)
				b.arena = append(b.arena, seg.Payload...)
				seg.Payload = b.arena[k:len(b.arena):len(b.arena)]
				b.segs = segs[:len(b.segs)+1]
				b.owner = append(b.owner, route(seg, n))
			}
		}
		base += uint64(len(b.segs))
		if t.cfg.Offset != nil {
			b.offset = t.cfg.Offset()
		}
		t.dispatch(b)
		t.merged <- b
		if b.err != nil {
			return
		}
	}
}

// dispatch hands b to every worker.
func (t *Tracker) dispatch(b *batch) {
	for _, ch := range t.work {
		ch <- b
	}
}

// merge reports the workers' logs of b in order, as they come.
func (t *Tracker) merge(b *batch) {
	t.m.merge(b, t.workers)
	t.offset = b.offset
	if t.cfg.Tick != nil {
		for i := range b.segs {
			if b.segs[i].Kind == segment.TCP {
				t.m.tcp++
				if t.m.tcp&tickEvery == 0 {
					t.cfg.Tick(t.m.tcp)
				}
			}
		}
	}
}

func (t *Tracker) recycle(b *batch) { t.free <- b }

// Offset returns the source's read offset as of the latest batch merged.
func (t *Tracker) Offset() int64 { return t.offset }

// Flush ends the input, as tracker.Tracker.Flush does, and stops the
// workers: the Tracker is done.
func (t *Tracker) Flush() {
	if t.stopped {
		return
	}
	t.stopped = true
	b := <-t.free
	b.segs, b.owner, b.arena, b.err, b.flush = b.segs[:0], b.owner[:0], b.arena[:0], nil, true
	t.dispatch(b)
	t.merge(b)
	t.recycle(b)
	for _, ch := range t.work {
		close(ch)
	}
	t.wg.Wait()
}

// Stats returns the workers' counts, summed. Call it after Flush.
func (t *Tracker) Stats() tracker.Stats {
	var s tracker.Stats
	for _, w := range t.workers {
		addStats(&s, w.tr.Stats())
	}
	return s
}

func addStats(s *tracker.Stats, x tracker.Stats) {
	s.Segments += x.Segments
	s.Conns += x.Conns
	s.Reused += x.Reused
	s.Expired += x.Expired
	s.Evicted += x.Evicted
	s.EvictedHalfOpen += x.EvictedHalfOpen
	s.EvictedClosing += x.EvictedClosing
	s.EvictedIdle += x.EvictedIdle
	s.Probes += x.Probes
	s.Strays += x.Strays
	s.OneSided += x.OneSided
	s.Active += x.Active
	s.BadChecksum += x.BadChecksum
	s.BadChecksumNoConn += x.BadChecksumNoConn
	s.ICMP += x.ICMP
	s.ICMPUnmatched += x.ICMPUnmatched
	s.UDPProbes += x.UDPProbes
	s.UDPAnswered += x.UDPAnswered
	s.ReuseRefused += x.ReuseRefused
}

var errPhase = errors.New("shard: a callback outside the phases the merger orders")
