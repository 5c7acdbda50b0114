package capture

import (
	"math/rand/v2"
	"testing"
)

// refSenders is the per-sender memory's specification: two generations
// of at most maxSenders senders, the current one handed over to old when
// full, a sender found only in old brought back into the current one.
type refSenders struct{ cur, old map[senderKey]bool }

func (r *refSenders) remember(a senderKey, off bool) {
	if len(r.cur) >= maxSenders {
		r.old, r.cur = r.cur, map[senderKey]bool{}
	}
	r.cur[a] = off
}

func (r *refSenders) lookup(a senderKey) (offload, known bool) {
	if v, ok := r.cur[a]; ok {
		return v, true
	}
	if v, ok := r.old[a]; ok {
		r.remember(a, v)
		return v, true
	}
	return false, false
}

// TestSenderSetModel: the checker's tables (senders.go) give the same
// answers as refSenders over a long random run of IPv4, IPv6 and
// IPv4-mapped senders, enough of them that generations turn over many
// times, each looked up the three ways decode and judge do (skip4, skip,
// lookup) and remembered as judge does, offloading or not, sometimes
// again with the other answer (a CHECKSUM_PARTIAL segment).
func TestSenderSetModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	keys := make([]senderKey, 5*maxSenders)
	for i := range keys {
		a := rng.Uint32()
		switch i % 8 {
		case 0, 1, 2, 3, 4:
			keys[i] = senderKey{lo: uint64(a), tag: tag4}
		case 5:
			keys[i] = senderKey{lo: uint64(a) << 32, hi: 0, tag: tag6} // ::a.b.c.d-like
		case 6:
			keys[i] = keys[i-6] // the same low bits as an IPv4 key
			keys[i].tag = tag6
		default:
			keys[i] = senderKey{lo: rng.Uint64(), hi: rng.Uint64(), tag: tag6}
		}
	}
	var k checker
	ref := refSenders{cur: map[senderKey]bool{}, old: map[senderKey]bool{}}
	for step := range 400_000 {
		// A window that moves through the keys, so senders come, stay a
		// while and go, with some from far back.
		j := (step/8 + rng.IntN(3*maxSenders)) % len(keys)
		if rng.IntN(50) == 0 {
			j = rng.IntN(len(keys))
		}
		a := keys[j]
		wantOff, wantKnown := ref.lookup(a)
		var off, known bool
		switch {
		case a.tag == tag4 && step%3 == 0:
			k.status = ckUnverifiable
			k.skip4(uint32(a.lo))
			off, known = k.offload, k.known
		case step%3 == 1:
			k.status = ckUnverifiable
			k.skip(a)
			off, known = k.offload, k.known
		default:
			off, known = k.lookup(a)
		}
		if off != wantOff || known != wantKnown {
			t.Fatalf("step %d, key %+v: offload %v, known %v; want %v, %v", step, a, off, known, wantOff, wantKnown)
		}
		switch {
		case !known:
			v := rng.IntN(4) == 0
			k.remember(a, v)
			ref.remember(a, v)
		case rng.IntN(100) == 0:
			k.remember(a, !off)
			ref.remember(a, !off)
		}
		if k.senders.n != len(ref.cur) || k.old.n != len(ref.old) {
			t.Fatalf("step %d: generations of %d and %d; want %d and %d", step, k.senders.n, k.old.n, len(ref.cur), len(ref.old))
		}
	}
}
