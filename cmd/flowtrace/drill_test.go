package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// connRows returns the text connection table's rows by connection
// number ("c2"), each as its space-separated cells.
func connRows(t *testing.T, out string) map[string][]string {
	t.Helper()
	_, table, ok := strings.Cut("\n"+out, "\nconnections: ")
	if !ok {
		t.Fatalf("no connection table in:\n%s", out)
	}
	rows := make(map[string][]string)
	if strings.HasPrefix(table, "0\n") {
		return rows
	}
	lines := strings.Split(table, "\n")
	for len(lines) > 0 && !strings.HasPrefix(lines[0], "conn ") {
		lines = lines[1:] // the count, the zone line
	}
	for _, line := range lines[min(1, len(lines)):] {
		if line == "" {
			break
		}
		f := strings.Fields(line)
		rows[f[0]] = f
	}
	return rows
}

// uidCol returns the uid of each connection in a table that has the uid
// column (any output filter turns it on).
func uidCol(t *testing.T, out string) map[string]string {
	t.Helper()
	uids := make(map[string]string)
	for id, f := range connRows(t, out) {
		if !regexp.MustCompile(`^C[0-9A-Za-z]{17}$`).MatchString(f[1]) {
			t.Fatalf("row %s has no uid: %v", id, f)
		}
		uids[id] = f[1]
	}
	return uids
}

// finalCells drops the number and uid of a table row, keeping what the
// tracker concluded.
func finalCells(f []string) string { return strings.Join(f[2:], " ") }

// transcriptOf returns the transcript lines of connection id.
func transcriptOf(out, id string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, " "+id+" ") && strings.Contains(l, ":") && !strings.HasPrefix(l, id+" ") {
			lines = append(lines, l)
		}
	}
	return lines
}

func mustRun(t *testing.T, stdin []byte, args ...string) (string, string) {
	t.Helper()
	out, stderr, code := flowtrace(t, stdin, args...)
	if code != 0 {
		t.Fatalf("flowtrace %v: exit %d: %s", args, code, stderr)
	}
	return out, stderr
}

// TestDrillUIDStableUnderBPF: a connection keeps its uid when a BPF
// filter removes the other connections, though its number changes.
func TestDrillUIDStableUnderBPF(t *testing.T) {
	scan := filepath.Join(pcapDir, "syn-scan.pcap")
	all, _ := mustRun(t, nil, "-r", scan, "--since", "+0s") // selects everything, shows uids
	allUIDs := uidCol(t, all)
	if len(allUIDs) != 200 {
		t.Fatalf("%d connections; want the scan's 200", len(allUIDs))
	}
	seen := make(map[string]bool)
	for _, u := range allUIDs {
		if seen[u] {
			t.Errorf("uid %s given twice", u)
		}
		seen[u] = true
	}
	byPort := func(out, port string) (string, []string) {
		for id, f := range connRows(t, out) {
			if strings.HasSuffix(f[3], ":"+port) {
				return id, f
			}
		}
		t.Fatalf("no connection to port %s", port)
		return "", nil
	}
	idAll, rowAll := byPort(all, "143")
	filtered, _ := mustRun(t, nil, "-r", scan, "--since", "+0s", "tcp", "port", "143")
	idF, rowF := byPort(filtered, "143")
	if len(connRows(t, filtered)) != 1 || idF != "c1" || idAll == "c1" {
		t.Errorf("BPF filter: %d connections, port 143 is %s (%s unfiltered); want 1, c1", len(connRows(t, filtered)), idF, idAll)
	}
	if rowF[1] != rowAll[1] {
		t.Errorf("uid %s under the BPF filter; %s without", rowF[1], rowAll[1])
	}
	// --conn finds it by uid in both runs.
	for _, tt := range []struct {
		args []string
		id   string
		row  []string
	}{
		{[]string{"-r", scan}, idAll, rowAll},
		{[]string{"-r", scan, "tcp port 143"}, idF, rowF},
	} {
		out, _ := mustRun(t, nil, append(tt.args, "--conn", rowAll[1])...)
		if rows := connRows(t, out); len(rows) != 1 || rows[tt.id] == nil || strings.Join(rows[tt.id], " ") != strings.Join(tt.row, " ") {
			t.Errorf("--conn %s %v gave %v; want %v", rowAll[1], tt.args[2:], rows, tt.row)
		}
	}
}

// TestDrillConn: --conn prints one connection, every packet of it (the
// -v lines of the unfiltered run), and the final states of the
// unfiltered run; by uid or by number, and as a golden file.
func TestDrillConn(t *testing.T) {
	trace := filepath.Join(pcapDir, "port-reuse.pcap")
	verbose, _ := mustRun(t, nil, "-r", trace, "-v")
	plain, _ := mustRun(t, nil, "-r", trace, "--since", "+0s")
	uid := uidCol(t, plain)["c2"]

	byUID, _ := mustRun(t, nil, "-r", trace, "--conn", uid)
	byNum, _ := mustRun(t, nil, "-r", trace, "--conn", "c2")
	if byUID != byNum {
		t.Errorf("--conn %s and --conn c2 differ", uid)
	}
	got, want := transcriptOf(byUID, "c2"), transcriptOf(verbose, "c2")
	if strings.Join(got, "\n") != strings.Join(want, "\n") || len(want) < 10 {
		t.Errorf("--conn transcript:\n%s\nwant every packet of c2:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(transcriptOf(byUID, "c1")); n != 0 {
		t.Errorf("--conn c2 printed %d lines of c1", n)
	}
	rows := connRows(t, byUID)
	if len(rows) != 1 || finalCells(rows["c2"]) != finalCells(connRows(t, plain)["c2"]) {
		t.Errorf("--conn table %v; want the unfiltered row %v", rows, connRows(t, plain)["c2"])
	}
	if !strings.Contains(byUID, "\nsequence analysis") {
		t.Error("--conn shows no sequence analysis")
	}
	// Repeated and comma-separated.
	both, _ := mustRun(t, nil, "-r", trace, "--conn", "c1,"+uid)
	both2, _ := mustRun(t, nil, "-r", trace, "--conn", "c1", "--conn", "c2")
	if len(connRows(t, both)) != 2 || both != both2 {
		t.Errorf("--conn c1,UID: %d connections, or differs from --conn c1 --conn c2", len(connRows(t, both)))
	}
	checkGolden(t, filepath.Join(goldenDir, "drill-conn.txt"), byUID)
}

// TestDrillState: --state runs two passes over a file, so the transcript
// of the selected connections is complete and the others' is gone.
func TestDrillState(t *testing.T) {
	stuck := filepath.Join(pcapDir, "close-wait-stuck.pcap")
	out, stderr := mustRun(t, nil, "-r", stuck, "--state", "CLOSE-WAIT")
	whole, _ := mustRun(t, nil, "-r", stuck)
	if stderr != "" {
		t.Errorf("stderr: %q", stderr)
	}
	rows := connRows(t, out)
	if len(rows) != 1 || rows["c1"][9] != "CLOSE-WAIT" {
		t.Errorf("--state CLOSE-WAIT table: %v", rows)
	}
	if w, g := transcriptOf(whole, "c1"), transcriptOf(out, "c1"); strings.Join(w, "\n") != strings.Join(g, "\n") {
		t.Errorf("transcript differs from the unfiltered run:\n%s", diffLines(strings.Join(w, "\n"), strings.Join(g, "\n")))
	}
	checkGolden(t, filepath.Join(goldenDir, "drill-state.txt"), out)

	// Two connections on one 4-tuple: only the second ends in TIME-WAIT.
	reuse := filepath.Join(pcapDir, "port-reuse.pcap")
	out, _ = mustRun(t, nil, "-r", reuse, "--state", "time-wait")
	if rows := connRows(t, out); len(rows) != 1 || rows["c2"] == nil || len(transcriptOf(out, "c1")) != 0 || len(transcriptOf(out, "c2")) == 0 {
		t.Errorf("--state time-wait on port-reuse:\n%s", out)
	}
	// AND across filters, OR within one.
	for _, tt := range []struct {
		args []string
		n    int
	}{
		{[]string{"--state", "CLOSE-WAIT"}, 0},
		{[]string{"--state", "CLOSE-WAIT,TIME-WAIT"}, 1},
		{[]string{"--state", "CLOSED"}, 2},
		{[]string{"--state", "CLOSED", "--ended", "by server"}, 1},
		{[]string{"--conn-state", "SF", "--port", "5000"}, 2},
		{[]string{"--conn-state", "SF", "--port", "80"}, 0},
		{[]string{"--ended", "closed by client", "--ended", "refused"}, 1},
	} {
		out, _ := mustRun(t, nil, append([]string{"-r", reuse}, tt.args...)...)
		if n := len(connRows(t, out)); n != tt.n {
			t.Errorf("%v: %d connections; want %d", tt.args, n, tt.n)
		}
	}
}

// TestDrillStdin: on standard input the end filters cannot choose the
// transcript: only the records are printed, and stderr says so once.
func TestDrillStdin(t *testing.T) {
	raw := readTrace(t, "port-reuse.pcap")
	out, stderr := mustRun(t, raw, "-r", "-", "--state", "TIME-WAIT")
	if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "standard input is read in one pass: printing the matching connections' records, not their transcript") {
		t.Errorf("stderr %q", stderr)
	}
	if !strings.HasPrefix(out, "\nconnections: 1\n") || connRows(t, out)["c2"] == nil {
		t.Errorf("stdout:\n%s", out)
	}
	js, _ := mustRun(t, raw, "-r", "-", "--state", "TIME-WAIT", "--json")
	if strings.Count(js, "\n") != 2 || !strings.Contains(js, `"type":"conn","ts":1795390028.029151,"conn":2,`) {
		t.Errorf("--json on stdin: want the conn record and the summary:\n%s", js)
	}
	// Filters known at the first packet work in one pass.
	file, _ := mustRun(t, nil, "-r", filepath.Join(pcapDir, "port-reuse.pcap"), "--conn", "c2")
	pipe, _ := mustRun(t, raw, "-r", "-", "--conn", "c2")
	if file != pipe {
		t.Errorf("--conn on stdin differs from the file:\n%s", diffLines(file, pipe))
	}
}

// TestDrillTimeRange: --since and --until select connections that
// overlap the range and print only the lines inside it.
func TestDrillTimeRange(t *testing.T) {
	trace := filepath.Join(pcapDir, "port-reuse.pcap")
	// c1: 23:27:07.527824–.528294, c2: 23:27:08.029151–.130080 (UTC).
	for _, tt := range []struct {
		args  []string
		conns string
		lines int // transcript lines
	}{
		{[]string{"--since", "+0.5s"}, "c2", 6},
		{[]string{"--since", "2026-11-22T23:27:08Z"}, "c2", 6},
		{[]string{"--until", "2026-11-22 23:27:07.6", "--utc"}, "c1", 6},
		{[]string{"--until", "2026-11-23T00:27:07.6+01:00"}, "c1", 6},
		{[]string{"--since", "+0.5s", "--until", "+0.5014s"}, "c2", 3},
		{[]string{"--since", "+0.0003s", "--until", "+0.6s"}, "c1 c2", 7},
		{[]string{"--since", "+1m"}, "", 0},
	} {
		out, _ := mustRun(t, nil, append([]string{"-r", trace}, tt.args...)...)
		var ids []string
		for _, id := range []string{"c1", "c2"} {
			if connRows(t, out)[id] != nil {
				ids = append(ids, id)
			}
		}
		transcript, _, _ := strings.Cut(out, "\nconnections: ")
		n := 0
		for _, l := range strings.Split(transcript, "\n") {
			if l != "" {
				n++
			}
		}
		if strings.Join(ids, " ") != tt.conns || n != tt.lines {
			t.Errorf("%v: connections %v, %d lines; want %s, %d\n%s", tt.args, ids, n, tt.conns, tt.lines, out)
		}
	}
	// Local time unless a zone is given or --utc.
	// (time.Local, not TZ: the process read TZ when it started.)
	local := time.Local
	time.Local = time.FixedZone("EST", -5*3600)
	defer func() { time.Local = local }()
	out, _ := mustRun(t, nil, "-r", trace, "--until", "2026-11-22 18:27:08")
	if rows := connRows(t, out); len(rows) != 1 || rows["c1"] == nil {
		t.Errorf("--until in local time (UTC-5): %v", rows)
	}
	out, _ = mustRun(t, nil, "-r", trace, "--until", "2026-11-22 18:27:08", "--utc")
	if rows := connRows(t, out); len(rows) != 0 {
		t.Errorf("--until with --utc: %v", rows)
	}
}

// TestDrillWrite: -r with -w writes exactly the selected connection's
// frames, which flowtrace and tshark read back.
func TestDrillWrite(t *testing.T) {
	trace := filepath.Join(pcapDir, "port-reuse.pcap")
	plain, _ := mustRun(t, nil, "-r", trace, "--since", "+0s")
	uid := uidCol(t, plain)["c2"]
	pcap := filepath.Join(t.TempDir(), "c2.pcap")
	drill, stderr := mustRun(t, nil, "-r", trace, "-w", pcap, "--conn", uid)
	if want := "flowtrace: " + pcap + ": wrote 10 packets of 1 connection (" + uid + ")\n"; stderr != want {
		t.Errorf("stderr %q; want %q", stderr, want)
	}
	back, _ := mustRun(t, nil, "-r", pcap, "-v", "--since", "+0s")
	rows := connRows(t, back)
	if len(rows) != 1 || rows["c1"][1] != uid || finalCells(rows["c1"]) != finalCells(connRows(t, plain)["c2"]) {
		t.Errorf("the written file holds %v; want c2 of the original %v", rows, connRows(t, plain)["c2"])
	}
	// The same packets, renumbered from 1.
	strip := regexp.MustCompile(` c\d+ #\d+ `)
	if g, w := strip.ReplaceAllString(strings.Join(transcriptOf(back, "c1"), "\n"), " "), strip.ReplaceAllString(strings.Join(transcriptOf(drill, "c2"), "\n"), " "); g != w {
		t.Errorf("replay of the written file:\n%s", diffLines(w, g))
	}
	// Nothing selected: an empty, valid capture.
	empty := filepath.Join(t.TempDir(), "none.pcap")
	_, stderr = mustRun(t, nil, "-r", trace, "-w", empty, "--port", "1")
	if !strings.Contains(stderr, "wrote 0 packets of 0 connections") {
		t.Errorf("stderr %q", stderr)
	}
	if out, _ := mustRun(t, nil, "-r", empty); !strings.Contains(out, "connections: 0") {
		t.Errorf("empty -w file reads back as:\n%s", out)
	}
	// A time range cuts the packets written.
	part := filepath.Join(t.TempDir(), "part.pcap")
	_, stderr = mustRun(t, nil, "-r", trace, "-w", part, "--conn", "c2", "--until", "+0.5014s")
	if !strings.Contains(stderr, "wrote 3 packets of 1 connection") {
		t.Errorf("stderr %q", stderr)
	}
	cmd := exec.Command(needTshark(t), "-r", pcap, "-T", "fields", "-e", "tcp.srcport", "-e", "tcp.dstport", "-e", "frame.time_epoch")
	cmd.Env = append(os.Environ(), "TZ=UTC")
	ts, err := cmd.Output()
	if err != nil {
		t.Fatalf("tshark -r %s: %v", pcap, err)
	}
	lines := strings.Split(strings.TrimSpace(string(ts)), "\n")
	if len(lines) != 10 || !strings.HasPrefix(lines[0], "40001\t5000\t1795390028.029151") {
		t.Errorf("tshark reads %d packets, first %q; want 10 from 40001>5000 at 1795390028.029151", len(lines), lines[0])
	}
}

// TestDrillErrors: bad filter values are usage errors that say what is
// accepted.
func TestDrillErrors(t *testing.T) {
	good := filepath.Join(pcapDir, "port-reuse.pcap")
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"state", []string{"-r", good, "--state", "WAITING"}, `flowtrace: --state: unknown state "WAITING"; valid: UNKNOWN, CLOSED, LISTEN, SYN-SENT, SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT`},
		{"conn-state", []string{"-r", good, "--conn-state", "XX"}, `flowtrace: --conn-state: unknown Zeek conn_state "XX"; valid: S0, S1, SF, REJ, S2, S3, RSTO, RSTR, RSTOS0, RSTRH, SH, SHR, OTH`},
		{"ended", []string{"-r", good, "--ended", "badly"}, `flowtrace: --ended: unknown ending "badly"; give closed, closing, refused, reset,`},
		{"conn", []string{"-r", good, "--conn", "42"}, `flowtrace: --conn: "42" is neither a uid`},
		{"port", []string{"-r", good, "--port", "http"}, `flowtrace: --port: bad port "http"`},
		{"since", []string{"-r", good, "--since", "noon"}, `flowtrace: --since: bad time "noon": give RFC 3339 (2026-11-22T23:27:07Z, 2026-11-22T23:27:07.5+01:00), "2026-11-22 23:27:07" (local time, UTC with --utc), or +DURATION after the first packet (+30s, +2m)`},
		{"until before since", []string{"-r", good, "--since", "+2s", "--until", "+1s"}, `flowtrace: --until: "+1s" is before --since "+2s"`},
		{"-w over the input", []string{"-r", good, "-w", good}, "flowtrace: -w " + good + " is the input file"},
		{"-w, stdin, end filter", []string{"-r", "-", "-w", "x.pcap", "--state", "CLOSED"}, "flowtrace: -w with --state, --conn-state or --ended needs two passes over the input: give -r FILE"},
		{"--watch with a filter", []string{"-i", "lo", "--watch", "--port", "80"}, "flowtrace: --watch shows every connection"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := flowtrace(t, nil, tt.args...)
			first, _, _ := strings.Cut(stderr, "\n")
			if code != 2 || first != tt.msg && !strings.HasPrefix(first, tt.msg) {
				t.Errorf("exit %d, %q; want 2, %q", code, first, tt.msg)
			}
		})
	}
	if b, err := os.ReadFile(good); err != nil || len(b) == 0 {
		t.Errorf("the input was harmed: %v", err)
	}
}

// TestDrillLive: filters known at a connection's first packet work in a
// live capture's single pass and print what the file prints; end filters
// print the records only and say so.
func TestDrillLive(t *testing.T) {
	path := filepath.Join(pcapDir, "port-reuse.pcap")
	for _, args := range [][]string{{"--conn", "c2"}, {"--port", "5000", "--since", "+0.5s"}} {
		live, _, err, _ := liveRun(t, "port-reuse.pcap", 2*time.Second, args...)
		if err != nil {
			t.Fatal(err)
		}
		off, _ := mustRun(t, nil, append([]string{"-r", path}, args...)...)
		if live != off || !strings.Contains(live, "\nconnections: 1\n") {
			t.Errorf("%v: live and offline differ:\n%s", args, diffLines(off, live))
		}
	}
	live, stderr, err, _ := liveRun(t, "port-reuse.pcap", 2*time.Second, "--state", "TIME-WAIT")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(live, "\nconnections: 1\n") || !strings.Contains(stderr, "fake0 is read in one pass: printing the matching connections' records") {
		t.Errorf("live --state: stdout\n%s\nstderr %q", live, stderr)
	}
}
