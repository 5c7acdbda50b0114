package tracker

import (
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// The FIN-WAIT-2 timeout (Linux tcp_fin_timeout).
//
// RFC 9293 lets FIN-WAIT-2 last until the peer's FIN arrives. Linux does
// so only for a socket whose application still holds it (a half-close,
// shutdown(SHUT_WR)); once the application has closed it (an orphan), the
// kernel deletes the FIN-WAIT-2 after net.ipv4.tcp_fin_timeout (60 s by
// default) without a segment on the wire. A passive observer cannot see
// whether the application closed the socket. flowtrace assumes it did,
// close() being the common case, and expires FIN-WAIT-2 after
// Config.FinTimeout on the capture clock, marked inferred, unless the wire
// proves a half-close: the endpoint acknowledged data that its peer sent
// after the endpoint's FIN (an orphan answers such data with a RST).

// finWait2Deadline returns when side s's FIN-WAIT-2 times out, if it is in
// FIN-WAIT-2 and not proven half-closed.
func (t *Tracker) finWait2Deadline(c *Conn, s Side) (time.Time, bool) {
	e := &c.ep[s]
	if e.state != FinWait2 || e.halfClosed {
		return time.Time{}, false
	}
	return e.since.Add(t.cfg.FinTimeout), true
}

// noteHalfClose records the evidence of a half-close: side s, in
// FIN-WAIT-2, acknowledges payload its peer sent after s's FIN.
func (c *Conn) noteHalfClose(s Side, seg *segment.Segment) {
	e, p := &c.ep[s], &c.ep[s.Peer()]
	if e.state != FinWait2 || e.halfClosed || seg.Flags&(segment.ACK|segment.RST) != segment.ACK {
		return
	}
	if p.dataAfterFIN {
		e.halfClosed = true
	}
}

// notePeerData marks that side s sent payload while its peer was in
// FIN-WAIT-2.
func (c *Conn) notePeerData(s Side, seg *segment.Segment) {
	if seg.PayloadLen > 0 && c.ep[s.Peer()].state == FinWait2 {
		c.ep[s].dataAfterFIN = true
	}
}
