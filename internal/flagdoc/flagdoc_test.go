package flagdoc

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

func testSet() *pflag.FlagSet {
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.StringP("read", "r", "", "read `FILE`")
	fs.Bool("json", false, "JSON [lines]: one record per line")
	fs.CountP("numeric", "n", "ignored")
	fs.Duration("wait", time.Minute, "how long")
	fs.Int("max", 0, "at most this many")
	fs.Bool("on", true, "on by default")
	fs.String("added-later", "x", "a flag nobody grouped")
	fs.Bool("secret", false, "hidden")
	fs.MarkHidden("secret")
	SetGroup(fs, "In", "read", "numeric", "wait", "max")
	SetGroup(fs, "Out", "json", "on")
	SetComplete(fs, "read", CompleteFile)
	return fs
}

func TestHelpLayout(t *testing.T) {
	var b bytes.Buffer
	p := &Page{Name: "t", Synopsis: []string{"-r FILE"}, Groups: []string{"Out", "In"},
		Examples: []Example{{Cmd: "t -r x", Text: "read x"}}, Footer: "Exit status: 0."}
	if err := Help(&b, testSet(), p); err != nil {
		t.Fatal(err)
	}
	want := `Usage: t -r FILE

Out:
      --json                    JSON [lines]: one record per line
      --on                      on by default (default true)

In:
  -r, --read FILE               read FILE
  -n, --numeric                 ignored
      --wait D                  how long (default 1m0s)
      --max N                   at most this many

Other:
      --added-later VALUE       a flag nobody grouped (default x)

Examples:
  t -r x  # read x

Exit status: 0.
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestWrap(t *testing.T) {
	got := wrap("aaa bbb ccc ddd", 4, 12)
	if want := "aaa bbb\n    ccc ddd"; got != want {
		t.Errorf("wrap: %q; want %q", got, want)
	}
}

func TestRoff(t *testing.T) {
	for in, want := range map[string]string{
		`use -r or --read`:   `use \-r or \-\-read`,
		`a\b`:                `a\eb`,
		`.starts with a dot`: `\&.starts with a dot`,
		`'quoted`:            `\&'quoted`,
		`(-nn too)`:          `(\-nn too)`,
		`2×MSL`:              `2\[u00D7]MSL`,
		`non-option hyphen`:  `non-option hyphen`,
	} {
		if got := roff(in); got != want {
			t.Errorf("roff(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestManSections(t *testing.T) {
	var b bytes.Buffer
	p := &Page{Name: "t", Summary: "test", Synopsis: []string{"-r FILE"}, Desc: []string{"Reads."},
		Sections: []Section{{Title: "Permissions", Paras: []string{"Some.", "\tsetcap x\nsecond line"}}}}
	if err := Man(&b, testSet(), p); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{".TH T 1", ".SH NAME\nt \\- test\n", ".SS \"Other\"\n", "\\fB\\-r\\fR, \\fB\\-\\-read\\fR \\fIFILE\\fR\nRead FILE.\n",
		".SH \"PERMISSIONS\"\n.PP\nSome.\n.PP\n.RS\n.nf\nsetcap x\nsecond line\n.fi\n.RE\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("man page lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "secret") {
		t.Error("man page shows a hidden flag")
	}
}

func TestZshSpecs(t *testing.T) {
	var b bytes.Buffer
	if err := Zsh(&b, testSet(), "t"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`'(-r --read)'{-r+,--read=}'[read FILE]'':FILE:_files'`,
		`'--json''[JSON \[lines\]\: one record per line]'`,
		`'*'{-n,--numeric}'[ignored]'`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("zsh script lacks %s:\n%s", want, b.String())
		}
	}
}
