// Package clickhouse ships what a flowtrace sensor produces to ClickHouse.
package clickhouse

// DefaultDatabase is the database when the sink URL names none.
const DefaultDatabase = "flowtrace"
