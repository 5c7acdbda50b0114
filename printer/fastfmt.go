package printer

import "net/netip"

// Formatting that every transcript line and table row does, without the
// general routines' cost: the digits are written into a small array and
// appended at once (one capacity check instead of one per byte).

// appendAddrPort appends ap as netip.AddrPort.AppendTo does; IPv4
// addresses, the common case, are formatted here.
func appendAddrPort(b []byte, ap netip.AddrPort) []byte {
	a := ap.Addr()
	if !a.Is4() {
		return ap.AppendTo(b)
	}
	var buf [len("255.255.255.255:65535")]byte
	n := 0
	for i, o := range a.As4() {
		if i > 0 {
			buf[n] = '.'
			n++
		}
		n += putDec8(buf[n:], o)
	}
	buf[n] = ':'
	n++
	n += putDec16(buf[n:], ap.Port())
	return append(b, buf[:n]...)
}

// putDec8 writes v in decimal at the start of dst, returning its length.
func putDec8(dst []byte, v uint8) int {
	switch {
	case v >= 100:
		dst[0], dst[1], dst[2] = '0'+v/100, '0'+v/10%10, '0'+v%10
		return 3
	case v >= 10:
		dst[0], dst[1] = '0'+v/10, '0'+v%10
		return 2
	}
	dst[0] = '0' + v
	return 1
}

// putDec16 writes v in decimal at the start of dst, returning its length.
func putDec16(dst []byte, v uint16) int {
	n := 1
	for x := v; x >= 10; x /= 10 {
		n++
	}
	for i := n - 1; i >= 0; i-- {
		dst[i] = byte('0' + v%10)
		v /= 10
	}
	return n
}
