package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/internal/flagdoc"
	"github.com/flowtrace/flowtrace/printer"
	"github.com/flowtrace/flowtrace/sink/clickhouse"
	"github.com/flowtrace/flowtrace/tracker"
)

const groupSink = "Sink (many sensors into ClickHouse)"

// sinkConfig is the sink flags.
type sinkConfig struct {
	spec     string // --sink KIND=URL
	sensor   string
	spoolMax string
	queue    string
	ch       clickhouse.Config
}

func addSinkFlags(fs *pflag.FlagSet, c *sinkConfig) {
	fs.StringVar(&c.spec, "sink", "", "also send connection records, findings, probes and a per-minute state histogram to `KIND=URL`: clickhouse=http://host:8123/?database=flowtrace")
	fs.BoolVar(&c.ch.Transitions, "sink-transitions", false, "also send every state transition to the sink")
	fs.StringVar(&c.sensor, "sensor", "", "the sensor's `NAME` in every row sent (default: the host name)")
	fs.StringVar(&c.ch.SpoolDir, "sink-spool", "", "spool batches the sink cannot deliver yet to `DIR`, and deliver what a previous run left there first (without it, undeliverable rows are held in memory only)")
	fs.StringVar(&c.spoolMax, "sink-spool-max", "1G", "the spool's size cap (`SIZE`, with K, M or G); beyond it batches are dropped, counted and reported")
	fs.StringVar(&c.queue, "sink-queue", "64M", "batches waiting in memory, at most (`SIZE`); beyond it they go to the spool")
	fs.IntVar(&c.ch.BatchRows, "sink-batch-rows", clickhouse.DefaultBatchRows, "send a batch when a table has `N` rows waiting…")
	fs.DurationVar(&c.ch.BatchWait, "sink-batch-wait", clickhouse.DefaultBatchWait, "…or when its oldest row has waited this long (wall clock)")
	fs.DurationVar(&c.ch.FlushWait, "sink-flush-wait", clickhouse.DefaultFlushWait, "at the end (or SIGTERM), how long to go on delivering before the rest is left in the spool")
	flagdoc.SetGroup(fs, groupSink, "sink", "sink-transitions", "sensor", "sink-spool", "sink-spool-max", "sink-queue", "sink-batch-rows", "sink-batch-wait", "sink-flush-wait")
	flagdoc.SetComplete(fs, "sink-spool", flagdoc.CompleteFile)
}

// checkSinkFlags checks the sink flags and fills in the defaults.
func checkSinkFlags(fs *pflag.FlagSet, c *sinkConfig) error {
	for _, name := range []string{"sink-transitions", "sensor", "sink-spool", "sink-spool-max", "sink-queue", "sink-batch-rows", "sink-batch-wait", "sink-flush-wait"} {
		if fs.Changed(name) && c.spec == "" {
			return usagef("--%s needs --sink", name)
		}
	}
	if c.spec == "" {
		return nil
	}
	kind, url, ok := strings.Cut(c.spec, "=")
	if !ok || kind != "clickhouse" {
		return usagef("--sink must be clickhouse=URL, not %q", c.spec)
	}
	c.ch.URL = url
	if err := clickhouse.CheckURL(url); err != nil {
		return usagef("--sink: %v", err)
	}
	max, err := parseSize(c.spoolMax)
	if err != nil {
		return usagef("--sink-spool-max: %v", err)
	}
	c.ch.SpoolMax = max
	q, err := parseSize(c.queue)
	if err != nil {
		return usagef("--sink-queue: %v", err)
	}
	c.ch.QueueBytes = int(q)
	switch {
	case c.ch.BatchRows <= 0:
		return usagef("--sink-batch-rows must be positive, not %d", c.ch.BatchRows)
	case c.ch.BatchWait <= 0:
		return usagef("--sink-batch-wait must be positive, not %v", c.ch.BatchWait)
	case c.ch.FlushWait <= 0:
		return usagef("--sink-flush-wait must be positive, not %v", c.ch.FlushWait)
	}
	if c.sensor == "" {
		if c.sensor, err = os.Hostname(); err != nil || c.sensor == "" {
			return usagef("--sensor: no host name to default to, give one")
		}
	}
	c.ch.Sensor = c.sensor
	return nil
}

// parseSize reads 1024, 64K, 512M, 1G.
func parseSize(s string) (int64, error) {
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "K"):
		mult = 1 << 10
	case strings.HasSuffix(s, "M"):
		mult = 1 << 20
	case strings.HasSuffix(s, "G"):
		mult = 1 << 30
	}
	if mult > 1 {
		s = s[:len(s)-1]
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("want a positive size such as 512M, not %q", s)
	}
	return n * mult, nil
}

// withSink tees the --sink after obs and after the findings sink fs. It
// returns the observer and findings sink to use and the sink (nil
// without --sink).
func withSink(cfg *config, obs tracker.Observer, fs findings.Sink, stderr io.Writer) (tracker.Observer, findings.Sink, *clickhouse.Sink, error) {
	if cfg.sink.spec == "" {
		return obs, fs, nil, nil
	}
	c := cfg.sink.ch
	c.Warn = func(msg string) { fmt.Fprintf(stderr, "flowtrace: %s\n", msg) }
	s, err := clickhouse.New(c)
	if err != nil {
		return nil, nil, nil, err // the spool directory: the URL was checked
	}
	return tracker.Tee(obs, s), findings.Tee(fs, s), s, nil
}

// runSchema is `flowtrace schema clickhouse [--cluster NAME] [--database NAME]`.
func runSchema(args []string, stdout io.Writer) error {
	fs := pflag.NewFlagSet("flowtrace schema", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var o clickhouse.SchemaOptions
	fs.StringVar(&o.Cluster, "cluster", "", "the multi-shard form: ON CLUSTER NAME, Replicated tables and Distributed tables over them")
	fs.StringVar(&o.Database, "database", clickhouse.DefaultDatabase, "the database")
	if err := fs.Parse(args); err != nil {
		return usagef("schema: %v", err)
	}
	if fs.NArg() != 1 || fs.Arg(0) != "clickhouse" {
		return usagef("usage: flowtrace schema clickhouse [--cluster NAME] [--database NAME]")
	}
	return clickhouse.WriteSchema(stdout, o)
}

// zeekFindings adds findings.log (the --zeek-log writer zl, if any) to
// the printer's findings sink p.
func zeekFindings(p findings.Sink, zl *printer.ZeekLog) findings.Sink {
	if zl == nil {
		return p
	}
	return findings.Tee(p, zl)
}

// closeSink ends the sink's run: see clickhouse.Sink.Close.
func closeSink(s *clickhouse.Sink) error {
	if s == nil {
		return nil
	}
	return s.Close()
}

// sinkEndOfInput sends the last minute's histogram before the tracker
// flushes.
func sinkEndOfInput(s *clickhouse.Sink) {
	if s != nil {
		s.EndOfInput()
	}
}
