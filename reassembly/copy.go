package reassembly

// CopyTo makes dst a copy of d, for a reader on another goroutine
// (package shard). dst's Detail, when d has one, is buf (allocated if nil);
// CopyTo returns buf, so the caller keeps it for the next copy whether d
// had a Detail or not. dst must not be released into a Pool.
func (d *Dir) CopyTo(dst *Dir, buf *Detail) *Detail {
	*dst = *d
	if d.x == nil {
		return buf
	}
	if buf == nil {
		buf = new(Detail)
	}
	*buf = *d.x
	dst.x = buf
	return buf
}
