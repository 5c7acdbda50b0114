package clickhouse

import (
	"fmt"
	"io"
	"strings"
)

// column is one column of a table: its name, its ClickHouse type and,
// for a column older sensors may not send, its default.
type column struct{ name, typ, def string }

// table is one table the sink inserts into.
type table struct {
	name    string
	cols    []column
	time    string // the DateTime column it is partitioned by (by day)
	orderBy string // the sorting key; it ends with batch, row: the dedup key
}

// Every row starts with these: which sensor sent it, and where in which
// batch (the dedup key, see doc.go).
var keyCols = []column{
	{"sensor", "String", ""},
	{"batch", "String", ""},
	{"row", "UInt32", ""},
}

// The tables, in the order the DDL creates them. Times are DateTime
// (seconds, UTC) plus a _us column of microseconds: ClickHouse 18.16 has
// no DateTime64.
var tables = []table{
	{name: TableConns, time: "ts", orderBy: "sensor, ts, batch, row", cols: []column{
		{"ts", "DateTime", ""}, {"ts_us", "UInt32", ""},
		{"uid", "String", ""},
		{"orig_h", "String", ""}, {"orig_p", "UInt16", ""},
		{"resp_h", "String", ""}, {"resp_p", "UInt16", ""},
		{"duration", "Float64", ""},
		{"orig_state", "String", ""}, {"resp_state", "String", ""},
		{"conn_state", "String", ""}, {"history", "String", ""},
		{"end", "String", ""}, {"removed", "String", ""},
		{"orig_pkts", "UInt64", ""}, {"resp_pkts", "UInt64", ""},
		{"orig_bytes", "UInt64", ""}, {"resp_bytes", "UInt64", ""},
		{"handshake_rtt", "Float64", ""}, // seconds; 0: no clean handshake seen
		{"syn_rexmits", "UInt32", ""}, {"synack_rexmits", "UInt32", ""},
		{"midstream", "UInt8", ""},
	}},
	{name: TableTransitions, time: "ts", orderBy: "sensor, ts, batch, row", cols: []column{
		{"ts", "DateTime", ""}, {"ts_us", "UInt32", ""},
		{"uid", "String", ""}, {"pkt", "UInt64", ""},
		{"side", "String", ""}, // orig or resp
		{"host", "String", ""}, {"port", "UInt16", ""},
		{"from_state", "String", ""}, {"to_state", "String", ""},
		{"reason", "String", ""}, {"inferred", "UInt8", ""},
		{"age", "Float64", ""}, // seconds spent in from_state
	}},
	{name: TableFindings, time: "ts", orderBy: "sensor, ts, batch, row", cols: []column{
		{"ts", "DateTime", ""}, {"ts_us", "UInt32", ""}, // the first evidence
		{"last_ts", "DateTime", ""}, {"fire_ts", "DateTime", ""},
		{"kind", "String", ""}, {"severity", "String", ""},
		{"subject", "String", ""}, {"summary", "String", ""},
		{"first_pkt", "UInt64", ""}, {"fire_pkt", "UInt64", ""},
		{"evidence", "String", ""}, // a JSON object: visitParam*/JSONExtract* read it
	}},
	{name: TableProbes, time: "ts", orderBy: "sensor, ts, batch, row", cols: []column{
		{"ts", "DateTime", ""}, {"ts_us", "UInt32", ""},
		{"uid", "String", ""}, {"pkt", "UInt64", ""},
		{"proto", "String", "'tcp'"},
		{"prober_h", "String", ""}, {"prober_p", "UInt16", ""},
		{"target_h", "String", ""}, {"target_p", "UInt16", ""},
		{"kind", "String", ""}, {"flags", "String", ""},
		{"count", "UInt32", ""}, {"answer", "String", ""},
		{"verdict", "String", ""},
	}},
	{name: TableStates, time: "minute", orderBy: "sensor, minute, host, state, batch, row", cols: []column{
		{"minute", "DateTime", ""},
		{"host", "String", ""}, {"state", "String", ""},
		{"endpoints", "UInt32", ""},
	}},
}

// The table names.
const (
	TableConns       = "conns"
	TableTransitions = "transitions"
	TableFindings    = "findings"
	TableProbes      = "probes"
	TableStates      = "states"
	// TableHostStates is the roll-up the materialized view fills from
	// states: per host, minute and state, the most endpoints any sensor
	// counted and how many sensors counted them.
	TableHostStates = "host_states_1m"
	viewHostStates  = "host_states_1m_mv"
)

// SchemaOptions chooses the form of the DDL.
type SchemaOptions struct {
	// Database is created if missing and holds every table.
	Database string
	// Cluster, if set, gives the multi-shard form: every statement ON
	// CLUSTER, Replicated*MergeTree tables named NAME_local on each
	// shard, and Distributed tables named as the single-server tables
	// over them, sharded by sensor.
	Cluster string
}

// WriteSchema writes the DDL: CREATE statements separated by ";\n\n",
// each one runnable on its own (clickhouse-client --multiquery, or one
// per HTTP request: see Statements).
func WriteSchema(w io.Writer, o SchemaOptions) error {
	_, err := io.WriteString(w, strings.Join(Statements(o), ";\n\n")+";\n")
	return err
}

// Statements returns the DDL, one statement each, without semicolons.
func Statements(o SchemaOptions) []string {
	db := o.Database
	if db == "" {
		db = DefaultDatabase
	}
	on := ""
	if o.Cluster != "" {
		on = " ON CLUSTER " + quoteIdent(o.Cluster)
	}
	var out []string
	out = append(out, fmt.Sprintf("CREATE DATABASE IF NOT EXISTS %s%s", quoteIdent(db), on))
	local := func(name string) string {
		if o.Cluster != "" {
			return name + "_local"
		}
		return name
	}
	engine := func(name, kind string) string {
		if o.Cluster == "" {
			return kind + "()"
		}
		return fmt.Sprintf("Replicated%s('/clickhouse/tables/{shard}/%s/%s', '{replica}')", kind, db, local(name))
	}
	// A sensor's rows go to one shard (retries included, so they
	// deduplicate there); the roll-up is filled on each shard by its view
	// and only read through its Distributed table.
	distributed := func(name, shardBy string) {
		if o.Cluster == "" {
			return
		}
		out = append(out, fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s.%s%s AS %s.%s\nENGINE = Distributed(%s, %s, %s, %s)",
			quoteIdent(db), name, on, quoteIdent(db), local(name), quoteIdent(o.Cluster), quoteIdent(db), local(name), shardBy))
	}
	for _, t := range tables {
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE TABLE IF NOT EXISTS %s.%s%s (\n", quoteIdent(db), local(t.name), on)
		cols := append(append([]column{}, keyCols...), t.cols...)
		for i, c := range cols {
			fmt.Fprintf(&b, "    %s %s", quoteIdent(c.name), c.typ)
			if c.def != "" {
				fmt.Fprintf(&b, " DEFAULT %s", c.def)
			}
			if i < len(cols)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, ")\nENGINE = %s\nPARTITION BY toDate(%s)\nORDER BY (%s)", engine(t.name, "ReplacingMergeTree"), t.time, t.orderBy)
		out = append(out, b.String())
		distributed(t.name, "cityHash64(sensor)")
	}
	out = append(out, fmt.Sprintf(`CREATE TABLE IF NOT EXISTS %s.%s%s (
    minute DateTime,
    host String,
    state String,
    peak AggregateFunction(max, UInt32),
    sensors AggregateFunction(uniq, String)
)
ENGINE = %s
PARTITION BY toDate(minute)
ORDER BY (host, minute, state)`, quoteIdent(db), local(TableHostStates), on, engine(TableHostStates, "AggregatingMergeTree")))
	out = append(out, fmt.Sprintf(`CREATE MATERIALIZED VIEW IF NOT EXISTS %s.%s%s
TO %s.%s
AS SELECT minute, host, state, maxState(endpoints) AS peak, uniqState(sensor) AS sensors
FROM %s.%s
GROUP BY minute, host, state`, quoteIdent(db), local(viewHostStates), on, quoteIdent(db), local(TableHostStates), quoteIdent(db), local(TableStates)))
	distributed(TableHostStates, "rand()")
	return out
}

// quoteIdent quotes a name for ClickHouse SQL if it needs it.
func quoteIdent(s string) string {
	plain := s != ""
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			plain = false
		}
	}
	if plain {
		return s
	}
	return "`" + strings.NewReplacer("\\", "\\\\", "`", "\\`").Replace(s) + "`"
}
