package segment

import "testing"

func TestFlagsString(t *testing.T) {
	tests := []struct {
		f    Flags
		want string
	}{
		{0, "none"},
		{SYN, "S"},
		{SYN | ACK, "S."},
		{FIN | ACK, "F."},
		{RST | ACK, "R."},
		{PSH | ACK, "P."},
		{FIN | PSH | URG, "FPU"},
		{SYN | ECE | CWR, "SEW"},
	}
	for _, tt := range tests {
		if got := tt.f.String(); got != tt.want {
			t.Errorf("Flags(%#x).String() = %q; want %q", uint8(tt.f), got, tt.want)
		}
	}
}

func TestSeqLen(t *testing.T) {
	s := Segment{Seq: 100, Flags: SYN | FIN, PayloadLen: 10}
	if got := s.SeqLen(); got != 12 {
		t.Errorf("SeqLen = %d; want 12", got)
	}
	if got := s.End(); got != 112 {
		t.Errorf("End = %d; want 112", got)
	}
}

func TestParseFlagsRoundTrip(t *testing.T) {
	for f := range 256 {
		got, ok := ParseFlags(Flags(f).String())
		if !ok || got != Flags(f) {
			t.Errorf("ParseFlags(%q) = %v, %v; want %#x", Flags(f).String(), got, ok, f)
		}
	}
	if _, ok := ParseFlags("SX"); ok {
		t.Error("ParseFlags accepted an unknown flag")
	}
}

func TestDigest(t *testing.T) {
	p := []byte("the quick brown fox jumps over the lazy dog")
	full := Segment{PayloadLen: len(p), Payload: p}
	full.SetDigest()
	if !full.HasDigest || full.Digest != PayloadDigest(p) || full.PayloadSum() != PayloadDigest(p) {
		t.Errorf("full payload: HasDigest %v, Digest %#x, want %#x", full.HasDigest, full.Digest, PayloadDigest(p))
	}
	other := append([]byte(nil), p...)
	other[0] = 'T'
	if PayloadDigest(other) == PayloadDigest(p) {
		t.Errorf("payloads differing in one byte have the same digest %#x", PayloadDigest(p))
	}
	// Cut by the snaplen, or no payload: no digest, and a stale one is cleared.
	for _, s := range []Segment{
		{PayloadLen: len(p) + 10, Payload: p, Digest: 1, HasDigest: true},
		{PayloadLen: 0, Digest: 1, HasDigest: true},
	} {
		s.SetDigest()
		if s.HasDigest {
			t.Errorf("PayloadLen %d, %d bytes captured: HasDigest set", s.PayloadLen, len(s.Payload))
		}
	}
	// Not set by a decoder: computed on demand.
	lit := Segment{PayloadLen: len(p), Payload: p}
	if lit.PayloadSum() != PayloadDigest(p) {
		t.Errorf("PayloadSum without a digest = %#x, want %#x", lit.PayloadSum(), PayloadDigest(p))
	}
}
