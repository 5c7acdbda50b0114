package golden

import (
	"fmt"
	"strings"
)

// Context is how many unchanged lines a hunk shows around a change.
const Context = 3

// maxEdits bounds the diff's work: beyond this many changed lines the
// two texts are shown as one hunk replacing the whole.
const maxEdits = 4000

// Diff returns a unified diff from a (named aName) to b (bName), "" when
// they are equal. Lines are compared whole; a missing newline at the end
// is reported as diff(1) does.
func Diff(aName, bName string, a, b []byte) string {
	if string(a) == string(b) {
		return ""
	}
	x, y := lines(a), lines(b)
	ops := myers(x, y)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", aName, bName)
	writeHunks(&out, ops, x, y)
	return out.String()
}

// lines splits text into lines, keeping a marker on a last line that
// has no newline.
func lines(t []byte) []string {
	if len(t) == 0 {
		return nil
	}
	s := string(t)
	noEOL := !strings.HasSuffix(s, "\n")
	ls := strings.SplitAfter(s, "\n")
	if !noEOL {
		ls = ls[:len(ls)-1]
	} else {
		ls[len(ls)-1] += "\n\\ No newline at end of file\n"
	}
	return ls
}

// op is one step of an edit script: keep x[i] (= y[j]), delete x[i], or
// insert y[j].
type op struct {
	kind byte // ' ', '-', '+'
	i, j int
}

// myers computes a shortest edit script from x to y with Myers'
// O((N+M)D) greedy algorithm, keeping each round's frontier to walk back.
func myers(x, y []string) []op {
	n, m := len(x), len(y)
	maxD := n + m
	if maxD > maxEdits {
		maxD = maxEdits
	}
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	found := -1
	for d := 0; d <= maxD && found < 0; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var i int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				i = v[off+k+1] // down: insert
			} else {
				i = v[off+k-1] + 1 // right: delete
			}
			j := i - k
			for i < n && j < m && x[i] == y[j] {
				i, j = i+1, j+1
			}
			v[off+k] = i
			if i >= n && j >= m {
				found = d
				break
			}
		}
	}
	if found < 0 {
		// Too different: delete everything, insert everything.
		ops := make([]op, 0, n+m)
		for i := range x {
			ops = append(ops, op{'-', i, 0})
		}
		for j := range y {
			ops = append(ops, op{'+', n, j})
		}
		return ops
	}
	// Walk back from (n, m) through the saved frontiers.
	var rev []op
	i, j := n, m
	for d := found; d > 0; d-- {
		vd := trace[d] // the frontier before round d
		k := i - j
		var pk int
		if k == -d || k != d && vd[off+k-1] < vd[off+k+1] {
			pk = k + 1
		} else {
			pk = k - 1
		}
		pi := vd[off+pk]
		pj := pi - pk
		// The edit moved from (pi, pj) to (mi, mj); a snake of equal
		// lines led on to (i, j).
		mi, mj := pi+1, pj
		if pk == k+1 {
			mi, mj = pi, pj+1
		}
		for i > mi && j > mj {
			i, j = i-1, j-1
			rev = append(rev, op{' ', i, j})
		}
		if pk == k+1 {
			rev = append(rev, op{'+', pi, pj})
		} else {
			rev = append(rev, op{'-', pi, pj})
		}
		i, j = pi, pj
	}
	for i > 0 && j > 0 {
		i, j = i-1, j-1
		rev = append(rev, op{' ', i, j})
	}
	ops := make([]op, len(rev))
	for k := range rev {
		ops[k] = rev[len(rev)-1-k]
	}
	return ops
}

// writeHunks writes the edit script as unified-diff hunks.
func writeHunks(out *strings.Builder, ops []op, x, y []string) {
	for start := 0; start < len(ops); {
		// Find the next change.
		c := start
		for c < len(ops) && ops[c].kind == ' ' {
			c++
		}
		if c == len(ops) {
			return
		}
		lo := max(c-Context, start)
		// Extend the hunk while changes are within 2*Context lines.
		hi := c
		for {
			for hi < len(ops) && ops[hi].kind != ' ' {
				hi++
			}
			same := hi
			for same < len(ops) && ops[same].kind == ' ' && same-hi < 2*Context {
				same++
			}
			if same < len(ops) && ops[same].kind != ' ' {
				hi = same
				continue
			}
			hi = min(hi+Context, len(ops))
			break
		}
		writeHunk(out, ops[lo:hi], x, y)
		start = hi
	}
}

func writeHunk(out *strings.Builder, ops []op, x, y []string) {
	ai, bj := ops[0].i, ops[0].j
	var an, bn int
	for _, o := range ops {
		switch o.kind {
		case ' ':
			an++
			bn++
		case '-':
			an++
		case '+':
			bn++
		}
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", span(ai, an), span(bj, bn))
	for _, o := range ops {
		switch o.kind {
		case ' ':
			out.WriteString(" " + x[o.i])
		case '-':
			out.WriteString("-" + x[o.i])
		case '+':
			out.WriteString("+" + y[o.j])
		}
	}
}

// span is a hunk range as diff -u prints it: start,count with a 1-based
// start, or start-1 (the line before) for an empty range.
func span(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
