package printer

import (
	"strconv"

	"github.com/flowtrace/flowtrace/tracker"
)

// Probes (tracker.ProbeObserver): segments that opened no connection,
// with the target's answer. The text transcript prints one line each,
//
//	04:49:22.203285 probe #1 10.77.0.1:41000 > 10.77.0.2:5001 [F] ×1, answer RST (#2): closed
//	07:13:49.233481 probe #5 10.77.0.1:41000 > 10.77.0.2:5001 UDP len 0 ×1, answer ICMP port unreachable (3/3) from 10.77.0.2 (#6): closed
//
// (the second a UDP probe, tracker/udp.go) and the JSON output one
// "probe" record. -q prints neither.

// Probe implements tracker.ProbeObserver for the text transcript.
func (p *Text) Probe(pr *tracker.Probe) {
	if !p.firstSet {
		p.first, p.firstSet = pr.Time.UnixMicro(), true
	}
	if p.opts.Quiet {
		return
	}
	b := p.appendTime(p.buf[:0], pr.Time)
	b = append(b, "probe"...)
	if p.withUID() {
		b = append(b, ' ')
		b = pr.UID().AppendTo(b)
	}
	b = appendPacketAddrs(b, pr.Pkt, pr.Prober, pr.Target)
	if pr.Proto == tracker.ProtoUDP {
		b = append(b, " UDP len "...)
		b = strconv.AppendInt(b, int64(pr.Len), 10)
	} else {
		b = append(b, " ["...)
		b = pr.Flags.AppendTo(b)
		b = append(b, "] "...)
		b = append(b, pr.Kind.String()...)
	}
	b = append(b, " ×"...)
	b = strconv.AppendInt(b, int64(pr.Count), 10)
	b = append(b, ", answer"...)
	if pr.Answer == tracker.AnswerICMP {
		b = appendICMPName(b, &pr.ICMP) // icmp.go
		b = append(b, " from "...)
		b = pr.AnswerFrom.AppendTo(b)
	} else {
		b = append(b, ' ')
		b = append(b, pr.Answer...)
	}
	if pr.AnswerPkt != 0 {
		b = append(b, " (#"...)
		b = strconv.AppendUint(b, pr.AnswerPkt, 10)
		b = append(b, ')')
	}
	b = append(b, ": "...)
	b = append(b, pr.Verdict...)
	b = append(b, '\n')
	p.out.record(b)
	p.buf = b
	p.out.endPacket()
}

// Probe implements tracker.ProbeObserver: the "probe" record.
func (p *JSON) Probe(pr *tracker.Probe) {
	if p.opts.Quiet {
		return
	}
	b := append(p.buf[:0], `{"type":"probe","ts":`...)
	b = appendEpoch(b, pr.Time)
	b = append(b, `,"uid":"`...)
	b = pr.UID().AppendTo(b)
	b = append(b, '"')
	b = appendUintField(b, "pkt", pr.Pkt)
	b = appendAddrField(b, "orig_h", pr.Prober.Addr())
	b = appendUintField(b, "orig_p", uint64(pr.Prober.Port()))
	b = appendAddrField(b, "resp_h", pr.Target.Addr())
	b = appendUintField(b, "resp_p", uint64(pr.Target.Port()))
	b = appendStrField(b, "proto", pr.Proto)
	if pr.Proto == tracker.ProtoUDP {
		b = appendUintField(b, "len", uint64(pr.Len))
	} else {
		b = append(b, `,"flags":"`...)
		b = pr.Flags.AppendTo(b)
		b = append(b, '"')
	}
	b = appendStrField(b, "kind", pr.Kind.String())
	b = appendUintField(b, "probes", uint64(pr.Count))
	b = appendStrField(b, "answer", pr.Answer)
	if pr.AnswerPkt != 0 {
		b = append(b, `,"answer_ts":`...)
		b = appendEpoch(b, pr.AnswerTime)
		b = appendUintField(b, "answer_pkt", pr.AnswerPkt)
	}
	if pr.Answer == tracker.AnswerICMP {
		b = appendAddrField(b, "answer_from", pr.AnswerFrom)
		b = appendICMPFields(b, &pr.ICMP) // icmp.go
	}
	b = appendStrField(b, "verdict", pr.Verdict)
	b = append(b, "}\n"...)
	p.out.record(b)
	p.buf = b
	p.out.endPacket()
}

// Probe implements tracker.ProbeObserver: each printer that wants probes
// gets them.
func (t tee) Probe(pr *tracker.Probe) {
	for _, p := range t {
		if po, ok := p.(tracker.ProbeObserver); ok {
			po.Probe(pr)
		}
	}
}

// appendProbeSummary appends the text summary's lines on probes,
// evictions and one-sided connections, when there were any.
func appendProbeSummary(b []byte, st *tracker.Stats) []byte {
	if st.Probes > 0 {
		b = append(b, "probes: "...)
		b = strconv.AppendUint(b, st.Probes, 10)
		b = append(b, " (segments that opened no connection, with their answers: see the probe lines or records)\n"...)
	}
	if st.Evicted > 0 {
		b = append(b, "evicted (table full): "...)
		b = strconv.AppendUint(b, st.Evicted, 10)
		b = append(b, " connections: "...)
		b = strconv.AppendUint(b, st.EvictedHalfOpen, 10)
		b = append(b, " half-open, "...)
		b = strconv.AppendUint(b, st.EvictedClosing, 10)
		b = append(b, " closing, "...)
		b = strconv.AppendUint(b, st.EvictedIdle, 10)
		b = append(b, " open and idle longest\n"...)
	}
	if st.Strays > 0 {
		b = append(b, "stray segments: "...)
		b = strconv.AppendUint(b, st.Strays, 10)
		b = append(b, " (after their connection closed: attached to it, no new connection)\n"...)
	}
	if st.UDPProbes > 0 {
		b = append(b, "UDP probes: "...)
		b = strconv.AppendUint(b, st.UDPProbes, 10)
		b = append(b, " (datagrams answered by ICMP or by nothing: see the probe lines or records)\n"...)
	}
	if st.ICMP+st.ICMPUnmatched > 0 {
		b = append(b, "ICMP errors: "...)
		b = strconv.AppendUint(b, st.ICMP, 10)
		b = append(b, " about connections, "...)
		b = strconv.AppendUint(b, st.ICMPUnmatched, 10)
		b = append(b, " about nothing tracked\n"...)
	}
	if st.OneSided > 0 {
		b = append(b, "one-sided connections: "...)
		b = strconv.AppendUint(b, st.OneSided, 10)
		b = append(b, " (captured in one direction only: the other side's segments are inferred)\n"...)
	}
	return b
}

// oneSidedNote is the connection table's note on a one-sided connection.
func oneSidedNote(c *tracker.Conn) string {
	unseen, ok := c.OneSided()
	switch {
	case !ok:
		return ""
	case unseen == tracker.Orig:
		return "one-sided: client not captured"
	}
	return "one-sided: server not captured"
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// appendDatagramSummary appends the JSON summary's counts of UDP probes
// and ICMP errors, when there were any.
func appendDatagramSummary(b []byte, st *tracker.Stats) []byte {
	if st.UDPProbes+st.UDPAnswered > 0 {
		b = appendUintField(b, "udp_probes", st.UDPProbes)
		b = appendUintField(b, "udp_answered", st.UDPAnswered)
	}
	if st.ICMP+st.ICMPUnmatched > 0 {
		b = appendUintField(b, "icmp", st.ICMP)
		b = appendUintField(b, "icmp_unmatched", st.ICMPUnmatched)
	}
	return b
}
