//go:build !linux

package capture

// NetRaw is the process's hold on CAP_NET_RAW; other systems have no
// such capability, and every field is false.
type NetRaw struct {
	Effective, Permitted, Bounding, NoNewPrivs bool
}

// NetRawStatus returns the zero NetRaw off Linux.
func NetRawStatus() NetRaw { return NetRaw{} }

func withNetRaw(open func() error) error { return open() }
