package benchgen

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/flowtrace/flowtrace/capture"
)

// template is one bundled trace, parsed into packets that can be replayed
// with other addresses, ports, sequence numbers and times.
type template struct {
	name   string
	weight int // relative frequency of copies in the mix
	v6     bool
	eps    []tplEndpoint
	pkts   []tplPacket
}

// tplEndpoint is one (address, port) of a template.
type tplEndpoint struct {
	addr   netip.Addr
	port   uint16
	client bool // on the template's client address (the lowest one)
}

// tplPacket is one TCP segment of a template.
type tplPacket struct {
	gapUS    int64 // microseconds since the template's previous packet
	src, dst uint16
	seq, ack uint32
	flags    uint8
	win, urg uint16
	ttl, tos uint8
	ipid     uint16
	df       bool
	opts     []byte
	payload  []byte
	plen     int32
	// badSum: the segment was captured whole and its TCP checksum is
	// wrong (a forged or corrupt segment, or a sender's checksum offload).
	badSum bool

	hasTS        bool
	tsval, tsecr uint32
	nsack        uint8
	sack         [4][2]uint32
}

// weights gives the relative frequency of each bundled trace among the
// short connections. Ordinary lives (a handshake, data, a close by either
// side) dominate, as on a real link; anomalies are rarer. any-sll2,
// nanosecond and pcapng are the client-close exchange in other capture
// containers, so they add to the ordinary closes. syn-scan is one
// scanner sweep of 200 ports (403 packets), hence its small weight.
//
// The list is the benchmark's definition: it holds the traces bundled when
// the cost limits of make bench were set (commit 6478f39), and a trace
// added to testdata/pcaps since, or later, is not copied (weight 0) unless
// it is listed here. Otherwise every new test trace would change the
// benchmark: the hostile traces added for the findings would make a fifth
// of the mix attacks, a finding every 200 frames. Config.AllTraces (benchgen
// -all) copies every trace, listed or not, for the cost of that hostile mix;
// a TemplateDir of one's own copies all its traces too.
var weights = map[string]int{
	"client-close": 40, "server-close": 30, "ipv6": 25, "half-close": 15,
	"close-3seg": 20, "any-sll2": 10, "nanosecond": 10, "pcapng": 10,
	"midstream": 10, "reorder": 8, "refused": 20, "syn-data": 6,
	"fin-retransmit": 6, "syn-retransmit": 6, "synack-retransmit": 6,
	"port-reuse": 6, "rst-client-abort": 8, "rst-server-abort": 8,
	"rst-unread-data": 6, "rst-injected": 3, "simultaneous-close": 3,
	"simultaneous-open": 3, "starts-with-fin": 3, "unanswered-syn": 6,
	"time-wait-expire": 3, "close-wait-stuck": 3, "last-ack-stuck": 3,
	"syn-scan":     1,
	"acked-unseen": 5, "keepalive": 5, "loss-fast": 5, "loss-rto": 5,
	"loss-upstream": 5, "reorder-bulk": 5, "retrans-differ": 5,
	"spurious-retrans": 5, "window-update": 5, "zero-window": 5,
	"zero-window-probe": 5,
}

// defaultWeight is the weight of a trace not in weights, under AllTraces
// or from a TemplateDir of one's own.
const defaultWeight = 5

// DefaultTemplateDir returns the directory of the bundled traces,
// testdata/pcaps at the root of the module, found from this source file's
// location or, failing that (a binary built with -trimpath), by walking up
// from the working directory.
func DefaultTemplateDir() (string, error) {
	if _, file, _, ok := runtime.Caller(0); ok {
		dir := filepath.Join(filepath.Dir(file), "..", "..", "testdata", "pcaps")
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			return dir, nil
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		dir := filepath.Join(d, "testdata", "pcaps")
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				return dir, nil
			}
		}
		if filepath.Dir(d) == d {
			return "", errors.New("benchgen: testdata/pcaps not found; set Config.TemplateDir")
		}
	}
}

// loadTemplates reads every capture in dir, in name order.
func loadTemplates(dir string, all bool) ([]*template, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("benchgen: %w", err)
	}
	var names []string
	for _, e := range ents {
		switch filepath.Ext(e.Name()) {
		case ".pcap", ".pcapng":
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var out []*template
	for _, n := range names {
		t, err := loadTemplate(filepath.Join(dir, n), all)
		if err != nil {
			return nil, err
		}
		if len(t.pkts) > 0 {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("benchgen: no usable traces in %s", dir)
	}
	return out, nil
}

// loadTemplate parses one trace. capture.OpenFile reads the container
// (pcap of any resolution, pcapng); the headers are parsed here so that
// the raw TCP options and payload are kept as they were on the wire.
func loadTemplate(path string, all bool) (*template, error) {
	f, err := capture.OpenFile(path, nil)
	if err != nil {
		return nil, fmt.Errorf("benchgen: %w", err)
	}
	defer f.Close()
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	t := &template{name: name}
	if w, ok := weights[name]; ok && w > 0 {
		t.weight = w
	} else if all {
		t.weight = defaultWeight
	}
	index := map[netip.AddrPort]uint16{}
	ep := func(a netip.Addr, p uint16) uint16 {
		k := netip.AddrPortFrom(a, p)
		if i, ok := index[k]; ok {
			return i
		}
		i := uint16(len(t.eps))
		index[k] = i
		t.eps = append(t.eps, tplEndpoint{addr: a, port: p})
		return i
	}
	var prevUS int64
	for {
		data, ci, link, err := f.ReadFrame()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("benchgen: %s: %w", path, err)
		}
		var ip []byte
		switch link {
		case capture.LinkEthernet:
			if len(data) < 14 {
				continue
			}
			et, off := binary.BigEndian.Uint16(data[12:]), 14
			for et == 0x8100 && len(data) >= off+4 {
				et, off = binary.BigEndian.Uint16(data[off+2:]), off+4
			}
			if et != 0x0800 && et != 0x86dd {
				continue
			}
			ip = data[off:]
		case capture.LinkSLL2:
			if len(data) < 20 {
				continue
			}
			ip = data[20:]
		case capture.LinkNFLOG:
			// The nflog trace is client-close captured another way:
			// not a template of its own.
			return &template{name: name}, nil
		default:
			return nil, fmt.Errorf("benchgen: %s: link type %d not supported as a template", path, link)
		}
		p, src, dst, v6, ok := parseIP(ip)
		if !ok {
			continue
		}
		t.v6 = v6
		p.src, p.dst = ep(src.Addr(), src.Port()), ep(dst.Addr(), dst.Port())
		us := ci.Timestamp.UnixMicro()
		if len(t.pkts) > 0 {
			p.gapUS = max(us-prevUS, 0)
		}
		prevUS = us
		t.pkts = append(t.pkts, p)
	}
	// The client is the lowest address (10.77.0.1, fd77::1 in the traces).
	var low netip.Addr
	for i, e := range t.eps {
		if i == 0 || e.addr.Less(low) {
			low = e.addr
		}
	}
	for i := range t.eps {
		t.eps[i].client = t.eps[i].addr == low
	}
	return t, nil
}

// parseIP parses an IPv4 or IPv6 packet carrying TCP, unfragmented (an
// IPv6 fragment's next header is 44, not TCP). The payload and
// options slices alias data, which the caller must not reuse: capture's
// File reuses its buffer, so they are copied.
func parseIP(b []byte) (p tplPacket, src, dst netip.AddrPort, v6, ok bool) {
	if len(b) < 20 {
		return
	}
	var sa, da netip.Addr
	var off, end int
	switch b[0] >> 4 {
	case 4:
		ihl := int(b[0]&15) * 4
		if ihl < 20 || len(b) < ihl || b[9] != 6 || binary.BigEndian.Uint16(b[6:])&0x3fff != 0 {
			return // not TCP, or a fragment (MF or an offset)
		}
		end = int(binary.BigEndian.Uint16(b[2:]))
		p.tos, p.ttl = b[1], b[8]
		p.ipid = binary.BigEndian.Uint16(b[4:])
		p.df = b[6]&0x40 != 0
		sa, da = netip.AddrFrom4([4]byte(b[12:16])), netip.AddrFrom4([4]byte(b[16:20]))
		off = ihl
	case 6:
		if len(b) < 40 || b[6] != 6 {
			return
		}
		end = 40 + int(binary.BigEndian.Uint16(b[4:]))
		p.tos = uint8(binary.BigEndian.Uint16(b[0:]) >> 4)
		p.ttl = b[7]
		sa, da = netip.AddrFrom16([16]byte(b[8:24])), netip.AddrFrom16([16]byte(b[24:40]))
		off, v6 = 40, true
	default:
		return
	}
	capEnd := min(end, len(b))
	if capEnd-off < 20 {
		return
	}
	t := b[off:capEnd]
	hlen := int(t[12]>>4) * 4
	if hlen < 20 || hlen > len(t) {
		return
	}
	src = netip.AddrPortFrom(sa, binary.BigEndian.Uint16(t[0:]))
	dst = netip.AddrPortFrom(da, binary.BigEndian.Uint16(t[2:]))
	p.seq = binary.BigEndian.Uint32(t[4:])
	p.ack = binary.BigEndian.Uint32(t[8:])
	p.flags = t[13]
	p.win = binary.BigEndian.Uint16(t[14:])
	p.urg = binary.BigEndian.Uint16(t[18:])
	p.opts = append([]byte(nil), t[20:hlen]...)
	p.payload = append([]byte(nil), t[hlen:]...)
	p.plen = int32(end - off - hlen)
	if capEnd == end {
		var ph uint64
		if v6 {
			ph = sum(b[8:40], 0)
		} else {
			ph = sum(b[12:20], 0)
		}
		p.badSum = fold(sum(t, ph+6+uint64(len(t)))) != 0
	}
	readOptions(p.opts, &p.hasTS, &p.tsval, &p.tsecr, &p.nsack, &p.sack)
	return p, src, dst, v6, true
}

// readOptions extracts the timestamp and SACK options, which the copies
// shift along with the sequence numbers.
func readOptions(o []byte, hasTS *bool, tsval, tsecr *uint32, nsack *uint8, sack *[4][2]uint32) {
	eachOption(o, func(kind byte, v []byte) {
		switch {
		case kind == 8 && len(v) == 8:
			*hasTS, *tsval, *tsecr = true, binary.BigEndian.Uint32(v), binary.BigEndian.Uint32(v[4:])
		case kind == 5:
			n := 0
			for ; n < 4 && len(v) >= 8; n++ {
				sack[n] = [2]uint32{binary.BigEndian.Uint32(v), binary.BigEndian.Uint32(v[4:])}
				v = v[8:]
			}
			*nsack = uint8(n)
		}
	})
}
