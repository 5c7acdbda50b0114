package tracker

import (
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// bytesRecorder keeps each ended connection's byte counts.
type bytesRecorder struct {
	recorder
	got []connBytes
}

type connBytes struct {
	wire, zeek, ip [2]uint64
}

func (r *bytesRecorder) Done(c *Conn) {
	var b connBytes
	for s := Orig; s <= Resp; s++ {
		b.wire[s], b.zeek[s], b.ip[s] = c.Bytes(s), c.ZeekBytes(s), c.IPBytes(s)
	}
	r.got = append(r.got, b)
}

// withIP sets each segment's IP length to 40 plus its payload (IPv4 and
// TCP headers without options).
func withIP(segs []segment.Segment) []segment.Segment {
	for i := range segs {
		segs[i].IPLen = 40 + segs[i].PayloadLen
	}
	return segs
}

func TestZeekBytes(t *testing.T) {
	fin := []segment.Segment{
		pkt(50, "c>s", "F.", 1301, 5001, 0),
		pkt(51, "s>c", "F.", 5001, 1302, 0),
		pkt(52, "c>s", ".", 1302, 5002, 0),
	}
	tests := []struct {
		name string
		segs []segment.Segment
		want connBytes
	}{
		{
			// A retransmission is on the wire twice but in the
			// sequence space once.
			name: "retransmission counted once",
			segs: cat(handshake(), []segment.Segment{
				pkt(10, "c>s", "P.", 1001, 5001, 300),
				pkt(30, "c>s", "P.", 1001, 5001, 300),
				pkt(31, "s>c", ".", 5001, 1301, 0),
			}, fin),
			want: connBytes{wire: [2]uint64{600, 0}, zeek: [2]uint64{300, 0}, ip: [2]uint64{40*6 + 600, 40 * 3}},
		},
		{
			// Bytes the capture missed but the peer acknowledged are
			// counted, as Zeek counts them (and reports them as
			// missed_bytes).
			name: "gap counted",
			segs: cat(handshake(), []segment.Segment{
				pkt(10, "c>s", "P.", 1001, 5001, 100),
				pkt(12, "c>s", "P.", 1201, 5001, 100),
				pkt(13, "s>c", ".", 5001, 1301, 0),
			}, fin),
			want: connBytes{wire: [2]uint64{200, 0}, zeek: [2]uint64{300, 0}, ip: [2]uint64{40*6 + 200, 40 * 3}},
		},
		{
			// Acknowledged beyond the highest sequence captured.
			name: "ack beyond the capture",
			segs: cat(handshake(), []segment.Segment{
				pkt(10, "c>s", "P.", 1001, 5001, 100),
				pkt(13, "s>c", ".", 5001, 1301, 0),
			}),
			want: connBytes{wire: [2]uint64{100, 0}, zeek: [2]uint64{300, 0}, ip: [2]uint64{40*3 + 100, 40 * 2}},
		},
		{
			// Midstream: the first sequence number seen is the origin.
			name: "midstream",
			segs: []segment.Segment{
				pkt(0, "c>s", "P.", 7000, 9000, 50),
				pkt(1, "s>c", "P.", 9000, 7050, 20),
				pkt(2, "c>s", ".", 7050, 9020, 0),
			},
			want: connBytes{wire: [2]uint64{50, 20}, zeek: [2]uint64{50, 20}, ip: [2]uint64{40*2 + 50, 40 + 20}},
		},
		{
			name: "unanswered SYN",
			segs: []segment.Segment{pkt(0, "c>s", "S", 1000, 0, 0)},
			want: connBytes{ip: [2]uint64{40, 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &bytesRecorder{}
			tr := New(Config{}, r)
			segs := withIP(tt.segs)
			for i := range segs {
				segs[i].Pkt = uint64(i + 1)
				tr.Handle(&segs[i])
			}
			tr.Flush()
			if len(r.got) != 1 {
				t.Fatalf("%d connections; want 1", len(r.got))
			}
			if r.got[0] != tt.want {
				t.Errorf("got %+v; want %+v", r.got[0], tt.want)
			}
		})
	}
}
