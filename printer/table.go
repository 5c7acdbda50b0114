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
// widths are measured as each row is kept (keep), then the kept rows are
// written (writeHeader, writeRec), so no row is formatted twice.
type table struct {
	names []string
	width []int
	b     []byte
	ends  []int
	line  []byte // writeRec's
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

// keep widens the columns to fit the row and appends the row to b in
// the form writeRec reads: the number of cells, each cell's end as two
// bytes, then the cells back to back. A row is at most a few hundred
// bytes; longer ones (64 KiB and more) do not occur and would be cut.
func (t *table) keep(b []byte) []byte {
	n := min(len(t.ends), 255, len(t.width))
	b = append(b, byte(n))
	prev := 0
	for i, e := range t.ends[:n] {
		t.width[i] = max(t.width[i], e-prev)
		prev = e
		b = binary.LittleEndian.AppendUint16(b, uint16(min(e, 0xffff)))
	}
	return append(b, t.b[:min(len(t.b), 0xffff)]...)
}

// writeRec writes rec, a row join made, padded as writeRow pads it,
// straight from rec into one line. In column cut (none if negative), the
// cell's text up to its first space is left out: the date of a time. It
// reports false if rec is not such a row.
func (t *table) writeRec(w *bufio.Writer, rec []byte, cut int) bool {
	const pad = "                                                                "
	if len(rec) < 1 || len(rec) < 1+2*int(rec[0]) || int(rec[0]) > len(t.width) {
		return false
	}
	n := int(rec[0])
	ends, cells := rec[1:1+2*n], rec[1+2*n:]
	b := t.line[:0]
	prev := 0
	for i := range n {
		e := int(binary.LittleEndian.Uint16(ends[2*i:]))
		if e < prev || e > len(cells) {
			return false
		}
		c := cells[prev:e]
		prev = e
		if i == cut {
			if sp := bytes.IndexByte(c, ' '); sp >= 0 {
				c = c[sp+1:]
			}
		}
		b = append(b, c...)
		if i == n-1 {
			b = append(b, '\n')
			break
		}
		for k := t.width[i] + 2 - len(c); k > 0; k -= len(pad) {
			b = append(b, pad[:min(k, len(pad))]...)
		}
	}
	t.line = b
	if prev != len(cells) {
		return false
	}
	w.Write(b)
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
