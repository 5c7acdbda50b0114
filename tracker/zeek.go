package tracker

import (
	"math/bits"

	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
)

// This file computes Zeek's conn_state and history as Zeek 9.1 does in
// its TCP analyzer and conn.log scripts (Conn::conn_state and the
// history letters of TCP_Analyzer). Zeek keeps its own coarse
// endpoint states, separate from the RFC ones; conn_state depends only on
// them (and, for RSTOS0, on the history).

type zeekState uint8

const (
	zInactive zeekState = iota
	zSynSent
	zSynAckSent
	zPartial
	zEstablished
	zClosed
	zReset
)

type zeekEndpoint struct {
	state, prev zeekState
}

func (z *zeekEndpoint) set(s zeekState) {
	z.prev, z.state = z.state, s
}

func (s zeekState) inactive() bool { return s == zInactive || s == zPartial }

// zeekUpdate applies a segment sent by side s to Zeek's endpoint states
// (TCPSessionAdapter's Update*State functions).
func (c *Conn) zeekUpdate(s Side, seg *segment.Segment) {
	e, p := &c.ep[s].z, &c.ep[s.Peer()].z
	f := seg.Flags
	syn, fin, rst, ack := f&segment.SYN != 0, f&segment.FIN != 0, f&segment.RST != 0, f&segment.ACK != 0

	if fin && p.state == zReset && p.prev == zClosed {
		p.set(zClosed)
	}
	switch e.state {
	case zInactive:
		switch {
		case syn && s == Orig:
			if ack {
				e.set(zSynAckSent)
			} else {
				e.set(zSynSent)
			}
		case syn && ack:
			e.set(zEstablished)
			if p.state == zSynSent {
				p.set(zEstablished)
			}
		case syn:
			e.set(zSynSent)
		case rst:
			e.set(zReset)
		case fin:
			e.set(zClosed)
		case ack && seg.PayloadLen == 0 && p.state == zEstablished:
			e.set(zEstablished)
		case ack && seg.PayloadLen == 0 && s == Resp && p.state == zSynSent:
			// "eccentric TCP acks the SYN before replying": stays inactive.
		default:
			e.set(zPartial)
		}
	case zSynSent, zSynAckSent, zEstablished, zPartial:
		switch {
		case rst:
			e.set(zReset)
		case fin:
			e.set(zClosed)
		}
	case zClosed:
		if rst && p.state != zClosed {
			e.set(zReset)
		}
	}
}

// zeekConnState is Zeek's conn_state() (main.zeek), first match wins.
func (c *Conn) zeekConnState() string {
	os, rs := c.ep[Orig].z.state, c.ep[Resp].z.state
	switch {
	case rs == zReset:
		switch {
		case os == zSynSent || os == zSynAckSent:
			return "REJ"
		case os == zReset && c.ep[Orig].bytes == 0 && c.ep[Resp].bytes == 0:
			return "REJ"
		case os.inactive():
			return "RSTRH"
		}
		return "RSTR"
	case os == zReset:
		if rs.inactive() {
			if c.hist.rstos0() {
				return "RSTOS0"
			}
			return "OTH"
		}
		return "RSTO"
	case os == zClosed && rs == zClosed:
		return "SF"
	case os == zClosed:
		if rs.inactive() {
			return "SH"
		}
		return "S2"
	case rs == zClosed:
		if os.inactive() {
			return "SHR"
		}
		return "S3"
	case os == zSynSent && rs == zInactive:
		return "S0"
	case os == zEstablished && rs == zEstablished:
		return "S1"
	}
	return "OTH"
}

// history builds Zeek's history string.
type history struct {
	// n and mask first: every packet reads a mask, few append.
	n    uint8
	mask [2]uint8
	// last relative sequence number recorded for S/H, F and R, per side
	last [2][3]uint32
	buf  [40]byte
}

// Once-per-direction letters.
const (
	hSYN = 1 << iota // S and H share one mask
	hFIN
	hRST
	hACK
	hData
	hFINRST
	hMulti
)

func (h *history) add(s Side, code byte) {
	if s == Resp {
		code += 'a' - 'A'
	}
	if int(h.n) < len(h.buf) {
		h.buf[h.n] = code
		h.n++
	}
}

// once adds code the first time side s shows the event in mask.
func (h *history) once(s Side, mask uint8, code byte) bool {
	if h.mask[s]&mask != 0 {
		return true
	}
	h.mask[s] |= mask
	h.add(s, code)
	return false
}

// seqd adds code the first time, and again whenever the relative
// sequence number differs from the last one recorded for the same kind.
func (h *history) seqd(s Side, mask uint8, kind int, code byte, rel uint32) {
	if h.once(s, mask, code) && rel != h.last[s][kind] {
		h.add(s, code)
	}
	h.last[s][kind] = rel
}

// update appends the letters segment seg from side s produces
// (update_history in TCPSessionAdapter.cc).
func (h *history) update(c *Conn, s Side, seg *segment.Segment) {
	f := seg.Flags
	syn, fin, rst := f&segment.SYN != 0, f&segment.FIN != 0, f&segment.RST != 0
	ctl := bits.OnesCount8(uint8(f & (segment.SYN | segment.FIN | segment.RST)))
	e := &c.ep[s]
	rel := func() uint32 {
		if syn || !e.baseSet {
			return 0
		}
		return uint32(seg.Seq - e.base)
	}
	switch {
	case ctl > 1 && fin && rst:
		h.once(s, hFINRST, 'I')
	case ctl > 1:
		h.once(s, hMulti, 'Q')
	case syn:
		code := byte('S')
		if f&segment.ACK != 0 {
			code = 'H'
		}
		r := uint32(0)
		if e.synSent && seg.Seq != e.isn {
			r = uint32(seg.Seq - e.isn)
		}
		h.seqd(s, hSYN, 0, code, r)
	case fin:
		h.seqd(s, hFIN, 1, 'F', rel()+uint32(seg.PayloadLen))
	case rst:
		h.seqd(s, hRST, 2, 'R', rel())
	case seg.PayloadLen > 0:
		h.once(s, hData, 'D')
	case f&segment.ACK != 0:
		h.once(s, hACK, 'A')
	}
}

// rstos0 reports whether the history matches ^?S[^HAFGIQ]*R.* (Zeek's
// test for RSTOS0: a SYN, then nothing established by the originator
// before its RST).
func (h *history) rstos0() bool {
	b := h.buf[:h.n]
	if len(b) > 0 && b[0] == '^' {
		b = b[1:]
	}
	if len(b) == 0 || b[0] != 'S' {
		return false
	}
	for _, x := range b[1:] {
		switch x {
		case 'H', 'A', 'F', 'G', 'I', 'Q':
			return false
		case 'R':
			return true
		}
	}
	return false
}

// logCount counts events and reports when the count reaches 1, 10, 100,
// … (Zeek's ScaledHistoryEntry), the moments a scaled letter is appended.
type logCount struct{ n, next uint64 }

func (l *logCount) hit() bool {
	l.n++
	if l.next == 0 {
		l.next = 1
	}
	if l.n < l.next {
		return false
	}
	l.next *= 10
	return true
}

// clean reports whether a Zeek endpoint state allows gap letters: Zeek
// records a content gap only between established (or established, then
// closed) endpoints.
func (z *zeekEndpoint) clean() bool {
	return z.state == zEstablished || z.state == zClosed && z.prev == zEstablished
}

// scaled appends the logarithmic letters T (retransmission), W (zero
// window) and G (content gap) for a segment sent by side s. gap reports
// that the segment acknowledged bytes of the other direction the capture
// never saw.
// Most segments earn none of them: that test is small enough to inline
// into the caller, and the letters' code (scaledLetters) stays off the
// hot path's cache lines.
func (h *history) scaled(t *Tracker, c *Conn, s Side, seg *segment.Segment, gap bool) {
	if gap || seg.Window == 0 || seg.PayloadLen > 0 && c.class&scaledRexmit != 0 {
		h.scaledLetters(t, c, s, seg, gap)
	}
}

// scaledRexmit are the classes that earn a T.
const scaledRexmit = reassembly.Retransmission | reassembly.SpuriousRetransmission |
	reassembly.FastRetransmission | reassembly.OutOfOrder | reassembly.KeepAlive

// scaledLetters is scaled for a segment that may earn a letter.
func (h *history) scaledLetters(t *Tracker, c *Conn, s Side, seg *segment.Segment, gap bool) {
	e, p := &c.ep[s], &c.ep[s.Peer()]
	rst := seg.Flags&segment.RST != 0
	if seg.PayloadLen > 0 && c.class&scaledRexmit != 0 && e.z.state != zReset && c.rareOf(t).tw[s].hit() {
		h.add(s, 'T')
	}
	if seg.Window == 0 && !rst && e.z.state != zReset && p.z.state != zClosed && c.rareOf(t).ww[s].hit() {
		h.add(s, 'W')
	}
	if gap && e.z.clean() && p.z.clean() && c.rareOf(t).gw[s.Peer()].hit() {
		h.add(s.Peer(), 'G')
	}
}

// ZeekBytes returns the bytes side s sent as Zeek's conn.log counts them
// (orig_bytes and resp_bytes, TCP_Endpoint::Size): the sequence space
// from its first sequence number to the highest it reached or its peer
// acknowledged, less the SYN and FIN octets. Unlike Bytes, a
// retransmission counts once and bytes the capture missed count too. A
// side that sent nothing has 0. Beyond 4 GiB the 32-bit sequence space
// wraps; the wraps are recovered from the bytes the analysis saw.
func (c *Conn) ZeekBytes(s Side) uint64 {
	e, p := &c.ep[s], &c.ep[s.Peer()]
	next, sent := e.seq.Next()
	if !sent || !e.baseSet {
		return 0
	}
	hi := next
	if ack, acked := p.seq.LastAck(); acked && hi.LessThan(ack) {
		hi = ack
	}
	if hi.LessThan(e.base) {
		return 0
	}
	size := uint64(e.base.Size(hi))
	if e.synSent && size > 0 {
		size-- // the SYN octet
	}
	if e.finSent && size > 0 {
		size-- // the FIN octet
	}
	st := e.seq.Stats()
	for seen := st.UniqueBytes + st.MissedBytes; size+1<<32 <= seen; {
		size += 1 << 32
	}
	return size
}
