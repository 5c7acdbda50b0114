package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/internal/zeeklog"
)

// zeekGolden are the traces whose conn.log is kept in testdata/golden.
var zeekGolden = []string{"client-close", "ipv6", "loss-upstream", "midstream", "port-reuse", "refused"}

// TestZeekLogGolden compares the --zeek-log conn.log of a few traces with
// their golden files (go test -update rewrites them), and checks that the
// flag leaves stdout as it was.
func TestZeekLogGolden(t *testing.T) {
	for _, name := range zeekGolden {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(pcapDir, name+".pcap")
			dir := filepath.Join(t.TempDir(), "logs")
			out, stderr, code := flowtrace(t, nil, "-r", path, "--zeek-log", dir)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			plain, _, _ := flowtrace(t, nil, "-r", path)
			if out != plain {
				t.Errorf("--zeek-log changed stdout:\n%s", diffLines(plain, out))
			}
			got, err := os.ReadFile(filepath.Join(dir, "conn.log"))
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join(goldenDir, name+".conn.log")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("conn.log differs from %s (go test -update rewrites it):\n%s", golden, diffLines(string(want), string(got)))
			}
		})
	}
}

// TestZeekLogMatchesJSON reads the conn.log of every bundled trace as
// zeek-cut does (fields by name, every line as wide as #fields, values
// that parse as their #types) and checks it line by line against the
// JSON conn records of the same run: the same connections in the same
// order, the same uid, and the same counts.
func TestZeekLogMatchesJSON(t *testing.T) {
	for _, path := range traces(t) {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			out, stderr, code := flowtrace(t, nil, "-r", path, "--json", "-v", "--zeek-log", dir)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			raw, err := os.ReadFile(filepath.Join(dir, "conn.log"))
			if err != nil {
				t.Fatal(err)
			}
			logText := string(raw)
			l, err := zeeklog.Parse(strings.NewReader(logText))
			if err != nil {
				t.Fatal(err)
			}
			if l.Path != "conn" || l.Open == "" || l.Close == "" {
				t.Errorf("header: path %q open %q close %q", l.Path, l.Open, l.Close)
			}
			uids := map[float64]string{} // every record's uid, by conn number
			var conns []map[string]any
			probes := 0
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				var rec map[string]any
				if err := json.Unmarshal([]byte(line), &rec); err != nil {
					t.Fatal(err)
				}
				if rec["type"] == "summary" || rec["type"] == "finding" || rec["type"] == "finding_fired" {
					continue // about no one connection
				}
				if rec["type"] == "probe" {
					// A probe is no connection: it has no conn.log line.
					if strings.Contains(logText, rec["uid"].(string)) {
						t.Errorf("probe %s is in the conn.log", rec["uid"])
					}
					probes++
					continue
				}
				n, uid := rec["conn"].(float64), rec["uid"].(string)
				if prev, ok := uids[n]; ok && prev != uid {
					t.Errorf("conn %v: %s record has uid %s, an earlier one %s", n, rec["type"], uid, prev)
				}
				uids[n] = uid
				if rec["type"] == "conn" {
					conns = append(conns, rec)
				}
			}
			if len(l.Rows) != len(conns) || len(conns) == 0 && probes == 0 {
				t.Fatalf("%d conn.log lines, %d JSON conn records", len(l.Rows), len(conns))
			}
			num := func(v any) string { return strconv.FormatFloat(v.(float64), 'f', -1, 64) }
			for i, rec := range conns {
				row := l.Rows[i]
				want := map[string]string{
					"uid": rec["uid"].(string), "id.orig_h": rec["orig_h"].(string), "id.orig_p": num(rec["orig_p"]),
					"id.resp_h": rec["resp_h"].(string), "id.resp_p": num(rec["resp_p"]), "proto": rec["proto"].(string),
					"conn_state": rec["conn_state"].(string), "history": rec["history"].(string),
					"orig_pkts": num(rec["orig_pkts"]), "resp_pkts": num(rec["resp_pkts"]),
					"orig_ip_bytes": num(rec["orig_ip_bytes"]), "resp_ip_bytes": num(rec["resp_ip_bytes"]),
					"missed_bytes": num(rec["missed_bytes"]), "orig_state": rec["orig_state"].(string),
					"resp_state": rec["resp_state"].(string), "end": rec["end"].(string),
				}
				if want["history"] == "" {
					want["history"] = "-" // Zeek leaves an empty history unset
				}
				if rec["duration"].(float64) > 0 {
					want["orig_bytes"], want["resp_bytes"] = num(rec["orig_seq_bytes"]), num(rec["resp_seq_bytes"])
				} else {
					want["duration"], want["orig_bytes"], want["resp_bytes"] = "-", "-", "-"
				}
				for k, v := range want {
					if row[k] != v {
						t.Errorf("conn %v: conn.log %s = %q; JSON says %q", rec["conn"], k, row[k], v)
					}
				}
				if ip, pkts := row["orig_ip_bytes"], row["orig_pkts"]; ip != "0" && pkts != "0" {
					n, _ := strconv.Atoi(ip)
					p, _ := strconv.Atoi(pkts)
					if n < 40*p {
						t.Errorf("conn %v: %d IP bytes in %d packets", rec["conn"], n, p)
					}
				}
			}
		})
	}
}

func TestZeekLogErrors(t *testing.T) {
	good := filepath.Join(pcapDir, "client-close.pcap")
	file := writeFile(t, "conn", []byte("x"))
	for _, tt := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"empty dir", []string{"-r", good, "--zeek-log="}, 2, "flowtrace: --zeek-log needs a directory"},
		{"dir is a file", []string{"-r", good, "--zeek-log", file}, 1, "flowtrace: zeek log: mkdir " + file + ": not a directory"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := flowtrace(t, nil, tt.args...)
			if code != tt.code || strings.SplitN(stderr, "\n", 2)[0] != tt.msg {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr, tt.code, tt.msg)
			}
		})
	}
}

// TestZeekLogLive checks --zeek-log in the live loop: the conn.log equals
// the golden one of the same trace read from the file.
func TestZeekLogLive(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "live")
	if _, _, err, _ := liveRun(t, "port-reuse.pcap", time.Second, "--zeek-log", dir); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "conn.log"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(goldenDir, "port-reuse.conn.log"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("live conn.log differs from the replay's:\n%s", diffLines(string(want), string(got)))
	}
}
