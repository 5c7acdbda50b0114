#!/usr/bin/env bash
# scripts/stages.sh: where flowtrace's CPU time goes, per packet, by stage.
#
#   scripts/stages.sh FILE [flowtrace flags...]
#
# Runs flowtrace -r FILE with the given flags (default: --json --workers 1)
# under --cpuprofile, then charges every sample to the stage of the
# innermost flowtrace function on its stack (runtime and library frames
# below it count for that function: a memmove in the reader is reading):
#
#   read     the capture file: records, buffers, system calls (capture)
#   decode   link, IP and TCP headers, tunnels, fragments, checksums,
#            payload digests (capture)
#   hash     the flow table: hashing the 4-tuple and finding the connection
#   track    the two endpoints' state machines, timers, events (tracker)
#   analyse  the sequence analysis (reassembly) and the findings engine
#   print    the printers and sinks
#   other    the garbage collector, the scheduler, the hand-over between
#            goroutines, anything not under a flowtrace function
#
# and prints CPU time per stage and per packet (frames from the summary).
# FLOWTRACE names the binary (default: go build ./cmd/flowtrace).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 1 ]] || { echo "usage: scripts/stages.sh FILE [flowtrace flags...]" >&2; exit 2; }
file=$1
shift
flags=("$@")
[[ ${#flags[@]} -gt 0 ]] || flags=(--json --workers 1)
work=$(mktemp -d "${TMPDIR:-/tmp}/flowtrace-stages.XXXXXX")
trap 'rm -rf "$work"' EXIT
bin=${FLOWTRACE:-}
if [[ -z $bin ]]; then
	bin=$work/flowtrace
	go build -o "$bin" ./cmd/flowtrace
fi
"$bin" -r "$file" "${flags[@]}" --cpuprofile "$work/cpu.pprof" >/dev/null
frames=$("$bin" -r "$file" --json -q --no-findings --checksums off 2>/dev/null |
	sed -n 's/.*"type":"summary","frames":\([0-9]*\).*/\1/p')
go tool pprof -traces "$bin" "$work/cpu.pprof" 2>/dev/null | awk -v frames="${frames:-0}" '
function ms(v) {
	if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
	if (v ~ /us$/) return (substr(v, 1, length(v) - 2) + 0) / 1000
	if (v ~ /s$/) return (substr(v, 1, length(v) - 1) + 0) * 1000
	return 0
}
# stage returns the stage of function f, or "" for a frame outside flowtrace.
function stage(f) {
	if (f !~ /flowtrace\/flowtrace\/|^main\./) return ""
	if (f ~ /\/printer\.|\/sink\.|\/report\.|^main\.\(\*(jsonOut|zeek|text)/) return "print"
	if (f ~ /\/findings\.|\/reassembly\./) return "analyse"
	if (f ~ /\/tracker\.\(\*table\)|\/tracker\.\(\*Tuple\)|\/tracker\..*[kK]ey/) return "hash"
	if (f ~ /\/tracker\.|\/shard\./) return "track"
	if (f ~ /\/capture\..*(pcapReader|pcapngReader|File\)|lenient|Source|bufReader|fill|readRecord|ReadFrame|inflate|compress)/) return "read"
	if (f ~ /\/capture\.\(\*Ahead\)|\/capture\.\(\*Reader\)\.Next$/) return "read"
	if (f ~ /\/capture\.|\/segment\./) return "decode"
	return ""
}
/^-+\+/ { flush(); inblock = 1; first = 1; next }
inblock && NF == 0 { next }
inblock {
	if (first) { v = ms($1); sub(/^ *[^ ]+ +/, ""); first = 0; st = "" }
	else sub(/^ +/, "")
	sub(/ \(inline\)$| \(partial-inline\)$/, "")
	if (st == "" && $0 !~ /^bytes:|^[a-z]+:/) st = stage($0)
	next
}
function flush() {
	if (v > 0) { s = st == "" ? "other" : st; t[s] += v; total += v }
	v = 0
}
END {
	flush()
	n = split("read decode hash track analyse print other", order, " ")
	printf "%-8s %10s %7s %12s\n", "stage", "CPU ms", "share", "ns/packet"
	for (i = 1; i <= n; i++) {
		k = order[i]
		printf "%-8s %10.0f %6.1f%% %12s\n", k, t[k], total ? 100 * t[k] / total : 0, frames ? sprintf("%.0f", t[k] * 1e6 / frames) : "?"
	}
	printf "%-8s %10.0f %6.1f%% %12s   (%s frames)\n", "total", total, 100, frames ? sprintf("%.0f", total * 1e6 / frames) : "?", frames ? frames : "?"
}'
