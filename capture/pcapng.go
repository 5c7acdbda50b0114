package capture

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"
	"time"
)

// ngReader reads pcapng (draft-ietf-opsawg-pcapng) blocks.
//
// It replaces pcapgo.NgReader, which on hostile input panics (an
// if_tsresol of 0xff divides by zero), allocates a buffer as large as the
// 32-bit captured length or interface snaplen a block claims, and, in the
// mixed-link-type mode flowtrace needs, allocates per packet for link types
// above 255 (it boxes the link type into AncillaryData) while storing them
// in a uint8 that turns SLL2 into 20.
type ngReader struct {
	br        *bufio.Reader
	name      string
	be        bool
	ifaces    []ngIface
	firstLink LinkType // link type of the first interface in the file
	haveLink  bool     // firstLink is set
	cur       ngPkt    // the packet block being read
	hdr       [32]byte
	buf       []byte
	pending   error // error met while reading ahead in start
	pos       int64 // stream offset of the next block
	// linktypes: begin
	records int       // blocks read that Wireshark numbers as frames, not yet returned
	frames  uint64    // frames (packets and records) returned
	lenient *Leniency // where clamped lengths are counted
	// linktypes: end
}

type ngIface struct {
	link        LinkType
	snaplen     uint32
	unitsPerSec uint64 // timestamp units per second (if_tsresol)
	offset      int64  // seconds added to timestamps (if_tsoffset)
}

// Block types.
const (
	ngSHB = 0x0a0d0d0a
	ngIDB = 0x00000001
	ngPB  = 0x00000002 // obsolete Packet Block
	ngSPB = 0x00000003
	ngEPB = 0x00000006
	// linktypes: blocks that are not packets but that Wireshark numbers
	// as frames (its frame.number), and so flowtrace too.
	ngJournal   = 0x00000009 // systemd Journal Export Block
	ngCustom    = 0x00000bad // Custom Block, copiable
	ngCustomNoC = 0x40000bad // Custom Block, not to be copied

	ngMaxIfaces  = 1 << 16
	ngMaxIDBOpts = 64 << 10
)

func (r *ngReader) u16(b []byte) uint16 {
	if r.be {
		return binary.BigEndian.Uint16(b)
	}
	return binary.LittleEndian.Uint16(b)
}

func (r *ngReader) u32(b []byte) uint32 {
	if r.be {
		return binary.BigEndian.Uint32(b)
	}
	return binary.LittleEndian.Uint32(b)
}

func (r *ngReader) corrupt(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrCorrupt}, args...)...)
}

// start reads the section header and the blocks up to the first interface
// description, so that the first link type is known before any packet.
func (r *ngReader) start() error {
	for len(r.ifaces) == 0 {
		isPacket, err := r.block()
		if err == io.EOF {
			r.pending = io.EOF // a valid file with no interface and no packet
			return nil
		}
		if err != nil {
			return err
		}
		if isPacket {
			return r.corrupt("packet block before any interface description")
		}
	}
	return nil
}

// next returns the next packet.
func (r *ngReader) next() (data []byte, ci FrameInfo, link LinkType, err error) {
	if r.records > 0 { // linktypes: read by start()
		return r.record()
	}
	if r.pending != nil {
		return nil, ci, 0, r.pending
	}
	for {
		isPacket, err := r.block()
		if err != nil {
			return nil, ci, 0, err
		}
		if isPacket {
			r.frames++
			return r.packet()
		}
		if r.records > 0 { // linktypes
			return r.record()
		}
	}
}

// record returns a block that Wireshark numbers as a frame: no data,
// link type linkRecord.
func (r *ngReader) record() (data []byte, ci FrameInfo, link LinkType, err error) {
	r.records--
	r.frames++
	return nil, ci, linkRecord, nil
}

// read fills b, turning an EOF inside a block into io.ErrUnexpectedEOF.
func (r *ngReader) read(b []byte) error {
	n, err := io.ReadFull(r.br, b)
	r.pos += int64(n)
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func (r *ngReader) skip(n int64) error {
	for n > 0 {
		d, err := r.br.Discard(int(min(n, 1<<30)))
		r.pos += int64(d)
		n -= int64(d)
		if err != nil {
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
	}
	return nil
}

// pkt describes the packet block block() just read the fixed part of.
type ngPkt struct {
	iface     int
	ts        uint64
	hasTS     bool
	caplen    int
	origlen   int
	remaining int64 // bytes of the block after the packet data, trailer included
}

// block reads one block. For a packet block it reads only the fixed part
// and leaves the rest for packet(); it reports isPacket.
func (r *ngReader) block() (isPacket bool, err error) {
	start := r.pos
	n, err := io.ReadFull(r.br, r.hdr[:8])
	r.pos += int64(n)
	if err != nil {
		if err == io.EOF {
			return false, io.EOF // clean end between blocks
		}
		return false, err
	}
	typ := r.u32(r.hdr[0:])
	if typ == ngSHB {
		if err := r.read(r.hdr[8:12]); err != nil {
			return false, err
		}
		switch bom := binary.LittleEndian.Uint32(r.hdr[8:]); bom {
		case 0x1a2b3c4d: // bytes 4d 3c 2b 1a
			r.be = false
		case 0x4d3c2b1a:
			r.be = true
		default:
			return false, r.corrupt("section header at byte %d: bad byte-order magic %#08x", start, bom)
		}
	}
	blen := r.u32(r.hdr[4:])
	if blen < 12 || blen%4 != 0 {
		return false, r.corrupt("block at byte %d: bad block length %d", start, blen)
	}
	body := int64(blen) - 12 // excluding type, length and trailing length
	switch typ {
	case ngSHB:
		body -= 4 // byte-order magic already read
		if body < 12 {
			return false, r.corrupt("section header at byte %d: bad block length %d", start, blen)
		}
		if err := r.read(r.hdr[:12]); err != nil {
			return false, err
		}
		if major := r.u16(r.hdr[0:]); major != 1 {
			return false, r.corrupt("section header at byte %d: unsupported pcapng version %d.%d", start, major, r.u16(r.hdr[2:]))
		}
		r.ifaces = r.ifaces[:0] // interface ids are per section
		return false, r.skip(body - 12 + 4)
	case ngIDB:
		return false, r.interfaceBlock(start, body)
	case ngEPB, ngPB:
		if body < 20 {
			return false, r.corrupt("packet block at byte %d: bad block length %d", start, blen)
		}
		if err := r.read(r.hdr[:20]); err != nil {
			return false, err
		}
		var p ngPkt
		if typ == ngEPB {
			p.iface = int(r.u32(r.hdr[0:]))
		} else {
			p.iface = int(r.u16(r.hdr[0:]))
		}
		if p.iface < 0 || p.iface >= len(r.ifaces) {
			return false, r.corrupt("packet block at byte %d: no interface %d", start, p.iface)
		}
		p.ts = uint64(r.u32(r.hdr[4:]))<<32 | uint64(r.u32(r.hdr[8:]))
		p.hasTS = true
		caplen := r.u32(r.hdr[12:])
		if int64(caplen) > body-20 {
			return false, r.corrupt("packet block at byte %d: captured length %d exceeds block length %d", start, caplen, blen)
		}
		p.caplen, p.origlen = int(caplen), int(r.u32(r.hdr[16:]))
		p.remaining = body - 20 - int64(caplen) + 4
		r.cur = p
		return true, nil
	case ngSPB:
		if body < 4 {
			return false, r.corrupt("packet block at byte %d: bad block length %d", start, blen)
		}
		if err := r.read(r.hdr[:4]); err != nil {
			return false, err
		}
		if len(r.ifaces) == 0 {
			return false, r.corrupt("simple packet block at byte %d: no interface 0", start)
		}
		p := ngPkt{origlen: int(r.u32(r.hdr[0:]))}
		c := min(int64(r.u32(r.hdr[0:])), body-4)
		if s := r.ifaces[0].snaplen; s != 0 {
			c = min(c, int64(s))
		}
		p.caplen = int(c)
		p.remaining = body - 4 - c + 4
		r.cur = p
		return true, nil
	}
	// Statistics, name resolution, decryption secrets, custom blocks...
	if typ == ngJournal || typ == ngCustom || typ == ngCustomNoC { // linktypes
		r.records++ // next() returns it (start() cannot)
	}
	return false, r.skip(body + 4)
}

// interfaceBlock reads an Interface Description Block's body.
func (r *ngReader) interfaceBlock(start, body int64) error {
	if body < 8 {
		return r.corrupt("interface description at byte %d: bad block length %d", start, body+12)
	}
	if err := r.read(r.hdr[:8]); err != nil {
		return err
	}
	if len(r.ifaces) >= ngMaxIfaces {
		return r.corrupt("interface description at byte %d: more than %d interfaces", start, ngMaxIfaces)
	}
	ifc := ngIface{link: LinkType(r.u16(r.hdr[0:])), snaplen: r.u32(r.hdr[4:]), unitsPerSec: 1e6}
	opts := body - 8
	if opts > 0 && opts <= ngMaxIDBOpts {
		if int64(cap(r.buf)) < opts {
			r.buf = make([]byte, opts)
		}
		b := r.buf[:opts]
		if err := r.read(b); err != nil {
			return err
		}
		if err := r.interfaceOptions(b, &ifc); err != nil {
			return fmt.Errorf("%w (interface description at byte %d)", err, start)
		}
		opts = 0
	}
	if err := r.skip(opts + 4); err != nil {
		return err
	}
	if !r.haveLink {
		r.firstLink, r.haveLink = ifc.link, true
	}
	r.ifaces = append(r.ifaces, ifc)
	return nil
}

// interfaceOptions picks if_tsresol and if_tsoffset out of an IDB's
// options. Others are ignored; a malformed option list ends the parse.
func (r *ngReader) interfaceOptions(b []byte, ifc *ngIface) error {
	for len(b) >= 4 {
		code, l := r.u16(b), int(r.u16(b[2:]))
		b = b[4:]
		if code == 0 || l > len(b) {
			return nil
		}
		v := b[:l]
		switch {
		case code == 9 && l == 1: // if_tsresol
			e := uint64(v[0] & 0x7f)
			if v[0]&0x80 != 0 {
				if e > 63 {
					return r.corrupt("bad if_tsresol %#x", v[0])
				}
				ifc.unitsPerSec = 1 << e
			} else {
				if e > 19 {
					return r.corrupt("bad if_tsresol %#x", v[0])
				}
				ifc.unitsPerSec = 1
				for range e {
					ifc.unitsPerSec *= 10
				}
			}
		case code == 14 && l == 8: // if_tsoffset
			if !r.be {
				ifc.offset = int64(binary.LittleEndian.Uint64(v))
			} else {
				ifc.offset = int64(binary.BigEndian.Uint64(v))
			}
		}
		b = b[min(len(b), (l+3)&^3):]
	}
	return nil
}

// packet reads the data of the packet block block() started.
func (r *ngReader) packet() (data []byte, ci FrameInfo, link LinkType, err error) {
	p := r.cur
	if p.caplen > MaxSnaplen {
		return nil, ci, 0, r.corrupt("captured length %d exceeds the maximum %d", p.caplen, MaxSnaplen)
	}
	if cap(r.buf) < p.caplen {
		r.buf = make([]byte, max(p.caplen, min(2*cap(r.buf), MaxSnaplen), 2048))
	}
	data = r.buf[:p.caplen]
	if err := r.read(data); err != nil {
		return nil, ci, 0, err
	}
	if err := r.skip(p.remaining); err != nil {
		return nil, ci, 0, err
	}
	ifc := &r.ifaces[p.iface]
	if p.hasTS {
		// ts/units seconds, the rest scaled to nanoseconds without
		// overflow: rest < units, so rest*1e9/units < 1e9.
		sec, rest := p.ts/ifc.unitsPerSec, p.ts%ifc.unitsPerSec
		hi, lo := bits.Mul64(rest, 1e9)
		ns, _ := bits.Div64(hi, lo, ifc.unitsPerSec)
		ci.Timestamp = time.Unix(int64(sec)+ifc.offset, int64(ns)).UTC()
	}
	ci.CaptureLength = p.caplen
	ci.Length = p.origlen
	if p.caplen > p.origlen { // linktypes: cut to the original length, as for pcap
		data, ci.CaptureLength = data[:p.origlen], p.origlen
		if r.lenient.Clamped++; r.lenient.Clamped == 1 {
			r.lenient.FirstClamped = r.frames
		}
	}
	ci.InterfaceIndex = p.iface
	return data, ci, ifc.link, nil
}
