package shard

import (
	"net/netip"
	"sync"
	"time"

	"github.com/flowtrace/flowtrace/tracker"
)

// liveFacts is what the workers of a Live capture share (tracker.Shared):
// one store under a lock, what each worker's tracker learns visible to
// the others at once. A live capture has no order across workers to keep
// exact (the rings deliver in parallel), so a worker asking is answered
// with what all have learnt so far, as one tracker reading the frames in
// the order they were handled would be. Facts are rare (one or two per
// connection), and the lock is held for a map access.
type liveFacts struct {
	mu         sync.Mutex
	rtt        time.Duration
	servers    map[netip.AddrPort]struct{}
	oldServers map[netip.AddrPort]struct{}
}

func newLiveFacts() *liveFacts {
	return &liveFacts{servers: make(map[netip.AddrPort]struct{})}
}

// SawServer keeps ap as seen answering a SYN, in two generations of
// tracker.MaxServers/2 as one tracker does.
func (f *liveFacts) SawServer(_ *tracker.Conn, ap netip.AddrPort) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.servers[ap]; ok {
		return
	}
	if len(f.servers) >= tracker.MaxServers/2 {
		f.oldServers, f.servers = f.servers, make(map[netip.AddrPort]struct{}, tracker.MaxServers/2)
	}
	f.servers[ap] = struct{}{}
}

// IsServer reports whether any worker saw ap answering a SYN.
func (f *liveFacts) IsServer(_ *tracker.Conn, ap netip.AddrPort) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	_, ok := f.servers[ap]
	if !ok {
		_, ok = f.oldServers[ap]
	}
	return ok
}

// SawRTT keeps the longest handshake round trip.
func (f *liveFacts) SawRTT(_ *tracker.Conn, rtt time.Duration) {
	f.mu.Lock()
	f.rtt = max(f.rtt, rtt)
	f.mu.Unlock()
}

// PathRTT returns the longest handshake round trip any worker saw.
func (f *liveFacts) PathRTT(*tracker.Conn) time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rtt
}
