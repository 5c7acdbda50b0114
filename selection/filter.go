package selection

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/flowtrace/flowtrace/tracker"
)

// Options are the filter values as given on the command line. Conns,
// States, ConnStates and Ports may hold comma-separated lists.
type Options struct {
	Conns      []string // uids (C + 17 base-62 digits) or numbers (c42)
	States     []string // RFC 9293 state names, any case
	ConnStates []string // Zeek conn_state values, any case
	Ended      []string // how a connection ended (see Parse)
	Ports      []string // either endpoint's port
	Since      string   // "" or a time (see Parse)
	Until      string
	// Loc is the time zone of times given without one; nil means UTC.
	Loc *time.Location
}

// Filter is a parsed selection. The zero Filter selects everything.
type Filter struct {
	uids       map[tracker.UID]struct{}
	nums       map[uint64]struct{}
	ports      map[uint16]struct{}
	states     uint32 // bit i: tracker.State(i)
	connStates []string
	ended      []endMatch
	since      bound
	until      bound
}

// bound is one end of the time range: absolute, or relative to the first
// packet the tracker sees.
type bound struct {
	set bool
	rel bool
	abs time.Time
	off time.Duration
}

// resolve returns the bound's time once the first packet's is known.
func (b bound) resolve(first time.Time) time.Time {
	if b.rel {
		return first.Add(b.off)
	}
	return b.abs
}

// Error is a bad filter value; Flag names the flag it was given to.
type Error struct {
	Flag string
	Msg  string
}

func (e *Error) Error() string { return e.Flag + ": " + e.Msg }

// Parse checks and compiles the values. Accepted forms:
//
//   - Conns: a uid as the JSON records and the table show it
//     ("C" and 17 letters and digits) or a per-run number ("c42").
//   - States: RFC 9293 names (ESTABLISHED, CLOSE-WAIT, …, and UNKNOWN),
//     any case, '_' for '-' accepted; a connection is selected when either
//     endpoint's final state is one of them.
//   - ConnStates: Zeek's S0 S1 SF REJ S2 S3 RSTO RSTR RSTOS0 RSTRH SH SHR
//     OTH, any case.
//   - Ended: a keyword (closed, closing, refused, reset, aborted,
//     unanswered, incomplete, open, unknown, idle, evicted) or any part of
//     an ending as the table's "ended" column prints it ("by server",
//     "client RST"), any case.
//   - Ports: 0 to 65535.
//   - Since, Until: RFC 3339 (2026-11-22T23:27:07Z, fractions and offsets
//     allowed), "2026-11-22 23:27:07[.fraction]" in Loc, or "+D" (a Go
//     duration: +30s, +2m, +1h30m) after the first packet.
func Parse(o Options) (*Filter, error) {
	f := &Filter{}
	for _, v := range splitAll(o.Conns) {
		if err := f.addConn(v); err != nil {
			return nil, err
		}
	}
	for _, v := range splitAll(o.States) {
		s, err := parseState(v)
		if err != nil {
			return nil, err
		}
		f.states |= 1 << s
	}
	for _, v := range splitAll(o.ConnStates) {
		s, err := parseConnState(v)
		if err != nil {
			return nil, err
		}
		f.connStates = append(f.connStates, s)
	}
	for _, v := range o.Ended {
		m, err := parseEnded(v)
		if err != nil {
			return nil, err
		}
		f.ended = append(f.ended, m)
	}
	for _, v := range splitAll(o.Ports) {
		n, err := strconv.ParseUint(v, 10, 16)
		if err != nil {
			return nil, &Error{"--port", fmt.Sprintf("bad port %q: give a number from 0 to 65535", v)}
		}
		if f.ports == nil {
			f.ports = make(map[uint16]struct{})
		}
		f.ports[uint16(n)] = struct{}{}
	}
	loc := o.Loc
	if loc == nil {
		loc = time.UTC
	}
	var err error
	if f.since, err = parseBound("--since", o.Since, loc); err != nil {
		return nil, err
	}
	if f.until, err = parseBound("--until", o.Until, loc); err != nil {
		return nil, err
	}
	if f.since.set && f.until.set && f.since.rel == f.until.rel {
		if (f.since.rel && f.since.off > f.until.off) || (!f.since.rel && f.since.abs.After(f.until.abs)) {
			return nil, &Error{"--until", fmt.Sprintf("%q is before --since %q", o.Until, o.Since)}
		}
	}
	return f, nil
}

// splitAll splits comma-separated values and drops empty ones.
func splitAll(vs []string) []string {
	var out []string
	for _, v := range vs {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

func (f *Filter) addConn(v string) error {
	var u tracker.UID
	switch {
	case len(v) == len(u) && v[0] == 'C' && strings.Trim(v[1:], base62) == "":
		copy(u[:], v)
		if f.uids == nil {
			f.uids = make(map[tracker.UID]struct{})
		}
		f.uids[u] = struct{}{}
		return nil
	case len(v) > 1 && v[0] == 'c':
		if n, err := strconv.ParseUint(v[1:], 10, 64); err == nil && n > 0 {
			if f.nums == nil {
				f.nums = make(map[uint64]struct{})
			}
			f.nums[n] = struct{}{}
			return nil
		}
	}
	return &Error{"--conn", fmt.Sprintf("%q is neither a uid (C and 17 letters and digits, as the JSON records and the table show it) nor a connection number (c42)", v)}
}

// stateNames lists every state a final state can be, in tracker order.
func stateNames() []string {
	var names []string
	for s := tracker.State(0); s.String() != "INVALID"; s++ {
		names = append(names, s.String())
	}
	return names
}

func parseState(v string) (tracker.State, error) {
	norm := func(s string) string { return strings.ToUpper(strings.NewReplacer("-", "", "_", "").Replace(s)) }
	names := stateNames()
	for i, n := range names {
		if norm(n) == norm(v) {
			return tracker.State(i), nil
		}
	}
	return 0, &Error{"--state", fmt.Sprintf("unknown state %q; valid: %s", v, strings.Join(names, ", "))}
}

// connStates is Zeek's conn_state vocabulary, as tracker.Conn.ConnState
// returns it.
var connStates = [...]string{"S0", "S1", "SF", "REJ", "S2", "S3", "RSTO", "RSTR", "RSTOS0", "RSTRH", "SH", "SHR", "OTH"}

func parseConnState(v string) (string, error) {
	for _, s := range connStates {
		if strings.EqualFold(s, v) {
			return s, nil
		}
	}
	return "", &Error{"--conn-state", fmt.Sprintf("unknown Zeek conn_state %q; valid: %s", v, strings.Join(connStates[:], ", "))}
}

// endMatch tells whether a connection's End and Why match one --ended
// value.
type endMatch func(end, why string) bool

// endKeywords are the --ended words that are not simply part of an
// ending.
var endKeywords = map[string]endMatch{
	"closed": func(e, _ string) bool { return strings.HasPrefix(e, "closed by") || e == "simultaneous close" },
	"reset": func(e, _ string) bool {
		return strings.HasSuffix(e, " RST") || strings.HasPrefix(e, "reset during")
	},
	"incomplete": func(e, _ string) bool { return e == "handshake incomplete" },
	"idle":       func(_, w string) bool { return w == "idle timeout" },
	"evicted":    func(_, w string) bool { return strings.HasPrefix(w, "evicted") },
}

const endHelp = "closed, closing, refused, reset, aborted, unanswered, incomplete, open, unknown, idle, evicted, or part of an ending as the table prints it (\"by server\", \"client RST\")"

// MatchEnded parses one --ended value (a keyword or part of an ending)
// and returns what matches a connection's End and Why with it; the
// assertions of package verdict share the vocabulary.
func MatchEnded(v string) (func(end, why string) bool, error) {
	m, err := parseEnded(v)
	if err != nil {
		return nil, err
	}
	return m, nil
}

func parseEnded(v string) (endMatch, error) {
	low := strings.ToLower(strings.TrimSpace(v))
	if m, ok := endKeywords[low]; ok {
		return m, nil
	}
	for _, e := range tracker.Endings {
		if strings.Contains(strings.ToLower(e), low) && low != "" {
			return func(end, _ string) bool { return strings.Contains(strings.ToLower(end), low) }, nil
		}
	}
	return nil, &Error{"--ended", fmt.Sprintf("unknown ending %q; give %s", v, endHelp)}
}

// timeForms describes the accepted times, for error messages.
const timeForms = `give RFC 3339 (2026-11-22T23:27:07Z, 2026-11-22T23:27:07.5+01:00), "2026-11-22 23:27:07" (local time, UTC with --utc), or +DURATION after the first packet (+30s, +2m)`

func parseBound(flag, v string, loc *time.Location) (bound, error) {
	if v == "" {
		return bound{}, nil
	}
	if rest, ok := strings.CutPrefix(v, "+"); ok {
		d, err := time.ParseDuration(rest)
		if err != nil || d < 0 {
			return bound{}, &Error{flag, fmt.Sprintf("bad time %q: %s", v, timeForms)}
		}
		return bound{set: true, rel: true, off: d}, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return bound{set: true, abs: t}, nil
	}
	for _, layout := range []string{"2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, v, loc); err == nil {
			return bound{set: true, abs: t}, nil
		}
	}
	return bound{}, &Error{flag, fmt.Sprintf("bad time %q: %s", v, timeForms)}
}

// Active reports whether the filter selects anything less than
// everything.
func (f *Filter) Active() bool {
	return f.ByConn() || f.ports != nil || f.NeedsEnd() || f.since.set || f.until.set
}

// ByConn reports whether connections were named (--conn), which asks for
// every packet of them.
func (f *Filter) ByConn() bool { return f.uids != nil || f.nums != nil }

// NeedsEnd reports whether the filter looks at final attributes (state,
// conn_state, ended), which are known only when a connection ends.
func (f *Filter) NeedsEnd() bool { return f.states != 0 || f.connStates != nil || f.ended != nil }

// window is the time range with relative bounds resolved.
type window struct {
	started      bool
	since, until time.Time
	f            *Filter
}

// start resolves relative bounds at the first packet.
func (w *window) start(t time.Time) {
	f := w.f
	if !w.started {
		w.started = true
		w.since, w.until = f.since.resolve(t), f.until.resolve(t)
	}
}

// in reports whether t is inside the range, ends included.
func (w *window) in(t time.Time) bool {
	return (!w.f.since.set || !t.Before(w.since)) && (!w.f.until.set || !t.After(w.until))
}

// overlaps reports whether [first, last] meets the range.
func (w *window) overlaps(first, last time.Time) bool {
	return (!w.f.since.set || !last.Before(w.since)) && (!w.f.until.set || !first.After(w.until))
}

// matchStart applies the filters known at a connection's first packet,
// except the time range: conn and port.
func (f *Filter) matchStart(c *tracker.Conn) bool {
	if f.ByConn() {
		_, byNum := f.nums[c.ID()]
		byUID := false
		if !byNum && f.uids != nil {
			_, byUID = f.uids[c.UID()]
		}
		if !byNum && !byUID {
			return false
		}
	}
	if f.ports != nil {
		_, o := f.ports[c.Addr(tracker.Orig).Port()]
		_, r := f.ports[c.Addr(tracker.Resp).Port()]
		if !o && !r {
			return false
		}
	}
	return true
}

// matchEnd applies every filter to a connection that ended.
func (f *Filter) matchEnd(c *tracker.Conn, w *window) bool {
	if !f.matchStart(c) || !w.overlaps(c.First(), c.Last()) {
		return false
	}
	if f.states != 0 && f.states&(1<<c.State(tracker.Orig)|1<<c.State(tracker.Resp)) == 0 {
		return false
	}
	if f.connStates != nil && !contains(f.connStates, c.ConnState()) {
		return false
	}
	if f.ended != nil {
		end, why := c.End(), c.Why()
		ok := false
		for _, m := range f.ended {
			ok = ok || m(end, why)
		}
		if !ok {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
