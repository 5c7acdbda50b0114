package shard

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/internal/benchgen"
	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
	"weak"
)

var auxKey = tracker.NewAuxKey()

// journal writes down every callback with what an observer can read of
// the connection, and checks that the connection's observer word still
// holds what it left there on the previous callback.
type journal struct {
	t     *testing.T
	b     strings.Builder
	calls uint32
	last  map[uint64]uint32 // per connection, the word it set
}

func newJournal(t *testing.T) *journal { return &journal{t: t, last: map[uint64]uint32{}} }

func (j *journal) conn(what string, c *tracker.Conn) {
	if want := j.last[c.ID()]; c.Aux(auxKey) != want {
		j.t.Fatalf("%s c%d: observer word %d, want %d", what, c.ID(), c.Aux(auxKey), want)
	}
	j.calls++
	c.SetAux(auxKey, j.calls)
	j.last[c.ID()] = j.calls
	fmt.Fprintf(&j.b, "%s c%d %s %s %s/%s %v/%v %s %s %d/%d %d/%d ", what, c.ID(), c.UID(), c.Addr(tracker.Orig),
		c.State(tracker.Orig), c.State(tracker.Resp), c.Inferred(tracker.Orig), c.Inferred(tracker.Resp),
		c.History(), c.ConnState(), c.Packets(tracker.Orig), c.Packets(tracker.Resp), c.Bytes(tracker.Orig), c.Bytes(tracker.Resp))
	for s := tracker.Orig; s <= tracker.Resp; s++ {
		fmt.Fprintf(&j.b, "%+v %d ", *c.SeqStats(s), c.InFlight(s))
	}
	first, n := c.ICMP()
	fmt.Fprintf(&j.b, "%v %d %s %s\n", first.Pkt, n, c.Why(), c.End())
}

func (j *journal) events(evs []tracker.Event) {
	for _, e := range evs {
		fmt.Fprintf(&j.b, "  %+v\n", e)
	}
}

func (j *journal) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	j.conn(fmt.Sprintf("packet #%d %v %s %d", seg.Pkt, side, seg.Flags, len(seg.Payload)), c)
	j.events(evs)
}

func (j *journal) Events(c *tracker.Conn, evs []tracker.Event) {
	j.conn("events", c)
	j.events(evs)
}

func (j *journal) Done(c *tracker.Conn) {
	j.conn("done", c)
	delete(j.last, c.ID())
}

func (j *journal) Probe(p *tracker.Probe) {
	fmt.Fprintf(&j.b, "probe %v %d %s %s>%s %s %s %d\n", p.Time, p.Pkt, p.Proto, p.Prober, p.Target, p.Answer, p.Verdict, p.Count)
}

func (j *journal) Stray(s *tracker.Stray) { fmt.Fprintf(&j.b, "stray %+v\n", *s) }

func (j *journal) ICMP(e *tracker.ICMPError) {
	if e.Conn != nil {
		j.conn("icmp", e.Conn)
	}
	fmt.Fprintf(&j.b, "icmp %d %v %v %s %v\n", e.Pkt, e.Src, e.Dst, e.Quote, e.Aborted)
	j.events(e.Events)
}

func open(t *testing.T, path string) *capture.Reader {
	t.Helper()
	f, err := capture.OpenFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	rd := capture.NewReader(f)
	rd.SetDatagrams(true)
	return rd
}

// one replays path through one tracker.
func one(t *testing.T, path string) (string, tracker.Stats, error) {
	j := newJournal(t)
	tr := tracker.New(tracker.Config{}, j)
	rd := open(t, path)
	var seg segment.Segment
	var err error
	for {
		if err = rd.Next(&seg); err != nil {
			break
		}
		tr.Handle(&seg)
	}
	tr.Flush()
	return j.b.String(), tr.Stats(), err
}

// sharded replays path on n workers.
func sharded(t *testing.T, path string, n int) (string, tracker.Stats, error) {
	j := newJournal(t)
	tr := New(Config{Workers: n}, j)
	err := tr.Run(context.Background(), open(t, path))
	tr.Flush()
	return j.b.String(), tr.Stats(), err
}

func compare(t *testing.T, path string, ns ...int) {
	t.Helper()
	want, wst, werr := one(t, path)
	for _, n := range ns {
		got, st, err := sharded(t, path, n)
		if !errors.Is(err, werr) && err.Error() != werr.Error() {
			t.Errorf("%s on %d workers: error %v, want %v", filepath.Base(path), n, err, werr)
		}
		if got != want {
			t.Errorf("%s on %d workers: the callbacks differ from one tracker's:\n%s", filepath.Base(path), n, firstDiff(want, got))
		}
		if st != wst {
			t.Errorf("%s on %d workers: stats %+v, want %+v", filepath.Base(path), n, st, wst)
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\n-%s\n+%s", i+1, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(bl), len(al))
}

// TestBundledTraces: every bundled trace gives one tracker's callbacks,
// in its order, on 2, 3 and 5 workers.
func TestBundledTraces(t *testing.T) {
	paths, err := filepath.Glob("../testdata/pcaps/*.pcap*")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no bundled traces: %v", err)
	}
	for _, p := range paths {
		compare(t, p, 2, 3, 5)
	}
}

// TestHostileMix: floods, scans, fragments, strays and connections whose
// orientation and waits depend on other connections (tracker.Shared).
func TestHostileMix(t *testing.T) {
	path := filepath.Join(t.TempDir(), "all.pcap")
	var buf bytes.Buffer
	if _, err := (benchgen.Config{Packets: 40000, Seed: 3, AllTraces: true}).Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	compare(t, path, 2, 4)
}

// damaged stops with an error after n segments of src.
type damaged struct {
	src *capture.Reader
	n   int
}

var errDamage = errors.New("damaged input")

func (d *damaged) Next(seg *segment.Segment) error {
	if d.n == 0 {
		return errDamage
	}
	d.n--
	return d.src.Next(seg)
}

// TestInputError: segments before an input error are all tracked and
// reported, and Run returns the error.
func TestInputError(t *testing.T) {
	path := "../testdata/pcaps/loss-rto.pcap"
	j1 := newJournal(t)
	tr1 := tracker.New(tracker.Config{}, j1)
	src := &damaged{src: open(t, path), n: 7}
	var seg segment.Segment
	for src.Next(&seg) == nil {
		tr1.Handle(&seg)
	}
	tr1.Flush()
	j2 := newJournal(t)
	tr2 := New(Config{Workers: 2}, j2)
	if err := tr2.Run(context.Background(), &damaged{src: open(t, path), n: 7}); err != errDamage {
		t.Fatalf("Run: %v, want the input's error", err)
	}
	tr2.Flush()
	if j1.b.String() != j2.b.String() {
		t.Errorf("up to the damage, the callbacks differ:\n%s", firstDiff(j1.b.String(), j2.b.String()))
	}
}

// TestCanceled: Run stops when its context is done.
func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tr := New(Config{Workers: 2}, newJournal(t))
	if err := tr.Run(ctx, open(t, "../testdata/pcaps/loss-rto.pcap")); !errors.Is(err, context.Canceled) {
		t.Errorf("Run: %v, want context.Canceled", err)
	}
	tr.Flush()
}

// nop is an observer that does nothing.
type nop struct{}

func (nop) Packet(*tracker.Conn, *segment.Segment, tracker.Side, []tracker.Event) {}
func (nop) Events(*tracker.Conn, []tracker.Event)                                 {}
func (nop) Done(*tracker.Conn)                                                    {}

// replay hands out segments read once, again and again, each pass later
// on the capture clock, so that connections come and go.
type replay struct {
	segs  []segment.Segment
	i, n  int
	shift time.Duration
	pkt   uint64
	pass  func(n int) // called as pass n begins
	done  int
}

func (r *replay) Next(seg *segment.Segment) error {
	if r.i == len(r.segs) {
		r.done++
		if r.pass != nil {
			r.pass(r.done)
		}
		if r.done == r.n {
			return io.EOF
		}
		r.i, r.shift = 0, r.shift+time.Hour
	}
	*seg = r.segs[r.i]
	seg.Time = seg.Time.Add(r.shift)
	r.pkt++
	seg.Pkt = r.pkt
	r.i++
	return nil
}

// TestAllocsPerPacket: tracking on workers allocates nothing per packet:
// the copies in the workers' logs, their parts included, are reused from
// batch to batch. Once the pipeline's buffers have grown (the first 100
// passes over a trace), 100 more passes allocate (almost) nothing.
func TestAllocsPerPacket(t *testing.T) {
	rd := open(t, "../testdata/pcaps/busy-ordinary.pcap")
	var segs []segment.Segment
	var seg segment.Segment
	for rd.Next(&seg) == nil {
		s := seg
		s.Payload = append([]byte(nil), seg.Payload...)
		segs = append(segs, s)
	}
	var ms runtime.MemStats
	var from, to uint64
	src := &replay{segs: segs, n: 200, pass: func(n int) {
		switch n {
		case 100:
			if os.Getenv("MEMPROF") != "" {
				runtime.MemProfileRate = 1
			}
			runtime.ReadMemStats(&ms)
			from = ms.Mallocs
		case 200:
			runtime.ReadMemStats(&ms)
			to = ms.Mallocs
		}
	}}
	tr := New(Config{Workers: 2}, nop{})
	if err := tr.Run(context.Background(), src); err != io.EOF {
		t.Fatal(err)
	}
	tr.Flush()
	per := float64(to-from) / float64(100*len(segs))
	t.Logf("%d segments a pass: %d allocations in passes 100 to 200: %.5f per packet", len(segs), to-from, per)
	if per > 0.001 {
		t.Errorf("%.5f allocations per packet", per)
	}
}

// TestRoute: both directions of a 4-tuple go to one worker, and the
// 4-tuples of a capture spread over the workers.
func TestRoute(t *testing.T) {
	var buf bytes.Buffer
	if _, err := (benchgen.Config{Packets: 20000, Seed: 2}).Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := capture.OpenFile("-", &buf)
	if err != nil {
		t.Fatal(err)
	}
	rd := capture.NewReader(f)
	seen := map[tracker.Tuple]bool{}
	var per [5]int
	var seg segment.Segment
	for rd.Next(&seg) == nil {
		r := seg
		r.Src, r.Dst, r.SrcPort, r.DstPort = seg.Dst, seg.Src, seg.DstPort, seg.SrcPort
		for n := uint64(1); n <= 8; n++ {
			if route(&seg, n) != route(&r, n) {
				t.Fatalf("%v:%d > %v:%d: the two directions go to different workers of %d", seg.Src, seg.SrcPort, seg.Dst, seg.DstPort, n)
			}
		}
		if k := tracker.KeyOf(&seg); !seen[k] {
			seen[k] = true
			per[route(&seg, 5)]++
		}
	}
	for w, c := range per {
		if c < len(seen)/5*3/4 || c > len(seen)/5*5/4 {
			t.Errorf("worker %d of 5 has %d of %d 4-tuples", w, c, len(seen))
		}
	}
}

// TestMaxConnsDivided: the connection table's bound is divided among the
// workers, and their evictions are counted together.
func TestMaxConnsDivided(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mix.pcap")
	var buf bytes.Buffer
	if _, err := (benchgen.Config{Packets: 20000, Seed: 4}).Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	j := newJournal(t)
	tr := New(Config{Workers: 2, Tracker: tracker.Config{MaxConns: 64}}, j)
	if err := tr.Run(context.Background(), open(t, path)); err != io.EOF {
		t.Fatal(err)
	}
	most := 0
	for _, w := range tr.workers {
		most = max(most, w.tr.Stats().Active)
	}
	tr.Flush()
	st := tr.Stats()
	if st.Evicted == 0 || st.Evicted != st.EvictedHalfOpen+st.EvictedClosing+st.EvictedIdle {
		t.Errorf("evictions %d (%d half-open, %d closing, %d idle): want some, counted by kind", st.Evicted, st.EvictedHalfOpen, st.EvictedClosing, st.EvictedIdle)
	}
	if most > 32 {
		t.Errorf("a worker held %d connections: want at most 64/2", most)
	}
}

// flood hands out n SYNs from distinct sources to one server, 10 µs
// apart, none answered.
type flood struct{ i, n int }

func (f *flood) Next(seg *segment.Segment) error {
	if f.i == f.n {
		return io.EOF
	}
	f.i++
	*seg = segment.Segment{
		Time: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(f.i) * 10 * time.Microsecond),
		Pkt:  uint64(f.i), Kind: segment.TCP,
		Src: netip.AddrFrom4([4]byte{10, 9, byte(f.i >> 8), byte(f.i)}), SrcPort: uint16(1024 + f.i%60000),
		Dst: netip.MustParseAddr("10.0.0.1"), DstPort: 80,
		Seq: seqnum.Value(uint32(f.i) * 2654435761), Flags: segment.SYN, Window: 64240, IPLen: 40,
	}
	return nil
}

// TestFlushFlood: the end of a flood's input closes thousands of
// half-open connections on every worker, each closing asking what the
// others learnt (the longest handshake round trip) at its own key, while
// the merger waits for the one asking. The workers' logs in flight are
// few, so a worker may only be found past the key asked at by the logs
// it handed over; this once deadlocked (from 50,000 SYNs on, 2 workers). The
// callbacks must be one tracker's, in time.
func TestFlushFlood(t *testing.T) {
	const n = 50000
	j1 := newJournal(t)
	tr1 := tracker.New(tracker.Config{}, j1)
	src := &flood{n: n}
	var seg segment.Segment
	for src.Next(&seg) == nil {
		tr1.Handle(&seg)
	}
	tr1.Flush()
	for _, workers := range []int{2, 3} {
		j := newJournal(t)
		tr := New(Config{Workers: workers}, j)
		done := make(chan error, 1)
		go func() {
			err := tr.Run(context.Background(), &flood{n: n})
			tr.Flush()
			done <- err
		}()
		select {
		case err := <-done:
			if err != io.EOF {
				t.Fatalf("%d workers: Run: %v, want io.EOF", workers, err)
			}
		case <-time.After(2 * time.Minute):
			t.Fatalf("%d workers: %d SYNs not tracked within 2 minutes: the workers and the merger wait for each other", workers, n)
		}
		if got, want := j.b.String(), j1.b.String(); got != want {
			t.Errorf("%d workers: the callbacks differ from one tracker's:\n%s", workers, firstDiff(want, got))
		}
	}
}

// handshakes hands out n handshakes from distinct clients to one server,
// 10 µs apart: each SYN-ACK is a fact its worker logs (tracker.Shared's
// SawServer), and no connection asks for the others' facts.
type handshakes struct{ i, n int }

func (h *handshakes) Next(seg *segment.Segment) error {
	if h.i == 3*h.n {
		return io.EOF
	}
	c, step := h.i/3, h.i%3
	h.i++
	cli := netip.AddrFrom4([4]byte{10, 8, byte(c >> 8), byte(c)})
	srv := netip.MustParseAddr("10.0.0.1")
	isn, sisn := seqnum.Value(uint32(c)*2654435761), seqnum.Value(uint32(c)*40503+7)
	*seg = segment.Segment{
		Time: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(h.i) * 10 * time.Microsecond),
		Pkt:  uint64(h.i), Kind: segment.TCP, Window: 64240, IPLen: 40,
		Src: cli, SrcPort: uint16(1024 + c%60000), Dst: srv, DstPort: 80,
	}
	switch step {
	case 0:
		seg.Seq, seg.Flags = isn, segment.SYN
	case 1:
		seg.Src, seg.Dst, seg.SrcPort, seg.DstPort = seg.Dst, seg.Src, seg.DstPort, seg.SrcPort
		seg.Seq, seg.Ack, seg.Flags = sisn, isn.Add(1), segment.SYN|segment.ACK
	case 2:
		seg.Seq, seg.Ack, seg.Flags = isn.Add(1), sisn.Add(1), segment.ACK
	}
	return nil
}

// TestFactsLogsShrink: what the workers learn (facts.go) is logged in
// chunks that the garbage collector takes once every worker has applied
// them, even when no connection ever asks: the logs hold what some worker
// has yet to apply, not every fact of the run (they once held them all,
// 17 MiB at the end of a 5 M-packet capture on 2 workers).
func TestFactsLogsShrink(t *testing.T) {
	tr := New(Config{Workers: 2}, nop{})
	var first []weak.Pointer[factChunk]
	for _, w := range tr.workers {
		first = append(first, weak.Make(w.facts.cur[w.k].c))
	}
	const n = 20000 // 20,000 facts: about 10 chunks a worker
	if err := tr.Run(context.Background(), &handshakes{n: n}); err != io.EOF {
		t.Fatal(err)
	}
	tr.Flush()
	var chunks int
	for _, w := range tr.workers {
		for c := w.facts.cur[w.k].c; c != nil; c = c.next.Load() {
			chunks++
		}
	}
	runtime.GC()
	for k, p := range first {
		if p.Value() != nil {
			t.Errorf("worker %d: the first chunk of its log is still reachable after %d handshakes", k, n)
		}
	}
	if want := 2 * 2; chunks > want {
		t.Errorf("%d chunks left from the cursors on: want at most %d", chunks, want)
	}
}
