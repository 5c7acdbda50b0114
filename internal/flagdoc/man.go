package flagdoc

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"
)

// Man writes a man(7) page for section 1: NAME, SYNOPSIS, DESCRIPTION,
// OPTIONS (the flags by section, as in Help), EXAMPLES and p.Sections.
// It carries no date, so the same flags give the same bytes. A paragraph
// that starts with a tab is a literal display, one line per line.
func Man(w io.Writer, fs *pflag.FlagSet, p *Page) error {
	var b strings.Builder
	fmt.Fprintf(&b, ".\\\" Generated from the command's flags by flagdoc.Man: do not edit.\n")
	fmt.Fprintf(&b, ".TH %s 1 \"\" \"%s\" \"User Commands\"\n", strings.ToUpper(p.Name), p.Name)
	b.WriteString(".nh\n") // no hyphenation: pcap-filter(7), not pcap-fil- ter(7)
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n", p.Name, roff(p.Summary))
	b.WriteString(".SH SYNOPSIS\n")
	for i, s := range p.Synopsis {
		if i > 0 {
			b.WriteString(".br\n")
		}
		fmt.Fprintf(&b, "\\fB%s\\fR %s\n", p.Name, roff(s))
	}
	b.WriteString(".SH DESCRIPTION\n")
	paras(&b, p.Desc)
	b.WriteString(".SH OPTIONS\n")
	for _, g := range groups(fs, p) {
		fmt.Fprintf(&b, ".SS \"%s\"\n", g.title)
		for _, f := range g.flags {
			b.WriteString(".TP\n")
			if f.Shorthand != "" {
				fmt.Fprintf(&b, "\\fB\\-%s\\fR, ", f.Shorthand)
			}
			fmt.Fprintf(&b, "\\fB\\-\\-%s\\fR", f.Name)
			if f.arg != "" {
				fmt.Fprintf(&b, " \\fI%s\\fR", f.arg)
			}
			text := f.usage
			if d := f.defaultText(); d != "" {
				text += " (default " + d + ")"
			}
			fmt.Fprintf(&b, "\n%s\n", roff(capital(text)+"."))
		}
	}
	if len(p.Examples) > 0 {
		b.WriteString(".SH EXAMPLES\n")
		for _, e := range p.Examples {
			fmt.Fprintf(&b, ".TP\n\\fB%s\\fR\n%s\n", roff(e.Cmd), roff(capital(e.Text)+"."))
		}
	}
	for _, s := range p.Sections {
		fmt.Fprintf(&b, ".SH \"%s\"\n", strings.ToUpper(s.Title))
		paras(&b, s.Paras)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func paras(b *strings.Builder, ps []string) {
	for _, p := range ps {
		if lit, ok := strings.CutPrefix(p, "\t"); ok {
			b.WriteString(".PP\n.RS\n.nf\n")
			for _, line := range strings.Split(lit, "\n") {
				b.WriteString(roff(line) + "\n")
			}
			b.WriteString(".fi\n.RE\n")
			continue
		}
		b.WriteString(".PP\n" + roff(p) + "\n")
	}
}

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// roff escapes text for a man page line: backslashes, the minus sign of
// options (words starting with -), characters beyond ASCII, and a leading
// control character.
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	words := strings.Split(s, " ")
	for i, w := range words {
		j := 0
		for j < len(w) && strings.ContainsRune("([\"'", rune(w[j])) {
			j++
		}
		if j < len(w) && w[j] == '-' {
			words[i] = w[:j] + strings.ReplaceAll(w[j:], "-", `\-`)
		}
	}
	s = strings.Join(words, " ")
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, `\[u%04X]`, r) // groff's name for any Unicode character
		}
	}
	s = b.String()
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}
