//go:build race

package testenv

// Race reports whether the tests were built with the race detector, which
// makes the code it instruments several times slower: tests that replay
// large generated captures use smaller ones under it.
const Race = true
