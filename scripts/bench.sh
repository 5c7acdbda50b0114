#!/usr/bin/env bash
# scripts/bench.sh: what "make bench" runs.
#
# Builds flowtrace, generates the benchmark capture (internal/cmd/benchgen:
# 1,000,000 frames of copies of the bundled Linux traces interleaved with
# bulk transfers, 3000 connections at once), then in one run:
#
#   1. go test -bench BenchmarkPipeline on that capture, in memory:
#      minimal (the baseline: pcapgo + gopacket DecodingLayerParser + a
#      4-tuple map), decode, track, text (the whole of flowtrace -r file
#      >/dev/null), json; median of -count runs.
#   2. The requirement: text takes at most 2.5x the minimal loop. Prints
#      PASS or FAIL; FAIL makes the script exit 1.
#   3. Wall time and peak RSS (/usr/bin/time) of flowtrace -r file
#      >/dev/null, tshark -r file -q -z conv,tcp and tcptrace -n file, on
#      the page-cached file.
#
# Missing tools (tshark, tcptrace, GNU time) are installed with apt-get
# when this is a Debian-like machine where we are root (or have
# password-less sudo); otherwise their rows say why they were skipped.
#
# Environment: BENCH_PACKETS (1000000), BENCH_SEED (1), BENCH_COUNT (3
# runs of each sub-benchmark), BENCH_TIME (3x passes per run), BENCH_KEEP=1
# keeps the work directory. About 2 minutes on 2 cores, most of it tshark.
set -euo pipefail

cd "$(dirname "$0")/.."
PACKETS=${BENCH_PACKETS:-1000000}
SEED=${BENCH_SEED:-1}
COUNT=${BENCH_COUNT:-3}
BENCHTIME=${BENCH_TIME:-3x}
RATIO_MAX=2.5

work=$(mktemp -d "${TMPDIR:-/tmp}/flowtrace-bench.XXXXXX")
if [[ ${BENCH_KEEP:-} == 1 ]]; then
	echo "work directory: $work"
else
	trap 'rm -rf "$work"' EXIT
fi

say() { printf '\n== %s\n' "$*"; }

# --- tools --------------------------------------------------------------

SUDO=
can_apt() {
	command -v apt-get >/dev/null 2>&1 || return 1
	if [[ $(id -u) -eq 0 ]]; then
		SUDO=
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		SUDO=sudo
	else
		return 1
	fi
}
apt_updated=
declare -A why_missing=()
# need CMD PACKAGE: make sure CMD exists, installing PACKAGE if we can.
need() {
	local cmd=$1 pkg=$2
	command -v "$cmd" >/dev/null 2>&1 && return 0
	if ! can_apt; then
		why_missing[$cmd]="not installed, and apt-get is unavailable here (not Debian-like, or not root)"
		return 1
	fi
	echo "installing $pkg with apt-get ..."
	if [[ -z $apt_updated ]]; then
		$SUDO apt-get update -qq >/dev/null 2>&1 || true
		apt_updated=1
	fi
	if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >"$work/apt-$pkg.log" 2>&1; then
		why_missing[$cmd]="apt-get install $pkg failed (see the log with BENCH_KEEP=1)"
		return 1
	fi
	command -v "$cmd" >/dev/null 2>&1 || {
		why_missing[$cmd]="package $pkg installed but $cmd not found"
		return 1
	}
}

command -v go >/dev/null 2>&1 || { echo "bench: go not found" >&2; exit 2; }
have_time=0
if [[ -x /usr/bin/time ]] || need /usr/bin/time time; then
	have_time=1
fi
have_tshark=0
need tshark tshark && have_tshark=1
have_tcptrace=0
need tcptrace tcptrace && have_tcptrace=1

# --- build and generate -------------------------------------------------

say "build"
go build -o "$work/flowtrace" ./cmd/flowtrace
go build -o "$work/benchgen" ./internal/cmd/benchgen
pcap=$work/bench.pcap
"$work/benchgen" -n "$PACKETS" -seed "$SEED" -o "$pcap"
cat "$pcap" >/dev/null # into the page cache
size_mib=$(($(stat -c %s "$pcap") / 1048576))

# --- in-process benchmarks ----------------------------------------------

say "go test -bench BenchmarkPipeline (-benchtime $BENCHTIME -count $COUNT, $PACKETS frames, $size_mib MiB, in memory)"
FLOWTRACE_BENCH_PCAP=$pcap go test -run '^$' -bench 'BenchmarkPipeline' -benchmem \
	-benchtime "$BENCHTIME" -count "$COUNT" ./cmd/flowtrace | tee "$work/bench.txt"

# Median of each metric per sub-benchmark. Metrics are "value unit" pairs.
awk -v max="$RATIO_MAX" '
function median(key,   n, i, j, t, a) {
	n = cnt[key]
	for (i = 1; i <= n; i++) a[i] = val[key, i]
	for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
	return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
}
/^BenchmarkPipeline\// {
	name = $1; sub(/^BenchmarkPipeline\//, "", name); sub(/-[0-9]+$/, "", name)
	if (!(name in seen)) { seen[name] = 1; order[++names] = name }
	for (i = 3; i < NF; i += 2) { k = name SUBSEP $(i+1); cnt[k]++; val[k, cnt[k]] = $i }
}
END {
	if (!("minimal" in seen) || !("text" in seen)) { print "bench: benchmark results missing"; exit 2 }
	base = median("minimal" SUBSEP "ns/packet")
	printf "\n%-8s %12s %10s %8s %13s %11s %10s\n", "", "packets/s", "ns/packet", "×minimal", "allocs/packet", "allocs/op", "MB/op"
	for (i = 1; i <= names; i++) {
		n = order[i]
		ns = median(n SUBSEP "ns/packet")
		printf "%-8s %12.0f %10.1f %8.2f %13.5f %11.0f %10.1f\n", n, median(n SUBSEP "packets/s"), ns, ns / base,
			median(n SUBSEP "allocs/packet"), median(n SUBSEP "allocs/op"), median(n SUBSEP "B/op") / 1e6
	}
	r = median("text" SUBSEP "ns/packet") / base
	printf "\ntext / minimal = %.2f (limit %.1f): %s\n", r, max, (r <= max ? "PASS" : "FAIL")
	printf "%s\n", (r <= max ? "PASS" : "FAIL") > "/dev/stderr"
}' "$work/bench.txt" 2>"$work/verdict" | tee "$work/table.txt"
verdict=$(cat "$work/verdict")
minimal_ns=$(awk '/^minimal/ { print $3 }' "$work/table.txt")

say "sequence analysis: what package reassembly costs over the two state machines alone"
FLOWTRACE_BENCH_PCAP=$pcap go test -run '^$' -bench 'BenchmarkSequenceAnalysis' -benchmem \
	-benchtime 2x -count 1 ./tracker | grep '^Benchmark' | awk '
	{ for (i = 3; i < NF; i += 2) if ($(i+1) == "ns/packet") ns[$1] = $i; print }
	END {
		for (k in ns) if (k ~ /core-/) c = ns[k]; else if (k ~ /analysis/) a = ns[k]
		if (c && a) printf "analysis: +%.1f ns/packet over the core (%.0f%%)\n", a - c, 100 * (a - c) / c
	}'

# --- external tools -----------------------------------------------------

say "whole commands on the page-cached file ($PACKETS frames, $size_mib MiB)"
printf '%-44s %9s %12s %10s %9s\n' "command" "wall s" "packets/s" "×minimal" "peak RSS"
# measure LABEL CMD...: run once, stdout to /dev/null.
measure() {
	local label=$1
	shift
	local wall rss
	if [[ $have_time == 1 ]]; then
		if ! /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt"; then
			printf '%-44s failed: %s\n' "$label" "$(tail -1 "$work/stderr.txt")"
			return
		fi
		read -r wall rss <"$work/time.txt"
		rss="$((rss / 1024)) MiB"
	else
		local t0 t1
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>"$work/stderr.txt" || { printf '%-44s failed\n' "$label"; return; }
		t1=$(date +%s.%N)
		wall=$(echo "$t0 $t1" | awk '{ printf "%.2f", $2 - $1 }')
		rss="n/a"
	fi
	awk -v l="$label" -v w="$wall" -v n="$PACKETS" -v m="$minimal_ns" -v r="$rss" \
		'BEGIN { printf "%-44s %9.2f %12.0f %10.2f %9s\n", l, w, n / w, w * 1e9 / n / m, r }'
}
"$work/flowtrace" -r "$pcap" >/dev/null # warm-up
measure "flowtrace -r file >/dev/null" "$work/flowtrace" -r "$pcap"
measure "flowtrace -r file --json >/dev/null" "$work/flowtrace" -r "$pcap" --json
if [[ $have_tshark == 1 ]]; then
	measure "tshark -r file -q -z conv,tcp" tshark -r "$pcap" -q -z conv,tcp
else
	printf '%-44s skipped: %s\n' "tshark -r file -q -z conv,tcp" "${why_missing[tshark]}"
fi
if [[ $have_tcptrace == 1 ]]; then
	measure "tcptrace -n file" tcptrace -n "$pcap"
else
	printf '%-44s skipped: %s\n' "tcptrace -n file" "${why_missing[tcptrace]}"
fi
[[ $have_time == 1 ]] || echo "(peak RSS not measured: ${why_missing[/usr/bin/time]})"
echo "(×minimal: time per packet over the minimal loop's, which runs in memory)"

say "text / minimal: $verdict"
[[ $verdict == PASS ]]
