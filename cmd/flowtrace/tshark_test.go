package main

import (
	"bytes"
	"fmt"
	"github.com/flowtrace/flowtrace/internal/testenv"
	"maps"
	"net"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"

	"github.com/flowtrace/flowtrace/reassembly"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// tsharkFields maps tshark's tcp.analysis fields to flowtrace's classes.
// tshark marks a fast or spurious retransmission as a retransmission too.
var tsharkFields = []struct {
	field string
	class reassembly.Class
}{
	{"tcp.analysis.retransmission", reassembly.Retransmission | reassembly.FastRetransmission | reassembly.SpuriousRetransmission},
	{"tcp.analysis.fast_retransmission", reassembly.FastRetransmission},
	{"tcp.analysis.spurious_retransmission", reassembly.SpuriousRetransmission},
	{"tcp.analysis.out_of_order", reassembly.OutOfOrder},
	{"tcp.analysis.lost_segment", reassembly.PrevNotCaptured},
	{"tcp.analysis.ack_lost_segment", reassembly.AckedUnseen},
	{"tcp.analysis.duplicate_ack", reassembly.DupAck},
	{"tcp.analysis.zero_window", reassembly.ZeroWindow},
	{"tcp.analysis.zero_window_probe", reassembly.ZeroWindowProbe},
	{"tcp.analysis.zero_window_probe_ack", reassembly.ZeroWindowProbeAck},
	{"tcp.analysis.window_full", reassembly.WindowFull},
	{"tcp.analysis.window_update", reassembly.WindowUpdate},
	{"tcp.analysis.keep_alive", reassembly.KeepAlive},
	{"tcp.analysis.keep_alive_ack", reassembly.KeepAliveAck},
}

// tsharkKnown lists where flowtrace and tshark disagree on purpose, by
// trace and field, with the reason (the README repeats them). The test
// checks that each still happens, so the list cannot go stale.
const lateOriginal = "the late segment is the original, reordered by the bridge: its TCP timestamp is older than the " +
	"highest segment's, and its bytes were never seen; tshark guesses from timing (after dup ACKs: fast retransmission), " +
	"flowtrace reads the timestamp and calls it out-of-order"

var tsharkKnown = map[[2]string]string{
	{"reorder", "tcp.analysis.fast_retransmission"}: lateOriginal,
	{"reorder", "tcp.analysis.retransmission"}:      lateOriginal,
	{"reorder", "tcp.analysis.out_of_order"}:        lateOriginal,
	{"rst-injected", "tcp.analysis.retransmission"}: "tshark lets a forged out-of-window RST move the next expected sequence number, " +
		"then calls the genuine data and FIN after it retransmissions; flowtrace never lets a RST move the sequence space",
	{"rst-out-of-window", "tcp.analysis.lost_segment"}: "tshark lets the forged RSTs, 2^30 above and below the window, move the next " +
		"expected sequence number, then calls the genuine data after them a segment following a gap; flowtrace never lets a RST " +
		"move the sequence space",
	{"port-reuse-premature", "tcp.analysis.ack_lost_segment"}: "the forged SYN below the old connection's ISN is refused by the " +
		"server's TIME-WAIT socket, which answers with an ACK of the old connection; tshark takes the SYN's ISN in and calls that " +
		"ACK one of unseen data; flowtrace keeps the refused SYN and that ACK on the old connection",
	{"port-reuse-premature", "tcp.analysis.duplicate_ack"}: "the server's TIME-WAIT socket answers the refused SYN with a repeat " +
		"of its last ACK of the old connection; flowtrace keeps it on the old connection, where it is a duplicate ACK; tshark " +
		"starts a new conversation at the SYN, where it is not",
	// Issue 8's traces of hostile traffic: segments the receiver rejected
	// never enter flowtrace's sequence analysis; tshark takes them in.
	{"oow-ack-synrecv", "tcp.analysis.lost_segment"}:         rejectedSeg,
	{"oow-ack-synrecv", "tcp.analysis.retransmission"}:       rejectedSeg,
	{"rst-synsent-bad-ack", "tcp.analysis.ack_lost_segment"}: rejectedSeg,
	{"stale-ack-synsent", "tcp.analysis.ack_lost_segment"}:   rejectedSeg,
	{"stale-ack-synsent", "tcp.analysis.lost_segment"}:       rejectedSeg,
	// tshark cannot put fragments back together when the snaplen (200)
	// cut them: it misses the two 1448-byte segments flowtrace reassembles.
	{"frag-router", "tcp.analysis.lost_segment"}:     fragCut,
	{"frag-router", "tcp.analysis.ack_lost_segment"}: fragCut,
	{"bad-checksum", "tcp.analysis.retransmission"}: "tshark does not verify checksums by default and analyses the data segment " +
		"with a bad checksum, which the receiver dropped, so it calls the sender's genuine segment with the same sequence numbers " +
		"a retransmission; flowtrace does not apply a segment with a bad checksum",
}

const fragCut = "the router's fragments were captured with snaplen 200; tshark does not reassemble cut fragments, " +
	"so it misses the two full-sized segments and calls what follows lost; flowtrace reassembles what was captured " +
	"and takes the lengths from the IP headers"

const rejectedSeg = "a forged segment its receiver rejects (an ACK 10^8 beyond the window, a stale ACK or a RST+ACK with a bad ack " +
	"before the server's SYN-ACK) never seeds or moves flowtrace's sequence analysis; tshark takes its numbers in and then " +
	"calls the genuine segments lost, retransmitted or acknowledging unseen ones"

// frameClasses collects, per frame number, the connection and class, and
// for a duplicate ACK its number and the frame it duplicates.
type frameClasses struct {
	conn  map[uint64]uint64
	class map[uint64]reassembly.Class
	dup   map[uint64][2]uint64
	ipLen map[uint64]int
}

func (f *frameClasses) Packet(c *tracker.Conn, seg *segment.Segment, side tracker.Side, _ []tracker.Event) {
	f.conn[seg.Pkt], f.class[seg.Pkt], f.ipLen[seg.Pkt] = c.ID(), c.Class(), seg.IPLen
	if c.Class()&reassembly.DupAck != 0 {
		n, frame := c.DupAck(side)
		f.dup[seg.Pkt] = [2]uint64{uint64(n), frame}
	}
}
func (f *frameClasses) Events(*tracker.Conn, []tracker.Event) {}
func (f *frameClasses) Done(*tracker.Conn)                    {}

func ours(t *testing.T, path string) *frameClasses {
	t.Helper()
	out := &frameClasses{conn: map[uint64]uint64{}, class: map[uint64]reassembly.Class{}, dup: map[uint64][2]uint64{}, ipLen: map[uint64]int{}}
	replayFile(t, path, out)
	return out
}

// TestTsharkCrossCheck compares, on every bundled trace, which segments of
// each connection flowtrace and tshark put in each tcp.analysis class:
// frame by frame, so equal counts over different frames fail too. It also
// compares the numbering of every duplicate ACK (duplicate_ack_num and
// duplicate_ack_frame), which no known difference excuses.
func TestTsharkCrossCheck(t *testing.T) {
	tshark := needTshark(t)
	seen := map[[2]string]bool{}
	numbered := 0 // duplicate ACKs tshark numbered, over all traces
	for _, path := range traces(t) {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		t.Run(name, func(t *testing.T) {
			numbered += crossCheck(t, tshark, path, func(field string) bool {
				_, ok := tsharkKnown[[2]string{name, field}]
				seen[[2]string{name, field}] = seen[[2]string{name, field}] || ok
				return ok
			})
		})
	}
	if numbered < 13 {
		t.Errorf("tshark numbered %d duplicate ACKs in all traces; loss-fast alone has 13: are the fields still read?", numbered)
	}
	for k, why := range tsharkKnown {
		if !seen[k] {
			t.Errorf("known difference %v (%s) no longer happens: remove it from tsharkKnown and the README", k, why)
		}
	}
}

// needTshark returns tshark's path; without it the test fails in CI and
// is skipped elsewhere.
func needTshark(t *testing.T) string {
	t.Helper()
	return testenv.LookPath(t, "tshark", "make test-deps installs it")
}

// crossCheck compares flowtrace's classes and duplicate-ACK numbering
// with tshark's on the capture at path, frame by frame, and reports every
// difference except in the fields known says are deliberate. It returns
// how many duplicate ACKs tshark numbered.
func crossCheck(t *testing.T, tshark, path string, known func(field string) bool) (numbered int) {
	t.Helper()
	// occurrence=l: in a tunnelled frame, the innermost IP header's
	// length (the TCP fields occur once).
	args := []string{"-r", path, "-n", "-T", "fields", "-E", "separator=/t", "-E", "occurrence=l", "-e", "frame.number"}
	for _, f := range tsharkFields {
		args = append(args, "-e", f.field)
	}
	args = append(args, "-e", "tcp.analysis.duplicate_ack_num", "-e", "tcp.analysis.duplicate_ack_frame", "-e", "ip.len", "-e", "ipv6.plen",
		"-e", "ip.flags.mf", "-e", "ip.frag_offset", "-e", "ipv6.fraghdr")
	out, err := exec.Command(tshark, args...).Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	mine := ours(t, path)
	type key struct {
		conn  uint64
		field string
	}
	theirs, ourCount := map[key]int{}, map[key]int{}
	frames := map[key][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		cols := strings.Split(line, "\t")
		frame, _ := strconv.ParseUint(cols[0], 10, 64)
		conn, ok := mine.conn[frame]
		if !ok {
			continue // not a TCP segment flowtrace decoded
		}
		for i, f := range tsharkFields {
			k := key{conn, f.field}
			their := i+1 < len(cols) && cols[i+1] != ""
			our := mine.class[frame]&f.class != 0
			if their {
				theirs[k]++
			}
			if our {
				ourCount[k]++
			}
			if their != our {
				frames[k] = append(frames[k], fmt.Sprintf("#%d(tshark %v)", frame, their))
			}
		}
		// A segment reassembled from fragments has the datagram's length;
		// tshark's ip.len is the completing fragment's own.
		if want := tsharkIPLen(cols[min(len(tsharkFields)+3, len(cols)):]); mine.ipLen[frame] != want && !isFragment(cols[min(len(tsharkFields)+5, len(cols)):]) {
			t.Errorf("frame %d: IP length %d; tshark %d", frame, mine.ipLen[frame], want)
		}
		d := dupNumbering(cols, len(tsharkFields)+1)
		if d[0] != 0 {
			numbered++
		}
		if d != mine.dup[frame] && !(d[0] == 0 && known("tcp.analysis.duplicate_ack")) {
			t.Errorf("#%d: tshark dup ACK %d of #%d, flowtrace %d of #%d", frame, d[0], d[1], mine.dup[frame][0], mine.dup[frame][1])
		}
	}
	var bad []string
	for k, fs := range frames {
		if known(k.field) {
			continue
		}
		bad = append(bad, fmt.Sprintf("c%d %s: tshark %d, flowtrace %d; frames %s", k.conn, k.field, theirs[k], ourCount[k], strings.Join(fs, " ")))
	}
	slices.Sort(bad)
	for _, b := range bad {
		t.Error(b)
	}
	return numbered
}

// TestTsharkDupAckRestart checks, on a synthetic capture, the case no
// bundled trace has: a window update between duplicate ACKs. tshark 4.0
// restarts the numbering only when the acknowledgment number changes, so
// the duplicate after the update is the 3rd of the same ACK, and so is
// flowtrace's.
func TestTsharkDupAckRestart(t *testing.T) {
	tshark := needTshark(t)
	type pkt struct {
		fromClient bool
		flags      string
		seq, ack   uint32
		n          int
		win        uint16
	}
	pkts := []pkt{
		{true, "S", 1000, 0, 0, 64240},
		{false, "S.", 5000, 1001, 0, 65160},
		{true, ".", 1001, 5001, 0, 502},
		{true, "P.", 1001, 5001, 100, 502},
		{true, "P.", 1101, 5001, 100, 502},
		{true, "P.", 1201, 5001, 100, 502},
		{false, ".", 5001, 1101, 0, 509}, // 7
		{false, ".", 5001, 1101, 0, 509}, // 8: dup ACK 1 of #7
		{false, ".", 5001, 1101, 0, 509}, // 9: 2 of #7
		{false, ".", 5001, 1101, 0, 600}, // 10: window update
		{false, ".", 5001, 1101, 0, 600}, // 11: 3 of #7
		{false, "P.", 5001, 1101, 10, 600},
		{false, ".", 5011, 1101, 0, 600}, // 13: 4 of #7
		{false, ".", 5011, 1301, 0, 600}, // 14: a new ACK
		{false, ".", 5011, 1301, 0, 600}, // 15: 1 of #14
	}
	var buf bytes.Buffer
	w := pcapgo.NewWriter(&buf)
	if err := w.WriteFileHeader(262144, layers.LinkTypeEthernet); err != nil {
		t.Fatal(err)
	}
	cli, srv := net.IPv4(10, 1, 0, 1), net.IPv4(10, 1, 0, 2)
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, p := range pkts {
		f, _ := segment.ParseFlags(p.flags)
		tcp := &layers.TCP{SrcPort: 40000, DstPort: 80, Seq: p.seq, Ack: p.ack, Window: p.win,
			SYN: f&segment.SYN != 0, ACK: f&segment.ACK != 0, PSH: f&segment.PSH != 0}
		ip := &layers.IPv4{Version: 4, TTL: 64, Protocol: layers.IPProtocolTCP, SrcIP: cli, DstIP: srv}
		if !p.fromClient {
			tcp.SrcPort, tcp.DstPort, ip.SrcIP, ip.DstIP = 80, 40000, srv, cli
		}
		if tcp.SYN {
			tcp.Options = []layers.TCPOption{{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 3, OptionData: []byte{7}}}
		}
		tcp.SetNetworkLayerForChecksum(ip)
		eth := &layers.Ethernet{SrcMAC: net.HardwareAddr{2, 0, 0, 0, 0, 1}, DstMAC: net.HardwareAddr{2, 0, 0, 0, 0, 2}, EthernetType: layers.EthernetTypeIPv4}
		sb := gopacket.NewSerializeBuffer()
		if err := gopacket.SerializeLayers(sb, gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}, eth, ip, tcp, gopacket.Payload(make([]byte, p.n))); err != nil {
			t.Fatal(err)
		}
		ci := gopacket.CaptureInfo{Timestamp: t0.Add(time.Duration(i) * 100 * time.Microsecond), CaptureLength: len(sb.Bytes()), Length: len(sb.Bytes())}
		if err := w.WritePacket(ci, sb.Bytes()); err != nil {
			t.Fatal(err)
		}
	}
	path := writeFile(t, "dupack.pcap", buf.Bytes())
	if n := crossCheck(t, tshark, path, func(string) bool { return false }); n != 5 {
		t.Errorf("tshark numbered %d duplicate ACKs; want 5", n)
	}
	if got, want := ours(t, path).dup, map[uint64][2]uint64{8: {1, 7}, 9: {2, 7}, 11: {3, 7}, 13: {4, 7}, 15: {1, 14}}; !maps.Equal(got, want) {
		t.Errorf("dup ACK numbering %v; want %v", got, want)
	}
}

// dupNumbering parses tshark's duplicate_ack_num and duplicate_ack_frame
// columns, from index at of a line's columns (empty or missing for a
// segment that is not a duplicate ACK).
func dupNumbering(cols []string, at int) [2]uint64 {
	var d [2]uint64
	for i := range d {
		if at+i < len(cols) {
			d[i], _ = strconv.ParseUint(strings.TrimSpace(cols[at+i]), 10, 64)
		}
	}
	return d
}

// isFragment reports whether tshark's ip.flags.mf, ip.frag_offset and
// ipv6.fraghdr columns say the frame is an IP fragment.
func isFragment(cols []string) bool {
	for i, c := range cols {
		c = strings.TrimSpace(c)
		switch {
		case i == 0 && (c == "1" || c == "True"), i == 1 && c != "" && c != "0", i == 2 && c != "":
			return true
		}
	}
	return false
}

// tsharkIPLen returns the IP length from tshark's ip.len and ipv6.plen
// columns.
func tsharkIPLen(cols []string) int {
	if len(cols) > 0 && cols[0] != "" {
		n, _ := strconv.Atoi(cols[0])
		return n
	}
	if len(cols) > 1 && cols[1] != "" {
		n, _ := strconv.Atoi(cols[1])
		return 40 + n
	}
	return -1
}
