package printer

import (
	"math"
	"math/rand/v2"
	"net/netip"
	"strconv"
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
		netip.MustParseAddrPort("[::]:0"),
		netip.MustParseAddrPort("[1:0:0:1:0:0:0:1]:1"),
		netip.MustParseAddrPort("[1:0:0:1:0:0:1:1]:1"),
		netip.MustParseAddrPort("[1:0:1:0:1:0:1:0]:1"),
		netip.MustParseAddrPort("[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]:65535"),
		netip.MustParseAddrPort("[::ffff:0:0]:1"),
		{},
	}
	for range 10000 {
		var a [4]byte
		for i := range a {
			a[i] = byte(rng.IntN(256))
		}
		addrs = append(addrs, netip.AddrPortFrom(netip.AddrFrom4(a), uint16(rng.IntN(65536))))
	}
	// IPv6: each group zero half the time (runs of every length and
	// place, ties), otherwise of 1 to 4 hex digits.
	for range 50000 {
		var a [16]byte
		for i := 0; i < 16; i += 2 {
			if rng.IntN(2) == 0 {
				v := uint16(rng.IntN(1 << (4 * (1 + rng.IntN(4)))))
				a[i], a[i+1] = byte(v>>8), byte(v)
			}
		}
		addrs = append(addrs, netip.AddrPortFrom(netip.AddrFrom16(a), uint16(rng.IntN(65536))))
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

// TestAppendMillis holds appendMillis's integer rounding to
// strconv.AppendFloat's, on the halfway cases, near the 2^50 ns limit,
// and on random durations of every magnitude.
func TestAppendMillis(t *testing.T) {
	ds := []time.Duration{0, 1, 499, 500, 501, 999, 1000, 1499, 1500, 1501, 2500, 472_000, 999_999, 1_000_500,
		1<<50 - 1, 1 << 50, 1<<50 + 500, 1<<53 + 1, -1, -500, -1500, math.MaxInt64, math.MinInt64}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		ds = append(ds, time.Duration(r.Int64N(1<<uint(r.IntN(56)+1))))
	}
	for _, d := range ds {
		want := strconv.AppendFloat([]byte("x"), float64(d)/float64(time.Millisecond), 'f', 3, 64)
		if got := appendMillis([]byte("x"), d); string(got) != string(want) {
			t.Fatalf("appendMillis(%d) = %s; want %s", int64(d), got, want)
		}
	}
}

// TestAppendEpochDigits holds appendEpoch to the fractional digits of
// time.Format.
func TestAppendEpochDigits(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 10_000 {
		ts := time.UnixMicro(r.Int64N(4e15)).UTC()
		want := strconv.FormatInt(ts.Unix(), 10) + ts.Format(".000000")
		if got := string(appendEpoch(nil, ts)); got != want {
			t.Fatalf("appendEpoch(%v) = %s; want %s", ts, got, want)
		}
	}
}
