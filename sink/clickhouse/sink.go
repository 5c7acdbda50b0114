package clickhouse

import (
	"cmp"
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/sink"
	"github.com/flowtrace/flowtrace/tracker"
)

// Defaults of Config.
const (
	DefaultBatchRows  = 10000
	DefaultBatchWait  = time.Second
	DefaultQueueBytes = 64 << 20
	DefaultSpoolMax   = 1 << 30
	DefaultFlushWait  = 5 * time.Second
)

// Config configures a Sink.
type Config struct {
	URL         string // http://host:8123/?database=NAME
	Sensor      string // every row's sensor column
	Transitions bool   // also send every state transition
	BatchRows   int    // a batch is sealed at this many rows…
	BatchWait   time.Duration
	QueueBytes  int    // batches waiting in memory, at most
	SpoolDir    string // "": no spool (a full memory queue drops)
	SpoolMax    int64  // the spool's size cap
	FlushWait   time.Duration
	Warn        func(string)
}

// Sink ships a sensor's records to ClickHouse. It implements
// tracker.Observer (connection records, transitions, the per-minute
// state histogram), tracker.ProbeObserver and findings.Sink. Its
// callbacks run on the capture goroutine and only append to a buffer;
// batches go out on the Sender's goroutine.
type Sink struct {
	cfg    Config
	cl     *client
	q      *sink.Queue
	send   *sink.Sender
	run    string // this run's part of the batch ids
	mu     sync.Mutex
	bufs   [numTables]buffer
	stop   chan struct{}
	ticker sync.WaitGroup

	live      map[uint64]*tracker.Conn // connections in the tracker's table
	minute    time.Time                // the capture clock's current minute
	minuteSet bool
}

const (
	tConns = iota
	tTransitions
	tFindings
	tProbes
	tStates
	numTables
)

var tableNames = [numTables]string{TableConns, TableTransitions, TableFindings, TableProbes, TableStates}

// buffer is one table's open batch.
type buffer struct {
	b       []byte
	rows    int
	seq     uint64
	id      string
	started time.Time // wall clock of the first row
}

// New returns a Sink sending as cfg says, and starts its sender. It
// checks the URL and opens the spool (delivering what a previous run
// left in it first); it does not wait for the server.
func New(cfg Config) (*Sink, error) {
	cl, err := newClient(cfg.URL)
	if err != nil {
		return nil, fmt.Errorf("clickhouse sink: %w", err)
	}
	if cfg.BatchRows <= 0 {
		cfg.BatchRows = DefaultBatchRows
	}
	if cfg.BatchWait <= 0 {
		cfg.BatchWait = DefaultBatchWait
	}
	if cfg.QueueBytes <= 0 {
		cfg.QueueBytes = DefaultQueueBytes
	}
	if cfg.SpoolMax <= 0 {
		cfg.SpoolMax = DefaultSpoolMax
	}
	if cfg.FlushWait <= 0 {
		cfg.FlushWait = DefaultFlushWait
	}
	var sp *sink.Spool
	if cfg.SpoolDir != "" {
		if sp, err = sink.OpenSpool(cfg.SpoolDir, cfg.SpoolMax); err != nil {
			return nil, fmt.Errorf("clickhouse sink: %w", err)
		}
	}
	s := &Sink{
		cfg: cfg, cl: cl, q: sink.NewQueue(cfg.QueueBytes, sp),
		run:  strconv.FormatInt(time.Now().UnixNano(), 36),
		stop: make(chan struct{}),
		live: make(map[uint64]*tracker.Conn),
	}
	s.send = sink.Start(s.q, cl, s.warn)
	s.ticker.Add(1)
	go s.tick()
	return s, nil
}

func (s *Sink) warn(msg string) {
	if s.cfg.Warn != nil {
		s.cfg.Warn("clickhouse sink: " + msg)
	}
}

// tick seals batches older than BatchWait, on the wall clock: a quiet
// link's rows still go out within about BatchWait.
func (s *Sink) tick() {
	defer s.ticker.Done()
	t := time.NewTicker(max(s.cfg.BatchWait/4, 10*time.Millisecond))
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case now := <-t.C:
			s.mu.Lock()
			for i := range s.bufs {
				if s.bufs[i].rows > 0 && now.Sub(s.bufs[i].started) >= s.cfg.BatchWait {
					s.seal(i)
				}
			}
			s.mu.Unlock()
		}
	}
}

// row starts a row of table t: the key columns. Call with s.mu held;
// end it with endRow.
func (s *Sink) row(t int) []byte {
	bf := &s.bufs[t]
	if bf.rows == 0 {
		bf.seq = s.q.NextSeq()
		bf.id = s.run + "-" + strconv.FormatUint(bf.seq, 10)
		bf.started = time.Now()
	}
	b := append(bf.b, `{"sensor":`...)
	b = findings.AppendJSONString(b, s.cfg.Sensor)
	b = append(b, `,"batch":"`...)
	b = append(b, bf.id...)
	b = append(b, `","row":`...)
	b = strconv.AppendInt(b, int64(bf.rows), 10)
	return b
}

func (s *Sink) endRow(t int, b []byte) {
	bf := &s.bufs[t]
	bf.b = append(b, "}\n"...)
	bf.rows++
	if bf.rows >= s.cfg.BatchRows {
		s.seal(t)
	}
}

// seal hands table t's open batch to the queue. Call with s.mu held.
func (s *Sink) seal(t int) {
	bf := &s.bufs[t]
	if bf.rows == 0 {
		return
	}
	body := slices.Clone(bf.b)
	s.q.Put(&sink.Batch{Seq: bf.seq, ID: bf.id, Table: tableNames[t], Rows: bf.rows, Body: body})
	bf.b, bf.rows = bf.b[:0], 0
}

// Packet implements tracker.Observer: transitions (with
// Config.Transitions), and the histogram when a minute has passed.
func (s *Sink) Packet(c *tracker.Conn, seg *segment.Segment, _ tracker.Side, evs []tracker.Event) {
	if _, ok := s.live[c.ID()]; !ok {
		s.live[c.ID()] = c
	}
	s.clock(seg.Time)
	s.transitions(c, evs)
}

// Events implements tracker.Observer.
func (s *Sink) Events(c *tracker.Conn, evs []tracker.Event) {
	if len(evs) > 0 {
		s.clock(evs[0].Time)
	}
	s.transitions(c, evs)
}

func (s *Sink) transitions(c *tracker.Conn, evs []tracker.Event) {
	if !s.cfg.Transitions {
		return
	}
	for i := range evs {
		ev := &evs[i]
		if ev.Kind != tracker.Transition {
			continue
		}
		s.mu.Lock()
		b := s.row(tTransitions)
		b = appendTime(b, "ts", ev.Time)
		b = appendUID(b, c)
		b = appendUint(b, "pkt", ev.Pkt)
		b = appendStr(b, "side", ev.Side.String())
		a := c.Addr(ev.Side)
		b = appendAddr(b, "host", a.Addr())
		b = appendUint(b, "port", uint64(a.Port()))
		b = appendStr(b, "from_state", ev.From.String())
		b = appendStr(b, "to_state", ev.To.String())
		b = appendStr(b, "reason", ev.Reason)
		b = appendBool(b, "inferred", ev.Inferred)
		b = appendSeconds(b, "age", ev.Age)
		s.endRow(tTransitions, b)
		s.mu.Unlock()
	}
}

// Done implements tracker.Observer: the connection record.
func (s *Sink) Done(c *tracker.Conn) {
	delete(s.live, c.ID())
	o, r := tracker.Orig, tracker.Resp
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.row(tConns)
	b = appendTime(b, "ts", c.First())
	b = appendUID(b, c)
	b = appendAddr(b, "orig_h", c.Addr(o).Addr())
	b = appendUint(b, "orig_p", uint64(c.Addr(o).Port()))
	b = appendAddr(b, "resp_h", c.Addr(r).Addr())
	b = appendUint(b, "resp_p", uint64(c.Addr(r).Port()))
	b = appendSeconds(b, "duration", c.Last().Sub(c.First()))
	b = appendStr(b, "orig_state", c.State(o).String())
	b = appendStr(b, "resp_state", c.State(r).String())
	b = appendStr(b, "conn_state", c.ConnState())
	b = append(b, `,"history":`...)
	b = findings.AppendJSONString(b, c.History())
	b = appendStr(b, "end", c.End())
	b = appendStr(b, "removed", c.Why())
	b = appendUint(b, "orig_pkts", c.Packets(o))
	b = appendUint(b, "resp_pkts", c.Packets(r))
	b = appendUint(b, "orig_bytes", c.Bytes(o))
	b = appendUint(b, "resp_bytes", c.Bytes(r))
	var rtt time.Duration
	if total, _, _, ok := c.HandshakeRTT(); ok {
		rtt = total
	}
	b = appendSeconds(b, "handshake_rtt", rtt)
	syn, synAck := c.HandshakeRetransmits()
	b = appendUint(b, "syn_rexmits", uint64(syn))
	b = appendUint(b, "synack_rexmits", uint64(synAck))
	b = appendBool(b, "midstream", c.Midstream())
	s.endRow(tConns, b)
}

// Probe implements tracker.ProbeObserver: the probe record.
func (s *Sink) Probe(p *tracker.Probe) {
	s.clock(p.Time)
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.row(tProbes)
	b = appendTime(b, "ts", p.Time)
	b = append(b, `,"uid":"`...)
	b = p.UID().AppendTo(b)
	b = append(b, '"')
	b = appendUint(b, "pkt", p.Pkt)
	b = appendStr(b, "proto", "tcp")
	b = appendAddr(b, "prober_h", p.Prober.Addr())
	b = appendUint(b, "prober_p", uint64(p.Prober.Port()))
	b = appendAddr(b, "target_h", p.Target.Addr())
	b = appendUint(b, "target_p", uint64(p.Target.Port()))
	b = appendStr(b, "kind", p.Kind.String())
	b = appendStr(b, "flags", p.Flags.String())
	b = appendUint(b, "count", uint64(p.Count))
	b = appendStr(b, "answer", p.Answer)
	b = appendStr(b, "verdict", p.Verdict)
	s.endRow(tProbes, b)
}

// Fired implements findings.Sink; only complete findings are sent.
func (s *Sink) Fired(*findings.Finding) {}

// Ended implements findings.Sink: the finding record.
func (s *Sink) Ended(f *findings.Finding) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.row(tFindings)
	b = appendTime(b, "ts", f.FirstTime)
	b = append(b, `,"last_ts":`...)
	b = strconv.AppendInt(b, f.LastTime.Unix(), 10)
	b = append(b, `,"fire_ts":`...)
	b = strconv.AppendInt(b, f.FireTime.Unix(), 10)
	b = appendStr(b, "kind", f.Kind)
	b = appendStr(b, "severity", string(f.Severity))
	b = appendStr(b, "subject", f.Subject)
	b = appendStr(b, "summary", f.Summary)
	b = appendUint(b, "first_pkt", f.FirstPkt)
	b = appendUint(b, "fire_pkt", f.FirePkt)
	b = append(b, `,"evidence":`...)
	b = findings.AppendJSONString(b, string(f.Evidence.JSON()))
	s.endRow(tFindings, b)
}

// clock notes the capture clock: when it enters a new minute, the
// histogram of the minute that ended is sent.
func (s *Sink) clock(t time.Time) {
	m := t.Truncate(time.Minute)
	if !s.minuteSet {
		s.minute, s.minuteSet = m, true
		return
	}
	if m.After(s.minute) {
		s.histogram(s.minute)
		s.minute = m
	}
}

// EndOfInput sends the histogram of the last minute, before the tracker
// flushes its table at the end of the input (or of a live capture).
func (s *Sink) EndOfInput() {
	if s.minuteSet {
		s.histogram(s.minute)
		s.minuteSet = false
	}
}

type hostState struct {
	host  netip.Addr
	state tracker.State
}

// histogram sends, for minute m, the endpoints of the live connections
// per host and state (endpoints that hold a connection: not CLOSED,
// LISTEN or unknown).
func (s *Sink) histogram(m time.Time) {
	counts := make(map[hostState]uint64)
	for _, c := range s.live {
		for side := tracker.Orig; side <= tracker.Resp; side++ {
			st := c.State(side)
			if st.Gone() {
				continue
			}
			counts[hostState{c.Addr(side).Addr(), st}]++
		}
	}
	keys := make([]hostState, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b hostState) int {
		if c := a.host.Compare(b.host); c != 0 {
			return c
		}
		return cmp.Compare(a.state, b.state)
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range keys {
		b := s.row(tStates)
		b = append(b, `,"minute":`...)
		b = strconv.AppendInt(b, m.Unix(), 10)
		b = appendAddr(b, "host", k.host)
		b = appendStr(b, "state", k.state.String())
		b = appendUint(b, "endpoints", counts[k])
		s.endRow(tStates, b)
	}
}

// Stats returns the queue's counts.
func (s *Sink) Stats() sink.Stats { return s.q.Stats() }

// Close seals the open batches, delivers what it can within
// Config.FlushWait, spools the rest, and reports on Config.Warn what
// was not delivered.
func (s *Sink) Close() error {
	close(s.stop)
	s.ticker.Wait()
	s.mu.Lock()
	for i := range s.bufs {
		s.seal(i)
	}
	s.mu.Unlock()
	err := s.send.Close(s.cfg.FlushWait)
	st := s.q.Stats()
	if st.Pending > 0 {
		s.warn(fmt.Sprintf("%d batches not delivered within %v, left in the spool %s for the next start", st.Pending, s.cfg.FlushWait, s.cfg.SpoolDir))
	}
	if st.Unsent > 0 {
		s.warn(fmt.Sprintf("%d rows not delivered within %v and lost: there is no --sink-spool to keep them in", st.Unsent, s.cfg.FlushWait))
	}
	if st.Dropped > 0 {
		why := "the queue and the spool were full"
		if st.SpoolError != "" {
			why = "the queue was full and the spool failed: " + st.SpoolError
		}
		s.warn(fmt.Sprintf("dropped %d rows (%d batches): %s", st.Dropped, st.DroppedBatches, why))
	}
	if err != nil {
		return fmt.Errorf("clickhouse sink: %w", err)
	}
	return nil
}

func appendTime(b []byte, key string, t time.Time) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, `":`...)
	b = strconv.AppendInt(b, t.Unix(), 10)
	b = append(b, `,"`...)
	b = append(b, key...)
	b = append(b, `_us":`...)
	return strconv.AppendInt(b, int64(t.Nanosecond()/1000), 10)
}

func appendUID(b []byte, c *tracker.Conn) []byte {
	b = append(b, `,"uid":"`...)
	b = c.UID().AppendTo(b)
	return append(b, '"')
}

func appendKey(b []byte, key string) []byte {
	b = append(b, ',', '"')
	b = append(b, key...)
	return append(b, '"', ':')
}

func appendStr(b []byte, key, v string) []byte {
	return findings.AppendJSONString(appendKey(b, key), v)
}

func appendAddr(b []byte, key string, a netip.Addr) []byte {
	b = append(appendKey(b, key), '"')
	b = a.AppendTo(b)
	return append(b, '"')
}

func appendUint(b []byte, key string, v uint64) []byte {
	return strconv.AppendUint(appendKey(b, key), v, 10)
}

func appendBool(b []byte, key string, v bool) []byte {
	if v {
		return append(appendKey(b, key), '1')
	}
	return append(appendKey(b, key), '0')
}

func appendSeconds(b []byte, key string, d time.Duration) []byte {
	return strconv.AppendFloat(appendKey(b, key), d.Seconds(), 'f', 6, 64)
}
