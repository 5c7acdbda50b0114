package tracker

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"testing"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/internal/benchgen"
	"github.com/flowtrace/flowtrace/segment"
)

type nop struct{}

func (nop) Packet(*Conn, *segment.Segment, Side, []Event) {}
func (nop) Events(*Conn, []Event)                         {}
func (nop) Done(*Conn)                                    {}

// BenchmarkSequenceAnalysis shows what the sequence analysis (package
// reassembly) costs over the two state machines alone, on a capture of at
// least a million packets with realistic loss and reordering
// (internal/benchgen: copies of the bundled Linux traces, including the
// loss, reordering and zero-window ones, and bulk transfers repaired by
// SACK; or the file named by $FLOWTRACE_BENCH_PCAP). Both sub-benchmarks
// decode the same capture from memory; the difference of their ns/packet
// is the analysis.
func BenchmarkSequenceAnalysis(b *testing.B) {
	data := benchCapture(b)
	for _, bc := range []struct {
		name  string
		noSeq bool
	}{{"core", true}, {"core+analysis", false}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var packets int
			for range b.N {
				packets = 0
				f, err := capture.OpenFile("-", bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				rd := capture.NewReader(f)
				tr := New(Config{}, nop{})
				tr.noSeq = bc.noSeq
				var seg segment.Segment
				for rd.Next(&seg) == nil {
					tr.Handle(&seg)
					packets++
				}
				tr.Flush()
			}
			ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / float64(packets)
			b.ReportMetric(ns, "ns/packet")
			b.ReportMetric(0, "ns/op")
		})
	}
}

func benchCapture(b *testing.B) []byte {
	b.Helper()
	if name := os.Getenv("FLOWTRACE_BENCH_PCAP"); name != "" {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		return data
	}
	n := 1_000_000
	if s := os.Getenv("FLOWTRACE_BENCH_PACKETS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	var buf bytes.Buffer
	if err := benchgen.Generate(&buf, n, 1); err != nil && err != io.EOF {
		b.Fatal(err)
	}
	return buf.Bytes()
}
