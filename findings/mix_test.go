package findings

import (
	"bytes"
	"io"
	"runtime"
	"sync"
	"testing"
	"unsafe"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/internal/benchgen"
	"github.com/flowtrace/flowtrace/internal/testenv"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// The hostile mix: internal/benchgen's copies of every bundled trace
// (SYN floods, scans, RSTs, stuck states, TIME-WAIT, refusals, ...)
// among bulk transfers, decoded once.

const mixFrames = 120_000

var mix struct {
	once sync.Once
	segs []segment.Segment
	err  error
}

// mixSegments returns the mix's TCP segments, payloads copied.
func mixSegments(tb testing.TB) []segment.Segment {
	tb.Helper()
	mix.once.Do(func() {
		var buf bytes.Buffer
		cfg := benchgen.Config{Packets: mixFrames, Seed: 1, AllTraces: true} // the hostile mix
		if _, err := cfg.Write(&buf); err != nil && err != io.EOF {
			mix.err = err
			return
		}
		f, err := capture.OpenFile("-", bytes.NewReader(buf.Bytes()))
		if err != nil {
			mix.err = err
			return
		}
		rd := capture.NewReader(f)
		var seg segment.Segment
		for rd.Next(&seg) == nil {
			s := seg
			s.Payload = append([]byte(nil), seg.Payload...)
			mix.segs = append(mix.segs, s)
		}
	})
	if mix.err != nil {
		tb.Fatal(mix.err)
	}
	return mix.segs
}

// counter is a Sink that counts the findings fired and ended while on.
type counter struct {
	on           bool
	fired, ended int
}

func (c *counter) Fired(*Finding) {
	if c.on {
		c.fired++
	}
}

func (c *counter) Ended(*Finding) {
	if c.on {
		c.ended++
	}
}

// mallocs runs segs through a tracker observed by obs (and the engine
// e, if not nil, closed at the end) and returns the heap allocations of
// the run from segment skip on (until the input's end), and of the whole
// run. It turns cnt on from segment skip on.
func mallocs(segs []segment.Segment, skip int, obs tracker.Observer, e *Engine, cnt *counter) (steady, all uint64) {
	segs = append([]segment.Segment(nil), segs...) // the tracker may write to them
	tr := tracker.New(tracker.Config{}, obs)
	var m0, m1, m2 runtime.MemStats
	runtime.ReadMemStats(&m0)
	for i := range segs {
		if i == skip {
			runtime.ReadMemStats(&m1)
			if cnt != nil {
				cnt.on = true
			}
		}
		tr.Handle(&segs[i])
	}
	runtime.ReadMemStats(&m2)
	if cnt != nil {
		cnt.on = false
	}
	tr.Flush()
	if e != nil {
		e.Close()
	}
	return m2.Mallocs - m1.Mallocs, m2.Mallocs - m0.Mallocs
}

// TestEngineAllocsMix: over the benchmark mix, once the engine's tables
// have grown (the first half), the engine allocates for findings only (a
// record, its evidence and sentences, when it fires and when it ends),
// never per packet: its allocations beyond what the tracker makes with
// no observer are bounded by the findings, plus one per thousand packets.
func TestEngineAllocsMix(t *testing.T) {
	testenv.Short(t, "generates and replays 120 000 frames")
	segs := mixSegments(t)
	skip := len(segs) / 2
	base, _ := mallocs(segs, skip, nop{}, nil, nil)
	cnt := &counter{}
	e := New(Config{}, cnt)
	with, _ := mallocs(segs, skip, Chain(nop{}, e), e, cnt)
	extra := int64(with) - int64(base)
	n := len(segs) - skip
	const perFinding = 40 // a scan's record lists its targets, with their answers
	allowed := int64(perFinding*(cnt.fired+cnt.ended) + n/1000)
	t.Logf("%d packets measured: %d allocations with the engine, %d without: %.4f per packet; %d findings fired and %d ended meanwhile: %.1f allocations each",
		n, with, base, float64(extra)/float64(n), cnt.fired, cnt.ended, float64(extra)/float64(max(cnt.fired+cnt.ended, 1)))
	if extra > allowed {
		t.Errorf("the engine made %d allocations over %d packets (%.4f per packet), want at most %d for %d findings fired and %d ended",
			extra, n, float64(extra)/float64(n), allowed, cnt.fired, cnt.ended)
	}
}

// BenchmarkEngineMix reports the engine's cost per packet of the
// benchmark mix: its ns/packet and allocs/packet over the tracker's alone
// (sub-benchmark "tracker") are the findings' cost.
func BenchmarkEngineMix(b *testing.B) {
	segs := mixSegments(b)
	for _, bc := range []struct {
		name    string
		observe func() (tracker.Observer, *Engine)
	}{
		{"tracker", func() (tracker.Observer, *Engine) { return nop{}, nil }},
		{"tracker+findings", func() (tracker.Observer, *Engine) {
			e := New(Config{}, &recorder{})
			return Chain(nop{}, e), e
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var allocs uint64
			for range b.N {
				obs, e := bc.observe()
				_, a := mallocs(segs, 0, obs, e, nil)
				allocs += a
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(segs)), "ns/packet")
			b.ReportMetric(float64(allocs)/float64(b.N)/float64(len(segs)), "allocs/packet")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// TestConnAuxSize: a connection record fits one cache line, and the RST
// detector's learning, the only per-connection memory an ordinary packet
// touches in the detectors, takes a quarter of one.
func TestConnAuxSize(t *testing.T) {
	if n := unsafe.Sizeof(connAux{}); n > 64 {
		t.Errorf("connAux is %d bytes, want at most 64", n)
	}
	if n := unsafe.Sizeof([2]ttlLearn{}); n != 16 {
		t.Errorf("a learn pair is %d bytes, want 16", n)
	}
}
