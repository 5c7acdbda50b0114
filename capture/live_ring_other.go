//go:build cgo && !linux

package capture

import (
	"errors"
	"time"
)

// ring is the AF_PACKET capture, which only Linux has.
type ring struct {
	fanout uint16
	since  time.Time
}

func ringLink(iface string) (LinkType, bool, bool) { return 0, false, false }

func openRing(string, LiveOptions, []bpfInsn, bool, uint16) (*ring, error) {
	return nil, errors.New("capture: AF_PACKET needs Linux")
}
func (r *ring) read() ([]byte, FrameInfo, error) { return nil, FrameInfo{}, ErrTimeout }
func (r *ring) stats() (LiveStats, error)        { return LiveStats{}, nil }
func (r *ring) close()                           {}
