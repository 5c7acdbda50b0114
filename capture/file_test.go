package capture

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"

	"github.com/flowtrace/flowtrace/segment"
)

func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readAll reads every segment of a capture, copying payloads.
func readAll(t *testing.T, src Source) ([]segment.Segment, Stats, error) {
	t.Helper()
	r := NewReader(src)
	var segs []segment.Segment
	for {
		var s segment.Segment
		err := r.Next(&s)
		if err != nil {
			st := r.Stats()
			checkInvariant(t, st)
			return segs, st, err
		}
		s.Payload = bytes.Clone(s.Payload)
		segs = append(segs, s)
	}
}

func checkInvariant(t testing.TB, st Stats) {
	t.Helper()
	if st.Frames != st.TCP+st.NonTCP+st.Filtered+st.Fragments+st.SkippedTotal() {
		t.Errorf("stats do not add up: %+v", st)
	}
}

func TestOpenFileFormats(t *testing.T) {
	frames := mix(t) // Ethernet; the last two are ARP and UDP
	nTCP := len(frames) - 2

	// pcapgo.Writer: little-endian, micro and nano.
	pcapgoFile := func(nano bool) []byte {
		var buf bytes.Buffer
		w := pcapgo.NewWriter(&buf)
		if nano {
			w = pcapgo.NewWriterNanos(&buf)
		}
		if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
			t.Fatal(err)
		}
		for i, f := range frames {
			ci := gopacket.CaptureInfo{Timestamp: t0.Add(time.Duration(i) * time.Second), CaptureLength: len(f), Length: len(f)}
			if err := w.WritePacket(ci, f); err != nil {
				t.Fatal(err)
			}
		}
		return buf.Bytes()
	}
	// pcapgo.NgWriter with two interfaces of different link types:
	// Ethernet and raw IP. Odd frames go out the raw interface.
	ngFile := func() []byte {
		var buf bytes.Buffer
		w, err := pcapgo.NewNgWriterInterface(&buf, pcapgo.NgInterface{LinkType: layers.LinkTypeEthernet, SnapLength: 65535}, pcapgo.DefaultNgWriterOptions)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.AddInterface(pcapgo.NgInterface{LinkType: layers.LinkTypeRaw, SnapLength: 65535}); err != nil {
			t.Fatal(err)
		}
		for i, f := range frames {
			ci := gopacket.CaptureInfo{Timestamp: t0.Add(time.Duration(i) * time.Second), CaptureLength: len(f), Length: len(f)}
			if i%2 == 1 {
				f = f[14:] // strip Ethernet: raw IP (or ARP garbage)
				if binary.BigEndian.Uint16(frames[i][12:]) != etherIPv4 && binary.BigEndian.Uint16(frames[i][12:]) != etherIPv6 {
					f = frames[i] // keep tagged/ARP frames on Ethernet
				} else {
					ci.InterfaceIndex = 1
				}
				ci.CaptureLength, ci.Length = len(f), len(f)
			}
			if err := w.WritePacket(ci, f); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		return buf.Bytes()
	}
	// Hand-written big-endian pcapng, SLL2, nanosecond and 2^-20 resolution.
	ngSLL2 := func() []byte {
		o := binary.BigEndian
		b := cat(ngSHBBlock(o), ngIDBBlock(o, LinkSLL2, 9), ngIDBBlock(o, LinkSLL2, 0x80|20))
		for i, f := range frames {
			et := binary.BigEndian.Uint16(f[12:])
			fr := sll2(et, f[14:])
			if i%2 == 0 {
				b = append(b, ngEPBBlock(o, 0, uint64(t0.Add(time.Duration(i)*time.Second).UnixNano()), fr)...)
			} else {
				ts := t0.Add(time.Duration(i) * time.Second)
				units := uint64(ts.Unix())<<20 | uint64(ts.Nanosecond())<<20/1e9
				b = append(b, ngEPBBlock(o, 1, units, fr)...)
			}
		}
		return b
	}

	tests := []struct {
		name string
		data []byte
		res  time.Duration // timestamp precision
	}{
		{"pcapgo LE micro", pcapgoFile(false), time.Microsecond},
		{"pcapgo LE nano", pcapgoFile(true), time.Nanosecond},
		{"BE micro", pcapFile(binary.BigEndian, false, LinkEthernet, frames...), time.Microsecond},
		{"BE nano", pcapFile(binary.BigEndian, true, LinkEthernet, frames...), time.Nanosecond},
		{"LE nano by hand", pcapFile(binary.LittleEndian, true, LinkEthernet, frames...), time.Nanosecond},
		{"pcapng two link types", ngFile(), time.Microsecond},
		{"pcapng BE SLL2", ngSLL2(), time.Microsecond},
		{"gzip pcap", gz(t, pcapFile(binary.LittleEndian, false, LinkEthernet, frames...)), time.Microsecond},
		{"gzip pcapng", gz(t, ngFile()), time.Microsecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, stdin := range []bool{false, true} {
				var f *File
				var err error
				if stdin {
					f, err = OpenFile("-", bytes.NewReader(tt.data))
				} else {
					f, err = OpenFile(writeTemp(t, "capture.bin", tt.data), nil)
				}
				if err != nil {
					t.Fatal(err)
				}
				if got, want := f.Size(), int64(len(tt.data)); stdin && got != -1 || !stdin && got != want {
					t.Errorf("Size = %d (stdin %v)", got, stdin)
				}
				segs, st, err := readAll(t, f)
				if err != io.EOF {
					t.Fatalf("err = %v; want EOF", err)
				}
				if f.Offset() != int64(len(tt.data)) {
					t.Errorf("Offset = %d; want %d", f.Offset(), len(tt.data))
				}
				f.Close()
				if len(segs) != nTCP || st.Frames != uint64(len(frames)) || st.NonTCP != 2 {
					t.Fatalf("got %d segments, stats %+v; want %d segments of %d frames", len(segs), st, nTCP, len(frames))
				}
				for i, s := range segs {
					if s.Pkt != uint64(i+1) {
						t.Errorf("segment %d: Pkt %d", i, s.Pkt)
					}
					want := t0.Add(time.Duration(i) * time.Second)
					if d := s.Time.Sub(want); d.Abs() >= tt.res {
						t.Errorf("segment %d: time %v; want %v", i, s.Time, want)
					}
					if s.SrcPort != 80 && s.DstPort != 80 {
						t.Errorf("segment %d: ports %d > %d", i, s.SrcPort, s.DstPort)
					}
				}
				if segs[0].Opts != linuxSYNWant {
					t.Errorf("SYN options %+v", segs[0].Opts)
				}
			}
		})
	}
}

func TestOpenFileErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "x.pcap")
	_, err := OpenFile(missing, nil)
	if want := "capture: open " + missing + ": no such file or directory"; err == nil || err.Error() != want || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v; want %q", err, want)
	}

	syn := eth(etherIPv4, ip4(t, synSpec))
	tests := []struct {
		name string
		data []byte
		msg  string // after "capture: <path>: "
		is   error
	}{
		{"text", []byte("GET / HTTP/1.1\r\n\r\n"), "not a pcap or pcapng file", ErrNotCapture},
		{"empty", nil, "not a pcap or pcapng file (empty)", ErrNotCapture},
		{"three bytes", []byte{0xd4, 0xc3, 0xb2}, "not a pcap or pcapng file", ErrNotCapture},
		{"gzipped text", gz(t, []byte("hello world")), "not a pcap or pcapng file", ErrNotCapture},
		{"gzip in gzip", gz(t, gz(t, pcapFile(binary.LittleEndian, false, LinkEthernet, syn))), "not a pcap or pcapng file", ErrNotCapture},
		{"USER0", pcapFile(binary.LittleEndian, false, 147, syn), "unsupported link type 147 (USER0)", nil},
		{"pcap header cut", pcapFile(binary.LittleEndian, false, LinkEthernet)[:10], "truncated capture: file header cut short at byte 10", io.ErrUnexpectedEOF},
		{"pcapng header cut", ngSHBBlock(binary.LittleEndian)[:20], "truncated capture: file header cut short at byte 20", io.ErrUnexpectedEOF},
		{"pcap version 3.0", func() []byte { b := pcapFile(binary.LittleEndian, false, LinkEthernet); b[4] = 3; return b }(), "corrupt capture: unsupported pcap version 3.4", ErrCorrupt},
		{"pcapng bad block length", func() []byte { b := ngSHBBlock(binary.LittleEndian); b[4] = 13; return b }(), "corrupt capture: block at byte 0: bad block length 13", ErrCorrupt},
		{"pcapng packet before interface", cat(ngSHBBlock(binary.LittleEndian), ngEPBBlock(binary.LittleEndian, 0, 0, syn)), "corrupt capture: packet block at byte 28: no interface 0", ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".pcap")
			os.WriteFile(p, tt.data, 0o644)
			_, err := OpenFile(p, nil)
			if want := "capture: " + p + ": " + tt.msg; err == nil || err.Error() != want {
				t.Fatalf("err = %v\nwant %s", err, want)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.is)
			}
		})
	}
	var le *LinkTypeError
	_, err = OpenFile("-", bytes.NewReader(pcapFile(binary.BigEndian, false, 147, syn)))
	if !errors.As(err, &le) || le.Link != 147 {
		t.Errorf("USER0: %v is not a *LinkTypeError", err)
	}
}

// TestTruncated: every complete record is delivered, then a
// *TruncatedError names the record cut and where the data ended.
func TestTruncated(t *testing.T) {
	var frames [][]byte
	for i := range 5 {
		s := synSpec
		s.seq = uint32(i)
		frames = append(frames, eth(etherIPv4, ip4(t, s)))
	}
	pcap := pcapFile(binary.LittleEndian, false, LinkEthernet, frames...)
	rec := 16 + len(frames[0])
	o := binary.LittleEndian
	ng := cat(ngSHBBlock(o), ngIDBBlock(o, LinkEthernet, 0))
	ngHdr := len(ng)
	for _, f := range frames {
		ng = append(ng, ngEPBBlock(o, 0, 1, f)...)
	}
	ngRec := (len(ng) - ngHdr) / 5

	tests := []struct {
		name string
		data []byte
		good int
	}{
		{"pcap mid data", pcap[:24+3*rec+16+30], 3},
		{"pcap mid record header", pcap[:24+3*rec+7], 3},
		{"pcap after record header", pcap[:24+3*rec+16], 3},
		{"pcap first record", pcap[:24+5], 0},
		{"gzip pcap mid data", gz(t, pcap[:24+3*rec+40])[:], 3},
		{"pcapng mid data", ng[:ngHdr+3*ngRec+40], 3},
		{"pcapng mid block header", ng[:ngHdr+3*ngRec+5], 3},
		{"pcapng trailer", ng[:len(ng)-2], 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeTemp(t, "x.pcap", tt.data)
			f, err := OpenFile(p, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			segs, _, err := readAll(t, f)
			if len(segs) != tt.good {
				t.Errorf("got %d segments before the error; want %d", len(segs), tt.good)
			}
			var te *TruncatedError
			if !errors.As(err, &te) || !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Fatalf("err = %v; want *TruncatedError", err)
			}
			n := len(tt.data)
			if strings.HasPrefix(tt.name, "gzip") {
				n = 24 + 3*rec + 40
			}
			if te.Record != uint64(tt.good+1) || te.Offset != int64(n) {
				t.Errorf("got record %d offset %d; want %d, %d", te.Record, te.Offset, tt.good+1, n)
			}
			want := "capture: " + p + ": truncated capture: record " + itoa(tt.good+1) + " cut short at byte " + itoa(n)
			if err.Error() != want {
				t.Errorf("err = %q\nwant %q", err, want)
			}
		})
	}
}

var itoa = strconv.Itoa

// TestHostile: lying lengths give clear errors and bounded memory.
func TestHostile(t *testing.T) {
	syn := eth(etherIPv4, ip4(t, synSpec))
	le := binary.LittleEndian

	hugeSnap := pcapFile(le, false, LinkEthernet, syn, syn)
	le.PutUint32(hugeSnap[16:], 0xffffffff)

	hugeRec := pcapFile(le, false, LinkEthernet, syn, syn)
	le.PutUint32(hugeRec[24+16+len(syn)+8:], 0xffffffff)
	le.PutUint32(hugeRec[24+16+len(syn)+12:], 0xffffffff)

	capGtLen := pcapFile(le, false, LinkEthernet, syn, syn)
	le.PutUint32(capGtLen[24+16+len(syn)+12:], 10)

	ngHugeCap := cat(ngSHBBlock(le), ngIDBBlock(le, LinkEthernet, 0), ngEPBBlock(le, 0, 0, syn), ngEPBBlock(le, 0, 0, syn))
	epbLen := len(ngEPBBlock(le, 0, 0, syn))
	le.PutUint32(ngHugeCap[len(ngHugeCap)-epbLen+8+12:], 0xffffffff)

	ngBigBlock := cat(ngSHBBlock(le), ngIDBBlock(le, LinkEthernet, 0), ngEPBBlock(le, 0, 0, syn), ngEPBBlock(le, 0, 0, make([]byte, MaxSnaplen+4)))

	ngHugeSnap := cat(ngSHBBlock(le), ngIDBBlock(le, LinkEthernet, 0), ngEPBBlock(le, 0, 0, syn))
	le.PutUint32(ngHugeSnap[28+12:], 0xffffffff)

	ngBadRes := cat(ngSHBBlock(le), ngIDBBlock(le, LinkEthernet, 0xff), ngEPBBlock(le, 0, 0, syn))

	tests := []struct {
		name string
		data []byte
		good int
		msg  string // "" for a clean EOF
	}{
		{"pcap snaplen 0xffffffff", hugeSnap, 2, ""},
		{"pcap record 0xffffffff", hugeRec, 1, "corrupt capture: record 2: captured length 4294967295 exceeds the maximum 262144"},
		{"pcap caplen > len", capGtLen, 1, ""}, // cut to 10 bytes, like libpcap reads on (TestLeniency)
		{"pcapng caplen 0xffffffff", ngHugeCap, 1, "corrupt capture: packet block at byte " + itoa(len(ngHugeCap)-epbLen) + ": captured length 4294967295 exceeds block length " + itoa(epbLen)},
		{"pcapng record > MaxSnaplen", ngBigBlock, 1, "corrupt capture: captured length 262148 exceeds the maximum 262144"},
		{"pcapng snaplen 0xffffffff", ngHugeSnap, 1, ""},
		{"pcapng if_tsresol 0xff", ngBadRes, 0, "corrupt capture: bad if_tsresol 0xff (interface description at byte 28)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			f, err := OpenFile("-", bytes.NewReader(tt.data))
			var segs []segment.Segment
			if err == nil {
				segs, _, err = readAll(t, f)
			}
			runtime.ReadMemStats(&after)
			if d := after.TotalAlloc - before.TotalAlloc; d > 4<<20 {
				t.Errorf("allocated %d bytes", d)
			}
			if len(segs) != tt.good {
				t.Errorf("got %d segments; want %d", len(segs), tt.good)
			}
			if tt.msg == "" {
				if err != io.EOF {
					t.Errorf("err = %v; want EOF", err)
				}
				return
			}
			if want := "capture: -: " + tt.msg; err == nil || err.Error() != want || !errors.Is(err, ErrCorrupt) {
				t.Errorf("err = %v\nwant %s (ErrCorrupt)", err, want)
			}
		})
	}
}
