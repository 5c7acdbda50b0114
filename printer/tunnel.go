package printer

import (
	"strconv"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// TunnelLookup maps a connection's tunnel id (tracker.Conn.Tunnel) to the
// encapsulations it names, outermost first; capture.Tunnels.Lookup is
// one. It returns nil for an id it does not know.
type TunnelLookup func(id uint64) []segment.Tunnel

// tunnels returns the description of c's tunnel, nil when c is not
// tunnelled or the lookup does not know it.
func (f TunnelLookup) tunnels(c *tracker.Conn) []segment.Tunnel {
	if f == nil || c.Tunnel() == 0 {
		return nil
	}
	return f(c.Tunnel())
}

// appendTunnelText appends " (via gre 192.0.2.1>192.0.2.2 key 5, vxlan
// ...)" for a tunnelled connection: the transcript prints it on the
// connection's first packet.
func appendTunnelText(b []byte, f TunnelLookup, c *tracker.Conn) []byte {
	if c.Tunnel() == 0 {
		return b
	}
	b = append(b, " (via "...)
	if ts := f.tunnels(c); ts != nil {
		b = segment.AppendTunnels(b, ts)
	} else {
		b = append(b, "tunnel "...)
		b = strconv.AppendUint(b, c.Tunnel(), 16)
	}
	return append(b, ')')
}

// appendTunnelsJSON appends the conn record's "tunnels" field, an array
// of {type, src, dst, id} outermost first (src, dst and id only where the
// encapsulation has them), for a tunnelled connection.
func appendTunnelsJSON(b []byte, f TunnelLookup, c *tracker.Conn) []byte {
	if c.Tunnel() == 0 {
		return b
	}
	b = append(b, `,"tunnels":[`...)
	for i, t := range f.tunnels(c) {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"type":"`...)
		b = append(b, t.Type.String()...)
		b = append(b, '"')
		if t.HasEnds() {
			b = append(b, `,"src":"`...)
			b = t.AppendEnd(b, false)
			b = append(b, `","dst":"`...)
			b = t.AppendEnd(b, true)
			b = append(b, '"')
		}
		if t.HasID {
			b = appendUintField(b, "id", uint64(t.ID))
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendTunnelParents appends conn.log's tunnel_parents: a set with one
// element per encapsulation, outermost first, in the transcript's text
// form ("vxlan 192.0.2.1>192.0.2.2 vni 42"), or unset. The text forms
// hold no separator, comma or unprintable byte, so need no escaping.
func appendTunnelParents(b []byte, f TunnelLookup, c *tracker.Conn) []byte {
	ts := f.tunnels(c)
	if ts == nil {
		if c.Tunnel() != 0 {
			b = append(b, "tunnel "...)
			return strconv.AppendUint(b, c.Tunnel(), 16)
		}
		return append(b, zeekUnset...)
	}
	for i := range ts {
		if i > 0 {
			b = append(b, ',')
		}
		b = ts[i].AppendTo(b)
	}
	return b
}
