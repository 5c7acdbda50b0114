package tracker

import (
	"reflect"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
)

// copier checks, at every callback, that a ConnCopy of the connection
// reads as the connection itself, and keeps what Firing said.
type copier struct {
	t      *testing.T
	tr     *Tracker
	x      ConnCopy
	pool   CopyPool
	ids    []uint64
	firing []time.Time
}

func (o *copier) check(c *Conn) {
	o.x.Copy(c, &o.pool)
	// Field for field, but for the sequence analysis, of which a copy
	// holds what readers see.
	x, y := o.x.Conn, *c
	for s := Orig; s <= Resp; s++ {
		if *x.SeqStats(s) != *y.SeqStats(s) || x.InFlight(s) != y.InFlight(s) || x.Reopened(s) != y.Reopened(s) {
			o.t.Fatalf("c%d: the copy's sequence analysis differs", c.ID())
		}
		x.ep[s].seq, y.ep[s].seq = reassembly.Dir{}, reassembly.Dir{}
	}
	if !reflect.DeepEqual(&x, &y) {
		o.t.Fatalf("c%d: the copy differs from the connection", c.ID())
	}
	if c.ep[Orig].seq.HasDetail() && o.x.ep[Orig].seq.Stats() == c.ep[Orig].seq.Stats() {
		o.t.Fatalf("c%d: the copy shares the connection's Detail", c.ID())
	}
}

func (o *copier) Packet(c *Conn, _ *segment.Segment, _ Side, _ []Event) {
	o.check(c)
	o.ids = append(o.ids, c.ID())
}

func (o *copier) Events(c *Conn, _ []Event) {
	o.check(c)
	if at, ok := o.tr.Firing(); ok {
		o.firing = append(o.firing, at)
	}
}

func (o *copier) Done(c *Conn) { o.check(c) }

func TestShardHooks(t *testing.T) {
	o := &copier{t: t}
	tr := New(Config{PacketIDs: true, TimeWait: time.Second}, o)
	o.tr = tr
	segs := cat(handshake(), []segment.Segment{
		withPayload(pkt(30, "c>s", "P.", 1, 1, 100)),
		pkt(31, "s>c", ".", 1, 101, 0),
		pkt(40, "c>s", "F.", 101, 1, 0),
		pkt(41, "s>c", "F.", 1, 102, 0),
		pkt(42, "c>s", ".", 102, 2, 0),
	})
	for i := range segs {
		segs[i].Pkt = uint64(i + 7)
		tr.Handle(&segs[i])
	}
	// A segment of another shard moves the clock: TIME-WAIT ends.
	late := pkt(5000, "c>s", "S", 9000, 0, 0)
	late.Pkt = 99
	tr.Skip(&late)
	if len(o.ids) == 0 || o.ids[0] != 7 {
		t.Fatalf("ids %v: want the creating packet's number, 7", o.ids)
	}
	if len(o.firing) != 1 || !o.firing[0].Equal(segs[len(segs)-1].Time.Add(time.Second)) {
		t.Fatalf("Firing gave %v: want TIME-WAIT's end", o.firing)
	}
	if st := tr.Stats(); st.Segments != uint64(len(segs)) {
		t.Fatalf("Skip counted a segment: %d", st.Segments)
	}
	if k := KeyOf(&segs[0]); k.Hash() != KeyOf(&segs[1]).Hash() {
		t.Fatal("KeyOf: the two directions hash apart")
	}
}

func withPayload(s segment.Segment) segment.Segment {
	s.Payload = make([]byte, s.PayloadLen)
	return s
}
