package capture

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// TestPcapWriterRoundTrip copies a bundled trace frame by frame through a
// LastFrame and a PcapWriter, as flowtrace -r x -w y does, and reads the
// copy back: the same frames, timestamps to the nanosecond, link type and
// decoded segments.
func TestPcapWriterRoundTrip(t *testing.T) {
	in := filepath.Join("..", "testdata", "pcaps", "any-sll2.pcap")
	f, err := OpenFile(in, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lf := NewLastFrame(f)
	if lf.LinkType() != LinkSLL2 {
		t.Fatalf("LastFrame.LinkType = %v; want the file's %v", lf.LinkType(), LinkSLL2)
	}
	out := filepath.Join(t.TempDir(), "out.pcap")
	of, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	pw, err := NewPcapWriter(of, lf.LinkType(), MaxSnaplen)
	if err != nil {
		t.Fatal(err)
	}
	rd := NewReader(lf)
	var seg segment.Segment
	type rec struct {
		data string
		ci   FrameInfo
		pkt  uint64
	}
	var want []rec
	for rd.Next(&seg) == nil {
		data, ci, link, n := lf.Frame()
		if n != seg.Pkt || link != LinkSLL2 {
			t.Fatalf("frame %d (link %v) kept for segment #%d", n, link, seg.Pkt)
		}
		if err := pw.WritePacket(ci, data); err != nil {
			t.Fatal(err)
		}
		want = append(want, rec{string(data), ci, seg.Pkt})
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	if pw.Packets() != uint64(len(want)) || len(want) == 0 {
		t.Fatalf("Packets() = %d; wrote %d", pw.Packets(), len(want))
	}

	g, err := OpenFile(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if g.LinkType() != LinkSLL2 {
		t.Errorf("copy has link type %v", g.LinkType())
	}
	for i, w := range want {
		data, ci, _, err := g.ReadFrame()
		if err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		if string(data) != w.data || !ci.Timestamp.Equal(w.ci.Timestamp) || ci.Length != w.ci.Length {
			t.Errorf("record %d differs: %v %d; want %v %d", i+1, ci.Timestamp, ci.Length, w.ci.Timestamp, w.ci.Length)
		}
	}
	if _, _, _, err := g.ReadFrame(); err != io.EOF {
		t.Errorf("after the last record: %v; want io.EOF", err)
	}
}

type discardCloser struct{ io.Writer }

func (discardCloser) Close() error { return nil }

func TestPcapWriterNoAllocs(t *testing.T) {
	pw, err := NewPcapWriter(discardCloser{io.Discard}, LinkEthernet, 256)
	if err != nil {
		t.Fatal(err)
	}
	frame := make([]byte, 74)
	ci := FrameInfo{CaptureLength: 74, Length: 1514}
	if n := testing.AllocsPerRun(100, func() { pw.WritePacket(ci, frame) }); n != 0 {
		t.Errorf("WritePacket allocates %v times per packet", n)
	}
}
