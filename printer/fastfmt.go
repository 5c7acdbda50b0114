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
		if a.Is6() && !a.Is4In6() && a.Zone() == "" {
			b = append(b, '[')
			b = appendIPv6(b, a.As16())
			b = append(b, ']', ':')
			return appendPort(b, ap.Port())
		}
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
	b = append(b, buf[:n]...)
	return appendPort(b, ap.Port())
}

// appendIPv6 appends an IPv6 address without a zone as
// netip.Addr.AppendTo does (RFC 5952: groups in lowercase hex without
// leading zeros, the first longest run of two or more zero groups as
// "::").
func appendIPv6(b []byte, ip [16]byte) []byte {
	var g [8]uint16
	for i := range g {
		g[i] = binary.BigEndian.Uint16(ip[2*i:])
	}
	zs, ze := 8, 8 // the longest zero run [zs, ze), none if zs == 8
	for i := 0; i < 8; i++ {
		j := i
		for j < 8 && g[j] == 0 {
			j++
		}
		if l := j - i; l >= 2 && l > ze-zs {
			zs, ze = i, j
		}
		if j > i {
			i = j - 1 // every shorter run starts inside this one
		}
	}
	for i := 0; i < 8; i++ {
		if i == zs {
			b = append(b, ':', ':')
			i = ze
			if i >= 8 {
				break
			}
		} else if i > 0 {
			b = append(b, ':')
		}
		b = appendHex16(b, g[i])
	}
	return b
}

// appendHex16 appends v in lowercase hex without leading zeros.
func appendHex16(b []byte, v uint16) []byte {
	const hex = "0123456789abcdef"
	switch {
	case v >= 0x1000:
		return append(b, hex[v>>12], hex[v>>8&15], hex[v>>4&15], hex[v&15])
	case v >= 0x100:
		return append(b, hex[v>>8], hex[v>>4&15], hex[v&15])
	case v >= 0x10:
		return append(b, hex[v>>4], hex[v&15])
	}
	return append(b, hex[v])
}

// appendPort appends a port in decimal.
func appendPort(b []byte, port uint16) []byte {
	var p [5]byte
	i := len(p)
	for port >= 10 {
		i--
		p[i] = byte('0' + port%10)
		port /= 10
	}
	i--
	p[i] = byte('0' + port)
	return append(b, p[i:]...)
}
