// Package timediff subtracts capture timestamps cheaply. It owns one
// function, Sub, shared by the tracker and the sequence analysis, which
// take a difference of two instants on many segments (a transition's
// age, a handshake or an RTT sample).
package timediff

import "time"

// Sub returns a.Sub(b) in a few instructions where time.Time.Sub takes
// over a hundred (it checks for overflow by adding the result back).
// Instants that both carry a monotonic reading, or lie more than 2^33 s
// (272 years) apart, go through Sub itself, so the result is always
// Sub's.
func Sub(a, b time.Time) time.Duration {
	d := a.Unix() - b.Unix()
	if d <= -1<<33 || d >= 1<<33 || hasMono(a) && hasMono(b) {
		return a.Sub(b)
	}
	return time.Duration(d)*time.Second + time.Duration(a.Nanosecond()-b.Nanosecond())
}

// hasMono reports whether t carries a monotonic clock reading (Round(0)
// strips it and changes nothing else).
func hasMono(t time.Time) bool { return t != t.Round(0) }
