package benchgen

import (
	"bytes"
	"io"
	"net/netip"
	"testing"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

type nop struct{}

func (nop) Packet(*tracker.Conn, *segment.Segment, tracker.Side, []tracker.Event) {}
func (nop) Events(*tracker.Conn, []tracker.Event)                                 {}
func (nop) Done(*tracker.Conn)                                                    {}

func generate(t *testing.T, packets int, seed int64) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Generate(&b, packets, seed); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDeterministic(t *testing.T) {
	const n = 40000
	a, b := generate(t, n, 7), generate(t, n, 7)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with the same seed differ")
	}
	if c := generate(t, n, 8); bytes.Equal(a, c) {
		t.Fatal("different seeds give the same capture")
	}
}

// TestDecodes checks that every frame decodes as TCP, with nothing
// skipped or noted, that the mix has what it promises (many distinct
// connections at once, IPv4 and IPv6, port reuse, RSTs).
func TestDecodes(t *testing.T) {
	const n = 60000
	data := generate(t, n, 1)
	f, err := capture.OpenFile("-", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	r := capture.NewReader(f)
	tr := tracker.New(tracker.Config{}, nop{})
	var seg segment.Segment
	v4, v6 := 0, 0
	clients := map[netip.Addr]bool{}
	flags := map[segment.Flags]int{}
	for {
		err := r.Next(&seg)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if seg.Src.Is4() {
			v4++
			if seg.Src.As4()[0] == 10 {
				clients[seg.Src] = true
			}
		} else {
			v6++
		}
		flags[seg.Flags&(segment.SYN|segment.FIN|segment.RST|segment.ACK)]++
		tr.Handle(&seg)
	}
	st := r.Stats()
	if st.Frames != n || st.TCP != n {
		t.Errorf("frames %d, TCP %d; want %d of each", st.Frames, st.TCP, n)
	}
	for reason, k := range st.SkippedReasons() {
		t.Errorf("skipped %d frames: %v", k, reason)
	}
	for reason, k := range st.NotedReasons() {
		t.Errorf("noted %d segments: %v", k, reason)
	}
	ts := tr.Stats()
	t.Logf("v4 %d v6 %d, %d client addresses, %d connections (%d active, %d port reuse), flags %v",
		v4, v6, len(clients), ts.Conns, ts.Active, ts.Reused, flags)
	if v6 == 0 || v4 == 0 {
		t.Error("want both IPv4 and IPv6")
	}
	if ts.Active < 1000 {
		t.Errorf("only %d connections in the table; want thousands", ts.Active)
	}
	if ts.Reused == 0 {
		t.Error("no port reuse")
	}
	for _, f := range []segment.Flags{segment.SYN, segment.SYN | segment.ACK, segment.FIN | segment.ACK, segment.RST, segment.RST | segment.ACK} {
		if flags[f] == 0 {
			t.Errorf("no %v segments", f)
		}
	}
}

// TestSnaplen checks that cut frames keep their original length.
func TestSnaplen(t *testing.T) {
	var b bytes.Buffer
	if _, err := (Config{Packets: 5000, Seed: 3, Snaplen: 96}).Write(&b); err != nil {
		t.Fatal(err)
	}
	f, err := capture.OpenFile("-", bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	r := capture.NewReader(f)
	var seg segment.Segment
	big := 0
	for r.Next(&seg) == nil {
		if seg.PayloadLen > 1000 {
			big++
		}
	}
	if st := r.Stats(); st.TCP != 5000 {
		t.Fatalf("TCP %d of %d frames", st.TCP, st.Frames)
	}
	if big == 0 {
		t.Error("no full-sized segment survived the snaplen")
	}
}

// TestAllTraces checks the hostile mix (Config.AllTraces): it copies the
// traces outside the benchmark's mix, and a template's bad TCP checksums
// stay bad in its copies (the bad-checksum trace's forged RST and data,
// the checksum-offload trace's client), only on the clients' side.
func TestAllTraces(t *testing.T) {
	var buf bytes.Buffer
	st, err := Config{Packets: 60000, Seed: 1, AllTraces: true}.Write(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"bad-checksum", "syn-flood-hping3", "stealth-fin", "frag-nmap"} {
		if st.Copies[name] == 0 {
			t.Errorf("no copy of %s in the hostile mix", name)
		}
	}
	def, err := Config{Packets: 60000, Seed: 1}.Write(io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if def.Copies["bad-checksum"] != 0 || def.Copies["syn-flood-hping3"] != 0 {
		t.Errorf("the benchmark's mix copies traces it does not list: %v", def.Copies)
	}
	f, err := capture.OpenFile("-", bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	r := capture.NewReader(f)
	var seg segment.Segment
	bad := 0
	for {
		err := r.Next(&seg)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if seg.BadChecksum {
			bad++
			// Clients are in 10.0.0.0/8 and fd0a::/16, servers in
			// 172.16.0.0/12 and fd5e::/16.
			if a := seg.Src.As16(); !seg.Src.Is4() && (a[0] != 0xfd || a[1] != 0x0a) || seg.Src.Is4() && seg.Src.As4()[0] != 10 {
				t.Errorf("bad checksum from %v, not a client", seg.Src)
			}
		}
	}
	if bad == 0 {
		t.Error("no bad TCP checksum kept from the templates that have them")
	}
}
