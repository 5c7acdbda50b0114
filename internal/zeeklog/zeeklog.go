// Package zeeklog reads a Zeek TSV log (the ASCII writer's default format)
// the way zeek-cut and Zeek's own ASCII reader do, and checks it strictly:
// the header lines, one type per field, the same number of fields on every
// line, and values that parse as their declared types. Tests use it to
// check flowtrace's conn.log without a Zeek installation.
package zeeklog

import (
	"bufio"
	"fmt"
	"io"
	"net/netip"
	"strconv"
	"strings"
)

// Log is a parsed log.
type Log struct {
	Path   string              // #path
	Open   string              // #open
	Close  string              // #close; "" if the file was not closed
	Fields []string            // #fields
	Types  []string            // #types
	Rows   []map[string]string // one per line, by field name, values as written
}

// Column returns the values of one field, in line order, as zeek-cut
// selects it.
func (l *Log) Column(name string) []string {
	out := make([]string, len(l.Rows))
	for i, r := range l.Rows {
		out[i] = r[name]
	}
	return out
}

// headerOrder is the order of the header lines after #separator, as
// Zeek's ASCII writer writes them (#close comes last, after the data).
const headerOrder = "set_separator empty_field unset_field path open fields types"

// Parse reads and checks a log.
func Parse(r io.Reader) (*Log, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	l := &Log{}
	sep := ""
	n := 0
	var headers []string
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			// "#separator \x09": a space, then the escaped separator.
			v, ok := strings.CutPrefix(line, "#separator ")
			if !ok {
				return nil, fmt.Errorf("line 1: %q is not a #separator line", line)
			}
			s, err := unescape(v)
			if err != nil || s == "" {
				return nil, fmt.Errorf("line 1: bad separator %q", v)
			}
			sep = s
			continue
		}
		if strings.HasPrefix(line, "#") {
			key, val, _ := strings.Cut(line[1:], sep)
			headers = append(headers, key)
			switch key {
			case "set_separator":
				if val != "," {
					return nil, fmt.Errorf("line %d: set_separator %q", n, val)
				}
			case "empty_field":
				if val != "(empty)" {
					return nil, fmt.Errorf("line %d: empty_field %q", n, val)
				}
			case "unset_field":
				if val != "-" {
					return nil, fmt.Errorf("line %d: unset_field %q", n, val)
				}
			case "path":
				l.Path = val
			case "open":
				l.Open = val
			case "close":
				l.Close = val
			case "fields":
				l.Fields = strings.Split(val, sep)
			case "types":
				l.Types = strings.Split(val, sep)
			default:
				return nil, fmt.Errorf("line %d: unknown header %q", n, key)
			}
			continue
		}
		if l.Close != "" {
			return nil, fmt.Errorf("line %d: data after #close", n)
		}
		if l.Fields == nil || len(l.Types) != len(l.Fields) {
			return nil, fmt.Errorf("line %d: data before #fields and #types of equal length (%d fields, %d types)", n, len(l.Fields), len(l.Types))
		}
		vals := strings.Split(line, sep)
		if len(vals) != len(l.Fields) {
			return nil, fmt.Errorf("line %d: %d fields; #fields has %d", n, len(vals), len(l.Fields))
		}
		row := make(map[string]string, len(vals))
		for i, v := range vals {
			if err := check(l.Types[i], v); err != nil {
				return nil, fmt.Errorf("line %d: field %s: %w", n, l.Fields[i], err)
			}
			row[l.Fields[i]] = v
		}
		l.Rows = append(l.Rows, row)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if sep == "" {
		return nil, fmt.Errorf("empty log")
	}
	if got := strings.Join(headers, " "); got != headerOrder && got != headerOrder+" close" {
		return nil, fmt.Errorf("header lines %q; want %q and close", got, headerOrder)
	}
	return l, nil
}

// check reports whether v is a valid value of Zeek type typ, as Zeek's
// ASCII reader would parse it (threading/formatters/Ascii.cc ParseValue).
func check(typ, v string) error {
	if v == "-" {
		return nil // unset
	}
	var err error
	switch typ {
	case "time", "interval", "double":
		var f float64
		f, err = strconv.ParseFloat(v, 64)
		if err == nil && (typ == "time" || typ == "interval") && f < 0 {
			err = fmt.Errorf("negative")
		}
		if err == nil && (typ == "time" || typ == "interval") && !sixDecimals(v) {
			err = fmt.Errorf("not 6 decimals")
		}
	case "count":
		_, err = strconv.ParseUint(v, 10, 64)
	case "int":
		_, err = strconv.ParseInt(v, 10, 64)
	case "port":
		_, err = strconv.ParseUint(v, 10, 16)
	case "bool":
		if v != "T" && v != "F" {
			err = fmt.Errorf("not T or F")
		}
	case "addr":
		_, err = netip.ParseAddr(v)
	case "string", "enum":
		if v == "" {
			err = fmt.Errorf("empty: should be (empty)")
		}
		for i := 0; i < len(v) && err == nil; i++ {
			if v[i] < 0x20 || v[i] >= 0x7f {
				err = fmt.Errorf("unescaped byte %#x", v[i])
			}
		}
	case "set[string]":
		if v == "" {
			err = fmt.Errorf("empty: should be (empty)")
		}
	default:
		err = fmt.Errorf("unknown type %q", typ)
	}
	if err != nil {
		return fmt.Errorf("%q is not a %s: %w", v, typ, err)
	}
	return nil
}

func sixDecimals(v string) bool {
	_, frac, ok := strings.Cut(v, ".")
	return ok && len(frac) == 6
}

// unescape decodes \xHH escapes.
func unescape(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) && s[i+1] == 'x' {
			x, err := strconv.ParseUint(s[i+2:i+4], 16, 8)
			if err != nil {
				return "", err
			}
			b.WriteByte(byte(x))
			i += 3
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String(), nil
}
