package findings

import (
	"math"
	"time"

	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Sink is where findings go: the printers implement it.
type Sink interface {
	// Fired is called when a finding's threshold is crossed, at the
	// packet (FirePkt) that crossed it: the text transcript's marker.
	Fired(f *Finding)
	// Ended is called once per finding when its episode is over (the
	// window fell below the threshold, or the input ended), with the
	// finding complete: the JSON "finding" record, the text section.
	Ended(f *Finding)
}

// Tee returns a Sink that hands each finding to every non-nil sink in
// turn (the printer, and a CI collector of findings), or nil if there is
// none.
func Tee(sinks ...Sink) Sink {
	var t tee
	for _, s := range sinks {
		if s != nil {
			t = append(t, s)
		}
	}
	switch len(t) {
	case 0:
		return nil
	case 1:
		return t[0]
	}
	return t
}

type tee []Sink

func (t tee) Fired(f *Finding) {
	for _, s := range t {
		s.Fired(f)
	}
}

func (t tee) Ended(f *Finding) {
	for _, s := range t {
		s.Ended(f)
	}
}

// Note hands a note to every sink that takes notes (NoteSink), so that a
// second sink (the report, a CI collector) does not cost the printer its
// notes.
func (t tee) Note(line string) {
	for _, s := range t {
		if ns, ok := s.(NoteSink); ok {
			ns.Note(line)
		}
	}
}

// A Detector is a small type registered in an Engine. It implements any
// of the watcher interfaces below; the Engine calls each method it has.
type Detector interface {
	// Name names the detector (for tests and errors).
	Name() string
}

// PacketWatcher sees every segment applied to a connection, with the
// events it caused.
type PacketWatcher interface {
	Packet(e *Engine, c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event)
}

// TransitionWatcher sees every state transition (from a segment or a
// timer); ev.Age is how long the endpoint was in ev.From.
type TransitionWatcher interface {
	Transition(e *Engine, c *tracker.Conn, ev *tracker.Event)
}

// DoneWatcher sees every connection record when it leaves the table.
type DoneWatcher interface {
	Done(e *Engine, c *tracker.Conn)
}

// ProbeWatcher sees every probe with its answer.
type ProbeWatcher interface {
	Probe(e *Engine, p *tracker.Probe)
}

// StrayWatcher sees every stray segment after a close.
type StrayWatcher interface {
	Stray(e *Engine, s *tracker.Stray)
}

// Ticker is called every Config.Tick of the capture clock (live, also on
// a quiet link through Engine.Advance): periodic checks such as stuck
// states.
type Ticker interface {
	Tick(e *Engine, now time.Time)
}

// Ender is called once when the input ends (Engine.Close), before the
// episodes still open are ended: a detector settles what it holds.
type Ender interface {
	End(e *Engine)
}

// Noter is a detector with notes for the findings section that are not
// findings (the count of RSTs per class); Close collects them.
type Noter interface {
	Notes() []string
}

// NoteSink is a Sink that also takes those notes, once, at Close, after
// the last finding ended.
type NoteSink interface {
	Note(line string)
}

// DefaultTick is how often Tickers run on the capture clock.
const DefaultTick = time.Second

// Engine runs the detectors on the tracker's events and hands their
// findings to a Sink. It implements tracker.Observer, ProbeObserver and
// StrayObserver; put it after the printer with Chain so that a marker
// lands after the packet line that fired it. Like the tracker, it is not
// safe for concurrent use.
type Engine struct {
	sink  Sink
	every time.Duration // how often Tickers run

	packets     []PacketWatcher
	transitions []TransitionWatcher
	dones       []DoneWatcher
	probes      []ProbeWatcher
	strays      []StrayWatcher
	tickers     []Ticker
	enders      []Ender
	noters      []Noter
	fragments   []FragmentWatcher
	names       []string
	fq          *FragmentQueue // fragment.go

	now time.Time // the capture clock
	// last is the latest packet's time, where the input ends; while
	// lastNs is nowNs it is now, and last is not kept up to date.
	last     time.Time
	pkt      uint64 // the packet being handled; 0 for timers
	nextTick time.Time
	// now, last and nextTick as nanos gives them, for the comparisons
	// made on every packet.
	nowNs, lastNs, nextTickNs int64
	open                      map[episodeKey]*Finding
	conns                     auxSlab // the detectors' per-connection records (conns.go)
	std                       *std    // the standard detectors' fast path (std.go), or nil
	fired                     int
	closed                    bool
}

type episodeKey struct{ kind, subject string }

// NewEngine returns an Engine with no detectors that reports to sink;
// tick is how often Tickers run (DefaultTick if 0). New returns one with
// the standard detectors.
func NewEngine(sink Sink, tick time.Duration) *Engine {
	if tick <= 0 {
		tick = DefaultTick
	}
	return &Engine{sink: sink, every: tick, open: make(map[episodeKey]*Finding),
		nowNs: math.MinInt64, lastNs: math.MinInt64, nextTickNs: math.MinInt64}
}

// Register adds detector d; it sees events from then on.
func (e *Engine) Register(d Detector) {
	e.names = append(e.names, d.Name())
	if w, ok := d.(PacketWatcher); ok {
		e.packets = append(e.packets, w)
	}
	if w, ok := d.(TransitionWatcher); ok {
		e.transitions = append(e.transitions, w)
	}
	if w, ok := d.(DoneWatcher); ok {
		e.dones = append(e.dones, w)
	}
	if w, ok := d.(ProbeWatcher); ok {
		e.probes = append(e.probes, w)
	}
	if w, ok := d.(StrayWatcher); ok {
		e.strays = append(e.strays, w)
	}
	if w, ok := d.(Ticker); ok {
		e.tickers = append(e.tickers, w)
	}
	if w, ok := d.(Ender); ok {
		e.enders = append(e.enders, w)
	}
	if w, ok := d.(FragmentWatcher); ok {
		e.fragments = append(e.fragments, w)
	}
	if w, ok := d.(Noter); ok {
		e.noters = append(e.noters, w)
	}
}

// SetFragments makes the engine take the IP reassembler's events from q
// (fragment.go), each just before the first segment, probe or stray
// with a later packet number, the rest at Close.
func (e *Engine) SetFragments(q *FragmentQueue) { e.fq = q }

// takeFragments hands the fragment events up to packet pkt (or, if t is
// not zero, up to time t) to the FragmentWatchers.
func (e *Engine) takeFragments(pkt uint64, t time.Time) {
	if e.fq == nil || e.fq.n.Load() == 0 {
		return
	}
	evs := e.fq.take(pkt, t)
	for i := range evs {
		e.pkt = evs[i].Pkt
		if evs[i].Pkt != 0 {
			e.input(evs[i].Time)
		}
		e.clock(evs[i].Time)
		for _, w := range e.fragments {
			w.Fragment(e, &evs[i])
		}
	}
}

// Detectors names the registered detectors, in order.
func (e *Engine) Detectors() []string { return e.names }

// Now returns the capture clock: the latest time the engine has seen.
func (e *Engine) Now() time.Time { return e.now }

// Pkt returns the number of the packet being handled (0 during a timer,
// a probe decided by silence, or the input's end).
func (e *Engine) Pkt() uint64 { return e.pkt }

// nanos returns t in Unix nanoseconds, math.MinInt64 for the zero time,
// so that nanos(t) > nanos(u) when t.After(u) (for capture times, within
// the years 1678 to 2262).
func nanos(t time.Time) int64 {
	if t.IsZero() {
		return math.MinInt64
	}
	return t.UnixNano()
}

// clock moves the capture clock to t (never backwards) and runs the
// Tickers that are due.
func (e *Engine) clock(t time.Time) {
	if ns := nanos(t); ns > e.nowNs {
		if e.lastNs == e.nowNs {
			e.last = e.now
		}
		e.now, e.nowNs = t, ns
	}
	if e.nowNs >= e.nextTickNs {
		e.tick(e.now)
	}
}

// tick runs the Tickers if now has reached the next tick.
func (e *Engine) tick(now time.Time) {
	if len(e.tickers) == 0 {
		return
	}
	if e.nextTick.IsZero() {
		e.nextTick = now.Truncate(e.every).Add(e.every)
		e.nextTickNs = nanos(e.nextTick)
		return
	}
	// Every tick boundary up to now runs, at its own time, so a replay
	// runs the checks a live capture ran on a quiet link at the same
	// boundaries and fires the same findings (TestLiveEqualsReplay). After
	// maxTicksAtOnce boundaries in a row (a long gap in the capture) the
	// clock jumps to the latest one.
	for n := 0; !now.Before(e.nextTick); n++ {
		t := e.nextTick
		if n == maxTicksAtOnce {
			t = now.Truncate(e.every)
		}
		for _, w := range e.tickers {
			w.Tick(e, t)
		}
		e.nextTick = t.Add(e.every)
		e.nextTickNs = nanos(e.nextTick)
	}
}

// before runs the periodic checks due before time t (a packet's or a
// timer's, about to be printed), as Advance would have on a quiet link,
// without moving the capture clock.
func (e *Engine) before(t time.Time) { e.beforeNs(t, nanos(t)) }

// beforeNs is before with ns, nanos(t), computed by the caller.
func (e *Engine) beforeNs(t time.Time, ns int64) {
	if ns > e.nextTickNs && e.nextTickNs != math.MinInt64 && len(e.tickers) > 0 {
		e.tickBefore(t)
	}
}

func (e *Engine) tickBefore(t time.Time) { e.tick(t.Add(-time.Nanosecond)) }

// maxTicksAtOnce bounds the tick boundaries run for one step of the
// capture clock (a gap of over 17 minutes at the default tick).
const maxTicksAtOnce = 1024

// input notes a packet's time t.
func (e *Engine) input(t time.Time) {
	if ns := nanos(t); ns > e.lastNs {
		e.last, e.lastNs = t, ns
	}
}

// Advance runs the Tickers that are due by now on a quiet link (a live
// capture calls it with the tracker's Advance), after the fragment events
// still queued. It does not move the capture clock that findings are
// stamped with (Now, Pkt): a finding that fires while the link is quiet
// carries the time and number of the latest packet or timer event, as it
// would in a replay of the capture.
func (e *Engine) Advance(now time.Time) {
	e.takeFragments(math.MaxUint64-1, time.Time{})
	e.tick(now)
}

// Packet implements tracker.Observer.
func (e *Engine) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	e.packet(c, seg, side, evs, nanos(seg.Time))
}

// packet is Packet with ns, nanos(seg.Time), computed by the caller.
func (e *Engine) packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event, ns int64) {
	if e.fq != nil && e.fq.n.Load() != 0 {
		e.takeFragments(seg.Pkt, time.Time{})
	}
	e.packetTaken(c, seg, side, evs, ns)
}

// packetTaken is packet once the fragment events up to seg are taken.
func (e *Engine) packetTaken(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event, ns int64) {
	e.pkt = seg.Pkt
	// input and clock in one: the capture clock is never behind the
	// latest packet's time.
	if ns > e.nowNs {
		e.now, e.nowNs, e.lastNs = seg.Time, ns, ns
	} else if ns > e.lastNs {
		e.last, e.lastNs = seg.Time, ns
	}
	if e.nowNs >= e.nextTickNs {
		e.tick(e.now)
	}
	if s := e.std; s != nil && len(evs) == 0 {
		// The standard detectors' fast path (std.packet): an ordinary
		// segment of a connection only the RST detector follows.
		if w := word(c); w&(auxStuck|auxRST) == auxRST && seg.Flags&(segment.ACK|segment.SYN|segment.FIN|segment.RST) == segment.ACK &&
			s.tw.pending.pkt == 0 && c.Class()&reassembly.KeepAlive == 0 {
			if l := &e.conns.learn(w & auxHandle)[side]; !l.accepted {
				learn(l, seg)
				return
			}
		}
		s.packet(e, c, seg, side, evs)
		return
	}
	e.dispatch(c, seg, side, evs)
}

// dispatch hands a segment with events (or any segment, without the
// standard detectors) to the PacketWatchers, then its transitions to the
// TransitionWatchers.
func (e *Engine) dispatch(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	if e.std != nil {
		e.std.packet(e, c, seg, side, evs)
	} else {
		for _, w := range e.packets {
			w.Packet(e, c, seg, side, evs)
		}
	}
	if len(evs) > 0 {
		e.transitionsOf(c, evs)
	}
}

// Events implements tracker.Observer.
func (e *Engine) Events(c *tracker.Conn, evs []tracker.Event) {
	if len(evs) > 0 {
		e.pkt = evs[0].Pkt
		e.clock(evs[0].Time)
	}
	e.transitionsOf(c, evs)
}

func (e *Engine) transitionsOf(c *tracker.Conn, evs []tracker.Event) {
	if len(e.transitions) == 0 {
		return
	}
	for i := range evs {
		if evs[i].Kind != tracker.Transition {
			continue
		}
		if e.std != nil {
			e.std.transition(e, c, &evs[i])
			continue
		}
		for _, w := range e.transitions {
			w.Transition(e, c, &evs[i])
		}
	}
}

// Done implements tracker.Observer.
func (e *Engine) Done(c *tracker.Conn) {
	if e.std != nil {
		e.std.done(e, c)
	} else {
		for _, w := range e.dones {
			w.Done(e, c)
		}
	}
	e.auxFree(c)
}

// Probe implements tracker.ProbeObserver.
func (e *Engine) Probe(p *tracker.Probe) {
	e.takeFragments(p.Pkt, time.Time{})
	e.pkt = p.AnswerPkt
	if e.pkt == 0 {
		e.pkt = p.Pkt
	}
	e.clock(p.Time)
	for _, w := range e.probes {
		w.Probe(e, p)
	}
}

// Stray implements tracker.StrayObserver.
func (e *Engine) Stray(s *tracker.Stray) {
	e.takeFragments(s.Pkt, time.Time{})
	e.input(s.Time)
	e.pkt = s.Pkt
	e.clock(s.Time)
	for _, w := range e.strays {
		w.Stray(e, s)
	}
}

// Fire opens an episode of f.Kind on f.Subject and prints its marker. It
// returns false, and does nothing, if such an episode is open already:
// a finding fires once per episode. It sets f.FireTime and f.FirePkt to
// the capture clock and the current packet.
func (e *Engine) Fire(f *Finding) bool {
	k := episodeKey{f.Kind, f.Subject}
	if _, ok := e.open[k]; ok || e.closed {
		return false
	}
	e.open[k] = f
	e.fired++
	f.seq = e.fired
	f.FireTime, f.FirePkt = e.now, e.pkt
	if f.FirstTime.IsZero() {
		f.FirstTime, f.FirstPkt = f.FireTime, f.FirePkt
	}
	if f.LastTime.IsZero() {
		f.LastTime, f.LastPkt = f.FireTime, f.FirePkt
	}
	if e.sink != nil {
		e.sink.Fired(f)
	}
	return true
}

// Open returns the open episode of kind on subject, or nil.
func (e *Engine) Open(kind, subject string) *Finding {
	return e.open[episodeKey{kind, subject}]
}

// End ends f's episode: its record is complete and goes to the sink. A
// finding that did not fire, or has ended already, is ignored.
func (e *Engine) End(f *Finding) {
	k := episodeKey{f.Kind, f.Subject}
	if e.open[k] != f || f.ended {
		return
	}
	delete(e.open, k)
	if f.fill != nil {
		f.fill()
		f.fill = nil
	}
	f.ended = true
	if e.sink != nil {
		e.sink.Ended(f)
	}
}

// Fired counts the findings fired so far.
func (e *Engine) Fired() int { return e.fired }

// Close ends the input: every Ender settles what it holds (and may fire
// and end findings), then the episodes still open end in the order they
// fired. Call it after the tracker's Flush, before the printer's Close.
func (e *Engine) Close() {
	if e.closed {
		return
	}
	e.takeFragments(math.MaxUint64, time.Time{})
	e.pkt = 0
	// The input ends at its latest packet, as the tracker's Flush has
	// it: a live clock moved on by Advance on a quiet link does not
	// count, so that live and replay agree.
	if e.lastNs != math.MinInt64 {
		if e.lastNs != e.nowNs {
			e.now = e.last
		}
		e.nowNs = e.lastNs
	}
	for _, w := range e.enders {
		w.End(e)
	}
	e.closed = true
	left := make([]*Finding, 0, len(e.open))
	for _, f := range e.open {
		left = append(left, f)
	}
	sortBySeq(left)
	for _, f := range left {
		e.End(f)
	}
	if ns, ok := e.sink.(NoteSink); ok {
		for _, w := range e.noters {
			for _, l := range w.Notes() {
				ns.Note(l)
			}
		}
	}
}

func sortBySeq(fs []*Finding) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].seq < fs[j-1].seq; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}
