// Package sink moves a sensor's records to a remote store without ever
// making the capture wait: it owns the batches (Batch), the bounded queue
// in memory and on disk (Queue, Spool) and the goroutine that delivers
// them in order with retries (Sender). The stores' own packages (such as
// sink/clickhouse) encode the rows and implement Deliverer.
//
// # Nothing lost, nothing blocking
//
// The capture goroutine seals rows into batches and puts them in the
// Queue: in memory up to a byte bound, then (or while anything is already
// spooled, to keep the order) into the spool directory, one file per
// batch, up to a size cap. Only a batch that fits in neither is dropped,
// and its rows are counted (Stats.Dropped). The Sender delivers the
// oldest batch, retrying it with exponential backoff (MinBackoff to
// MaxBackoff) while the store is down; a batch leaves the queue only when
// the store has acknowledged it. At the end of a run (SIGTERM included)
// Sender.Close keeps delivering until a deadline, then spools what is
// left in memory; the next run with the same spool directory sends it
// first.
//
// # Exactly once
//
// A batch's body is fixed when it is sealed, and every row carries the
// batch id and its row number within the batch. A retry (the store took
// the insert but the answer was lost, or the process died before it
// removed the spool file) sends the same bytes again, so the store can
// recognise the rows: sink/clickhouse keys its tables on them.
package sink
