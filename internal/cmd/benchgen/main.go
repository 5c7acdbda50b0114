// Command benchgen writes the deterministic benchmark capture of package
// internal/benchgen: copies of the bundled Linux traces interleaved with
// bulk transfers, thousands of connections at once.
//
//	go run ./internal/cmd/benchgen -n 1000000 -seed 1 -o /tmp/bench.pcap
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/flowtrace/flowtrace/internal/benchgen"
)

func main() {
	var cfg benchgen.Config
	out := flag.String("o", "-", "output `file` (- for stdout)")
	flag.IntVar(&cfg.Packets, "n", 1000000, "number of frames")
	flag.Int64Var(&cfg.Seed, "seed", 1, "random seed")
	flag.IntVar(&cfg.Concurrency, "concurrency", benchgen.DefaultConcurrency, "connections in progress at once")
	flag.DurationVar(&cfg.MeanGap, "gap", benchgen.DefaultMeanGap, "mean time between frames")
	flag.IntVar(&cfg.Snaplen, "snaplen", 0, "cut frames to this many bytes (0: whole frames)")
	flag.StringVar(&cfg.TemplateDir, "templates", "", "directory of traces to copy (default: the module's testdata/pcaps)")
	flag.Float64Var(&cfg.BulkShare, "bulk", benchgen.DefaultBulkShare, "probability that a new connection is a bulk transfer (fewer: more, shorter connections)")
	flag.BoolVar(&cfg.AllTraces, "all", false, "copy every bundled trace, also the hostile ones outside the benchmark's mix")
	quiet := flag.Bool("q", false, "do not print statistics on stderr")
	flag.Parse()

	var w io.Writer = os.Stdout
	var f *os.File
	// A regular file is written under a temporary name and renamed, so a
	// cut run leaves no half capture; anything else (/dev/null, a FIFO) is
	// written in place, never renamed over.
	if st, err := os.Stat(*out); *out != "-" && err == nil && !st.Mode().IsRegular() {
		if w, err = os.OpenFile(*out, os.O_WRONLY, 0); err != nil {
			fmt.Fprintln(os.Stderr, "benchgen:", err)
			os.Exit(1)
		}
	} else if *out != "-" {
		var err error
		if f, err = os.Create(*out + ".tmp"); err != nil {
			fmt.Fprintln(os.Stderr, "benchgen:", err)
			os.Exit(1)
		}
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	st, err := cfg.Write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(*out+".tmp", *out)
		} else {
			os.Remove(*out + ".tmp")
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
	if !*quiet {
		fmt.Fprintf(os.Stderr, "benchgen: %d frames, %.1f MiB, %.1f s of capture, %d connection programs (%d bulk, %.0f%% of frames), %d slots\n",
			st.Frames, float64(st.Bytes)/(1<<20), st.Duration.Seconds(), st.Conns, st.BulkConns,
			100*float64(st.BulkFrames)/float64(max(st.Frames, 1)), st.Concurrency)
		names := make([]string, 0, len(st.Copies))
		for n := range st.Copies {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprint(os.Stderr, "benchgen: trace copies:")
		for _, n := range names {
			fmt.Fprintf(os.Stderr, " %s %d", n, st.Copies[n])
		}
		fmt.Fprintln(os.Stderr)
	}
}
