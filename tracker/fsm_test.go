package tracker

import "testing"

// TestNext is the transition table: every (state, input) pair that moves
// an endpoint, with the RFC 9293 section that says so. Every pair not
// listed must change nothing; the test walks all of them.
func TestNext(t *testing.T) {
	type key struct {
		s  State
		in input
	}
	type move struct {
		to  State
		rfc string
	}
	table := map[key]move{
		// OPEN and the handshake.
		{Unknown, sndSYN}:             {SynSent, "§3.10.1 OPEN (a peer's active open: simultaneous open §3.5)"},
		{Closed, sndSYN}:              {SynSent, "§3.10.1 OPEN"},
		{Unknown, sndOpeningSYN}:      {SynSent, "§3.10.1 OPEN, from CLOSED"},
		{Unknown, sndSYNACK}:          {SynReceived, "§3.10.7.2 LISTEN third check (SYN not captured)"},
		{Closed, sndSYNACK}:           {SynReceived, "§3.10.7.2 LISTEN third check (SYN not captured)"},
		{SynSent, rcvSYN}:             {SynReceived, "§3.10.7.3 fourth check: simultaneous open"},
		{Unknown, rcvAnsweredSYN}:     {SynReceived, "§3.10.7.2 LISTEN third check"},
		{Closed, rcvAnsweredSYN}:      {SynReceived, "§3.10.7.2 LISTEN third check"},
		{SynSent, rcvSYNACK}:          {Established, "§3.10.7.3 fourth check"},
		{SynReceived, rcvSYNACK}:      {Established, "§3.5 Figure 8: simultaneous open"},
		{SynReceived, rcvACKofSYN}:    {Established, "§3.10.7.4 fifth check, SYN-RECEIVED"},
		{Unknown, missedSYN}:          {SynSent, "§3.10.7.3 (its SYN predates the capture)"},
		{Unknown, missedHandshake}:    {Established, "§3.5 (the handshake predates the capture)"},
		{SynSent, noTCB}:              {Closed, "§3.8.1 (no SYN retransmission: no TCB; spoofedSYN)"},
		{SynSent, noTCBUnanswered}:    {Closed, "§3.8.1, §3.10.4 (unanswered SYN never retransmitted: no TCB)"},
		{SynReceived, cookieAnswered}: {Listen, "RFC 4987 §3.6 (no SYN-ACK retransmission: SYN cookie)"},
		{Listen, sndSYNACK}:           {SynReceived, "§3.10.7.2 LISTEN third check (SYN not captured)"},
		{Listen, rcvAnsweredSYN}:      {SynReceived, "§3.10.7.2 LISTEN third check"},
		{SynReceived, rcvRSTPassive}:  {Listen, "§3.10.7.4 second check, SYN-RECEIVED after a passive OPEN"},
		// CLOSE (§3.10.4) and the FIN bit (§3.10.7.4, eighth check).
		{SynReceived, sndFIN}:       {FinWait1, "§3.10.4 CLOSE, SYN-RECEIVED"},
		{Established, sndFIN}:       {FinWait1, "§3.10.4 CLOSE, ESTABLISHED"},
		{CloseWait, sndFIN}:         {LastAck, "§3.10.4 CLOSE, CLOSE-WAIT"},
		{SynReceived, rcvFIN}:       {CloseWait, "§3.10.7.4 eighth check"},
		{Established, rcvFIN}:       {CloseWait, "§3.10.7.4 eighth check"},
		{FinWait1, rcvFIN}:          {Closing, "§3.10.7.4 eighth check, FIN-WAIT-1"},
		{FinWait2, rcvFIN}:          {TimeWait, "§3.10.7.4 eighth check, FIN-WAIT-2"},
		{FinWait1, rcvFINACKofFIN}:  {TimeWait, "§3.10.7.4 eighth check, FIN-WAIT-1, our FIN ACKed"},
		{FinWait1, rcvACKofFIN}:     {FinWait2, "§3.10.7.4 fifth check, FIN-WAIT-1"},
		{Closing, rcvACKofFIN}:      {TimeWait, "§3.10.7.4 fifth check, CLOSING"},
		{LastAck, rcvACKofFIN}:      {Closed, "§3.10.7.4 fifth check, LAST-ACK"},
		{TimeWait, timeWaitExpired}: {Closed, "§3.10.8 time-wait timeout"},
		{TimeWait, timeWaitReused}:  {Closed, "§3.6.1 (a new SYN reopens the 4-tuple)"},
		{FinWait2, finWait2Expired}: {Closed, "Linux tcp_fin_timeout: an orphaned FIN-WAIT-2 is deleted"},
		{SynSent, rcvICMPError}:     {Closed, "Linux tcp_v4_err: an ICMP error for the SYN aborts the connect"},
		{Closed, icmpRevoked}:       {SynSent, "a SYN retransmitted after the ICMP error: it was a soft error"},
	}
	// ABORT and RST.
	for s := Unknown; s < numStates; s++ {
		if s != Closed {
			table[key{s, sndRST}] = move{Closed, "§3.10.5 ABORT"}
		}
		if s != Closed && s != Unknown && s != Listen {
			table[key{s, rcvRST}] = move{Closed, "§3.10.7.3/§3.10.7.4 first check, RFC 5961 §3.2"}
		}
	}
	for s := Unknown; s < numStates; s++ {
		for in := input(0); in < numInputs; in++ {
			to, reason, ok := next(s, in)
			want, moves := table[key{s, in}]
			switch {
			case moves && (!ok || to != want.to):
				t.Errorf("next(%v, %d) = %v, %v; want %v (%s)", s, in, to, ok, want.to, want.rfc)
			case !moves && ok:
				t.Errorf("next(%v, %d) = %v (%q); want no transition", s, in, to, reason)
			case ok && reason == "":
				t.Errorf("next(%v, %d): empty reason", s, in)
			}
		}
	}
}

// TestReceiveOrder checks that receive applies a segment's facts in the
// RFC's check order: the ACK before the FIN (§3.10.7.4), and a FIN that
// acknowledges our FIN taking FIN-WAIT-1 to TIME-WAIT at once.
func TestReceiveOrder(t *testing.T) {
	for _, tc := range []struct {
		s    State
		f    facts
		want []input
	}{
		{SynReceived, fACK | fAckOfSYN | fFIN, []input{rcvACKofSYN, rcvFIN}},
		{FinWait1, fACK | fAckOfFIN | fFIN, []input{rcvFINACKofFIN}},
		{FinWait1, fACK | fFIN, []input{rcvFIN}},
		{Closing, fACK | fAckOfFIN, []input{rcvACKofFIN}},
		{SynSent, fSYN, []input{rcvSYN}},
		{Unknown, fSYN, nil},
		{Unknown, fSYN | fAnswered, []input{rcvAnsweredSYN}},
		{SynSent, fSYN | fACK | fSYNUnseen, []input{rcvSYNACK}},
		{SynReceived, fSYN | fACK | fSYNUnseen, nil},
	} {
		ins, n := receive(tc.s, tc.f)
		got := ins[:n]
		if len(got) != len(tc.want) {
			t.Errorf("receive(%v, %b) = %v; want %v", tc.s, tc.f, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("receive(%v, %b) = %v; want %v", tc.s, tc.f, got, tc.want)
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
