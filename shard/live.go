package shard

import (
	"context"
	"errors"
	"io"
	"math"
	"reflect"
	"runtime/pprof"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// A Live capture tracks the frames of several sources, the AF_PACKET
// rings of one fanout group (capture.Ring), each read, decoded and
// tracked on a goroutine of its own by a worker with its own
// tracker.Tracker: the kernel's fanout hash, symmetric, has already put
// each connection's segments in one ring. The workers' callbacks are
// logged (recorder, as for a file) and merged on the caller's goroutine,
// where the observers run serially.
//
// Unlike a file's, the order is the capture clock's, not the input's:
// each entry is keyed by its packet's timestamp (its worker's idle time
// for timers fired on a quiet ring), and the merger calls the entry with
// the smallest key once every other worker has handed over a bound past
// it, or once it is LiveDelay old on the wall clock, whichever comes
// first. A connection's callbacks come from one worker, in its order;
// callbacks of different workers come out in the order of their
// timestamps unless a worker lags behind by more than LiveDelay.
//
// A worker hands its log over when it holds chunkLen entries, when the
// first of them is liveHandover old on the capture clock, and whenever
// its ring is empty (every read timeout: the ring's poll timeout), with
// a bound at the wall clock: the kernel has delivered everything stamped
// before it (less LiveConfig.Settle). With 5 ms read timeouts (the
// caller's choice), an entry waits about 5 ms for an idle worker's bound.
type Live struct {
	cfg     LiveConfig
	workers []*worker
	srcs    []liveFrames
	out     chan *log
	m       merger
	pend    [][]*log // per worker: logs handed over, not yet merged
	pos     []int    // per worker: the next entry of pend[w][0]
	bound   []key    // per worker: the bound of its latest log
	ended   []bool   // per worker: its last log merged
	stop    atomic.Bool
	pkts    atomic.Uint64 // frames read by all workers: the packet numbers
	now     time.Time     // the latest merged entry's time, or the idle clock
	readers []LiveReader
	flush   chan struct{} // closed by Flush: the workers flush their trackers
	wg      sync.WaitGroup
	flushed bool
}

// LiveConfig sets up a Live capture.
type LiveConfig struct {
	Tracker tracker.Config // for every worker; MaxConns is divided among them
	// Reader turns a source into the segments a worker tracks: a
	// capture.Reader set up as for one source (tunnels, checksums,
	// datagrams). It is called once per source, before Run, on the
	// caller's goroutine; what it returns is then used by one worker.
	// pkt returns the number, across the workers, of the frame the
	// source delivered last (Segment.Pkt; the Reader's own count is the
	// ring's), for what the reader reports about it (fragment events).
	Reader func(src capture.Source, pkt func() uint64) LiveReader
	// ClockLag is how far behind the wall clock a worker whose ring is
	// empty moves its tracker's clock (timers fire then).
	ClockLag time.Duration
	// Settle is how long after its timestamp a frame may still come out
	// of a ring found empty: the ring's block timeout. A worker whose
	// ring is empty at wall time T hands over a bound of T - Settle.
	Settle time.Duration
	// Now is the wall clock (time.Now if nil).
	Now func() time.Time
}

// LiveReader is one worker's segments: a capture.Reader.
type LiveReader interface {
	Next(*segment.Segment) error
	Stats() capture.Stats
}

// LiveDelay is the longest the merger holds an entry for a worker that
// has not handed over a bound past it, on the wall clock; liveMergeTick
// is how often the merger looks, logs or not; liveHandover how long a
// busy worker keeps entries before handing them over, on the capture
// clock; liveChunks how many logs a worker fills while the merger reads.
const (
	LiveDelay     = 50 * time.Millisecond
	liveMergeTick = 10 * time.Millisecond
	liveHandover  = 5 * time.Millisecond
	liveChunks    = 16
)

// NewLive sets up a worker per source, reporting to obs through the
// merger (Run). The sources are read by the workers; the caller closes
// them after Flush.
func NewLive(cfg LiveConfig, obs tracker.Observer, srcs []capture.Source) *Live {
	n := workers(len(srcs))
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	tcfg := workerConfig(cfg.Tracker, n)
	tcfg.Shared = newLiveFacts()
	l := &Live{
		cfg:   cfg,
		out:   make(chan *log, n*liveChunks),
		pend:  make([][]*log, n),
		pos:   make([]int, n),
		bound: make([]key, n),
		ended: make([]bool, n),
		srcs:  make([]liveFrames, n),
		flush: make(chan struct{}),
	}
	l.m.init(obs, n)
	for k := range n {
		w := &worker{k: uint8(k), out: l.out, free: make(chan *log, liveChunks)}
		for range liveChunks {
			w.free <- newLog()
		}
		w.rec.w = w
		w.tr = tracker.New(tcfg, &w.rec)
		l.workers = append(l.workers, w)
		l.srcs[k] = liveFrames{src: srcs[k], l: l, w: w}
	}
	return l
}

// Run reads every source until ctx is done, tick asks to stop, or a
// source fails (every worker then stops), and calls the observer as the
// workers' logs come in. tick is called on the caller's goroutine every
// liveMergeTick with the wall clock and whether the merger is quiet: no
// entry came in since the previous call, and none waits (the time to
// write the output out); it returns true to stop the capture. Run returns once
// every worker's input has ended and all they logged before is reported,
// with the first source's error other than the stop (nil if none). Then
// call Flush.
func (l *Live) Run(ctx context.Context, tick func(now time.Time, idle bool) bool) error {
	l.readers = make([]LiveReader, len(l.workers))
	for k := range l.workers {
		f := &l.srcs[k]
		l.readers[k] = l.cfg.Reader(f, func() uint64 { return f.pkt })
	}
	for k := range l.workers {
		l.wg.Add(1)
		go func() {
			defer l.wg.Done()
			pprof.Do(context.Background(), pprof.Labels("shard", "live"), func(context.Context) {
				l.srcs[k].run(l.readers[k])
			})
		}()
	}
	t := time.NewTicker(liveMergeTick)
	defer t.Stop()
	got := false
	for !l.drained(flushIdx) {
		select {
		case lg := <-l.out:
			got = l.take(lg) || got
			continue // take all that is there before merging
		default:
		}
		l.mergeReady(l.cfg.Now())
		select {
		case lg := <-l.out:
			got = l.take(lg) || got
		case <-t.C:
			now := l.cfg.Now()
			l.mergeReady(now)
			if tick != nil && tick(now, !got && l.waiting() == 0) || ctx.Err() != nil {
				l.stop.Store(true)
			}
			got = false
		}
	}
	var first error
	for k := range l.srcs {
		if err := l.srcs[k].err; err != nil && !errors.Is(err, io.EOF) && first == nil {
			first = err
		}
	}
	return first
}

// Flush ends the input, as tracker.Tracker.Flush does: the workers flush
// their trackers, and the merger reports what they log in order. Call it
// after Run.
func (l *Live) Flush() {
	if l.flushed {
		return
	}
	l.flushed = true
	close(l.flush)
	for !l.drained(math.MaxUint64) {
		lg := <-l.out
		l.take(lg)
		l.mergeReady(l.cfg.Now())
	}
	l.wg.Wait()
}

// drained reports whether every worker has handed over a bound of at
// least i and everything before it was reported.
func (l *Live) drained(i uint64) bool {
	for w := range l.workers {
		l.popDone(w)
		if len(l.pend[w]) > 0 || l.bound[w].i < i {
			return false
		}
	}
	return true
}

// Now returns the time of the latest callback reported (the capture
// clock across workers).
func (l *Live) Now() time.Time { return l.now }

// Stats returns the workers' counts, summed. Call it after Flush.
func (l *Live) Stats() tracker.Stats {
	var s tracker.Stats
	for _, w := range l.workers {
		addStats(&s, w.tr.Stats())
	}
	return s
}

// CaptureStats returns the workers' readers' counts, summed. Call it
// after Flush.
func (l *Live) CaptureStats() capture.Stats {
	var s capture.Stats
	for _, rd := range l.readers {
		addCaptureStats(&s, rd.Stats())
	}
	return s
}

// take queues a worker's log, and reports whether it has entries.
func (l *Live) take(lg *log) bool {
	w := int(lg.from)
	l.pend[w] = append(l.pend[w], lg)
	l.bound[w] = lg.bound
	return len(lg.entries) > 0
}

// waiting returns how many logs hold entries not yet reported.
func (l *Live) waiting() int {
	n := 0
	for w := range l.workers {
		l.popDone(w)
		n += len(l.pend[w])
	}
	return n
}

// popDone gives worker w back the logs the merger has reported whole.
func (l *Live) popDone(w int) {
	for len(l.pend[w]) > 0 && l.pos[w] == len(l.pend[w][0].entries) {
		lg := l.pend[w][0]
		// Shifted down, not resliced: the queue (at most liveChunks
		// logs) keeps its array, and appending allocates nothing.
		q := l.pend[w]
		q[copy(q, q[1:])] = nil
		l.pend[w] = q[:len(q)-1]
		l.pos[w] = 0
		if lg.last {
			l.ended[w] = true
		}
		l.workers[w].free <- lg
	}
}

// mergeReady reports the entries whose turn has come: the smallest key
// in sight, unless it is the bound of a worker with nothing pending (it
// may still log before it) and the smallest entry is not yet LiveDelay
// old.
func (l *Live) mergeReady(now time.Time) {
	old := uint64(now.Add(-LiveDelay).UnixNano())
	for {
		best, waiting := -1, false
		var bk *key
		for w := range l.workers {
			l.popDone(w)
			if l.ended[w] {
				continue
			}
			k, entry := &l.bound[w], false
			if len(l.pend[w]) > 0 {
				k, entry = &l.pend[w][0].entries[l.pos[w]].key, true
			}
			if bk == nil || k.less(bk) {
				best, bk, waiting = w, k, !entry
			}
		}
		if best < 0 {
			return
		}
		if waiting {
			if best = l.oldest(); best < 0 || l.pend[best][0].entries[l.pos[best]].i >= old {
				return
			}
		}
		lg := l.pend[best][0]
		e := &lg.entries[l.pos[best]]
		l.pos[best]++
		if e.i < flushIdx {
			l.now = time.Unix(0, int64(e.i))
		}
		l.m.call(nil, best, lg, e)
	}
}

// oldest returns the worker whose next entry has the smallest key, -1 if
// none has one.
func (l *Live) oldest() int {
	best := -1
	var bk *key
	for w := range l.workers {
		if l.ended[w] || len(l.pend[w]) == 0 {
			continue
		}
		if k := &l.pend[w][0].entries[l.pos[w]].key; bk == nil || k.less(bk) {
			best, bk = w, k
		}
	}
	return best
}

// liveFrames is a worker's source: the ring's frames, numbered across
// workers, with the read timeouts turned into the worker's idle work and
// the stop into the end of the input (io.EOF).
type liveFrames struct {
	src    capture.Source
	l      *Live
	w      *worker
	pkt    uint64 // the latest frame's number
	err    error  // why the input ended: set before the last handover before the flush
	sentAt uint64 // the key (ns) of the latest handover
}

func (f *liveFrames) LinkType() capture.LinkType {
	if lt, ok := f.src.(interface{ LinkType() capture.LinkType }); ok {
		return lt.LinkType()
	}
	return capture.LinkEthernet
}

func (f *liveFrames) Close() error { return nil }

// ReadFrame returns the ring's next frame.
func (f *liveFrames) ReadFrame() ([]byte, capture.FrameInfo, capture.LinkType, error) {
	for !f.l.stop.Load() {
		data, ci, link, err := f.src.ReadFrame()
		switch {
		case err == nil:
			f.pkt = f.l.pkts.Add(1)
			return data, ci, link, nil
		case errors.Is(err, capture.ErrTimeout):
			f.idle()
		default:
			f.l.stop.Store(true) // the others stop too
			return nil, ci, 0, err
		}
	}
	return nil, capture.FrameInfo{}, 0, io.EOF
}

// run tracks the segments of rd until its input ends, hands the log
// over, and flushes the tracker when the merger says so.
func (f *liveFrames) run(rd LiveReader) {
	w := f.w
	w.rec.log = <-w.free
	w.rec.log.reset()
	var seg segment.Segment
	var err error
	for {
		if err = rd.Next(&seg); err != nil {
			break
		}
		seg.Pkt = f.pkt
		f.handle(&seg)
	}
	f.err = err // read by the merger once it has the next log
	w.send(key{i: flushIdx}, false)
	<-f.l.flush
	w.rec.i, w.rec.phase = flushIdx, phFlush
	w.tr.Flush()
	w.send(key{i: math.MaxUint64}, true)
}

// handle tracks one segment under the key of its timestamp (one
// nanosecond past the previous key if not later: a worker's keys rise).
func (f *liveFrames) handle(seg *segment.Segment) {
	w, r := f.w, &f.w.rec
	f.at(uint64(seg.Time.UnixNano()))
	r.phase = phTimer
	w.tr.Advance(seg.Time)
	r.phase, r.cur = phPacket, nil
	w.tr.Handle(seg)
	if len(r.log.entries) > 0 && r.i-f.sentAt >= uint64(liveHandover) {
		f.handover()
	}
}

// idle is an empty ring: everything stamped before now - Settle has been
// read. The tracker's clock moves to now - ClockLag (timers fire), and
// the log goes to the merger with that bound.
func (f *liveFrames) idle() {
	now := f.l.cfg.Now()
	f.at(uint64(now.Add(-f.l.cfg.Settle).UnixNano()))
	f.w.rec.phase = phTimer
	f.w.tr.Advance(now.Add(-f.l.cfg.ClockLag))
	f.handover()
}

func (f *liveFrames) at(t uint64) {
	r := &f.w.rec
	r.i = max(r.i+1, t)
}

func (f *liveFrames) handover() {
	f.sentAt = f.w.rec.i
	f.w.send(key{i: f.w.rec.i + 1}, false)
}

// addCaptureStats adds s's counts to dst's: sums, the first timestamp
// that went back, the senders judged to offload checksums (the first
// MaxOffloadListed distinct ones listed).
func addCaptureStats(dst *capture.Stats, s capture.Stats) {
	dst.Frames += s.Frames
	dst.TCP += s.TCP
	dst.NonTCP += s.NonTCP
	dst.Filtered += s.Filtered
	dst.Fragments += s.Fragments
	addUints(reflect.ValueOf(&dst.Frag).Elem(), reflect.ValueOf(s.Frag))
	for i := range dst.Skipped {
		dst.Skipped[i] += s.Skipped[i]
		dst.Noted[i] += s.Noted[i]
	}
	dst.Records += s.Records
	dst.UnsupportedOther += s.UnsupportedOther
	for _, x := range s.Unsupported {
		if x.N > 0 {
			dst.UnsupportedOther += x.N
		}
	}
	if dst.Backwards.N == 0 {
		dst.Backwards = s.Backwards
	} else {
		dst.Backwards.N += s.Backwards.N
	}
	for _, a := range s.OffloadListed() {
		n := min(dst.OffloadSenders, capture.MaxOffloadListed)
		if slices.Contains(dst.Offload[:n], a) {
			continue // judged by two workers
		}
		if n < capture.MaxOffloadListed {
			dst.Offload[n] = a
		}
		dst.OffloadSenders++
	}
	dst.OffloadSenders += s.OffloadSenders - uint64(len(s.OffloadListed()))
	dst.Unverified += s.Unverified
	dst.UDP += s.UDP
	dst.ICMP += s.ICMP
	dst.ICMPShort += s.ICMPShort
}

// addUints adds the uint64 fields of struct src to dst's.
func addUints(dst, src reflect.Value) {
	for i := range dst.NumField() {
		if f := dst.Field(i); f.Kind() == reflect.Uint64 {
			f.SetUint(f.Uint() + src.Field(i).Uint())
		}
	}
}
