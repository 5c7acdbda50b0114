// Package flagdoc renders a command's documentation from its pflag.FlagSet:
// the --help text, a roff man page and bash and zsh completion scripts. All
// four come from the same flags, so a flag added to the set appears in
// every one of them without further work and none can drift from the
// others.
//
// Flags are sorted into sections by a group annotation (SetGroup); flags
// without one land in a last section, "Other". How a flag's value is
// completed (a file, an interface name, a user, a fixed word list) is
// another annotation (SetComplete). The value's placeholder in the text
// is the back-quoted word of the flag's usage string, as in pflag
// (`FILE`), or else one derived from its type: N for numbers, D for
// durations.
package flagdoc

import (
	"sort"
	"strings"

	"github.com/spf13/pflag"
)

// Annotation keys on a pflag.Flag.
const (
	groupKey    = "flagdoc_group"
	completeKey = "flagdoc_complete"
)

// Completion kinds for SetComplete.
const (
	CompleteFile  = "file"  // a file name
	CompleteIface = "iface" // a network interface (/sys/class/net) or "any"
	CompleteUser  = "user"  // a user name
)

// Other is the section of flags that have no group.
const Other = "Other"

// SetGroup puts the named flags in a help section. It panics on a name
// that is not in fs: that is a programming error, found by any test.
func SetGroup(fs *pflag.FlagSet, group string, names ...string) {
	for _, n := range names {
		if err := fs.SetAnnotation(n, groupKey, []string{group}); err != nil {
			panic("flagdoc: " + err.Error())
		}
	}
}

// SetComplete says how shells complete the flag's value: CompleteFile,
// CompleteIface, CompleteUser, or a fixed list of words.
func SetComplete(fs *pflag.FlagSet, name string, kind ...string) {
	if err := fs.SetAnnotation(name, completeKey, kind); err != nil {
		panic("flagdoc: " + err.Error())
	}
}

// Example is one command line with what it does.
type Example struct {
	Cmd  string
	Text string
}

// Section is a titled run of paragraphs for the man page.
type Section struct {
	Title string
	Paras []string
}

// Page is what the documentation says besides the flags.
type Page struct {
	Name     string   // the command, "flowtrace"
	Summary  string   // one line, for the man page's NAME
	Synopsis []string // argument lines after the name, e.g. "[flags] -r FILE [filter]"
	Desc     []string // DESCRIPTION paragraphs (man page)
	Groups   []string // section order; groups not listed follow, Other last
	Examples []Example
	Footer   string    // last lines of --help
	Sections []Section // more man page sections, after EXAMPLES
}

// flag is one flag as the renderers see it.
type flag struct {
	*pflag.Flag
	arg   string // value placeholder, "" if the flag takes none
	usage string // usage without the back quotes
}

// names is "-r, --read" or "    --json".
func (f flag) names() string {
	if f.Shorthand != "" {
		return "-" + f.Shorthand + ", --" + f.Name
	}
	return "    --" + f.Name
}

// defaultText is the default worth showing, "" when it is the zero value.
func (f flag) defaultText() string {
	switch f.DefValue {
	case "", "0", "false", "0s", "[]":
		return ""
	}
	return f.DefValue
}

// takesArg reports whether the flag needs a value (pflag's NoOptDefVal
// is set for bools and counts).
func (f flag) takesArg() bool { return f.NoOptDefVal == "" }

func (f flag) complete() []string { return f.Annotations[completeKey] }

func newFlag(pf *pflag.Flag) flag {
	name, usage := pflag.UnquoteUsage(pf)
	f := flag{Flag: pf, usage: usage}
	if pf.NoOptDefVal != "" {
		return f
	}
	if strings.Contains(pf.Usage, "`") {
		f.arg = name
		return f
	}
	switch pf.Value.Type() {
	case "duration":
		f.arg = "D"
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64":
		f.arg = "N"
	default:
		f.arg = "VALUE"
	}
	return f
}

type group struct {
	title string
	flags []flag
}

// groups returns the visible flags by section, in fs's order within one.
func groups(fs *pflag.FlagSet, p *Page) []group {
	byTitle := map[string]*group{}
	var order []string
	fs.VisitAll(func(pf *pflag.Flag) {
		if pf.Hidden || pf.Deprecated != "" {
			return
		}
		t := Other
		if g := pf.Annotations[groupKey]; len(g) > 0 {
			t = g[0]
		}
		g, ok := byTitle[t]
		if !ok {
			g = &group{title: t}
			byTitle[t] = g
			order = append(order, t)
		}
		g.flags = append(g.flags, newFlag(pf))
	})
	rank := func(t string) int {
		for i, g := range p.Groups {
			if g == t {
				return i
			}
		}
		if t == Other {
			return len(p.Groups) + 1
		}
		return len(p.Groups)
	}
	sort.SliceStable(order, func(i, j int) bool { return rank(order[i]) < rank(order[j]) })
	out := make([]group, len(order))
	for i, t := range order {
		out[i] = *byTitle[t]
	}
	return out
}

// allFlags is every visible flag, in fs's order.
func allFlags(fs *pflag.FlagSet) []flag {
	var out []flag
	fs.VisitAll(func(pf *pflag.Flag) {
		if !pf.Hidden && pf.Deprecated == "" {
			out = append(out, newFlag(pf))
		}
	})
	return out
}
