package printer

import (
	"net/netip"
	"testing"
)

func BenchmarkAppendAddrPort(b *testing.B) {
	ap := netip.MustParseAddrPort("192.168.10.1:44321")
	buf := make([]byte, 0, 64)
	b.Run("fast", func(b *testing.B) {
		for b.Loop() {
			buf = appendAddrPort(buf[:0], ap)
		}
	})
	b.Run("netip", func(b *testing.B) {
		for b.Loop() {
			buf = ap.AppendTo(buf[:0])
		}
	})
}
