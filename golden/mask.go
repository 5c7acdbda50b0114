package golden

import (
	"bytes"
	"regexp"
	"strconv"
)

// Options say what Mask replaces.
type Options struct {
	// Ports are the ephemeral ports to mask: the clients' ports, which
	// change from one capture of a scenario to the next.
	Ports map[uint16]bool
}

var (
	uidRE      = regexp.MustCompile(`\bC[0-9A-Za-z]{17}\b`)
	addrPortRE = regexp.MustCompile(`((?:\d{1,3}\.){3}\d{1,3}|\]):(\d{1,5})\b`)
	jsonPortRE = regexp.MustCompile(`"(orig_p|resp_p)":(\d{1,5})\b`)
	jsonTimeRE = regexp.MustCompile(`"(ts|answer_ts|first_ts|last_ts)":(\d+)\.(\d{6})\b`)
	dateRE     = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)
	clockRE    = regexp.MustCompile(`\b\d{2}:\d{2}:\d{2}(\.\d{1,9})?\b`)
)

// Mask makes flowtrace's output (text or JSON Lines) the same across
// captures of one scenario:
//
//   - uids (which hash the 4-tuple and the first packet's time) become
//     U1, U2, … in order of first appearance; connections keep their
//     numbers (c1, "conn":1), which count them by first packet;
//   - the ephemeral ports in opts become E1, E2, … in order of first
//     appearance, after an address (10.0.0.1:E1, [::1]:E1) and in the
//     JSON fields orig_p and resp_p;
//   - JSON times (ts, answer_ts, first_ts, last_ts) become seconds since
//     the first one in the output;
//   - text dates become YYYY-MM-DD, and clock times hh:mm:ss except at
//     the start of a transcript line (give -ttttt for times relative to
//     the first packet there).
//
// Initial sequence numbers need no mask: every output gives sequence
// numbers relative to them.
func Mask(out []byte, opts Options) []byte {
	uids := map[string]string{}
	out = uidRE.ReplaceAllFunc(out, func(m []byte) []byte {
		k := string(m)
		if _, ok := uids[k]; !ok {
			uids[k] = "U" + strconv.Itoa(len(uids)+1)
		}
		return []byte(uids[k])
	})
	ports := map[string]string{}
	portName := func(p []byte) (string, bool) {
		n, err := strconv.ParseUint(string(p), 10, 16)
		if err != nil || !opts.Ports[uint16(n)] {
			return "", false
		}
		k := string(p)
		if _, ok := ports[k]; !ok {
			ports[k] = "E" + strconv.Itoa(len(ports)+1)
		}
		return ports[k], true
	}
	out = addrPortRE.ReplaceAllFunc(out, func(m []byte) []byte {
		sub := addrPortRE.FindSubmatch(m)
		if name, ok := portName(sub[2]); ok {
			return append(append(append([]byte(nil), sub[1]...), ':'), name...)
		}
		return m
	})
	out = jsonPortRE.ReplaceAllFunc(out, func(m []byte) []byte {
		sub := jsonPortRE.FindSubmatch(m)
		if name, ok := portName(sub[2]); ok {
			return []byte(`"` + string(sub[1]) + `":"` + name + `"`)
		}
		return m
	})
	first := int64(-1)
	out = jsonTimeRE.ReplaceAllFunc(out, func(m []byte) []byte {
		sub := jsonTimeRE.FindSubmatch(m)
		s, _ := strconv.ParseInt(string(sub[2]), 10, 64)
		us, _ := strconv.ParseInt(string(sub[3]), 10, 64)
		t := s*1_000_000 + us
		if first < 0 {
			first = t
		}
		d := t - first
		sign := ""
		if d < 0 {
			sign, d = "-", -d
		}
		return []byte(`"` + string(sub[1]) + `":` + sign + strconv.FormatInt(d/1_000_000, 10) + "." + pad6(d%1_000_000))
	})
	out = dateRE.ReplaceAll(out, []byte("YYYY-MM-DD"))
	var b bytes.Buffer
	for _, line := range bytes.SplitAfter(out, []byte("\n")) {
		if len(line) > 0 && (line[0] < '0' || line[0] > '9') {
			line = clockRE.ReplaceAll(line, []byte("hh:mm:ss"))
		}
		b.Write(line)
	}
	return b.Bytes()
}

func pad6(n int64) string {
	s := strconv.FormatInt(n, 10)
	for len(s) < 6 {
		s = "0" + s
	}
	return s
}
