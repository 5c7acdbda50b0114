package tracker

import "time"

// timer is a deadline for one connection in the tracker's heap. Entries
// are lazy: a connection's real deadline is recomputed when its entry
// comes due, and gen discards entries of connections since reused. The
// entry is for c, or with c nil for compact record r (compact.go). Its
// time is the connection's queued, so the entry does not hold it twice.
type timer struct {
	atS stamp  // the deadline
	id  uint64 // breaks ties so expiry order is deterministic
	c   *Conn
	gen uint32
	r   uint32
}

// timerHeap is a min-heap of timers ordered by (at, id). It is written out
// rather than built on container/heap to avoid boxing each entry in an
// interface.
type timerHeap []timer

func (h timerHeap) less(i, j int) bool {
	if h[i].atS != h[j].atS {
		return h[i].atS.before(h[j].atS)
	}
	return h[i].id < h[j].id
}

// stamp is an instant of the capture clock as Unix seconds and
// nanoseconds: what the tracker compares on every segment (Advance, the
// timer heap), for a few instructions where time.Time's Before and After
// take dozens. Capture times carry no monotonic reading, so the two
// compare alike; the wall clock of a live capture's quiet link is
// compared as wall time too.
type stamp struct {
	sec  int64
	nsec int64
}

func stampOf(t time.Time) stamp { return stamp{t.Unix(), int64(t.Nanosecond())} }

func (a stamp) before(b stamp) bool { return a.sec < b.sec || a.sec == b.sec && a.nsec < b.nsec }

// add returns a moved by d: stampOf(t.Add(d)) for the t of a, by the same
// arithmetic as time.Time.Add (which saturates only at ±2^63 s), in a few
// instructions where Add takes about sixty. Deadlines are computed with
// it (deadline).
func (a stamp) add(d time.Duration) stamp {
	sec, nsec := a.sec+int64(d/time.Second), a.nsec+int64(d%time.Second)
	switch {
	case nsec >= int64(time.Second):
		sec++
		nsec -= int64(time.Second)
	case nsec < 0:
		sec--
		nsec += int64(time.Second)
	}
	return stamp{sec, nsec}
}

// time returns a as a time.Time, in UTC.
func (a stamp) time() time.Time { return time.Unix(a.sec, a.nsec).UTC() }

func (h *timerHeap) push(x timer) {
	*h = append(*h, x)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if !s.less(i, p) {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
}

func (h *timerHeap) pop() timer {
	s := *h
	top := s[0]
	n := len(s) - 1
	s[0] = s[n]
	s[n] = timer{}
	s = s[:n]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && s.less(l, m) {
			m = l
		}
		if r < n && s.less(r, m) {
			m = r
		}
		if m == i {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
	*h = s
	return top
}
