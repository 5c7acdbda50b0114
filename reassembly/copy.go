package reassembly

// CopyTo makes dst a copy of d for a reader on another goroutine (package
// shard): what a reader can see of d (its fields and Stats), not the
// analysis's own state (holes, digests, the RTT timer), which dst must not
// be observed with. dst's Detail, when d has one, is buf (allocated if
// nil); CopyTo returns buf, so the caller keeps it for the next copy
// whether d had a Detail or not. dst must not be released into a Pool.
func (d *Dir) CopyTo(dst *Dir, buf *Detail) *Detail {
	*dst = *d
	if d.x == nil {
		return buf
	}
	if buf == nil {
		buf = new(Detail)
	}
	buf.Stats = d.x.Stats
	dst.x = buf
	return buf
}
