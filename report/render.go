package report

import (
	_ "embed"
	"errors"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/flowtrace/flowtrace/tracker"
)

//go:embed assets/page.html
var pageHTML string

//go:embed assets/report.css
var reportCSS string

//go:embed assets/report.js
var reportJS string

// page is what the template shows.
type page struct {
	Input, Version, Start, Span string
	Packets                     uint64
	Conns                       int
	StateChart, OutcomeChart    template.HTML
	Findings                    []findingView
	FindingItems                template.HTML // findingsMark: writeFindings writes them in its place
	Rows                        template.HTML // rowsMark: writeTable writes them in its place
	Dropped                     int
	RowLimit                    int
	Ladders                     []ladderView
	LadderItems                 template.HTML // laddersMark: writeLadders writes them in its place
	LadderLimits                string
	LaddersLeft                 int // selected, but not drawn: the page's size budget
	CSS                         template.CSS
	JS                          template.JS
}

type findingView struct {
	Kind, Severity, Subject, Summary, Explanation, Advice, Evidence, When string
	Cites                                                                 []citeView
}

type citeView struct {
	UID, Href string // Href "" when neither a ladder nor a row shows it
}

type ladderView struct {
	UID, Client, Server, Why, Summary string
	SVG                               template.HTML // only in tests: render draws each ladder as it writes it (writeLadders)
}

// render writes the page.
func (r *collector) render(out io.Writer) error {
	tmpl, err := template.New("page").Parse(pageHTML)
	if err != nil {
		return err
	}
	loc := r.meta.Location
	p := page{Input: r.meta.Input, Version: r.meta.Version, Packets: r.packets, Conns: r.ended,
		StateChart: stateChart(&r.series), OutcomeChart: outcomeChart(&r.series),
		Dropped: r.dropped, RowLimit: r.lim.Rows, CSS: template.CSS(reportCSS), JS: template.JS(reportJS),
		LadderLimits: "the first " + strconv.Itoa(r.lim.First) + " connections to end, the " + strconv.Itoa(r.lim.Top) +
			" slowest, the " + strconv.Itoa(r.lim.Top) + " most retransmitting, those named by --report-conns and those findings cite",
	}
	if r.packets > 0 {
		p.Start = time.Unix(0, r.first).In(loc).Format("2006-01-02 15:04:05.000000 MST")
		p.Span = seconds(r.series.now - r.first)
	}
	ladders, left := r.keptLadders()
	p.LaddersLeft = left
	hasLadder := make(map[tracker.UID]bool, len(ladders))
	for _, l := range ladders {
		hasLadder[l.uid] = true
	}
	rows := r.tableRows(ladders)
	hasRow := make(map[string]bool, len(rows))
	for i := range rows {
		w := &rows[i]
		hasRow[w.uid.String()] = true
	}
	p.Rows = rowsMark
	for _, l := range ladders {
		p.Ladders = append(p.Ladders, ladderView{UID: l.uid.String(), Client: l.row.addr[0].String(), Server: l.row.addr[1].String(),
			Why: whyText(l.why), Summary: l.row.end + ", " + l.row.connState + ", " + strconv.FormatUint(l.row.pkts[0]+l.row.pkts[1], 10) + " packets, " + seconds(l.row.last-l.row.first) + " s"})
	}
	for _, f := range r.findings {
		v := findingView{Kind: f.kind, Severity: f.severity, Subject: f.subject, Summary: f.summary,
			Explanation: f.explanation, Advice: f.advice, Evidence: f.evidence,
			When: seconds(f.first-r.first) + " s to " + seconds(f.last-r.first) + " s"}
		for _, u := range f.uids {
			c := citeView{UID: u}
			switch {
			case hasLadder[uidOf(u)]:
				c.Href = "#L-" + u
			case hasRow[u]:
				c.Href = "#R-" + u
			}
			v.Cites = append(v.Cites, c)
		}
		p.Findings = append(p.Findings, v)
	}
	p.FindingItems, p.LadderItems = findingsMark, laddersMark
	var b strings.Builder
	if err := tmpl.Execute(&b, p); err != nil {
		return err
	}
	w := &svgWriter{out: out}
	parts := map[string]func(){
		rowsMark:     func() { writeTable(w, rows, r.first, hasLadder) },
		findingsMark: func() { writeFindings(w, p.Findings) },
		laddersMark:  func() { writeLadders(w, p.Ladders, ladders, r.reasons, loc) },
	}
	if err := fill(w, b.String(), parts); err != nil {
		return err
	}
	w.spill(0)
	return w.err
}

// The marks that stand for the page's large parts in the page
// template's output; render writes the parts in their place, each as
// it goes, so that none is held whole. No text of the page can hold a
// mark (the template escapes a NUL in any text it writes), and a mark's
// first byte, a NUL, makes finding one a vectorised byte search.
const (
	rowsMark     = "\x00rows\x00"
	findingsMark = "\x00findings\x00"
	laddersMark  = "\x00ladders\x00"
)

// fill writes page to w with each mark in it replaced by what its part
// writes; a mark may appear at most once.
func fill(w *svgWriter, page string, parts map[string]func()) error {
	for {
		i := strings.IndexByte(page, 0)
		if i < 0 {
			w.s(page)
			return nil
		}
		w.s(page[:i])
		page = page[i:]
		j := strings.IndexByte(page[1:], 0) + 2 // the mark's end
		if j < 2 || parts[page[:j]] == nil {
			return errors.New("the page template shows a part twice, or a stray NUL")
		}
		part := parts[page[:j]]
		delete(parts, page[:j])
		part()
		page = page[j:]
	}
}

// writeFindings writes the findings' list items by hand, as html/template
// would (TestFindingsHTML holds the template it replaces): thousands of
// findings through its reflection cost more than the rest of the page.
func writeFindings(w *svgWriter, fs []findingView) {
	// A kind's explanation and advice are the same long text in each of
	// its findings: escape each once.
	done := map[string]string{}
	texts := func(s string) {
		if e, ok := done[s]; ok {
			w.s(e)
			return
		}
		start := len(w.b)
		w.tesc(s)
		done[s] = string(w.b[start:])
	}
	for i := range fs {
		f := &fs[i]
		w.s(`<li class="finding sev-`).tesc(f.Severity).s(`"><span class="sev">`).tesc(f.Severity).s(`</span> <b>`).tesc(f.Kind).
			s(`</b> on <code>`).tesc(f.Subject).s(`</code>: `).tesc(f.Summary).s(` <span class="when">(`).tesc(f.When).s(")</span>\n")
		if f.Explanation != "" {
			w.s(`<p>`)
			texts(f.Explanation)
			w.s(`</p>`)
		}
		if f.Advice != "" {
			w.s(`<p class="advice">`)
			texts(f.Advice)
			w.s(`</p>`)
		}
		w.s("\n")
		if len(f.Cites) > 0 {
			w.s(`<p class="cites">Connections: `)
			for _, c := range f.Cites {
				if c.Href != "" {
					w.s(`<a href="`).tesc(c.Href).s(`" class="cite">`).tesc(c.UID).s(`</a> `)
				} else {
					w.s(`<span class="cite gone" title="neither its ladder nor its row was kept">`).tesc(c.UID).s(`</span> `)
				}
			}
			w.s(`</p>`)
		}
		w.s("\n" + `<details class="evidence"><summary>evidence</summary><code>`).tesc(f.Evidence).s("</code></details></li>\n")
		w.spill(spillAt)
	}
}

// ladderHTML writes one ladder's details element; svg writes its SVG.
func ladderHTML(w *svgWriter, l *ladderView, svg func(w *svgWriter)) {
	w.s(`<details class="ladder" id="L-`).tesc(l.UID).s(`"><summary><b>`).tesc(l.UID).s(`</b> `).tesc(l.Client).s(` → `).tesc(l.Server).
		s(`: `).tesc(l.Summary).s(` <span class="why">(`).tesc(l.Why).s(")</span></summary>\n" + `<div class="ladderbox">`)
	svg(w)
	w.s("</div></details>\n")
}

// writeLadders writes the ladders' details elements, one at a time, as
// html/template would (TestFindingsHTML holds the template it replaces).
func writeLadders(w *svgWriter, views []ladderView, ls []*ladder, reasons []string, loc *time.Location) {
	for i := range views {
		ladderHTML(w, &views[i], func(w *svgWriter) { drawLadder(w, ls[i], reasons, loc) })
		w.spill(spillAt)
	}
}

func uidOf(s string) tracker.UID {
	var u tracker.UID
	copy(u[:], s)
	return u
}

func stateName(s tracker.State, inferred bool) string {
	if inferred {
		return s.String() + "*"
	}
	return s.String()
}

func whyText(why uint8) string {
	var s []string
	for _, x := range []struct {
		b uint8
		t string
	}{{whyFirst, "among the first to end"}, {whySlow, "slowest"}, {whyRexmit, "most retransmitting"}, {whyAsked, "--report-conns"}, {whyCited, "cited by a finding"}} {
		if why&x.b != 0 {
			s = append(s, x.t)
		}
	}
	out := ""
	for i, t := range s {
		if i > 0 {
			out += ", "
		}
		out += t
	}
	return out
}

// keptLadders returns the ladders to draw, in connection order, within
// Limits.DrawItems items together: asked for first, then cited, then the
// most retransmitting, the first, the slowest. It also returns how many
// were left out for the budget.
func (r *collector) keptLadders() ([]*ladder, int) {
	var ls []*ladder
	for _, l := range r.kept {
		if l.why&^whyRecent != 0 {
			ls = append(ls, l)
		}
	}
	slices.SortFunc(ls, func(a, b *ladder) int { return cmpU(a.id, b.id) })
	ls = slices.CompactFunc(ls, func(a, b *ladder) bool { return a == b })
	rank := func(l *ladder) int {
		for i, w := range []uint8{whyAsked, whyCited, whyRexmit, whyFirst, whySlow} {
			if l.why&w != 0 {
				return i
			}
		}
		return 5
	}
	byRank := slices.Clone(ls)
	slices.SortStableFunc(byRank, func(a, b *ladder) int { return rank(a) - rank(b) })
	budget, left := r.lim.DrawItems, 0
	drop := map[*ladder]bool{}
	for _, l := range byRank {
		if len(l.items) > budget && l.why&whyAsked == 0 {
			drop[l] = true
			left++
			continue
		}
		budget -= len(l.items)
	}
	return slices.DeleteFunc(ls, func(l *ladder) bool { return drop[l] }), left
}

// tableRows returns the table's rows in connection order: the capped
// rows and every drawn ladder's.
func (r *collector) tableRows(ladders []*ladder) []row {
	rows := slices.Clone([]row(r.rows))
	have := make(map[uint64]bool, len(rows))
	for i := range rows {
		have[rows[i].id] = true
	}
	for _, l := range ladders {
		if !have[l.id] {
			rows = append(rows, *l.row)
		}
	}
	// Sort indices: rows are large.
	order := make([]int32, len(rows))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmpU(rows[a].id, rows[b].id) })
	sorted := make([]row, len(rows))
	for i, j := range order {
		sorted[i] = rows[j]
	}
	return sorted
}

func cmpU(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// writeTable writes the table's rows by hand: thousands of rows through
// html/template's reflection would cost more than the rest of the page.
// Every text it writes is escaped.
func writeTable(w *svgWriter, rows []row, t0 int64, hasLadder map[tracker.UID]bool) {
	td := func(v string) { w.s("<td>").esc(v).s("</td>") }
	secs := func(v int64) { w.s(`<td data-v="`).i(v).s(`">`).secs(v).s("</td>") }
	count := func(v uint64) { w.s(`<td data-v="`).i(int64(v)).s(`">`).u(v).s("</td>") }
	state := func(s tracker.State, inferred bool) {
		w.s("<td>").esc(s.String())
		if inferred {
			w.s("*")
		}
		w.s("</td>")
	}
	for i := range rows {
		x := &rows[i]
		uid := x.uid[:]
		w.s(`<tr id="R-`).bs(uid).s(`" data-uid="`).bs(uid).s(`"`)
		if hasLadder[x.uid] {
			w.s(` class="has-ladder"><td>▸ `)
		} else {
			w.s(`><td>`)
		}
		w.bs(uid).s("</td>")
		w.s("<td>").addr(x.addr[0]).s("</td><td>").addr(x.addr[1]).s("</td>")
		secs(x.first - t0)
		secs(x.last - x.first)
		p, b := x.pkts[0]+x.pkts[1], x.bytes[0]+x.bytes[1]
		count(p)
		count(b)
		count(x.rexmits)
		td(x.connState)
		td(x.end)
		state(x.state[0], x.inferred[0])
		state(x.state[1], x.inferred[1])
		w.s("</tr>\n")
		w.spill(spillAt)
	}
}
