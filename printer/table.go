package printer

import (
	"bufio"
	"bytes"
	"encoding/binary"
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

// join appends the row to b in the form split reads: the number of
// cells, each cell's end as two bytes, then the cells back to back. A row
// is at most a few hundred bytes; longer ones (64 KiB and more) do not
// occur and would be cut.
func (t *table) join(b []byte) []byte {
	n := min(len(t.ends), 255)
	b = append(b, byte(n))
	for _, e := range t.ends[:n] {
		b = binary.LittleEndian.AppendUint16(b, uint16(min(e, 0xffff)))
	}
	return append(b, t.b[:min(len(t.b), 0xffff)]...)
}

// split makes rec, made by join, the row. It reports false if rec is not
// a row join made.
func (t *table) split(rec []byte) bool {
	t.reset()
	if len(rec) < 1 || len(rec) < 1+2*int(rec[0]) {
		return false
	}
	n := int(rec[0])
	ends, cells := rec[1:1+2*n], rec[1+2*n:]
	prev := 0
	for i := range n {
		e := int(binary.LittleEndian.Uint16(ends[2*i:]))
		if e < prev || e > len(cells) {
			return false
		}
		t.ends = append(t.ends, e)
		prev = e
	}
	t.b = append(t.b, cells...)
	return prev == len(cells)
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
