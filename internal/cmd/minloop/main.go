// Command minloop runs the minimal loop of package minloop over a classic
// pcap file and prints its flow and frame counts: the yardstick that
// scripts/bench.sh times flowtrace against on a file.
//
//	go run ./internal/cmd/minloop capture.pcap
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/flowtrace/flowtrace/internal/minloop"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: minloop FILE.pcap")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "minloop:", err)
		os.Exit(1)
	}
	defer f.Close()
	flows, frames, err := minloop.Pass(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		fmt.Fprintf(os.Stderr, "minloop: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	fmt.Printf("%d flows in %d frames\n", flows, frames)
}
