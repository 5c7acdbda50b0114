package findings

import (
	"net/netip"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/flowtrace/flowtrace/tracker"
)

// Severity says how urgent a finding is.
type Severity string

// The severities, least urgent first.
const (
	Info    Severity = "info"
	Warning Severity = "warning"
	Alert   Severity = "alert"
)

// The kinds of finding. A detector reports only these; a new kind is
// added here, documented in README's Findings section, and listed in the
// scenario files of the traces that show it.
const (
	KindSynFlood           = "syn-flood"
	KindPortScan           = "port-scan"
	KindUDPScan            = "udp-scan"
	KindOSFingerprint      = "os-fingerprint"
	KindFragmentIncomplete = "fragment-incomplete"
	KindFragmentTiny       = "fragment-tiny"
	KindFragmentOverlap    = "fragment-overlap"
	KindFragmentScan       = "fragment-scan"
	KindRSTInjection       = "rst-injection"
	KindMiddleboxReset     = "middlebox-reset"
	KindCloseWaitLeak      = "close-wait-leak"
	KindFinWait1Stuck      = "fin-wait-1-stuck"
	KindFinWait2Stuck      = "fin-wait-2-stuck"
	KindLastAckStuck       = "last-ack-stuck"
	KindSynSentStuck       = "syn-sent-stuck"
	KindHalfDead           = "half-dead"
	KindTimeWaitPile       = "time-wait-pile"
	KindPortReusePremature = "port-reuse-premature"
)

// Finding is one conclusion drawn from the traffic: an episode of one
// kind on one subject. A detector fills it in, hands it to Engine.Fire
// when its threshold is crossed (the marker) and to Engine.End when the
// episode is over (the complete record). Between the two it may go on
// updating LastTime, LastPkt, Evidence, Explanation and Advice.
type Finding struct {
	Kind     string
	Severity Severity
	// Subject is a host ("10.0.0.2", "2001:db8::1"), a service
	// ("10.0.0.2:8080", "[2001:db8::1]:8080") or a connection uid.
	Subject string
	// FirstTime and FirstPkt are the episode's first piece of evidence,
	// LastTime and LastPkt its latest (packet 0: a timer or the input's
	// end).
	FirstTime, LastTime time.Time
	FirstPkt, LastPkt   uint64
	// FireTime and FirePkt are where the threshold was crossed: where
	// the text marker is printed. Engine.Fire sets them.
	FireTime time.Time
	FirePkt  uint64
	// Summary is the marker's text after "finding KIND on SUBJECT: ",
	// e.g. "100 half-open connections from 97 sources in 2.1 s".
	Summary string
	// Evidence is the record's "evidence" object.
	Evidence Evidence
	// Explanation and Advice are sentences for a person.
	Explanation, Advice string

	seq   int  // order of firing
	ended bool // Engine.End was called
	// fill, if set, completes the record (Summary, Evidence,
	// Explanation) from its detector's counters: Engine.End calls it
	// before the sink gets the record, so that an episode growing packet
	// by packet is not described again at every packet.
	fill func()
}

// Evidence builds a JSON object with keys in the order they are added:
// counts, sample uids, packet numbers, the thresholds that fired.
type Evidence struct {
	b    []byte
	base int // where the object starts in b: nested objects share their parent's buffer
}

// JSON returns the object ("{}" when empty).
func (ev *Evidence) JSON() []byte {
	if len(ev.b) == 0 {
		return []byte("{}")
	}
	return append(ev.b[:len(ev.b):len(ev.b)], '}')
}

// Reset empties the object, to build it again.
func (ev *Evidence) Reset() { ev.b = ev.b[:0] }

func (ev *Evidence) key(k string) {
	if len(ev.b) == ev.base {
		ev.b = append(ev.b, '{')
	} else {
		ev.b = append(ev.b, ',')
	}
	ev.b = AppendJSONString(ev.b, k)
	ev.b = append(ev.b, ':')
}

// Int adds a number.
func (ev *Evidence) Int(k string, n int64) *Evidence {
	ev.key(k)
	ev.b = strconv.AppendInt(ev.b, n, 10)
	return ev
}

// Uint adds a number.
func (ev *Evidence) Uint(k string, n uint64) *Evidence {
	ev.key(k)
	ev.b = strconv.AppendUint(ev.b, n, 10)
	return ev
}

// Bool adds true or false.
func (ev *Evidence) Bool(k string, v bool) *Evidence {
	ev.key(k)
	ev.b = strconv.AppendBool(ev.b, v)
	return ev
}

// Str adds a string.
func (ev *Evidence) Str(k, s string) *Evidence {
	ev.key(k)
	ev.b = AppendJSONString(ev.b, s)
	return ev
}

// Strs adds an array of strings.
func (ev *Evidence) Strs(k string, ss []string) *Evidence {
	ev.key(k)
	ev.b = append(ev.b, '[')
	for i, s := range ss {
		if i > 0 {
			ev.b = append(ev.b, ',')
		}
		ev.b = AppendJSONString(ev.b, s)
	}
	ev.b = append(ev.b, ']')
	return ev
}

// service adds ap as a service (Service), as Str(k, Service(ap)) would.
func (ev *Evidence) service(k string, ap netip.AddrPort) *Evidence {
	var buf [64]byte
	ap = netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
	t := buf[:0]
	if ap.IsValid() {
		t = ap.AppendTo(t)
	} else {
		t = append(t, ap.String()...)
	}
	ev.key(k)
	ev.b = AppendJSONString(ev.b, string(t))
	return ev
}

// UIDs adds an array of connection uids, as Strs would.
func (ev *Evidence) UIDs(k string, us []tracker.UID) *Evidence {
	ev.key(k)
	ev.b = append(ev.b, '[')
	for i, u := range us {
		if i > 0 {
			ev.b = append(ev.b, ',')
		}
		ev.b = AppendJSONString(ev.b, string(u[:]))
	}
	ev.b = append(ev.b, ']')
	return ev
}

// Uints adds an array of numbers (packet numbers, ports).
func (ev *Evidence) Uints(k string, ns []uint64) *Evidence {
	ev.key(k)
	ev.b = append(ev.b, '[')
	for i, n := range ns {
		if i > 0 {
			ev.b = append(ev.b, ',')
		}
		ev.b = strconv.AppendUint(ev.b, n, 10)
	}
	ev.b = append(ev.b, ']')
	return ev
}

// nested builds an object that fill adds to, in ev's buffer.
// fill gets ev itself, with base moved to the nested object's start, so
// that nothing escapes to the heap.
func (ev *Evidence) nested(fill func(*Evidence)) {
	base := ev.base
	ev.base = len(ev.b)
	fill(ev)
	if len(ev.b) == ev.base {
		ev.b = append(ev.b, '{')
	}
	ev.b = append(ev.b, '}')
	ev.base = base
}

// Obj adds a nested object that fill builds.
func (ev *Evidence) Obj(k string, fill func(*Evidence)) *Evidence {
	ev.key(k)
	ev.nested(fill)
	return ev
}

// Objs adds an array of n objects, the i-th built by fill(i, …).
func (ev *Evidence) Objs(k string, n int, fill func(int, *Evidence)) *Evidence {
	ev.key(k)
	ev.b = append(ev.b, '[')
	for i := range n {
		if i > 0 {
			ev.b = append(ev.b, ',')
		}
		ev.nested(func(in *Evidence) { fill(i, in) })
	}
	ev.b = append(ev.b, ']')
	return ev
}

// Threshold adds the "threshold" object: the limits that fired, as
// name and value pairs (durations as Go writes them, "10s").
func (ev *Evidence) Threshold(kv ...any) *Evidence {
	return ev.Obj("threshold", func(in *Evidence) {
		for i := 0; i+1 < len(kv); i += 2 {
			k, _ := kv[i].(string)
			switch v := kv[i+1].(type) {
			case int:
				in.Int(k, int64(v))
			case time.Duration:
				in.Str(k, v.String())
			case string:
				in.Str(k, v)
			}
		}
	})
}

// thresholdInt adds the "threshold" object of one limit, a number, as
// Threshold(k, n) does.
func (ev *Evidence) thresholdInt(k string, n int) *Evidence {
	ev.key("threshold")
	ev.b = append(ev.b, '{')
	ev.b = AppendJSONString(ev.b, k)
	ev.b = append(ev.b, ':')
	ev.b = strconv.AppendInt(ev.b, int64(n), 10)
	ev.b = append(ev.b, '}')
	return ev
}

// thresholdDur adds the "threshold" object of one limit, a duration, as
// Threshold(k, d) does.
func (ev *Evidence) thresholdDur(k string, d time.Duration) *Evidence {
	ev.key("threshold")
	ev.b = append(ev.b, '{')
	ev.b = AppendJSONString(ev.b, k)
	ev.b = append(ev.b, ':', '"')
	ev.b = appendDuration(ev.b, d)
	ev.b = append(ev.b, '"', '}')
	return ev
}

// appendDuration appends d as d.String() writes it (no character of it
// needs escaping in JSON).
func appendDuration(b []byte, d time.Duration) []byte {
	return append(b, d.String()...)
}

// AppendJSONString appends s as a JSON string.
func AppendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	// Runs of bytes that need no escaping (printable ASCII but the quote
	// and the backslash, valid UTF-8) are appended at once.
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\\' {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r != utf8.RuneError || n != 1 {
				i += n
				continue
			}
		}
		b = append(b, s[start:i]...)
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			b = append(b, `\ufffd`...)
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// Num formats n with its digits grouped by three with spaces, as the
// findings' sentences write numbers: 1874 is "1 874".
func Num[T ~int | ~int64 | ~uint64 | ~uint32 | ~int32](n T) string {
	var buf [32]byte
	return string(appendNum(buf[:0], n))
}

// appendNum appends n as Num writes it.
func appendNum[T ~int | ~int64 | ~uint64 | ~uint32 | ~int32](b []byte, n T) []byte {
	var digits [24]byte
	s := strconv.AppendInt(digits[:0], int64(n), 10)
	if s[0] == '-' {
		b = append(b, '-')
		s = s[1:]
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ' ')
		}
		b = append(b, s[i])
	}
	return b
}

// Seconds formats a span for a sentence: "2.1 s", "41 ms", "0.3 ms".
func Seconds(d time.Duration) string {
	var buf [32]byte
	return string(appendSeconds(buf[:0], d))
}

// appendSeconds appends d as Seconds writes it.
func appendSeconds(b []byte, d time.Duration) []byte {
	switch {
	case d >= 10*time.Second:
		return append(appendNum(b, int64(d.Round(time.Second)/time.Second)), " s"...)
	case d >= time.Second:
		return append(strconv.AppendFloat(b, d.Seconds(), 'f', 1, 64), " s"...)
	case d >= 10*time.Millisecond:
		return append(strconv.AppendInt(b, int64(d.Round(time.Millisecond)/time.Millisecond), 10), " ms"...)
	}
	return append(strconv.AppendFloat(b, float64(d)/float64(time.Millisecond), 'f', 1, 64), " ms"...)
}

// Plural returns one when n is 1, else many.
func Plural[T ~int | ~int64 | ~uint64](n T, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Host returns a as a subject: "10.0.0.2", "2001:db8::1".
func Host(a netip.Addr) string { return a.Unmap().String() }

// Service returns ap as a subject: "10.0.0.2:8080", "[2001:db8::1]:8080".
func Service(ap netip.AddrPort) string {
	return netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port()).String()
}
