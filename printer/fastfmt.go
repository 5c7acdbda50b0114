package printer

import "net/netip"

// Formatting that every transcript line and table row does, without the
// general routines' cost: IPv4 octets come from a table of their decimal
// forms, and the whole address:port is appended at once.

// decOctet holds each byte value's decimal digits and, in the last byte,
// how many there are.
var decOctet = func() (t [256][4]byte) {
	for v := range 256 {
		switch {
		case v >= 100:
			t[v] = [4]byte{byte('0' + v/100), byte('0' + v/10%10), byte('0' + v%10), 3}
		case v >= 10:
			t[v] = [4]byte{byte('0' + v/10), byte('0' + v%10), 0, 2}
		default:
			t[v] = [4]byte{byte('0' + v), 0, 0, 1}
		}
	}
	return t
}()

// appendAddrPort appends ap as netip.AddrPort.AppendTo does; IPv4
// addresses, the common case, are formatted here.
func appendAddrPort(b []byte, ap netip.AddrPort) []byte {
	a := ap.Addr()
	if !a.Is4() {
		return ap.AppendTo(b)
	}
	var buf [24]byte // "255.255.255.255:65535", and room to write 4 bytes at a time
	ip := a.As4()
	n := 0
	for i := range 4 {
		d := &decOctet[ip[i]]
		buf[n], buf[n+1], buf[n+2], buf[n+3] = d[0], d[1], d[2], '.'
		l := int(d[3])
		buf[n+l] = '.'
		n += l + 1
	}
	buf[n-1] = ':'
	var p [5]byte
	port := ap.Port()
	i := len(p)
	for {
		i--
		p[i] = byte('0' + port%10)
		port /= 10
		if port == 0 {
			break
		}
	}
	b = append(b, buf[:n]...)
	return append(b, p[i:]...)
}
