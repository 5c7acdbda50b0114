package main

import (
	"os"
	"testing"
)

// TestMain runs every test with TZ=UTC, in this process (time.Local is
// loaded from TZ on first use, after this) and in the flowtrace processes
// tests start, so that goldens do not depend on the machine's time zone.
// Tests of other zones load theirs explicitly.
func TestMain(m *testing.M) {
	os.Setenv("TZ", "UTC")
	os.Exit(m.Run())
}
