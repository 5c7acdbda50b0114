package printer

import (
	"math/rand/v2"
	"net/netip"
	"testing"
	"time"
)

// appendAddrPort and appendTOD write what the standard library's
// formatting writes, on the edges and on random values.
func TestFastFormatting(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	addrs := []netip.AddrPort{
		netip.MustParseAddrPort("0.0.0.0:0"),
		netip.MustParseAddrPort("255.255.255.255:65535"),
		netip.MustParseAddrPort("10.0.9.10:9"),
		netip.MustParseAddrPort("100.99.10.1:10000"),
		netip.MustParseAddrPort("[::1]:80"),
		netip.MustParseAddrPort("[::ffff:10.0.0.1]:443"),
		netip.MustParseAddrPort("[fe80::1%eth0]:22"),
		{},
	}
	for range 10000 {
		var a [4]byte
		for i := range a {
			a[i] = byte(rng.IntN(256))
		}
		addrs = append(addrs, netip.AddrPortFrom(netip.AddrFrom4(a), uint16(rng.IntN(65536))))
	}
	for _, ap := range addrs {
		if got, want := string(appendAddrPort([]byte("x"), ap)), string(ap.AppendTo([]byte("x"))); got != want {
			t.Fatalf("appendAddrPort(%v) = %q, want %q", ap, got, want)
		}
	}
	uss := []int64{0, -1, 1, 86400*1e6 - 1, 86400 * 1e6, -86400 * 1e6, 1e6*3600*23 + 59*60e6 + 59e6 + 999999}
	for range 10000 {
		uss = append(uss, rng.Int64N(1<<52)-1<<51)
	}
	for _, us := range uss {
		want := "x" + time.UnixMicro(us).UTC().Format("15:04:05.000000")
		if got := string(appendTOD([]byte("x"), us)); got != want {
			t.Fatalf("appendTOD(%d) = %q, want %q", us, got, want)
		}
	}
}
