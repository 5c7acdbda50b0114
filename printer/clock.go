package printer

import (
	"math"
	"strconv"
	"time"
)

// TimeFormat selects how the transcript shows each line's time; the
// values follow tcpdump's -t options.
type TimeFormat int

const (
	TimeOfDay      TimeFormat = iota // default: time of day with µs, 15:04:05.000000
	TimeNone                         // -t: no time
	TimeEpoch                        // -tt: seconds since the epoch with µs
	TimeDelta                        // -ttt: time since the previous printed line, 00:00:00.000000
	TimeDate                         // -tttt: date and time of day, 2006-01-02 15:04:05.000000
	TimeSinceFirst                   // -ttttt: time since the first packet, 00:00:00.000000
)

// MaxTimeCount is the most -t flags tcpdump (and flowtrace) accept.
const MaxTimeCount = 5

// TimeFormatOf returns the format selected by n -t flags (0 to
// MaxTimeCount), as tcpdump counts them.
func TimeFormatOf(n int) (TimeFormat, bool) {
	if n < 0 || n > MaxTimeCount {
		return TimeOfDay, false
	}
	return TimeFormat(n), true
}

// zone is one offset from UTC a clock has used, with its abbreviation.
type zone struct {
	name string
	off  int64 // seconds east of UTC
}

// clock converts instants to wall-clock microseconds in one location
// without allocating: it caches the zone offset together with the range
// of instants it is valid for (time.Time.ZoneBounds), so only crossing a
// zone transition (DST) looks the location up again.
type clock struct {
	loc    *time.Location
	lo, hi int64 // the cached offset holds for lo <= unix seconds < hi
	off    int64
	name   string
	seen   []zone // distinct zones used, in order of first use (at most maxZones)
}

const maxZones = 4

func newClock(loc *time.Location) *clock {
	if loc == nil {
		loc = time.UTC
	}
	c := &clock{loc: loc, lo: 1, hi: 0} // empty range: the first use looks up
	if loc == time.UTC {
		c.lo, c.hi, c.name = math.MinInt64, math.MaxInt64, "UTC"
	}
	return c
}

// utc reports whether the clock shows UTC.
func (c *clock) utc() bool { return c.loc == time.UTC }

// wall returns t as microseconds since the epoch of the clock's wall
// time: UTC's microseconds shifted by the zone's offset at t.
func (c *clock) wall(t time.Time) int64 {
	us := t.UnixMicro()
	sec := floorDiv(us, 1e6)
	if sec < c.lo || sec >= c.hi {
		c.lookup(sec)
	}
	return us + c.off*1e6
}

// lookup caches the zone in force at unix second sec.
func (c *clock) lookup(sec int64) {
	t := time.Unix(sec, 0).In(c.loc)
	name, off := t.Zone()
	start, end := t.ZoneBounds()
	c.name, c.off = name, int64(off)
	c.lo, c.hi = math.MinInt64, math.MaxInt64
	if !start.IsZero() {
		c.lo = start.Unix()
	}
	if !end.IsZero() {
		c.hi = end.Unix()
	}
	for _, z := range c.seen {
		if z.name == name && z.off == c.off {
			return
		}
	}
	if len(c.seen) < maxZones {
		c.seen = append(c.seen, zone{name, c.off})
	}
}

// appendZones appends a description of the zones seen: "UTC", or
// "local time (CET, UTC+01:00; CEST, UTC+02:00)".
func (c *clock) appendZones(b []byte) []byte {
	if c.utc() {
		return append(b, "UTC"...)
	}
	if c.loc == time.Local {
		b = append(b, "local time"...)
	} else {
		b = append(b, c.loc.String()...)
	}
	if len(c.seen) == 0 {
		return b // no time printed in this clock's table yet
	}
	b = append(b, " ("...)
	for i, z := range c.seen {
		if i > 0 {
			b = append(b, "; "...)
		}
		b = append(b, z.name...)
		b = append(b, ", UTC"...)
		off := z.off
		if off < 0 {
			b = append(b, '-')
			off = -off
		} else {
			b = append(b, '+')
		}
		b = append2(b, off/3600)
		b = append(b, ':')
		b = append2(b, off/60%60)
	}
	return append(b, ')')
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// appendTOD appends the time of day of wall microseconds us
// (15:04:05.000000), with integer arithmetic: every printed line has one.
func appendTOD(b []byte, us int64) []byte {
	day := us % (86400 * 1e6)
	if day < 0 {
		day += 86400 * 1e6
	}
	sec, frac := day/1e6, day%1e6
	h, m, s, f0, f1, f2 := 2*(sec/3600), 2*(sec/60%60), 2*(sec%60), 2*(frac/10000), 2*(frac/100%100), 2*(frac%100)
	return append(b,
		digits2[h], digits2[h+1], ':', digits2[m], digits2[m+1], ':', digits2[s], digits2[s+1], '.',
		digits2[f0], digits2[f0+1], digits2[f1], digits2[f1+1], digits2[f2], digits2[f2+1])
}

// digits2 holds the two decimal digits of 0 to 99 at 2n and 2n+1.
const digits2 = "00010203040506070809" + "10111213141516171819" + "20212223242526272829" + "30313233343536373839" +
	"40414243444546474849" + "50515253545556575859" + "60616263646566676869" + "70717273747576777879" +
	"80818283848586878889" + "90919293949596979899"

// appendSeconds appends the time of day of wall microseconds us to the
// second (15:04:05).
func appendSeconds(b []byte, us int64) []byte {
	return appendTOD(b, us)[:len(b)+8]
}

// appendFrac appends the n leading digits of the microseconds us < 1e6.
func appendFrac(b []byte, us int64, n int) []byte {
	d := int64(100000)
	for range n {
		b = append(b, byte('0'+us/d%10))
		d /= 10
	}
	return b
}

// appendDate appends the calendar date of wall microseconds us
// (2006-01-02), proleptic Gregorian, without allocating.
func appendDate(b []byte, us int64) []byte {
	y, m, d := civil(floorDiv(us, 86400*1e6))
	if y < 0 || y > 9999 {
		return time.UnixMicro(us).UTC().AppendFormat(b, "2006-01-02")
	}
	b = append2(b, y/100)
	b = append2(b, y%100)
	b = append(b, '-')
	b = append2(b, m)
	b = append(b, '-')
	return append2(b, d)
}

// civil converts days since 1970-01-01 to a date (Howard Hinnant's
// civil_from_days).
func civil(days int64) (y, m, d int64) {
	z := days + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// appendDelta appends a span of microseconds as tcpdump prints -ttt and
// -ttttt: 00:00:00.000000, hours not wrapping, "-" before a negative one.
func appendDelta(b []byte, us int64) []byte {
	if us < 0 {
		b = append(b, '-')
		us = -us
	}
	sec := us / 1e6
	if h := sec / 3600; h < 100 {
		b = append2(b, h)
	} else {
		b = strconv.AppendInt(b, h, 10)
	}
	b = append(b, ':')
	b = append2(b, sec/60%60)
	b = append(b, ':')
	b = append2(b, sec%60)
	b = append(b, '.')
	return appendFrac(b, us%1e6, 6)
}

// appendDuration appends a span for the compact table: 1.688s below a
// minute, 12m05s below an hour, then 3h04m.
func appendDuration(b []byte, d time.Duration) []byte {
	us := d.Microseconds()
	if us < 0 {
		b = append(b, '-')
		us = -us
	}
	sec := us / 1e6
	switch {
	case sec < 60:
		b = strconv.AppendInt(b, sec, 10)
		b = append(b, '.')
		b = appendFrac(b, us%1e6, 3)
		return append(b, 's')
	case sec < 3600:
		b = strconv.AppendInt(b, sec/60, 10)
		b = append(b, 'm')
		b = append2(b, sec%60)
		return append(b, 's')
	}
	b = strconv.AppendInt(b, sec/3600, 10)
	b = append(b, 'h')
	b = append2(b, sec/60%60)
	return append(b, 'm')
}

// appendSpan appends a span in seconds with microseconds (1.687738s), for
// the wide table.
func appendSpan(b []byte, d time.Duration) []byte {
	us := d.Microseconds()
	if us < 0 {
		b = append(b, '-')
		us = -us
	}
	b = strconv.AppendInt(b, us/1e6, 10)
	b = append(b, '.')
	b = appendFrac(b, us%1e6, 6)
	return append(b, 's')
}

// appendCount appends n exactly below 100000, else shortened with an SI
// suffix (k = 1000): 123k, 1.2M, 45M, 6.7G. Shortening truncates.
func appendCount(b []byte, n uint64) []byte {
	if n < 100000 {
		return strconv.AppendUint(b, n, 10)
	}
	const units = "kMGTPE"
	u, div := 0, uint64(1000)
	for n/div >= 1000 && u < len(units)-1 {
		u++
		div *= 1000
	}
	q := n / div
	b = strconv.AppendUint(b, q, 10)
	if q < 10 {
		b = append(b, '.', byte('0'+n/(div/10)%10))
	}
	return append(b, units[u])
}
