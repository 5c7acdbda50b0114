package tracker

import "github.com/flowtrace/flowtrace/segment"

// This file handles segments whose checksum was verified and found wrong
// (segment.Segment.BadChecksum). Their receiver dropped them, so they
// change nothing: no transition, no sequence analysis, no packet or byte
// counts, no idle-timer refresh. They are only recorded: counted on the
// connection, added to its history as Zeek does ('C' from the originator,
// 'c' from the responder, on the 1st, 10th, 100th, … of each side), and
// reported to the observer with a Note. A bad segment that matches no
// connection creates none (Zeek would create one with history "C"); it
// is counted in Stats.BadChecksumNoConn.

// badChecksumNote is the Note's reason.
const badChecksumNote = "segment with bad checksum: dropped by its receiver, not applied"

// badChecksum records a segment with a bad checksum.
func (t *Tracker) badChecksum(seg *segment.Segment) {
	t.stats.BadChecksum++
	key, srcFirst := tupleOf(seg)
	c := t.lookup(&key, t.conns.hash(&key))
	if c == nil {
		t.stats.BadChecksumNoConn++
		return
	}
	s := c.sideOf(srcFirst)
	if c.rareOf(t).ck[s].hit() {
		c.hist.add(s, 'C')
	}
	c.class = 0 // the class describes the latest segment, which was not analysed
	t.evTime, t.evPkt = seg.Time, seg.Pkt
	t.evs = t.evs[:0]
	t.emit(Event{Kind: Note, Side: s, Reason: badChecksumNote})
	t.obs.Packet(c, seg, s, t.evs)
	t.evs = t.evs[:0]
}

// BadChecksums returns how many segments with a bad checksum side s sent
// on this connection; none of them was applied.
func (c *Conn) BadChecksums(s Side) uint64 {
	if c.rare == nil {
		return 0
	}
	return c.rare.ck[s].n
}
