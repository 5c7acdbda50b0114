package capture

// Drops follows a live capture's kernel counters from one poll to the
// next, so that new drops can be reported as they happen.
type Drops struct {
	stats func() (LiveStats, error)
	last  LiveStats
	ok    bool
}

// NewDrops follows the counters stats returns (Live.Stats); nil stats
// means there are none.
func NewDrops(stats func() (LiveStats, error)) *Drops { return &Drops{stats: stats} }

// Poll reads the counters. It returns what was dropped since the previous
// successful poll, in the kernel (the ring or buffer was full) and at the
// interface; nothing on the first poll, or when the counters cannot be
// read.
func (d *Drops) Poll() (kernel, iface uint64) {
	if d.stats == nil {
		return 0, 0
	}
	st, err := d.stats()
	if err != nil {
		return 0, 0
	}
	if d.ok {
		kernel, iface = st.KernelDropped-d.last.KernelDropped, st.IfaceDropped-d.last.IfaceDropped
	}
	d.last, d.ok = st, true
	return kernel, iface
}

// Last returns the counters as of the last successful poll, and whether
// there was one.
func (d *Drops) Last() (LiveStats, bool) { return d.last, d.ok }
