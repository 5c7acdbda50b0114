package kerneltruth

import (
	"net/netip"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/internal/scenario"
)

func ap(s string) netip.AddrPort { return netip.MustParseAddrPort(s) }

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Socket
	}{
		{
			name: "time-wait with empty info line",
			in: "State     Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n" +
				"TIME-WAIT 0      0          10.77.0.1:40001    10.77.0.2:5000 timer:(timewait,59sec,0)\n" +
				"\t\n",
			want: []Socket{{State: "TIME-WAIT", Local: ap("10.77.0.1:40001"), Peer: ap("10.77.0.2:5000"), Timer: "timewait,59sec,0"}},
		},
		{
			name: "listen wildcard peer and info",
			in: "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n" +
				"LISTEN 0      16         10.77.0.2:5000      0.0.0.0:*   \n" +
				"\t bbr cwnd:10\n",
			want: []Socket{{State: "LISTEN", SendQ: 16, Local: ap("10.77.0.2:5000"), Peer: ap("0.0.0.0:0"), Info: "bbr cwnd:10"}},
		},
		{
			name: "every ss state name",
			in: "State Recv-Q Send-Q Local Address:Port Peer Address:Port\n" +
				"ESTAB 0 0 10.0.0.1:1 10.0.0.2:2\n" +
				"SYN-SENT 0 1 10.0.0.1:1 10.0.0.2:2 timer:(on,572ms,3)\n" +
				"SYN-RECV 0 0 10.0.0.1:1 10.0.0.2:2\n" +
				"FIN-WAIT-1 0 1 10.0.0.1:1 10.0.0.2:2\n" +
				"FIN-WAIT-2 0 0 10.0.0.1:1 10.0.0.2:2\n" +
				"TIME-WAIT 0 0 10.0.0.1:1 10.0.0.2:2\n" +
				"CLOSE-WAIT 1 0 10.0.0.1:1 10.0.0.2:2\n" +
				"LAST-ACK 0 1 10.0.0.1:1 10.0.0.2:2\n" +
				"CLOSING 0 1 10.0.0.1:1 10.0.0.2:2\n" +
				"LISTEN 0 128 10.0.0.1:1 0.0.0.0:*\n" +
				"UNCONN 0 0 10.0.0.1:1 0.0.0.0:*\n",
			want: []Socket{
				{State: "ESTABLISHED", Local: ap("10.0.0.1:1"), Peer: ap("10.0.0.2:2")},
				{State: "SYN-SENT", SendQ: 1, Local: ap("10.0.0.1:1"), Peer: ap("10.0.0.2:2"), Timer: "on,572ms,3"},
				{State: "SYN-RECEIVED", Local: ap("10.0.0.1:1"), Peer: ap("10.0.0.2:2")},
				{State: "FIN-WAIT-1", SendQ: 1, Local: ap("10.0.0.1:1"), Peer: ap("10.0.0.2:2")},
				{State: "FIN-WAIT-2", Local: ap("10.0.0.1:1"), Peer: ap("10.0.0.2:2")},
				{State: "TIME-WAIT", Local: ap("10.0.0.1:1"), Peer: ap("10.0.0.2:2")},
				{State: "CLOSE-WAIT", RecvQ: 1, Local: ap("10.0.0.1:1"), Peer: ap("10.0.0.2:2")},
				{State: "LAST-ACK", SendQ: 1, Local: ap("10.0.0.1:1"), Peer: ap("10.0.0.2:2")},
				{State: "CLOSING", SendQ: 1, Local: ap("10.0.0.1:1"), Peer: ap("10.0.0.2:2")},
				{State: "LISTEN", SendQ: 128, Local: ap("10.0.0.1:1"), Peer: ap("0.0.0.0:0")},
				{State: "CLOSED", Local: ap("10.0.0.1:1"), Peer: ap("0.0.0.0:0")},
			},
		},
		{
			name: "ipv6 brackets, wildcards and zones",
			in: "State     Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n" +
				"TIME-WAIT 0      0          [fd77::1]:40001    [fd77::2]:5000 timer:(timewait,59sec,0)\n" +
				"LISTEN    0      16         [fd77::2]:5000         [::]:*   \n" +
				"LISTEN    0      4096              *:22               *:*   \n" +
				"ESTAB     0      0      [fe80::1]%eth0:22   [fe80::2]%eth0:51000\n" +
				"ESTAB     0      0      [::ffff:10.0.0.1]:80 [::ffff:10.0.0.2]:4000\n" +
				"LISTEN    0      5        10.0.0.1%lo:53        0.0.0.0:*\n",
			want: []Socket{
				{State: "TIME-WAIT", Local: ap("[fd77::1]:40001"), Peer: ap("[fd77::2]:5000"), Timer: "timewait,59sec,0"},
				{State: "LISTEN", SendQ: 16, Local: ap("[fd77::2]:5000"), Peer: ap("[::]:0")},
				{State: "LISTEN", SendQ: 4096, Local: netip.AddrPortFrom(netip.Addr{}, 22), Peer: netip.AddrPort{}},
				{State: "ESTABLISHED", Local: ap("[fe80::1%eth0]:22"), Peer: ap("[fe80::2%eth0]:51000")},
				{State: "ESTABLISHED", Local: ap("[::ffff:10.0.0.1]:80"), Peer: ap("[::ffff:10.0.0.2]:4000")},
				{State: "LISTEN", SendQ: 5, Local: ap("10.0.0.1:53"), Peer: ap("0.0.0.0:0")},
			},
		},
		{
			name: "netid column and multi-line info",
			in: "Netid State Recv-Q Send-Q Local Address:Port Peer Address:Port\n" +
				"tcp   ESTAB 0      0      10.0.0.1:22 10.0.0.2:4000 timer:(keepalive,119min,0)\n" +
				"\t cubic wscale:7,7\n" +
				"\t rto:204\n",
			want: []Socket{{State: "ESTABLISHED", Local: ap("10.0.0.1:22"), Peer: ap("10.0.0.2:4000"),
				Timer: "keepalive,119min,0", Info: "cubic wscale:7,7 rto:204"}},
		},
		{
			name: "truth file with namespaces, one empty",
			in: "# flowtrace kernel truth: ss -tanoi at end of capture\n" +
				"# ns ft-cli 10.77.0.1 fd77::1\n" +
				"State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n" +
				"# ns ft-srv 10.77.0.2 fd77::2\n" +
				"State      Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n" +
				"CLOSE-WAIT 1      0          10.77.0.2:5000    10.77.0.1:40001\n" +
				"\t ts sack bbr wscale:10,10 rto:204\n",
			want: []Socket{{NS: "ft-srv", State: "CLOSE-WAIT", RecvQ: 1, Local: ap("10.77.0.2:5000"), Peer: ap("10.77.0.1:40001"),
				Info: "ts sack bbr wscale:10,10 rto:204"}},
		},
		{
			name: "empty",
			in:   "",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{
		"ESTAB 0 0 10.0.0.1:1\n",                      // too few fields
		"ESTABLISHED 0 0 10.0.0.1:1 10.0.0.2:2\n",     // not an ss state name
		"ESTAB x 0 10.0.0.1:1 10.0.0.2:2\n",           // bad Recv-Q
		"ESTAB 0 0 10.0.0.1 10.0.0.2:2\n",             // no port
		"ESTAB 0 0 10.0.0.1:99999 10.0.0.2:2\n",       // port out of range
		"ESTAB 0 0 10.0.0.300:1 10.0.0.2:2\n",         // bad address
		"\t bbr cwnd:10\n",                            // info before any socket
		"# ns ft-cli not-an-address\n",                // bad namespace address
		"State Recv-Q\nESTAB 0 0 [fd77::1:1 [::]:*\n", // unbalanced bracket
	} {
		if _, err := Parse(strings.NewReader(in)); err == nil {
			t.Errorf("Parse(%q): no error", in)
		} else if !strings.HasPrefix(err.Error(), "kerneltruth: input:") {
			t.Errorf("Parse(%q): error %q lacks the kerneltruth: input:LINE prefix", in, err)
		}
	}
}

func TestReadNamespacesAndLookup(t *testing.T) {
	in := "# flowtrace kernel truth: ss -tanoi at end of capture\n" +
		"# ns ft-cli 10.77.0.1 fd77::1\n" +
		"State     Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n" +
		"TIME-WAIT 0      0          10.77.0.1:40001    10.77.0.2:5000 timer:(timewait,59sec,0)\n" +
		"\t\n" +
		"# ns ft-srv 10.77.0.2 fd77::2\n" +
		"State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n" +
		"LISTEN 0      16         10.77.0.2:5000      0.0.0.0:*   \n" +
		"\t bbr cwnd:10\n"
	tr, err := Read(strings.NewReader(in), "x.ss")
	if err != nil {
		t.Fatal(err)
	}
	wantNS := []Namespace{
		{Name: "ft-cli", Addrs: []netip.Addr{netip.MustParseAddr("10.77.0.1"), netip.MustParseAddr("fd77::1")}},
		{Name: "ft-srv", Addrs: []netip.Addr{netip.MustParseAddr("10.77.0.2"), netip.MustParseAddr("fd77::2")}},
	}
	if !reflect.DeepEqual(tr.Namespaces, wantNS) {
		t.Errorf("namespaces %+v, want %+v", tr.Namespaces, wantNS)
	}
	s, ok := tr.Lookup("ft-cli", ap("10.77.0.1:40001"), ap("10.77.0.2:5000"))
	if !ok || s.State != "TIME-WAIT" {
		t.Errorf("Lookup client: %+v, %v", s, ok)
	}
	if _, ok := tr.Lookup("ft-srv", ap("10.77.0.1:40001"), ap("10.77.0.2:5000")); ok {
		t.Error("Lookup found the client's socket in ft-srv")
	}
	if s, ok := tr.Lookup("", ap("10.77.0.2:5000"), ap("0.0.0.0:0")); !ok || s.State != "LISTEN" || s.NS != "ft-srv" {
		t.Errorf("Lookup listener: %+v, %v", s, ok)
	}
}

func TestParseFileMissing(t *testing.T) {
	if _, err := ParseFile("testdata/does-not-exist.ss"); err == nil || !strings.HasPrefix(err.Error(), "kerneltruth: ") {
		t.Errorf("ParseFile of a missing file: %v", err)
	}
}

const (
	pcapDir = "../../testdata/pcaps"
	scenDir = "../../testdata/scenarios"
)

// TestCommittedTruthFiles parses every testdata/pcaps/*.ss and checks each
// has both endpoint namespaces, in order, and sits next to its capture.
func TestCommittedTruthFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(pcapDir, "*.ss"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no truth files in " + pcapDir) // they are committed
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".ss")
		t.Run(name, func(t *testing.T) {
			tr, err := ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, n := range tr.Namespaces {
				names = append(names, n.Name)
			}
			if want := []string{"ft-cli", "ft-srv"}; !reflect.DeepEqual(names, want) {
				t.Errorf("namespaces %v, want %v", names, want)
			}
			for _, s := range tr.Sockets {
				if s.NS == "" {
					t.Errorf("socket %+v outside any namespace", s)
				}
			}
			if m, _ := filepath.Glob(strings.TrimSuffix(f, ".ss") + ".pcap"); len(m) != 1 {
				t.Errorf("no %s.pcap next to %s", name, f)
			}
		})
	}
}

// TestCommittedTruthStates checks what the kernel said at the end of each
// committed trace about its non-listening sockets against the "socket:"
// and "sockets:" lines of the trace's scenario file (testdata/scenarios).
// A regenerated trace that drifts fails here.
func TestCommittedTruthStates(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(pcapDir, "*.ss"))
	if len(files) == 0 {
		t.Fatal("no truth files in " + pcapDir)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".ss")
		t.Run(name, func(t *testing.T) {
			sc, err := scenario.ParseFile(filepath.Join(scenDir, name+".scenario"))
			if err != nil {
				t.Fatal(err)
			}
			socks, err := ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var got [][4]string
			for _, s := range socks {
				if s.State != "LISTEN" {
					got = append(got, [4]string{s.NS, s.State, s.Local.String(), s.Peer.String()})
				}
			}
			for _, b := range sc.CheckSockets(got) {
				t.Error(b)
			}
		})
	}
}
