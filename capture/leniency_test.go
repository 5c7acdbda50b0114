package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/segment"
)

// pcapRec is one classic pcap record header (pcap-savefile(5), the
// pcap_pkthdr as written: seconds, micro- or nanoseconds, captured
// length, original length) and its data.
type pcapRec struct {
	sec, frac, caplen, origlen uint32
	data                       []byte
}

// rawPcap writes a classic pcap file (draft-ietf-opsawg-pcap §4, §5) of
// version 2.minor with the record headers exactly as given.
func rawPcap(o binary.AppendByteOrder, nano bool, minor uint16, link LinkType, recs ...pcapRec) []byte {
	magic := uint32(0xa1b2c3d4)
	if nano {
		magic = 0xa1b23c4d
	}
	b := o.AppendUint32(nil, magic)
	b = o.AppendUint16(b, 2)
	b = o.AppendUint16(b, minor)
	b = o.AppendUint32(b, 0)
	b = o.AppendUint32(b, 0)
	b = o.AppendUint32(b, 65535)
	b = o.AppendUint32(b, uint32(link))
	for _, r := range recs {
		b = o.AppendUint32(b, r.sec)
		b = o.AppendUint32(b, r.frac)
		b = o.AppendUint32(b, r.caplen)
		b = o.AppendUint32(b, r.origlen)
		b = append(b, r.data...)
	}
	return b
}

func readFile(t *testing.T, data []byte) ([]segment.Segment, Stats, error) {
	t.Helper()
	f, err := OpenFile("-", bytes.NewReader(data))
	if err != nil {
		return nil, Stats{}, err
	}
	return readAll(t, f)
}

func TestLeniency(t *testing.T) {
	syn := eth(etherIPv4, ip4(t, synSpec))
	n := uint32(len(syn))
	rec := func(sec, frac uint32) pcapRec { return pcapRec{sec, frac, n, n, syn} }
	swapped := func(sec uint32) pcapRec { return pcapRec{sec, 0, n + 100, n, syn} } // pre-2.3: len, caplen
	tests := []struct {
		name  string
		file  []byte
		times []time.Time // of the segments (the capture clock)
		want  Leniency
		back  Backwards
	}{
		{"2.4 plain", rawPcap(le, false, 4, LinkEthernet, rec(10, 5), rec(11, 6)),
			[]time.Time{time.Unix(10, 5000), time.Unix(11, 6000)}, Leniency{}, Backwards{}},
		{"2.2 lengths swapped", rawPcap(le, false, 2, LinkEthernet, swapped(10), swapped(11)),
			[]time.Time{time.Unix(10, 0), time.Unix(11, 0)}, Leniency{Version: "2.2", Swapped: 2, FirstSwapped: 1}, Backwards{}},
		{"2.0 big-endian lengths swapped", rawPcap(binary.BigEndian, false, 0, LinkEthernet, swapped(10)),
			[]time.Time{time.Unix(10, 0)}, Leniency{Version: "2.0", Swapped: 1, FirstSwapped: 1}, Backwards{}},
		{"2.3 swapped only where captured > original", rawPcap(le, false, 3, LinkEthernet, rec(10, 0), swapped(11)),
			[]time.Time{time.Unix(10, 0), time.Unix(11, 0)}, Leniency{Version: "2.3", Swapped: 1, FirstSwapped: 2}, Backwards{}},
		{"captured > original: cut", rawPcap(le, false, 4, LinkEthernet, rec(10, 0), pcapRec{11, 0, n, n - 4, syn}, pcapRec{12, 0, n, 20, syn}),
			[]time.Time{time.Unix(10, 0), time.Unix(11, 0)}, Leniency{Clamped: 2, FirstClamped: 2}, Backwards{}},
		{"microseconds 1e6 and more clamped", rawPcap(le, false, 4, LinkEthernet, rec(10, 999999), rec(10, 1000000), rec(10, 0xffffffff)),
			[]time.Time{time.Unix(10, 999999000), time.Unix(10, 999999000), time.Unix(10, 999999000)},
			Leniency{BadFraction: 2, FirstBadFraction: 2}, Backwards{}},
		{"nanoseconds 1e9 clamped", func() []byte {
			return rawPcap(le, true, 4, LinkEthernet, rec(10, 999999999), rec(10, 1e9))
		}(), []time.Time{time.Unix(10, 999999999), time.Unix(10, 999999999)}, Leniency{BadFraction: 1, FirstBadFraction: 2}, Backwards{}},
		{"backwards: the clock stays", rawPcap(le, false, 4, LinkEthernet, rec(10, 0), rec(20, 0), rec(15, 0), rec(25, 0)),
			[]time.Time{time.Unix(10, 0), time.Unix(20, 0), time.Unix(20, 0), time.Unix(25, 0)}, Leniency{},
			Backwards{N: 1, Pkt: 3, Time: time.Unix(15, 0).UTC(), Prev: time.Unix(20, 0).UTC()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs, st, err := readFile(t, tt.file)
			if err != io.EOF {
				t.Fatalf("err = %v", err)
			}
			var times []time.Time
			for _, s := range segs {
				times = append(times, s.Time)
			}
			for i := range tt.times {
				tt.times[i] = tt.times[i].UTC()
			}
			if !reflect.DeepEqual(times, tt.times) {
				t.Errorf("times %v\nwant  %v", times, tt.times)
			}
			if st.File != tt.want {
				t.Errorf("leniency %+v\nwant     %+v", st.File, tt.want)
			}
			if !reflect.DeepEqual(st.Backwards, tt.back) {
				t.Errorf("backwards %+v\nwant      %+v", st.Backwards, tt.back)
			}
		})
	}
}

func TestLeniencyErrors(t *testing.T) {
	syn := eth(etherIPv4, ip4(t, synSpec))
	n := uint32(len(syn))
	for _, tt := range []struct {
		name, msg string
		file      []byte
	}{
		{"version 2.5", "capture: -: corrupt capture: unsupported pcap version 2.5", rawPcap(le, false, 5, LinkEthernet)},
		{"version 1.4", "capture: -: corrupt capture: unsupported pcap version 1.4", func() []byte {
			b := rawPcap(le, false, 4, LinkEthernet)
			b[4] = 1
			return b
		}()},
		{"unsupported link type", "capture: -: unsupported link type 10 (FDDI)", rawPcap(le, false, 4, 10, pcapRec{1, 0, n, n, syn})},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readFile(t, tt.file)
			if err == nil || err.Error() != tt.msg {
				t.Errorf("err = %v; want %s", err, tt.msg)
			}
			var lt *LinkTypeError
			if strings.Contains(tt.msg, "link type") != errors.As(err, &lt) {
				t.Errorf("err = %#v: LinkTypeError?", err)
			}
		})
	}
}

// TestNgFrameNumbers checks that Segment.Pkt is Wireshark's frame.number
// whatever blocks a pcapng file holds (draft-ietf-opsawg-pcapng §4):
// Wireshark 4.0 numbers Enhanced (6), Simple (3) and obsolete Packet
// Blocks (2), Custom Blocks (0x00000BAD, 0x40000BAD) and systemd Journal
// Export Blocks (9), and not Name Resolution (4), Interface Statistics
// (5) or Decryption Secrets (10) blocks, nor unknown ones.
// (tshark -r f -T fields -e frame.number -e tcp.seq_raw on the same
// blocks gives 1 3 5 6 7 8 10 for the seven TCP segments.)
func TestNgFrameNumbers(t *testing.T) {
	o := le
	frame := func(seq uint32) []byte {
		s := synSpec
		s.seq = seq
		return eth(etherIPv4, ip4(t, s))
	}
	pb := func(seq uint32) []byte { // obsolete Packet Block: iface (2), drops (2), ts, lengths
		f := frame(seq)
		body := o.AppendUint16(nil, 0)
		body = o.AppendUint16(body, 0)
		body = o.AppendUint64(body, 0)
		body = o.AppendUint32(body, uint32(len(f)))
		body = o.AppendUint32(body, uint32(len(f)))
		return ngBlock(o, ngPB, append(body, f...))
	}
	spb := func(seq uint32) []byte { // Simple Packet Block: original length, data
		f := frame(seq)
		return ngBlock(o, ngSPB, append(o.AppendUint32(nil, uint32(len(f))), f...))
	}
	custom := func(typ uint32) []byte { return ngBlock(o, typ, append(o.AppendUint32(nil, 32473), "hello"...)) }
	nrb := ngBlock(o, 4, []byte{1, 0, 8, 0, 10, 0, 0, 1, 'a', 'b', 'c', 0, 0, 0, 0, 0})
	isb := ngBlock(o, 5, make([]byte, 12))
	dsb := ngBlock(o, 10, []byte{0x4b, 0x53, 0x4c, 0x54, 4, 0, 0, 0, 'a', 'b', 'c', 'd'})
	journal := ngBlock(o, ngJournal, []byte("__REALTIME_TIMESTAMP=1\nMESSAGE=hi\n"))
	unknown := ngBlock(o, 0x12345678, []byte("abcd"))
	file := cat(ngSHBBlock(o), custom(ngCustom), ngIDBBlock(o, LinkEthernet, 0),
		ngEPBBlock(o, 0, 0, frame(1)), custom(ngCustom), ngEPBBlock(o, 0, 0, frame(2)), custom(ngCustomNoC),
		ngEPBBlock(o, 0, 0, frame(3)), nrb, isb, dsb, unknown, ngEPBBlock(o, 0, 0, frame(4)),
		spb(5), pb(6), journal, ngEPBBlock(o, 0, 0, frame(7)))
	segs, st, err := readFile(t, file)
	if err != io.EOF {
		t.Fatal(err)
	}
	var got []uint64
	for _, s := range segs {
		got = append(got, s.Pkt)
	}
	// The custom block before the interface is frame 1.
	if want := []uint64{2, 4, 6, 7, 8, 9, 11}; !reflect.DeepEqual(got, want) {
		t.Errorf("packet numbers %v; want %v", got, want)
	}
	if st.Records != 4 || st.Frames != 11 {
		t.Errorf("records %d frames %d; want 4, 11", st.Records, st.Frames)
	}
}

// TestNgMixedLinkTypes checks that frames of an unsupported link type in
// a pcapng file are skipped, counted by interface and named, and the run
// goes on.
func TestNgMixedLinkTypes(t *testing.T) {
	o := le
	syn := ip4(t, synSpec)
	file := cat(ngSHBBlock(o), ngIDBBlock(o, LinkEthernet, 0), ngIDBBlock(o, 10, 0), ngIDBBlock(o, LinkPPP, 0), ngIDBBlock(o, 147, 0),
		ngEPBBlock(o, 0, 0, eth(etherIPv4, syn)),
		ngEPBBlock(o, 1, 0, syn), ngEPBBlock(o, 1, 0, syn), ngEPBBlock(o, 1, 0, syn), ngEPBBlock(o, 1, 0, syn),
		ngEPBBlock(o, 2, 0, append([]byte{0xff, 0x03, 0x00, 0x21}, syn...)),
		ngEPBBlock(o, 3, 0, syn))
	segs, st, err := readFile(t, file)
	if err != io.EOF || len(segs) != 2 {
		t.Fatalf("%d segments, err %v", len(segs), err)
	}
	got := strings.Join(st.Notices(), "\n")
	want := "skipped 4 frames on interface 1: link type 10 (FDDI) is not supported\n" +
		"skipped 1 frame on interface 3: link type 147 (USER0) is not supported"
	if got != want {
		t.Errorf("notices:\n%s\nwant:\n%s", got, want)
	}
}

func TestNotices(t *testing.T) {
	var st Stats
	st.Frames = 100
	st.Skipped[TruncatedTCP] = 2
	st.Skipped[TunnelFragment] = 3
	st.Skipped[Protected80211] = 4
	st.File = Leniency{Version: "2.2", Swapped: 10, FirstSwapped: 1, Clamped: 1, FirstClamped: 7, BadFraction: 2, FirstBadFraction: 9}
	st.Backwards = Backwards{N: 3, Pkt: 12, Time: time.Unix(1700000000, 0), Prev: time.Unix(1700000002, 500e6)}
	for i := range 9 {
		st.noteUnsupported(i, 10)
	}
	got := strings.Join(st.Notices(), "\n")
	want := `skipped 2 of 100 frames as malformed: truncated TCP header 2
skipped 7 of 100 frames that could not be decoded: 802.11 protected 4, fragmented tunnel packet 3
skipped 1 frame on interface 0: link type 10 (FDDI) is not supported
skipped 1 frame on interface 1: link type 10 (FDDI) is not supported
skipped 1 frame on interface 2: link type 10 (FDDI) is not supported
skipped 1 frame on interface 3: link type 10 (FDDI) is not supported
skipped 1 frame on interface 4: link type 10 (FDDI) is not supported
skipped 1 frame on interface 5: link type 10 (FDDI) is not supported
skipped 1 frame on interface 6: link type 10 (FDDI) is not supported
skipped 1 frame on interface 7: link type 10 (FDDI) is not supported
skipped 1 frame on other interfaces: link types not supported
pcap version 2.2: read as libpcap does
swapped the captured and original lengths of 10 records, as libpcap does for files before pcap 2.3 (first: frame 1)
cut 1 record to the original length (captured length larger; first: frame 7)
clamped the invalid sub-second timestamp field of 2 records (first: frame 9)
timestamps went backwards in 3 frames; the capture clock stays at the latest time (first: frame 12 at 2023-11-14T22:13:20.000000Z, 2.5s before the latest)`
	if got != want {
		t.Errorf("notices:\n%s\nwant:\n%s", got, want)
	}
}
