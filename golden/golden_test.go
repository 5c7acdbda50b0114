package golden

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

func TestDiffLiteral(t *testing.T) {
	// As diff -u prints it: changes 7 lines apart make two hunks (6 apart, one).
	a := "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\nx\n"
	b := "one\ntwo\nthree\nFOUR\nfive\nsix\nseven\neight\nnine\nten\nx\neleven\n"
	want := `--- want
+++ got
@@ -1,7 +1,7 @@
 one
 two
 three
-four
+FOUR
 five
 six
 seven
@@ -9,3 +9,4 @@
 nine
 ten
 x
+eleven
`
	if got := Diff("want", "got", []byte(a), []byte(b)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := Diff("a", "b", []byte(a), []byte(a)); got != "" {
		t.Errorf("equal inputs: %q", got)
	}
	got := Diff("a", "b", []byte("x\n"), []byte("x"))
	if want := "--- a\n+++ b\n@@ -1 +1 @@\n-x\n+x\n\\ No newline at end of file\n"; got != want {
		t.Errorf("no newline: got %q, want %q", got, want)
	}
	if got, want := Diff("a", "b", nil, []byte("x\n")), "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n"; got != want {
		t.Errorf("from empty: got %q, want %q", got, want)
	}
}

// TestDiffApplies checks on random edits that every diff, applied to the
// first text, gives the second, and that it is minimal in changed lines
// against an LCS computed by dynamic programming.
func TestDiffApplies(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 300; n++ {
		var a []string
		for i := rng.Intn(40); i > 0; i-- {
			a = append(a, strconv.Itoa(rng.Intn(8)))
		}
		b := append([]string(nil), a...)
		for e := rng.Intn(6); e > 0; e-- {
			switch i := rng.Intn(len(b) + 1); rng.Intn(3) {
			case 0:
				b = append(b[:i], append([]string{"new" + strconv.Itoa(e)}, b[i:]...)...)
			case 1:
				if i < len(b) {
					b = append(b[:i], b[i+1:]...)
				}
			default:
				if i < len(b) {
					b[i] = strconv.Itoa(rng.Intn(8))
				}
			}
		}
		at, bt := join(a), join(b)
		d := Diff("a", "b", []byte(at), []byte(bt))
		got, changed, err := apply(a, d)
		if err != nil || join(got) != bt {
			t.Fatalf("case %d: %v\na=%q\nb=%q\ndiff:\n%s\napplied=%q", n, err, a, b, d, got)
		}
		if want := len(a) + len(b) - 2*lcs(a, b); changed != want {
			t.Fatalf("case %d: %d lines changed, the shortest edit has %d\n%s", n, changed, want, d)
		}
	}
}

func join(ls []string) string {
	if len(ls) == 0 {
		return ""
	}
	return strings.Join(ls, "\n") + "\n"
}

// apply applies a unified diff to a.
func apply(a []string, d string) ([]string, int, error) {
	if d == "" {
		return a, 0, nil
	}
	lines := strings.Split(strings.TrimSuffix(d, "\n"), "\n")[2:]
	var out []string
	pos, changed := 0, 0
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "@@"):
			var as, an, bs, bn int
			if _, err := fmt.Sscanf(strings.ReplaceAll(fixSpan(l), ",", " "), "@@ -%d %d +%d %d @@", &as, &an, &bs, &bn); err != nil {
				return nil, 0, fmt.Errorf("hunk header %q: %v", l, err)
			}
			start := as - 1
			if an == 0 {
				start = as
			}
			out = append(out, a[pos:start]...)
			pos = start
		case l[0] == ' ':
			if a[pos] != l[1:] {
				return nil, 0, fmt.Errorf("context %q != %q", l[1:], a[pos])
			}
			out = append(out, a[pos])
			pos++
		case l[0] == '-':
			if a[pos] != l[1:] {
				return nil, 0, fmt.Errorf("deleted %q != %q", l[1:], a[pos])
			}
			pos++
			changed++
		case l[0] == '+':
			out = append(out, l[1:])
			changed++
		}
	}
	return append(out, a[pos:]...), changed, nil
}

// fixSpan writes "-5" as "-5,1" so that one Sscanf format reads every header.
func fixSpan(h string) string {
	f := strings.Fields(h)
	for i := 1; i <= 2; i++ {
		if !strings.Contains(f[i], ",") {
			f[i] += ",1"
		}
	}
	return strings.Join(f, " ")
}

func lcs(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

func TestMask(t *testing.T) {
	in := `00:00:00.000000 c1 #1 10.77.0.1:40001 > 10.77.0.2:5000 [S]
00:00:00.100000 c2 #5 [2001:db8::1]:40007 > [2001:db8::2]:5000 [S]
times in UTC, every connection began on 2026-11-22
c1    C1Ww6idxhgRDsemeXi  10.77.0.1:40001  10.77.0.2:5000  23:26:37  2026-11-22 23:26:37.088813
c2    C0OKNIb3sGgc6FIPJT  [2001:db8::1]:40007  [2001:db8::2]:5000  23:26:38
{"type":"conn","ts":1795389980.036733,"conn":1,"uid":"C1Ww6idxhgRDsemeXi","orig_h":"10.77.0.1","orig_p":40001,"resp_h":"10.77.0.2","resp_p":5000}
{"type":"probe","ts":1795389981.000000,"uid":"C0OKNIb3sGgc6FIPJT","orig_p":40007,"resp_p":5000,"answer_ts":1795389979.036733}
`
	want := `00:00:00.000000 c1 #1 10.77.0.1:E1 > 10.77.0.2:5000 [S]
00:00:00.100000 c2 #5 [2001:db8::1]:E2 > [2001:db8::2]:5000 [S]
times in UTC, every connection began on YYYY-MM-DD
c1    U1  10.77.0.1:E1  10.77.0.2:5000  hh:mm:ss  YYYY-MM-DD hh:mm:ss
c2    U2  [2001:db8::1]:E2  [2001:db8::2]:5000  hh:mm:ss
{"type":"conn","ts":0.000000,"conn":1,"uid":"U1","orig_h":"10.77.0.1","orig_p":"E1","resp_h":"10.77.0.2","resp_p":5000}
{"type":"probe","ts":0.963267,"uid":"U2","orig_p":"E2","resp_p":5000,"answer_ts":-1.000000}
`
	got := string(Mask([]byte(in), Options{Ports: map[uint16]bool{40001: true, 40007: true}}))
	if got != want {
		t.Errorf("got\n%s\nwant\n%s\n%s", got, want, Diff("want", "got", []byte(want), []byte(got)))
	}
}
