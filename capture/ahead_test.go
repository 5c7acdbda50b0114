package capture

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// TestAheadMatchesReader reads every bundled trace, whole and cut short,
// through Reader and through Ahead: same segments with the same payload
// bytes, the same final error and the same statistics.
func TestAheadMatchesReader(t *testing.T) {
	// Next and NextRef (every third segment) give what Reader.Next gives.
	paths, _ := filepath.Glob("../testdata/pcaps/*.pcap")
	if len(paths) == 0 {
		t.Fatal("no traces")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, cut := range []int{len(data), len(data) - 7} {
			in := data[:cut]
			open := func() *Reader {
				f, err := OpenFile("-", bytes.NewReader(in))
				if err != nil {
					t.Fatal(err)
				}
				return NewReader(f)
			}
			rd := open()
			var want []segment.Segment
			var payloads [][]byte
			var wantErr error
			for {
				var s segment.Segment
				if wantErr = rd.Next(&s); wantErr != nil {
					break
				}
				payloads = append(payloads, append([]byte(nil), s.Payload...))
				s.Payload = nil
				want = append(want, s)
			}
			ah := NewAhead(open(), nil)
			var gotErr error
			for i := 0; ; i++ {
				var s segment.Segment
				if i%3 == 1 { // NextRef, in place, between Next calls
					var ref *segment.Segment
					if ref, gotErr = ah.NextRef(); gotErr == nil {
						s = *ref
					}
				} else {
					gotErr = ah.Next(&s)
				}
				if gotErr != nil {
					if i != len(want) {
						t.Fatalf("%s[:%d]: Ahead ended after %d segments; Reader after %d", p, cut, i, len(want))
					}
					break
				}
				if i >= len(want) || !bytes.Equal(s.Payload, payloads[i]) {
					t.Fatalf("%s[:%d]: segment %d payload differs", p, cut, i)
				}
				s.Payload = nil
				if !reflect.DeepEqual(s, want[i]) {
					t.Fatalf("%s[:%d]: segment %d = %+v; want %+v", p, cut, i, s, want[i])
				}
			}
			if (gotErr == nil) != (wantErr == nil) || gotErr.Error() != wantErr.Error() {
				t.Errorf("%s[:%d]: Ahead error %v; Reader %v", p, cut, gotErr, wantErr)
			}
			if ah.Stats() != rd.Stats() {
				t.Errorf("%s[:%d]: stats %+v; want %+v", p, cut, ah.Stats(), rd.Stats())
			}
			ah.Close()
		}
	}
}

// TestAheadCloseEarly stops after one segment: Close returns, and Next
// keeps failing rather than blocking.
func TestAheadCloseEarly(t *testing.T) {
	data, err := os.ReadFile("../testdata/pcaps/syn-scan.pcap")
	if err != nil {
		t.Fatal(err)
	}
	f, err := OpenFile("-", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	ah := NewAhead(NewReader(f), nil)
	var s segment.Segment
	if err := ah.Next(&s); err != nil {
		t.Fatal(err)
	}
	ah.Close()
	ah.Close() // twice is fine
	for range 3 {
		if err := ah.Next(&s); err == nil {
			// Segments already read ahead may still come out; the
			// stream must end with an error, never block.
			continue
		}
		return
	}
	for ah.Next(&s) == nil {
	}
}
