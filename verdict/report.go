package verdict

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Suite is one input's verdict: the rules' results, the golden
// comparison if one was asked for, and the error that stopped reading
// it, if any.
type Suite struct {
	Name    string // the input file
	Results []Result
	Golden  *Golden
	Err     error
	Time    time.Duration // how long the input took; 0 leaves it out
}

// Golden is the outcome of comparing the output with an expected file.
type Golden struct {
	File    string
	Pass    bool
	Updated bool   // --update rewrote it
	Diff    string // unified diff, expected to actual, when not Pass
	Err     error  // the file could not be read or written
}

// Pass reports whether the input passed: read without error, every rule
// held, the output matched.
func (s *Suite) Pass() bool {
	return s.Err == nil && Failed(s.Results) == 0 && (s.Golden == nil || s.Golden.Pass)
}

// WriteText writes the verdict for a person: a line per rule, FAIL or
// ok, the offending connections under a failure, the diff under a
// golden mismatch, and a last line for the input.
func (s *Suite) WriteText(w io.Writer) {
	for i := range s.Results {
		r := &s.Results[i]
		fmt.Fprintf(w, "flowtrace: %s: %s\n", s.Name, r.Line())
		for _, o := range r.Offenders {
			fmt.Fprintf(w, "    %s\n", o)
		}
		if r.More > 0 {
			fmt.Fprintf(w, "    and %d more\n", r.More)
		}
	}
	if g := s.Golden; g != nil {
		switch {
		case g.Err != nil: // reported with the input's error
		case g.Updated:
			fmt.Fprintf(w, "flowtrace: %s: updated %s\n", s.Name, g.File)
		case g.Pass:
			fmt.Fprintf(w, "flowtrace: %s: ok   output matches %s\n", s.Name, g.File)
		default:
			fmt.Fprintf(w, "flowtrace: %s: FAIL output differs from %s:\n%s", s.Name, g.File, g.Diff)
		}
	}
	verdict := "PASS"
	if !s.Pass() {
		verdict = "FAIL"
	}
	n := len(s.Results)
	if s.Golden != nil {
		n++
	}
	failed := Failed(s.Results)
	if s.Golden != nil && !s.Golden.Pass {
		failed++
	}
	if s.Err != nil {
		fmt.Fprintf(w, "flowtrace: %s: ERROR %v\n", s.Name, s.Err)
	}
	fmt.Fprintf(w, "flowtrace: %s: %s (%d of %d checks failed)\n", s.Name, verdict, failed, n)
}

// Line is the result in one line: "FAIL forbid state=CLOSE-WAIT: 1 of 3
// connections match".
func (r *Result) Line() string {
	mark := "ok  "
	if !r.Pass {
		mark = "FAIL"
	}
	return fmt.Sprintf("%s %s: %s", mark, r.Rule, r.Summary)
}

// String is the offender on one line: uid, 4-tuple, packets and why.
func (o Offender) String() string {
	var b strings.Builder
	if o.UID != "" {
		b.WriteString(o.UID)
		b.WriteByte(' ')
	} else {
		b.WriteString("finding on ")
	}
	b.WriteString(o.Tuple)
	if o.FirstPkt > 0 {
		fmt.Fprintf(&b, " packets #%d-#%d", o.FirstPkt, o.LastPkt)
	}
	if o.Why != "" {
		b.WriteString(": ")
		b.WriteString(o.Why)
	}
	return b.String()
}

// failureText is a failed result's full text, for JUnit.
func (r *Result) failureText() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)\n%s\n", r.Rule, r.Rule.Source, r.Summary)
	for _, o := range r.Offenders {
		fmt.Fprintf(&b, "  %s\n", o)
	}
	if r.More > 0 {
		fmt.Fprintf(&b, "  and %d more\n", r.More)
	}
	return b.String()
}

// JUnit XML, as Jenkins, GitHub Actions (through report actions) and
// GitLab read it; testdata/junit.xsd is the schema it is tested against.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Time     string      `xml:"time,attr,omitempty"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

// WriteJUnit writes the suites as JUnit XML: a testsuite per input, a
// testcase per rule (named by the rule, its class the input), one for
// the golden comparison, and one named "read" with an error when the
// input could not be read to its end.
func WriteJUnit(w io.Writer, suites []Suite) error {
	doc := junitSuites{Name: "flowtrace"}
	for i := range suites {
		s := &suites[i]
		js := junitSuite{Name: s.Name}
		if s.Time > 0 {
			js.Time = strconv.FormatFloat(s.Time.Seconds(), 'f', 3, 64)
		}
		if s.Err != nil {
			js.Cases = append(js.Cases, junitCase{Name: "read", Classname: s.Name,
				Error: &junitProblem{Message: s.Err.Error(), Type: "error", Text: s.Err.Error()}})
			js.Errors++
		}
		for j := range s.Results {
			r := &s.Results[j]
			c := junitCase{Name: r.Rule.String(), Classname: s.Name, SystemOut: r.Summary}
			if !r.Pass {
				c.Failure = &junitProblem{Message: r.Line(), Type: r.Rule.Verb.String(), Text: r.failureText()}
				js.Failures++
			}
			js.Cases = append(js.Cases, c)
		}
		if g := s.Golden; g != nil {
			c := junitCase{Name: "expect " + g.File, Classname: s.Name}
			if !g.Pass {
				c.Failure = &junitProblem{Message: "output differs from " + g.File, Type: "expect", Text: g.Diff}
				js.Failures++
			}
			js.Cases = append(js.Cases, c)
		}
		js.Tests = len(js.Cases)
		doc.Tests += js.Tests
		doc.Failures += js.Failures
		doc.Errors += js.Errors
		doc.Suites = append(doc.Suites, js)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
