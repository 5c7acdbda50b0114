package capture

import (
	"math/rand/v2"
	"net/netip"
	"testing"
)

// refSenders is the per-sender memory's specification, every lookup
// done at once: two generations of at most maxSenders senders, the
// current one handed over to old when full, a sender found only in old
// brought back into the current one.
type refSenders struct{ cur, old map[netip.Addr]bool }

func (r *refSenders) remember(a netip.Addr, off bool) {
	if len(r.cur) >= maxSenders {
		r.old, r.cur = r.cur, map[netip.Addr]bool{}
	}
	r.cur[a] = off
}

func (r *refSenders) lookup(a netip.Addr) (offload, known bool) {
	if v, ok := r.cur[a]; ok {
		return v, true
	}
	if v, ok := r.old[a]; ok {
		r.remember(a, v)
		return v, true
	}
	return false, false
}

// refJudge is judge's specification: the verdict on a segment of status
// st from sender a, and what it counts in st.
type refJudge struct {
	refSenders
	unverified, offloaders, bad uint64
}

func (r *refJudge) judge(a netip.Addr, st ckStatus) bool {
	offload, known := r.lookup(a)
	switch {
	case known && offload:
		r.unverified++
		return false
	case st == ckPartialTCP, !known && st.bad():
		r.remember(a, true)
		r.offloaders++
		r.unverified++
		return false
	case !known:
		r.remember(a, false)
	}
	if st.bad() {
		r.bad++
		return true
	}
	return false
}

// TestSenderSetModel: ChecksumAuto's lookups, most of them queued and
// settled in batches (checker.queue, judge, settle), the others done at once
// (a bad or partial checksum; skip, for a sender that may offload), give
// the same verdicts and counts, and the same generations, as refJudge
// doing each at once, over a long random run of IPv4, IPv6 and
// IPv4-mapped senders, enough of them that generations turn over many
// times and the offload filter fills.
func TestSenderSetModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	addrs := make([]netip.Addr, 5*maxSenders)
	for i := range addrs {
		var b [16]byte
		for j := range b {
			b[j] = byte(rng.Uint32())
		}
		switch i % 8 {
		case 0, 1, 2, 3, 4:
			addrs[i] = netip.AddrFrom4([4]byte(b[:4]))
		case 5:
			addrs[i] = netip.AddrFrom16([16]byte(append(make([]byte, 12), b[:4]...))) // ::a.b.c.d
		case 6:
			addrs[i] = netip.AddrFrom16(addrs[i-6].As16()) // ::ffff:a.b.c.d, an IPv4 address's bytes
		default:
			addrs[i] = netip.AddrFrom16(b)
		}
	}
	var r Reader
	ref := refJudge{refSenders: refSenders{cur: map[netip.Addr]bool{}, old: map[netip.Addr]bool{}}}
	k := &r.ck
	for step := range 400_000 {
		// A window that moves through the senders, so they come, stay a
		// while and go, with some from far back.
		a := addrs[(step/8+rng.IntN(3*maxSenders))%len(addrs)]
		if rng.IntN(50) == 0 {
			a = addrs[rng.IntN(len(addrs))]
		}
		r.checkerFor()
		key := keyOf(a)
		var st ckStatus
		switch n := rng.IntN(1000); {
		case n < 5:
			st = ckPartialTCP
		case n < 15:
			st = ckBadTCP
		case n < 20:
			st = ckBadIP
		case n < 500 && k.maybeOffloads(key):
			// v4 and v6 look such a sender up at once.
			wantOff, wantKnown := ref.lookup(a)
			if k.skip(key); k.offload != wantOff || k.known != wantKnown {
				t.Fatalf("step %d, %s: skip: offload %v, known %v; want %v, %v", step, a, k.offload, k.known, wantOff, wantKnown)
			}
			if !k.offload {
				k.good()
			}
			if r.judge(a) {
				t.Fatalf("step %d, %s: good segment judged bad", step, a)
			}
			switch {
			case wantOff:
				ref.unverified++
			case !wantKnown:
				ref.remember(a, false)
			}
			continue
		default:
			k.queue(key) // as v4 and v6 do
			k.good()
			st = k.status
			if st != ckLater && st != ckLaterFull {
				t.Fatalf("step %d: status %d; want ckLater or ckLaterFull", step, st)
			}
		}
		k.status = st
		want := ref.judge(a, st)
		if got := r.judge(a); got != want {
			t.Fatalf("step %d, %s, status %d: judged bad %v; want %v", step, a, st, got, want)
		}
		if st.bad() && k.senders != nil && (k.senders.n != len(ref.cur) || k.old.n != len(ref.old)) {
			t.Fatalf("step %d: generations of %d and %d; want %d and %d", step, k.senders.n, k.old.n, len(ref.cur), len(ref.old))
		}
	}
	st := r.Stats()
	if st.Unverified != ref.unverified || st.OffloadSenders != ref.offloaders || st.Noted[BadTCPChecksum]+st.Noted[BadIPv4Checksum] != ref.bad {
		t.Errorf("unverified %d, offloading %d, bad %d; want %d, %d, %d", st.Unverified, st.OffloadSenders,
			st.Noted[BadTCPChecksum]+st.Noted[BadIPv4Checksum], ref.unverified, ref.offloaders, ref.bad)
	}
	if k.senders.n != len(ref.cur) || k.old.n != len(ref.old) {
		t.Errorf("at the end, generations of %d and %d; want %d and %d", k.senders.n, k.old.n, len(ref.cur), len(ref.old))
	}
	t.Logf("unverified %d, offloading %d, bad %d, filter bits %d", ref.unverified, ref.offloaders, ref.bad, k.offloaders)
}
