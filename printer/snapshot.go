package printer

import (
	"cmp"
	"iter"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/flowtrace/flowtrace/tracker"
)

// Snapshot is the state of the connections in the tracker's table at one
// moment of a live capture: the watch view's rows and the "active" fields
// of its summary records. Only endpoints that hold a connection count
// (not CLOSED, nor LISTEN or UNKNOWN: tracker.State.Gone).
type Snapshot struct {
	Conns  int        // connections in the table
	Rows   []StateRow // states with endpoints, in netstat's order
	Oldest []Lingerer // the oldest endpoints in the Lingers states, oldest first
}

// StateRow is one state's endpoints.
type StateRow struct {
	State   tracker.State
	N       uint64
	Oldest  time.Duration // the longest any of them has been in the state
	Busiest []Count       // the places with most of them, most first
}

// Lingerer is an endpoint in a state where leaks pile up, and how long it
// has been there.
type Lingerer struct {
	Conn       uint64
	UID        tracker.UID
	Side       tracker.Side
	Addr, Peer netip.AddrPort // the endpoint and its peer
	State      tracker.State
	Age        time.Duration
}

// Lingers reports whether endpoints in state s are listed by age in a
// Snapshot: CLOSE-WAIT (the application never closed), FIN-WAIT-2 (the
// peer never closed), LAST-ACK (the last ACK never came) and
// SYN-RECEIVED (the handshake never completed: a flood or a lost ACK).
func Lingers(s tracker.State) bool {
	switch s {
	case tracker.CloseWait, tracker.FinWait2, tracker.LastAck, tracker.SynReceived:
		return true
	}
	return false
}

// TakeSnapshot counts the endpoints of conns per state at time now (on
// the capture clock), with per state the age of the oldest and the
// busiest places, at most busiest of them, and the oldest endpoints in
// the Lingers states, at most oldest of them. A server endpoint's place
// is its address and port (half-open SYN-RECEIVED or CLOSE-WAIT on one
// service), a client endpoint's its address alone (its ports are
// ephemeral: TIME-WAIT piles on one client host). It reads the
// connections and keeps none: call it between the tracker's calls. The
// result is the same whatever order conns come in.
func TakeSnapshot(conns iter.Seq[*tracker.Conn], now time.Time, busiest, oldest int) Snapshot {
	var snap Snapshot
	var counts Histogram
	var ages [len(stateOrder)]time.Duration
	places := make([]map[string]uint64, len(counts))
	for c := range conns {
		snap.Conns++
		for s := tracker.Orig; s <= tracker.Resp; s++ {
			st := c.State(s)
			if st.Gone() {
				continue
			}
			i := HistogramIndex(st)
			counts[i]++
			age := max(now.Sub(c.Since(s)), 0)
			ages[i] = max(ages[i], age)
			if places[i] == nil {
				places[i] = make(map[string]uint64)
			}
			a := c.Addr(s)
			var key string
			if s == tracker.Resp {
				key = a.String() + " (server)"
			} else {
				key = a.Addr().String() + " (client)"
			}
			places[i][key]++
			if Lingers(st) {
				snap.Oldest = append(snap.Oldest, Lingerer{
					Conn: c.ID(), UID: c.UID(), Side: s, Addr: a, Peer: c.Addr(s.Peer()), State: st, Age: age,
				})
			}
		}
	}
	for i, n := range counts {
		if n == 0 {
			continue
		}
		r := StateRow{State: HistogramState(i), N: n, Oldest: ages[i]}
		for k, n := range places[i] {
			r.Busiest = append(r.Busiest, Count{Name: k, N: n})
		}
		slices.SortFunc(r.Busiest, func(a, b Count) int {
			if c := cmp.Compare(b.N, a.N); c != 0 {
				return c
			}
			return strings.Compare(a.Name, b.Name)
		})
		r.Busiest = r.Busiest[:min(len(r.Busiest), busiest)]
		snap.Rows = append(snap.Rows, r)
	}
	slices.SortFunc(snap.Oldest, func(a, b Lingerer) int {
		if c := cmp.Compare(b.Age, a.Age); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Conn, b.Conn); c != 0 {
			return c
		}
		return cmp.Compare(a.Side, b.Side)
	})
	snap.Oldest = snap.Oldest[:min(len(snap.Oldest), oldest)]
	return snap
}

// Sort orders for the rows of a Snapshot.
const (
	ByState = iota // netstat's order, as TakeSnapshot returns them
	ByCount        // most endpoints first
	ByAge          // the oldest endpoint first
	numSorts
)

// sortNames names the sort orders, for the watch view's header.
var sortNames = [numSorts]string{"state", "count", "age"}

// SortName returns the name of sort order by.
func SortName(by int) string { return sortNames[by%numSorts] }

// NextSort returns the sort order after by, cycling.
func NextSort(by int) int { return (by + 1) % numSorts }

// SortRows orders rows by one of ByState, ByCount and ByAge, ties in
// netstat's order.
func SortRows(rows []StateRow, by int) {
	slices.SortStableFunc(rows, func(a, b StateRow) int {
		switch by % numSorts {
		case ByCount:
			if c := cmp.Compare(b.N, a.N); c != 0 {
				return c
			}
		case ByAge:
			if c := cmp.Compare(b.Oldest, a.Oldest); c != 0 {
				return c
			}
		}
		return cmp.Compare(HistogramIndex(a.State), HistogramIndex(b.State))
	})
}

// FormatAge writes an age as the watch view shows it: 850ms, 4.2s, 42s,
// 14m02s, 3h07m, 2d05h.
func FormatAge(d time.Duration) string {
	return string(appendAge(nil, d))
}

func appendAge(b []byte, d time.Duration) []byte {
	d = max(d, 0)
	two := func(b []byte, v int64) []byte { return append2(b, v%100) }
	switch {
	case d < time.Second:
		b = appendInt(b, d.Milliseconds())
		return append(b, "ms"...)
	case d < 10*time.Second:
		ds := d.Milliseconds() / 100
		b = appendInt(b, ds/10)
		b = append(b, '.')
		b = appendInt(b, ds%10)
		return append(b, 's')
	case d < time.Minute:
		b = appendInt(b, int64(d/time.Second))
		return append(b, 's')
	case d < time.Hour:
		b = appendInt(b, int64(d/time.Minute))
		b = append(b, 'm')
		b = two(b, int64(d/time.Second%60))
		return append(b, 's')
	case d < 24*time.Hour:
		b = appendInt(b, int64(d/time.Hour))
		b = append(b, 'h')
		b = two(b, int64(d/time.Minute%60))
		return append(b, 'm')
	}
	b = appendInt(b, int64(d/(24*time.Hour)))
	b = append(b, 'd')
	b = two(b, int64(d/time.Hour%24))
	return append(b, 'h')
}

func appendInt(b []byte, v int64) []byte { return strconv.AppendInt(b, v, 10) }
