//go:build !amd64

package onesum

// Sum returns what Generic returns.
func Sum(b []byte) uint64 { return Generic(b) }

// useAVX2 is amd64's: never here (the tests turn it off and on).
var useAVX2 = false
