package printer

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/findings"
)

// aFinding is a finding as a detector leaves it.
func aFinding() *findings.Finding {
	t0 := time.Date(2026, 1, 2, 12, 0, 0, 0, time.UTC)
	f := &findings.Finding{
		Kind: findings.KindSynFlood, Severity: findings.Alert, Subject: "10.0.0.2:80",
		FirstTime: t0, FirstPkt: 1, LastTime: t0.Add(2 * time.Second), LastPkt: 1874,
		FireTime: t0.Add(time.Second), FirePkt: 199,
		Summary:     "100 half-open connections from 97 sources in 1.0 s",
		Explanation: "10.0.0.2:80 was left with 1 874 half-open connections: a SYN flood, probably from spoofed addresses, which this sentence goes on about long enough to be wrapped.",
		Advice:      "Enable SYN cookies.",
	}
	f.Evidence.Int("half_open", 1874).Threshold("half_open", 100, "window", 10*time.Second)
	return f
}

func TestTextFindings(t *testing.T) {
	for _, tt := range []struct {
		name string
		opts Options
		want string
	}{
		{"default", Options{}, `12:00:01.000000 #199 ! finding syn-flood on 10.0.0.2:80: 100 half-open connections from 97 sources in 1.0 s

connections: 0

final endpoint states (0 endpoints):

findings (1, times in UTC):
  1. syn-flood on 10.0.0.2:80 (alert), 12:00:00.000000 to 12:00:02.000000, packets #1 to #1874
     10.0.0.2:80 was left with 1 874 half-open connections: a SYN flood,
     probably from spoofed addresses, which this sentence goes on about long
     enough to be wrapped.
     Advice: Enable SYN cookies.
`},
		{"quiet: no marker", Options{Quiet: true}, "connections: 0\n\nfinal endpoint states (0 endpoints):\n\nfindings (1"},
		{"findings only", Options{Quiet: true, FindingsOnly: true}, "12:00:01.000000 #199 ! finding syn-flood on 10.0.0.2:80: 100 half-open connections from 97 sources in 1.0 s\nfindings (1, times in UTC):\n  1. syn-flood"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			p := NewText(&out, tt.opts)
			f := aFinding()
			p.Fired(f)
			p.Ended(f)
			if err := p.Close(Summary{}); err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(out.String(), tt.want) {
				t.Errorf("got\n%s\nwant prefix\n%s", out.String(), tt.want)
			}
		})
	}
	var out bytes.Buffer
	p := NewText(&out, Options{Quiet: true, FindingsOnly: true})
	if err := p.Close(Summary{}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "findings: none\n" {
		t.Errorf("--findings without findings: %q", out.String())
	}
	out.Reset()
	p = NewText(&out, Options{})
	if err := p.Close(Summary{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "findings") {
		t.Errorf("no findings, yet a section: %q", out.String())
	}
}

func TestJSONFindings(t *testing.T) {
	var out bytes.Buffer
	p := NewJSON(&out, Options{Quiet: true, FindingsOnly: true})
	f := aFinding()
	p.Fired(f)
	p.Ended(f)
	if err := p.Close(Summary{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("want a finding_fired and a finding record, got %q", lines)
	}
	want := `{"type":"finding","kind":"syn-flood","severity":"alert","first_ts":1767355200.000000,"last_ts":1767355202.000000,"first_pkt":1,"last_pkt":1874,"subject":"10.0.0.2:80","evidence":{"half_open":1874,"threshold":{"half_open":100,"window":"10s"}},"explanation":"10.0.0.2:80 was left with 1 874 half-open connections: a SYN flood, probably from spoofed addresses, which this sentence goes on about long enough to be wrapped.","advice":"Enable SYN cookies."}`
	if lines[1] != want {
		t.Errorf("got\n%s\nwant\n%s", lines[1], want)
	}
	want = `{"type":"finding_fired","ts":1767355201.000000,"pkt":199,"kind":"syn-flood","severity":"alert","subject":"10.0.0.2:80","summary":"100 half-open connections from 97 sources in 1.0 s"}`
	if lines[0] != want {
		t.Errorf("got\n%s\nwant\n%s", lines[0], want)
	}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Errorf("%s: %v", l, err)
		}
	}
	// -q: the finding record, no finding_fired.
	out.Reset()
	p = NewJSON(&out, Options{Quiet: true})
	p.Fired(f)
	p.Ended(f)
	if err := p.Close(Summary{}); err != nil {
		t.Fatal(err)
	}
	if s := out.String(); strings.Contains(s, "finding_fired") || !strings.Contains(s, `"type":"finding"`) {
		t.Errorf("-q: %s", s)
	}
}

// TestAppendWrapped: the wrapped paragraph is the one strings.Fields
// gives, a paragraph in two parts (the "Advice:" prefix) wraps as one,
// and wrapping allocates nothing.
func TestAppendWrapped(t *testing.T) {
	fields := func(text, indent string, width int) string {
		var b []byte
		col := 0
		for _, w := range strings.Fields(text) {
			n := len([]rune(w))
			switch {
			case col == 0:
				b = append(b, indent...)
				col = len(indent)
			case col+1+n > width:
				b = append(b, '\n')
				b = append(b, indent...)
				col = len(indent)
			default:
				b = append(b, ' ')
				col++
			}
			b = append(b, w...)
			col += n
		}
		if col > 0 {
			b = append(b, '\n')
		}
		return string(b)
	}
	texts := []string{"", "  ", "one", "a\tb\n c  d", strings.Repeat("wörd ", 40), strings.Repeat("x", 100) + " y z",
		"The peer sent a RST with a sequence number in the window but not the expected one: an injected reset, or a middlebox's."}
	for _, text := range texts {
		if got, want := string(appendWrapped(nil, text, "     ", 78)), fields(text, "     ", 78); got != want {
			t.Errorf("appendWrapped(%q) = %q, want %q", text, got, want)
		}
		b, col := appendWords(nil, 0, "Advice:", "  ", 30)
		b, col = appendWords(b, col, text, "  ", 30)
		if got, want := string(endWrapped(b, col)), fields("Advice: "+text, "  ", 30); got != want {
			t.Errorf("Advice: %q = %q, want %q", text, got, want)
		}
	}
	buf := make([]byte, 0, 4096)
	if n := testing.AllocsPerRun(100, func() { buf = appendWrapped(buf[:0], texts[6], "     ", 78) }); n != 0 {
		t.Errorf("appendWrapped allocates %v times", n)
	}
}
