package printer

import "bufio"

// table lays cells out in left-aligned columns two spaces apart, as
// text/tabwriter does with padding 2 (the last column is not padded), but
// without fmt or per-cell allocations: cells are appended to one buffer
// and only their ends recorded.
type table struct {
	b     []byte
	ends  []int
	ncol  int
	width []int
}

// header sets the column names; it must come before any cell.
func (t *table) header(names ...string) {
	t.ncol = len(names)
	t.width = make([]int, t.ncol)
	for _, n := range names {
		t.str(n)
	}
}

// end closes the cell appended to t.b since the previous one.
func (t *table) end() {
	start := 0
	if n := len(t.ends); n > 0 {
		start = t.ends[n-1]
	}
	col := len(t.ends) % t.ncol
	if w := len(t.b) - start; w > t.width[col] {
		t.width[col] = w
	}
	t.ends = append(t.ends, len(t.b))
}

func (t *table) str(s string) {
	t.b = append(t.b, s...)
	t.end()
}

// write writes the rows to w.
func (t *table) write(w *bufio.Writer) {
	const pad = "                                                                "
	start := 0
	for i, end := range t.ends {
		col := i % t.ncol
		w.Write(t.b[start:end])
		if col == t.ncol-1 {
			w.WriteByte('\n')
		} else {
			for n := t.width[col] + 2 - (end - start); n > 0; n -= len(pad) {
				w.WriteString(pad[:min(n, len(pad))])
			}
		}
		start = end
	}
}
