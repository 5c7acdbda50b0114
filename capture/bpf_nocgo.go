//go:build !cgo

package capture

func compileBPF(expr string, link LinkType) ([]bpfInsn, error) { return nil, ErrNoLibpcap }
