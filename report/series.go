package report

import (
	"strings"

	"github.com/flowtrace/flowtrace/tracker"
)

// maxBins is the most time bins of the whole-capture charts.
const maxBins = 512

// firstBinWidth is the width of a bin until the capture outgrows maxBins.
const firstBinWidth = int64(1e6) // 1 ms

// numStates is the number of tracker states (tracker.TimeWait is the last).
const numStates = int(tracker.TimeWait) + 1

// outcomeList is Zeek's conn_state values, in the order the chart stacks
// them; an unknown value counts as OTH (the last).
const outcomeList = "SF S0 S1 S2 S3 REJ RSTO RSTR RSTOS0 RSTRH SH SHR OTH"

const numOutcomes = 13

// outcomes returns the conn_state values in chart order.
func outcomes() []string { return strings.Fields(outcomeList) }

// outcomeIndex returns conn_state s's place in outcomeList: a switch,
// since it runs once per connection (TestOutcomeIndex holds it to the list).
func outcomeIndex(s string) int {
	switch s {
	case "SF":
		return 0
	case "S0":
		return 1
	case "S1":
		return 2
	case "S2":
		return 3
	case "S3":
		return 4
	case "REJ":
		return 5
	case "RSTO":
		return 6
	case "RSTR":
		return 7
	case "RSTOS0":
		return 8
	case "RSTRH":
		return 9
	case "SH":
		return 10
	case "SHR":
		return 11
	}
	return numOutcomes - 1 // OTH, and anything unknown
}

// series is the binned whole-capture data: endpoints per state sampled
// at each bin's end, and new connections per bin by outcome.
type series struct {
	started bool
	done    bool // finish was called: later changes count only as outcomes
	t0, w   int64
	now     int64                // latest capture time seen
	next    int64                // end of now's bin while started and not done, else 0 (tick)
	cur     [numStates]int32     // endpoints in each state now
	open    int32                // connections tracked now
	states  [][numStates]int32   // sample at the end of each finished bin
	totals  []int32              // endpoints (2 × connections) at the end of each finished bin
	newc    [][numOutcomes]int32 // new connections by first packet's bin
}

// advance moves the clock to t (Unix ns), finishing the bins before t's.
func (s *series) advance(t int64) {
	if !s.started {
		s.started, s.t0, s.w, s.now = true, t, firstBinWidth, t
		return
	}
	if t <= s.now || s.done {
		return
	}
	s.now = t
	i := s.index(t)
	for len(s.states) < i {
		s.states = append(s.states, s.cur)
		s.totals = append(s.totals, 2*s.open)
	}
	s.next = s.t0 + int64(i+1)*s.w
}

// tick is advance for a packet: while t stays in the bin of the latest
// time seen it only moves the clock, without a division.
func (s *series) tick(t int64) {
	if t > s.now && t < s.next {
		s.now = t
		return
	}
	s.advance(t)
}

// index returns t's bin, halving the resolution until it fits.
func (s *series) index(t int64) int {
	for {
		i := int((t - s.t0) / s.w)
		if i < maxBins {
			return max(i, 0)
		}
		s.halve()
	}
}

// halve doubles the bin width, merging pairs: a state sample keeps the
// later one (the end of the merged bin), counts add up.
func (s *series) halve() {
	n := len(s.states)
	// An odd last bin pairs with the unfinished one: it is unfinished too.
	for j := 0; 2*j+1 < n; j++ {
		s.states[j], s.totals[j] = s.states[2*j+1], s.totals[2*j+1]
	}
	s.states, s.totals = s.states[:n/2], s.totals[:n/2]
	m := len(s.newc)
	for j := 0; 2*j < m; j++ {
		a := s.newc[2*j]
		if 2*j+1 < m {
			for o := range a {
				a[o] += s.newc[2*j+1][o]
			}
		}
		s.newc[j] = a
	}
	s.newc = s.newc[:(m+1)/2]
	s.w *= 2
	s.next = 0 // bins moved: advance finds t's anew
}

// opened counts a new connection's endpoints in their first states.
func (s *series) opened(st [2]tracker.State) {
	s.open++
	s.cur[st[0]]++
	s.cur[st[1]]++
}

// moved counts an endpoint's transition.
func (s *series) moved(from, to tracker.State) {
	s.cur[from]--
	s.cur[to]++
}

// closed removes a connection's endpoints and counts it by outcome in
// the bin of its first packet.
func (s *series) closed(st [2]tracker.State, first int64, outcome string) {
	s.open--
	s.cur[st[0]]--
	s.cur[st[1]]--
	i := s.index(max(first, s.t0))
	for len(s.newc) <= i {
		s.newc = append(s.newc, [numOutcomes]int32{})
	}
	s.newc[i][outcomeIndex(outcome)]++
}

// finish closes the last bin at the end of the input, before the
// connections still tracked leave the table; it is idempotent.
func (s *series) finish() {
	if !s.started {
		s.w = firstBinWidth
	}
	if !s.started || s.done {
		return
	}
	s.done = true
	s.next = 0
	i := s.index(s.now)
	for len(s.states) <= i {
		s.states = append(s.states, s.cur)
		s.totals = append(s.totals, 2*s.open)
	}
	for len(s.newc) < len(s.states) {
		s.newc = append(s.newc, [numOutcomes]int32{})
	}
}
