package printer

import (
	"encoding/binary"
	"net/netip"
)

// Formatting that every transcript line and table row does, without the
// general routines' cost: IPv4 octets come from a table of their decimal
// forms, and the whole address:port is appended at once.

// decOctet holds each byte value's decimal digits followed by a dot in
// its low 32 bits (little-endian, as they are stored) and how many digits
// there are above them.
var decOctet = func() (t [256]uint64) {
	for v := range 256 {
		var d [4]byte
		n := 0
		switch {
		case v >= 100:
			d, n = [4]byte{byte('0' + v/100), byte('0' + v/10%10), byte('0' + v%10), '.'}, 3
		case v >= 10:
			d, n = [4]byte{byte('0' + v/10), byte('0' + v%10), '.'}, 2
		default:
			d, n = [4]byte{byte('0' + v), '.'}, 1
		}
		t[v] = uint64(binary.LittleEndian.Uint32(d[:])) | uint64(n)<<32
	}
	return t
}()

// appendAddrPort appends ap as netip.AddrPort.AppendTo does; IPv4
// addresses, the common case, are formatted here: each octet's digits
// and dot are stored as one 32-bit word.
func appendAddrPort(b []byte, ap netip.AddrPort) []byte {
	a := ap.Addr()
	if !a.Is4() {
		return ap.AppendTo(b)
	}
	var buf [32]byte // "255.255.255.255:65535", and room to write 4 bytes at a time
	ip := a.As4()
	n := 0
	for i := range 4 {
		d := decOctet[ip[i]]
		binary.LittleEndian.PutUint32(buf[n&15:], uint32(d)) // n <= 12 here
		n += int(d>>32) + 1
	}
	buf[n-1] = ':' // n <= 16
	port := uint32(ap.Port())
	var p [5]byte
	i := len(p)
	for port >= 10 {
		i--
		p[i] = byte('0' + port%10)
		port /= 10
	}
	i--
	p[i] = byte('0' + port)
	b = append(b, buf[:n]...)
	return append(b, p[i:]...)
}
