package report

import (
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/flowtrace/flowtrace/tracker"
)

// Chart geometry.
const (
	chartW  = 900
	chartH  = 280
	plotX   = 60 // left of the plot area
	plotY   = 12
	plotW   = chartW - plotX - 170 // the legend is on the right
	plotH   = chartH - plotY - 40
	legendX = plotX + plotW + 16
)

// stackOrder is the order states stack from the bottom of the state
// chart; colour classes are s0…s11 by tracker.State.
func stackOrder() []tracker.State {
	return []tracker.State{tracker.Established, tracker.SynSent, tracker.SynReceived, tracker.FinWait1,
		tracker.FinWait2, tracker.CloseWait, tracker.Closing, tracker.LastAck, tracker.TimeWait,
		tracker.Closed, tracker.Listen, tracker.Unknown}
}

// niceMax rounds v up to 1, 2, 2.5 or 5 times a power of ten, so that
// the axis's quarter ticks are round numbers.
func niceMax(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 4, 5, 8, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

// axes draws the plot frame, the time axis (seconds since the first
// packet) and the y axis up to ymax with its title.
func axes(w *svgWriter, bins int, binW int64, ymax float64, ytitle string) {
	w.s(`<rect class="frame" x="`).i(plotX).s(`" y="`).i(plotY).s(`" width="`).i(plotW).s(`" height="`).i(plotH).s(`"/>`)
	total := float64(bins) * float64(binW) / 1e9
	for k := 0; k <= 5; k++ {
		x := plotX + float64(plotW)*float64(k)/5
		w.s(`<line class="grid" x1="`).f(x).s(`" y1="`).i(plotY).s(`" x2="`).f(x).s(`" y2="`).i(plotY + plotH).s(`"/>`)
		w.s(`<text class="tick" x="`).f(x).s(`" y="`).i(plotY + plotH + 14).s(`" text-anchor="middle">`).s(strconv.FormatFloat(total*float64(k)/5, 'g', 4, 64)).s(`</text>`)
	}
	w.s(`<text class="tick" x="`).i(plotX + plotW/2).s(`" y="`).i(plotY + plotH + 30).s(`" text-anchor="middle">seconds since the first packet (bins of `).s(strconv.FormatFloat(float64(binW)/1e9, 'g', 4, 64)).s(` s)</text>`)
	for k := 0; k <= 4; k++ {
		y := plotY + plotH - float64(plotH)*float64(k)/4
		w.s(`<text class="tick" x="`).i(plotX - 6).s(`" y="`).f(y + 4).s(`" text-anchor="end">`).s(strconv.FormatFloat(ymax*float64(k)/4, 'f', -1, 64)).s(`</text>`)
	}
	w.s(`<text class="tick" transform="rotate(-90)" x="`).i(-(plotY + plotH/2)).s(`" y="14" text-anchor="middle">`).esc(ytitle).s(`</text>`)
}

// stateChart draws the endpoints in each state over time as stacked
// step areas. Each area carries its samples (data-v) and the chart the
// endpoint totals (data-totals), for the page's self-check and hover.
func stateChart(s *series) template.HTML {
	w := &svgWriter{}
	n := len(s.states)
	var top int32 = 1
	for _, t := range s.totals {
		top = max(top, t)
	}
	ymax := int32(math.Ceil(niceMax(float64(top))))
	w.s(`<svg class="chart" id="state-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `).i(chartW).s(" ").i(chartH).
		s(`" width="`).i(chartW).s(`" height="`).i(chartH).s(`" data-bins="`).i(int64(n)).s(`" data-binw="`).i(s.w).s(`" data-totals="`)
	for i, t := range s.totals {
		if i > 0 {
			w.s(",")
		}
		w.i(int64(t))
	}
	w.s(`">`)
	axes(w, n, s.w, float64(ymax), "endpoints")
	if n == 0 {
		w.s(`</svg>`)
		return w.html()
	}
	bx := float64(plotW) / float64(n)
	yOf := func(v int32) float64 { return plotY + plotH - float64(plotH)*float64(v)/float64(ymax) }
	base := make([]int32, n)
	ly := plotY + 4
	for _, st := range stackOrder() {
		any := false
		for i := range n {
			any = any || s.states[i][st] != 0
		}
		if !any {
			continue
		}
		w.s(`<path class="area s`).i(int64(st)).s(`" data-state="`).s(st.String()).s(`" data-v="`)
		for i := range n {
			if i > 0 {
				w.s(",")
			}
			w.i(int64(s.states[i][st]))
		}
		w.s(`" d="M`)
		// Upper edge left to right, then the lower edge back.
		for i := range n {
			top := yOf(base[i] + s.states[i][st])
			w.f(plotX + bx*float64(i)).s(",").f(top).s("L").f(plotX + bx*float64(i+1)).s(",").f(top).s("L")
		}
		for i := n - 1; i >= 0; i-- {
			bot := yOf(base[i])
			w.f(plotX + bx*float64(i+1)).s(",").f(bot).s("L").f(plotX + bx*float64(i)).s(",").f(bot)
			if i > 0 {
				w.s("L")
			}
		}
		w.s(`Z"/>`)
		for i := range n {
			base[i] += s.states[i][st]
		}
		w.s(`<rect class="sw s`).i(int64(st)).s(`" x="`).i(legendX).s(`" y="`).i(int64(ly)).s(`" width="12" height="12"/>`)
		w.s(`<text class="leg" x="`).i(legendX + 18).s(`" y="`).i(int64(ly) + 10).s(`">`).s(st.String()).s(`</text>`)
		ly += 18
	}
	w.s(`<line class="hover" x1="0" y1="`).i(plotY).s(`" x2="0" y2="`).i(plotY + plotH).s(`" visibility="hidden"/>`)
	w.s(`</svg>`)
	return w.html()
}

// outcomeChart draws new connections per bin, stacked by conn_state.
func outcomeChart(s *series) template.HTML {
	w := &svgWriter{}
	// Bins of at least a second: k of the series' bins each.
	k := int((int64(time.Second) + s.w - 1) / s.w)
	binW := s.w * int64(k)
	var newc [][numOutcomes]int32
	for i, c := range s.newc {
		if i%k == 0 {
			newc = append(newc, [numOutcomes]int32{})
		}
		for o, v := range c {
			newc[len(newc)-1][o] += v
		}
	}
	n := len(newc)
	var top int32 = 1
	for i := range n {
		var t int32
		for _, v := range newc[i] {
			t += v
		}
		top = max(top, t)
	}
	perSec := 1e9 / float64(binW)
	// The axis is in connections per second: round that.
	ymax := float32(niceMax(float64(top)*perSec) / perSec)
	w.s(`<svg class="chart" id="outcome-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `).i(chartW).s(" ").i(chartH).
		s(`" width="`).i(chartW).s(`" height="`).i(chartH).s(`" data-bins="`).i(int64(n)).s(`" data-binw="`).i(binW).s(`">`)
	axes(w, n, binW, float64(ymax)*perSec, "new connections per second")
	fmax := float64(ymax)
	if n == 0 {
		w.s(`</svg>`)
		return w.html()
	}
	bx := float64(plotW) / float64(n)
	names := outcomes()
	used := make([]bool, numOutcomes)
	for i := range n {
		var base int32
		for o := range numOutcomes {
			v := newc[i][o]
			if v == 0 {
				continue
			}
			used[o] = true
			y := plotY + plotH - float64(plotH)*float64(base+v)/fmax
			h := float64(plotH) * float64(v) / fmax
			w.s(`<rect class="bar o`).i(int64(o)).s(`" x="`).f(plotX + bx*float64(i)).s(`" y="`).f(y).s(`" width="`).f(math.Max(bx-0.5, 0.5)).s(`" height="`).f(h).s(`"><title>`).
				s(names[o]).s(": ").i(int64(v)).s(" new connections in ").s(strconv.FormatFloat(float64(i)*float64(binW)/1e9, 'g', 6, 64)).s(" s + ").s(strconv.FormatFloat(float64(binW)/1e9, 'g', 4, 64)).s(` s</title></rect>`)
			base += v
		}
	}
	ly := plotY + 4
	for o, ok := range used {
		if !ok {
			continue
		}
		w.s(`<rect class="sw o`).i(int64(o)).s(`" x="`).i(legendX).s(`" y="`).i(int64(ly)).s(`" width="12" height="12"/>`)
		w.s(`<text class="leg" x="`).i(legendX + 18).s(`" y="`).i(int64(ly) + 10).s(`">`).s(names[o]).s(" ").s(outcomeMeaning(names[o])).s(`</text>`)
		ly += 18
	}
	w.s(`</svg>`)
	return w.html()
}

// outcomeMeaning glosses a conn_state in the legend.
func outcomeMeaning(s string) string {
	m := map[string]string{
		"SF": "normal close", "S0": "no answer", "S1": "open", "S2": "client closed", "S3": "server closed",
		"REJ": "refused", "RSTO": "client reset", "RSTR": "server reset", "RSTOS0": "SYN then reset",
		"RSTRH": "SYN-ACK then reset", "SH": "SYN then FIN", "SHR": "SYN-ACK then FIN", "OTH": "midstream",
	}
	return strings.TrimSpace("(" + m[s] + ")")
}
