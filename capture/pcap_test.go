package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math/rand/v2"
	"testing"
)

// chunkReader returns at most a random number of bytes per Read, so that
// the pcap reader's buffer fills at every possible offset of a record.
type chunkReader struct {
	b   []byte
	rng *rand.Rand
}

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), len(r.b), 1+r.rng.IntN(9000))
	copy(p, r.b[:n])
	r.b = r.b[n:]
	return n, nil
}

// TestPcapRecordsAcrossBuffer: records of every size, from empty to
// MaxSnaplen, around the read buffer's size and across its refills, in
// both byte orders, read in random pieces, come out whole and in order;
// a file cut anywhere gives the records before the cut, then io.EOF at a
// record's boundary or a *TruncatedError inside a record.
func TestPcapRecordsAcrossBuffer(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	sizes := []int{0, 1, 14, 60, 1514, bufSize - 17, bufSize - 16, bufSize - 15, bufSize, bufSize + 1, 100000, MaxSnaplen}
	var frames [][]byte
	for range 300 {
		n := sizes[rng.IntN(len(sizes))]
		if rng.IntN(2) == 0 {
			n = rng.IntN(3000)
		}
		f := make([]byte, n)
		for i := range f {
			f[i] = byte(rng.Uint32())
		}
		frames = append(frames, f)
	}
	for _, order := range []binary.AppendByteOrder{binary.LittleEndian, binary.BigEndian} {
		file := pcapFile(order, false, LinkEthernet, frames...)
		// Record boundaries, for the cuts.
		ends := map[int]int{24: 0} // offset -> records before it
		off := 24
		for i, f := range frames {
			off += 16 + len(f)
			ends[off] = i + 1
		}
		cuts := []int{len(file)}
		for range 40 {
			cuts = append(cuts, 24+rng.IntN(len(file)-24))
		}
		for _, cut := range cuts {
			src, err := OpenFile("-", &chunkReader{b: file[:cut], rng: rng})
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			for {
				data, ci, _, err := src.ReadFrame()
				if err != nil {
					var te *TruncatedError
					_, atEnd := ends[cut]
					whole := 0 // records wholly before the cut
					for end, n := range ends {
						if end <= cut {
							whole = max(whole, n)
						}
					}
					switch {
					case atEnd && err != io.EOF:
						t.Fatalf("%v, cut at %d (a boundary): %v; want EOF", order, cut, err)
					case !atEnd && !errors.As(err, &te):
						t.Fatalf("%v, cut at %d: %v; want *TruncatedError", order, cut, err)
					case got != whole:
						t.Fatalf("%v, cut at %d: %d records; want %d", order, cut, got, whole)
					}
					break
				}
				if want := frames[got]; !bytes.Equal(data, want) || ci.CaptureLength != len(want) || ci.Length != len(want) {
					t.Fatalf("%v, cut at %d: record %d: %d bytes (%d, %d); want %d", order, cut, got, len(data), ci.CaptureLength, ci.Length, len(want))
				}
				if sec := ci.Timestamp.Unix(); sec != 1700000000+int64(got) {
					t.Fatalf("%v: record %d: time %v", order, got, ci.Timestamp)
				}
				got++
			}
			if cut == len(file) && got != len(frames) {
				t.Fatalf("%v: %d records; want %d", order, got, len(frames))
			}
		}
	}
}
