// Package clickhouse ships what a flowtrace sensor produces to ClickHouse:
// it owns the tables' schema (WriteSchema, Statements: the DDL of
// `flowtrace schema clickhouse`), the rows' encoding and the Sink, a
// tracker.Observer, tracker.ProbeObserver and findings.Sink that turns
// connection records, transitions, probes, findings and a per-minute
// histogram of live endpoints per host and state into rows.
//
// Rows are JSON objects, one per line, inserted with
// INSERT INTO db.table FORMAT JSONEachRow over ClickHouse's HTTP
// interface with plain net/http: the one request the sink needs is a few
// lines, and the encoding is what the printers already write.
// github.com/ClickHouse/clickhouse-go speaks the native protocol and
// would bring a dozen dependencies for a gain (columnar batches) that
// matters only far above one sensor's rate.
//
// Batching, the queue, the spool and the retries are package sink's. The
// sink callbacks run on the capture goroutine and only append to a
// buffer per table (under a mutex shared with the goroutine that seals
// batches on time); nothing waits for the network.
//
// # Exactly once
//
// Every row carries the sensor, the batch id and its row number in the
// batch, and every table is a ReplacingMergeTree whose sorting key ends
// with (batch, row): a batch sent twice (a retry after a lost answer, or
// a spool file re-sent after a crash) collapses to one copy, at once in
// queries with FINAL and in the background when parts merge. ClickHouse
// 18.16 (Debian's) deduplicates inserts only into Replicated tables
// (insert_deduplicate) and has neither non_replicated_deduplication_window
// nor insert_deduplication_token, so the key in the data is what works on
// every version. The roll-up (host_states_1m) keeps max and uniq states,
// which a duplicate row does not change.
package clickhouse

// DefaultDatabase is the database when the sink URL names none.
const DefaultDatabase = "flowtrace"
