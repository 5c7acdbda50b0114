package printer

import (
	"strconv"

	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/tracker"
)

// The columns of probes.log and findings.log, flowtrace's own logs in
// Zeek's format, named as in the JSON "probe" and "finding" records.
var (
	probeColumns = []zeekColumn{
		{"ts", "time"}, {"uid", "string"}, {"proto", "enum"},
		{"prober_h", "addr"}, {"prober_p", "port"},
		{"target_h", "addr"}, {"target_p", "port"},
		{"kind", "string"}, {"flags", "string"}, {"count", "count"},
		{"answer", "string"}, {"verdict", "string"},
	}
	findingColumns = []zeekColumn{
		{"ts", "time"}, {"kind", "string"}, {"severity", "string"},
		{"subject", "string"}, {"summary", "string"},
		{"fire_ts", "time"}, {"last_ts", "time"},
		{"first_pkt", "count"}, {"fire_pkt", "count"}, {"last_pkt", "count"},
		{"evidence", "string"},
	}
)

// openExtra opens probes.log and findings.log next to conn.log; each is
// created at its first line, as Zeek creates a log.
func (z *ZeekLog) openExtra(dir string) error {
	var err error
	if z.probes, err = openZeekFile(dir, "probes", probeColumns, false); err != nil {
		return err
	}
	z.finds, err = openZeekFile(dir, "findings", findingColumns, false)
	return err
}

// Probe implements tracker.ProbeObserver: the probe's probes.log line.
func (z *ZeekLog) Probe(p *tracker.Probe) {
	if z.probes == nil {
		return
	}
	sep := func(b []byte) []byte { return append(b, zeekSep) }
	b := appendEpoch(z.buf[:0], p.Time)
	b = p.UID().AppendTo(sep(b))
	b = append(sep(b), "tcp"...)
	b = p.Prober.Addr().AppendTo(sep(b))
	b = strconv.AppendUint(sep(b), uint64(p.Prober.Port()), 10)
	b = p.Target.Addr().AppendTo(sep(b))
	b = strconv.AppendUint(sep(b), uint64(p.Target.Port()), 10)
	b = appendZeekString(sep(b), p.Kind.String())
	b = sep(b)
	n := len(b)
	b = p.Flags.AppendTo(b)
	if len(b) == n {
		b = append(b, zeekEmpty...)
	}
	b = strconv.AppendUint(sep(b), uint64(p.Count), 10)
	b = appendZeekString(sep(b), p.Answer)
	b = appendZeekString(sep(b), p.Verdict)
	b = append(b, '\n')
	z.buf = b
	z.probes.line(p.Time, b)
}

// Fired implements findings.Sink: findings.log has the complete finding
// only.
func (z *ZeekLog) Fired(*findings.Finding) {}

// Ended implements findings.Sink: the finding's findings.log line.
func (z *ZeekLog) Ended(f *findings.Finding) {
	if z.finds == nil {
		return
	}
	sep := func(b []byte) []byte { return append(b, zeekSep) }
	b := appendEpoch(z.buf[:0], f.FirstTime)
	b = appendZeekString(sep(b), f.Kind)
	b = appendZeekString(sep(b), string(f.Severity))
	b = appendZeekString(sep(b), f.Subject)
	b = appendZeekString(sep(b), f.Summary)
	b = appendEpoch(sep(b), f.FireTime)
	b = appendEpoch(sep(b), f.LastTime)
	b = strconv.AppendUint(sep(b), f.FirstPkt, 10)
	b = strconv.AppendUint(sep(b), f.FirePkt, 10)
	b = strconv.AppendUint(sep(b), f.LastPkt, 10)
	b = appendZeekString(sep(b), string(f.Evidence.JSON()))
	b = append(b, '\n')
	z.buf = b
	z.finds.line(f.LastTime, b)
}
