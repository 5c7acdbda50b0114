package main

import (
	"runtime"
	"testing"
)

// TestLiveWorkersDefault: a live capture without --workers leaves a core
// to the merger and the kernel; --workers given is taken as it is.
func TestLiveWorkersDefault(t *testing.T) {
	for cpus, want := range map[int]int{1: 1, 2: 1, 3: 2, 8: 7, 200: maxWorkers} {
		if got := liveWorkers(cpus); got != want {
			t.Errorf("liveWorkers(%d) = %d, want %d", cpus, got, want)
		}
	}
	cfg := &config{workers: 3}
	if n, _ := cfg.liveShards(); n != liveWorkers(runtime.NumCPU()) {
		t.Errorf("--workers not given: %d rings, want %d", n, liveWorkers(runtime.NumCPU()))
	}
	cfg.workersSet = true
	if n, why := cfg.liveShards(); n != 3 || why != "" {
		t.Errorf("--workers 3: %d rings (%q), want 3", n, why)
	}
	cfg.count = 10
	if n, why := cfg.liveShards(); n != 1 || why == "" {
		t.Errorf("--workers 3 -c 10: %d rings (%q), want 1 with a reason", n, why)
	}
}
