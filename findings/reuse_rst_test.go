package findings

import (
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
)

// TestRSTThenPortReuse: a client that aborts its connection with a RST
// and later opens a new one on the same 4-tuple (a fixed source port, a
// NAT reusing a mapping), with new initial sequence numbers, is not
// still talking after its RST: the new connection's data is no sign of
// an injected RST, however soon the new SYN comes. (benchgen's copies of
// the bad-checksum trace do show an injected RST: they get correct
// checksums, so hping3's RST at RCV.NXT is accepted there, and the
// client's own data after it is what an injection looks like.)
func TestRSTThenPortReuse(t *testing.T) {
	for _, gapMs := range []float64{1, 1400, 10_000, 200_000} {
		at := 100 + gapMs
		segs := join(opened(0, cli), []segment.Segment{sg(100, cli, srv, "R.", 111, 511, 0)},
			[]segment.Segment{
				sg(at, cli, srv, "S", 9000, 0, 0), sg(at+1, srv, cli, "S.", 7000, 9001, 0), sg(at+2, cli, srv, ".", 9001, 7001, 0),
				sg(at+3, cli, srv, "P.", 9001, 7001, 100), sg(at+4, srv, cli, "P.", 7001, 9101, 100), sg(at+5, cli, srv, "F.", 9101, 7101, 0),
			})
		r := replay(Config{}, segs)
		if got := strings.Join(r.lines, "; "); strings.Contains(got, KindRSTInjection) {
			t.Errorf("new connection %v ms after the RST: %s", gapMs, got)
		}
	}
	// The same client sending data on the old connection after its RST
	// was accepted does fire.
	segs := join(opened(0, cli), []segment.Segment{sg(100, cli, srv, "R.", 111, 511, 0), sg(1500, cli, srv, "P.", 111, 511, 100)})
	if got := strings.Join(replay(Config{}, segs).lines, "; "); !strings.Contains(got, "fired "+KindRSTInjection) {
		t.Errorf("data after an accepted RST: %q, want an rst-injection", got)
	}
}
