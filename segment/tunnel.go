package segment

import (
	"net/netip"
	"strconv"
)

// TunnelType is an encapsulation a segment arrived in.
type TunnelType uint8

// The encapsulations capture decodes. Their names (String) are stable:
// the JSON "tunnels" field and Zeek's tunnel_parents use them.
const (
	TunnelUnknown TunnelType = iota
	MPLS                     // RFC 3032 label (one entry per label, outermost first)
	PBB                      // IEEE 802.1ah provider backbone bridging: I-SID, backbone MACs
	VNTag                    // IEEE 802.1Qbh VN-Tag: the host-side virtual interface
	ETag                     // IEEE 802.1BR E-Tag: the E-channel identifier
	PPPoE                    // RFC 2516 PPPoE session: session id, Ethernet endpoints
	GRE                      // RFC 2784/2890 GRE (IP, Ethernet or MPLS inside): the key, if any
	ERSPAN1                  // ERSPAN type I: GRE 0x88be without sequence numbers or header
	ERSPAN2                  // ERSPAN type II (draft-foschiano-erspan): session id
	ERSPAN3                  // ERSPAN type III: session id
	IPIP                     // IPv4 in IPv4 (RFC 2003)
	SIT                      // IPv6 in IPv4 (6in4, RFC 4213)
	IP4in6                   // IPv4 in IPv6 (RFC 2473)
	IP6in6                   // IPv6 in IPv6 (RFC 2473)
	VXLAN                    // RFC 7348, UDP 4789: the VNI
	Geneve                   // RFC 8926, UDP 6081: the VNI
	GTPU                     // 3GPP TS 29.281 GTP-U, UDP 2152: the TEID
	Teredo                   // RFC 4380, UDP 3544
	AYIYA                    // draft-massar-v6ops-ayiya, UDP 5072
	numTunnelTypes
)

var tunnelNames = [numTunnelTypes]string{
	TunnelUnknown: "unknown", MPLS: "mpls", PBB: "pbb", VNTag: "vntag", ETag: "etag",
	PPPoE: "pppoe", GRE: "gre", ERSPAN1: "erspan1", ERSPAN2: "erspan2", ERSPAN3: "erspan3",
	IPIP: "ipip", SIT: "6in4", IP4in6: "4in6", IP6in6: "6in6", VXLAN: "vxlan",
	Geneve: "geneve", GTPU: "gtpu", Teredo: "teredo", AYIYA: "ayiya",
}

// idNames name each type's identifier in the text form.
var idNames = [numTunnelTypes]string{
	MPLS: "label", PBB: "isid", VNTag: "vif", ETag: "ecid", PPPoE: "session", GRE: "key",
	ERSPAN2: "session", ERSPAN3: "session", VXLAN: "vni", Geneve: "vni", GTPU: "teid",
}

func (t TunnelType) String() string {
	if t < numTunnelTypes {
		return tunnelNames[t]
	}
	return "TunnelType(" + strconv.Itoa(int(t)) + ")"
}

// IDName is what the type's identifier is called ("vni", "key", "teid",
// "label", ...), or "" for types without one.
func (t TunnelType) IDName() string {
	if t < numTunnelTypes {
		return idNames[t]
	}
	return ""
}

// Tunnel describes one encapsulation level as a frame showed it: its
// type, its outer endpoints (IP addresses for encapsulations over IP,
// Ethernet addresses for PBB and PPPoE, none for MPLS, VN-Tag and E-Tag)
// and its identifier (VNI, key, TEID, label, ...) when it has one.
type Tunnel struct {
	Type           TunnelType
	HasID          bool
	ID             uint32
	Src, Dst       netip.Addr // outer IP endpoints; invalid for link-layer encapsulations
	SrcMAC, DstMAC [6]byte    // outer Ethernet endpoints of PBB and PPPoE
}

// HasMAC reports whether the endpoints are Ethernet addresses.
func (t *Tunnel) HasMAC() bool { return t.Type == PBB || t.Type == PPPoE }

// HasEnds reports whether the tunnel has outer endpoints.
func (t *Tunnel) HasEnds() bool { return t.HasMAC() || t.Src.IsValid() }

// AppendEnd appends the source (dst false) or destination endpoint; it
// appends nothing when the tunnel has none.
func (t *Tunnel) AppendEnd(b []byte, dst bool) []byte {
	switch {
	case t.HasMAC():
		m := t.SrcMAC
		if dst {
			m = t.DstMAC
		}
		return appendMAC(b, m)
	case !t.Src.IsValid():
		return b
	case dst:
		return t.Dst.AppendTo(b)
	}
	return t.Src.AppendTo(b)
}

// AppendTo appends the text form: the type, "SRC>DST" if there are
// endpoints, and the identifier with its name: "vxlan 192.0.2.1>192.0.2.2
// vni 42", "mpls label 100", "ipip 10.0.0.1>10.0.0.2".
func (t *Tunnel) AppendTo(b []byte) []byte {
	b = append(b, t.Type.String()...)
	if t.HasEnds() {
		b = append(b, ' ')
		b = t.AppendEnd(b, false)
		b = append(b, '>')
		b = t.AppendEnd(b, true)
	}
	if t.HasID {
		b = append(b, ' ')
		b = append(b, t.Type.IDName()...)
		b = append(b, ' ')
		b = strconv.AppendUint(b, uint64(t.ID), 10)
	}
	return b
}

func (t Tunnel) String() string { return string(t.AppendTo(nil)) }

// AppendTunnels appends a stack of tunnels, outermost first, separated by
// ", ".
func AppendTunnels(b []byte, ts []Tunnel) []byte {
	for i := range ts {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = ts[i].AppendTo(b)
	}
	return b
}

func appendMAC(b []byte, m [6]byte) []byte {
	const hex = "0123456789abcdef"
	for i, x := range m {
		if i > 0 {
			b = append(b, ':')
		}
		b = append(b, hex[x>>4], hex[x&15])
	}
	return b
}
