package main

import (
	"fmt"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/internal/kerneltruth"
	"github.com/flowtrace/flowtrace/internal/scenario"
	"github.com/flowtrace/flowtrace/segment"
	"github.com/flowtrace/flowtrace/tracker"
)

const scenDir = "../../testdata/scenarios"

// endpointState is flowtrace's verdict on one socket at the end.
type endpointState struct {
	local, peer netip.AddrPort
	state       tracker.State
	conn        uint64
}

// finals collects the final state of each endpoint of the latest
// connection on every 4-tuple.
type finals struct {
	last   map[[2]netip.AddrPort]endpointState
	probes int
}

func (f *finals) Probe(*tracker.Probe) { f.probes++ }

func (f *finals) Packet(*tracker.Conn, *segment.Segment, tracker.Side, []tracker.Event) {}
func (f *finals) Events(*tracker.Conn, []tracker.Event)                                 {}
func (f *finals) Done(c *tracker.Conn) {
	for s := tracker.Orig; s <= tracker.Resp; s++ {
		l, p := c.Addr(s), c.Addr(s.Peer())
		if old, ok := f.last[[2]netip.AddrPort{l, p}]; ok && old.conn > c.ID() {
			continue
		}
		f.last[[2]netip.AddrPort{l, p}] = endpointState{l, p, c.State(s), c.ID()}
	}
}

// track runs a capture file through the tracker with default settings.
func track(t *testing.T, path string) *finals {
	t.Helper()
	out := &finals{last: map[[2]netip.AddrPort]endpointState{}}
	replayFile(t, path, out)
	return out
}

// trackScenario runs a scenario's capture file through the tracker with
// the scenario's flowtrace flags, moves the capture clock on by the quiet
// time the capture ran after its last packet (a pcap does not record it),
// and flushes.
func trackScenario(t *testing.T, sc *scenario.Scenario, path string) *finals {
	t.Helper()
	c, err := parseFlags(append(slices.Clone(sc.Flowtrace), "-r", path), io.Discard)
	if err != nil {
		t.Fatalf("%s: flowtrace: %v", sc.Name, err)
	}
	out := &finals{last: map[[2]netip.AddrPort]endpointState{}}
	tr := feedConfig(t, path, c.tracker, out)
	tr.Advance(tr.Now().Add(sc.Quiet))
	tr.Flush()
	return out
}

// replayFile runs a capture file through a tracker with default settings,
// reporting to obs, and flushes it.
func replayFile(t *testing.T, path string, obs tracker.Observer) {
	t.Helper()
	feed(t, path, obs).Flush()
}

// feed runs a capture file through a new tracker with default settings,
// reporting to obs, and returns the tracker unflushed.
func feed(t *testing.T, path string, obs tracker.Observer) *tracker.Tracker {
	t.Helper()
	return feedConfig(t, path, tracker.Config{}, obs)
}

// feedConfig is feed with a tracker configuration.
func feedConfig(t *testing.T, path string, cfg tracker.Config, obs tracker.Observer) *tracker.Tracker {
	t.Helper()
	f, err := capture.OpenFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := capture.NewReader(f)
	rd.SetDatagrams(true) // as the command does
	tr := tracker.New(cfg, obs)
	var seg segment.Segment
	for rd.Next(&seg) == nil {
		tr.Handle(&seg)
	}
	return tr
}

// TestKernelTruth asserts, for every bundled trace, that the final state
// flowtrace infers for each endpoint equals what the Linux kernel itself
// reported (ss -tanoi in each namespace when the capture ended): a socket
// ss lists must have flowtrace's state, and an endpoint flowtrace thinks
// still holds a connection must be listed by ss. The only exceptions are
// the "mismatch:" lines of the trace's scenario file
// (testdata/scenarios/NAME.scenario), each pinned with its exact count:
// a pinned mismatch that stops happening (or happens a different number of
// times) fails too, so the list shrinks as the tracker learns.
func TestKernelTruth(t *testing.T) {
	matches, _ := filepath.Glob(filepath.Join(pcapDir, "*.ss"))
	if len(matches) == 0 {
		t.Fatal("no kernel truth files")
	}
	for _, ssPath := range matches {
		name := strings.TrimSuffix(filepath.Base(ssPath), ".ss")
		t.Run(name, func(t *testing.T) {
			truth, err := kerneltruth.ReadFile(ssPath)
			if err != nil {
				t.Fatal(err)
			}
			sc, err := scenario.ParseFile(filepath.Join(scenDir, name+".scenario"))
			if err != nil {
				t.Fatal(err)
			}
			var pcap string
			for _, ext := range []string{".pcap", ".pcapng"} {
				if _, err := os.Stat(filepath.Join(pcapDir, name+ext)); err == nil {
					pcap = filepath.Join(pcapDir, name+ext)
				}
			}
			if pcap == "" {
				t.Fatalf("no capture for %s", ssPath)
			}
			fin := trackScenario(t, sc, pcap)
			nsOf := map[netip.Addr]string{}
			for _, ns := range truth.Namespaces {
				for _, a := range ns.Addrs {
					nsOf[a] = ns.Name
				}
			}
			var problems []string
			checked := 0
			for _, ep := range fin.last {
				ns, ok := nsOf[ep.local.Addr()]
				if !ok {
					continue // not an address of the test hosts
				}
				sock, listed := truth.Lookup(ns, ep.local, ep.peer)
				switch {
				case listed && sock.State != ep.state.String():
					problems = append(problems, fmt.Sprintf("c%d %s→%s: flowtrace %s, kernel %s", ep.conn, ep.local, ep.peer, ep.state, sock.State))
				case !listed && !ep.state.Gone():
					problems = append(problems, fmt.Sprintf("c%d %s→%s: flowtrace %s, kernel has no socket", ep.conn, ep.local, ep.peer, ep.state))
				}
				checked++
			}
			for _, s := range truth.Sockets {
				if s.State == "LISTEN" || s.State == "CLOSED" {
					continue
				}
				if _, ok := fin.last[[2]netip.AddrPort{s.Local, s.Peer}]; !ok {
					problems = append(problems, fmt.Sprintf("kernel %s %s→%s in %s: flowtrace has no such connection", s.State, s.Local, s.Peer, s.NS))
				}
			}
			slices.Sort(problems)
			for _, p := range sc.CheckMismatches(problems) {
				t.Error(p)
			}
			if checked == 0 && fin.probes == 0 {
				t.Error("no endpoint of the test hosts was checked, and there was no probe")
			}
		})
	}
}
