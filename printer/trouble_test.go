package printer

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// troubled is a connection with window scaling (shift 7 both ways) that
// goes through every kind of segment the default transcript must print,
// and the routine ones it must not. Packet i+1 is troubled()[i].
func troubled() []segment.Segment {
	S, A, P, R := segment.SYN, segment.ACK, segment.PSH, segment.RST
	win := func(s segment.Segment, w uint16) segment.Segment { s.Window = w; return s }
	segs := []segment.Segment{
		seg(0, true, S, 100, 0, 0),                // 1
		seg(1, false, S|A, 900, 101, 0),           // 2
		seg(2, true, A, 101, 901, 0),              // 3: handshake complete
		seg(3, true, P|A, 101, 901, 10),           // 4
		seg(4, true, P|A, 121, 901, 10),           // 5: previous segment not captured
		seg(5, false, A, 901, 111, 0),             // 6
		seg(6, false, A, 901, 111, 0),             // 7: dup ACK 1 of #6
		seg(6, false, A, 901, 111, 0),             // 8: dup ACK 2 of #6
		seg(7, true, P|A, 111, 901, 10),           // 9: fast retransmission
		seg(8, false, A, 901, 131, 0),             // 10
		win(seg(9, false, A, 901, 131, 0), 0),     // 11: zero window
		seg(200, true, A, 130, 901, 0),            // 12: keep-alive
		win(seg(201, false, A, 901, 131, 0), 0),   // 13: zero window
		seg(400, true, A, 131, 901, 1),            // 14: zero window probe
		win(seg(401, false, A, 901, 131, 0), 0),   // 15: zero window, probe ACK
		seg(600, false, A, 901, 131, 0),           // 16: window update ending the stall
		win(seg(601, false, A, 901, 131, 0), 200), // 17: window update
		seg(700, true, R, 1<<30, 0, 0),            // 18: RST out of window
	}
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
		if segs[i].Flags&segment.SYN != 0 {
			segs[i].Opts.HasWScale, segs[i].Opts.WScale = true, 7
		}
	}
	return segs
}

// TestDefaultShowsTrouble checks which packets the default transcript
// prints though they change no state: trouble, marked " !", and the end
// of a stall; never the routine dup ACKs, keep-alives, window updates.
func TestDefaultShowsTrouble(t *testing.T) {
	var out bytes.Buffer
	p := NewText(&out, Options{})
	feed(p, troubled())
	p.Close(Summary{})
	lines := map[string]string{} // "#N" → the rest of its line after the packet fields
	for _, l := range strings.Split(out.String(), "\n") {
		if _, rest, ok := strings.Cut(l, " c1 #"); ok {
			n, _, _ := strings.Cut(rest, " ")
			_, after, _ := strings.Cut(rest, " len ")
			lines["#"+n] = after
		}
	}
	want := map[string]string{
		"#1":  "0  client CLOSED → SYN-SENT (sent SYN)",
		"#2":  "0  server LISTEN → SYN-RECEIVED (rcvd SYN)",
		"#5":  "10 ! [previous segment not captured]",
		"#9":  "10 ! [fast retransmission]",
		"#11": "0 ! [zero window]",
		"#13": "0 ! [zero window]",
		"#14": "1 ! [zero window probe]",
		"#15": "0 ! [zero window] [zero window probe ACK]",
		"#16": "0 [window update]",
		"#18": "0 !  note: client RST out of window: ignored (seq +1073741693 from RCV.NXT)",
	}
	for n, w := range want {
		if got, ok := lines[n]; !ok {
			t.Errorf("packet %s not printed; want %q", n, w)
		} else if got != w {
			t.Errorf("packet %s: %q; want %q", n, got, w)
		}
	}
	for n, got := range lines {
		if _, ok := want[n]; !ok && n != "#3" {
			t.Errorf("packet %s printed by default: %q", n, got)
		}
	}
}

// TestVerboseDetail checks what -v adds: every packet, the scaled window
// and the numbering of duplicate ACKs.
func TestVerboseDetail(t *testing.T) {
	var out bytes.Buffer
	p := NewText(&out, Options{Verbose: true})
	feed(p, troubled())
	p.Close(Summary{})
	s := out.String()
	for _, want := range []string{
		"#2 [fd00::2]:443 > [fd00::1]:40000 [S.] seq 0 ack 1 win 100 len 0  server", // a SYN's window is never scaled
		"#4 [fd00::1]:40000 > [fd00::2]:443 [P.] seq 1 ack 1 win 100 (×128 = 12800) len 10\n",
		"#7 [fd00::2]:443 > [fd00::1]:40000 [.] seq 1 ack 11 win 100 (×128 = 12800) len 0 [dup ACK 1 of #6]\n",
		"#8 [fd00::2]:443 > [fd00::1]:40000 [.] seq 1 ack 11 win 100 (×128 = 12800) len 0 [dup ACK 2 of #6]\n",
		"#12 [fd00::1]:40000 > [fd00::2]:443 [.] seq 30 ack 1 win 100 (×128 = 12800) len 0 [keep-alive]\n",
		"#17 [fd00::2]:443 > [fd00::1]:40000 [.] seq 1 ack 31 win 200 (×128 = 25600) len 0 [window update]\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("-v transcript lacks %q:\n%s", want, s)
		}
	}
	if n := strings.Count(s, " c1 #"); n != len(troubled()) {
		t.Errorf("-v printed %d packets of c1; want %d", n, len(troubled()))
	}
}

// TestQuiet: -q prints the tables and no transcript line, in text; in
// JSON only the conn and summary records.
func TestQuiet(t *testing.T) {
	var out bytes.Buffer
	p := NewText(&out, Options{Quiet: true})
	feed(p, troubled())
	p.Close(Summary{})
	s := out.String()
	if !strings.HasPrefix(s, "connections: 1\n") || strings.Contains(s, " c1 #") || strings.Contains(s, "(timer)") {
		t.Errorf("-q printed more than the tables:\n%s", s)
	}
	for _, want := range []string{"sequence analysis", "final endpoint states (2 endpoints):"} {
		if !strings.Contains(s, want) {
			t.Errorf("-q output lacks %q:\n%s", want, s)
		}
	}
	out.Reset()
	j := NewJSON(&out, Options{Quiet: true})
	feed(j, troubled())
	j.Close(Summary{})
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var rec struct{ Type string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil || (rec.Type != "conn" && rec.Type != "summary") {
			t.Errorf("-q --json wrote %s", line)
		}
	}
}

// TestJSONTroublePackets: without -v, a packet record for each packet the
// text transcript shows without a state change, with the documented
// fields; with -v, dup ACKs carry their numbering.
func TestJSONTroublePackets(t *testing.T) {
	type rec struct {
		Type        string
		Pkt         uint64
		Win         uint64
		WinScaled   *uint64 `json:"win_scaled"`
		Trouble     bool
		Class       []string
		DupAckNum   uint64 `json:"dup_ack_num"`
		DupAckFrame uint64 `json:"dup_ack_frame"`
	}
	read := func(opts Options) map[uint64]rec {
		var out bytes.Buffer
		p := NewJSON(&out, opts)
		feed(p, troubled())
		p.Close(Summary{})
		recs := map[uint64]rec{}
		for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
			var r rec
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("%v: %s", err, line)
			}
			if r.Type == "packet" {
				recs[r.Pkt] = r
			}
		}
		return recs
	}
	def := read(Options{})
	var pkts []uint64
	for n := range uint64(len(troubled())) + 1 {
		if _, ok := def[n]; ok {
			pkts = append(pkts, n)
		}
	}
	if want := []uint64{5, 9, 11, 13, 14, 15, 16, 18}; !slicesEqual(pkts, want) {
		t.Errorf("packet records for %v; want %v", pkts, want)
	}
	if r := def[9]; !r.Trouble || r.WinScaled == nil || *r.WinScaled != 12800 || len(r.Class) != 1 || r.Class[0] != "fast retransmission" {
		t.Errorf("record of #9: %+v", r)
	}
	if r := def[16]; r.Trouble {
		t.Errorf("the end of a stall is marked trouble: %+v", r)
	}
	all := read(Options{Verbose: true})
	if r := all[8]; r.DupAckNum != 2 || r.DupAckFrame != 6 {
		t.Errorf("-v record of dup ACK #8: %+v; want 2 of #6", r)
	}
	if r := all[2]; r.WinScaled == nil || *r.WinScaled != 100 {
		t.Errorf("a SYN-ACK's win_scaled: %+v; want 100 (never scaled)", r)
	}
}

func slicesEqual(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// countWriter counts the bytes written to it, without keeping them.
type countWriter struct{ n int }

func (w *countWriter) Write(b []byte) (int, error) { w.n += len(b); return len(b), nil }

// TestNoAllocsTrouble: printing a trouble line by default (a
// retransmission, again and again) allocates nothing once warmed up.
func TestNoAllocsTrouble(t *testing.T) {
	segs := troubled()[:4]
	for _, json := range []bool{false, true} {
		var w countWriter
		var p interface {
			tracker.Observer
			Close(Summary) error
		} = NewText(&w, Options{})
		if json {
			p = NewJSON(&w, Options{})
		}
		tr := tracker.New(tracker.Config{}, p)
		for i := range segs {
			tr.Handle(&segs[i])
		}
		rexmit := segs[3]
		n := testing.AllocsPerRun(1000, func() {
			rexmit.Time = rexmit.Time.Add(1e9)
			rexmit.Pkt++
			tr.Handle(&rexmit)
		})
		if n != 0 {
			t.Errorf("%T: %v allocs per trouble packet; want 0", p, n)
		}
		p.Close(Summary{})
		if w.n < 1000*50 {
			t.Errorf("%T wrote %d bytes for 1000 retransmissions: not a line each", p, w.n)
		}
	}
}
