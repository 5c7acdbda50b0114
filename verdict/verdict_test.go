package verdict

import (
	"bytes"
	"errors"
	"github.com/flowtrace/flowtrace/internal/testenv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseAccepts(t *testing.T) {
	for _, tc := range []struct {
		verb Verb
		text string
	}{
		{Forbid, "state=CLOSE-WAIT"},
		{Forbid, "state=close_wait"},
		{Forbid, "conn_state=RSTR"},
		{Forbid, "finding=syn-flood"},
		{Forbid, "ended=reset by server and port=8080"},
		{Forbid, `ended="closed by client" or not (port=80)`},
		{Forbid, "finding=syn-flood and subject=10.0.0.2:*"},
		{Forbid, "orig_retrans>1% and duration>=30s"},
		{Forbid, "count(state=TIME-WAIT) > 100"},
		{Require, "closed=graceful"},
		{Require, "count(conn_state=SF) >= 10"},
		{Require, "finding=port-scan"},
		{Max, "retransmissions=0.5%"},
		{Max, "handshake_rtt.p99=10ms"},
		{Max, "zero_windows=0"},
		{Max, "duration.max<=2m"},
		{Max, "count(closed=reset)=3"},
		{Max, "hs_rtt_ms.mean=1.5"},
	} {
		if _, err := Parse(tc.verb, tc.text, "--"+tc.verb.String()); err != nil {
			t.Errorf("%s %q: %v", tc.verb, tc.text, err)
		}
	}
}

func TestParseErrorsPointAtColumn(t *testing.T) {
	for _, tc := range []struct {
		verb Verb
		text string
		col  int
		msg  string
	}{
		{Forbid, "stat=CLOSE-WAIT", 1, `unknown field "stat" (did you mean state?)`},
		{Forbid, "state=CLOSE-WAT", 7, `unknown state "CLOSE-WAT"`},
		{Forbid, "state CLOSE-WAIT", 7, "expected an operator"},
		{Forbid, "state<CLOSE-WAIT", 6, "not a number"},
		{Forbid, "state=", 7, "expected a value"},
		{Forbid, "port=http", 6, "port is a number"},
		{Forbid, "conn_state=XX", 12, "unknown Zeek conn_state"},
		{Forbid, "finding=sin-flood", 9, "unknown finding"},
		{Forbid, "finding=syn-flood and port=80", 30, "connections or on findings"},
		{Forbid, "(state=LISTEN", 14, "expected )"},
		{Forbid, "duration>3kg", 10, `unknown unit "kg"`},
		{Forbid, "port>3ms", 6, "not a time"},
		{Require, "count(conn_state=SF) >= many", 25, "expected a number"},
		{Require, "", 1, "empty rule"},
		{Max, "handshake_rtt.p999x=10ms", 15, "percentile"},
		{Max, "handshake_rtt.top=10ms", 15, "unknown aggregate"},
		{Max, "state=3", 1, "not a number"},
		{Max, "zero_windows", 13, "expected = or <="},
		{Max, "retransmissions.p99=1%", 21, "percentage limits the total"},
	} {
		_, err := Parse(tc.verb, tc.text, "--"+tc.verb.String())
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%s %q: got %v, want a syntax error", tc.verb, tc.text, err)
			continue
		}
		if se.Col != tc.col || !strings.Contains(se.Msg, tc.msg) {
			t.Errorf("%s %q: column %d %q, want column %d %q", tc.verb, tc.text, se.Col, se.Msg, tc.col, tc.msg)
		}
		// The message shows the rule and a caret under the column.
		lines := strings.Split(err.Error(), "\n")
		if len(lines) != 3 || lines[1] != "  "+tc.text || len([]rune(lines[2])) != 2+tc.col {
			t.Errorf("%s %q: message %q has no caret at column %d", tc.verb, tc.text, err, tc.col)
		}
	}
}

func TestParseRulesFile(t *testing.T) {
	src := `# flowtrace CI rules
forbid state=CLOSE-WAIT   # leaks

  require closed=graceful
max handshake_rtt.p99=10ms
`
	rs, err := ParseRules(strings.NewReader(src), "ci.rules")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rs {
		got = append(got, r.Source+" "+r.String())
	}
	want := "ci.rules:2 forbid state=CLOSE-WAIT|ci.rules:4 require closed=graceful|ci.rules:5 max handshake_rtt.p99=10ms"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
	_, err = ParseRules(strings.NewReader("forbid state=X\n"), "ci.rules")
	var se *SyntaxError
	if !errors.As(err, &se) || se.Source != "ci.rules:1" || se.Col != 14 {
		t.Errorf("bad state: %v", err)
	}
	_, err = ParseRules(strings.NewReader("\n  allow state=LISTEN\n"), "ci.rules")
	if !errors.As(err, &se) || se.Source != "ci.rules:2" || se.Col != 3 {
		t.Errorf("bad verb: %v", err)
	}
}

// conn builds a connection record as the Collector would.
func conn(uid string, first uint64, fields map[string]any) Conn {
	base := map[string]any{
		"uid": uid, "orig_h": "10.0.0.1", "orig_p": 40000.0 + float64(first), "resp_h": "10.0.0.2", "resp_p": 8080.0,
		"orig_state": "TIME-WAIT", "resp_state": "CLOSED", "conn_state": "SF", "end": "closed by client",
		"orig_pkts": 10.0, "resp_pkts": 10.0, "orig_retrans": 0.0, "resp_retrans": 0.0,
		"orig_zero_windows": 0.0, "resp_zero_windows": 0.0, "duration": 0.5, "hs_rtt_ms": 1.0,
	}
	for k, v := range fields {
		if v == nil {
			delete(base, k)
		} else {
			base[k] = v
		}
	}
	return Conn{UID: uid, Tuple: "10.0.0.1:x > 10.0.0.2:8080", FirstPkt: first, LastPkt: first + 19, Fields: base}
}

func testInput() *Input {
	return &Input{Name: "t.pcap", Conns: []Conn{
		conn("C2", 21, map[string]any{"resp_state": "CLOSE-WAIT", "orig_state": "FIN-WAIT-2", "end": "closing, initiated by client", "conn_state": "S2", "hs_rtt_ms": 30.0}),
		conn("C1", 1, nil),
		conn("C3", 41, map[string]any{"end": "aborted by server RST", "conn_state": "RSTR", "resp_retrans": 2.0, "resp_zero_windows": 3.0, "hs_rtt_ms": nil}),
	}, Findings: []Finding{{Kind: "syn-flood", Severity: "alert", Subject: "10.0.0.2:8080", FirstPkt: 100, LastPkt: 900}}}
}

func TestEvaluate(t *testing.T) {
	in := testInput()
	for _, tc := range []struct {
		verb      Verb
		text      string
		pass      bool
		summary   string
		offenders string // uids, or subjects for findings
		why       string // the first offender's
	}{
		{Forbid, "state=CLOSE-WAIT", false, "1 of 3 connections match", "C2", "orig_state=FIN-WAIT-2 resp_state=CLOSE-WAIT"},
		{Forbid, "state=SYN-SENT", true, "0 of 3 connections match", "", ""},
		{Forbid, "conn_state=RSTR", false, "1 of 3 connections match", "C3", "conn_state=RSTR"},
		{Forbid, "ended=reset by server and port=8080", false, "1 of 3 connections match", "C3", `end="aborted by server RST" orig_p=40041 resp_p=8080`},
		{Forbid, "ended=reset by client", true, "0 of 3 connections match", "", ""},
		{Forbid, "finding=syn-flood", false, "1 of 1 findings match", "10.0.0.2:8080", "finding syn-flood on 10.0.0.2:8080 (alert)"},
		{Forbid, "finding=port-scan", true, "0 of 1 findings match", "", ""},
		{Forbid, "finding=syn-flood and subject=10.0.0.3:*", true, "0 of 1 findings match", "", ""},
		{Forbid, "count(state=CLOSE-WAIT) >= 2", true, "count = 1 (of 3 connections)", "", ""},
		{Forbid, "resp_retrans>5%", false, "1 of 3 connections match", "C3", "resp_retrans=2"},
		{Require, "closed=graceful", false, "2 of 3 connections do not match", "C2 C3", `end="closing, initiated by client"`},
		{Require, "closed=graceful or closed=reset", false, "1 of 3 connections do not match", "C2", ""},
		{Require, "count(conn_state=SF) >= 10", false, "count = 1 (of 3 connections)", "", ""},
		{Require, "count(conn_state=SF) >= 1", true, "count = 1 (of 3 connections)", "", ""},
		{Require, "finding=syn-flood", true, "1 of 1 findings match", "", ""},
		{Require, "finding=port-scan", false, "0 of 1 findings match", "", ""},
		{Max, "retransmissions=0.5%", false, "retransmissions = 3.333% (2 of 60 segments), limit 0.5%", "C3", "retransmissions=2 (orig_retrans=0 resp_retrans=2)"},
		{Max, "retransmissions=5%", true, "retransmissions = 3.333% (2 of 60 segments), limit 5%", "", ""},
		{Max, "handshake_rtt.p99=10ms", false, "handshake_rtt.p99 = 30 ms, limit 10 ms (2 connections)", "C2", "handshake_rtt=30 ms"},
		{Max, "handshake_rtt.p50=10ms", true, "handshake_rtt.p50 = 1 ms, limit 10 ms (2 connections)", "", ""},
		{Max, "handshake_rtt.p99=0.05s", true, "handshake_rtt.p99 = 30 ms, limit 50 ms (2 connections)", "", ""},
		{Max, "zero_windows=0", false, "zero_windows = 3, limit 0 (3 connections)", "C3", "zero_windows=3 (orig_zero_windows=0 resp_zero_windows=3)"},
		{Max, "count(closed=reset)=0", false, "count = 1, limit 0", "C3", "end=\"aborted by server RST\""},
	} {
		r, err := Parse(tc.verb, tc.text, "test")
		if err != nil {
			t.Fatalf("%s %s: %v", tc.verb, tc.text, err)
		}
		res := Evaluate([]*Rule{r}, in)[0]
		var offs []string
		for _, o := range res.Offenders {
			if o.UID != "" {
				offs = append(offs, o.UID)
			} else {
				offs = append(offs, o.Tuple)
			}
		}
		if res.Pass != tc.pass || res.Summary != tc.summary || strings.Join(offs, " ") != tc.offenders {
			t.Errorf("%s %s: pass %v %q offenders %q; want %v %q %q", tc.verb, tc.text, res.Pass, res.Summary, offs, tc.pass, tc.summary, tc.offenders)
		}
		if tc.why != "" && (len(res.Offenders) == 0 || res.Offenders[0].Why != tc.why) {
			t.Errorf("%s %s: offenders %+v, want the first because %q", tc.verb, tc.text, res.Offenders, tc.why)
		}
	}
}

func TestRequireNeedsConnections(t *testing.T) {
	r, _ := Parse(Require, "closed=graceful", "test")
	res := Evaluate([]*Rule{r}, &Input{Name: "empty"})[0]
	if res.Pass || res.Summary != "no connection in the input to check" {
		t.Errorf("got %+v", res)
	}
}

func TestOffendersCapped(t *testing.T) {
	in := &Input{}
	for i := 0; i < MaxOffenders+5; i++ {
		in.Conns = append(in.Conns, conn("C", uint64(i+1), map[string]any{"resp_state": "CLOSE-WAIT"}))
	}
	r, _ := Parse(Forbid, "state=CLOSE-WAIT", "test")
	res := Evaluate([]*Rule{r}, in)[0]
	if len(res.Offenders) != MaxOffenders || res.More != 5 {
		t.Errorf("%d offenders, %d more", len(res.Offenders), res.More)
	}
	var b bytes.Buffer
	s := Suite{Name: "x.pcap", Results: []Result{res}}
	s.WriteText(&b)
	if !strings.Contains(b.String(), "    and 5 more\n") || !strings.HasSuffix(b.String(), "flowtrace: x.pcap: FAIL (1 of 1 checks failed)\n") {
		t.Errorf("text:\n%s", b.String())
	}
}

// TestJUnitValidates writes a report with passing and failing rules, a
// golden mismatch and an unreadable input, and validates it against the
// committed schema with xmllint.
func TestJUnitValidates(t *testing.T) {
	in := testInput()
	var rules []*Rule
	for _, s := range []string{"state=CLOSE-WAIT", "finding=syn-flood", "state=SYN-SENT"} {
		r, _ := Parse(Forbid, s, "--forbid")
		rules = append(rules, r)
	}
	suites := []Suite{
		{Name: "a.pcap", Results: Evaluate(rules, in), Golden: &Golden{File: "a.golden", Diff: "--- a.golden\n+++ output\n@@ -1 +1 @@\n-x\n+y ]]> <&>\n"}},
		{Name: "b.pcap", Results: Evaluate(rules[2:], &Input{}), Err: errors.New("capture: b.pcap: truncated")},
	}
	var b bytes.Buffer
	if err := WriteJUnit(&b, suites); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		`<testsuites name="flowtrace" tests="6" failures="3" errors="1">`,
		`<testcase name="forbid state=CLOSE-WAIT" classname="a.pcap">`,
		`<failure message="FAIL forbid state=CLOSE-WAIT: 1 of 3 connections match" type="forbid">`,
		`C2 10.0.0.1:x > 10.0.0.2:8080 packets #21-#40: orig_state=FIN-WAIT-2 resp_state=CLOSE-WAIT`,
		`<testcase name="expect a.golden" classname="a.pcap">`,
		`<testcase name="read" classname="b.pcap">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %s:\n%s", want, out)
		}
	}
	ValidateJUnit(t, b.Bytes())
}

// ValidateJUnit checks a JUnit report against testdata/junit/junit.xsd
// with xmllint (Debian: libxml2-utils, in the Makefile's TEST_DEPS).
func ValidateJUnit(t *testing.T, report []byte) {
	t.Helper()
	xmllint := testenv.LookPath(t, "xmllint", "install libxml2-utils (make test-deps)")
	f := filepath.Join(t.TempDir(), "report.xml")
	if err := os.WriteFile(f, report, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", "../testdata/junit/junit.xsd", f).CombinedOutput()
	if err != nil {
		t.Fatalf("report does not validate: %v\n%s\n%s", err, out, report)
	}
}
