package zeeklog

import (
	"strings"
	"testing"
)

const head = "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#open\t2026-11-22-12-00-00\n"

func TestParse(t *testing.T) {
	good := head + "#fields\tts\tid.orig_p\tok\tn\tname\ts\n#types\ttime\tport\tbool\tcount\tstring\tset[string]\n" +
		"1.000000\t80\tT\t3\tab\\x09c\t(empty)\n1.500000\t-\tF\t-\t-\ta,b\n#close\t2026-11-22-12-00-01\n"
	l, err := Parse(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if l.Path != "conn" || l.Open != "2026-11-22-12-00-00" || l.Close != "2026-11-22-12-00-01" || len(l.Rows) != 2 {
		t.Errorf("parsed %+v", l)
	}
	if got := strings.Join(l.Column("id.orig_p"), ","); got != "80,-" {
		t.Errorf("column id.orig_p = %s", got)
	}
	for _, tt := range []struct{ name, log, want string }{
		{"field count", head + "#fields\ta\tb\n#types\tcount\tcount\n1\n", "1 fields; #fields has 2"},
		{"types count", head + "#fields\ta\tb\n#types\tcount\n1\t2\n", "data before #fields and #types of equal length"},
		{"count", head + "#fields\ta\n#types\tcount\n-1\n", `"-1" is not a count`},
		{"port", head + "#fields\ta\n#types\tport\n70000\n", `"70000" is not a port`},
		{"bool", head + "#fields\ta\n#types\tbool\ntrue\n", `"true" is not a bool`},
		{"time", head + "#fields\ta\n#types\ttime\n1.5\n", "not 6 decimals"},
		{"interval", head + "#fields\ta\n#types\tinterval\nx\n", `"x" is not a interval`},
		{"addr", head + "#fields\ta\n#types\taddr\n10.0.0\n", `"10.0.0" is not a addr`},
		{"empty string", head + "#fields\ta\tb\n#types\tstring\tcount\n\t1\n", "empty: should be (empty)"},
		{"separator", "#separator ,\n", "header lines"},
		{"no separator", "#fields\ta\n", "not a #separator line"},
		{"header order", strings.Replace(head, "#path\tconn\n", "", 1) + "#path\tconn\n#fields\ta\n#types\tcount\n", "header lines"},
		{"after close", head + "#fields\ta\n#types\tcount\n#close\tx\n1\n", "data after #close"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.log))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error %v; want %q", err, tt.want)
			}
		})
	}
}
