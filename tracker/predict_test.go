package tracker

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/internal/benchgen"
	"github.com/flowtrace/flowtrace/segment"
)

// sameConns is sameConn across two trackers: the rare parts compared by
// value, not by address, and the hashes (seeded per table) not at all.
func sameConns(a, b *Conn) bool {
	if (a.rare == nil) != (b.rare == nil) || a.rare != nil && *a.rare != *b.rare {
		return false
	}
	x, y := *a, *b
	x.rare, y.rare = nil, nil
	x.hash, y.hash = 0, 0 // each table has its own seed
	return sameConn(&x, &y)
}

// connOf returns the Conn tr holds for seg's 4-tuple, or nil (none, or
// kept compact), without expanding anything.
func connOf(tr *Tracker, seg *segment.Segment) *Conn {
	key, _ := tupleOf(seg)
	i := tr.conns.find(&key, tr.conns.hash(&key), &tr.syns)
	if i < 0 {
		return nil
	}
	return tr.conns.slots[i].c
}

// predictBoth replays segs on two trackers in lockstep, with header
// prediction (predict.go) on and off: after every segment the callbacks
// so far and the segment's connection, field for field, must be the
// same. It returns how many segments were predicted.
func predictBoth(t *testing.T, name string, segs []segment.Segment) uint64 {
	t.Helper()
	var tr [2]*Tracker
	var obs [2]*pathObserver
	for i := range tr {
		obs[i] = &pathObserver{}
		tr[i] = New(Config{}, obs[i])
	}
	tr[1].noPredict = true
	for j := range segs {
		for i := range tr {
			seg := segs[j]
			tr[i].Handle(&seg)
		}
		a, b := obs[0].lines, obs[1].lines
		if len(a) != len(b) {
			t.Fatalf("%s: segment %d (#%d): %d callback lines with prediction, %d without", name, j, segs[j].Pkt, len(a), len(b))
		}
		for k := range a {
			if a[k] != b[k] {
				t.Fatalf("%s: segment %d (#%d): callbacks differ:\npredicted: %s\ngeneral:   %s", name, j, segs[j].Pkt, a[k], b[k])
			}
		}
		obs[0].lines, obs[1].lines = a[:0], b[:0]
		ca, cb := connOf(tr[0], &segs[j]), connOf(tr[1], &segs[j])
		if (ca == nil) != (cb == nil) || ca != nil && !sameConns(ca, cb) {
			t.Fatalf("%s: segment %d (#%d): connections differ:\npredicted: %+v\ngeneral:   %+v", name, j, segs[j].Pkt, ca, cb)
		}
	}
	for i := range tr {
		tr[i].Flush()
	}
	if fmt.Sprint(obs[0].lines) != fmt.Sprint(obs[1].lines) {
		t.Fatalf("%s: Flush's callbacks differ", name)
	}
	if tr[1].predictions != 0 {
		t.Fatalf("%s: %d segments predicted with prediction off", name, tr[1].predictions)
	}
	return tr[0].predictions
}

// readSegs decodes a capture, keeping a copy of every payload.
func readSegs(f *capture.File) []segment.Segment {
	var segs []segment.Segment
	rd := capture.NewReader(f)
	var seg segment.Segment
	for rd.Next(&seg) == nil {
		s := seg
		s.Payload = bytes.Clone(seg.Payload)
		segs = append(segs, s)
	}
	return segs
}

// TestPredictSameConns proves header prediction equal to the general
// path: on every bundled trace, random streams of connections (with
// payloads, so the sequence analysis's digests are exercised), the
// benchmark's mix and the hostile mix (benchgen -all), every callback
// and every connection after every segment are the same with it on and
// off.
func TestPredictSameConns(t *testing.T) {
	files, err := filepath.Glob("../testdata/pcaps/*.pcap*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bundled traces: %v", err)
	}
	var predicted, total uint64
	for _, name := range files {
		f, err := capture.OpenFile(name, nil) // it opens name itself
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		segs := readSegs(f)
		f.Close()
		predicted += predictBoth(t, filepath.Base(name), segs)
		total += uint64(len(segs))
	}
	t.Logf("bundled traces: %d of %d segments predicted", predicted, total)
	if predicted == 0 {
		t.Error("no segment of the bundled traces was predicted")
	}

	rng := rand.New(rand.NewPCG(4, 2))
	junk := make([]byte, 1500)
	for i := range junk {
		junk[i] = byte(rng.Uint32())
	}
	predicted, total = 0, 0
	for i := range 2000 {
		segs := randomConn(rng)
		for k := range segs {
			if n := segs[k].PayloadLen; n > 0 && rng.IntN(4) != 0 {
				off := rng.IntN(len(junk) - n + 1)
				segs[k].Payload = junk[off : off+n]
			}
		}
		predicted += predictBoth(t, fmt.Sprintf("random stream %d", i), segs)
		total += uint64(len(segs))
	}
	t.Logf("random streams: %d of %d segments predicted", predicted, total)

	const n = 60_000
	for _, all := range []bool{false, true} {
		var buf bytes.Buffer
		if _, err := (benchgen.Config{Packets: n, Seed: 7, AllTraces: all}).Write(&buf); err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("benchgen (all traces: %t)", all)
		f, err := capture.OpenFile("-", &buf)
		if err != nil {
			t.Fatal(err)
		}
		segs := readSegs(f)
		p := predictBoth(t, name, segs)
		t.Logf("%s: %d of %d segments predicted", name, p, len(segs))
		if p == 0 {
			t.Errorf("%s: no segment predicted", name)
		}
	}
}
