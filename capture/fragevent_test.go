package capture

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

type fragLog struct{ lines []string }

func (l *fragLog) Fragment(ev *FragEvent) {
	l.lines = append(l.lines, fmt.Sprintf("%d %s>%s id %d pkt %d first %d timedout %v conflict %v port %d flags %s",
		ev.Kind, ev.Example.Src, ev.Example.Dst, ev.Example.ID, ev.Pkt, ev.Example.FirstPkt, ev.TimedOut, ev.Example.Conflict, ev.DstPort, ev.Flags))
}

// TestFragEvents: the reassembler reports tiny first fragments,
// reassembled TCP segments, overlaps and incomplete trains (timed out,
// or open at the end) as it meets them, in frame order.
func TestFragEvents(t *testing.T) {
	tiny := frag4(ip4(t, fragSpec()), 9, fragPiece{0, 8, true}, fragPiece{8, 124, false})
	over := frag4(ip4(t, fragSpec()), 10, fragPiece{0, 48, true}, fragPiece{40, 92, false})
	over[1][20+2] ^= 0xff // conflicting bytes in the overlap
	lone := frag4(ip4(t, fragSpec()), 11, p0)
	late := frag4(ip4(t, fragSpec()), 12, p0)
	frames := [][]byte{tiny[0], tiny[1], over[0], over[1], lone[0], late[0]}
	times := []time.Time{t0, t0, t0, t0, t0, t0.Add(31 * time.Second)}
	r := NewReader(&timedSource{frames: frames, times: times})
	var log fragLog
	r.SetFragObserver(&log)
	var seg segment.Segment
	var err error
	for err = r.Next(&seg); err == nil; err = r.Next(&seg) {
	}
	if !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	want := []string{
		"2 10.0.0.1>10.0.0.2 id 9 pkt 1 first 1 timedout false conflict false port 0 flags none",
		"4 10.0.0.1>10.0.0.2 id 0 pkt 2 first 0 timedout false conflict false port 80 flags P.",
		"3 10.0.0.1>10.0.0.2 id 10 pkt 4 first 3 timedout false conflict true port 0 flags none",
		"1 10.0.0.1>10.0.0.2 id 11 pkt 6 first 5 timedout true conflict false port 0 flags none",
		"1 10.0.0.1>10.0.0.2 id 12 pkt 0 first 6 timedout false conflict false port 0 flags none",
	}
	if got := strings.Join(log.lines, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}
