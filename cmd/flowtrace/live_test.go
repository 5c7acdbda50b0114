package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/tracker"
)

// TestLiveUsageErrors checks the flag combinations live capture rejects:
// exit status 2 and a message naming the conflict.
func TestLiveUsageErrors(t *testing.T) {
	good := filepath.Join(pcapDir, "client-close.pcap")
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"-r and -i", []string{"-r", good, "-i", "lo"}, "flowtrace: -r and -i are exclusive"},
		{"-w alone", []string{"-w", "x.pcap"}, "flowtrace: no input: give -r FILE"},
		{"-w - with -r", []string{"-r", good, "-w", "-"}, "flowtrace: -w - would mix raw packets with the output on stdout"},
		{"-p with -r", []string{"-r", good, "-p"}, "flowtrace: -p needs a live capture"},
		{"-s with -r", []string{"-r", good, "-s", "100"}, "flowtrace: -s needs a live capture"},
		{"-B with -r", []string{"-r", good, "-B", "4096"}, "flowtrace: -B needs a live capture"},
		{"--duration with -r", []string{"-r", good, "--duration", "1s"}, "flowtrace: --duration needs a live capture"},
		{"--watch with -r", []string{"-r", good, "--watch"}, "flowtrace: --watch needs a live capture"},
		{"-Z with -r", []string{"-r", good, "-Z", "daemon"}, "flowtrace: -Z needs a live capture"},
		{"--keep-root with -r", []string{"-r", good, "--keep-root"}, "flowtrace: --keep-root needs a live capture"},
		{"--immediate-mode with -r", []string{"-r", good, "--immediate-mode=false"}, "flowtrace: --immediate-mode needs a live capture"},
		{"-D with -i", []string{"-D", "-i", "lo"}, "flowtrace: -D lists interfaces and takes no other flag or argument (got --interface)"},
		{"-D with a filter", []string{"-D", "tcp"}, "flowtrace: -D lists interfaces and takes no other flag or argument (got a filter)"},
		{"-D with --json", []string{"--json", "-D"}, "flowtrace: -D lists interfaces and takes no other flag or argument (got --json)"},
		{"-Z with --keep-root", []string{"-i", "lo", "-Z", "daemon", "--keep-root"}, "flowtrace: -Z and --keep-root are exclusive"},
		{"empty -Z", []string{"-i", "lo", "-Z", ""}, "flowtrace: -Z needs a user name"},
		{"-w to stdout", []string{"-i", "lo", "-w", "-"}, "flowtrace: -w - would mix raw packets with the output on stdout"},
		{"negative -s", []string{"-i", "lo", "-s", "-1"}, "flowtrace: -s must be between 0 and 262144, not -1"},
		{"huge -s", []string{"-i", "lo", "-s", "300000"}, "flowtrace: -s must be between 0 and 262144, not 300000"},
		{"zero -B", []string{"-i", "lo", "-B", "0"}, "flowtrace: -B must be between 1 and 2097152 KiB, not 0"},
		{"zero duration", []string{"-i", "lo", "--duration", "0s"}, "flowtrace: --duration must be positive, not 0s"},
		{"--watch with -v", []string{"-i", "lo", "--watch", "-v"}, "flowtrace: --watch and -v are exclusive"},
		{"tiny watch interval", []string{"-i", "lo", "--watch", "--watch-interval", "1ms"}, "flowtrace: --watch-interval must be at least 100ms, not 1ms"},
		{"interval without --watch", []string{"-i", "lo", "--watch-interval", "2s"}, "flowtrace: --watch-interval needs --watch"},
		{"bad kernel filter", []string{"-i", "lo", "tcp", "prot", "80"}, `flowtrace: capture: bad filter "tcp prot 80"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := flowtrace(t, nil, tt.args...)
			if code != 2 {
				t.Errorf("exit %d; want 2\nstderr: %s", code, stderr)
			}
			first, _, _ := strings.Cut(stderr, "\n")
			if !strings.HasPrefix(first, tt.msg) {
				t.Errorf("stderr %q; want it to start with %q", first, tt.msg)
			}
			if !strings.Contains(stderr, "Run 'flowtrace --help' for usage.") {
				t.Errorf("usage error without the --help hint: %q", stderr)
			}
		})
	}
}

// fakeLive plays a capture file as if it arrived live: a frame is
// delivered when the fake clock reaches its timestamp, and a read with no
// frame due within the read timeout returns capture.ErrTimeout and moves
// the clock on. After the last frame the link stays quiet for tail, then
// stop is called (a Ctrl-C).
type fakeLive struct {
	f       *capture.File
	clock   time.Time
	next    []byte
	nextCI  capture.FrameInfo
	nextOK  bool
	done    bool
	end     time.Time
	tail    time.Duration
	stop    func()
	stats   capture.LiveStats
	timeout time.Duration
	failAt  uint64 // return an error instead of this frame (1-based); 0 never
	n       uint64
}

func newFakeLive(t *testing.T, path string, tail time.Duration, stop func()) *fakeLive {
	t.Helper()
	f, err := capture.OpenFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return &fakeLive{f: f, tail: tail, stop: stop, timeout: 100 * time.Millisecond}
}

func (s *fakeLive) LinkType() capture.LinkType { return s.f.LinkType() }
func (s *fakeLive) Snaplen() int               { return capture.MaxSnaplen }
func (s *fakeLive) now() time.Time             { return s.clock }
func (s *fakeLive) Stats() (capture.LiveStats, error) {
	s.stats.Received = s.n
	return s.stats, nil
}

func (s *fakeLive) ReadFrame() ([]byte, capture.FrameInfo, capture.LinkType, error) {
	if !s.nextOK && !s.done {
		data, ci, _, err := s.f.ReadFrame()
		if err != nil {
			s.done = true
			s.end = s.clock
		} else {
			s.next, s.nextCI, s.nextOK = append(s.next[:0], data...), ci, true
			if s.clock.IsZero() {
				s.clock = ci.Timestamp
			}
		}
	}
	if s.nextOK && !s.nextCI.Timestamp.After(s.clock.Add(s.timeout)) {
		s.nextOK = false
		s.n++
		if s.n == s.failAt {
			return nil, capture.FrameInfo{}, 0, errors.New("capture: fake0: the interface went down")
		}
		s.clock = maxTime(s.clock, s.nextCI.Timestamp)
		return s.next, s.nextCI, s.f.LinkType(), nil
	}
	s.clock = s.clock.Add(s.timeout)
	if s.done && s.clock.Sub(s.end) > s.tail {
		s.stop()
	}
	return nil, capture.FrameInfo{}, 0, capture.ErrTimeout
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// liveRun runs the live loop over a fake source built from a bundled
// trace.
func liveRun(t *testing.T, trace string, tail time.Duration, args ...string) (stdout, stderr string, err error, src *fakeLive) {
	t.Helper()
	cfg, perr := parseFlags(append([]string{"-i", "fake0"}, args...), io.Discard)
	if perr != nil {
		t.Fatal(perr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src = newFakeLive(t, filepath.Join(pcapDir, trace), tail, cancel)
	var out, errb bytes.Buffer
	err = runLive(ctx, cfg, src, src.Stats, src.now, false, &out, &errb)
	return out.String(), errb.String(), err, src
}

// TestLiveEqualsReplay checks that the live loop, with its wall-clock
// timers and periodic finding checks on quiet stretches, prints for every
// bundled trace what reading the file prints.
func TestLiveEqualsReplay(t *testing.T) {
	for _, path := range traces(t) {
		name := filepath.Base(path)
		if strings.HasSuffix(name, ".gz") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			for _, form := range [][]string{nil, {"-v"}} {
				live, _, err, _ := liveRun(t, name, liveClockLag, form...)
				if err != nil {
					t.Fatal(err)
				}
				off, _, code := flowtrace(t, nil, append([]string{"-r", path}, form...)...)
				if code != 0 {
					t.Fatalf("offline exit %d", code)
				}
				// The fake capture stops as its clock, less the live
				// clock's lag, reaches the last packet: no timer and
				// no periodic finding check runs past what the replay
				// sees (TestLiveTimersOnQuietLink covers that tail),
				// so the whole output must match, quiet stretches
				// inside the trace included.
				if live != off {
					t.Errorf("%v: live and offline differ:\n%s", form, diffLines(off, live))
				}
			}
		})
	}
}

// TestLiveTimersOnQuietLink checks that TIME-WAIT expires with no packet
// after it, stamped at its deadline, and that the replay shows the same
// transcript without that line.
func TestLiveTimersOnQuietLink(t *testing.T) {
	live, _, err, _ := liveRun(t, "client-close.pcap", 5*time.Second, "--time-wait", "2s")
	if err != nil {
		t.Fatal(err)
	}
	off, _, _ := flowtrace(t, nil, "-r", filepath.Join(pcapDir, "client-close.pcap"), "--time-wait", "2s")
	var timers []string
	for _, l := range strings.Split(live, "\n") {
		if strings.Contains(l, "(timer)") {
			timers = append(timers, l)
		}
	}
	if len(timers) != 1 || !strings.HasSuffix(timers[0], "client TIME-WAIT → CLOSED (TIME-WAIT expired)") {
		t.Fatalf("timer lines %q; want one TIME-WAIT expiry\n%s", timers, live)
	}
	if a, b := transcript(live, true), transcript(off, false); a != b {
		t.Errorf("live transcript without timers differs from replay:\n%s", diffLines(b, a))
	}
	if !strings.Contains(live, "TIME-WAIT → CLOSED") || strings.Contains(transcript(off, false), "(timer)") {
		t.Errorf("replay shows a timer it cannot know about:\n%s", off)
	}
}

// TestLiveWriteReplays checks -w: the file holds every frame, with the
// same timestamps and lengths, and replays to the same output.
func TestLiveWriteReplays(t *testing.T) {
	out := filepath.Join(t.TempDir(), "saved.pcap")
	live, _, err, _ := liveRun(t, "half-close.pcap", time.Second, "-w", out)
	if err != nil {
		t.Fatal(err)
	}
	replay, stderr, code := flowtrace(t, nil, "-r", out)
	if code != 0 {
		t.Fatalf("replay exit %d: %s", code, stderr)
	}
	if live != replay {
		t.Errorf("replay of -w differs:\n%s", diffLines(live, replay))
	}
	a, err := capture.OpenFile(filepath.Join(pcapDir, "half-close.pcap"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := capture.OpenFile(out, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for i := 1; ; i++ {
		da, ca, la, ea := a.ReadFrame()
		db, cb, lb, eb := b.ReadFrame()
		if ea != nil || eb != nil {
			if ea != io.EOF || eb != io.EOF {
				t.Fatalf("frame %d: original %v, saved %v", i, ea, eb)
			}
			break
		}
		if !bytes.Equal(da, db) || !ca.Timestamp.Equal(cb.Timestamp) || ca.Length != cb.Length || la != lb {
			t.Fatalf("frame %d differs: %v %d %v vs %v %d %v", i, ca.Timestamp, ca.Length, la, cb.Timestamp, cb.Length, lb)
		}
	}
}

// TestLiveStopAndDrops checks the capture statistics on stderr at the end,
// and that new kernel drops are reported when they happen.
func TestLiveStopAndDrops(t *testing.T) {
	cfg, _ := parseFlags([]string{"-i", "fake0"}, io.Discard)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := newFakeLive(t, filepath.Join(pcapDir, "client-close.pcap"), 3*time.Second, cancel)
	stats := func() (capture.LiveStats, error) {
		if src.n >= 5 {
			src.stats.KernelDropped, src.stats.IfaceDropped = 7, 1
		}
		return src.Stats()
	}
	var out, errb bytes.Buffer
	if err := runLive(ctx, cfg, src, stats, src.now, false, &out, &errb); err != nil {
		t.Fatal(err)
	}
	e := errb.String()
	for _, want := range []string{
		"flowtrace: fake0: dropped 7 packets in the kernel and 1 at the interface since the last report (7 and 1 in all)",
		"packets captured, ", "7 dropped by kernel, 1 dropped by interface (stopped by a signal)",
	} {
		if !strings.Contains(e, want) {
			t.Errorf("stderr lacks %q:\n%s", want, e)
		}
	}
	if !strings.Contains(out.String(), "final endpoint states") {
		t.Errorf("no final table after the stop:\n%s", out.String())
	}
}

// TestLiveInterfaceGone checks that an error mid-capture still prints
// everything analysed so far, then fails.
func TestLiveInterfaceGone(t *testing.T) {
	cfg, _ := parseFlags([]string{"-i", "fake0"}, io.Discard)
	src := newFakeLive(t, filepath.Join(pcapDir, "client-close.pcap"), time.Second, func() {})
	src.failAt = 4
	var out, errb bytes.Buffer
	err := runLive(context.Background(), cfg, src, src.Stats, src.now, false, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), "went down") {
		t.Fatalf("err %v; want the interface error", err)
	}
	o := out.String()
	if !strings.Contains(o, "c1 #3 ") || !strings.Contains(o, "connections: 1") {
		t.Errorf("the packets before the error were not printed:\n%s", o)
	}
}

// TestLiveCountAndDuration checks -c and --duration end a live capture
// cleanly.
func TestLiveCountAndDuration(t *testing.T) {
	out, errs, err, _ := liveRun(t, "client-close.pcap", time.Hour, "-c", "3")
	if err != nil || !strings.Contains(errs, "(stopped after -c)") || !strings.Contains(out, "c1 #3 ") || strings.Contains(out, "c1 #4 ") {
		t.Errorf("-c 3: err %v\nstderr: %s\nstdout: %s", err, errs, out)
	}
	_, errs, err, _ = liveRun(t, "client-close.pcap", time.Hour, "--duration", "10s")
	if err != nil || !strings.Contains(errs, "(stopped after --duration)") {
		t.Errorf("--duration: err %v\nstderr: %s", err, errs)
	}
}

// TestWatchJSON checks --watch when stdout is not a terminal: periodic
// summary records, then a final one whose counts match the run.
func TestWatchJSON(t *testing.T) {
	out, _, err, _ := liveRun(t, "half-close.pcap", 3*time.Second, "--watch", "--watch-interval", "200ms", "--time-wait", "1s")
	if err != nil {
		t.Fatal(err)
	}
	recs := parseJSONL(t, out)
	if len(recs) < 3 {
		t.Fatalf("%d records; want periodic ones and a final one:\n%s", len(recs), out)
	}
	sawActive := false
	for i, r := range recs {
		if r["type"] != "summary" {
			t.Errorf("record %d type %v", i, r["type"])
		}
		if final := r["final"].(bool); final != (i == len(recs)-1) {
			t.Errorf("record %d final %v", i, final)
		}
		if as, _ := r["active_states"].(map[string]any); len(as) > 0 {
			sawActive = true
			if _, ok := as["CLOSED"]; ok {
				t.Errorf("record %d counts CLOSED endpoints as active: %v", i, as)
			}
			for st := range as {
				if _, ok := r["oldest_age"].(map[string]any)[st]; !ok {
					t.Errorf("record %d: no oldest_age for %s", i, st)
				}
			}
		}
	}
	if !sawActive {
		t.Errorf("no record saw an active connection:\n%s", out)
	}
	last := recs[len(recs)-1]
	if last["connections"].(float64) != 1 || last["states"].(map[string]any)["CLOSED"].(float64) != 2 {
		t.Errorf("final record %v; want 1 connection, both endpoints CLOSED (TIME-WAIT expired)", last)
	}
	if _, ok := last["dropped_kernel"]; !ok {
		t.Errorf("final record without drop counts: %v", last)
	}
}

// TestWatchView renders the terminal view of a connection caught
// mid-close and checks its rows.
func TestWatchView(t *testing.T) {
	cfg, _ := parseFlags([]string{"-i", "fake0", "--watch"}, io.Discard)
	var b bytes.Buffer
	w := newWatch(&b, cfg, "fake0")
	w.tty = true
	rows := func() map[string]string {
		m := map[string]string{}
		for _, r := range w.snapshot(time.Unix(0, 0)).Rows {
			var keys []string
			for _, c := range r.Busiest {
				keys = append(keys, c.Name)
			}
			m[r.State.String()] = strings.Join(keys, ",")
		}
		return m
	}
	// A CLOSE-WAIT scenario, without the final flush: the connection is
	// still in the table.
	trackInto(t, "close-wait-stuck.pcap", w)
	got := rows()
	if got["CLOSE-WAIT"] == "" || !strings.Contains(got["CLOSE-WAIT"], "(server)") {
		t.Errorf("rows %v; want a CLOSE-WAIT row naming the server", got)
	}
	w.begin = time.Unix(0, 0)
	w.draw(time.Unix(5, 0), time.Unix(5, 0))
	w.out.Flush()
	screen := b.String()
	for _, want := range []string{"flowtrace -i fake0", "STATE", "CLOSE-WAIT", "recent transitions", "server ESTABLISHED → CLOSE-"} {
		if !strings.Contains(screen, want) {
			t.Errorf("view lacks %q:\n%s", want, screen)
		}
	}
	var m map[string]any
	b.Reset()
	w.tty = false
	w.refresh(time.Unix(5, 0), time.Unix(5, 0))
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatalf("%v: %s", err, b.String())
	}
	if m["busiest"].(map[string]any)["CLOSE-WAIT"] == nil {
		t.Errorf("no busiest CLOSE-WAIT endpoint in %s", b.String())
	}
}

// trackInto feeds every segment of a bundled trace to a tracker reporting
// to obs, without flushing it at the end.
func trackInto(t *testing.T, trace string, obs tracker.Observer) {
	t.Helper()
	feed(t, filepath.Join(pcapDir, trace), obs)
}
