package capture

import (
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// Reader turns the frames of a [Source] into TCP segments. It is not safe
// for concurrent use. The zero value is not usable; call NewReader.
type Reader struct {
	src   Source
	stats Stats
	err   error     // sticky: the source's error, returned again by every Next
	clock time.Time // linktypes: latest frame timestamp seen (Stats.Backwards)

	expr  string
	progs []linkProg // compiled filter, one per link type seen

	tun  tunneler // TCP inside encapsulations (tunnel.go)
	frag *defrag  // IP reassembly (defrag.go), made on the first fragment
	// fragObs is told of fragment events (fragevent.go).
	fragObs FragObserver
	ck      checker // checksum mode and per-sender offload memory (checksum.go)

	datagrams bool // deliver UDP datagrams and ICMP errors too (datagram.go)
}

type linkProg struct {
	link LinkType
	prog []bpfInsn
}

// NewReader returns a Reader of src's frames. The Reader does not close
// src.
func NewReader(src Source) *Reader {
	return &Reader{src: src}
}

// SetFilter sets a BPF filter in tcpdump syntax (pcap-filter(7)); frames it
// rejects are counted in Stats.Filtered and never decoded. "" removes the
// filter. The expression is compiled at once for the source's first link
// type (Ethernet if the source cannot tell), so a bad expression fails
// here, with an error that matches ErrBadFilter; it is compiled again for
// any other link type the source yields. Matching runs in pure Go.
func (r *Reader) SetFilter(expr string) error {
	r.expr, r.progs = "", nil
	if expr == "" {
		return nil
	}
	link := LinkEthernet
	if lt, ok := r.src.(linkTyper); ok {
		link = lt.LinkType()
	}
	prog, err := compileBPF(expr, link)
	if err != nil {
		return err
	}
	r.expr = expr
	r.progs = append(r.progs, linkProg{link, prog})
	return nil
}

// prog returns the filter program for link, compiling it on first use.
func (r *Reader) prog(link LinkType) ([]bpfInsn, error) {
	for i := range r.progs {
		if r.progs[i].link == link {
			return r.progs[i].prog, nil
		}
	}
	prog, err := compileBPF(r.expr, link)
	if err != nil {
		return nil, err
	}
	r.progs = append(r.progs, linkProg{link, prog})
	return prog, nil
}

// Next decodes the next TCP segment into seg, skipping (and counting)
// frames that are not TCP, are malformed, or do not match the filter.
// With SetDatagrams, UDP datagrams and ICMP errors are delivered too,
// told apart by seg.Kind.
// seg.Payload aliases the source's buffer and is valid only until the next
// call. seg is meaningful only when Next returns nil.
//
// Next returns io.EOF at the clean end of the input. Source errors, such
// as a *TruncatedError, come after every good frame before the damage;
// once Next has returned an error it returns the same error again.
func (r *Reader) Next(seg *segment.Segment) error {
	if r.err != nil {
		return r.err
	}
	for {
		data, ci, link, err := r.src.ReadFrame()
		if err != nil {
			r.endFragments()
			r.err = err
			return err
		}
		r.stats.Frames++
		if link == linkRecord { // linktypes: a pcapng block Wireshark numbers
			r.stats.Records++
			r.stats.NonTCP++
			continue
		}
		ts := ci.Timestamp // linktypes: the clock never goes back
		if ts.Before(r.clock) {
			r.stats.Backwards.back(r.clock, ts, r.stats.Frames)
			ts = r.clock
		} else {
			r.clock = ts
		}
		if r.expr != "" {
			var prog []bpfInsn
			if len(r.progs) > 0 && r.progs[0].link == link {
				prog = r.progs[0].prog
			} else if prog, err = r.prog(link); err != nil {
				r.err = err
				return err
			}
			if bpfRun(prog, data, uint32(ci.Length)) == 0 {
				r.stats.Filtered++
				continue
			}
		}
		v, reason := decode(data, link, seg, &r.stats.Noted, r.checkerFor())
		if v == isTCP {
			seg.Tunnel, seg.TunnelKey = 0, 0
		} else if v == notTCP {
			v, reason = r.tunnel(data, link, seg)
			if v == notTCP && r.datagrams {
				v = r.datagram(data, link, seg) // datagram.go
			}
		}
		switch v {
		case isTCP:
			seg.Kind = segment.TCP
			r.stats.TCP++
			seg.BadChecksum = r.judge(seg.Src)
			seg.Time = ts
			seg.Pkt = r.stats.Frames
			seg.SetDigest() // while the payload is in this core's cache
			return nil
		case notTCP:
			r.stats.NonTCP++
		case isDatagram:
			r.stats.NonTCP++
			seg.Time, seg.Pkt = ts, r.stats.Frames
			return nil
		case isFragment:
			ci.Timestamp = ts
			if r.reassemble(seg, ci) { // defrag.go: counts the frame
				return nil
			}
		default:
			r.stats.Skipped[reason]++
			if reason == UnsupportedLink { // linktypes
				r.stats.noteUnsupported(ci.InterfaceIndex, link)
			}
		}
	}
}

// SetTunnels makes the Reader describe the tunnels it decodes in t
// (shared by the Readers of one analysis), instead of a table of its own.
func (r *Reader) SetTunnels(t *Tunnels) { r.tun.table = t }

// Tunnels returns the table that describes the tunnel ids of the
// segments Next returns (segment.Segment.Tunnel).
func (r *Reader) Tunnels() *Tunnels {
	if r.tun.table == nil {
		r.tun.table = NewTunnels()
	}
	return r.tun.table
}

// tunnel looks for TCP inside the encapsulations of a frame that holds
// no TCP directly (tunnel.go). Only frames that are not TCP take this
// path, so plain TCP decodes as fast as before. The inner segment's
// checksums are verified under the same mode and offload rule as a
// plain segment's (Next judges them).
func (r *Reader) tunnel(data []byte, link LinkType, seg *segment.Segment) (verdict, Reason) {
	if r.tun.table == nil {
		r.tun.table = NewTunnels()
	}
	return r.tun.decode(data, link, seg, &r.stats.Noted, r.checkerFor())
}

// Stats returns the counts so far.
func (r *Reader) Stats() Stats {
	if l, ok := r.src.(lenienter); ok { // linktypes
		r.stats.File = l.Leniency()
	}
	r.ck.settle() // checksum.go: the lookups still queued
	r.stats.Unverified = r.ck.unverified
	return r.stats
}
