package reassembly

// Same reports whether d and o hold the same state, their Details (if
// any) compared by value: a tracker that rebuilds a direction by replaying
// its segments checks the result with it.
func (d *Dir) Same(o *Dir) bool {
	x, y := *d, *o
	x.x, y.x = nil, nil
	if x != y || (d.x == nil) != (o.x == nil) {
		return false
	}
	return d.x == nil || *d.x == *o.x
}
