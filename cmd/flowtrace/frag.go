package main

import (
	"fmt"
	"io"
	"time"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/printer"
)

// fragments translates the reader's reassembly counts for the summary.
func fragments(f *capture.FragStats, held uint64) printer.Fragments {
	out := printer.Fragments{
		Frames: held + f.Reassembled, Reassembled: f.Reassembled, Incomplete: f.Incomplete,
		TimedOut: f.TimedOut, Overlaps: f.Overlaps, Duplicates: f.Duplicates, Conflicts: f.Conflicts,
		TinyFirst: f.TinyFirst, Invalid: f.Invalid, CapDropped: f.CapDropped, Unverifiable: f.Unverifiable,
	}
	add := func(kind string, ex []capture.FragExample) {
		for _, e := range ex {
			k := kind
			if e.Duplicate {
				k = "duplicate"
			}
			out.Examples = append(out.Examples, printer.FragExample{
				Kind: k, Src: e.Src, Dst: e.Dst, ID: e.ID, First: e.First,
				FirstPkt: e.FirstPkt, Pkt: e.Pkt, Conflict: e.Conflict,
			})
		}
	}
	add("incomplete", f.IncompleteExamples())
	add("overlap", f.OverlapExamples())
	add("tiny", f.TinyExamples())
	return out
}

// diagnoseFragments reports on stderr what reassembly did.
func diagnoseFragments(w io.Writer, name string, f *printer.Fragments, cfg *config) {
	loc := time.Local
	if cfg.utc {
		loc = time.UTC
	}
	for _, l := range f.Lines(name, loc) {
		fmt.Fprintf(w, "flowtrace: %s\n", l)
	}
}
