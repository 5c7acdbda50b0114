package verdict

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Conn is one connection as the rules see it: its JSON conn record.
type Conn struct {
	UID      string
	Tuple    string // "10.0.0.1:40001 > 10.0.0.2:5000"
	FirstPkt uint64 // packet numbers in the input
	LastPkt  uint64
	// Fields are the conn record's fields as encoding/json decodes them:
	// string, float64 or bool.
	Fields map[string]any
}

// Finding is one finding as the rules see it (see package findings:
// kind, severity, subject and the packets of its episode).
type Finding struct {
	Kind, Severity, Subject string
	FirstPkt, LastPkt       uint64
}

// Input is what the rules are checked against: one capture's
// connections, in the order they ended, and its findings.
type Input struct {
	Name     string
	Conns    []Conn
	Findings []Finding
}

// MaxOffenders is how many offending connections a result lists.
const MaxOffenders = 10

// Offender is a connection (or finding) that broke a rule, and why.
type Offender struct {
	UID      string // "" for a finding
	Tuple    string // the finding's subject for a finding
	FirstPkt uint64
	LastPkt  uint64
	Why      string // the values that broke the rule: "resp_state=CLOSE-WAIT"
}

// Result is one rule's verdict on one input.
type Result struct {
	Rule      *Rule
	Pass      bool
	Summary   string     // what was measured: "1 of 3 connections match"
	Offenders []Offender // the first MaxOffenders, in order of their first packet
	More      int        // offenders not listed
}

// Evaluate checks every rule against in, in order.
func Evaluate(rules []*Rule, in *Input) []Result {
	res := make([]Result, 0, len(rules))
	for _, r := range rules {
		res = append(res, evaluate(r, in))
	}
	return res
}

// Failed counts the results that did not pass.
func Failed(rs []Result) int {
	n := 0
	for _, r := range rs {
		if !r.Pass {
			n++
		}
	}
	return n
}

// record is a connection or a finding under evaluation.
type record struct {
	conn *Conn
	find *Finding
}

func (r record) offender(why string) Offender {
	if r.find != nil {
		return Offender{Tuple: r.find.Subject, FirstPkt: r.find.FirstPkt, LastPkt: r.find.LastPkt, Why: why}
	}
	return Offender{UID: r.conn.UID, Tuple: r.conn.Tuple, FirstPkt: r.conn.FirstPkt, LastPkt: r.conn.LastPkt, Why: why}
}

// records returns what a condition is about: findings or connections.
func records(in *Input, findings bool) []record {
	var rs []record
	if findings {
		for i := range in.Findings {
			rs = append(rs, record{find: &in.Findings[i]})
		}
	} else {
		for i := range in.Conns {
			rs = append(rs, record{conn: &in.Conns[i]})
		}
	}
	// Offenders are listed in packet order, whatever order records ended in.
	sort.SliceStable(rs, func(i, j int) bool { return first(rs[i]) < first(rs[j]) })
	return rs
}

func first(r record) uint64 {
	if r.find != nil {
		return r.find.FirstPkt
	}
	return r.conn.FirstPkt
}

// ofN is "of 3 connections", always plural after "of".
func ofN(findings bool, n int) string {
	if findings {
		return "of " + strconv.Itoa(n) + " findings"
	}
	return "of " + strconv.Itoa(n) + " connections"
}

func noun(findings bool, n int) string {
	w := "connection"
	if findings {
		w = "finding"
	}
	if n != 1 {
		w += "s"
	}
	return strconv.Itoa(n) + " " + w
}

func evaluate(r *Rule, in *Input) Result {
	res := Result{Rule: r}
	add := res.add
	switch {
	case r.count != nil:
		fs := r.count.cond.findings()
		rs := records(in, fs)
		var hit []record
		for _, rec := range rs {
			if r.count.cond.eval(rec) {
				hit = append(hit, rec)
			}
		}
		n := float64(len(hit))
		holds := compare(n, r.count.op, r.count.n)
		res.Summary = fmt.Sprintf("count = %d (%s)", len(hit), ofN(fs, len(rs)))
		res.Pass = holds == (r.Verb == Require)
		if !res.Pass && r.Verb == Forbid {
			for _, rec := range hit {
				add(rec.offender(why(r.count.cond, rec)))
			}
		}
	case r.Verb == Forbid:
		fs := r.cond.findings()
		rs := records(in, fs)
		for _, rec := range rs {
			if r.cond.eval(rec) {
				add(rec.offender(why(r.cond, rec)))
			}
		}
		n := len(res.Offenders) + res.More
		res.Pass = n == 0
		res.Summary = fmt.Sprintf("%d %s match", n, ofN(fs, len(rs)))
	case r.Verb == Require:
		fs := r.cond.findings()
		rs := records(in, fs)
		if fs {
			// A finding is required to be there: at least one.
			n := 0
			for _, rec := range rs {
				if r.cond.eval(rec) {
					n++
				}
			}
			res.Pass = n > 0
			res.Summary = fmt.Sprintf("%d %s match", n, ofN(true, len(rs)))
			break
		}
		for _, rec := range rs {
			if !r.cond.eval(rec) {
				add(rec.offender(why(r.cond, rec)))
			}
		}
		n := len(res.Offenders) + res.More
		res.Pass = n == 0 && len(rs) > 0
		switch {
		case len(rs) == 0:
			res.Summary = "no connection in the input to check"
		default:
			res.Summary = fmt.Sprintf("%d %s do not match", n, ofN(false, len(rs)))
		}
	default:
		evalMax(r, in, &res)
	}
	return res
}

func compare(a float64, op string, b float64) bool {
	switch op {
	case "=":
		return a == b
	case "!=":
		return a != b
	case "<":
		return a < b
	case "<=":
		return a <= b
	case ">":
		return a > b
	}
	return a >= b
}

// evalMax checks a --max rule.
func evalMax(r *Rule, in *Input, res *Result) {
	add := res.add
	m := r.metric
	if m.count != nil {
		fs := m.count.cond.findings()
		n := 0
		var hit []record
		for _, rec := range records(in, fs) {
			if m.count.cond.eval(rec) {
				n++
				hit = append(hit, rec)
			}
		}
		res.Pass = float64(n) <= m.count.n
		res.Summary = fmt.Sprintf("count = %d, limit %s", n, fmtNum(m.count.n))
		if !res.Pass {
			for _, rec := range hit {
				add(rec.offender(why(m.count.cond, rec)))
			}
		}
		return
	}
	rs := records(in, false)
	type pt struct {
		rec record
		v   float64
	}
	var pts []pt
	var num, den float64
	for _, rec := range rs {
		v, ok := m.field.number(rec.conn)
		if !ok {
			continue
		}
		pts = append(pts, pt{rec, v})
		num += v
		den += m.field.denominator(rec.conn)
	}
	unit := m.field.unitName()
	name := m.field.name
	if m.agg != "" {
		name += "." + m.agg
	}
	var got float64
	switch {
	case m.limit.pct:
		if den > 0 {
			got = 100 * num / den
		}
		res.Summary = fmt.Sprintf("%s = %s%% (%s of %s segments), limit %s%%", name, fmtNum(got), fmtNum(num), fmtNum(den), fmtNum(m.limit.n))
	case len(pts) == 0:
		res.Pass = true
		res.Summary = fmt.Sprintf("%s: no connection has a value", name)
		return
	default:
		vs := make([]float64, len(pts))
		for i, p := range pts {
			vs[i] = p.v
		}
		got = aggregate(m.agg, m.pct, vs)
		res.Summary = fmt.Sprintf("%s = %s%s, limit %s%s (%s)", name, fmtNum(got), unit, fmtNum(m.limit.n), unit, noun(false, len(pts)))
	}
	res.Pass = got <= m.limit.n
	if res.Pass {
		return
	}
	// The offenders: the connections above the limit, or, for a total
	// or a percentage, those that contributed to it.
	for _, p := range pts {
		bad := p.v > m.limit.n
		if m.limit.pct || m.agg == "sum" || m.agg == "mean" {
			bad = p.v > 0
		}
		if bad {
			add(p.rec.offender(m.field.why(p.rec.conn, p.v)))
		}
	}
}

// add lists an offender, or counts it beyond MaxOffenders.
func (res *Result) add(o Offender) {
	if len(res.Offenders) < MaxOffenders {
		res.Offenders = append(res.Offenders, o)
	} else {
		res.More++
	}
}

// why shows a field's value in a connection, and the record fields it
// sums when there are several: "zero_windows=2 (orig_zero_windows=0
// resp_zero_windows=2)".
func (f *field) why(c *Conn, v float64) string {
	s := fmt.Sprintf("%s=%s%s", f.name, fmtNum(v), f.unitName())
	if len(f.from) < 2 {
		return s
	}
	var parts []string
	for _, name := range f.from {
		if x, ok := c.Fields[name].(float64); ok {
			parts = append(parts, name+"="+fmtNum(x))
		}
	}
	return s + " (" + strings.Join(parts, " ") + ")"
}

// aggregate reduces vs by agg ("" is the maximum: every connection must
// stay under the limit). Percentiles are nearest-rank.
func aggregate(agg string, pct float64, vs []float64) float64 {
	slices.Sort(vs)
	switch agg {
	case "", "max":
		return vs[len(vs)-1]
	case "min":
		return vs[0]
	case "sum", "mean":
		s := 0.0
		for _, v := range vs {
			s += v
		}
		if agg == "mean" {
			return s / float64(len(vs))
		}
		return s
	}
	rank := int(math.Ceil(pct / 100 * float64(len(vs))))
	return vs[max(rank, 1)-1]
}

// fmtNum prints a number without trailing zeros.
func fmtNum(v float64) string {
	return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
}

func (f *field) unitName() string {
	switch f.unit {
	case unitMs:
		return " ms"
	case unitSec:
		return " s"
	}
	return ""
}

// number is the field's value in a connection: the sum of both sides'
// for a sum, the largest for the others (port, rtt_max_ms).
func (f *field) number(c *Conn) (float64, bool) {
	var got float64
	ok := false
	for i, name := range f.from {
		v, has := c.Fields[name].(float64)
		if !has {
			continue
		}
		switch {
		case !ok:
			got = v
		case f.sum:
			got += v
		default:
			got = max(got, v)
		}
		ok = true
		_ = i
	}
	return got, ok
}

func (f *field) denominator(c *Conn) float64 {
	d := 0.0
	for _, name := range f.denom {
		v, _ := c.Fields[name].(float64)
		d += v
	}
	return d
}

// strings returns the field's values in a record, as text.
func (f *field) strings(r record) []string {
	if r.find != nil {
		switch f.from[0] {
		case "kind":
			return []string{r.find.Kind}
		case "subject":
			return []string{r.find.Subject}
		case "severity":
			return []string{r.find.Severity}
		}
		return nil
	}
	var vs []string
	for _, name := range f.from {
		switch v := r.conn.Fields[name].(type) {
		case string:
			vs = append(vs, v)
		case bool:
			vs = append(vs, strconv.FormatBool(v))
		case float64:
			vs = append(vs, strconv.FormatFloat(v, 'f', -1, 64))
		case nil:
			if f.kind == kindBool {
				vs = append(vs, "false") // absent flags are false
			}
		}
	}
	return vs
}

// node is a parsed condition.
type node interface {
	eval(record) bool
	findings() bool // whether it is about findings
	fields(add func(*field))
}

type andNode struct{ l, r node }
type orNode struct{ l, r node }
type notNode struct{ n node }

func (n *andNode) eval(r record) bool      { return n.l.eval(r) && n.r.eval(r) }
func (n *andNode) findings() bool          { return n.l.findings() }
func (n *andNode) fields(add func(*field)) { n.l.fields(add); n.r.fields(add) }
func (n *orNode) eval(r record) bool       { return n.l.eval(r) || n.r.eval(r) }
func (n *orNode) findings() bool           { return n.l.findings() }
func (n *orNode) fields(add func(*field))  { n.l.fields(add); n.r.fields(add) }
func (n *notNode) eval(r record) bool      { return !n.n.eval(r) }
func (n *notNode) findings() bool          { return n.n.findings() }
func (n *notNode) fields(add func(*field)) { n.n.fields(add) }

// cmp is field OP value.
type cmp struct {
	field *field
	op    string
	val   value             // numbers
	raw   string            // strings, as written
	match func(string) bool // strings
}

func (c *cmp) findings() bool          { return c.field.finding }
func (c *cmp) fields(add func(*field)) { add(c.field) }

func (c *cmp) eval(r record) bool {
	if c.field.finding != (r.find != nil) {
		return false
	}
	if c.field.kind == kindNum && c.field.anyOf {
		hit := false
		for _, name := range c.field.from {
			if v, ok := r.conn.Fields[name].(float64); ok && compare(v, eqOp(c.op), c.val.n) {
				hit = true
			}
		}
		return hit != (c.op == "!=")
	}
	if c.field.kind == kindNum {
		v, ok := c.field.number(r.conn)
		if !ok {
			return false // absent (no handshake RTT): matches nothing
		}
		if c.val.pct {
			d := c.field.denominator(r.conn)
			if d == 0 {
				return false
			}
			v = 100 * v / d
		}
		return compare(v, c.op, c.val.n)
	}
	any := false
	for _, s := range c.field.strings(r) {
		if c.match(s) {
			any = true
			break
		}
	}
	if c.op == "!=" {
		return !any
	}
	return any
}

// eqOp turns != into =: "port != 80" holds when neither port is 80.
func eqOp(op string) string {
	if op == "!=" {
		return "="
	}
	return op
}

// why lists the values of the fields a condition reads, in a record:
// "orig_state=FIN-WAIT-2 resp_state=CLOSE-WAIT".
func why(n node, r record) string {
	var parts []string
	seen := map[string]bool{}
	n.fields(func(f *field) {
		if r.find != nil {
			if !seen["finding"] {
				seen["finding"] = true
				parts = append(parts, fmt.Sprintf("finding %s on %s (%s)", r.find.Kind, r.find.Subject, r.find.Severity))
			}
			return
		}
		for _, name := range f.from {
			if seen[name] {
				continue
			}
			seen[name] = true
			v, ok := r.conn.Fields[name]
			if !ok {
				continue
			}
			s := fmt.Sprint(v)
			if fv, isNum := v.(float64); isNum {
				s = fmtNum(fv)
			}
			if strings.ContainsRune(s, ' ') {
				s = strconv.Quote(s)
			}
			parts = append(parts, name+"="+s)
		}
	})
	return strings.Join(parts, " ")
}
