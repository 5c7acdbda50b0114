package printer

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/flowtrace/flowtrace/findings"
)

// Findings (findings.Sink): conclusions the findings engine draws. The
// text transcript prints a marker where one fires,
//
//	06:00:03.412000 #1234 ! finding syn-flood on 10.0.0.2:8080: 100 half-open connections from 97 sources in 2.1 s
//
// and a "findings" section after the tables; the JSON output writes a
// "finding_fired" record where one fires and one "finding" record, the
// complete one, when its episode ends: count "finding" records to count
// findings. -q prints no marker and no "finding_fired" record; with
// Options.FindingsOnly (--findings) only findings are printed.

var _ findings.Sink = (*Text)(nil)
var _ findings.Sink = (*JSON)(nil)

// Fired implements findings.Sink: the transcript's marker.
func (p *Text) Fired(f *findings.Finding) {
	if p.opts.Quiet && !p.opts.FindingsOnly {
		return
	}
	b := p.appendTime(p.buf[:0], f.FireTime)
	if f.FirePkt != 0 {
		b = append(b, '#')
		b = strconv.AppendUint(b, f.FirePkt, 10)
		b = append(b, ' ')
	}
	b = append(b, "! finding "...)
	b = append(b, f.Kind...)
	b = append(b, " on "...)
	b = append(b, f.Subject...)
	if f.Summary != "" {
		b = append(b, ": "...)
		b = append(b, f.Summary...)
	}
	b = append(b, '\n')
	p.out.record(b)
	p.buf = b
	p.out.endPacket()
}

// Ended implements findings.Sink: the finding waits for the section at
// Close.
func (p *Text) Ended(f *findings.Finding) {
	p.findings = append(p.findings, sectionEntry{
		kind: f.Kind, severity: string(f.Severity), subject: f.Subject,
		first: f.FirstTime, last: f.LastTime,
		firstPkt: f.FirstPkt, lastPkt: f.LastPkt,
		explanation: f.Explanation, advice: f.Advice,
	})
}

// Note implements findings.NoteSink: a line for the end of the findings
// section (the count of RSTs per class), printed only when the section
// has findings, so that ordinary transcripts stay as they were.
func (p *Text) Note(line string) { p.notes = append(p.notes, line) }

// sectionEntry is what the findings section prints of a finding.
type sectionEntry struct {
	kind, severity, subject string
	first, last             time.Time
	firstPkt, lastPkt       uint64
	explanation, advice     string
}

// findingsChunk is how much of the findings section appendFindings
// gathers before writing it out.
const findingsChunk = 32 << 10

// appendFindings appends the findings section: a heading and, per
// finding in the order the episodes ended, a line naming it and its
// span, then its explanation and advice wrapped as a paragraph. It writes
// b out whenever it holds findingsChunk bytes, so that a section of many
// findings is not gathered whole in memory: the caller writes what is
// left.
func (p *Text) appendFindings(b []byte) []byte {
	if len(p.findings) == 0 {
		if p.opts.FindingsOnly {
			b = append(b, "findings: none\n"...)
		}
		return b
	}
	if !p.opts.FindingsOnly {
		b = append(b, '\n')
	}
	b = append(b, "findings ("...)
	b = strconv.AppendInt(b, int64(len(p.findings)), 10)
	b = append(b, ", times in "...)
	b = p.tableClock.appendZones(b)
	b = append(b, "):\n"...)
	for i, f := range p.findings {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, "  "...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, ". "...)
		b = append(b, f.kind...)
		b = append(b, " on "...)
		b = append(b, f.subject...)
		b = append(b, " ("...)
		b = append(b, f.severity...)
		b = append(b, "), "...)
		b = appendTOD(b, p.tableClock.wall(f.first))
		if !f.last.Equal(f.first) {
			b = append(b, " to "...)
			b = appendTOD(b, p.tableClock.wall(f.last))
		}
		if f.firstPkt != 0 {
			b = append(b, ", packets #"...)
			b = strconv.AppendUint(b, f.firstPkt, 10)
			if f.lastPkt > f.firstPkt {
				b = append(b, " to #"...)
				b = strconv.AppendUint(b, f.lastPkt, 10)
			}
		}
		b = append(b, '\n')
		b = appendWrapped(b, f.explanation, "     ", 78)
		if f.advice != "" {
			var col int
			b, col = appendWords(b, 0, "Advice:", "     ", 78)
			b, col = appendWords(b, col, f.advice, "     ", 78)
			b = endWrapped(b, col)
		}
		if len(b) >= findingsChunk {
			p.out.w.Write(b)
			b = b[:0]
		}
	}
	if len(p.notes) > 0 {
		b = append(b, '\n')
		for _, n := range p.notes {
			b = appendWrapped(b, n, "  ", 78)
		}
	}
	return b
}

// appendWrapped appends text as lines of at most width columns (a
// longer word stands alone), each starting with indent.
func appendWrapped(b []byte, text, indent string, width int) []byte {
	b, col := appendWords(b, 0, text, indent, width)
	return endWrapped(b, col)
}

// appendWords appends text's words to a wrapped paragraph whose current
// line has col columns (0: none yet), and returns the new col. It
// allocates nothing (the findings section may hold many thousands of
// paragraphs).
func appendWords(b []byte, col int, text, indent string, width int) ([]byte, int) {
	for w := range strings.FieldsSeq(text) {
		n := utf8.RuneCountInString(w)
		switch {
		case col == 0:
			b = append(b, indent...)
			col = len(indent)
		case col+1+n > width:
			b = append(b, '\n')
			b = append(b, indent...)
			col = len(indent)
		default:
			b = append(b, ' ')
			col++
		}
		b = append(b, w...)
		col += n
	}
	return b, col
}

// endWrapped ends a wrapped paragraph whose last line has col columns.
func endWrapped(b []byte, col int) []byte {
	if col > 0 {
		b = append(b, '\n')
	}
	return b
}

// Fired implements findings.Sink: the "finding_fired" record.
func (p *JSON) Fired(f *findings.Finding) {
	if p.opts.Quiet && !p.opts.FindingsOnly {
		return
	}
	b := append(p.buf[:0], `{"type":"finding_fired","ts":`...)
	b = appendEpoch(b, f.FireTime)
	b = appendUintField(b, "pkt", f.FirePkt)
	b = appendStrField(b, "kind", f.Kind)
	b = appendStrField(b, "severity", string(f.Severity))
	b = appendStrField(b, "subject", f.Subject)
	b = appendStrField(b, "summary", f.Summary)
	b = append(b, "}\n"...)
	p.out.record(b)
	p.buf = b
	p.out.endPacket()
}

// Ended implements findings.Sink: the "finding" record, fields in a
// fixed order.
func (p *JSON) Ended(f *findings.Finding) {
	b := AppendFinding(p.buf[:0], f)
	p.out.record(b)
	p.buf = b
	p.out.endPacket()
}

// AppendFinding appends f's "finding" record and a newline:
// {"type":"finding","kind","severity","first_ts","last_ts","first_pkt",
// "last_pkt","subject","evidence","explanation","advice"}.
func AppendFinding(b []byte, f *findings.Finding) []byte {
	b = append(b, `{"type":"finding"`...)
	b = appendStrField(b, "kind", f.Kind)
	b = appendStrField(b, "severity", string(f.Severity))
	b = append(b, `,"first_ts":`...)
	b = appendEpoch(b, f.FirstTime)
	b = append(b, `,"last_ts":`...)
	b = appendEpoch(b, f.LastTime)
	b = appendUintField(b, "first_pkt", f.FirstPkt)
	b = appendUintField(b, "last_pkt", f.LastPkt)
	b = appendStrField(b, "subject", f.Subject)
	b = append(b, `,"evidence":`...)
	b = append(b, f.Evidence.JSON()...)
	b = appendStrField(b, "explanation", f.Explanation)
	b = appendStrField(b, "advice", f.Advice)
	return append(b, "}\n"...)
}
