package printer

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/internal/zeeklog"
)

// TestZeekLog reads the conn.log of session() as zeek-cut does and checks
// its header and every column of both connections.
func TestZeekLog(t *testing.T) {
	var out bytes.Buffer
	z := NewZeekLog(&out)
	feed(z, session())
	if err := z.Close(Summary{}); err != nil {
		t.Fatal(err)
	}
	l, err := zeeklog.Parse(&out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if l.Path != "conn" || l.Open != "2026-11-22-12-00-00" || l.Close != "2026-11-22-12-01-01" {
		t.Errorf("path %q open %q close %q", l.Path, l.Open, l.Close)
	}
	if len(l.Rows) != 2 {
		t.Fatalf("%d lines; want 2", len(l.Rows))
	}
	want := []map[string]string{{
		"ts": "1795348800.000000", "id.orig_h": "fd00::1", "id.orig_p": "40000", "id.resp_h": "fd00::2", "id.resp_p": "443",
		"proto": "tcp", "service": "-", "duration": "0.006000", "orig_bytes": "10", "resp_bytes": "0",
		"conn_state": "SF", "local_orig": "-", "local_resp": "-", "missed_bytes": "0", "history": "ShADFf",
		"orig_pkts": "5", "orig_ip_bytes": "310", "resp_pkts": "2", "resp_ip_bytes": "120", "tunnel_parents": "-", "ip_proto": "6",
		"orig_state": "CLOSED", "resp_state": "CLOSED", "orig_inferred": "F", "resp_inferred": "F", "midstream": "F",
		"end": "closed by client", "removed": "-",
	}, {
		// One packet: Zeek leaves duration and the byte counts unset.
		"ts": "1795348861.000000", "id.orig_p": "40001", "duration": "-", "orig_bytes": "-", "resp_bytes": "-",
		"conn_state": "OTH", "history": "R", "orig_pkts": "1", "resp_pkts": "0", "midstream": "T",
	}}
	for i, w := range want {
		for k, v := range w {
			if got := l.Rows[i][k]; got != v {
				t.Errorf("line %d: %s = %q; want %q", i+1, k, got, v)
			}
		}
		if u := l.Rows[i]["uid"]; len(u) != 18 || u[0] != 'C' {
			t.Errorf("line %d: uid %q", i+1, u)
		}
	}
}

// TestZeekLogUIDs checks that each connection has the same uid in the
// conn.log as in the JSON records about it.
func TestZeekLogUIDs(t *testing.T) {
	var js, zl bytes.Buffer
	p := Tee(NewJSON(&js, Options{Verbose: true}), NewZeekLog(&zl))
	feed(p, session())
	if err := p.Close(Summary{}); err != nil {
		t.Fatal(err)
	}
	l, err := zeeklog.Parse(&zl)
	if err != nil {
		t.Fatal(err)
	}
	byConn := map[float64]string{} // JSON conn number → uid, from every record
	var connUIDs []string
	for _, line := range strings.Split(strings.TrimSpace(js.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		if rec["type"] == "summary" {
			continue
		}
		n, uid := rec["conn"].(float64), rec["uid"].(string)
		if prev, ok := byConn[n]; ok && prev != uid {
			t.Errorf("conn %v has uids %s and %s", n, prev, uid)
		}
		byConn[n] = uid
		if rec["type"] == "conn" {
			connUIDs = append(connUIDs, uid)
		}
	}
	if got, want := strings.Join(l.Column("uid"), " "), strings.Join(connUIDs, " "); got != want || len(connUIDs) != 2 {
		t.Errorf("conn.log uids %s; JSON conn uids %s", got, want)
	}
}

// TestZeekLogEmpty: an input without TCP still gives a complete file.
func TestZeekLogEmpty(t *testing.T) {
	var out bytes.Buffer
	if err := NewZeekLog(&out).Close(Summary{}); err != nil {
		t.Fatal(err)
	}
	l, err := zeeklog.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Rows) != 0 || l.Open != "1970-01-01-00-00-00" || l.Close != l.Open {
		t.Errorf("%+v", l)
	}
}

func TestOpenZeekLog(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	z, err := OpenZeekLog(dir)
	if err != nil {
		t.Fatal(err)
	}
	feed(z, session())
	if err := z.Close(Summary{}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "conn.log"))
	if err != nil || !strings.HasPrefix(string(b), "#separator \\x09\n") || !strings.Contains(string(b), "\n#close\t") {
		t.Errorf("conn.log: %v\n%s", err, b)
	}
	file := filepath.Join(t.TempDir(), "f")
	os.WriteFile(file, nil, 0o644)
	if _, err := OpenZeekLog(file); err == nil || !strings.HasPrefix(err.Error(), "zeek log: ") {
		t.Errorf("OpenZeekLog on a file: %v", err)
	}
}

func TestZeekString(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"SF", "SF"},
		{"", "(empty)"},
		{"-", "\\x2d"},
		{"(empty)", "\\x28empty)"},
		{"--", "--"},
		{"a\tb", "a\\x09b"},
		{"\x00\x7f\xff", "\\x00\\x7f\\xff"},
		{"a\\b", "a\\b"},
	} {
		if got := string(appendZeekString(nil, tt.in)); got != tt.want {
			t.Errorf("%q: got %q; want %q", tt.in, got, tt.want)
		}
	}
}
