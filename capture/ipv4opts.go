package capture

// IPv4 option types (RFC 791 §3.1) that ipv4Options checks beyond their
// length.
const (
	ipoptEOL  = 0
	ipoptNOP  = 1
	ipoptRR   = 7   // record route
	ipoptTS   = 68  // internet timestamp
	ipoptLSRR = 131 // loose source and record route
	ipoptSSRR = 137 // strict source and record route
)

// ipv4Options validates the options of an IPv4 header (RFC 791 §3.1, as
// Linux's ip_options_compile checks them, which drops the packet
// otherwise) and returns the destination the connection really has: with
// a loose or strict source route whose pointer has not run past its
// length, the route's last address, the final destination the packet is
// on its way to; otherwise dst, the header's destination (at the end of
// the route, the last hop has moved the final address there).
func ipv4Options(o []byte, dst [4]byte) ([4]byte, bool) {
	srr := false
	for i := 0; i < len(o); {
		typ := o[i]
		if typ == ipoptEOL {
			break
		}
		if typ == ipoptNOP {
			i++
			continue
		}
		if i+1 >= len(o) {
			return dst, false
		}
		l := int(o[i+1])
		if l < 2 || i+l > len(o) {
			return dst, false
		}
		opt := o[i : i+l]
		switch typ {
		case ipoptRR, ipoptLSRR, ipoptSSRR:
			// type, length, pointer, then 4-byte addresses; the
			// pointer is 1-based and at least 4.
			if l < 3 || opt[2] < 4 {
				return dst, false
			}
			if typ != ipoptRR {
				if srr || l < 7 || (l-3)%4 != 0 {
					return dst, false // two source routes, or no address
				}
				srr = true
				if int(opt[2]) <= l {
					dst = [4]byte(opt[l-4 : l])
				}
			}
		case ipoptTS:
			if l < 4 || opt[2] < 5 {
				return dst, false
			}
		}
		i += l
	}
	return dst, true
}
