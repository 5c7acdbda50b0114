package benchgen

import "encoding/binary"

// encode appends the Ethernet frame of p, sent in sl's connection, to b.
// The IPv4 header checksum and the TCP checksum are computed; the TCP
// checksum is then spoiled if p.badSum.
func encode(b []byte, sl *slot, p *pkt) []byte {
	src, dst := &sl.eps[p.src], &sl.eps[p.dst]
	b = append(b, dst.mac[:]...)
	b = append(b, src.mac[:]...)
	ipStart := len(b) + 2
	tcpLen := 20 + len(p.opts) + int(p.plen)
	if sl.v6 {
		b = append(b, 0x86, 0xdd)
		vtf := uint32(6)<<28 | uint32(p.tos)<<20
		b = binary.BigEndian.AppendUint32(b, vtf)
		b = binary.BigEndian.AppendUint16(b, uint16(tcpLen))
		b = append(b, 6, p.ttl)
		a, d := src.addr.As16(), dst.addr.As16()
		b = append(b, a[:]...)
		b = append(b, d[:]...)
	} else {
		b = append(b, 0x08, 0x00)
		b = append(b, 0x45, p.tos)
		b = binary.BigEndian.AppendUint16(b, uint16(20+tcpLen))
		b = binary.BigEndian.AppendUint16(b, p.ipid)
		frag := uint16(0)
		if p.df {
			frag = 0x4000
		}
		b = binary.BigEndian.AppendUint16(b, frag)
		b = append(b, p.ttl, 6, 0, 0)
		a, d := src.addr.As4(), dst.addr.As4()
		b = append(b, a[:]...)
		b = append(b, d[:]...)
		binary.BigEndian.PutUint16(b[ipStart+10:], fold(sum(b[ipStart:ipStart+20], 0)))
	}
	t := len(b)
	b = binary.BigEndian.AppendUint16(b, src.port)
	b = binary.BigEndian.AppendUint16(b, dst.port)
	b = binary.BigEndian.AppendUint32(b, p.seq)
	b = binary.BigEndian.AppendUint32(b, p.ack)
	b = append(b, byte((20+len(p.opts))/4)<<4, p.flags)
	b = binary.BigEndian.AppendUint16(b, p.win)
	b = append(b, 0, 0)
	b = binary.BigEndian.AppendUint16(b, p.urg)
	o := len(b)
	b = append(b, p.opts...)
	writeOptions(b[o:], p)
	b = append(b, p.payload...)
	for i := len(p.payload); i < int(p.plen); i++ {
		b = append(b, 0)
	}

	// Pseudo-header: addresses, protocol, TCP length.
	var s uint64
	if sl.v6 {
		s = sum(b[ipStart+8:ipStart+40], 0)
	} else {
		s = sum(b[ipStart+12:ipStart+20], 0)
	}
	s += 6 + uint64(tcpLen)
	ck := fold(sum(b[t:], s))
	if p.badSum {
		ck ^= 0x5a5a // any other value is wrong
	}
	binary.BigEndian.PutUint16(b[t+16:], ck)
	return b
}

// writeOptions fills the TS and SACK options of the layout o from p.
func writeOptions(o []byte, p *pkt) {
	eachOption(o, func(kind byte, v []byte) {
		switch {
		case kind == 8 && len(v) == 8:
			binary.BigEndian.PutUint32(v, p.tsval)
			binary.BigEndian.PutUint32(v[4:], p.tsecr)
		case kind == 5:
			for n := 0; n < int(p.nsack) && len(v) >= 8; n++ {
				binary.BigEndian.PutUint32(v, p.sack[n][0])
				binary.BigEndian.PutUint32(v[4:], p.sack[n][1])
				v = v[8:]
			}
		}
	})
}

// eachOption calls f with the kind and value of every well-formed TCP
// option in o, up to the end-of-list option or the first malformed one.
// The value aliases o, so f may rewrite it in place.
func eachOption(o []byte, f func(kind byte, v []byte)) {
	for i := 0; i < len(o); {
		switch o[i] {
		case 0:
			return
		case 1:
			i++
			continue
		}
		if i+1 >= len(o) || o[i+1] < 2 || i+int(o[i+1]) > len(o) {
			return
		}
		l := int(o[i+1])
		f(o[i], o[i+2:i+l])
		i += l
	}
}

// sum adds b as big-endian 16-bit words to s (RFC 1071), eight bytes at a
// time.
func sum(b []byte, s uint64) uint64 {
	for len(b) >= 8 {
		x := binary.BigEndian.Uint64(b)
		s += x >> 48
		s += (x >> 32) & 0xffff
		s += (x >> 16) & 0xffff
		s += x & 0xffff
		b = b[8:]
	}
	for len(b) >= 2 {
		s += uint64(binary.BigEndian.Uint16(b))
		b = b[2:]
	}
	if len(b) == 1 {
		s += uint64(b[0]) << 8
	}
	return s
}

// fold returns the one's complement of the folded sum.
func fold(s uint64) uint16 {
	for s > 0xffff {
		s = (s >> 16) + (s & 0xffff)
	}
	return ^uint16(s)
}
