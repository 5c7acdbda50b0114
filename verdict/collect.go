package verdict

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/flowtrace/flowtrace/findings"
	"github.com/flowtrace/flowtrace/printer"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// Collector is a tracker.Observer (and a printer.Printer, to sit in a
// printer.Tee) that keeps every connection's conn record for the rules.
// The records are the JSON printer's own, so rules name exactly the
// fields --json writes. It costs a map lookup per packet (first and last
// packet numbers) and a JSON encoding and decoding per connection.
type Collector struct {
	buf      bytes.Buffer
	json     *printer.JSON
	pkts     map[uint64][2]uint64 // connection number: first and last packet
	conns    []Conn
	findings []Finding
	err      error
}

// NewCollector returns a Collector; tunnels describes tunnelled
// connections as the printers see them (may be nil).
func NewCollector(tunnels printer.TunnelLookup) *Collector {
	c := &Collector{pkts: map[uint64][2]uint64{}}
	c.json = printer.NewJSON(&c.buf, printer.Options{Quiet: true, Tunnels: tunnels})
	return c
}

// Packet implements tracker.Observer.
func (c *Collector) Packet(conn *tracker.Conn, seg *segment.Segment, _ tracker.Side, _ []tracker.Event) {
	id := conn.ID()
	p, ok := c.pkts[id]
	if !ok {
		p[0] = seg.Pkt
	}
	p[1] = seg.Pkt
	c.pkts[id] = p
}

// Fired implements findings.Sink: nothing to do until the episode ends.
func (c *Collector) Fired(*findings.Finding) {}

// Ended implements findings.Sink: the finding, for finding= rules.
func (c *Collector) Ended(f *findings.Finding) {
	c.findings = append(c.findings, Finding{Kind: f.Kind, Severity: string(f.Severity), Subject: f.Subject, FirstPkt: f.FirstPkt, LastPkt: f.LastPkt})
}

// Findings returns the findings whose episodes ended, in that order.
func (c *Collector) Findings() []Finding { return c.findings }

// Events implements tracker.Observer.
func (c *Collector) Events(*tracker.Conn, []tracker.Event) {}

// Done implements tracker.Observer: the connection's record.
func (c *Collector) Done(conn *tracker.Conn) {
	c.buf.Reset()
	c.json.Done(conn)
	if err := c.json.Flush(); err != nil && c.err == nil {
		c.err = err
	}
	rec := Conn{UID: conn.UID().String(), Fields: map[string]any{}}
	if err := json.Unmarshal(c.buf.Bytes(), &rec.Fields); err != nil && c.err == nil {
		c.err = fmt.Errorf("verdict: conn record: %w", err)
	}
	rec.Tuple = conn.Addr(tracker.Orig).String() + " > " + conn.Addr(tracker.Resp).String()
	id := conn.ID()
	p := c.pkts[id]
	rec.FirstPkt, rec.LastPkt = p[0], p[1]
	delete(c.pkts, id)
	c.conns = append(c.conns, rec)
}

// Close implements printer.Printer.
func (c *Collector) Close(printer.Summary) error { return c.err }

// Conns returns the connections collected, in the order they ended.
func (c *Collector) Conns() []Conn { return c.conns }
