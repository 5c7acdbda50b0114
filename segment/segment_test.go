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
