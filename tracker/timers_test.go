package tracker

import (
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// closed4 is a complete client-initiated close after the handshake; the
// client enters TIME-WAIT at 8 ms.
func closed4() []segment.Segment {
	return cat(handshake(), []segment.Segment{
		pkt(5, "c>s", "F.", 1001, 5001, 0),
		pkt(6, "s>c", "F.", 5001, 1002, 0),
		pkt(8, "c>s", ".", 1002, 5002, 0),
	})
}

// other is a segment of an unrelated connection that moves the clock.
func other(ms int) segment.Segment {
	s := pkt(ms, "c>s", "S", 1, 0, 0)
	s.SrcPort = 50000
	return s
}

func TestTimeWaitExpiresOnCaptureClock(t *testing.T) {
	r := replay(t, Config{}, append(closed4(), other(60_007))...)
	for _, l := range r.lines {
		if l == "#0 c1 client TIME-WAIT>CLOSED: TIME-WAIT expired" {
			t.Errorf("TIME-WAIT expired before 60 s: %v", r.lines)
		}
	}
	r = replay(t, Config{}, append(closed4(), other(60_009))...)
	expect(t, "last events", r.lines[len(r.lines)-2:], `
#0 c1 client TIME-WAIT>CLOSED: TIME-WAIT expired
#7 c2 client CLOSED>SYN-SENT: sent SYN`)
	// The flag shortens it.
	r = replay(t, Config{TimeWait: time.Second}, append(closed4(), other(1009))...)
	if r.conns[1] != [2]State{Closed, Closed} {
		t.Errorf("with 1 s TIME-WAIT: %v; want CLOSED/CLOSED", r.conns[1])
	}
}

func TestPortReuseAfterTimeWait(t *testing.T) {
	segs := append(closed4(),
		pkt(2000, "c>s", "S", 90000, 0, 0),
		pkt(2001, "s>c", "S.", 7000, 90001, 0),
		pkt(2002, "c>s", ".", 90001, 7001, 0),
	)
	r := replay(t, Config{}, segs...)
	expect(t, "done", r.done, `
c1 10.0.0.1:40000 CLOSED/CLOSED SF ShAFf closed by client
c2 10.0.0.1:40000 ESTABLISHED/ESTABLISHED S1 ShA open`)
	found := false
	for _, l := range r.lines {
		found = found || l == "#7 c1 client TIME-WAIT>CLOSED: TIME-WAIT ended by new SYN: port reuse"
	}
	if !found {
		t.Errorf("no port-reuse transition in %v", r.lines)
	}
}

func TestIdleExpiry(t *testing.T) {
	r := replay(t, Config{IdleTimeout: 10 * time.Second}, append(handshake(), other(10_003))...)
	if len(r.done) != 2 || r.done[0] != "c1 10.0.0.1:40000 ESTABLISHED/ESTABLISHED S1 ShA open (idle timeout)" {
		t.Fatalf("done = %v", r.done)
	}
	// Still there one millisecond before the deadline.
	r = replay(t, Config{IdleTimeout: 10 * time.Second}, append(handshake(), other(10_001))...)
	if r.done[0] != "c1 10.0.0.1:40000 ESTABLISHED/ESTABLISHED S1 ShA open" {
		t.Errorf("expired early: %v", r.done)
	}
}

func TestTableBounded(t *testing.T) {
	// A SYN flood from many ports: the table never exceeds MaxConns.
	rec := &recorder{}
	tr := New(Config{MaxConns: 100}, rec)
	for i := range 1000 {
		s := pkt(i, "c>s", "S", uint32(i), 0, 0)
		s.SrcPort = uint16(1024 + i)
		tr.Handle(&s)
		if n := tr.Stats().Active; n > 100 {
			t.Fatalf("table holds %d connections; limit 100", n)
		}
	}
	if st := tr.Stats(); st.Evicted != 900 || st.Conns != 1000 {
		t.Errorf("stats %+v; want 900 evicted of 1000", st)
	}
}
