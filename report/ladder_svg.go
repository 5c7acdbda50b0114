package report

import (
	"html/template"
	"io"
	"math"
	"net/netip"
	"sort"
	"strconv"
	"time"

	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Ladder geometry (SVG user units).
const (
	ladderW   = 900
	xTime     = 6   // left edge of the time axis labels
	xA        = 250 // the client's timeline
	xB        = 730 // the server's timeline
	headH     = 58  // header: addresses and first states
	bandH     = 36  // a band's height
	minGap    = 18  // rows never closer than this
	maxSlant  = 40  // an arrow's end never further than this from its capture-point row
	nominalOW = 5   // slant when the handshake gave no one-way times
)

// stop is a point of the ladder's time axis: capture time t is drawn at y.
type stop struct {
	t int64
	y float64
}

// ladderLayout places a ladder's items and timer labels on the time axis.
type ladderLayout struct {
	stops  []stop
	itemY  []float64 // each item's row (a band's top)
	labelY []float64 // each label's row
	height float64
}

// gapOf is the vertical space for dt nanoseconds between two rows: it
// grows with the logarithm of the gap, so a long idle time does not
// stretch the ladder and a short one stays readable.
func gapOf(dt int64) float64 {
	if dt <= 0 {
		return minGap
	}
	return minGap + math.Min(60, 6*math.Log2(1+float64(dt)/1e5))
}

func layout(l *ladder) ladderLayout {
	var lay ladderLayout
	y := float64(headH) + 14
	prevT := int64(math.MinInt64)
	add := func(t int64) float64 {
		if prevT != math.MinInt64 {
			y += gapOf(t - prevT)
		}
		prevT = t
		lay.stops = append(lay.stops, stop{t, y})
		return y
	}
	lay.labelY = make([]float64, len(l.labels))
	li := 0
	// Labels of timers (at == -1, or later than their item) get rows of their own.
	timerLabel := func(i int) bool {
		lb := &l.labels[i]
		if lb.at < 0 {
			return true
		}
		return lb.t > l.end(&l.items[lb.at])
	}
	for i := range l.items {
		it := &l.items[i]
		for li < len(l.labels) && int(l.labels[li].at) < i {
			if timerLabel(li) {
				lay.labelY[li] = add(l.labels[li].t)
			}
			li++
		}
		lay.itemY = append(lay.itemY, add(it.t))
		if it.kind == band {
			y += bandH
			prevT = l.ext(it).t2
			lay.stops = append(lay.stops, stop{prevT, y})
		}
		for li < len(l.labels) && int(l.labels[li].at) == i {
			if timerLabel(li) {
				lay.labelY[li] = add(l.labels[li].t)
			} else {
				lay.labelY[li] = lay.itemY[i]
			}
			li++
		}
	}
	for ; li < len(l.labels); li++ {
		lay.labelY[li] = add(l.labels[li].t)
	}
	lay.height = y + 40
	return lay
}

// yAt maps capture time t onto the axis, linearly between stops.
func (lay *ladderLayout) yAt(t int64) float64 {
	s := lay.stops
	if len(s) == 0 {
		return headH
	}
	i := sort.Search(len(s), func(i int) bool { return s[i].t >= t })
	switch {
	case i == 0:
		return s[0].y - float64(s[0].t-t)/1e6 // 1 px per ms before the first row
	case i == len(s):
		return s[len(s)-1].y + float64(t-s[len(s)-1].t)/1e6
	}
	a, b := s[i-1], s[i]
	if b.t == a.t {
		return a.y
	}
	return a.y + (b.y-a.y)*float64(t-a.t)/float64(b.t-a.t)
}

// svgWriter builds hand-written SVG with escaped text. It appends to a
// plain byte slice: a bytes.Buffer's WriteString is a call per piece,
// append is inlined.
type svgWriter struct {
	b   []byte
	out io.Writer // where spill writes b, if not nil
	err error     // the first error out returned
}

// spillAt is how much a page's part holds before it is written out.
const spillAt = 32 << 10

// spill writes what w holds to w.out, once it holds at least n bytes:
// a part of the page is written as it is made, not held whole. After
// an error it drops what it holds; w.err has the error.
func (w *svgWriter) spill(n int) {
	if w.out == nil || len(w.b) < n {
		return
	}
	if w.err == nil {
		_, w.err = w.out.Write(w.b)
	}
	w.b = w.b[:0]
}

// html returns what was written.
func (w *svgWriter) html() template.HTML { return template.HTML(w.b) }

func (w *svgWriter) s(s string) *svgWriter { w.b = append(w.b, s...); return w }

// bs writes b (trusted text, as s).
func (w *svgWriter) bs(b []byte) *svgWriter { w.b = append(w.b, b...); return w }

// f writes v to a tenth, without a trailing ".0": the digits
// strconv.AppendFloat(math.Round(v*10)/10, 'f', -1) gives, by integer
// arithmetic (a tenth's shortest form is its one decimal).
func (w *svgWriter) f(v float64) *svgWriter {
	r := math.Round(v * 10)
	if math.Abs(r) >= 1<<53 || r != r {
		w.b = strconv.AppendFloat(w.b, r/10, 'f', -1, 64)
		return w
	}
	n := int64(r)
	if n < 0 || (n == 0 && math.Signbit(r)) {
		w.b = append(w.b, '-')
		n = -n
	}
	w.b = appendUint(w.b, uint64(n/10))
	if d := n % 10; d != 0 {
		w.b = append(w.b, '.', byte('0'+d))
	}
	return w
}
func (w *svgWriter) i(v int64) *svgWriter {
	if v < 0 {
		w.b = strconv.AppendInt(w.b, v, 10)
		return w
	}
	w.b = appendUint(w.b, uint64(v))
	return w
}
func (w *svgWriter) u(v uint64) *svgWriter {
	w.b = appendUint(w.b, v)
	return w
}

// appendUint is strconv.AppendUint(b, v, 10), with the numbers below
// 10000 (most of a page's) written inline: no call, no loop.
func appendUint(b []byte, v uint64) []byte {
	switch {
	case v < 10:
		return append(b, byte('0'+v))
	case v < 100:
		return append(b, byte('0'+v/10), byte('0'+v%10))
	case v < 1000:
		return append(b, byte('0'+v/100), byte('0'+v/10%10), byte('0'+v%10))
	case v < 10000:
		return append(b, byte('0'+v/1000), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
	}
	return strconv.AppendUint(b, v, 10)
}

// escMask has bit c set for each byte c that template.HTMLEscape
// replaces (all are below 64); tescMask adds '+', which html/template
// also replaces in text and attributes.
const (
	escMask  = 1<<0 | 1<<'"' | 1<<'&' | 1<<'\'' | 1<<'<' | 1<<'>'
	tescMask = escMask | 1<<'+'
)

// special reports whether c is in mask.
func special(c byte, mask uint64) bool { return c < 64 && mask>>c&1 != 0 }

// plain reports whether b has no byte of mask.
func plain(b string, mask uint64) bool {
	for i := 0; i < len(b); i++ {
		if special(b[i], mask) {
			return false
		}
	}
	return true
}

// esc writes s as template.HTMLEscape does.
func (w *svgWriter) esc(s string) *svgWriter {
	if plain(s, escMask) {
		w.b = append(w.b, s...)
		return w
	}
	w.b = append(w.b, template.HTMLEscapeString(s)...)
	return w
}

// escFrom escapes, as esc, what was appended since len(w.b) was start.
func (w *svgWriter) escFrom(start int) *svgWriter {
	for _, c := range w.b[start:] {
		if special(c, escMask) {
			s := string(w.b[start:])
			w.b = w.b[:start]
			return w.esc(s)
		}
	}
	return w
}

// addr writes an address and port, escaped.
func (w *svgWriter) addr(a netip.AddrPort) *svgWriter {
	if !a.IsValid() {
		return w.esc(a.String()) // AppendTo writes nothing for it
	}
	start := len(w.b)
	w.b = a.AppendTo(w.b)
	if a.Addr().Zone() == "" {
		return w // digits, hex letters, dots, colons and brackets only
	}
	return w.escFrom(start)
}

// secs writes nanoseconds as seconds with microseconds (seconds).
func (w *svgWriter) secs(ns int64) *svgWriter {
	w.b = appendSeconds(w.b, ns)
	return w
}

// tesc writes s as html/template writes a string in text or a quoted
// attribute (its htmlReplacementTable; bytes of multi-byte runes, valid
// or not, are never replaced, so a byte loop matches its rune loop).
func (w *svgWriter) tesc(s string) *svgWriter {
	from := 0
	for i := 0; i < len(s); i++ {
		if !special(s[i], tescMask) {
			continue
		}
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		}
		w.b = append(append(w.b, s[from:i]...), repl...)
		from = i + 1
	}
	w.b = append(w.b, s[from:]...)
	return w
}

// drawLadder appends one connection's ladder, an SVG, to w: every text
// in it is escaped. reasons is the table the labels' reasons index.
func drawLadder(w *svgWriter, l *ladder, reasons []string, loc *time.Location) {
	lay := layout(l)
	side := func(s tracker.Side) float64 {
		if s == tracker.Orig {
			return xA
		}
		return xB
	}
	// The capture point sits where the handshake's one-way times put it.
	xc := float64(xA+xB) / 2
	ow := [2]int64{}
	if l.rtt[0]+l.rtt[1] > 0 {
		ow = l.rtt
		xc = xA + (xB-xA)*float64(l.rtt[0])/float64(l.rtt[0]+l.rtt[1])
	}
	w.s(`<svg class="ladder" xmlns="http://www.w3.org/2000/svg" data-uid="`).bs(l.uid[:]).
		s(`" data-packets="`).u(l.row.pkts[0] + l.row.pkts[1] + l.row.bad).s(`" data-states="`).esc(stateSeq(l)).
		s(`" viewBox="0 0 `).i(ladderW).s(" ").f(lay.height).s(`" width="`).i(ladderW).s(`" height="`).f(lay.height).s(`">`)
	w.s(`<defs><marker id="ah-`).bs(l.uid[:]).s(`" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="context-stroke"/></marker></defs>`)
	// Header: the endpoints, the capture point, the timelines.
	for s := range 2 {
		x := side(tracker.Side(s))
		role := "client"
		if s == 1 {
			role = "server"
		}
		w.s(`<text class="ep" x="`).f(x).s(`" y="16" text-anchor="middle">`).addr(l.row.addr[s]).s(`</text>`)
		w.s(`<text class="role" x="`).f(x).s(`" y="30" text-anchor="middle">`).s(role).s(`</text>`)
		w.s(`<line class="tl" x1="`).f(x).s(`" y1="36" x2="`).f(x).s(`" y2="`).f(lay.height - 20).s(`"/>`)
	}
	w.s(`<line class="cp" x1="`).f(xc).s(`" y1="36" x2="`).f(xc).s(`" y2="`).f(lay.height - 20).s(`"/>`)
	w.s(`<text class="cpl" x="`).f(xc + 4).s(`" y="48">capture point</text>`)
	w.s(`<text class="axis" x="`).i(xTime).s(`" y="30">time (s)</text>`)
	// The states before the first packet.
	for s := range 2 {
		stateLabel(w, tracker.Side(s), side(tracker.Side(s)), headH, l.init[s], false, "state before the first packet")
	}
	t0 := l.row.first
	if len(l.items) > 0 {
		t0 = l.items[0].t
	}
	var prevT int64 = t0
	ends := make([][2]float64, len(l.items)) // where each item meets each timeline
	// Bands first, beneath the arrows that reach into them.
	for i := range l.items {
		if it := &l.items[i]; it.kind == band {
			drawBand(w, it, l.ext(it), lay.itemY[i], lay.yAt(l.ext(it).t2), t0)
		}
	}
	for i := range l.items {
		it := &l.items[i]
		y := lay.itemY[i]
		if it.t-prevT > int64(time.Second) {
			w.s(`<text class="gap" x="`).i(xTime).s(`" y="`).f(y - gapOf(it.t-prevT)/2 + 4).s(`">⋮ `).secs(it.t - prevT).s(` s later</text>`)
		}
		timeTick(w, y, it.t-t0)
		if it.kind == band {
			ends[i] = [2]float64{y, y}
			prevT = l.ext(it).t2
			continue
		}
		prevT = it.t
		x1, x2 := side(it.side), side(1-it.side)
		y1 := math.Max(lay.yAt(it.t-ow[it.side]), y-maxSlant)
		y2 := math.Min(lay.yAt(it.t+ow[1-it.side]), y+maxSlant)
		if ow == ([2]int64{}) {
			y1, y2 = y-nominalOW, y+nominalOW
		}
		ends[i][it.side], ends[i][1-it.side] = y1, y2
		drawArrow(w, l, it, x1, y1, x2, y2, xc, y, t0, loc)
	}
	// Labels at a packet sit where its arrow meets their timeline; labels
	// of one side never overlap: a later one moves down.
	lastY := [2]float64{headH, headH}
	for i := range l.labels {
		lb := &l.labels[i]
		y := lay.labelY[i]
		timer := lb.at < 0 || lb.t > l.end(&l.items[lb.at])
		if !timer {
			y = ends[lb.at][lb.side]
		}
		if lb.kind == tracker.Note {
			x := side(lb.side)
			anchor, dx := "end", -8.0
			if lb.side == tracker.Resp {
				anchor, dx = "start", 8
			}
			w.s(`<text class="note" x="`).f(x + dx).s(`" y="`).f(y + 14).s(`" text-anchor="`).s(anchor).s(`">⚠ `).esc(short(reasons[lb.reason], 44)).s(`<title>`).esc(reasons[lb.reason]).s(`</title></text>`)
			continue
		}
		if timer {
			timeTick(w, y, lb.t-t0)
		}
		y = math.Max(y, lastY[lb.side]+13)
		lastY[lb.side] = y
		stateLabel(w, lb.side, side(lb.side), y, lb.to, lb.inferred, reasons[lb.reason])
	}
	if l.notes > 0 {
		w.s(`<text class="note" x="`).f(xc).s(`" y="`).f(lay.height - 6).s(`" text-anchor="middle">`).i(int64(l.notes)).s(` more notes not drawn</text>`)
	}
	w.s(`</svg>`)
}

// stateSeq lists each side's states in order, for the page's self-check:
// "CLOSED SYN-SENT ESTABLISHED|LISTEN SYN-RECEIVED ESTABLISHED".
func stateSeq(l *ladder) string {
	var b [2][]byte
	for s := range 2 {
		b[s] = append(b[s], l.init[s].String()...)
	}
	for i := range l.labels {
		if lb := &l.labels[i]; lb.kind == tracker.Transition {
			b[lb.side] = append(append(b[lb.side], ' '), lb.to.String()...)
		}
	}
	return string(b[0]) + "|" + string(b[1])
}

func timeTick(w *svgWriter, y float64, d int64) {
	w.s(`<line class="grid" x1="`).i(xTime).s(`" y1="`).f(y).s(`" x2="`).i(xA - 130).s(`" y2="`).f(y).s(`"/>`)
	w.s(`<text class="tt" x="`).i(xTime).s(`" y="`).f(y - 2).s(`">`).secs(d).s(`</text>`)
}

// stateLabel writes a state on the outer side of a timeline.
func stateLabel(w *svgWriter, s tracker.Side, x, y float64, st tracker.State, inferred bool, reason string) {
	anchor, dx := "end", -8.0
	if s == tracker.Resp {
		anchor, dx = "start", 8
	}
	cls := "st"
	name := st.String()
	if inferred {
		cls, name = "st inf", name+"*"
	}
	w.s(`<g class="stg"><circle class="dot" cx="`).f(x).s(`" cy="`).f(y).s(`" r="3.5"/>`)
	w.s(`<text class="`).s(cls).s(`" data-side="`).i(int64(s)).s(`" data-state="`).s(st.String()).s(`" x="`).f(x + dx).s(`" y="`).f(y + 4).s(`" text-anchor="`).s(anchor).s(`">`).esc(name)
	w.s(`<title>`).esc(st.String())
	if inferred {
		w.s(` (inferred)`)
	}
	w.s(`: `).esc(reason).s(`</title></text></g>`)
}

// arrowClass names the colour class of an arrow: the worst of what it shows.
func arrowClass(it *item) (string, string) {
	c := it.class
	switch {
	case it.mark&markBadCk != 0:
		return "bad", "bad checksum: dropped"
	case it.flags&segment.RST != 0 && it.mark&markNote != 0:
		return "rej", "RST rejected by its receiver"
	case it.flags&segment.RST != 0:
		return "rst", ""
	case c&(reassembly.Retransmission|reassembly.SpuriousRetransmission|reassembly.FastRetransmission) != 0:
		return "rx", ""
	case c&(reassembly.PrevNotCaptured|reassembly.AckedUnseen) != 0:
		return "lost", ""
	case c&(reassembly.ZeroWindow|reassembly.ZeroWindowProbe) != 0:
		return "zw", ""
	case c&(reassembly.OutOfOrder|reassembly.OverlapMismatch) != 0:
		return "ooo", ""
	case it.mark&markNote != 0:
		return "rej", "dropped by its receiver"
	case it.flags&segment.SYN != 0:
		return "syn", ""
	case it.flags&segment.FIN != 0:
		return "fin", ""
	}
	return "", ""
}

// drawArrow writes one packet: the arrow, its label and its details.
func drawArrow(w *svgWriter, l *ladder, it *item, x1, y1, x2, y2, xc, y float64, t0 int64, loc *time.Location) {
	cls, extra := arrowClass(it)
	w.s(`<g class="pkt`)
	if cls != "" {
		w.s(" ").s(cls)
	}
	w.s(`" data-pkt="`).u(it.pkt).s(`">`)
	w.s(`<title>`)
	details(w, l, it, loc, extra)
	w.s(`</title>`)
	w.s(`<line x1="`).f(x1).s(`" y1="`).f(y1).s(`" x2="`).f(x2).s(`" y2="`).f(y2).s(`" marker-end="url(#ah-`).bs(l.uid[:]).s(`)"/>`)
	w.s(`<circle class="cpd" cx="`).f(xc).s(`" cy="`).f(y1 + (y2-y1)*(xc-x1)/(x2-x1)).s(`" r="2"/>`)
	// The label sits above the arrow's middle, rotated with it.
	mx, my := (x1+x2)/2, (y1+y2)/2
	ang := math.Atan2(y2-y1, x2-x1) * 180 / math.Pi
	if x2 < x1 {
		ang += 180
	}
	w.s(`<text class="al" x="`).f(mx).s(`" y="`).f(my - 4).s(`" text-anchor="middle" transform="rotate(`).f(ang).s(" ").f(mx).s(" ").f(my).s(`)">`)
	arrowText(w, it)
	w.s(`</text>`)
	if cls == "lost" {
		w.s(`<text class="lostx" x="`).f(x1 + (x2-x1)*0.25).s(`" y="`).f(y - 10).s(`" text-anchor="middle">✕ earlier segment missing</text>`)
	}
	w.s(`</g>`)
}

// arrowText is an arrow's label: flags, relative seq (and end), ack,
// length, and its classes.
func arrowText(w *svgWriter, it *item) {
	w.b = it.flags.AppendTo(w.b)
	w.s(" ").u(uint64(it.seq))
	if it.n > 0 {
		w.s(":").u(uint64(it.seq) + uint64(it.n))
	}
	if it.flags&segment.ACK != 0 {
		w.s(" ack ").u(uint64(it.ack))
	}
	w.s(" len ").u(uint64(it.n))
	if it.class&reassembly.Trouble != 0 {
		w.s(" [")
		first := true
		(it.class & reassembly.Trouble).Each(func(name string) {
			if !first {
				w.s(", ")
			}
			first = false
			w.s(name)
		})
		w.s("]")
	}
}

// details is an arrow's hover text.
func details(w *svgWriter, l *ladder, it *item, loc *time.Location, extra string) {
	src, dst := l.row.addr[it.side], l.row.addr[1-it.side]
	w.s("#").u(it.pkt).s(" ")
	w.b = appendStamp(w.b, time.Unix(0, it.t).In(loc))
	w.s("\n").addr(src).s(" > ").addr(dst).s("\nflags ")
	w.b = it.flags.AppendTo(w.b)
	w.s(" seq ").u(uint64(it.seq)).s(" ack ").u(uint64(it.ack)).s(" len ").u(uint64(it.n)).s(" win ").u(uint64(it.win))
	if it.class != 0 {
		w.s("\n")
		w.b = it.class.AppendTo(w.b)
	}
	if extra != "" {
		w.s("\n").esc(extra)
	}
}

// appendStamp appends what t.AppendFormat(b, "2006-01-02
// 15:04:05.000000") appends (digits and -:. only: nothing to escape),
// without parsing the layout for each arrow.
func appendStamp(b []byte, t time.Time) []byte {
	y, mo, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, "2006-01-02 15:04:05.000000")
	}
	h, mi, s := t.Clock()
	us := t.Nanosecond() / 1000
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(mo)/10), byte('0'+int(mo)%10), '-', byte('0'+d/10), byte('0'+d%10), ' ',
		byte('0'+h/10), byte('0'+h%10), ':', byte('0'+mi/10), byte('0'+mi%10), ':', byte('0'+s/10), byte('0'+s%10), '.',
		byte('0'+us/100000), byte('0'+us/10000%10), byte('0'+us/1000%10), byte('0'+us/100%10), byte('0'+us/10%10), byte('0'+us%10))
}

// drawBand writes a run of ordinary packets as one band.
func drawBand(w *svgWriter, it *item, e *bandExt, y, y2 float64, t0 int64) {
	cls := "band"
	if it.mark&markCapped != 0 {
		cls = "band cap"
	}
	h := math.Max(y2-y, 12)
	w.s(`<g class="`).s(cls).s(`" data-n="`).u(uint64(it.n)).s(`">`)
	w.s(`<title>packets from #`).u(it.pkt).s(`, `).secs(it.t - t0).s(` s to `).secs(e.t2 - t0).s(` s</title>`)
	w.s(`<rect x="`).i(xA).s(`" y="`).f(y).s(`" width="`).i(xB - xA).s(`" height="`).f(h).s(`" rx="4"/>`)
	w.s(`<text x="`).f(float64(xA+xB) / 2).s(`" y="`).f(y + h/2 + 4).s(`" text-anchor="middle">`)
	if it.mark&markCapped != 0 {
		w.s("ladder limit: the last ")
	}
	w.u(uint64(it.n)).s(" packets in ").secs(e.t2 - it.t).s(" s: ").s(size(e.bytes[0])).s(" client → server, ").s(size(e.bytes[1])).s(" server → client")
	if it.class&reassembly.Trouble != 0 {
		w.s(" (with trouble)")
	}
	w.s(`</text></g>`)
}

// seconds formats nanoseconds as seconds with microseconds.
func seconds(ns int64) string { return string(appendSeconds(nil, ns)) }

// appendSeconds appends what strconv.FormatFloat(float64(ns)/1e9, 'f',
// 6, 64) writes, by integer arithmetic where that gives the same digits:
// not negative, not an exact half microsecond (where the float's
// rounding error decides), and under 10^15 ns (where the quotient's
// error is still under a nanosecond).
func appendSeconds(b []byte, ns int64) []byte {
	if ns < 0 || ns >= 1e15 || ns%1000 == 500 {
		return strconv.AppendFloat(b, float64(ns)/1e9, 'f', 6, 64)
	}
	us := (ns + 500) / 1000
	b = strconv.AppendInt(b, us/1e6, 10)
	f := us % 1e6
	return append(b, '.', byte('0'+f/1e5), byte('0'+f/1e4%10), byte('0'+f/1e3%10), byte('0'+f/100%10), byte('0'+f/10%10), byte('0'+f%10))
}

// size formats a byte count for people.
func size(n uint64) string {
	switch {
	case n >= 10<<20:
		return strconv.FormatUint(n>>20, 10) + " MiB"
	case n >= 10<<10:
		return strconv.FormatUint(n>>10, 10) + " KiB"
	}
	return strconv.FormatUint(n, 10) + " B"
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
