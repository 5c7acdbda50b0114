package printer

import (
	"bufio"
	"bytes"
)

// table lays cells out in left-aligned columns two spaces apart, as
// text/tabwriter does with padding 2 (the last column is not padded), but
// one row at a time and without fmt or per-cell allocations: a row's
// cells are appended to one buffer and only their ends recorded. Column
// widths are measured first (measure, for every row), then rows are
// written (writeHeader, writeRow), so rows need not be kept in between.
type table struct {
	names []string
	width []int
	b     []byte
	ends  []int
}

func newTable(names ...string) table {
	t := table{names: names, width: make([]int, len(names))}
	for i, n := range names {
		t.width[i] = len(n)
	}
	return t
}

// reset starts a new row.
func (t *table) reset() { t.b, t.ends = t.b[:0], t.ends[:0] }

// end closes the cell appended to t.b since the previous one.
func (t *table) end() { t.ends = append(t.ends, len(t.b)) }

func (t *table) str(s string) {
	t.b = append(t.b, s...)
	t.end()
}

// cell returns the i-th cell of the row.
func (t *table) cell(i int) []byte {
	start := 0
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.b[start:t.ends[i]]
}

// measure widens the columns to fit the row.
func (t *table) measure() {
	for i := range t.ends {
		t.width[i] = max(t.width[i], len(t.cell(i)))
	}
}

// join appends the row's cells to b, each ended by a 0 byte, for split.
func (t *table) join(b []byte) []byte {
	for i := range t.ends {
		b = append(b, t.cell(i)...)
		b = append(b, 0)
	}
	return b
}

// split makes rec, made by join, the row. It reports false if rec does
// not end a cell where it ends.
func (t *table) split(rec []byte) bool {
	t.reset()
	for len(rec) > 0 {
		i := bytes.IndexByte(rec, 0)
		if i < 0 {
			return false
		}
		t.b = append(t.b, rec[:i]...)
		t.end()
		rec = rec[i+1:]
	}
	return true
}

// cutDate removes what precedes the first space of cell i (a date before
// the time of day), reporting false if the row has no such cell.
func (t *table) cutDate(i int) bool {
	if i >= len(t.ends) {
		return false
	}
	c := t.cell(i)
	sp := bytes.IndexByte(c, ' ')
	if sp < 0 {
		return true
	}
	start := t.ends[i] - len(c)
	n := copy(t.b[start:], t.b[start+sp+1:])
	cut := len(t.b) - (start + n)
	t.b = t.b[:start+n]
	for j := i; j < len(t.ends); j++ {
		t.ends[j] -= cut
	}
	return true
}

func (t *table) writeHeader(w *bufio.Writer) {
	t.reset()
	for _, n := range t.names {
		t.str(n)
	}
	t.writeRow(w)
}

// writeRow writes the row padded to the column widths.
func (t *table) writeRow(w *bufio.Writer) {
	const pad = "                                                                "
	for i := range t.ends {
		c := t.cell(i)
		w.Write(c)
		if i == len(t.ends)-1 {
			w.WriteByte('\n')
			break
		}
		for n := t.width[i] + 2 - len(c); n > 0; n -= len(pad) {
			w.WriteString(pad[:min(n, len(pad))])
		}
	}
}
