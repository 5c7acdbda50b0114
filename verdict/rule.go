package verdict

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Verb is what a rule asks of an input.
type Verb int

const (
	Forbid  Verb = iota // no connection (or finding) may match
	Require             // every connection must match; a count must hold
	Max                 // a measurement must not exceed a limit
)

func (v Verb) String() string {
	switch v {
	case Forbid:
		return "forbid"
	case Require:
		return "require"
	}
	return "max"
}

// Rule is one parsed assertion.
type Rule struct {
	Verb   Verb
	Text   string // the rule as written, without the verb
	Source string // where it came from: "--forbid", "ci.rules:3"

	cond   node    // forbid, require: a condition on each record
	count  *count  // forbid, require: count(cond) OP N over the input
	metric *metric // max
}

// String is the rule with its verb, as a rules file holds it.
func (r *Rule) String() string { return r.Verb.String() + " " + r.Text }

// SyntaxError is a rule that cannot be parsed. Its message quotes the
// rule and puts a caret under the column at fault.
type SyntaxError struct {
	Source string // "--max", "ci.rules:3"
	Text   string // the text the column counts in
	Col    int    // 1-based
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s: column %d: %s\n  %s\n  %s^", e.Source, e.Col, e.Msg, e.Text, strings.Repeat(" ", caretPad(e.Text, e.Col)))
}

// caretPad is how many columns of text come before the 1-based byte
// column col, counting runes.
func caretPad(text string, col int) int {
	if col-1 > len(text) {
		col = len(text) + 1
	}
	return len([]rune(text[:col-1]))
}

// Parse parses one rule given to the flag of its verb (--forbid,
// --require, --max). source names it in errors.
func Parse(v Verb, text, source string) (*Rule, error) {
	p := &parser{src: text, source: source}
	r, err := p.rule(v)
	if err != nil {
		return nil, err
	}
	r.Text = strings.TrimSpace(text)
	return r, nil
}

// ParseRules reads a rules file: one rule a line, "forbid ...",
// "require ..." or "max ...". Blank lines and lines starting with # are
// ignored, as is everything from a " #" to the end of a line. name is the
// file's name in errors.
func ParseRules(r io.Reader, name string) ([]*Rule, error) {
	var rules []*Rule
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		trim := strings.TrimSpace(line)
		if trim == "" || strings.HasPrefix(trim, "#") {
			continue
		}
		src := fmt.Sprintf("%s:%d", name, n)
		start := strings.Index(line, trim)
		word, rest, _ := strings.Cut(trim, " ")
		var v Verb
		switch strings.ToLower(word) {
		case "forbid":
			v = Forbid
		case "require":
			v = Require
		case "max":
			v = Max
		default:
			return nil, &SyntaxError{src, line, start + 1, fmt.Sprintf("a rule starts with forbid, require or max, not %q", word)}
		}
		p := &parser{src: line, pos: start + len(word), source: src}
		rule, err := p.rule(v)
		if err != nil {
			return nil, err
		}
		rule.Text = strings.TrimSpace(rest)
		rule.Source = src
		rules = append(rules, rule)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("rules: %s: %w", name, err)
	}
	return rules, nil
}

// The grammar (see doc.go):
//
//	forbid-or-require = cond | "count(" cond ")" cmp number
//	max               = metric ("=" | "<=") limit
//	metric            = field ["." agg] | "count(" cond ")"
//	cond              = and {"or" and}
//	and               = unary {"and" unary}
//	unary             = "not" unary | "(" cond ")" | field op value
type parser struct {
	src    string
	pos    int
	source string
}

func (p *parser) errAt(pos int, format string, args ...any) error {
	return &SyntaxError{p.source, p.src, pos + 1, fmt.Sprintf(format, args...)}
}

func (p *parser) skip() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t') {
		p.pos++
	}
}

func (p *parser) atEnd() bool { p.skip(); return p.pos >= len(p.src) }

// keyword reports whether the next word is kw (any case) and consumes it.
func (p *parser) keyword(kw string) bool {
	p.skip()
	end := p.pos + len(kw)
	if end > len(p.src) || !strings.EqualFold(p.src[p.pos:end], kw) {
		return false
	}
	if end < len(p.src) && isIdent(p.src[end]) {
		return false
	}
	p.pos = end
	return true
}

func isIdent(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func (p *parser) rule(v Verb) (*Rule, error) {
	r := &Rule{Verb: v, Source: p.source}
	if p.atEnd() {
		return nil, p.errAt(p.pos, "empty rule")
	}
	var err error
	switch {
	case v == Max:
		r.metric, err = p.metric()
	case p.countAhead():
		r.count, err = p.countCmp()
	default:
		r.cond, err = p.cond()
	}
	if err != nil {
		return nil, err
	}
	if !p.atEnd() {
		return nil, p.errAt(p.pos, "unexpected %q", p.src[p.pos:])
	}
	return r, nil
}

func (p *parser) countAhead() bool {
	save := p.pos
	ok := p.keyword("count")
	if ok {
		p.skip()
		ok = p.pos < len(p.src) && p.src[p.pos] == '('
	}
	p.pos = save
	return ok
}

// count is count(cond) OP n.
type count struct {
	cond node
	op   string
	n    float64
}

func (p *parser) countInner() (node, error) {
	p.keyword("count")
	p.skip()
	p.pos++ // (
	c, err := p.cond()
	if err != nil {
		return nil, err
	}
	p.skip()
	if p.pos >= len(p.src) || p.src[p.pos] != ')' {
		return nil, p.errAt(p.pos, "expected ) to close count(")
	}
	p.pos++
	return c, nil
}

func (p *parser) countCmp() (*count, error) {
	c, err := p.countInner()
	if err != nil {
		return nil, err
	}
	opPos := p.pos
	op := p.op()
	if op == "" || op == "!=" {
		p.skip()
		return nil, p.errAt(opPos, "expected =, <, <=, > or >= after count(...)")
	}
	p.skip()
	numPos := p.pos
	n, unit, err := p.number()
	if err != nil || unit != "" {
		return nil, p.errAt(numPos, "expected a number of connections")
	}
	return &count{cond: c, op: op, n: n}, nil
}

// metric is what --max limits.
type metric struct {
	count *count // count(cond); count.n is the limit
	field *field
	agg   string  // "" (each connection), "sum", "min", "max", "mean", "pNN"
	pct   float64 // the percentile of agg "pNN"
	limit value
}

func (p *parser) metric() (*metric, error) {
	m := &metric{}
	if p.countAhead() {
		c, err := p.countInner()
		if err != nil {
			return nil, err
		}
		m.count = &count{cond: c}
	} else {
		p.skip()
		start := p.pos
		name := p.ident()
		if name == "" {
			return nil, p.errAt(start, "expected a field or count(...)")
		}
		f, err := lookupField(name)
		if err != nil {
			return nil, p.errAt(start, "%v", err)
		}
		if f.kind != kindNum {
			return nil, p.errAt(start, "%s is not a number: --max limits numbers", name)
		}
		m.field = f
		if p.pos < len(p.src) && p.src[p.pos] == '.' {
			p.pos++
			aggPos := p.pos
			m.agg = strings.ToLower(p.ident())
			switch {
			case m.agg == "sum" || m.agg == "min" || m.agg == "max" || m.agg == "mean":
			case strings.HasPrefix(m.agg, "p"):
				v, err := strconv.ParseFloat(m.agg[1:], 64)
				if err != nil || v <= 0 || v > 100 {
					return nil, p.errAt(aggPos, "percentile %q: give p1 to p100 (p50, p99, p99.9 as p999 is not accepted)", m.agg)
				}
				m.pct = v
			default:
				return nil, p.errAt(aggPos, "unknown aggregate %q: give sum, min, max, mean or a percentile such as p99", m.agg)
			}
		}
	}
	opPos := p.pos
	switch op := p.op(); op {
	case "=", "<=":
	default:
		p.skip()
		return nil, p.errAt(opPos, "expected = or <= and a limit")
	}
	p.skip()
	limPos := p.pos
	n, unit, err := p.number()
	if err != nil {
		return nil, p.errAt(limPos, "expected a limit: a number, with %% or a time unit if it applies")
	}
	if m.count != nil {
		if unit != "" {
			return nil, p.errAt(limPos, "count(...) is a number of connections: no unit")
		}
		m.count.n = n
		return m, nil
	}
	v, err := m.field.numValue(n, unit)
	if err != nil {
		return nil, p.errAt(limPos, "%v", err)
	}
	if v.pct && m.agg != "" && m.agg != "sum" {
		return nil, p.errAt(limPos, "a percentage limits the total over all connections: drop .%s", m.agg)
	}
	m.limit = v
	return m, nil
}

// ident reads a field name: letters, digits, underscores.
func (p *parser) ident() string {
	start := p.pos
	for p.pos < len(p.src) && isIdent(p.src[p.pos]) {
		p.pos++
	}
	return p.src[start:p.pos]
}

// op reads a comparison operator, "" if there is none.
func (p *parser) op() string {
	p.skip()
	for _, op := range []string{"!=", "<=", ">=", "==", "=", "<", ">"} {
		if strings.HasPrefix(p.src[p.pos:], op) {
			p.pos += len(op)
			if op == "==" {
				return "="
			}
			return op
		}
	}
	return ""
}

// number reads a number and its unit (%, ns, us, µs, ms, s, m, h).
func (p *parser) number() (float64, string, error) {
	start := p.pos
	for p.pos < len(p.src) && (p.src[p.pos] >= '0' && p.src[p.pos] <= '9' || p.src[p.pos] == '.' || p.src[p.pos] == '-') {
		p.pos++
	}
	n, err := strconv.ParseFloat(p.src[start:p.pos], 64)
	if err != nil {
		p.pos = start
		return 0, "", err
	}
	ustart := p.pos
	for p.pos < len(p.src) && p.src[p.pos] != ' ' && p.src[p.pos] != ')' {
		p.pos++
	}
	return n, p.src[ustart:p.pos], nil
}

func (p *parser) cond() (node, error) {
	l, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.keyword("or") {
		r, err := p.and()
		if err != nil {
			return nil, err
		}
		if l.findings() != r.findings() {
			return nil, p.errAt(p.pos, "a condition is on connections or on findings, not both")
		}
		l = &orNode{l, r}
	}
	return l, nil
}

func (p *parser) and() (node, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.keyword("and") {
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		if l.findings() != r.findings() {
			return nil, p.errAt(p.pos, "a condition is on connections or on findings, not both")
		}
		l = &andNode{l, r}
	}
	return l, nil
}

func (p *parser) unary() (node, error) {
	if p.keyword("not") {
		n, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &notNode{n}, nil
	}
	p.skip()
	if p.pos < len(p.src) && p.src[p.pos] == '(' {
		p.pos++
		n, err := p.cond()
		if err != nil {
			return nil, err
		}
		p.skip()
		if p.pos >= len(p.src) || p.src[p.pos] != ')' {
			return nil, p.errAt(p.pos, "expected )")
		}
		p.pos++
		return n, nil
	}
	return p.comparison()
}

func (p *parser) comparison() (node, error) {
	p.skip()
	start := p.pos
	name := p.ident()
	if name == "" {
		if p.pos >= len(p.src) {
			return nil, p.errAt(p.pos, "expected a condition such as state=CLOSE-WAIT")
		}
		return nil, p.errAt(p.pos, "expected a field name, not %q", p.src[p.pos:p.pos+1])
	}
	f, err := lookupField(name)
	if err != nil {
		return nil, p.errAt(start, "%v", err)
	}
	p.skip()
	opPos := p.pos
	op := p.op()
	if op == "" {
		return nil, p.errAt(opPos, "expected an operator (=, !=, <, <=, >, >=) after %s", name)
	}
	if f.kind != kindNum && op != "=" && op != "!=" {
		return nil, p.errAt(opPos, "%s is not a number: only = and != apply", name)
	}
	p.skip()
	valPos := p.pos
	raw, err := p.value()
	if err != nil {
		return nil, err
	}
	if raw == "" {
		return nil, p.errAt(valPos, "expected a value after %s%s", name, op)
	}
	c := &cmp{field: f, op: op}
	if f.kind == kindNum {
		vp := &parser{src: raw}
		n, unit, err := vp.number()
		if err != nil || vp.pos != len(raw) {
			return nil, p.errAt(valPos, "%s is a number: %q is not", name, raw)
		}
		if c.val, err = f.numValue(n, unit); err != nil {
			return nil, p.errAt(valPos, "%v", err)
		}
		return c, nil
	}
	if c.match, err = f.matcher(raw); err != nil {
		return nil, p.errAt(valPos, "%v", err)
	}
	c.raw = raw
	return c, nil
}

// value reads a value: a "quoted string", or words up to the next
// "and", "or", ")" or the end, joined by single spaces (so that
// ended=reset by server reads as one value).
func (p *parser) value() (string, error) {
	p.skip()
	if p.pos < len(p.src) && p.src[p.pos] == '"' {
		end := strings.IndexByte(p.src[p.pos+1:], '"')
		if end < 0 {
			return "", p.errAt(p.pos, "unterminated quote")
		}
		v := p.src[p.pos+1 : p.pos+1+end]
		p.pos += end + 2
		return v, nil
	}
	var words []string
	for {
		p.skip()
		save := p.pos
		if p.pos >= len(p.src) || p.src[p.pos] == ')' || p.keyword("and") || p.keyword("or") {
			p.pos = save
			break
		}
		start := p.pos
		for p.pos < len(p.src) && p.src[p.pos] != ' ' && p.src[p.pos] != '\t' && p.src[p.pos] != ')' {
			p.pos++
		}
		words = append(words, p.src[start:p.pos])
	}
	return strings.Join(words, " "), nil
}

// value is a parsed number: in the field's unit (milliseconds for a
// *_ms field, seconds for duration), or a percentage of segments.
type value struct {
	n   float64
	pct bool
}

// timeUnits are the units of durations in rules.
var timeUnits = map[string]time.Duration{
	"ns": time.Nanosecond, "us": time.Microsecond, "µs": time.Microsecond,
	"ms": time.Millisecond, "s": time.Second, "m": time.Minute, "h": time.Hour,
}
