package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/internal/chserver"
	"github.com/flowtrace/flowtrace/sink/clickhouse"
)

// sinkTables are the tables a sensor fills; host_states_1m is the roll-up.
var sinkTables = []string{"conns", "transitions", "findings", "probes", "states"}

func createSchema(t *testing.T, srv *chserver.Server, db string) {
	t.Helper()
	for _, stmt := range clickhouse.Statements(clickhouse.SchemaOptions{Database: db}) {
		srv.MustQuery(stmt)
	}
}

// pcapRecords splits a little- or big-endian pcap file into its global
// header and its records, to stream it as a live source would.
func pcapRecords(t *testing.T, path string) (hdr []byte, recs [][]byte) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if bytes.Equal(data[:4], []byte{0xa1, 0xb2, 0xc3, 0xd4}) || bytes.Equal(data[:4], []byte{0xa1, 0xb2, 0x3c, 0x4d}) {
		bo = binary.BigEndian
	}
	hdr, data = data[:24], data[24:]
	for len(data) >= 16 {
		n := 16 + int(bo.Uint32(data[8:12]))
		recs, data = append(recs, data[:n]), data[n:]
	}
	return hdr, recs
}

// sensor is one flowtrace process's worth: run with -r - on a pipe that
// the test feeds, like a live capture.
type sensor struct {
	name   string
	w      *io.PipeWriter
	recs   [][]byte
	fed    int
	stdout bytes.Buffer
	stderr bytes.Buffer
	code   chan int
}

func startSensor(t *testing.T, name, trace string, args ...string) *sensor {
	t.Helper()
	hdr, recs := pcapRecords(t, trace)
	r, w := io.Pipe()
	s := &sensor{name: name, w: w, recs: recs, code: make(chan int, 1)}
	go func() {
		// -c turns read-ahead off (it waits for 512 segments): every
		// packet is handled as it arrives, as in a live capture.
		args := append([]string{"--json", "-q", "-r", "-", "-c", "1000000000", "--sensor", name}, args...)
		s.code <- run(context.Background(), args, r, &s.stdout, &s.stderr)
		r.Close()
	}()
	if _, err := w.Write(hdr); err != nil {
		t.Fatal(err)
	}
	return s
}

// feed writes the records up to fraction of the trace, a few at a time.
func (s *sensor) feed(t *testing.T, fraction float64) {
	t.Helper()
	end := int(float64(len(s.recs)) * fraction)
	for s.fed < end {
		n := min(s.fed+max(len(s.recs)/40, 1), end)
		for _, rec := range s.recs[s.fed:n] {
			if _, err := s.w.Write(rec); err != nil {
				t.Fatalf("sensor %s: %v", s.name, err)
			}
		}
		s.fed = n
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *sensor) finish(t *testing.T) {
	t.Helper()
	s.feed(t, 1)
	s.w.Close()
	select {
	case code := <-s.code:
		if code != exitOK {
			t.Fatalf("sensor %s: exit %d\n%s", s.name, code, s.stderr.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("sensor %s did not finish", s.name)
	}
}

func countIn(t *testing.T, srv *chserver.Server, db, table, sensor, final string) int {
	t.Helper()
	out := srv.MustQuery(fmt.Sprintf("SELECT count() FROM %s.%s %s WHERE sensor = '%s'", db, table, final, sensor))
	n, err := strconv.Atoi(out)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSinkClickHouse runs two sensors into a real clickhouse-server,
// kills the server in the middle of their runs and starts it again, and
// checks with SQL that every row arrived exactly once: the same rows as
// in a control database filled without trouble.
func TestSinkClickHouse(t *testing.T) {
	srv := chserver.Start(t)
	createSchema(t, srv, "control")
	createSchema(t, srv, "fleet")
	url := func(db string) string { return "clickhouse=" + srv.URL() + "?database=" + db }
	traces := map[string]string{
		"a": "../../testdata/pcaps/syn-flood.pcap",
		"b": "../../testdata/pcaps/syn-scan.pcap",
		"c": "../../testdata/pcaps/stealth-xmas.pcap",
	}
	flags := []string{"--sink-transitions", "--sink-batch-rows", "40", "--sink-batch-wait", "50ms"}

	// The control: each trace straight into its own database.
	wantConns := map[string]int{}
	for _, name := range []string{"a", "b", "c"} {
		var out, errb bytes.Buffer
		args := []string{"--json", "-q", "-r", traces[name], "--sink", url("control"), "--sensor", name, "--sink-transitions", "--sink-flush-wait", "60s"}
		if code := run(context.Background(), args, nil, &out, &errb); code != exitOK {
			t.Fatalf("control %s: exit %d\n%s", name, code, errb.String())
		}
		if errb.Len() > 0 {
			t.Logf("control %s: %s", name, errb.String())
		}
		wantConns[name] = strings.Count(out.String(), `"type":"conn"`)
		if got := countIn(t, srv, "control", "conns", name, "FINAL"); got != wantConns[name] {
			t.Errorf("control: sensor %s: %d conns in ClickHouse, %d conn records printed", name, got, wantConns[name])
		}
	}

	// Two sensors streaming their traces; the server dies in the middle.
	spool := t.TempDir()
	var sensors []*sensor
	for _, name := range []string{"a", "b"} {
		args := append([]string{"--sink", url("fleet"), "--sink-spool", filepath.Join(spool, name), "--sink-queue", "2K", "--sink-flush-wait", "30s"}, flags...)
		sensors = append(sensors, startSensor(t, name, traces[name], args...))
	}
	for _, s := range sensors {
		s.feed(t, 0.4)
	}
	waitRows(t, srv, "fleet", "transitions", 1)
	srv.Kill()
	for _, s := range sensors {
		s.feed(t, 0.8)
	}
	time.Sleep(300 * time.Millisecond) // retries fail, batches spool
	spooled := 0
	for _, name := range []string{"a", "b"} {
		ents, _ := os.ReadDir(filepath.Join(spool, name))
		spooled += len(ents)
	}
	if spooled == 0 {
		t.Errorf("nothing was spooled while the server was down")
	}
	srv.Restart()
	for _, s := range sensors {
		s.finish(t)
		if got := strings.Count(s.stdout.String(), `"type":"conn"`); got != wantConns[s.name] {
			t.Errorf("sensor %s printed %d conn records, the control %d", s.name, got, wantConns[s.name])
		}
	}

	// The third sensor runs while the server is down and stops with the
	// flush deadline passed: its batches stay in the spool, and the next
	// start (with no input of its own) delivers them.
	srv.Kill()
	spoolC := filepath.Join(spool, "c")
	var out, errb bytes.Buffer
	args := append([]string{"-q", "-r", traces["c"], "--sink", url("fleet"), "--sensor", "c", "--sink-spool", spoolC, "--sink-flush-wait", "300ms"}, flags...)
	if code := run(context.Background(), args, nil, &out, &errb); code != exitOK {
		t.Fatalf("sensor c, server down: exit %d\n%s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "left in the spool") {
		t.Errorf("sensor c did not report its spooled batches:\n%s", errb.String())
	}
	if ents, _ := os.ReadDir(spoolC); len(ents) == 0 {
		t.Fatalf("sensor c left nothing in the spool %s", spoolC)
	}
	srv.Restart()
	empty := filepath.Join(t.TempDir(), "empty.pcap")
	hdr, _ := pcapRecords(t, traces["c"])
	if err := os.WriteFile(empty, hdr, 0o644); err != nil {
		t.Fatal(err)
	}
	errb.Reset()
	args = []string{"-q", "-r", empty, "--sink", url("fleet"), "--sensor", "c", "--sink-spool", spoolC}
	if code := run(context.Background(), args, nil, &out, &errb); code != exitOK {
		t.Fatalf("sensor c, second start: exit %d\n%s", code, errb.String())
	}
	if ents, _ := os.ReadDir(spoolC); len(ents) != 0 {
		t.Errorf("sensor c's spool still holds %d batches after the second start:\n%s", len(ents), errb.String())
	}

	// Every row exactly once: the same rows as the control, none twice.
	for _, name := range []string{"a", "b", "c"} {
		for _, table := range sinkTables {
			want := countIn(t, srv, "control", table, name, "FINAL")
			got := countIn(t, srv, "fleet", table, name, "FINAL")
			raw := countIn(t, srv, "fleet", table, name, "")
			if got != want {
				t.Errorf("sensor %s, %s: %d rows, the control has %d", name, table, got, want)
			}
			if raw != got {
				t.Logf("sensor %s, %s: %d rows stored, %d after deduplication (a retried insert)", name, table, raw, got)
			}
			q := "SELECT %s AS k FROM %s.%s FINAL WHERE sensor = '" + name + "' ORDER BY k FORMAT TSV"
			var cols string
			switch table {
			case "conns":
				cols = "concat(uid, ' ', orig_state, ' ', resp_state, ' ', toString(orig_pkts))"
			case "transitions":
				cols = "concat(uid, ' ', toString(pkt), ' ', side, ' ', to_state)"
			case "findings":
				cols = "concat(kind, ' ', subject, ' ', evidence)"
			case "probes":
				cols = "concat(uid, ' ', verdict)"
			case "states":
				cols = "concat(toString(minute), ' ', host, ' ', state, ' ', toString(endpoints))"
			}
			if c, f := srv.MustQuery(fmt.Sprintf(q, cols, "control", table)), srv.MustQuery(fmt.Sprintf(q, cols, "fleet", table)); c != f {
				t.Errorf("sensor %s, %s: the rows differ from the control's: %s", name, table, firstDiff(c, f))
			}
		}
	}
	if n := countIn(t, srv, "fleet", "conns", "a", "FINAL"); n != wantConns["a"] {
		t.Errorf("sensor a: %d conns, want %d", n, wantConns["a"])
	}

	// The questions of the README's Many sensors section.
	rows := srv.MustQuery("SELECT sensor, count() FROM fleet.conns FINAL GROUP BY sensor ORDER BY sensor")
	if want := fmt.Sprintf("a\t%d\nb\t%d", wantConns["a"], wantConns["b"]); rows != want {
		t.Errorf("rows per sensor:\n%s\nwant\n%s", rows, want)
	}
	if got := srv.MustQuery("SELECT kind, sensor FROM fleet.findings FINAL ORDER BY sensor"); got != "syn-flood\ta\nport-scan\tb\nos-fingerprint\tc" {
		t.Errorf("findings by sensor:\n%s", got)
	}
	if got := srv.MustQuery("SELECT count() FROM fleet.probes FINAL WHERE sensor = 'c'"); got == "0" {
		t.Errorf("no probes from sensor c")
	}
	roll := srv.MustQuery("SELECT count(), sum(p) FROM (SELECT host, minute, state, maxMerge(peak) AS p FROM fleet.host_states_1m GROUP BY host, minute, state)")
	direct := srv.MustQuery("SELECT count(), sum(p) FROM (SELECT host, minute, state, max(endpoints) AS p FROM fleet.states FINAL GROUP BY host, minute, state)")
	if roll != direct || strings.HasPrefix(roll, "0\t") {
		t.Errorf("roll-up host_states_1m (count, sum of peaks) %q, from states %q", roll, direct)
	}
	for _, q := range readmeQueries(t) {
		if _, err := srv.Query(strings.ReplaceAll(q, "flowtrace.", "fleet.")); err != nil {
			t.Errorf("README query fails:\n%s\n%v", q, err)
		}
	}
}

func waitRows(t *testing.T, srv *chserver.Server, db, table string, n int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		out, err := srv.Query(fmt.Sprintf("SELECT count() FROM %s.%s", db, table))
		if k, _ := strconv.Atoi(strings.TrimSpace(out)); err == nil && k >= n {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no rows in %s.%s within 20 s", db, table)
}

// readmeQueries returns the SQL blocks of README.md's Many sensors
// section.
func readmeQueries(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, sec, ok := strings.Cut(string(data), "\n## Many sensors\n")
	if !ok {
		t.Fatal("README.md has no Many sensors section")
	}
	if i := strings.Index(sec, "\n## "); i >= 0 {
		sec = sec[:i]
	}
	var qs []string
	for {
		_, rest, ok := strings.Cut(sec, "```sql\n")
		if !ok {
			break
		}
		q, rest2, _ := strings.Cut(rest, "```")
		qs = append(qs, q)
		sec = rest2
	}
	if len(qs) < 5 {
		t.Errorf("README's Many sensors section has %d SQL queries, want at least 5", len(qs))
	}
	return qs
}

// firstDiff describes the first line where a and b differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			cut := func(s string) string { return s[:min(len(s), 120)] }
			return fmt.Sprintf("line %d: %q, want %q", i+1, cut(lb[i]), cut(la[i]))
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(lb), len(la))
}

// TestSinkCLI checks the sink flags' usage errors and the schema
// subcommand.
func TestSinkCLI(t *testing.T) {
	good := filepath.Join(pcapDir, "client-close.pcap")
	sk := "clickhouse=http://127.0.0.1:1/"
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"sensor without sink", []string{"-r", good, "--sensor", "a"}, 2, "flowtrace: --sensor needs --sink"},
		{"spool without sink", []string{"-r", good, "--sink-spool", "/tmp/x"}, 2, "flowtrace: --sink-spool needs --sink"},
		{"bad kind", []string{"-r", good, "--sink", "kafka=x"}, 2, `flowtrace: --sink must be clickhouse=URL, not "kafka=x"`},
		{"bad url", []string{"-r", good, "--sink", "clickhouse=ftp://x/"}, 2, `flowtrace: --sink: bad URL "ftp://x/": want http://host:8123/?database=NAME`},
		{"bad size", []string{"-r", good, "--sink", sk, "--sink-spool-max", "lots"}, 2, `flowtrace: --sink-spool-max: want a positive size such as 512M, not "lots"`},
		{"zero rows", []string{"-r", good, "--sink", sk, "--sink-batch-rows", "0"}, 2, "flowtrace: --sink-batch-rows must be positive, not 0"},
		{"schema of what", []string{"schema", "mysql"}, 2, "flowtrace: usage: flowtrace schema clickhouse [--cluster NAME] [--database NAME]"},
		{"schema bad flag", []string{"schema", "clickhouse", "--bogus"}, 2, "flowtrace: schema: unknown flag: --bogus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), tt.args, nil, &out, &errb)
			first, _, _ := strings.Cut(errb.String(), "\n")
			if code != tt.code || first != tt.msg {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, first, tt.code, tt.msg)
			}
		})
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"schema", "clickhouse", "--cluster", "fleet"}, nil, &out, &errb); code != 0 {
		t.Fatalf("schema: exit %d: %s", code, errb.String())
	}
	var want strings.Builder
	clickhouse.WriteSchema(&want, clickhouse.SchemaOptions{Cluster: "fleet"})
	if out.String() != want.String() || !strings.Contains(out.String(), "ON CLUSTER fleet") {
		t.Errorf("schema --cluster fleet printed:\n%s", out.String())
	}
}

// TestSinkServerDown: with the server away and no spool, the run still
// ends in time, exit 0, and stderr says how many rows were lost.
func TestSinkServerDown(t *testing.T) {
	var out, errb bytes.Buffer
	start := time.Now()
	args := []string{"-q", "-r", filepath.Join(pcapDir, "client-close.pcap"), "--sink", "clickhouse=http://127.0.0.1:1/", "--sensor", "x", "--sink-flush-wait", "300ms"}
	if code := run(context.Background(), args, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("took %v with the server down", el)
	}
	if !strings.Contains(errb.String(), "rows not delivered within 300ms and lost: there is no --sink-spool") {
		t.Errorf("stderr:\n%s", errb.String())
	}
}
