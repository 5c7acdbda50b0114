//go:build !cgo

package capture

// Live is a live capture; without cgo there is no libpcap to provide it.
type Live struct{}

var _ Source = (*Live)(nil)

// OpenLive returns ErrNoLibpcap: live capture needs libpcap (cgo).
func OpenLive(iface string, opts LiveOptions) (*Live, error) { return nil, ErrNoLibpcap }

// Interfaces returns ErrNoLibpcap: live capture needs libpcap (cgo).
func Interfaces() ([]Interface, error) { return nil, ErrNoLibpcap }

func (l *Live) ReadFrame() ([]byte, FrameInfo, LinkType, error) {
	return nil, FrameInfo{}, 0, ErrNoLibpcap
}
func (l *Live) LinkType() LinkType        { return 0 }
func (l *Live) Snaplen() int              { return 0 }
func (l *Live) Name() string              { return "" }
func (l *Live) Stats() (LiveStats, error) { return LiveStats{}, ErrNoLibpcap }
func (l *Live) Path() string              { return "" }
func (l *Live) Close() error              { return nil }

// RingSources returns nil: there is no ring without cgo.
func (l *Live) RingSources() []Source { return nil }

// RingStats returns nil: there is no ring without cgo.
func (l *Live) RingStats() ([]LiveStats, error) { return nil, ErrNoLibpcap }
