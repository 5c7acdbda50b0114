package findings

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// appendJSONStringByByte is AppendJSONString as it was written before it
// appended runs at once: the reference the faster one must match.
func appendJSONStringByByte(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return append(b, '"')
}

func TestAppendJSONStringRuns(t *testing.T) {
	cases := []string{"", "plain", `q"uote`, `back\slash`, "new\nline", "tab\tand\x01ctl", "é → ✓", "\xff\xfe bad", "\uFFFD ok", "end\\", "\"", "a\xe2\x82"}
	// Random strings over an alphabet rich in the bytes that matter.
	alpha := []byte("ab\"\\\n\t\x00\x1f\x7f\xc3\xa9\xe2\x86\x92\xff\x80 ")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		n := rng.IntN(24)
		s := make([]byte, n)
		for i := range s {
			s[i] = alpha[rng.IntN(len(alpha))]
		}
		cases = append(cases, string(s))
	}
	for _, s := range cases {
		got, want := AppendJSONString([]byte("x"), s), appendJSONStringByByte([]byte("x"), s)
		if !bytes.Equal(got, want) {
			t.Fatalf("AppendJSONString(%q) = %q, want %q", s, got, want)
		}
	}
}
