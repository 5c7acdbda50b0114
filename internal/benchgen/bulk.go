package benchgen

// bulk is a long-lived connection between Linux hosts, generated a part
// at a time: the handshake, then request/response rounds in which one
// side sends MSS-sized segments and the other ACKs every second one
// (delayed ACKs), with the odd segment lost and repaired by a SACK and a
// retransmission, then a close by either side (or, rarely, a RST). The
// options are those the traces' Linux endpoints use: MSS, SACK-permitted,
// timestamps and window scaling on the SYNs, timestamps on everything
// after.
type bulk struct {
	g       *gen
	out     []pkt
	started bool // its first packet has been emitted
	phase   int  // 0: handshake; 1..rounds: data rounds; rounds+1: close
	rounds  int  // -1: endless
	sn      [2]uint32
	win     [2]uint16
	ipid    [2]uint16
	tsBase  [2]uint32
	tsLast  [2]uint32
	clockUS int64 // the connection's own clock, for TS values
	rttUS   int64
	data    int // payload of a full segment: MSS minus the TS option
	synOpts []byte
}

const (
	client = 0
	server = 1
)

// Option layouts, Linux order. TS and SACK values are filled in per
// packet.
var (
	synOpts4 = []byte{2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 7} // MSS 1460
	synOpts6 = []byte{2, 4, 0x05, 0xa0, 4, 2, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 7} // MSS 1440
	tsOpts   = []byte{1, 1, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0}
	sackOpts = []byte{1, 1, 8, 10, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 5, 10, 0, 0, 0, 0, 0, 0, 0, 0}
)

// newBulk starts a bulk transfer in sl.
func (g *gen) newBulk(sl *slot) {
	v6 := g.rng.IntN(10) == 0
	sl.v6 = v6
	sl.eps = append(sl.eps[:0],
		endpoint{addr: g.clientAddr(v6), port: uint16(32768 + g.rng.IntN(28232))},
		endpoint{addr: g.serverAddr(v6), port: servicePorts[g.rng.IntN(len(servicePorts))]})
	for i := range sl.eps {
		sl.eps[i].mac = macOf(sl.eps[i].addr)
	}
	b := &bulk{g: g, rounds: 1 + g.rng.IntN(4), rttUS: 200 + g.rng.Int64N(80000)}
	if g.cfg.Endless {
		b.rounds = -1
	}
	b.data, b.synOpts = 1448, synOpts4
	if v6 {
		b.data, b.synOpts = 1428, synOpts6
	}
	for s := range 2 {
		b.sn[s] = g.rng.Uint32()
		b.win[s] = uint16(200 + g.rng.IntN(3000))
		b.ipid[s] = uint16(g.rng.Uint32())
		b.tsBase[s] = g.rng.Uint32()
	}
	sl.bulk = b
}

// more appends the next part of the connection to out; nothing once it
// has ended.
func (b *bulk) more(g *gen, out []pkt) []pkt {
	b.out = out
	switch {
	case b.phase == 0:
		b.handshake()
	case b.rounds < 0 || b.phase <= b.rounds:
		b.round()
	case b.phase == b.rounds+1:
		b.close()
	default:
		return out
	}
	b.phase++
	out, b.out = b.out, nil
	return out
}

// add appends a segment from side from with the current sequence numbers
// and returns it for adjustment.
func (b *bulk) add(gapUS int64, from int, flags uint8, plen int, opts []byte) *pkt {
	b.clockUS += gapUS
	to := 1 - from
	p := pkt{
		gapUS: gapUS, src: uint16(from), dst: uint16(to),
		seq: b.sn[from], flags: flags, win: b.win[from], ttl: 64, df: true,
		ipid: b.ipid[from], opts: opts, plen: int32(plen),
	}
	b.ipid[from]++
	if flags&fACK != 0 {
		p.ack = b.sn[to]
	}
	p.tsval = b.tsBase[from] + uint32(b.clockUS/1000)
	p.tsecr = b.tsLast[to]
	b.tsLast[from] = p.tsval
	if plen > 0 {
		o := int(p.seq % uint32(len(b.g.pattern)-2048))
		p.payload = b.g.pattern[o : o+plen]
	}
	b.out = append(b.out, p)
	return &b.out[len(b.out)-1]
}

func (b *bulk) handshake() {
	p := b.add(0, client, fSYN, 0, b.synOpts)
	p.win = 64240
	b.sn[client]++
	p = b.add(b.rttUS, server, fSYN|fACK, 0, b.synOpts)
	p.win = 65160
	b.sn[server]++
	b.add(30, client, fACK, 0, tsOpts)
}

// round is a request and its response: mostly a download, sometimes an
// upload answered by a short reply.
func (b *bulk) round() {
	rng := b.g.rng
	think := 50 + rng.Int64N(5*b.rttUS+1)
	n := 4 + rng.IntN(120)
	if rng.IntN(4) == 0 { // upload
		b.transfer(client, server, n, think)
		b.message(server, client, 20+rng.IntN(300), b.rttUS/2)
		return
	}
	b.message(client, server, 40+rng.IntN(700), think)
	b.transfer(server, client, n, b.rttUS/2)
}

// message is one small PSH segment.
func (b *bulk) message(from, to, n int, gapUS int64) {
	b.add(gapUS, from, fACK|fPSH, n, tsOpts)
	b.sn[from] += uint32(n)
}

// transfer sends n segments from a to b, the last one short, with
// delayed ACKs; about one segment in 250 is lost and repaired.
func (b *bulk) transfer(a, r, n int, firstGap int64) {
	rng := b.g.rng
	unacked := 0
	for i := 0; i < n; i++ {
		l, flags := b.data, uint8(fACK)
		if i == n-1 {
			l, flags = 1+rng.IntN(b.data), fACK|fPSH
		}
		gap := int64(12)
		if i == 0 {
			gap = firstGap
		}
		if i < n-2 && rng.IntN(250) == 0 {
			// Segment i is lost beyond the capture point, i+1 gets
			// through: a duplicate ACK with a SACK block, the
			// retransmission, and the ACK of both.
			s0 := b.sn[a]
			b.add(gap, a, flags, l, tsOpts)
			b.sn[a] += uint32(l)
			s1 := b.sn[a]
			b.add(12, a, fACK, b.data, tsOpts)
			b.sn[a] += uint32(b.data)
			d := b.add(b.rttUS/2, r, fACK, 0, sackOpts)
			d.ack, d.nsack, d.sack[0] = s0, 1, [2]uint32{s1, s1 + uint32(b.data)}
			x := b.add(40, a, fACK, l, tsOpts)
			x.seq = s0
			o := int(s0 % uint32(len(b.g.pattern)-2048))
			x.payload = b.g.pattern[o : o+l]
			b.add(b.rttUS/2, r, fACK, 0, tsOpts)
			i++
			unacked = 0
			continue
		}
		b.add(gap, a, flags, l, tsOpts)
		b.sn[a] += uint32(l)
		unacked++
		if unacked == 2 || i == n-1 {
			b.add(40, r, fACK, 0, tsOpts)
			unacked = 0
		}
	}
}

// close ends the connection: FIN from either side answered at once with
// a FIN (the usual three-segment close), or ACKed first, or rarely a RST.
func (b *bulk) close() {
	rng := b.g.rng
	x := client
	if rng.IntN(5) < 2 {
		x = server
	}
	y := 1 - x
	gap := 50 + rng.Int64N(2*b.rttUS+1)
	switch k := rng.IntN(100); {
	case k < 3:
		b.add(gap, x, fRST|fACK, 0, nil)
	case k < 70:
		b.add(gap, x, fFIN|fACK, 0, tsOpts)
		b.sn[x]++
		b.add(b.rttUS/2, y, fFIN|fACK, 0, tsOpts)
		b.sn[y]++
		b.add(b.rttUS/2, x, fACK, 0, tsOpts)
	default:
		b.add(gap, x, fFIN|fACK, 0, tsOpts)
		b.sn[x]++
		b.add(b.rttUS/2, y, fACK, 0, tsOpts)
		b.add(100+rng.Int64N(b.rttUS), y, fFIN|fACK, 0, tsOpts)
		b.sn[y]++
		b.add(b.rttUS/2, x, fACK, 0, tsOpts)
	}
}
