package printer

import (
	"encoding/json"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// liveTable keeps the connections in the tracker's liveTable, as the watch view
// does.
type liveTable map[uint64]*tracker.Conn

func (t liveTable) Packet(c *tracker.Conn, _ *segment.Segment, _ tracker.Side, _ []tracker.Event) {
	t[c.ID()] = c
}
func (t liveTable) Events(*tracker.Conn, []tracker.Event) {}
func (t liveTable) Done(c *tracker.Conn)                  { delete(t, c.ID()) }

// closeWait leaves c1 with the client in FIN-WAIT-2 and the server in
// CLOSE-WAIT since 5 ms, and c2 (a lone RST at 61 s) CLOSED on both
// sides but still in the liveTable.
func closeWait(t *testing.T) liveTable {
	t.Helper()
	s := session()
	segs := append(s[:5:5], seg(5, false, segment.ACK, 901, 112, 0), s[7])
	tb := liveTable{}
	// The FIN-WAIT-2 outlives the 61 s: it is not orphaned (a half-close).
	tr := tracker.New(tracker.Config{FinTimeout: time.Hour}, tb)
	for i := range segs {
		tr.Handle(&segs[i])
	}
	if len(tb) != 2 {
		t.Fatalf("%d connections in the liveTable; want 2", len(tb))
	}
	return tb
}

// TestTakeSnapshot: CLOSED endpoints are not counted, ages run from the
// transition on the given clock, the lingering endpoints are listed
// oldest first.
func TestTakeSnapshot(t *testing.T) {
	tb := closeWait(t)
	now := t0.Add(65 * time.Second)
	snap := TakeSnapshot(maps.Values(tb), now, 3, 5)
	if snap.Conns != 2 {
		t.Errorf("Conns %d; want 2", snap.Conns)
	}
	var rows []string
	for _, r := range snap.Rows {
		rows = append(rows, r.State.String()+" "+FormatAge(r.Oldest))
	}
	if got, want := strings.Join(rows, ", "), "FIN-WAIT-2 1m04s, CLOSE-WAIT 1m04s"; got != want {
		t.Errorf("rows %q; want %q", got, want)
	}
	if r := snap.Rows[1]; len(r.Busiest) != 1 || r.Busiest[0] != (Count{Name: "[fd00::2]:443 (server)", N: 1}) {
		t.Errorf("CLOSE-WAIT busiest %v", r.Busiest)
	}
	if len(snap.Oldest) != 2 {
		t.Fatalf("oldest %v; want 2 endpoints", snap.Oldest)
	}
	o := snap.Oldest[1]
	if o.Conn != 1 || o.Side != tracker.Resp || o.State != tracker.CloseWait || o.Age != 65*time.Second-5*time.Millisecond ||
		o.Addr.String() != "[fd00::2]:443" || o.Peer.String() != "[fd00::1]:40000" || len(o.UID.String()) != 18 {
		t.Errorf("oldest[1] %+v; want c1's server in CLOSE-WAIT for 64.995s", o)
	}
	if snap.Oldest[0].State != tracker.FinWait2 {
		t.Errorf("oldest[0] %+v; want c1's client (same age, first side)", snap.Oldest[0])
	}
	if s := TakeSnapshot(maps.Values(tb), now, 3, 1); len(s.Oldest) != 1 {
		t.Errorf("oldest limited to 1: %d", len(s.Oldest))
	}
}

// TestSortRows: by count, by age, ties in netstat's order.
func TestSortRows(t *testing.T) {
	rows := []StateRow{
		{State: tracker.Established, N: 1, Oldest: time.Second},
		{State: tracker.TimeWait, N: 5, Oldest: time.Minute},
		{State: tracker.CloseWait, N: 5, Oldest: time.Hour},
	}
	order := func() string {
		var s []string
		for _, r := range rows {
			s = append(s, r.State.String())
		}
		return strings.Join(s, " ")
	}
	for _, tt := range []struct {
		by   int
		want string
	}{
		{ByCount, "TIME-WAIT CLOSE-WAIT ESTABLISHED"},
		{ByAge, "CLOSE-WAIT TIME-WAIT ESTABLISHED"},
		{ByState, "ESTABLISHED TIME-WAIT CLOSE-WAIT"},
	} {
		SortRows(rows, tt.by)
		if got := order(); got != tt.want {
			t.Errorf("%s: %s; want %s", SortName(tt.by), got, tt.want)
		}
	}
	if NextSort(ByState) != ByCount || NextSort(ByCount) != ByAge || NextSort(ByAge) != ByState {
		t.Error("NextSort does not cycle state → count → age")
	}
}

func TestFormatAge(t *testing.T) {
	for d, want := range map[time.Duration]string{
		-time.Second:                   "0ms",
		850 * time.Millisecond:         "850ms",
		4249 * time.Millisecond:        "4.2s",
		42 * time.Second:               "42s",
		14*time.Minute + 2*time.Second: "14m02s",
		3*time.Hour + 7*time.Minute:    "3h07m",
		53*time.Hour + 59*time.Minute:  "2d05h",
	} {
		if got := FormatAge(d); got != want {
			t.Errorf("FormatAge(%v) = %q; want %q", d, got, want)
		}
	}
}

// TestLiveSummaryRecord: --watch's record has the offline record's
// fields, and the live ones: active states without CLOSED, the oldest
// age per state, the oldest lingering endpoints with their UIDs.
func TestLiveSummaryRecord(t *testing.T) {
	tb := closeWait(t)
	now := t0.Add(65 * time.Second)
	var h Histogram
	live := LiveSummary{Time: now, Iface: "eth0", Elapsed: 3 * time.Second, Kernel: true, Received: 9,
		Snap: TakeSnapshot(maps.Values(tb), now, 3, 5)}
	for _, final := range []bool{false, true} {
		live.Final = final
		b := AppendSummary(nil, &Summary{Frames: 7, TCP: 7}, 0, &h, &live)
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%v: %s", err, b)
		}
		for _, f := range []string{"type", "ts", "final", "iface", "elapsed", "frames", "connections", "received", "dropped_kernel",
			"dropped_iface", "active", "active_states", "oldest_age", "busiest", "oldest", "states"} {
			if _, ok := m[f]; !ok {
				t.Errorf("final %v: no %q in %s", final, f, b)
			}
		}
		if _, ok := m["tcp"]; ok != final {
			t.Errorf("final %v: tcp present %v; want only in the final record: %s", final, ok, b)
		}
		as := m["active_states"].(map[string]any)
		if len(as) != 2 || as["CLOSE-WAIT"] != 1.0 || as["FIN-WAIT-2"] != 1.0 {
			t.Errorf("active_states %v; want FIN-WAIT-2 and CLOSE-WAIT only, no CLOSED", as)
		}
		if a := m["oldest_age"].(map[string]any)["CLOSE-WAIT"]; a != 64.995 {
			t.Errorf("oldest_age of CLOSE-WAIT %v; want 64.995", a)
		}
		old := m["oldest"].([]any)
		if len(old) != 2 {
			t.Fatalf("oldest %v", old)
		}
		o := old[1].(map[string]any)
		if o["conn"] != 1.0 || o["side"] != "resp" || o["state"] != "CLOSE-WAIT" || o["endpoint"] != "[fd00::2]:443" ||
			o["peer"] != "[fd00::1]:40000" || o["age"] != 64.995 || len(o["uid"].(string)) != 18 {
			t.Errorf("oldest[1] %v", o)
		}
	}
}
