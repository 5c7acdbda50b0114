package flagdoc

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/pflag"
)

// Help layout: the description column and the line width. Fixed, not the
// terminal's, so the text is the same everywhere (and testable).
const (
	helpWidth  = 80
	helpColumn = 32
)

// Help writes the --help text: usage lines, the flags by section,
// examples and the footer. Unlike pflag's FlagUsages it prints no
// "[=true|false]" for flags that take no value, and every placeholder is
// the flag's own (FILE, N, D...).
func Help(w io.Writer, fs *pflag.FlagSet, p *Page) error {
	var b strings.Builder
	for i, s := range p.Synopsis {
		lead := "Usage: "
		if i > 0 {
			lead = "       "
		}
		fmt.Fprintf(&b, "%s%s %s\n", lead, p.Name, s)
	}
	for _, g := range groups(fs, p) {
		fmt.Fprintf(&b, "\n%s:\n", g.title)
		for _, f := range g.flags {
			helpFlag(&b, f)
		}
	}
	if len(p.Examples) > 0 {
		b.WriteString("\nExamples:\n")
		width := 0
		for _, e := range p.Examples {
			width = max(width, len(e.Cmd))
		}
		for _, e := range p.Examples {
			fmt.Fprintf(&b, "  %-*s  # %s\n", width, e.Cmd, e.Text)
		}
	}
	if p.Footer != "" {
		b.WriteByte('\n')
		for _, line := range strings.Split(p.Footer, "\n") {
			text := strings.TrimLeft(line, " ")
			indent := len(line) - len(text)
			b.WriteString(strings.Repeat(" ", indent) + wrap(text, indent, helpWidth) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func helpFlag(b *strings.Builder, f flag) {
	left := "  " + f.names()
	if f.arg != "" {
		left += " " + f.arg
	}
	text := f.usage
	if d := f.defaultText(); d != "" {
		text += " (default " + d + ")"
	}
	if len(left) >= helpColumn-1 {
		b.WriteString(left + "\n" + strings.Repeat(" ", helpColumn))
	} else {
		b.WriteString(left + strings.Repeat(" ", helpColumn-len(left)))
	}
	b.WriteString(wrap(text, helpColumn, helpWidth) + "\n")
}

// wrap breaks s into lines of at most width columns; lines after the
// first are indented by indent spaces (the first is assumed to be).
func wrap(s string, indent, width int) string {
	var b strings.Builder
	col := indent
	for i, word := range strings.Fields(s) {
		if i > 0 {
			if col+1+utf8.RuneCountInString(word) > width {
				b.WriteString("\n" + strings.Repeat(" ", indent))
				col = indent
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(word)
		col += utf8.RuneCountInString(word)
	}
	return b.String()
}
