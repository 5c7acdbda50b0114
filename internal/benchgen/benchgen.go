// Package benchgen writes large, deterministic, realistic TCP captures for
// benchmarking flowtrace.
//
// The short connections are copies of the real Linux traces bundled in
// testdata/pcaps (handshakes, data both ways, closes from either side,
// RSTs, refusals, retransmissions, simultaneous open and close, port
// reuse, a SYN scan, IPv6 ...). Every copy gets its own client address
// (spread over 10.0.0.0/8, or fd0a::/16 for the IPv6 trace), its own
// client ports, a server from a pool, new initial sequence numbers and
// timestamp clocks (shifted consistently in SEQ, ACK, SACK and TS
// options), and its own place in time. Long bulk transfers, built like
// the traces' Linux connections (same options, MSS-sized segments,
// delayed ACKs, the odd loss repaired with SACK and a retransmission),
// supply most of the packets, so that, as on a real link, the bulk of the
// work is steady-state established traffic.
//
// Connections run in Concurrency slots visited round-robin: each visit
// emits the slot's next packet, so thousands of connections are open at
// once and the flow table is realistically large. The link clock advances
// by a random gap (MeanGap on average) per frame; a gap inside a
// connection is never shorter than the trace had it (a retransmission
// timeout or a TIME-WAIT wait stays as long), only stretched by the
// interleaving.
//
// Output is classic pcap, Ethernet, microsecond timestamps, with correct
// IPv4 and TCP checksums. The same Config gives the same bytes.
package benchgen

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/netip"
	"time"
)

// Mix selects the kinds of connection generated.
type Mix int

const (
	// MixDefault is copies of the bundled traces plus bulk transfers.
	MixDefault Mix = iota
	// MixBulk is bulk transfers only.
	MixBulk
	// MixTemplates is copies of the bundled traces only: short
	// connections, with a high rate of opens and closes.
	MixTemplates
)

// Config describes a capture. Zero fields select the defaults.
type Config struct {
	Packets     int   // frames to write (exactly)
	Seed        int64 // the same seed gives the same file
	Concurrency int   // connections in progress at once; DefaultConcurrency if 0
	// MeanGap is the mean time between two frames on the link;
	// DefaultMeanGap if 0.
	MeanGap time.Duration
	Mix     Mix
	// BulkShare is the probability that a new connection is a bulk
	// transfer under MixDefault; DefaultBulkShare if 0.
	BulkShare float64
	// Endless makes bulk transfers never end: after their handshakes,
	// only established data and ACKs follow.
	Endless bool
	// Snaplen cuts every frame to this many bytes, as tcpdump -s does
	// (the original length is kept). 0 writes whole frames.
	Snaplen int
	// TemplateDir holds the traces to copy; DefaultTemplateDir() if "".
	// From a directory of one's own, every trace is copied.
	TemplateDir string
	// AllTraces copies every bundled trace, also those outside the
	// benchmark's mix (the hostile traces: floods, scans, forged RSTs,
	// fragments ...; see weights in template.go): the attack-heavy mix.
	AllTraces bool
}

// Defaults.
const (
	DefaultConcurrency = 3000
	DefaultMeanGap     = 100 * time.Microsecond
	// DefaultBulkShare makes about four packets in five belong to bulk
	// transfers (a bulk transfer averages ~240 packets, a trace copy
	// ~13).
	DefaultBulkShare = 0.2
)

// Stats describes what was generated.
type Stats struct {
	Frames      int
	Bytes       int64          // bytes written
	Conns       int            // connection programs started (a trace copy may hold several connections)
	BulkConns   int            // bulk transfers among them
	BulkFrames  int            // frames of bulk transfers
	Copies      map[string]int // copies started per trace
	Duration    time.Duration  // capture time from the first frame to the last
	Concurrency int
}

// Generate writes the default mix of at least packets frames (exactly
// packets) as a classic pcap to w, deterministically for seed.
func Generate(w io.Writer, packets int, seed int64) error {
	_, err := Config{Packets: packets, Seed: seed}.Write(w)
	return err
}

// start is the capture clock's origin.
var start = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC).UnixMicro()

// Write writes the capture described by c to w.
func (c Config) Write(w io.Writer) (Stats, error) {
	if c.Packets < 0 {
		return Stats{}, errors.New("benchgen: negative packet count")
	}
	if c.Concurrency <= 0 {
		c.Concurrency = DefaultConcurrency
	}
	if c.MeanGap <= 0 {
		c.MeanGap = DefaultMeanGap
	}
	if c.BulkShare <= 0 {
		c.BulkShare = DefaultBulkShare
	}
	g := &gen{cfg: c, stats: Stats{Copies: map[string]int{}, Concurrency: c.Concurrency}}
	g.rng = rand.New(rand.NewPCG(uint64(c.Seed), 0x666c6f7774726163))
	if c.Mix != MixBulk {
		dir, all := c.TemplateDir, c.AllTraces || c.TemplateDir != ""
		if dir == "" {
			var err error
			if dir, err = DefaultTemplateDir(); err != nil {
				return Stats{}, err
			}
		}
		tpls, err := loadTemplates(dir, all)
		if err != nil {
			return Stats{}, err
		}
		g.tpls = tpls
		for _, t := range tpls {
			g.totalWeight += t.weight
		}
		if g.totalWeight == 0 {
			return Stats{}, fmt.Errorf("benchgen: %s: no trace to copy", dir)
		}
	}
	g.pattern = make([]byte, 64<<10)
	for i := range g.pattern {
		g.pattern[i] = byte(g.rng.Uint32())
	}
	g.addrMul = uint32(g.rng.Uint32()|1) & 0xffffff
	g.addrOff = g.rng.Uint32() & 0xffffff

	bw := bufio.NewWriterSize(w, 1<<20)
	g.w = bw
	var fh [24]byte
	binary.LittleEndian.PutUint32(fh[0:], 0xa1b2c3d4) // microsecond pcap
	binary.LittleEndian.PutUint16(fh[4:], 2)
	binary.LittleEndian.PutUint16(fh[6:], 4)
	snap := uint32(262144)
	if c.Snaplen > 0 {
		snap = uint32(c.Snaplen)
	}
	binary.LittleEndian.PutUint32(fh[16:], snap)
	binary.LittleEndian.PutUint32(fh[20:], 1) // LINKTYPE_ETHERNET
	bw.Write(fh[:])
	g.stats.Bytes = int64(len(fh))
	err := g.run()
	if err == nil {
		err = bw.Flush()
	}
	return g.stats, err
}

// gen is one generation run.
type gen struct {
	cfg         Config
	rng         *rand.Rand
	tpls        []*template
	totalWeight int
	pattern     []byte // bulk payload bytes
	addrMul     uint32 // client address permutation of 10.0.0.0/8
	addrOff     uint32
	nextClient  uint32
	w           *bufio.Writer
	frame       []byte
	hdr         [16]byte
	stats       Stats
	firstUS     int64
}

// endpoint is one side of a generated connection.
type endpoint struct {
	addr netip.Addr
	port uint16
	mac  [6]byte
}

// pkt is one segment of a program, ready to encode but for its time.
type pkt struct {
	gapUS        int64 // at least this long after the program's previous packet
	src, dst     uint16
	seq, ack     uint32
	tsval, tsecr uint32
	win, urg     uint16
	ipid         uint16
	flags        uint8
	ttl, tos     uint8
	df           bool
	badSum       bool // write a wrong TCP checksum (encode)
	nsack        uint8
	sack         [4][2]uint32
	opts         []byte // option layout; TS and SACK are written from the fields above
	payload      []byte // captured payload, at most plen bytes; zeros after it
	plen         int32
}

// slot runs one connection program after another.
type slot struct {
	eps    []endpoint
	v6     bool
	pkts   []pkt
	i      int
	bulk   *bulk // nil for a trace copy
	lastUS int64 // when the slot last emitted
	wakeUS int64 // before its first program: when it starts
}

// TCP flags.
const (
	fFIN = 1 << iota
	fSYN
	fRST
	fPSH
	fACK
)

func (g *gen) run() error {
	slots := make([]slot, g.cfg.Concurrency)
	now := start
	g.firstUS = now
	// Stagger the slots' first connections over a few rounds so the
	// capture does not open with a wall of SYNs.
	spread := int64(g.cfg.Concurrency) * g.cfg.MeanGap.Microseconds() * 8
	for i := range slots {
		slots[i].wakeUS = now + g.rng.Int64N(spread+1)
		slots[i].i = -1
	}
	mean := float64(g.cfg.MeanGap) / float64(time.Microsecond)
	emitted := 0
	for emitted < g.cfg.Packets {
		progressed := false
		next := int64(math.MaxInt64)
		for s := range slots {
			sl := &slots[s]
			if sl.i < 0 || sl.i >= len(sl.pkts) {
				if sl.i < 0 && now < sl.wakeUS {
					next = min(next, sl.wakeUS)
					continue
				}
				if !g.refill(sl) {
					continue
				}
			}
			p := &sl.pkts[sl.i]
			if sl.i > 0 || sl.bulk != nil && sl.bulk.started {
				if due := sl.lastUS + p.gapUS; now < due {
					next = min(next, due)
					continue
				}
			}
			if sl.bulk != nil {
				sl.bulk.started = true
			}
			if err := g.emit(sl, p, now); err != nil {
				return err
			}
			sl.lastUS = now
			sl.i++
			emitted++
			g.stats.Frames++
			if sl.bulk != nil {
				g.stats.BulkFrames++
			}
			now += int64(g.rng.ExpFloat64() * mean)
			progressed = true
			if emitted == g.cfg.Packets {
				break
			}
		}
		if !progressed {
			if next == math.MaxInt64 {
				return errors.New("benchgen: no connection can make progress")
			}
			now = max(now, next)
		}
	}
	g.stats.Duration = time.Duration(now-g.firstUS) * time.Microsecond
	return nil
}

// refill gives a slot its next packets: the next part of its bulk
// transfer, or a new connection program.
func (g *gen) refill(sl *slot) bool {
	sl.pkts = sl.pkts[:0]
	sl.i = 0
	if sl.bulk != nil {
		if sl.pkts = sl.bulk.more(g, sl.pkts); len(sl.pkts) > 0 {
			return true
		}
		sl.bulk = nil
	}
	g.stats.Conns++
	bulkNext := false
	switch g.cfg.Mix {
	case MixBulk:
		bulkNext = true
	case MixDefault:
		bulkNext = g.rng.Float64() < g.cfg.BulkShare
	}
	if bulkNext {
		g.stats.BulkConns++
		g.newBulk(sl)
		sl.pkts = sl.bulk.more(g, sl.pkts)
	} else {
		g.copyTemplate(sl)
	}
	return len(sl.pkts) > 0
}

// clientAddr returns a new client address: distinct for every connection
// program, spread over 10.0.0.0/8 (fd0a::/16 for IPv6).
func (g *gen) clientAddr(v6 bool) netip.Addr {
	for {
		k := g.nextClient
		g.nextClient++
		v := (k*g.addrMul + g.addrOff) & 0xffffff // a bijection of 24 bits
		if v == 0 || v == 0xffffff {
			continue
		}
		if v6 {
			var a [16]byte
			a[0], a[1] = 0xfd, 0x0a
			a[12], a[13], a[14], a[15] = 0, byte(v>>16), byte(v>>8), byte(v)
			a[11] = 1
			return netip.AddrFrom16(a)
		}
		return netip.AddrFrom4([4]byte{10, byte(v >> 16), byte(v >> 8), byte(v)})
	}
}

// serverAddr returns one of 2048 servers.
func (g *gen) serverAddr(v6 bool) netip.Addr {
	i := g.rng.IntN(2048)
	if v6 {
		var a [16]byte
		a[0], a[1], a[14], a[15] = 0xfd, 0x5e, byte(i>>8), byte(i+1)
		return netip.AddrFrom16(a)
	}
	return netip.AddrFrom4([4]byte{172, 16 + byte(i/254/256), byte(i / 254 % 256), byte(i%254 + 1)})
}

// servicePorts are what the traces' port 5000 becomes, with repeats for
// frequency.
var servicePorts = []uint16{443, 443, 443, 443, 443, 80, 80, 8443, 22, 25, 993, 5432, 3306, 8080, 6379, 5000}

func macOf(a netip.Addr) [6]byte {
	h := uint64(14695981039346656037)
	for _, x := range a.As16() {
		h = (h ^ uint64(x)) * 1099511628211
	}
	return [6]byte{0x02, byte(h >> 32), byte(h >> 24), byte(h >> 16), byte(h >> 8), byte(h)}
}

// copyTemplate starts a copy of a trace in sl.
func (g *gen) copyTemplate(sl *slot) {
	x := g.rng.IntN(g.totalWeight)
	var t *template
	for _, c := range g.tpls {
		if x < c.weight {
			t = c
			break
		}
		x -= c.weight
	}
	g.stats.Copies[t.name]++
	sl.bulk = nil
	sl.v6 = t.v6
	client, server := g.clientAddr(t.v6), g.serverAddr(t.v6)
	portShift := uint16(g.rng.IntN(28232))
	svc := servicePorts[g.rng.IntN(len(servicePorts))]
	sl.eps = sl.eps[:0]
	var seqOff, tsOff [256]uint32
	var ipidOff [256]uint16
	for i, e := range t.eps {
		ep := endpoint{port: e.port}
		if e.client {
			ep.addr = client
			if e.port >= 32768 && e.port < 61000 {
				ep.port = 32768 + (e.port-32768+portShift)%28232
			}
		} else {
			ep.addr = server
			if e.port == 5000 {
				ep.port = svc
			}
		}
		ep.mac = macOf(ep.addr)
		sl.eps = append(sl.eps, ep)
		if i < len(seqOff) {
			seqOff[i], tsOff[i], ipidOff[i] = g.rng.Uint32(), g.rng.Uint32(), uint16(g.rng.Uint32())
		}
	}
	for _, tp := range t.pkts {
		p := pkt{
			gapUS: tp.gapUS, src: tp.src, dst: tp.dst,
			seq: tp.seq + seqOff[tp.src&255], ack: tp.ack,
			win: tp.win, urg: tp.urg, ipid: tp.ipid + ipidOff[tp.src&255],
			flags: tp.flags, ttl: tp.ttl, tos: tp.tos, df: tp.df,
			opts: tp.opts, payload: tp.payload, plen: tp.plen,
			tsval: tp.tsval, tsecr: tp.tsecr, nsack: tp.nsack, sack: tp.sack,
			// A bad checksum stays bad, or a segment its receiver dropped
			// would be accepted in the copy. Only on the client's side:
			// its address is the copy's own, while a server's is shared
			// with other copies, whose good checksums would then make a
			// sender's offload (all bad from the start) look like
			// corruption.
			badSum: tp.badSum && t.eps[tp.src].client,
		}
		if tp.flags&fRST != 0 && tp.seq == 0 {
			p.seq = 0 // a closed port's RST answers a SYN with SEQ 0
		}
		if tp.flags&fACK != 0 {
			p.ack += seqOff[tp.dst&255]
		}
		if tp.hasTS {
			p.tsval += tsOff[tp.src&255]
			if tp.tsecr != 0 {
				p.tsecr += tsOff[tp.dst&255]
			}
		}
		for k := range p.nsack {
			p.sack[k][0] += seqOff[tp.dst&255]
			p.sack[k][1] += seqOff[tp.dst&255]
		}
		sl.pkts = append(sl.pkts, p)
	}
}

// emit encodes p and writes it as a pcap record at time us.
func (g *gen) emit(sl *slot, p *pkt, us int64) error {
	g.frame = encode(g.frame[:0], sl, p)
	incl := len(g.frame)
	if g.cfg.Snaplen > 0 && incl > g.cfg.Snaplen {
		incl = g.cfg.Snaplen
	}
	h := g.hdr[:]
	binary.LittleEndian.PutUint32(h[0:], uint32(us/1e6))
	binary.LittleEndian.PutUint32(h[4:], uint32(us%1e6))
	binary.LittleEndian.PutUint32(h[8:], uint32(incl))
	binary.LittleEndian.PutUint32(h[12:], uint32(len(g.frame)))
	if _, err := g.w.Write(h); err != nil {
		return err
	}
	if _, err := g.w.Write(g.frame[:incl]); err != nil {
		return err
	}
	g.stats.Bytes += int64(16 + incl)
	return nil
}
