#!/usr/bin/env bash
# scripts/pgo.sh: what "make pgo" runs. It rewrites cmd/flowtrace/default.pgo,
# the CPU profile that go build and go test apply to flowtrace and every
# package it imports (profile-guided optimisation: hot calls inlined,
# hot interface calls devirtualised).
#
# The profile is of flowtrace itself, built without a profile, on the
# benchmark capture (internal/cmd/benchgen, PGO_PACKETS frames, the same
# mix as make bench), with the default transcript and with --json, each
# on one worker and on the default number, merged. Rerun it after a change that moves the hot path; a stale
# profile costs speed, never correctness.
set -euo pipefail
cd "$(dirname "$0")/.."
PACKETS=${PGO_PACKETS:-1000000}
work=$(mktemp -d "${TMPDIR:-/tmp}/flowtrace-pgo.XXXXXX")
trap 'rm -rf "$work"' EXIT
go build -pgo=off -o "$work/flowtrace" ./cmd/flowtrace
go run ./internal/cmd/benchgen -n "$PACKETS" -o "$work/bench.pcap"
profiles=()
for workers in 1 0; do
	for mode in text json; do
		args=(-r "$work/bench.pcap" --cpuprofile "$work/$mode-$workers.prof")
		[[ $mode == json ]] && args+=(--json)
		((workers > 0)) && args+=(--workers "$workers")
		"$work/flowtrace" "${args[@]}" >/dev/null
		profiles+=("$work/$mode-$workers.prof")
	done
done
go tool pprof -proto "${profiles[@]}" >cmd/flowtrace/default.pgo
echo "pgo: wrote cmd/flowtrace/default.pgo ($(wc -c <cmd/flowtrace/default.pgo) bytes)"
