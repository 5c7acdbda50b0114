package printer

import (
	"net/netip"
	"strconv"
	"time"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Strays (tracker.StrayObserver): segments that arrived on the 4-tuple
// of a connection after it closed and left the table, within the bound
// (--time-wait after its last segment). They open no connection; the
// text transcript prints one line each, on the closed connection,
//
//	05:43:32.539368 c1 #11 10.77.0.2:5000 > 10.77.0.1:40001 [R] seq 101 win 0 len 0 !  note: server stray segment 7.000 s after the close (late RST): ignored
//
// and the JSON output one "stray" record. -q prints neither.

// Stray implements tracker.StrayObserver for the text transcript.
func (p *Text) Stray(st *tracker.Stray) {
	if p.opts.Quiet {
		return
	}
	b := p.appendTime(p.buf[:0], st.Time)
	b = append(b, 'c')
	b = strconv.AppendUint(b, st.Conn, 10)
	if p.withUID() {
		b = append(b, ' ')
		b = st.UID.AppendTo(b)
	}
	b = appendPacketAddrs(b, st.Pkt, st.Src, st.Dst)
	b = append(b, " ["...)
	b = st.Flags.AppendTo(b)
	b = append(b, "] seq "...)
	b = strconv.AppendUint(b, uint64(st.Seq), 10)
	if st.Flags&segment.ACK != 0 {
		b = append(b, " ack "...)
		b = strconv.AppendUint(b, uint64(st.Ack), 10)
	}
	b = append(b, " win "...)
	b = strconv.AppendUint(b, uint64(st.Window), 10)
	b = append(b, " len "...)
	b = strconv.AppendInt(b, int64(st.PayloadLen), 10)
	b = append(b, " !  note: "...)
	b = append(b, st.Side.Role()...)
	b = append(b, " stray segment "...)
	b = appendSecs(b, st.After)
	b = append(b, " after the close ("...)
	b = append(b, st.Kind...)
	b = append(b, "): ignored\n"...)
	p.out.record(b)
	p.buf = b
	p.out.endPacket()
}

// appendSecs appends d in seconds to the millisecond: "7.000 s".
func appendSecs(b []byte, d time.Duration) []byte {
	b = strconv.AppendFloat(b, d.Seconds(), 'f', 3, 64)
	return append(b, " s"...)
}

// Stray implements tracker.StrayObserver: the "stray" record.
func (p *JSON) Stray(st *tracker.Stray) {
	if p.opts.Quiet {
		return
	}
	b := append(p.buf[:0], `{"type":"stray","ts":`...)
	b = appendEpoch(b, st.Time)
	b = appendUintField(b, "conn", st.Conn)
	b = append(b, `,"uid":"`...)
	b = st.UID.AppendTo(b)
	b = append(b, '"')
	b = appendUintField(b, "pkt", st.Pkt)
	b = appendStrField(b, "side", st.Side.String())
	b = appendAddrPortField(b, "src", st.Src)
	b = appendAddrPortField(b, "dst", st.Dst)
	b = append(b, `,"flags":"`...)
	b = st.Flags.AppendTo(b)
	b = append(b, '"')
	b = appendUintField(b, "seq", uint64(st.Seq))
	if st.Flags&segment.ACK != 0 {
		b = appendUintField(b, "ack", uint64(st.Ack))
	}
	b = appendUintField(b, "win", uint64(st.Window))
	b = appendUintField(b, "len", uint64(st.PayloadLen))
	b = appendStrField(b, "kind", st.Kind)
	b = append(b, `,"after":`...)
	b = strconv.AppendFloat(b, st.After.Seconds(), 'f', 6, 64)
	b = append(b, "}\n"...)
	p.out.record(b)
	p.buf = b
	p.out.endPacket()
}

func appendAddrPortField(b []byte, name string, ap netip.AddrPort) []byte {
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, `":"`...)
	b = ap.AppendTo(b)
	return append(b, '"')
}

// Stray implements tracker.StrayObserver: each printer that wants strays
// gets them.
func (t tee) Stray(st *tracker.Stray) {
	for _, p := range t {
		if so, ok := p.(tracker.StrayObserver); ok {
			so.Stray(st)
		}
	}
}
