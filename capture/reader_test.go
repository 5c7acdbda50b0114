package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"testing"

	"github.com/flowtrace/flowtrace/internal/testenv"
	"github.com/flowtrace/flowtrace/segment"
)

// fakeSource is an in-memory Source: it yields frames, then err (io.EOF
// if nil). With loop set it cycles forever.
type fakeSource struct {
	frames [][]byte
	links  []LinkType // per frame, or one for all
	i      int
	loop   bool
	err    error
}

func (s *fakeSource) ReadFrame() ([]byte, FrameInfo, LinkType, error) {
	if s.i == len(s.frames) {
		if !s.loop {
			if s.err == nil {
				return nil, FrameInfo{}, 0, io.EOF
			}
			return nil, FrameInfo{}, 0, s.err
		}
		s.i = 0
	}
	f := s.frames[s.i]
	l := s.links[0]
	if len(s.links) > 1 {
		l = s.links[s.i]
	}
	s.i++
	return f, FrameInfo{Timestamp: t0, CaptureLength: len(f), Length: len(f)}, l, nil
}

func (s *fakeSource) Close() error { return nil }

func (s *fakeSource) LinkType() LinkType { return s.links[0] }

func TestReaderStats(t *testing.T) {
	syn := ip4(t, synSpec)
	frag := bytes.Clone(syn)
	frag[6] = 0x20
	src := &fakeSource{
		frames: [][]byte{
			eth(etherIPv4, syn),
			eth(0x0806, make([]byte, 28)),
			eth(etherIPv4, syn[:15]),
			eth(etherIPv4, frag),
			eth(etherIPv4, frag),
			{1, 2, 3},
			eth(etherIPv6, ip6(t, v6(synSpec))),
			eth(etherIPv4, syn[:20+30]), // options cut
		},
		links: []LinkType{LinkEthernet},
		err:   &TruncatedError{Name: "x", Record: 9, Offset: 1000},
	}
	r := NewReader(src)
	var pkts []uint64
	var seg segment.Segment
	var err error
	for err = r.Next(&seg); err == nil; err = r.Next(&seg) {
		pkts = append(pkts, seg.Pkt)
		if !seg.Time.Equal(t0) {
			t.Errorf("Time = %v", seg.Time)
		}
	}
	var te *TruncatedError
	if !errors.As(err, &te) {
		t.Fatalf("err = %v; want the source's *TruncatedError after the good frames", err)
	}
	if err2 := r.Next(&seg); err2 != err {
		t.Errorf("second Next after error = %v; want the same error", err2)
	}
	if want := []uint64{1, 7, 8}; !slices.Equal(pkts, want) {
		t.Errorf("Pkt = %v; want %v", pkts, want)
	}
	st := r.Stats()
	checkInvariant(t, st)
	// The two copies of one first fragment: a train that never
	// completes, and a duplicate.
	want := Stats{Frames: 8, TCP: 3, NonTCP: 1, Fragments: 2}
	want.Frag.Incomplete, want.Frag.Duplicates = 1, 1
	want.Skipped[TruncatedIPv4] = 1
	want.Skipped[TruncatedLink] = 1
	want.Noted[TruncatedTCPOption] = 1
	if ex := st.Frag.IncompleteExamples(); len(ex) != 1 || ex[0].FirstPkt != 4 || ex[0].Pkt != 5 || !ex[0].First.Equal(t0) {
		t.Errorf("incomplete examples %+v", ex)
	}
	st.Frag.IncompleteEx = [MaxFragExamples]FragExample{}
	if st != want {
		t.Errorf("stats\n got %+v\nwant %+v", st, want)
	}
	var names []string
	for r, n := range st.SkippedReasons() {
		names = append(names, r.String()+"="+itoa(int(n)))
	}
	if want := []string{"truncated link header=1", "truncated IPv4 header=1"}; !slices.Equal(names, want) {
		t.Errorf("SkippedReasons = %q; want %q", names, want)
	}
	for r, n := range st.NotedReasons() {
		if r != TruncatedTCPOption || n != 1 {
			t.Errorf("NotedReasons: %v=%d", r, n)
		}
	}
}

// realistic returns an in-memory pcap of the mix, repeated n times.
func realistic(t testing.TB, n int) []byte {
	var frames [][]byte
	m := mix(t)
	for range n {
		frames = append(frames, m...)
	}
	return pcapFile(binary.LittleEndian, false, LinkEthernet, frames...)
}

// TestNoAllocs: the hot path (read a record, filter, decode) does not
// allocate, for pcap and pcapng, with and without a BPF filter.
func TestNoAllocs(t *testing.T) {
	pcapData := realistic(t, 200)
	o := binary.LittleEndian
	ng := cat(ngSHBBlock(o), ngIDBBlock(o, LinkEthernet, 0), ngIDBBlock(o, LinkSLL2, 9))
	for range 200 {
		for i, f := range mix(t) {
			if i%2 == 0 {
				ng = append(ng, ngEPBBlock(o, 0, 1, f)...)
			} else {
				ng = append(ng, ngEPBBlock(o, 1, 1, sll2(binary.BigEndian.Uint16(f[12:]), f[14:]))...)
			}
		}
	}
	for _, file := range []struct {
		name string
		data []byte
	}{{"pcap", pcapData}, {"pcapng", ng}} {
		for _, filter := range []string{"", "tcp port 80 and not port 22"} {
			t.Run(file.name+"/"+filter, func(t *testing.T) {
				f, err := OpenFile("-", bytes.NewReader(file.data))
				if err != nil {
					t.Fatal(err)
				}
				r := NewReader(f)
				if err := r.SetFilter(filter); errors.Is(err, ErrNoLibpcap) {
					testenv.Skip(t, err.Error()) // only in a build without cgo
				} else if err != nil {
					t.Fatal(err)
				}
				var seg segment.Segment
				for range 100 { // warm up: buffers, filter for the second link type
					if err := r.Next(&seg); err != nil {
						t.Fatal(err)
					}
				}
				n := testing.AllocsPerRun(2000, func() {
					if err := r.Next(&seg); err != nil {
						t.Fatal(err)
					}
				})
				if n != 0 {
					t.Errorf("Next: %v allocs per segment; want 0", n)
				}
			})
		}
	}
}

func TestBPFValidate(t *testing.T) {
	ret := bpfInsn{Code: bpfRET | bpfK, K: 1}
	bad := [][]bpfInsn{
		nil,
		{{Code: bpfLD | bpfW | bpfABS}}, // no return
		{{Code: bpfJMP | bpfJEQ | bpfK, Jt: 5}, ret},              // jump out
		{{Code: bpfJMP | bpfJA, K: 1}, ret},                       // JA out
		{{Code: bpfLD | bpfMEM, K: 16}, ret},                      // scratch out of range
		{{Code: bpfST, K: 99}, ret},                               // scratch out of range
		{{Code: bpfALU | bpfDIV | bpfK, K: 0}, ret},               // division by zero
		{{Code: 0xffff}, ret},                                     // unknown
		{{Code: bpfLDX | bpfH | bpfMSH}, ret},                     // MSH is byte only
		{{Code: bpfRET | 0x18}, ret},                              // bad return source
		{{Code: bpfMISC | 0x40}, ret},                             // bad misc
		{{Code: bpfLD | 0x18 | bpfABS}, ret},                      // 8-byte load
		{{Code: bpfJMP | 0x70 | bpfK}, ret},                       // unknown jump
		{{Code: bpfALU | 0xf0 | bpfK}, ret},                       // unknown ALU op
		{{Code: bpfLD | bpfW | 0xe0}, ret},                        // unknown mode
		{{Code: bpfST | bpfH, K: 0}, ret},                         // ST with size bits
		{ret, {Code: bpfLD | bpfW | bpfABS}},                      // does not end in return
		{{Code: bpfJMP | bpfJGT | bpfX, Jt: 0, Jf: 1}, ret},       // false branch out
		{{Code: bpfALU | bpfMOD | bpfK, K: 0}, ret},               // mod by zero
		{{Code: bpfLD | bpfIMM}, {Code: bpfJMP | bpfJA, K: 0}},    // last is a jump
		{{Code: bpfLDX | bpfW | bpfMSH}, ret},                     // MSH word
		{{Code: bpfLD | bpfB | bpfMSH}, ret},                      // MSH into A
		{{Code: bpfJMP | bpfJSET | bpfK, Jt: 0, Jf: 200}, ret},    // far
		{{Code: bpfLDX | bpfMEM, K: 1 << 31}, ret},                // scratch out of range
		{{Code: bpfSTX, K: 16}, ret},                              // scratch out of range
		{{Code: bpfALU | bpfNEG | bpfX}, {Code: 0x1234}, ret},     // unknown opcode later
		{{Code: bpfRET | bpfK}, {Code: bpfRET | bpfA}, {Code: 7}}, // last is misc with bad code
	}
	for i, p := range bad {
		if err := bpfValidate(p); err == nil {
			t.Errorf("program %d validated: %+v", i, p)
		}
	}
	// Arithmetic the compiler rarely emits: X division by zero rejects.
	prog := []bpfInsn{{Code: bpfLDX | bpfIMM, K: 0}, {Code: bpfLD | bpfIMM, K: 10}, {Code: bpfALU | bpfDIV | bpfX}, ret}
	if err := bpfValidate(prog); err != nil {
		t.Fatal(err)
	}
	if got := bpfRun(prog, nil, 0); got != 0 {
		t.Errorf("A/X with X=0 = %d; want reject", got)
	}
	prog = []bpfInsn{{Code: bpfLD | bpfIMM, K: 7}, {Code: bpfALU | bpfNEG}, {Code: bpfMISC | bpfTAX}, {Code: bpfLD | bpfIMM, K: 1},
		{Code: bpfALU | bpfSUB | bpfX}, {Code: bpfST, K: 3}, {Code: bpfLDX | bpfMEM, K: 3}, {Code: bpfMISC | bpfTXA}, {Code: bpfRET | bpfA}}
	if err := bpfValidate(prog); err != nil {
		t.Fatal(err)
	}
	if got := bpfRun(prog, nil, 0); got != 8 {
		t.Errorf("1 - -7 = %d; want 8", got)
	}
}

// TestReaderDigests checks that every TCP segment the Reader returns
// carries the digest of its payload when the whole payload was captured,
// and none when the snaplen cut it: the sequence analysis trusts it
// instead of reading the payload again.
func TestReaderDigests(t *testing.T) {
	names, err := filepath.Glob("../testdata/pcaps/*.pcap*")
	if err != nil || len(names) == 0 {
		t.Fatalf("no bundled traces: %v", err)
	}
	var with, cut int
	for _, name := range names {
		f, err := OpenFile(name, nil)
		if err != nil {
			t.Fatal(err)
		}
		r := NewReader(f)
		var seg segment.Segment
		for r.Next(&seg) == nil {
			if seg.Kind != segment.TCP {
				continue
			}
			full := seg.PayloadLen > 0 && len(seg.Payload) == seg.PayloadLen
			switch {
			case full && (!seg.HasDigest || seg.Digest != segment.PayloadDigest(seg.Payload)):
				t.Fatalf("%s packet %d: HasDigest %v, Digest %#x, want %#x", name, seg.Pkt, seg.HasDigest, seg.Digest, segment.PayloadDigest(seg.Payload))
			case !full && seg.HasDigest:
				t.Fatalf("%s packet %d: %d of %d payload bytes captured, but HasDigest", name, seg.Pkt, len(seg.Payload), seg.PayloadLen)
			case full:
				with++
			case seg.PayloadLen > 0:
				cut++
			}
		}
		f.Close()
	}
	if with == 0 || cut == 0 {
		t.Errorf("the bundled traces gave %d segments with a digest and %d cut by the snaplen; want some of each", with, cut)
	}
}
