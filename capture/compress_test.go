package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/flowtrace/flowtrace/segment"
)

func zst(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := zstd.NewWriter(&buf, zstd.WithEncoderConcurrency(1))
	if err != nil {
		t.Fatal(err)
	}
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// compressedTrace is a capture of n data segments with random payloads, so
// that its compressed form is long enough to cut in the middle.
func compressedTrace(t *testing.T, n int) (pcap []byte, rec int) {
	rng := rand.New(rand.NewPCG(1, 2))
	var frames [][]byte
	for i := range n {
		s := synSpec
		s.flags = segment.ACK | segment.PSH
		s.seq += uint32(i * 200)
		s.opts = nil
		s.payload = make([]byte, 200)
		for j := range s.payload {
			s.payload[j] = byte(rng.Uint32())
		}
		frames = append(frames, eth(etherIPv4, ip4(t, s)))
	}
	pcap = pcapFile(binary.LittleEndian, false, LinkEthernet, frames...)
	return pcap, (len(pcap) - 24) / n
}

// TestCompressed: gzip and zstd captures read like the plain one, told by
// content; a compressed stream cut short gives a *TruncatedError naming
// the file, after every record the decompressor could deliver.
func TestCompressed(t *testing.T) {
	const n = 2000
	plain, rec := compressedTrace(t, n)
	want, _, err := readAll(t, mustOpen(t, writeTemp(t, "plain", plain)))
	if err != io.EOF || len(want) != n {
		t.Fatalf("plain: %d segments, %v", len(want), err)
	}
	for _, c := range []struct {
		name     string
		data     []byte
		inflated func(cut []byte) int // bytes a decompressor gets out of cut
	}{
		{"gzip", gz(t, plain), func(cut []byte) int {
			r, err := gzip.NewReader(bytes.NewReader(cut))
			if err != nil {
				return 0
			}
			m, _ := io.Copy(io.Discard, r)
			return int(m)
		}},
		{"zstd", zst(t, plain), func(cut []byte) int {
			r, err := zstd.NewReader(bytes.NewReader(cut), zstd.WithDecoderConcurrency(1))
			if err != nil {
				return 0
			}
			m, _ := io.Copy(io.Discard, r)
			return int(m)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, _, err := readAll(t, mustOpen(t, writeTemp(t, "x.pcap", c.data)))
			if err != io.EOF || len(got) != n {
				t.Fatalf("%d segments, %v; want %d, EOF", len(got), err, n)
			}
			for i := range got {
				if got[i].Time != want[i].Time || got[i].Seq != want[i].Seq || !bytes.Equal(got[i].Payload, want[i].Payload) {
					t.Fatalf("segment %d differs", i)
				}
			}
			cut := c.data[:len(c.data)*2/3]
			p := writeTemp(t, "cut", cut)
			got, _, err = readAll(t, mustOpen(t, p))
			good := (c.inflated(cut) - 24) / rec
			if good == 0 || len(got) != good {
				t.Errorf("got %d segments before the error; want %d (> 0)", len(got), good)
			}
			var te *TruncatedError
			if !errors.As(err, &te) || !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Fatalf("err = %v; want *TruncatedError", err)
			}
			if te.Record != uint64(good+1) || !strings.HasPrefix(err.Error(), "capture: "+p+": truncated capture: record ") {
				t.Errorf("err = %v; want record %d of %s", err, good+1, p)
			}
		})
	}
}

func mustOpen(t *testing.T, p string) *File {
	t.Helper()
	f, err := OpenFile(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
