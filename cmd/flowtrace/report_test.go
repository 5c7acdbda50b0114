package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"github.com/flowtrace/flowtrace/internal/testenv"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// connFacts is what flowtrace's JSON output says of one connection: the
// truth the report's drawings are checked against.
type connFacts struct {
	packets int
	states  [2][]string // each side's states in order: the first transition's from, then every to
	final   [2]string
}

// jsonFacts runs flowtrace --json -v on trace and gathers its connections.
func jsonFacts(t *testing.T, trace string) map[string]*connFacts {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"-r", trace, "--json", "-v"}, nil, &out, &errb); code != exitOK {
		t.Fatalf("flowtrace -r %s --json: exit %d: %s", trace, code, errb.String())
	}
	facts := map[string]*connFacts{}
	get := func(uid string) *connFacts {
		if facts[uid] == nil {
			facts[uid] = &connFacts{}
		}
		return facts[uid]
	}
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec struct {
			Type, UID, Side, From, To string
			OrigState                 string `json:"orig_state"`
			RespState                 string `json:"resp_state"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		switch rec.Type {
		case "transition":
			f := get(rec.UID)
			s := 0
			if rec.Side == "resp" {
				s = 1
			}
			if len(f.states[s]) == 0 {
				f.states[s] = append(f.states[s], rec.From)
			}
			f.states[s] = append(f.states[s], rec.To)
		case "packet": // -v: every segment of the connection, dropped ones included
			get(rec.UID).packets++
		case "conn":
			f := get(rec.UID)
			f.final = [2]string{rec.OrigState, rec.RespState}
		}
	}
	return facts
}

// want returns the state sequence the ladder must show.
func (f *connFacts) want() string {
	var seq [2]string
	for s := range 2 {
		if len(f.states[s]) == 0 {
			seq[s] = f.final[s]
		} else {
			seq[s] = strings.Join(f.states[s], " ")
		}
	}
	return seq[0] + "|" + seq[1]
}

var (
	ladderRE  = regexp.MustCompile(`(?s)<svg class="ladder"[^>]*data-uid="(C\w{17})" data-packets="(\d+)" data-states="([^"]*)".*?</svg>`)
	stateRE   = regexp.MustCompile(`data-side="(\d)" data-state="([A-Z0-9-]+)"`)
	bandRE    = regexp.MustCompile(`<g class="band[^"]*" data-n="(\d+)"`)
	totalsRE  = regexp.MustCompile(`id="state-chart"[^>]*data-totals="([\d,]*)"`)
	areaVRE   = regexp.MustCompile(`<path class="area s\d+" data-state="[A-Z0-9-]+" data-v="([\d,]*)"`)
	reportArg = func(dir, name string) string { return filepath.Join(dir, name+".html") }
)

// TestReportEveryTrace writes the report of every bundled trace and checks
// its drawings against flowtrace's JSON output: each ladder's arrows and
// bands hold exactly the connection's packets, its state labels are the
// transitions in order, and the state chart's series add up to the
// endpoint count in every bin.
func TestReportEveryTrace(t *testing.T) {
	traces, _ := filepath.Glob("../../testdata/pcaps/*.pcap")
	if len(traces) == 0 {
		t.Fatal("no bundled traces")
	}
	dir := t.TempDir()
	for _, trace := range traces {
		name := strings.TrimSuffix(filepath.Base(trace), ".pcap")
		t.Run(name, func(t *testing.T) {
			out := reportArg(dir, name)
			var errb bytes.Buffer
			if code := run(context.Background(), []string{"-r", trace, "-q", "--utc", "--report", out}, nil, &bytes.Buffer{}, &errb); code != exitOK {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			b, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			page := string(b)
			facts := jsonFacts(t, trace)
			ladders := ladderRE.FindAllStringSubmatch(page, -1)
			if want := min(len(facts), 12); len(ladders) < want {
				t.Errorf("%d ladders, want at least %d (the first 12 connections)", len(ladders), want)
			}
			for _, m := range ladders {
				f := facts[m[1]]
				if f == nil {
					t.Errorf("ladder of unknown connection %s", m[1])
					continue
				}
				svg := m[0]
				arrows := strings.Count(svg, `<g class="pkt`)
				banded := 0
				for _, n := range bandRE.FindAllStringSubmatch(svg, -1) {
					k, _ := strconv.Atoi(n[1])
					banded += k
				}
				if p, _ := strconv.Atoi(m[2]); p != f.packets || arrows+banded != f.packets {
					t.Errorf("%s: data-packets %d, arrows %d + banded %d; JSON says %d packets", m[1], p, arrows, banded, f.packets)
				}
				var seq [2][]string
				for _, s := range stateRE.FindAllStringSubmatch(svg, -1) {
					k, _ := strconv.Atoi(s[1])
					seq[k] = append(seq[k], s[2])
				}
				drawn := strings.Join(seq[0], " ") + "|" + strings.Join(seq[1], " ")
				if want := f.want(); drawn != want || m[3] != want {
					t.Errorf("%s: states drawn %q (listed %q), JSON transitions say %q", m[1], drawn, m[3], want)
				}
			}
			checkChartSums(t, page)
		})
	}
}

// checkChartSums checks that the state chart's series add up to its
// endpoint totals in every bin.
func checkChartSums(t *testing.T, page string) {
	t.Helper()
	m := totalsRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no state chart")
	}
	totals := strings.Split(m[1], ",")
	sums := make([]int, len(totals))
	for _, a := range areaVRE.FindAllStringSubmatch(page, -1) {
		for i, v := range strings.Split(a[1], ",") {
			n, _ := strconv.Atoi(v)
			sums[i] += n
		}
	}
	for i, s := range totals {
		if n, _ := strconv.Atoi(s); n != sums[i] {
			t.Fatalf("state chart bin %d: series add up to %d, endpoints %d", i, sums[i], n)
		}
	}
}

func TestReportFlags(t *testing.T) {
	dir := t.TempDir()
	trace := "../../testdata/pcaps/loss-rto.pcap"
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"-r", trace, "--report-conns", "C0Eq8sulgZhgu9ONdw"}, exitUsage, "--report-conns needs --report FILE"},
		{[]string{"-r", trace, "--report", filepath.Join(dir, "a.html"), "--report-conns", "c1"}, exitUsage, `"c1" is not a connection uid`},
		{[]string{"-r", trace, "--report", ""}, exitUsage, "--report needs a file name"},
		{[]string{"-r", trace, "--report", filepath.Join(dir, "missing", "a.html")}, exitRuntime, "report: open " + filepath.Join(dir, "missing", "a.html")},
		{[]string{"-r", trace, "-q", "--report", filepath.Join(dir, "b.html"), "--report-conns", "C0Eq8sulgZhgu9ONdw"}, exitOK, ""},
	} {
		var errb bytes.Buffer
		code := run(context.Background(), c.args, nil, &bytes.Buffer{}, &errb)
		if code != c.code || !strings.Contains(errb.String(), c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errb.String(), c.code, c.msg)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "b.html"))
	if err != nil || !strings.Contains(string(b), "--report-conns") {
		t.Errorf("the --report-conns ladder is not marked as asked for (%v)", err)
	}
}

// chromium returns the path of Debian's chromium; outside CI a missing
// browser skips the test, under CI=true it fails it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	testenv.Skip(t, "chromium is not installed: apt-get install chromium (make test-deps)")
	return ""
}

// headless runs chromium without network on url with extra flags and
// returns its standard output.
func headless(t *testing.T, browser string, url string, extra ...string) []byte {
	t.Helper()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--proxy-server=127.0.0.1:9", // any fetch would fail: nothing may be loaded
		"--user-data-dir=" + t.TempDir()}
	args = append(append(args, extra...), url)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return out
}

// TestReportChromium renders reports in headless Chromium, with no
// network, and reads back what the page's own self-check (#selftest)
// counted in the DOM: arrows and bands per ladder against the JSON
// output's packets, state labels in vertical order against its
// transitions, the state chart's series against the endpoint totals.
// It then takes screenshots of a ladder and of the state chart
// (FLOWTRACE_SCREENSHOTS=DIR keeps them).
func TestReportChromium(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	shots := os.Getenv("FLOWTRACE_SCREENSHOTS")
	if shots == "" {
		shots = dir
	}
	// Each trace shows something else: retransmissions and loss, zero
	// windows and bands, a rejected RST, a SYN flood's findings and chart.
	for _, name := range []string{"loss-fast", "zero-window", "rst-injected", "syn-flood-long"} {
		t.Run(name, func(t *testing.T) {
			trace := "../../testdata/pcaps/" + name + ".pcap"
			out := reportArg(dir, name)
			if code := run(context.Background(), []string{"-r", trace, "-q", "--utc", "--report", out}, nil, &bytes.Buffer{}, &bytes.Buffer{}); code != exitOK {
				t.Fatalf("exit %d", code)
			}
			abs, _ := filepath.Abs(out)
			dom := headless(t, browser, "file://"+abs+"#selftest", "--dump-dom")
			m := regexp.MustCompile(`<pre id="selftest">(.*?)</pre>`).FindSubmatch(dom)
			if m == nil {
				t.Fatalf("the page wrote no self-check; DOM:\n%.2000s", dom)
			}
			var res struct {
				Ladders []struct {
					UID                     string
					Packets, Arrows, Banded int
					States                  string
					OK                      bool
				}
				Chart struct{ Bins, Bad, MaxTotal, Areas int }
			}
			if err := json.Unmarshal(bytes.ReplaceAll(m[1], []byte("&amp;"), []byte("&")), &res); err != nil {
				t.Fatalf("self-check %s: %v", m[1], err)
			}
			facts := jsonFacts(t, trace)
			if len(res.Ladders) == 0 {
				t.Fatal("no ladder in the DOM")
			}
			for _, l := range res.Ladders {
				f := facts[l.UID]
				if f == nil {
					t.Errorf("ladder of unknown connection %s", l.UID)
					continue
				}
				if l.Arrows+l.Banded != f.packets || !l.OK {
					t.Errorf("%s: %d arrows + %d in bands, JSON says %d packets (self-check ok: %v)", l.UID, l.Arrows, l.Banded, f.packets, l.OK)
				}
				if l.States != f.want() {
					t.Errorf("%s: states in vertical order %q, JSON transitions %q", l.UID, l.States, f.want())
				}
			}
			if res.Chart.Bins == 0 || res.Chart.Bad != 0 || res.Chart.Areas == 0 {
				t.Errorf("state chart: %+v", res.Chart)
			}
			// Screenshots: a ladder, and the state chart, alone on the page.
			for _, shot := range []struct{ id, file, size string }{
				{"L-" + res.Ladders[0].UID, name + "-ladder.png", "960,760"},
				{"state-chart", name + "-states.png", "960,310"},
			} {
				png := filepath.Join(shots, shot.file)
				headless(t, browser, "file://"+abs+"#show="+shot.id, "--screenshot="+png, "--window-size="+shot.size, "--hide-scrollbars")
				checkPNG(t, png)
			}
		})
	}
}

// checkPNG fails unless file is a PNG with something drawn: many
// distinct colours, not a blank page.
func checkPNG(t *testing.T, file string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	colours := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[r>>11<<10|g>>11<<5|bl>>11] = true
		}
	}
	if len(colours) < 8 {
		t.Errorf("%s looks blank: %d colours", file, len(colours))
	}
}

// TestReportLive: a live capture writes the report when it ends, with the
// ladder and state chart of what it saw, also under --watch.
func TestReportLive(t *testing.T) {
	for _, extra := range [][]string{nil, {"--watch", "--json"}} {
		out := filepath.Join(t.TempDir(), "live.html")
		_, stderr, err, _ := liveRun(t, "loss-rto.pcap", time.Second, append([]string{"-q", "--report", out}, extra...)...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", extra, err, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		page := string(b)
		if !strings.Contains(page, "<b>fake0</b>") || len(ladderRE.FindAllString(page, -1)) != 1 {
			t.Errorf("%v: the live report lacks its interface or its ladder", extra)
		}
		checkChartSums(t, page)
	}
}

// TestReportKeepsTranscript checks that --report changes nothing on
// stdout: the text transcript, its tables and the findings' notes (the
// "RSTs by class" lines were once lost behind the report's sink).
func TestReportKeepsTranscript(t *testing.T) {
	for _, name := range []string{"rst-injected", "syn-flood-hping3", "close-wait-leak"} {
		trace := filepath.Join("..", "..", "testdata", "pcaps", name+".pcap")
		var plain, with bytes.Buffer
		if code := run(context.Background(), []string{"-r", trace, "--utc"}, nil, &plain, &bytes.Buffer{}); code != exitOK {
			t.Fatalf("%s: exit %d", name, code)
		}
		out := filepath.Join(t.TempDir(), "r.html")
		if code := run(context.Background(), []string{"-r", trace, "--utc", "--report", out}, nil, &with, &bytes.Buffer{}); code != exitOK {
			t.Fatalf("%s --report: exit %d", name, code)
		}
		if plain.String() != with.String() {
			t.Errorf("%s: stdout differs with --report:\n--- without\n%s\n--- with\n%s", name, plain.String(), with.String())
		}
		if name == "rst-injected" && !strings.Contains(plain.String(), "RSTs by class") {
			t.Errorf("%s: no \"RSTs by class\" note in the transcript", name)
		}
	}
}
