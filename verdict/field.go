package verdict

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/flowtrace/flowtrace/selection"
	"github.com/flowtrace/flowtrace/tracker"
)

type kind int

const (
	kindStr kind = iota
	kindNum
	kindBool
)

type unit int

const (
	unitNone unit = iota
	unitMs
	unitSec
)

// field is a name a rule may use: a field of the JSON conn record, a
// name derived from several of them, or a field of a finding.
type field struct {
	name    string
	kind    kind
	unit    unit
	finding bool                                    // a field of finding records
	from    []string                                // record fields it reads (default: name)
	sum     bool                                    // numbers: the sum of from (both sides)
	anyOf   bool                                    // numbers: a comparison holds if it holds for one of from
	denom   []string                                // numbers: what a percentage divides by
	special func(string) (func(string) bool, error) // strings: a custom matcher
}

// sideStats are the per-direction counters of the conn record
// (orig_X, resp_X); X alone is their sum.
var sideStats = []string{
	"pkts", "bytes", "seq_bytes", "ip_bytes", "unique_bytes", "missed_bytes",
	"retrans", "spurious_retrans", "fast_retrans", "out_of_order", "lost_segments",
	"acked_unseen", "dup_acks", "zero_windows", "zero_window_probes", "window_full",
	"window_updates", "keepalives", "differing_retrans", "rtt_samples",
	"rtt_min_ms", "rtt_mean_ms", "rtt_max_ms",
}

// Findings' kinds, from the findings contract; a rule naming another is
// a typo.
var findingKinds = []string{
	"syn-flood", "port-scan", "udp-scan", "os-fingerprint", "fragment-incomplete",
	"fragment-tiny", "fragment-overlap", "fragment-scan", "rst-injection",
	"middlebox-reset", "close-wait-leak", "fin-wait-1-stuck", "fin-wait-2-stuck",
	"last-ack-stuck", "syn-sent-stuck", "half-dead", "time-wait-pile",
	"port-reuse-premature",
}

// closedValues are the values of the derived field closed, each a test
// on the connection's end (tracker.Conn.End).
var closedValues = map[string]func(end string) bool{
	"graceful": func(e string) bool { return strings.HasPrefix(e, "closed by") || e == tracker.EndSimultaneousClose },
	"reset": func(e string) bool {
		return strings.HasSuffix(e, " RST") || strings.HasPrefix(e, "reset during")
	},
	"refused":    func(e string) bool { return e == tracker.EndRefused },
	"unanswered": func(e string) bool { return e == tracker.EndUnanswered || e == tracker.EndSynCookie },
	"incomplete": func(e string) bool { return e == tracker.EndHandshakeIncomplete },
	"closing":    func(e string) bool { return strings.HasPrefix(e, "closing") },
	"open":       func(e string) bool { return e == tracker.EndOpen },
	"unknown":    func(e string) bool { return e == tracker.EndUnknown },
}

// fields builds the table of names rules may use.
func fields() map[string]*field {
	m := map[string]*field{}
	add := func(f *field) {
		if f.from == nil {
			f.from = []string{f.name}
		}
		if f.kind == kindNum && f.unit == unitNone && strings.HasSuffix(f.name, "_ms") {
			f.unit = unitMs
		}
		m[f.name] = f
	}
	for _, n := range []string{"uid", "orig_h", "resp_h", "proto", "history", "removed", "unseen", "orig_wscale", "resp_wscale"} {
		add(&field{name: n})
	}
	for _, n := range []string{"conn", "orig_p", "resp_p", "missed_bytes", "hs_rtt_ms", "hs_server_ms", "hs_client_ms", "syn_retransmits", "synack_retransmits"} {
		add(&field{name: n, kind: kindNum, denom: []string{"orig_pkts", "resp_pkts"}})
	}
	add(&field{name: "duration", kind: kindNum, unit: unitSec})
	for _, n := range []string{"midstream", "orig_inferred", "resp_inferred", "one_sided", "syn_cookie"} {
		add(&field{name: n, kind: kindBool})
	}
	add(&field{name: "orig_state", special: stateMatcher})
	add(&field{name: "resp_state", special: stateMatcher})
	add(&field{name: "state", from: []string{"orig_state", "resp_state"}, special: stateMatcher})
	add(&field{name: "conn_state", special: connStateMatcher})
	add(&field{name: "end", special: endedMatcher})
	add(&field{name: "ended", from: []string{"end"}, special: endedMatcher})
	add(&field{name: "closed", from: []string{"end"}, special: closedMatcher})
	add(&field{name: "port", kind: kindNum, from: []string{"orig_p", "resp_p"}, anyOf: true})
	add(&field{name: "host", from: []string{"orig_h", "resp_h"}})
	add(&field{name: "handshake_rtt", kind: kindNum, unit: unitMs, from: []string{"hs_rtt_ms"}})
	for _, s := range sideStats {
		for _, side := range []string{"orig_", "resp_"} {
			add(&field{name: side + s, kind: kindNum, denom: []string{side + "pkts"}})
		}
		add(&field{name: s, kind: kindNum, from: []string{"orig_" + s, "resp_" + s}, sum: !strings.HasPrefix(s, "rtt_") || s == "rtt_samples", denom: []string{"orig_pkts", "resp_pkts"}})
	}
	add(&field{name: "packets", kind: kindNum, from: []string{"orig_pkts", "resp_pkts"}, sum: true})
	// Short names for the retransmission counts, as people write them.
	add(&field{name: "retransmissions", kind: kindNum, from: []string{"orig_retrans", "resp_retrans"}, sum: true, denom: []string{"orig_pkts", "resp_pkts"}})
	add(&field{name: "finding", finding: true, from: []string{"kind"}, special: findingMatcher})
	add(&field{name: "kind", finding: true, special: findingMatcher})
	add(&field{name: "subject", finding: true})
	add(&field{name: "severity", finding: true, special: severityMatcher})
	for _, f := range m {
		if f.kind == kindNum && f.denom == nil {
			f.denom = []string{"orig_pkts", "resp_pkts"}
		}
	}
	return m
}

// Names lists every field a rule may use, sorted.
func Names() []string {
	var ns []string
	for n := range fields() {
		ns = append(ns, n)
	}
	slices.Sort(ns)
	return ns
}

func lookupField(name string) (*field, error) {
	fs := fields()
	if f, ok := fs[strings.ToLower(name)]; ok {
		return f, nil
	}
	best, bestD := "", 3
	for n := range fs {
		if d := distance(strings.ToLower(name), n); d < bestD || d == bestD && n < best {
			best, bestD = n, d
		}
	}
	if best != "" {
		return nil, fmt.Errorf("unknown field %q (did you mean %s?)", name, best)
	}
	return nil, fmt.Errorf("unknown field %q: fields are those of the JSON conn record (state, conn_state, end, port, orig_retrans, ...) and finding", name)
}

// distance is the Levenshtein distance of a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// numValue turns a number and its unit into a value in the field's unit.
func (f *field) numValue(n float64, u string) (value, error) {
	switch {
	case u == "":
		return value{n: n}, nil
	case u == "%":
		return value{n: n, pct: true}, nil
	}
	d, ok := timeUnits[u]
	if !ok {
		return value{}, fmt.Errorf("unknown unit %q: give %%, ns, us, ms, s, m or h", u)
	}
	secs := n * float64(d) / float64(time.Second)
	switch f.unit {
	case unitMs:
		return value{n: secs * 1000}, nil
	case unitSec:
		return value{n: secs}, nil
	}
	return value{}, fmt.Errorf("%s is not a time: no unit %q", f.name, u)
}

// matcher returns the test of one string value against the field's.
func (f *field) matcher(raw string) (func(string) bool, error) {
	if f.special != nil {
		return f.special(raw)
	}
	if f.kind == kindBool {
		switch strings.ToLower(raw) {
		case "true", "false":
			low := strings.ToLower(raw)
			return func(s string) bool { return s == low }, nil
		}
		return nil, fmt.Errorf("%s is true or false, not %q", f.name, raw)
	}
	return globMatcher(raw), nil
}

// globMatcher compares case-insensitively; * matches any run of
// characters.
func globMatcher(raw string) func(string) bool {
	low := strings.ToLower(raw)
	if strings.Contains(low, "*") {
		return func(s string) bool {
			ok, _ := path.Match(strings.ReplaceAll(low, "/", "\\/"), strings.ToLower(s))
			return ok
		}
	}
	return func(s string) bool { return strings.ToLower(s) == low }
}

func normState(s string) string {
	return strings.ToUpper(strings.NewReplacer("-", "", "_", "", " ", "").Replace(s))
}

func stateMatcher(raw string) (func(string) bool, error) {
	var names []string
	for s := tracker.State(0); s.String() != "INVALID"; s++ {
		names = append(names, s.String())
		if normState(s.String()) == normState(raw) {
			want := s.String()
			return func(v string) bool { return v == want }, nil
		}
	}
	return nil, fmt.Errorf("unknown state %q; valid: %s", raw, strings.Join(names, ", "))
}

// connStates is Zeek's conn_state vocabulary.
var connStates = []string{"S0", "S1", "SF", "REJ", "S2", "S3", "RSTO", "RSTR", "RSTOS0", "RSTRH", "SH", "SHR", "OTH"}

func connStateMatcher(raw string) (func(string) bool, error) {
	for _, s := range connStates {
		if strings.EqualFold(s, raw) {
			return func(v string) bool { return v == s }, nil
		}
	}
	return nil, fmt.Errorf("unknown Zeek conn_state %q; valid: %s", raw, strings.Join(connStates, ", "))
}

func endedMatcher(raw string) (func(string) bool, error) {
	// "reset by server", "closed by client": a keyword and who.
	if kw, who, ok := strings.Cut(strings.ToLower(strings.TrimSpace(raw)), " by "); ok && (who == "client" || who == "server") {
		if m, err := selection.MatchEnded(kw); err == nil {
			return func(end string) bool { return m(end, "") && strings.Contains(end, "by "+who) }, nil
		}
	}
	m, err := selection.MatchEnded(raw)
	if err != nil {
		return nil, fmt.Errorf("unknown ending %q: give closed, reset, refused, unanswered, incomplete, open, unknown, or part of an ending (\"reset by server\", \"closed by client\")", raw)
	}
	return func(end string) bool { return m(end, "") }, nil
}

func closedMatcher(raw string) (func(string) bool, error) {
	if m, ok := closedValues[strings.ToLower(raw)]; ok {
		return m, nil
	}
	var vs []string
	for v := range closedValues {
		vs = append(vs, v)
	}
	slices.Sort(vs)
	return nil, fmt.Errorf("closed is one of %s, not %q", strings.Join(vs, ", "), raw)
}

func findingMatcher(raw string) (func(string) bool, error) {
	if strings.Contains(raw, "*") || slices.Contains(findingKinds, strings.ToLower(raw)) {
		return globMatcher(raw), nil
	}
	return nil, fmt.Errorf("unknown finding %q; kinds: %s", raw, strings.Join(findingKinds, ", "))
}

func severityMatcher(raw string) (func(string) bool, error) {
	switch low := strings.ToLower(raw); low {
	case "info", "warning", "alert":
		return globMatcher(low), nil
	}
	return nil, fmt.Errorf("severity is info, warning or alert, not %q", raw)
}
