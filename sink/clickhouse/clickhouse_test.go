package clickhouse

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/internal/chserver"
	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/sink"
	"github.com/flowtrace/flowtrace/tracker"
)

// collector is an HTTP server that takes inserts as ClickHouse would.
type collector struct {
	mu   sync.Mutex
	rows map[string][]map[string]any // by table
	srv  *httptest.Server
}

func newCollector(t *testing.T) *collector {
	c := &collector{rows: map[string][]map[string]any{}}
	c.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query().Get("query")
		table, ok := strings.CutPrefix(q, "INSERT INTO flowtrace.")
		table, ok2 := strings.CutSuffix(table, " FORMAT JSONEachRow")
		if !ok || !ok2 {
			http.Error(w, "bad query "+q, http.StatusBadRequest)
			return
		}
		body, _ := io.ReadAll(r.Body)
		c.mu.Lock()
		defer c.mu.Unlock()
		for _, line := range bytes.Split(bytes.TrimSuffix(body, []byte("\n")), []byte("\n")) {
			var row map[string]any
			if err := json.Unmarshal(line, &row); err != nil {
				t.Errorf("%s: bad row %s: %v", table, line, err)
			}
			c.rows[table] = append(c.rows[table], row)
		}
	}))
	t.Cleanup(c.srv.Close)
	return c
}

// replay tracks a bundled trace into s, as flowtrace does.
func replay(t *testing.T, s *Sink, name string) {
	t.Helper()
	f, err := capture.OpenFile("../../testdata/pcaps/"+name, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	eng := findings.New(findings.Config{}, s)
	tr := tracker.New(tracker.Config{}, tracker.Tee(findings.Chain(nopObserver{}, eng), s))
	rd := capture.NewReader(f)
	var seg segment.Segment
	for rd.Next(&seg) == nil {
		tr.Handle(&seg)
	}
	s.EndOfInput()
	tr.Flush()
	eng.Close()
}

type nopObserver struct{}

func (nopObserver) Packet(*tracker.Conn, *segment.Segment, tracker.Side, []tracker.Event) {}
func (nopObserver) Events(*tracker.Conn, []tracker.Event)                                 {}
func (nopObserver) Done(*tracker.Conn)                                                    {}

// TestRowsMatchSchema: every row has exactly its table's columns (18.16
// fills an omitted column with its type's default, not its DEFAULT), and
// the key columns tell rows apart.
func TestRowsMatchSchema(t *testing.T) {
	c := newCollector(t)
	s, err := New(Config{URL: c.srv.URL + "/?database=flowtrace", Sensor: "s1", Transitions: true, BatchRows: 7})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"syn-flood.pcap", "stealth-xmas.pcap", "close-wait-stuck.pcap"} {
		replay(t, s, name)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		rows := c.rows[tb.name]
		if len(rows) == 0 {
			t.Errorf("no %s rows", tb.name)
			continue
		}
		var want []string
		for _, col := range append(slices.Clone(keyCols), tb.cols...) {
			want = append(want, col.name)
		}
		slices.Sort(want)
		seen := map[string]bool{}
		for _, row := range rows {
			var got []string
			for k := range row {
				got = append(got, k)
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("%s row columns %v, want %v", tb.name, got, want)
			}
			if row["sensor"] != "s1" {
				t.Errorf("%s row sensor %v", tb.name, row["sensor"])
			}
			key := row["batch"].(string) + "/" + strings.TrimSpace(string(mustJSON(row["row"])))
			if seen[key] {
				t.Errorf("%s: two rows with the key %s", tb.name, key)
			}
			seen[key] = true
		}
	}
	if st := s.Stats(); st.Dropped != 0 || st.Pending != 0 {
		t.Errorf("stats %+v", st)
	}
}

func mustJSON(v any) []byte { b, _ := json.Marshal(v); return b }

// TestNoAllocs: a packet costs the sink no allocation, transitions
// included (their rows go into a reused buffer).
func TestNoAllocs(t *testing.T) {
	s, err := New(Config{URL: "http://127.0.0.1:1/", Sensor: "s", Transitions: true, QueueBytes: 1 << 30, BatchWait: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cl, sv := netip.MustParseAddrPort("10.0.0.1:40000"), netip.MustParseAddrPort("10.0.0.2:80")
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	mk := func(ms int, fromClient bool, f segment.Flags, seq, ack uint32, n int) segment.Segment {
		a, b := cl, sv
		if !fromClient {
			a, b = b, a
		}
		return segment.Segment{Time: t0.Add(time.Duration(ms) * time.Millisecond), Src: a.Addr(), Dst: b.Addr(), SrcPort: a.Port(), DstPort: b.Port(),
			Seq: seqnum.Value(seq), Ack: seqnum.Value(ack), Flags: f, PayloadLen: n, Window: 100, IPLen: 60 + n}
	}
	tr := tracker.New(tracker.Config{}, s)
	for _, seg := range []segment.Segment{mk(0, true, segment.SYN, 100, 0, 0), mk(1, false, segment.SYN|segment.ACK, 900, 101, 0), mk(2, true, segment.ACK, 101, 901, 0)} {
		tr.Handle(&seg)
	}
	data := mk(3, true, segment.ACK|segment.PSH, 101, 901, 10)
	if n := testing.AllocsPerRun(1000, func() { data.Seq += 10; tr.Handle(&data) }); n != 0 {
		t.Errorf("%v allocs per packet, want 0", n)
	}
	ev := []tracker.Event{{Kind: tracker.Transition, Time: t0, Pkt: 9, Side: tracker.Orig, From: tracker.Established, To: tracker.FinWait1, Reason: "sent FIN"}}
	var c *tracker.Conn
	probe := &connGrabber{}
	tr2 := tracker.New(tracker.Config{}, probe)
	seg0 := mk(0, true, segment.SYN, 100, 0, 0)
	tr2.Handle(&seg0)
	c = probe.c
	for range 20000 { // warm the buffer up past a few batches
		s.Packet(c, &data, tracker.Orig, ev)
	}
	if n := testing.AllocsPerRun(1000, func() { s.Packet(c, &data, tracker.Orig, ev) }); n != 0 {
		t.Errorf("%v allocs per packet with a transition, want 0", n)
	}
}

type connGrabber struct{ c *tracker.Conn }

func (g *connGrabber) Packet(c *tracker.Conn, _ *segment.Segment, _ tracker.Side, _ []tracker.Event) {
	g.c = c
}
func (g *connGrabber) Events(*tracker.Conn, []tracker.Event) {}
func (g *connGrabber) Done(*tracker.Conn)                    {}

func TestNewBadURL(t *testing.T) {
	for _, u := range []string{"", "ftp://x/", "http://", "::"} {
		if _, err := New(Config{URL: u}); err == nil {
			t.Errorf("New(%q) accepted", u)
		}
	}
	cl, err := newClient("http://u:p@h:8123/?database=db&async_insert=1")
	if err != nil {
		t.Fatal(err)
	}
	if cl.database != "db" || cl.base.Query().Get("async_insert") != "1" || cl.base.Query().Get("input_format_skip_unknown_fields") != "1" || cl.base.User != nil {
		t.Errorf("client %+v %v", cl, cl.base)
	}
}

func TestSchemaForms(t *testing.T) {
	var b strings.Builder
	WriteSchema(&b, SchemaOptions{})
	single := b.String()
	for _, want := range []string{"CREATE DATABASE IF NOT EXISTS flowtrace", "ENGINE = ReplacingMergeTree()", "PARTITION BY toDate(ts)", "ORDER BY (sensor, ts, batch, row)", "CREATE MATERIALIZED VIEW IF NOT EXISTS flowtrace.host_states_1m_mv\nTO flowtrace.host_states_1m", "proto String DEFAULT 'tcp'"} {
		if !strings.Contains(single, want) {
			t.Errorf("schema lacks %q", want)
		}
	}
	if strings.Contains(single, "CLUSTER") || strings.Contains(single, "Distributed") {
		t.Errorf("single-server schema has cluster statements")
	}
	b.Reset()
	WriteSchema(&b, SchemaOptions{Cluster: "fleet", Database: "ft"})
	cl := b.String()
	for _, want := range []string{"CREATE DATABASE IF NOT EXISTS ft ON CLUSTER fleet", "CREATE TABLE IF NOT EXISTS ft.conns_local ON CLUSTER fleet", "ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/ft/conns_local', '{replica}')", "CREATE TABLE IF NOT EXISTS ft.conns ON CLUSTER fleet AS ft.conns_local\nENGINE = Distributed(fleet, ft, conns_local, cityHash64(sensor))", "FROM ft.states_local", "ENGINE = Distributed(fleet, ft, host_states_1m_local, rand())"} {
		if !strings.Contains(cl, want) {
			t.Errorf("cluster schema lacks %q", want)
		}
	}
}

// TestRealServer runs both forms of the DDL on a real clickhouse-server
// and checks that a batch delivered twice is counted once.
func TestRealServer(t *testing.T) {
	srv := chserver.Start(t)
	for _, stmt := range Statements(SchemaOptions{}) {
		srv.MustQuery(stmt)
	}
	// The cluster form needs ZooKeeper for ON CLUSTER and Replicated
	// tables; without it, check the rest of it (the Distributed tables
	// over local tables, the view on the local names) on the server's
	// one-shard cluster.
	for _, stmt := range Statements(SchemaOptions{Cluster: "flowtrace_test", Database: "clustered"}) {
		stmt = strings.ReplaceAll(stmt, " ON CLUSTER flowtrace_test", "")
		if i := strings.Index(stmt, "ReplicatedReplacingMergeTree("); i >= 0 {
			stmt = stmt[:i] + "ReplacingMergeTree()" + stmt[strings.Index(stmt[i:], ")")+i+1:]
		}
		if i := strings.Index(stmt, "ReplicatedAggregatingMergeTree("); i >= 0 {
			stmt = stmt[:i] + "AggregatingMergeTree()" + stmt[strings.Index(stmt[i:], ")")+i+1:]
		}
		srv.MustQuery(stmt)
	}

	cl, err := newClient(srv.URL() + "?database=flowtrace")
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(`{"sensor":"s","batch":"b1","row":0,"minute":1795390080,"host":"10.0.0.1","state":"TIME-WAIT","endpoints":3}
{"sensor":"s","batch":"b1","row":1,"minute":1795390080,"host":"10.0.0.2","state":"ESTABLISHED","endpoints":2}
`)
	b := &sink.Batch{ID: "b1", Table: TableStates, Rows: 2, Body: body}
	for range 2 { // the answer to the first was lost: the sender retries
		if err := cl.Deliver(context.Background(), b); err != nil {
			t.Fatal(err)
		}
	}
	if got := srv.MustQuery("SELECT count() FROM flowtrace.states"); got != "4" {
		t.Errorf("%s rows stored, want 4 (two inserts)", got)
	}
	if got := srv.MustQuery("SELECT count(), sum(endpoints) FROM flowtrace.states FINAL"); got != "2\t5" {
		t.Errorf("FINAL: %q, want 2 rows, 5 endpoints", got)
	}
	if got := srv.MustQuery("SELECT maxMerge(peak), uniqMerge(sensors) FROM flowtrace.host_states_1m WHERE host = '10.0.0.1'"); got != "3\t1" {
		t.Errorf("roll-up after a duplicate insert: %q, want peak 3 from 1 sensor", got)
	}
	// Through the Distributed table of the cluster form.
	cl2, _ := newClient(srv.URL() + "?database=clustered&insert_distributed_sync=1")
	if err := cl2.Deliver(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	if got := srv.MustQuery("SELECT count() FROM clustered.states FINAL"); got != "2" {
		t.Errorf("Distributed states: %s rows, want 2", got)
	}
	if got := srv.MustQuery("SELECT maxMerge(peak) FROM clustered.host_states_1m WHERE host = '10.0.0.1'"); got != "3" {
		t.Errorf("Distributed roll-up: %q, want 3", got)
	}
	// A bad batch is an error with the server's message.
	err = cl.Deliver(context.Background(), &sink.Batch{Table: "nope", Rows: 1, Body: []byte("{}\n")})
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("insert into a missing table: %v", err)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		t.Errorf("error keeps net/http's URL: %v", err)
	}
}
