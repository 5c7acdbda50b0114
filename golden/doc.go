// Package golden owns flowtrace's golden comparison (--expect, --update,
// --stable): [Mask] makes an output stable across captures of the same
// scenario (relative times, uids numbered by first appearance, ephemeral
// ports masked), and [Diff] shows how an output differs from the stored
// expectation as a unified diff, computed with Myers' algorithm (no
// dependency). Package verdict reports the outcome with the rules'.
package golden
