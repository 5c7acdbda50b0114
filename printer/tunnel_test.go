package printer

import (
	"bytes"
	"encoding/json"
	"net/netip"
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

// tunnelled returns session() in two tunnels: the same 4-tuples, once in
// a GRE tunnel with a key, once in VXLAN inside MPLS; and the lookup
// that describes them.
func tunnelled() ([]segment.Segment, TunnelLookup) {
	stacks := map[uint64][]segment.Tunnel{
		7: {{Type: segment.GRE, Src: netip.MustParseAddr("192.0.2.1"), Dst: netip.MustParseAddr("192.0.2.2"), HasID: true, ID: 5}},
		9: {{Type: segment.MPLS, HasID: true, ID: 100},
			{Type: segment.VXLAN, Src: netip.MustParseAddr("2001:db8::a"), Dst: netip.MustParseAddr("2001:db8::b"), HasID: true, ID: 42}},
	}
	var segs []segment.Segment
	for _, id := range []uint64{7, 9} {
		for _, s := range session()[:7] {
			s.Tunnel, s.TunnelKey = id, id
			segs = append(segs, s)
		}
	}
	for i := range segs {
		segs[i].Pkt = uint64(i + 1)
	}
	return segs, func(id uint64) []segment.Tunnel { return stacks[id] }
}

func TestTunnelOutput(t *testing.T) {
	segs, look := tunnelled()
	var text, js, zeek bytes.Buffer
	z := NewZeekLog(&zeek)
	z.SetTunnels(look)
	tp, jp := NewText(&text, Options{Tunnels: look}), NewJSON(&js, Options{Tunnels: look, Quiet: true})
	feed(Tee(tp, Tee(jp, z)), segs)
	for _, c := range []interface{ Close(Summary) error }{tp, jp, z} {
		if err := c.Close(Summary{}); err != nil {
			t.Fatal(err)
		}
	}

	lines := strings.Split(text.String(), "\n")
	for i, want := range map[int]string{
		0: "c1 #1 [fd00::1]:40000 > [fd00::2]:443 (via gre 192.0.2.1>192.0.2.2 key 5) [S] seq 0 ",
		6: "c2 #8 [fd00::1]:40000 > [fd00::2]:443 (via mpls label 100, vxlan 2001:db8::a>2001:db8::b vni 42) [S] seq 0 ",
	} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("line %d: %q; want it to contain %q", i, lines[i], want)
		}
	}
	if n := strings.Count(text.String(), "(via "); n != 2 {
		t.Errorf("%d lines name a tunnel; want 2 (each connection's first)\n%s", n, text.String())
	}
	if !strings.Contains(text.String(), "connections: 2") {
		t.Errorf("one 4-tuple in two tunnels is two connections:\n%s", text.String())
	}

	var tunnels [][]map[string]any
	for _, l := range strings.Split(strings.TrimSpace(js.String()), "\n") {
		var r struct {
			Type    string
			Tunnels []map[string]any
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		if r.Type == "conn" {
			tunnels = append(tunnels, r.Tunnels)
		}
	}
	want := `[[{"dst":"192.0.2.2","id":5,"src":"192.0.2.1","type":"gre"}],[{"id":100,"type":"mpls"},{"dst":"2001:db8::b","id":42,"src":"2001:db8::a","type":"vxlan"}]]`
	if got, _ := json.Marshal(tunnels); string(got) != want {
		t.Errorf("JSON tunnels %s\nwant %s", got, want)
	}

	var parents []string
	for _, l := range strings.Split(zeek.String(), "\n") {
		if f := strings.Split(l, "\t"); len(f) > 20 && !strings.HasPrefix(l, "#") {
			parents = append(parents, f[20])
		}
	}
	if got := strings.Join(parents, "|"); got != "gre 192.0.2.1>192.0.2.2 key 5|mpls label 100,vxlan 2001:db8::a>2001:db8::b vni 42" {
		t.Errorf("tunnel_parents %q", got)
	}
}

// TestTunnelAllocs: printing a tunnelled connection's first packet,
// which names the tunnel, allocates nothing.
func TestTunnelAllocs(t *testing.T) {
	segs, look := tunnelled()
	p := NewText(&bytes.Buffer{}, Options{Verbose: true, Tunnels: look})
	keep := &lastConn{}
	tr := tracker.New(tracker.Config{}, keep)
	tr.Handle(&segs[0])
	c := keep.c
	if c.Tunnel() == 0 || c.Packets(tracker.Orig) != 1 {
		t.Fatalf("conn tunnel %d, %d packets", c.Tunnel(), c.Packets(tracker.Orig))
	}
	if n := testing.AllocsPerRun(1000, func() { p.Packet(c, &segs[0], tracker.Orig, nil) }); n != 0 {
		t.Errorf("%v allocs per packet; want 0", n)
	}
	js := NewJSON(&bytes.Buffer{}, Options{Tunnels: look})
	if n := testing.AllocsPerRun(1000, func() { js.Done(c) }); n != 0 {
		t.Errorf("JSON conn record: %v allocs; want 0", n)
	}
}

type lastConn struct{ c *tracker.Conn }

func (l *lastConn) Packet(c *tracker.Conn, _ *segment.Segment, _ tracker.Side, _ []tracker.Event) {
	l.c = c
}
func (l *lastConn) Events(*tracker.Conn, []tracker.Event) {}
func (l *lastConn) Done(*tracker.Conn)                    {}
