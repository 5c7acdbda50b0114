package minloop

import (
	"bytes"
	"os"
	"testing"
)

// TestPass counts the flows of a bundled trace: one connection, two
// directed 4-tuples.
func TestPass(t *testing.T) {
	data, err := os.ReadFile("../../testdata/pcaps/client-close.pcap")
	if err != nil {
		t.Fatal(err)
	}
	flows, frames, err := Pass(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if flows != 2 || frames == 0 {
		t.Errorf("Pass = %d flows, %d frames; want 2 flows and some frames", flows, frames)
	}
	if _, _, err := Pass(bytes.NewReader([]byte("not a pcap"))); err == nil {
		t.Error("Pass accepted a file that is not a pcap")
	}
}
