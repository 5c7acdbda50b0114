package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"html/template"
	"io"
	"math"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/internal/benchgen"
	"github.com/flowtrace/flowtrace/internal/testenv"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// build runs a bundled trace through the tracker into a Report and
// returns the page.
func build(t *testing.T, trace string, lim Limits, asked ...string) string {
	return buildWith(t, trace, lim, false, asked...)
}

// buildWith is build, with the findings engine if withFindings.
func buildWith(t *testing.T, trace string, lim Limits, withFindings bool, asked ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "r.html")
	if err := buildTo(t, out, trace, lim, withFindings, asked...); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// buildTo writes the report of trace to out and returns Close's error.
func buildTo(t *testing.T, out, trace string, lim Limits, withFindings bool, asked ...string) error {
	t.Helper()
	r, err := New(out, asked, Meta{Input: trace, Version: "test", Location: time.UTC}, lim)
	if err != nil {
		t.Fatal(err)
	}
	f, err := capture.OpenFile(filepath.Join("..", "testdata", "pcaps", trace+".pcap"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := capture.NewReader(f)
	var obs tracker.Observer = r
	var eng *findings.Engine
	if withFindings {
		eng = findings.New(findings.Config{}, r)
		obs = findings.Chain(r, eng)
	}
	tr := tracker.New(tracker.Config{}, obs)
	var seg segment.Segment
	for {
		if err := rd.Next(&seg); err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatal(err)
			}
			break
		}
		tr.Handle(&seg)
	}
	r.InputEnded()
	tr.Flush()
	if eng != nil {
		eng.Close()
	}
	return r.Close()
}

// TestWriteError: a page that cannot be written (a full disk) is an
// error naming the file, whichever part of the page fails.
func TestWriteError(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		testenv.Skip(t, "no /dev/full on this system")
	}
	err := buildTo(t, "/dev/full", "loss-rto", DefaultLimits(), true)
	if err == nil || !strings.Contains(err.Error(), "report /dev/full: ") || !strings.Contains(err.Error(), "no space") {
		t.Errorf("got %v, want the file's write error", err)
	}
}

var (
	svgRE   = regexp.MustCompile(`(?s)<svg class="ladder".*?</svg>`)
	stRE    = regexp.MustCompile(`data-side="(\d)" data-state="([A-Z0-9-]+)"`)
	bandNRE = regexp.MustCompile(`<g class="band[^"]*" data-n="(\d+)"`)
	attrRE  = func(name string) *regexp.Regexp { return regexp.MustCompile(name + `="([^"]*)"`) }
)

// ladderFacts counts what one ladder SVG draws.
func ladderFacts(t *testing.T, svg string) (packets, arrows, banded int, states, want string) {
	t.Helper()
	// Every SVG is well-formed XML.
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		if _, err := d.Token(); err != nil {
			if err != io.EOF {
				t.Fatalf("ladder SVG is not well-formed: %v", err)
			}
			break
		}
	}
	packets, _ = strconv.Atoi(attrRE("data-packets").FindStringSubmatch(svg)[1])
	want = attrRE("data-states").FindStringSubmatch(svg)[1]
	arrows = strings.Count(svg, `<g class="pkt`)
	for _, m := range bandNRE.FindAllStringSubmatch(svg, -1) {
		n, _ := strconv.Atoi(m[1])
		banded += n
	}
	var seq [2][]string
	for _, m := range stRE.FindAllStringSubmatch(svg, -1) {
		s, _ := strconv.Atoi(m[1])
		seq[s] = append(seq[s], m[2])
	}
	states = strings.Join(seq[0], " ") + "|" + strings.Join(seq[1], " ")
	return
}

func TestLadderSVG(t *testing.T) {
	page := build(t, "loss-rto", DefaultLimits())
	svgs := svgRE.FindAllString(page, -1)
	if len(svgs) != 1 {
		t.Fatalf("%d ladders, want 1", len(svgs))
	}
	packets, arrows, banded, states, want := ladderFacts(t, svgs[0])
	if packets != 15 || arrows != 15 || banded != 0 {
		t.Errorf("packets %d, arrows %d, banded %d; want 15, 15, 0", packets, arrows, banded)
	}
	const seq = "CLOSED SYN-SENT ESTABLISHED FIN-WAIT-1 TIME-WAIT|LISTEN SYN-RECEIVED ESTABLISHED CLOSE-WAIT LAST-ACK CLOSED"
	if states != seq || want != seq {
		t.Errorf("states drawn %q, listed %q; want %q", states, want, seq)
	}
	if n := strings.Count(svgs[0], `<g class="pkt rx"`); n != 1 {
		t.Errorf("%d retransmission arrows, want 1", n)
	}
	if !strings.Contains(svgs[0], "P. 101:201 ack 1 len 100 [retransmission]") {
		t.Error("the retransmission's label is missing")
	}
	for _, s := range []string{`id="state-chart"`, `id="outcome-chart"`, `<table id="conntable">`, `class="has-ladder"`} {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks %s", s)
		}
	}
	// Self-contained: nothing is loaded from elsewhere.
	for _, s := range []string{"http://", "https://", "<link", "src=", "@import", "url(http"} {
		if strings.Contains(strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, ""), s) {
			t.Errorf("page contains %q", s)
		}
	}
}

// TestBands: a long bulk transfer folds into bands, and every packet is
// in exactly one arrow or band.
func TestBands(t *testing.T) {
	page := build(t, "reorder-bulk", DefaultLimits())
	svgs := svgRE.FindAllString(page, -1)
	if len(svgs) != 1 {
		t.Fatalf("%d ladders, want 1", len(svgs))
	}
	packets, arrows, banded, _, _ := ladderFacts(t, svgs[0])
	if banded == 0 || arrows+banded != packets {
		t.Errorf("arrows %d + banded %d != packets %d (or no band)", arrows, banded, packets)
	}
	// A cap of 20 items: the rest goes into one capped band.
	lim := DefaultLimits()
	lim.Items = 20
	page = build(t, "reorder-bulk", lim)
	svg := svgRE.FindString(page)
	packets, arrows, banded, states, want := ladderFacts(t, svg)
	if arrows+banded != packets || !strings.Contains(svg, `class="band cap"`) {
		t.Errorf("capped: arrows %d + banded %d != packets %d, or no capped band", arrows, banded, packets)
	}
	if states != want {
		t.Errorf("capped: states %q, want %q", states, want)
	}
}

// TestHotFold drives the band logic directly: 10000 ordinary packets
// stay a handful of items.
func TestHotFold(t *testing.T) {
	l := &ladder{ladderHead: ladderHead{ob: &openBand{}}}
	it := item{flags: segment.SYN}
	l.add(&it, false, false)
	for i := range 10000 {
		it := item{t: int64(i), n: 100, side: tracker.Side(i % 2), flags: segment.ACK}
		if l.open {
			l.ob.extend(&it)
		} else {
			l.add(&it, true, false)
		}
	}
	l.flush()
	if len(l.items) != 2 || l.packets() != 10001 {
		t.Fatalf("%d items, %d packets; want 2, 10001", len(l.items), l.packets())
	}
	if b := &l.items[1]; b.kind != band || l.ext(b).bytes != [2]uint64{500000, 500000} || l.ext(b).t2 != 9999 {
		t.Errorf("band %+v, %+v", *b, *l.ext(b))
	}
}

// TestGrew: what add says a ladder grew by adds up to its items, so
// that Report.liveItems (Limits.LiveItems) counts what is held.
func TestGrew(t *testing.T) {
	l := &ladder{ladderHead: ladderHead{ob: &openBand{}}}
	sum := 0
	for i := range 200 {
		it := item{t: int64(i), n: 10, flags: segment.ACK}
		ordinary := i%17 != 0 // now and then a packet that closes the band
		if l.open && ordinary {
			l.ob.extend(&it)
			continue
		}
		_, grew := l.add(&it, ordinary, false)
		sum += grew
	}
	if sum != len(l.items) {
		t.Errorf("grew adds up to %d, the ladder holds %d items", sum, len(l.items))
	}
}

// TestItemSize: an item is 40 bytes; an open band's counts 32, two to
// a cache line; what an arrow touches of a ladder is its first cache
// line, and ladders, allocated in chunks, start on one.
func TestItemSize(t *testing.T) {
	if n := unsafe.Sizeof(item{}); n != 40 {
		t.Errorf("item: %d bytes, want 40", n)
	}
	if n := unsafe.Sizeof(label{}); n != 16 {
		t.Errorf("label: %d bytes, want 16", n)
	}
	if n := unsafe.Sizeof(openBand{}); n != 32 {
		t.Errorf("openBand: %d bytes, want 32", n)
	}
	var l ladder
	if n := unsafe.Offsetof(l.inline); n > 64 {
		t.Errorf("an arrow's fields of a ladder end at byte %d, want at most 64", n)
	}
	if n := unsafe.Sizeof(l); n%64 != 0 {
		t.Errorf("ladder: %d bytes, want a multiple of 64 (pad it)", n)
	}
	if n := unsafe.Sizeof(l) * ladderChunk; n <= 32<<10 {
		t.Errorf("a chunk of ladders is %d bytes: not a large object, so not page-aligned", n)
	}
	r := &collector{}
	for range 2 * ladderChunk {
		l := r.newLadder()
		if p := uintptr(unsafe.Pointer(l)); p%64 != 0 {
			t.Fatalf("ladder at %#x: not on a cache line", p)
		}
		if p := uintptr(unsafe.Pointer(l.ob)); p%32 != 0 {
			t.Fatalf("open band at %#x: across a cache line", p)
		}
	}
}

// TestSeries: bins never exceed maxBins, and each bin's states add up to
// its endpoint total.
func TestSeries(t *testing.T) {
	var s series
	st := [2]tracker.State{tracker.SynSent, tracker.Listen}
	for i := range 5000 {
		now := int64(i) * 3e6 // 15 s in 3 ms steps
		s.advance(now)
		s.opened(st)
		s.moved(tracker.SynSent, tracker.Established)
		if i%3 == 0 {
			s.closed([2]tracker.State{tracker.Established, tracker.Listen}, now-6e6, "SF")
		}
	}
	s.finish()
	if len(s.states) > maxBins || len(s.states) == 0 || len(s.newc) != len(s.states) {
		t.Fatalf("%d state bins, %d outcome bins", len(s.states), len(s.newc))
	}
	for i, b := range s.states {
		var sum int32
		for _, v := range b {
			sum += v
		}
		if sum != s.totals[i] {
			t.Fatalf("bin %d: states add up to %d, total %d", i, sum, s.totals[i])
		}
	}
	var n int32
	for _, b := range s.newc {
		n += b[outcomeIndex("SF")]
	}
	if n != 1667 {
		t.Errorf("%d SF connections counted, want 1667", n)
	}
}

func TestUIDsIn(t *testing.T) {
	got := uidsIn(`{"sample_uids":["C0Eq8sulgZhgu9ONdw","C0OKNIb3sGgc6FIPJT","C0Eq8sulgZhgu9ONdw"],"x":"CC0Eq8sulgZhgu9ONdwX"}`, nil)
	if strings.Join(got, ",") != "C0Eq8sulgZhgu9ONdw,C0OKNIb3sGgc6FIPJT" {
		t.Errorf("uidsIn = %v", got)
	}
	for s, want := range map[string]string{
		"C0Eq8sulgZhgu9ONdw": "C0Eq8sulgZhgu9ONdw", " C0Eq8sulgZhgu9ONdw": "C0Eq8sulgZhgu9ONdw", "xC0Eq8sulgZhgu9ONdw": "",
		"C0Eq8sulgZhgu9ONd": "", "CC": "", "": "", "C0Eq8sulgZhgu9ONdw,C1Eq8sulgZhgu9ONdw": "C0Eq8sulgZhgu9ONdw,C1Eq8sulgZhgu9ONdw",
	} {
		if got := strings.Join(uidsIn(s, nil), ","); got != want {
			t.Errorf("uidsIn(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFindingsLadders: the connections a finding cites get ladders, and
// its links lead to them; --report-conns adds one.
func TestFindingsLadders(t *testing.T) {
	lim := DefaultLimits()
	lim.First, lim.Top = 0, 0
	if n := len(svgRE.FindAllString(build(t, "syn-flood-long", lim), -1)); n != 0 {
		t.Errorf("%d ladders without findings or --report-conns, want 0", n)
	}
	page := buildWith(t, "syn-flood-long", lim, true)
	if !strings.Contains(page, `<b>syn-flood</b>`) {
		t.Fatal("no syn-flood finding on the page")
	}
	links := regexp.MustCompile(`<a href="#L-(C[0-9A-Za-z]{17})" class="cite">`).FindAllStringSubmatch(page, -1)
	if len(links) == 0 {
		t.Fatal("the finding links to no ladder")
	}
	for _, m := range links {
		if !strings.Contains(page, `<details class="ladder" id="L-`+m[1]+`">`) {
			t.Errorf("link to %s, which has no ladder", m[1])
		}
	}
	uid := links[0][1]
	page = build(t, "syn-flood-long", lim, uid)
	if n := len(svgRE.FindAllString(page, -1)); n != 1 || !strings.Contains(page, `data-uid="`+uid+`"`) {
		t.Errorf("--report-conns %s: %d ladders", uid, n)
	}
}

// TestPacketAllocs: recording an ordinary packet allocates nothing.
func TestPacketAllocs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "r.html")
	r, err := New(out, nil, Meta{}, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	f, err := capture.OpenFile(filepath.Join("..", "testdata", "pcaps", "reorder-bulk.pcap"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	grab := &grabber{Report: r}
	tr := tracker.New(tracker.Config{}, grab)
	rd := capture.NewReader(f)
	var seg segment.Segment
	for range 40 {
		if err := rd.Next(&seg); err != nil {
			t.Fatal(err)
		}
		tr.Handle(&seg)
	}
	c, s := grab.c, grab.seg
	s.Flags = segment.ACK
	s.PayloadLen = 1000
	n := testing.AllocsPerRun(1000, func() {
		s.Time = s.Time.Add(time.Microsecond)
		r.Packet(c, &s, tracker.Orig, nil)
	})
	if n != 0 {
		t.Errorf("%v allocations per packet, want 0", n)
	}
}

// grabber keeps the latest connection and segment it saw.
type grabber struct {
	*Report
	c   *tracker.Conn
	seg segment.Segment
}

func (g *grabber) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	g.c, g.seg = c, *seg
	g.Report.Packet(c, seg, side, evs)
}

// TestLiveHandles: each tracked connection's handle (by its slot) leads
// to its own ladder through tracks, untracks and recycling, a recycled
// ladder is reused before a new one is made, and the handle is cleared
// at the end.
func TestLiveHandles(t *testing.T) {
	r := &collector{byUID: map[tracker.UID]*ladder{}}
	conns := make([]uint32, 6000)
	r.hand = make([]uint32, len(conns))
	ladders := map[int]*ladder{}
	peak := 0
	for i := range conns {
		conns[i] = uint32(i)
		l := r.newLadder()
		r.track(conns[i], l)
		ladders[i] = l
		peak = max(peak, len(ladders))
		// End a pseudo-random older one, keeping every fifth (a
		// half-open flood that stays tracked).
		if i > 0 {
			if v := (i * 7919) % i; ladders[v] != nil && v%5 != 0 {
				r.untrack(conns[v])
				r.recycle(ladders[v])
				delete(ladders, v)
			}
		}
	}
	seen := map[*ladder]bool{}
	for i, c := range conns {
		l := r.ladderOf(c)
		if l != ladders[i] {
			t.Fatalf("conn %d: ladder %p, want %p", i, l, ladders[i])
		}
		if l != nil {
			if seen[l] {
				t.Fatalf("conn %d: ladder shared", i)
			}
			seen[l] = true
		}
	}
	if int(r.ladders)-len(r.free) != len(ladders) {
		t.Errorf("%d ladders in use, want %d", int(r.ladders)-len(r.free), len(ladders))
	}
	if int(r.ladders) != peak {
		t.Errorf("%d ladders for at most %d connections at once: recycled ones not reused", r.ladders, peak)
	}
}

// TestRowHeap: past Limits.Rows the least interesting rows go.
func TestRowHeap(t *testing.T) {
	r := &collector{lim: Limits{Rows: 10}}
	for i := range 100 {
		w := row{id: uint64(i + 1), connState: "SF", last: int64(i % 37)}
		if i%9 == 0 {
			w.connState = "RSTO"
		}
		r.addRow(&w)
	}
	if len(r.rows) != 10 || r.dropped != 90 {
		t.Fatalf("%d rows, %d dropped", len(r.rows), r.dropped)
	}
	n := 0
	for _, w := range r.rows {
		if w.connState == "RSTO" {
			n++
		}
	}
	if n != 10 { // 12 RSTO rows: the ten kept are all of that kind
		t.Errorf("%d RSTO rows kept, want 10", n)
	}
}

// TestDrawBudget: past Limits.DrawItems ladders are left out, and the
// page says so.
func TestDrawBudget(t *testing.T) {
	lim := DefaultLimits()
	lim.DrawItems = 10
	page := build(t, "loss-rto", lim) // one ladder of 15 arrows
	if n := len(svgRE.FindAllString(page, -1)); n != 0 || !strings.Contains(page, "1 more were selected but not drawn") {
		t.Errorf("%d ladders drawn over the budget, or no word of it", n)
	}
}

// TestSvgWriterF: f writes what strconv.AppendFloat writes for v
// rounded to a tenth.
func TestSvgWriterF(t *testing.T) {
	vals := []float64{0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.25, 1.25, -1.25, 12.34, 99.95, 1e9 + 0.3, -7, 1e17, math.Inf(1), math.NaN()}
	for i := range 20000 {
		vals = append(vals, float64(i)*0.0137-100, float64(i*i)*0.31)
	}
	for _, v := range vals {
		w := &svgWriter{}
		w.f(v)
		want := strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
		if got := string(w.b); got != want {
			t.Errorf("f(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestFindingsHTML: the hand-written findings and ladders write what the
// page template's ranges they replace wrote, escaping included.
func TestFindingsHTML(t *testing.T) {
	const findingsTmpl = `{{range .}}<li class="finding sev-{{.Severity}}"><span class="sev">{{.Severity}}</span> <b>{{.Kind}}</b> on <code>{{.Subject}}</code>: {{.Summary}} <span class="when">({{.When}})</span>
{{if .Explanation}}<p>{{.Explanation}}</p>{{end}}{{if .Advice}}<p class="advice">{{.Advice}}</p>{{end}}
{{if .Cites}}<p class="cites">Connections: {{range .Cites}}{{if .Href}}<a href="{{.Href}}" class="cite">{{.UID}}</a> {{else}}<span class="cite gone" title="neither its ladder nor its row was kept">{{.UID}}</span> {{end}}{{end}}</p>{{end}}
<details class="evidence"><summary>evidence</summary><code>{{.Evidence}}</code></details></li>
{{end}}`
	const laddersTmpl = `{{range .}}<details class="ladder" id="L-{{.UID}}"><summary><b>{{.UID}}</b> {{.Client}} → {{.Server}}: {{.Summary}} <span class="why">({{.Why}})</span></summary>
<div class="ladderbox">{{.SVG}}</div></details>
{{end}}`
	odd := "a<b>&c'd\"e+f\x00g é \xff\xfe ☃ \ufdd0 end"
	fs := []findingView{
		{Kind: "syn-flood", Severity: "alert", Subject: "10.0.0.1:80", Summary: odd, Explanation: odd, Advice: "", Evidence: `{"n":1,"s":"x+y<z"}`, When: "0 s to 1 s",
			Cites: []citeView{{UID: "C0123456789abcdefg", Href: "#L-C0123456789abcdefg"}, {UID: "C1123456789abcdefg"}}},
		{Kind: odd, Severity: odd, Subject: odd, Advice: odd, Evidence: odd, When: odd},
	}
	ls := []ladderView{{UID: "C0123456789abcdefg", Client: "[fd00::1]:5", Server: odd, Why: "slowest", Summary: odd, SVG: `<svg a="1">x</svg>`}}
	for _, c := range []struct {
		tmpl string
		data any
		got  template.HTML
	}{{findingsTmpl, fs, findingsHTML(fs)}, {laddersTmpl, ls, laddersHTML(ls)}} {
		var want strings.Builder
		if err := template.Must(template.New("x").Parse(c.tmpl)).Execute(&want, c.data); err != nil {
			t.Fatal(err)
		}
		if string(c.got) != want.String() {
			t.Errorf("got\n%q\nwant\n%q", c.got, want.String())
		}
	}
}

// findingsHTML returns what writeFindings writes.
func findingsHTML(fs []findingView) template.HTML {
	w := &svgWriter{}
	writeFindings(w, fs)
	return w.html()
}

// laddersHTML writes the ladders as writeLadders does, with the SVGs
// given.
func laddersHTML(ls []ladderView) template.HTML {
	w := &svgWriter{}
	for i := range ls {
		ladderHTML(w, &ls[i], func(w *svgWriter) { w.s(string(ls[i].SVG)) })
	}
	return w.html()
}

// TestAppendSeconds: the integer path writes what strconv.FormatFloat
// writes, around microsecond halves, for negatives and huge values.
func TestAppendSeconds(t *testing.T) {
	vals := []int64{0, 1, 499, 500, 501, 999, 1000, 1500, 2500, -1, -500, -1500, 999_999_499, 999_999_500, 999_999_501,
		1e15 - 1, 1e15, 1e15 + 500, math.MaxInt64, math.MinInt64}
	for i := range int64(200000) {
		vals = append(vals, i*7919, i*1_000_003+499, i*1_000_003+501, i*i*13_331, 1_700_000_000_000_000_000/(i+1))
	}
	for _, ns := range vals {
		want := strconv.FormatFloat(float64(ns)/1e9, 'f', 6, 64)
		if got := string(appendSeconds(nil, ns)); got != want {
			t.Fatalf("appendSeconds(%d) = %q, want %q", ns, got, want)
		}
	}
}

// TestEsc: esc, escFrom and addr escape as template.HTMLEscapeString.
func TestEsc(t *testing.T) {
	for _, s := range []string{"", "plain 10.0.0.1:80", `a<b>&'"` + "\x00z", "é+ü", "+"} {
		want := template.HTMLEscapeString(s)
		w := &svgWriter{}
		if w.esc(s); string(w.b) != want {
			t.Errorf("esc(%q) = %q, want %q", s, w.b, want)
		}
		w = &svgWriter{b: []byte("x")}
		w.b = append(w.b, s...)
		if w.escFrom(1); string(w.b) != "x"+want {
			t.Errorf("escFrom(%q) = %q, want %q", s, w.b, "x"+want)
		}
	}
	for _, a := range []netip.AddrPort{{}, netip.MustParseAddrPort("[fe80::1%eth<0>]:22"), netip.MustParseAddrPort("192.0.2.1:443")} {
		w := &svgWriter{}
		if want := template.HTMLEscapeString(a.String()); string(w.addr(a).b) != want {
			t.Errorf("addr(%v) = %q, want %q", a, w.b, want)
		}
	}
}

// TestOutcomeIndex: the switch follows outcomeList; unknown is OTH.
func TestOutcomeIndex(t *testing.T) {
	names := outcomes()
	if len(names) != numOutcomes {
		t.Fatalf("%d outcomes, numOutcomes %d", len(names), numOutcomes)
	}
	for i, s := range names {
		if got := outcomeIndex(s); got != i {
			t.Errorf("outcomeIndex(%q) = %d, want %d", s, got, i)
		}
	}
	if got := outcomeIndex("XYZ"); got != numOutcomes-1 {
		t.Errorf("outcomeIndex of an unknown state = %d, want OTH's", got)
	}
}

// TestAppendStamp: an arrow's time is written as time.Format writes it,
// in any zone, for any year.
func TestAppendStamp(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.FixedZone("X", -5*3600)
	}
	for _, loc := range []*time.Location{time.UTC, ny, time.FixedZone("half", 5*3600+1800)} {
		for _, ns := range []int64{0, 1, 999, 1_700_000_000_123_456_789, -1, -62_135_596_800_000_000_0 / 10, 253_402_300_799_999_999_9 / 10, math.MaxInt64, math.MinInt64} {
			tm := time.Unix(0, ns).In(loc)
			want := tm.Format("2006-01-02 15:04:05.000000")
			if got := string(appendStamp(nil, tm)); got != want {
				t.Errorf("appendStamp(%v) = %q, want %q", tm, got, want)
			}
		}
		for i := range int64(100000) {
			tm := time.Unix(0, i*i*7_919_000_003).In(loc)
			if got, want := string(appendStamp(nil, tm)), tm.Format("2006-01-02 15:04:05.000000"); got != want {
				t.Fatalf("appendStamp(%v) = %q, want %q", tm, got, want)
			}
		}
	}
}

// TestTick: tick (the packet path's clock) builds the series advance
// builds, through bin halvings and the end.
func TestTick(t *testing.T) {
	var a, b series
	st := [2]tracker.State{tracker.SynSent, tracker.Listen}
	now := int64(1e18)
	for i := range 20000 {
		now += int64(i%7) * int64(i%13) * 1e5 // repeats, small and large steps
		a.advance(now)
		b.tick(now)
		if i%5 == 0 {
			a.opened(st)
			b.opened(st)
		}
		if i%11 == 0 {
			a.closed(st, now-int64(i%3)*1e6, "S0")
			b.closed(st, now-int64(i%3)*1e6, "S0")
		}
	}
	a.finish()
	b.finish()
	b.tick(now + 1e9) // after the end: nothing moves
	a.next, b.next = 0, 0
	if !reflect.DeepEqual(a, b) {
		t.Errorf("tick built another series: %d bins of %d ns vs %d of %d", len(b.states), b.w, len(a.states), a.w)
	}
}

// TestAppendUint: the inline digits are strconv's.
func TestAppendUint(t *testing.T) {
	for v := uint64(0); v < 20000; v++ {
		if got, want := string(appendUint(nil, v)), strconv.FormatUint(v, 10); got != want {
			t.Fatalf("appendUint(%d) = %q", v, got)
		}
	}
	for _, v := range []int64{-1, -12345, math.MinInt64, math.MaxInt64, 1 << 40} {
		w := &svgWriter{}
		if got, want := string(w.i(v).b), strconv.FormatInt(v, 10); got != want {
			t.Errorf("i(%d) = %q", v, got)
		}
	}
}

// TestReasonOf: a label's reason is interned once per string; past the
// table's 65536 entries every new reason shares the last one, which says
// so.
func TestReasonOf(t *testing.T) {
	r := &collector{}
	a, b := "SYN received", "FIN received"
	i, j := r.reasonOf(a), r.reasonOf(b)
	if i == j || r.reasonOf(a) != i || r.reasons[i] != a || r.reasons[j] != b {
		t.Fatalf("reasonOf: %d %d, table %q", i, j, r.reasons)
	}
	if got := r.reasonOf(strings.Clone(a)); r.reasons[got] != a {
		t.Fatalf("a copy of %q is %q", a, r.reasons[got])
	}
	for n := 0; len(r.reasons) < 1<<16; n++ {
		r.reasonOf(strconv.Itoa(n))
	}
	last := r.reasonOf("one more")
	if last != 1<<16-1 || !strings.Contains(r.reasons[last], "more reasons") || r.reasonOf(a) != i {
		t.Fatalf("past the table: %d %q", last, r.reasons[last])
	}
}

// TestBatches: the collector replays the callbacks in order across many
// batches (sync waits for it), and a connection's slot is reused once
// it has ended.
func TestBatches(t *testing.T) {
	r, err := New(filepath.Join(t.TempDir(), "r.html"), nil, Meta{}, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	var pcap bytes.Buffer
	if err := benchgen.Generate(&pcap, 40000, 1); err != nil {
		t.Fatal(err)
	}
	f, err := capture.OpenFile("-", &pcap)
	if err != nil {
		t.Fatal(err)
	}
	counter := &counting{Report: r}
	tr := tracker.New(tracker.Config{}, counter)
	rd := capture.NewReader(f)
	var seg segment.Segment
	for rd.Next(&seg) == nil {
		tr.Handle(&seg)
		if counter.packets%(3*batchOps) == 0 {
			r.sync()
			if r.col.packets != counter.packets {
				t.Fatalf("after sync the collector saw %d packets, want %d", r.col.packets, counter.packets)
			}
		}
	}
	tr.Flush()
	r.sync()
	if counter.packets < 3*batches*batchOps {
		t.Fatalf("%d packets: too few to go round the batches", counter.packets)
	}
	if r.col.packets != counter.packets || r.col.ended != counter.done {
		t.Errorf("collector: %d packets, %d ended; want %d, %d", r.col.packets, r.col.ended, counter.packets, counter.done)
	}
	if int(r.slots) >= counter.done || len(r.spare) != int(r.slots) {
		t.Errorf("%d slots for %d connections, %d free at the end: slots not reused", r.slots, counter.done, len(r.spare))
	}
	for _, h := range r.col.hand {
		if h != 0 {
			t.Fatal("a handle left set after every connection ended")
		}
	}
	// The input's end closed hundreds of connections at once: no batch
	// grew past its bound of ends.
	for range batches - 1 {
		b := <-r.free
		if cap(b.ends) > 2*batchEnds || cap(b.evs) > 2*batchEvs { // append rounds capacities up
			t.Errorf("a batch grew to %d ends, %d events", cap(b.ends), cap(b.evs))
		}
		defer func() { r.free <- b }()
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err == nil {
		t.Error("a second Close: no error")
	}
	for range 3 * batchOps { // callbacks after Close record nothing, and do not block
		r.InputEnded()
	}
}

// counting counts the packets and ends a Report is given.
type counting struct {
	*Report
	packets uint64
	done    int
}

func (c *counting) Packet(conn *tracker.Conn, seg *segment.Segment, side tracker.Side, evs []tracker.Event) {
	c.packets++
	c.Report.Packet(conn, seg, side, evs)
}

func (c *counting) Done(conn *tracker.Conn) {
	if conn.Aux(auxKey) != 0 {
		c.done++
	}
	c.Report.Done(conn)
}
