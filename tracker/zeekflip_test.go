package tracker

import (
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// Zeek writes '^' first in history when the originator is not the sender
// of the connection's first packet.
func TestHistoryFlipped(t *testing.T) {
	tests := []struct {
		name string
		segs []segment.Segment
		want string
	}{
		{"SYN first", handshake(), "ShA"},
		{"SYN-ACK first", handshake()[1:], "^hA"},
		{"client first, midstream", []segment.Segment{pkt(0, "c>s", "P.", 1, 1, 10), pkt(1, "s>c", ".", 1, 11, 0)}, "Da"},
		{"server first, midstream", []segment.Segment{pkt(0, "s>c", "P.", 1, 1, 10), pkt(1, "c>s", ".", 1, 11, 0)}, "^dA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &recorder{}
			tr := New(Config{}, r)
			var hist string
			for i := range tt.segs {
				tr.Handle(&tt.segs[i])
			}
			tr.conns.each(func(c *Conn) { hist = c.History() })
			if hist != tt.want {
				t.Errorf("history %q; want %q", hist, tt.want)
			}
		})
	}
}
