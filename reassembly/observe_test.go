package reassembly

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/flowtrace/flowtrace/internal/seqnum"
	"github.com/flowtrace/flowtrace/segment"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// conv is a two-direction conversation: dir 0 is the client's.
type conv struct {
	d       [2]Dir
	pool    Pool
	reorder time.Duration
	pkt     uint64 // packets so far: step i of the conversation is packet i
}

// step is one segment: at ms from direction from, tcpdump-style flags.
type step struct {
	ms       float64
	from     int
	flags    string
	seq, ack uint32
	n        int
	win      uint16
	payload  string // captured bytes; empty means not captured
	want     Class
}

func (cv *conv) run(t *testing.T, steps []step) {
	t.Helper()
	for i, s := range steps {
		f, ok := segment.ParseFlags(s.flags)
		if !ok {
			panic("bad flags " + s.flags)
		}
		seg := segment.Segment{
			Pkt:  cv.pkt + 1,
			Time: t0.Add(time.Duration(s.ms * float64(time.Millisecond))),
			Seq:  seqnum.Value(s.seq), Ack: seqnum.Value(s.ack), Flags: f, PayloadLen: s.n, Window: s.win,
		}
		if ts, ok := strings.CutPrefix(s.payload, "ts="); ok {
			v, _ := strconv.Atoi(ts)
			seg.Opts.HasTS, seg.Opts.TSVal = true, uint32(v)
		} else if s.payload != "" {
			seg.Payload = []byte(s.payload)
		}
		if f&segment.SYN != 0 {
			seg.Opts.HasWScale, seg.Opts.WScale = true, 7
		}
		cv.pkt++
		got := Observe(&cv.d[s.from], &cv.d[1-s.from], &seg, cv.reorder, &cv.pool)
		if got != s.want {
			t.Errorf("step %d (%+v): class %v; want %v", i+1, s, got, s.want)
		}
	}
}

// hs is a handshake with window scaling (shift 7 both ways); client ISN
// 1000, server ISN 5000.
var hs = []step{
	{0, 0, "S", 1000, 0, 0, 64240, "", 0},
	{1, 1, "S.", 5000, 1001, 0, 65160, "", 0},
	{2, 0, ".", 1001, 5001, 0, 502, "", 0},
}

func with(steps ...step) []step { return append(append([]step(nil), hs...), steps...) }

func TestClasses(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
	}{
		{"in order", with(
			step{3, 0, "P.", 1001, 5001, 100, 502, "", 0},
			step{4, 1, ".", 5001, 1101, 0, 509, "", 0},
		)},
		{"retransmission after a timeout", with(
			step{3, 0, "P.", 1001, 5001, 100, 502, "", 0},
			step{300, 0, "P.", 1001, 5001, 100, 502, "", Retransmission},
		)},
		{"out-of-order and the gap before it", with(
			step{3, 0, "P.", 1101, 5001, 100, 502, "", PrevNotCaptured},
			step{3.5, 0, "P.", 1001, 5001, 100, 502, "", OutOfOrder},
		)},
		{"spurious retransmission", with(
			step{3, 0, "P.", 1001, 5001, 100, 502, "", 0},
			step{4, 1, ".", 5001, 1101, 0, 509, "", 0},
			step{300, 0, "P.", 1001, 5001, 100, 502, "", SpuriousRetransmission},
		)},
		{"duplicate ACKs and a fast retransmission", with(
			step{3, 0, "P.", 1001, 5001, 100, 502, "", 0},
			step{3.1, 0, "P.", 1101, 5001, 100, 502, "", 0},
			step{3.2, 0, "P.", 1201, 5001, 100, 502, "", 0},
			step{10, 1, ".", 5001, 1101, 0, 509, "", 0},
			step{10.1, 1, ".", 5001, 1101, 0, 509, "", DupAck},
			step{10.2, 1, ".", 5001, 1101, 0, 509, "", DupAck},
			step{11, 0, "P.", 1101, 5001, 100, 502, "", FastRetransmission},
		)},
		{"zero window, probe, probe ACK, window update", with(
			step{3, 0, "P.", 1001, 5001, 100, 502, "", 0},
			step{4, 1, ".", 5001, 1101, 0, 0, "", ZeroWindow},
			step{200, 0, ".", 1101, 5001, 1, 502, "", ZeroWindowProbe},
			step{201, 1, ".", 5001, 1101, 0, 0, "", ZeroWindow | ZeroWindowProbeAck},
			step{500, 1, ".", 5001, 1101, 0, 509, "", WindowUpdate},
		)},
		{"keep-alive and its ACK", with(
			// The first ACK after the SYN-ACK changes the window.
			step{3, 1, ".", 5001, 1001, 0, 509, "", WindowUpdate},
			step{7200000, 0, ".", 1000, 5001, 0, 502, "", KeepAlive},
			step{7200001, 1, ".", 5001, 1001, 0, 509, "", KeepAliveAck},
		)},
		{"window full", with(
			// The server advertises 1 << 7 = 128 bytes; 128 bytes fill it.
			step{3, 1, ".", 5001, 1001, 0, 1, "", WindowUpdate},
			step{4, 0, "P.", 1001, 5001, 128, 502, "", WindowFull},
		)},
		{"ACK of a segment the capture missed", with(
			step{3, 0, "P.", 1101, 5001, 100, 502, "", PrevNotCaptured},
			step{4, 1, ".", 5001, 1201, 0, 509, "", AckedUnseen},
		)},
		{"retransmitted bytes differ", with(
			step{3, 0, "P.", 1001, 5001, 4, 502, "abcd", 0},
			step{300, 0, "P.", 1001, 5001, 4, 502, "abcd", Retransmission},
			step{600, 0, "P.", 1001, 5001, 4, 502, "abXd", Retransmission | OverlapMismatch},
		)},
		{"a late original with an older timestamp is out-of-order, however late", with(
			step{3, 0, "P.", 1101, 5001, 100, 502, "ts=20", PrevNotCaptured},
			step{3.1, 1, ".", 5001, 1001, 0, 509, "", WindowUpdate},
			step{3.2, 1, ".", 5001, 1001, 0, 509, "", DupAck},
			step{3.3, 1, ".", 5001, 1001, 0, 509, "", DupAck},
			step{50, 0, "P.", 1001, 5001, 100, 502, "ts=10", OutOfOrder},
		)},
		{"the same segment with a fresh timestamp is a fast retransmission", with(
			step{3, 0, "P.", 1101, 5001, 100, 502, "ts=20", PrevNotCaptured},
			step{3.1, 1, ".", 5001, 1001, 0, 509, "", WindowUpdate},
			step{3.2, 1, ".", 5001, 1001, 0, 509, "", DupAck},
			step{3.3, 1, ".", 5001, 1001, 0, 509, "", DupAck},
			step{4, 0, "P.", 1001, 5001, 100, 502, "ts=30", FastRetransmission},
		)},
		{"sequence numbers wrap", []step{
			{0, 0, "S", 0xffffff00, 0, 0, 64240, "", 0},
			{1, 1, "S.", 5000, 0xffffff01, 0, 65160, "", 0},
			{2, 0, "P.", 0xffffff01, 5001, 0x200, 502, "", 0},
			{3, 0, "P.", 0x101, 5001, 0x100, 502, "", 0},
			{300, 0, "P.", 0x1, 5001, 0x100, 502, "", Retransmission},
		}},
		{"a forged RST does not move the sequence space", with(
			step{3, 0, "R", 1001 + 1<<30, 0, 0, 0, "", 0},
			step{4, 0, "P.", 1001, 5001, 100, 502, "", 0},
		)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cv conv
			cv.run(t, tt.steps)
		})
	}
}

// TestDupAckNumbering checks tshark's numbering of duplicate ACKs: the
// count and the packet of the ACK they repeat. Only a new acknowledgment
// number restarts it (tshark 4.0): not a window update, not data sent in
// the same direction with the same ACK.
func TestDupAckNumbering(t *testing.T) {
	type dup struct {
		n     int
		frame uint64
	}
	var cv conv
	steps := with(
		step{3, 0, "P.", 1001, 5001, 100, 502, "", 0},                   // 4
		step{3.1, 0, "P.", 1101, 5001, 100, 502, "", 0},                 // 5
		step{3.2, 0, "P.", 1201, 5001, 100, 502, "", 0},                 // 6
		step{10, 1, ".", 5001, 1101, 0, 509, "", 0},                     // 7: the ACK
		step{10.1, 1, ".", 5001, 1101, 0, 509, "", DupAck},              // 8: 1st of #7
		step{10.2, 1, ".", 5001, 1101, 0, 509, "", DupAck},              // 9: 2nd of #7
		step{10.3, 1, ".", 5001, 1101, 0, 600, "", WindowUpdate},        // 10: same ACK, new window
		step{10.4, 1, ".", 5001, 1101, 0, 600, "", DupAck},              // 11: 3rd of #7
		step{10.5, 1, "P.", 5001, 1101, 10, 600, "", 0},                 // 12: data, same ACK
		step{10.6, 1, ".", 5011, 1101, 0, 600, "", DupAck},              // 13: 4th of #7
		step{11, 0, "P.", 1101, 5011, 100, 502, "", FastRetransmission}, // 14
		step{12, 1, ".", 5011, 1301, 0, 600, "", 0},                     // 15: a new ACK
		step{12.1, 1, ".", 5011, 1301, 0, 600, "", DupAck},              // 16: 1st of #15
	)
	want := map[int]dup{8: {1, 7}, 9: {2, 7}, 11: {3, 7}, 13: {4, 7}, 16: {1, 15}}
	for i := range steps {
		cv.run(t, steps[i:i+1])
		if w, ok := want[i+1]; ok {
			if n, frame := cv.d[1].DupAck(); n != w.n || frame != w.frame {
				t.Errorf("packet %d: dup ACK %d of #%d; want %d of #%d", i+1, n, frame, w.n, w.frame)
			}
		}
	}
}

// TestReopened: only the segment that advertises a window again after a
// zero window ends a stall; a RST's zero window starts none.
func TestReopened(t *testing.T) {
	var cv conv
	reopened := []bool{}
	steps := with(
		step{3, 0, "P.", 1001, 5001, 100, 502, "", 0},
		step{4, 1, ".", 5001, 1101, 0, 0, "", ZeroWindow},
		step{5, 1, ".", 5001, 1101, 0, 509, "", WindowUpdate}, // reopened
		step{6, 1, ".", 5001, 1101, 0, 600, "", WindowUpdate},
		step{7, 1, "R", 5001, 0, 0, 0, "", 0},
		step{8, 1, ".", 5001, 1101, 0, 600, "", WindowUpdate}, // after the RST's 0, as tshark says
	)
	for i := range steps {
		cv.run(t, steps[i:i+1])
		reopened = append(reopened, cv.d[steps[i].from].Reopened())
	}
	want := []bool{false, false, false, false, false, true, false, false, false}
	if !slices.Equal(reopened, want) {
		t.Errorf("reopened %v; want %v", reopened, want)
	}
}

func TestTroubleClasses(t *testing.T) {
	for _, c := range []Class{DupAck, WindowUpdate, WindowFull, KeepAlive, KeepAliveAck, ZeroWindowProbeAck} {
		if Trouble&c != 0 {
			t.Errorf("%v is routine, not trouble", c)
		}
	}
	if got := DupAck.Name(); got != "dup ACK" {
		t.Errorf("DupAck.Name() = %q", got)
	}
	if got := (DupAck | ZeroWindow).Name(); got != "" {
		t.Errorf("Name of two classes = %q; want empty", got)
	}
}

func TestBytesAndHoles(t *testing.T) {
	var cv conv
	cv.run(t, with(
		step{3, 0, "P.", 1001, 5001, 100, 502, "", 0},
		step{4, 0, "P.", 1201, 5001, 100, 502, "", PrevNotCaptured}, // hole [1101,1201)
		step{5, 0, "P.", 1001, 5001, 100, 502, "", OutOfOrder},      // resent, nothing new
		step{6, 0, "P.", 1101, 5001, 50, 502, "", OutOfOrder},       // fills half the hole
		// The other 50 bytes were missed. tshark's rule no longer flags the
		// ACK (its mark moved to the highest sequence); the hole count does.
		step{7, 1, ".", 5001, 1301, 0, 509, "", 0},
	))
	s := cv.d[0].Stats()
	if s.WireBytes != 350 || s.UniqueBytes != 250 || s.MissedBytes != 50 {
		t.Errorf("wire %d unique %d missed %d; want 350 250 50", s.WireBytes, s.UniqueBytes, s.MissedBytes)
	}
	if w, known := cv.d[1].Window(); !known || w != 509<<7 {
		t.Errorf("server window %d (known %v); want %d", w, known, 509<<7)
	}
}

func TestInFlight(t *testing.T) {
	var cv conv
	cv.run(t, with(
		step{3, 0, "P.", 1001, 5001, 100, 502, "", 0},
		step{4, 0, "P.", 1101, 5001, 100, 502, "", 0},
	))
	if got := cv.d[0].InFlight(&cv.d[1]); got != 200 {
		t.Errorf("in flight %d; want 200", got)
	}
	cv.run(t, []step{{5, 1, ".", 5001, 1101, 0, 509, "", 0}})
	if got := cv.d[0].InFlight(&cv.d[1]); got != 100 {
		t.Errorf("in flight after an ACK %d; want 100", got)
	}
}

func TestRTTAndKarn(t *testing.T) {
	var cv conv
	cv.run(t, with(
		step{10, 0, "P.", 1001, 5001, 100, 502, "", 0},
		step{15, 1, ".", 5001, 1101, 0, 509, "", 0}, // sample: 5 ms
		step{20, 0, "P.", 1101, 5001, 100, 502, "", 0},
		step{300, 0, "P.", 1101, 5001, 100, 502, "", Retransmission},
		step{301, 1, ".", 5001, 1201, 0, 509, "", 0}, // no sample: which copy?
	))
	r := cv.d[0].Stats().RTT
	if r.N != 1 || r.Min != 5*time.Millisecond || r.Mean() != 5*time.Millisecond {
		t.Errorf("RTT %+v; want one 5 ms sample", r)
	}
}

func TestScaleUnknownWithoutHandshake(t *testing.T) {
	var cv conv
	cv.run(t, []step{{0, 0, "P.", 1001, 5001, 100, 502, "", 0}})
	if _, known := cv.d[0].Window(); known {
		t.Error("window scale known without a handshake")
	}
}

func TestHolesBounded(t *testing.T) {
	var cv conv
	steps := with()
	for i := range 50 {
		steps = append(steps, step{float64(3 + i), 0, "P.", uint32(1001 + 200*i), 5001, 100, 502, "", 0})
	}
	for i := range steps {
		if i >= len(hs)+1 {
			steps[i].want = PrevNotCaptured
		}
	}
	cv.run(t, steps)
	if cv.d[0].x.nholes > maxHoles {
		t.Errorf("%d holes; bound %d", cv.d[0].x.nholes, maxHoles)
	}
}

func TestNoAllocs(t *testing.T) {
	var fwd, rev Dir
	var p Pool
	seg := segment.Segment{Time: t0, Seq: 1, Ack: 1, Flags: segment.ACK | segment.PSH, PayloadLen: 4, Payload: []byte("abcd"), Window: 100}
	ack := segment.Segment{Time: t0, Seq: 1, Ack: 1, Flags: segment.ACK, Window: 100}
	n := testing.AllocsPerRun(1000, func() {
		seg.Seq += 4
		seg.Time = seg.Time.Add(time.Millisecond)
		Observe(&fwd, &rev, &seg, 0, &p)
		ack.Ack = seg.Seq + 4
		Observe(&rev, &fwd, &ack, 0, &p)
	})
	if n != 0 {
		t.Errorf("%v allocs per segment pair; want 0", n)
	}
}

func TestClassNames(t *testing.T) {
	if got := (Retransmission | ZeroWindow).String(); got != "[retransmission] [zero window]" {
		t.Errorf("String = %q", got)
	}
	if len(Names()) != int(numClasses) {
		t.Error("a class without a name")
	}
}

// A direction takes a Detail only when it first needs one: a handshake
// and bare ACKs take none; payload does, in the sending direction only.
func TestDetailOnlyWithData(t *testing.T) {
	var cv conv
	cv.run(t, hs)
	for i := range cv.d {
		if cv.d[i].HasDetail() {
			t.Errorf("dir %d took a Detail on a handshake", i)
		}
		if *cv.d[i].Stats() != (Stats{}) {
			t.Errorf("dir %d: stats %+v without a Detail; want zero", i, *cv.d[i].Stats())
		}
	}
	cv.run(t, []step{{4, 0, "P.", 1001, 5001, 100, 502, "", 0}})
	if !cv.d[0].HasDetail() || cv.d[1].HasDetail() {
		t.Errorf("after the client's payload: details %v %v; want true false", cv.d[0].HasDetail(), cv.d[1].HasDetail())
	}
	if got := cv.d[0].Stats().WireBytes; got != 100 {
		t.Errorf("wire bytes %d; want 100", got)
	}
	// A notable segment without payload (a duplicate ACK) takes one too.
	cv.run(t, []step{{5, 1, ".", 5001, 1101, 0, 509, "", 0}, {6, 1, ".", 5001, 1101, 0, 509, "", DupAck}})
	if !cv.d[1].HasDetail() || cv.d[1].Stats().DupAcks != 1 {
		t.Errorf("dup ACK: detail %v, %d dup ACKs; want true 1", cv.d[1].HasDetail(), cv.d[1].Stats().DupAcks)
	}
}

// Release gives a Detail back zeroed, and the next direction reuses it.
func TestPoolReuse(t *testing.T) {
	var cv conv
	cv.run(t, with(step{3, 0, "P.", 1201, 5001, 100, 502, "", PrevNotCaptured}))
	x := cv.d[0].x
	if x == nil || x.nholes != 1 {
		t.Fatalf("detail %v; want one with a hole", x)
	}
	cv.d[0].Release(&cv.pool)
	cv.d[1].Release(&cv.pool)
	if cv.d[0] != (Dir{}) || cv.d[1] != (Dir{}) {
		t.Error("Release left state in the Dir")
	}
	if *x != (Detail{}) {
		t.Error("Release left state in the Detail")
	}
	cv.run(t, with(step{3, 0, "P.", 1001, 5001, 100, 502, "", 0}))
	if cv.d[0].x != x {
		t.Error("the released Detail was not reused")
	}
}
