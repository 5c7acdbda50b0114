package tracker

import "testing"

// TestNext is the transition table: every (state, input) pair that moves
// an endpoint, read as RFC 9293 §3.10 would state it. Every pair not
// listed must change nothing.
func TestNext(t *testing.T) {
	type key struct {
		s  State
		in input
	}
	table := map[key]State{
		// OPEN and the handshake (§3.10.1, §3.10.7.2, §3.10.7.3).
		{Unknown, sndSYN}:          SynSent,
		{Closed, sndSYN}:           SynSent,
		{Listen, sndSYN}:           SynSent,
		{Unknown, sndSYNACK}:       SynReceived,
		{Listen, sndSYNACK}:        SynReceived,
		{Closed, sndSYNACK}:        SynReceived,
		{Unknown, rcvSYN}:          SynReceived,
		{Listen, rcvSYN}:           SynReceived,
		{Closed, rcvSYN}:           SynReceived,
		{SynSent, rcvSYN}:          SynReceived, // simultaneous open
		{SynSent, rcvSYNACK}:       Established,
		{SynReceived, rcvSYNACK}:   Established,
		{SynReceived, rcvACKofSYN}: Established,
		// CLOSE (§3.10.4) and the FIN bit (§3.10.7.4, eighth check).
		{SynReceived, sndFIN}:         FinWait1,
		{Established, sndFIN}:         FinWait1,
		{CloseWait, sndFIN}:           LastAck,
		{SynReceived, rcvFIN}:         CloseWait,
		{Established, rcvFIN}:         CloseWait,
		{FinWait1, rcvFIN}:            Closing,
		{FinWait2, rcvFIN}:            TimeWait,
		{FinWait1, rcvFINACKofFIN}:    TimeWait,
		{FinWait2, rcvFINACKofFIN}:    TimeWait,
		{SynReceived, rcvFINACKofFIN}: CloseWait,
		{Established, rcvFINACKofFIN}: CloseWait,
		{FinWait1, rcvACKofFIN}:       FinWait2,
		{Closing, rcvACKofFIN}:        TimeWait,
		{LastAck, rcvACKofFIN}:        Closed,
		{TimeWait, timeWaitExpired}:   Closed,
		{TimeWait, timeWaitReused}:    Closed,
		// Linux tcp_fin_timeout: an orphaned FIN-WAIT-2 is deleted.
		{FinWait2, finWait2Expired}: Closed,
	}
	// ABORT and RST (§3.10.5, §3.10.7, RFC 5961).
	for s := Unknown; s < numStates; s++ {
		if s != Closed {
			table[key{s, sndRST}] = Closed
		}
		if s != Closed && s != Unknown && s != Listen {
			table[key{s, rcvRST}] = Closed
		}
	}
	for s := Unknown; s < numStates; s++ {
		for in := sndSYN; in <= finWait2Expired; in++ {
			to, reason, ok := next(s, in)
			want, moves := table[key{s, in}]
			switch {
			case moves && (!ok || to != want):
				t.Errorf("next(%v, %d) = %v, %v; want %v", s, in, to, ok, want)
			case !moves && ok:
				t.Errorf("next(%v, %d) = %v (%q); want no transition", s, in, to, reason)
			case ok && reason == "":
				t.Errorf("next(%v, %d): empty reason", s, in)
			}
		}
	}
}

func TestStateNames(t *testing.T) {
	for s := Unknown; s < numStates; s++ {
		got, ok := ParseState(s.String())
		if !ok || got != s {
			t.Errorf("ParseState(%q) = %v, %v", s.String(), got, ok)
		}
	}
	if SynReceived.String() != "SYN-RECEIVED" || TimeWait.String() != "TIME-WAIT" {
		t.Error("RFC names wrong")
	}
	if !TimeWait.Synchronized() || SynReceived.Synchronized() || !Listen.Gone() {
		t.Error("predicates wrong")
	}
}
