package findings

import (
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Probe kinds, as the scan and fingerprint findings name them.
const (
	ProbeConnect = "connect" // a full handshake, closed without data
	ProbeSYN     = "SYN"     // SYN half-open: the scanner never completes the handshake
	ProbeFIN     = "FIN"
	ProbeNULL    = "NULL"
	ProbeXmas    = "Xmas"
	ProbeACK     = "ACK"
	ProbeIllegal = "illegal" // an illegal flag combination (SYN+FIN, …)
	ProbeOther   = "other"   // another segment without ACK (FIN+PSH, …)
	ProbeUDP     = "UDP"     // a UDP datagram answered by ICMP or by nothing
)

// Answers: what the target's reply says of the port.
const (
	AnswerOpen         = "open"          // SYN-ACK
	AnswerClosed       = "closed"        // RST
	AnswerFiltered     = "filtered"      // silence (to a SYN or an ACK)
	AnswerUnfiltered   = "unfiltered"    // RST to an ACK probe
	AnswerOpenFiltered = "open|filtered" // silence to a FIN, NULL or Xmas: an open port drops them too
	AnswerUnknown      = "unknown"
)

// probeOf names the kind of a tracker probe.
func probeOf(p *tracker.Probe) string {
	switch p.Kind {
	case tracker.ProbeUDP:
		return ProbeUDP
	case tracker.ProbeACK:
		return ProbeACK
	case tracker.ProbeIllegal:
		return ProbeIllegal
	}
	switch p.Flags &^ (segment.ECE | segment.CWR) {
	case segment.FIN:
		return ProbeFIN
	case 0:
		return ProbeNULL
	case segment.FIN | segment.PSH | segment.URG:
		return ProbeXmas
	}
	return ProbeOther
}

// answerOf maps a tracker probe's verdict to an answer.
func answerOf(p *tracker.Probe) string {
	switch p.Verdict {
	case tracker.VerdictOpen:
		return AnswerOpen
	case tracker.VerdictClosed:
		return AnswerClosed
	case tracker.VerdictUnfiltered:
		return AnswerUnfiltered
	case tracker.VerdictFiltered:
		return AnswerFiltered
	case tracker.VerdictOpenFiltered:
		return AnswerOpenFiltered
	}
	return AnswerUnknown
}

// connProbe reports whether connection c looks like a scan's probe
// rather than a use of the service: it began with a SYN and carried no
// payload either way. It returns the probe's kind and the answer.
func connProbe(c *tracker.Conn) (kind, answer string, ok bool) {
	o, r := tracker.Orig, tracker.Resp
	if c.Midstream() || c.Bytes(o) != 0 || c.Bytes(r) != 0 {
		return "", "", false
	}
	if _, unseen := c.OneSided(); unseen {
		return "", "", false
	}
	var h [64]byte
	hist := c.AppendHistory(h[:0])
	var synAck, respRST, origACK bool
	for _, x := range hist {
		switch x {
		case 'h':
			synAck = true
		case 'r':
			respRST = true
		case 'A':
			origACK = true
		}
	}
	kind = ProbeSYN
	if origACK && synAck {
		kind = ProbeConnect
	}
	switch {
	case synAck:
		answer = AnswerOpen
	case respRST:
		answer = AnswerClosed
	default:
		answer = AnswerFiltered
	}
	return kind, answer, true
}

// illegalFlags reports whether flags f are a combination no TCP sends,
// and names it: SYN+FIN, SYN+RST, FIN+RST, NULL (no flag), Xmas
// (FIN+PSH+URG without ACK).
func illegalFlags(f segment.Flags) (string, bool) {
	syn, fin, rst := f&segment.SYN != 0, f&segment.FIN != 0, f&segment.RST != 0
	switch {
	case syn && fin:
		return "SYN+FIN", true
	case syn && rst:
		return "SYN+RST", true
	case fin && rst:
		return "FIN+RST", true
	case f&(segment.SYN|segment.FIN|segment.RST|segment.ACK|segment.PSH|segment.URG) == 0:
		return "NULL", true
	case f&(segment.FIN|segment.PSH|segment.URG|segment.ACK) == segment.FIN|segment.PSH|segment.URG:
		return "Xmas", true
	}
	return "", false
}
