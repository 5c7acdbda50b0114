package printer

import (
	"strconv"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// ICMP errors attached to connections (tracker.ICMPObserver). The text
// transcript prints one line each, on the connection, with the events
// the error caused,
//
//	07:15:02.392404 c1 #2 ICMP admin prohibited (3/13) from 10.77.0.254 for the client's SYN (#1) seq 0 !  client SYN-SENT → CLOSED (rcvd ICMP error for its SYN: connect failed, inferred)
//
// and the JSON output one "icmp" record. An error whose quoted sequence
// number its side never sent ends in "note: quoted seq never sent by the
// client: spoofed or stale". -q prints neither. ICMP errors that answer a
// probe are the probe's answer (probe.go).

// ICMP implements tracker.ICMPObserver for the text transcript.
func (p *Text) ICMP(e *tracker.ICMPError) {
	if !p.firstSet {
		p.first, p.firstSet = e.Time.UnixMicro(), true
	}
	if p.opts.Quiet {
		return
	}
	c := e.Conn
	b := p.appendTime(p.buf[:0], e.Time)
	b = append(b, 'c')
	b = strconv.AppendUint(b, c.ID(), 10) // as on the connection's packet lines
	b = append(b, " #"...)
	b = strconv.AppendUint(b, e.Pkt, 10)
	b = appendICMPName(b, &e.ICMP)
	b = append(b, " from "...)
	b = e.ICMP.From.AppendTo(b)
	b = append(b, " for the "...)
	b = append(b, e.Side.Role()...)
	b = append(b, "'s "...)
	b = append(b, e.Quote...)
	if e.QuotePkt != 0 {
		b = append(b, " (#"...)
		b = strconv.AppendUint(b, e.QuotePkt, 10)
		b = append(b, ')')
	}
	b = append(b, " seq "...)
	b = strconv.AppendUint(b, uint64(c.Rel(e.Side, e.Seq)), 10)
	b = append(b, " !"...)
	if !e.SeqOK {
		b = append(b, "  note: quoted seq never sent by the "...)
		b = append(b, e.Side.Role()...)
		b = append(b, ": spoofed or stale"...)
		if len(e.Events) > 0 {
			b = append(b, ';')
		}
	}
	b = appendEvents(b, c, e.Events)
	b = append(b, '\n')
	p.out.record(b)
	p.buf = b
	p.out.endPacket()
}

// appendICMPName appends " ICMP admin prohibited (3/13)", with "ICMPv6"
// for IPv6.
func appendICMPName(b []byte, m *segment.ICMP) []byte {
	b = append(b, " ICMP"...)
	if m.V6 {
		b = append(b, "v6"...)
	}
	b = append(b, ' ')
	b = append(b, m.Name()...)
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(m.Type), 10)
	b = append(b, '/')
	b = strconv.AppendUint(b, uint64(m.Code), 10)
	return append(b, ')')
}

// ICMP implements tracker.ICMPObserver: the "icmp" record. The events the
// error caused follow as "event" records, as a packet's do.
func (p *JSON) ICMP(e *tracker.ICMPError) {
	if p.opts.Quiet {
		return
	}
	c := e.Conn
	b := append(p.buf[:0], `{"type":"icmp","ts":`...)
	b = appendEpoch(b, e.Time)
	b = appendUintField(b, "conn", c.ID())
	b = appendUIDField(b, c)
	b = appendUintField(b, "pkt", e.Pkt)
	b = appendAddrField(b, "from", e.ICMP.From)
	b = appendICMPFields(b, &e.ICMP)
	b = appendStrField(b, "side", e.Side.String())
	b = appendAddrPortField(b, "src", e.Src)
	b = appendAddrPortField(b, "dst", e.Dst)
	b = appendStrField(b, "quote", e.Quote)
	if e.QuotePkt != 0 {
		b = appendUintField(b, "quote_pkt", e.QuotePkt)
	}
	b = appendUintField(b, "seq", uint64(c.Rel(e.Side, e.Seq))) // relative, as in "packet" records
	if e.ICMP.HasFlags {
		b = append(b, `,"flags":"`...)
		b = e.Flags.AppendTo(b)
		b = append(b, '"')
	}
	b = appendBoolField(b, "seq_ok", e.SeqOK)
	b = appendBoolField(b, "aborted", e.Aborted)
	b = append(b, "}\n"...)
	p.out.record(b)
	p.buf = b
	if len(e.Events) > 0 {
		p.events(c, e.Events)
	}
	p.out.endPacket()
}

// appendICMPFields appends "icmp_type", "icmp_code" and "icmp" (the name),
// and "icmp_v6" for ICMPv6.
func appendICMPFields(b []byte, m *segment.ICMP) []byte {
	b = appendUintField(b, "icmp_type", uint64(m.Type))
	b = appendUintField(b, "icmp_code", uint64(m.Code))
	b = appendStrField(b, "icmp", m.Name())
	if m.V6 {
		b = appendBoolField(b, "icmp_v6", true)
	}
	return b
}

// appendConnICMP appends the conn record's "icmp" object: the first ICMP
// error attached to the connection and how many there were.
func appendConnICMP(b []byte, c *tracker.Conn) []byte {
	first, n := c.ICMP()
	if n == 0 {
		return b
	}
	b = append(b, `,"icmp":{"count":`...)
	b = strconv.AppendUint(b, uint64(n), 10)
	b = append(b, `,"ts":`...)
	b = appendEpoch(b, first.Time)
	b = appendUintField(b, "pkt", first.Pkt)
	b = appendAddrField(b, "from", first.ICMP.From)
	b = appendICMPFields(b, &first.ICMP)
	b = appendStrField(b, "side", first.Side.String())
	b = appendStrField(b, "quote", first.Quote)
	b = appendBoolField(b, "seq_ok", first.SeqOK)
	return append(b, '}')
}

// ICMP implements tracker.ICMPObserver: each printer that wants ICMP
// errors gets them; the others get the events they caused.
func (t tee) ICMP(e *tracker.ICMPError) {
	for _, p := range t {
		if io, ok := p.(tracker.ICMPObserver); ok {
			io.ICMP(e)
		} else if len(e.Events) > 0 {
			p.Events(e.Conn, e.Events)
		}
	}
}
