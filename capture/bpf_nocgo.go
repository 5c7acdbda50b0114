//go:build !cgo

package capture

import "errors"

// ErrNoLibpcap is returned by SetFilter in binaries built without cgo:
// filter expressions are compiled by libpcap.
var ErrNoLibpcap = errors.New("capture: BPF filters need libpcap (this binary was built without cgo)")

func compileBPF(expr string, link LinkType) ([]bpfInsn, error) { return nil, ErrNoLibpcap }
