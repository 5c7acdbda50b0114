#!/usr/bin/env bash
# scripts/bench.sh: what "make bench" runs.
#
# Builds flowtrace, generates the benchmark capture (internal/cmd/benchgen:
# 1,000,000 frames of copies of the bundled Linux traces interleaved with
# bulk transfers, 3000 connections at once), then in one run:
#
#   1. BenchmarkPipeline on that capture, in memory, for this tree ("new")
#      and for the baseline commit ("base", below), built from git into the
#      work directory: minimal (pcapgo + gopacket DecodingLayerParser + a
#      4-tuple map), decode, track, text (the whole of flowtrace -r file
#      >/dev/null), json. The two test binaries run alternately, one
#      sub-benchmark at a time (base, new, new, base, ...), BENCH_COUNT
#      rounds, so that a change in the machine's load hits both alike;
#      the table shows the medians of ns/packet, old and new.
#   2. The cost limit of issues 8 and 9: per packet at most 5% above the
#      baseline's (BENCH_LIMIT), like for like: track (decoding and the
#      tracker on one goroutine), and text and json without the findings
#      engine, which came after the baseline (issue 10). Prints PASS or
#      FAIL for each, and the default runs' cost, findings included.
#   3. The ratio limit: text takes at most 2.5x the minimal loop (both of
#      this tree). Prints PASS or FAIL.
#   4. Wall time and peak RSS (/usr/bin/time) of flowtrace -r file
#      >/dev/null, tshark -r file -q -z conv,tcp and tcptrace -n file, on
#      the page-cached file; then the findings engine's cost on the hostile
#      mix (benchgen -all: every bundled trace, a fifth of the frames'
#      size), with and without --no-findings (reported, not a limit).
#   5. Compressed input: a third of the frames, gzip -6 and zstd -3,
#      flowtrace --json on each, BENCH_COUNT rounds alternating; target:
#      .gz at most 1.5x the uncompressed time.
#   6. Scale: a second capture of BENCH_SCALE_PACKETS frames (5,000,000,
#      with half the usual share of bulk transfers: about 200,000
#      connections), page-cached, and whole commands on it,
#      alternating over BENCH_SCALE_ROUNDS rounds (medians): the minimal
#      loop on the file (internal/cmd/minloop), flowtrace in each output
#      mode (JSON, text, Zeek conn.log, tables only), on 1 worker and on 2
#      when flowtrace has --workers, then tcptrace -n and tshark's full TCP
#      analysis (-T fields -e tcp.analysis.flags) once each. Targets:
#      JSON on 1 worker at most 1.3x the minimal loop (2 workers: 0.8x),
#      text at most 10% slower than JSON, at least 5x faster than tcptrace
#      and 60x faster than tshark, peak RSS at most 100 MiB in every mode.
#      BENCH_SCALE=0 skips this section (it takes about 15 minutes, most of
#      it tshark's).
#
# Any FAIL makes the script exit 1 (after every section has run).
#
# The baseline needs the repository's history: a clone made with plain
# "git clone" has it; a shallow one (--depth) may not, and the script
# then stops with exit 2 and says how to fetch it.
#
# Missing tools (tshark, tcptrace, GNU time) are installed with apt-get
# when this is a Debian-like machine where we are root (or have
# password-less sudo); otherwise their rows say why they were skipped.
#
# Environment: BENCH_PACKETS (1000000), BENCH_SEED (1), BENCH_COUNT (5
# rounds), BENCH_TIME (3x passes per sub-benchmark and round),
# BENCH_SCALE (1), BENCH_SCALE_PACKETS (5000000), BENCH_SCALE_ROUNDS (3),
# BENCH_LIMIT (5, percent), BENCH_BASE (the baseline commit, default
# below), BENCH_KEEP=1 keeps the work directory. About 5 minutes on 2
# cores, plus about 15 for the scale section.
set -euo pipefail

cd "$(dirname "$0")/.."
PACKETS=${BENCH_PACKETS:-1000000}
SEED=${BENCH_SEED:-1}
COUNT=${BENCH_COUNT:-5}
BENCHTIME=${BENCH_TIME:-3x}
RATIO_MAX=2.5
LIMIT=${BENCH_LIMIT:-5}
# BASE is the code before issues 8 (the evidence rules, probes, one-sided
# inference) and 9 (checksums, tunnels, link types, fragments): both
# allow the cost per packet on this capture to rise by at most 5% over it.
BASE=${BENCH_BASE:-6478f392502384b84e1c6f9f5ed8482395c64d68}

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
if ! git rev-parse -q --verify "$BASE^{commit}" >/dev/null 2>&1; then
	echo "bench: baseline commit $BASE is not in this clone (a shallow clone?);" >&2
	echo "bench: run 'git fetch --unshallow' (or clone without --depth) and try again" >&2
	exit 2
fi
go build -o "$work/flowtrace" ./cmd/flowtrace
go build -o "$work/benchgen" ./internal/cmd/benchgen
go test -c -o "$work/new.test" ./cmd/flowtrace
mkdir "$work/base"
git archive "$BASE" | tar -x -C "$work/base"
(cd "$work/base" && go test -c -o "$work/base.test" ./cmd/flowtrace)
echo "base: $(git log -1 --format='%h %s' "$BASE")"
echo "new:  $(git describe --always --dirty 2>/dev/null || echo "this tree")"
pcap=$work/bench.pcap
"$work/benchgen" -n "$PACKETS" -seed "$SEED" -o "$pcap"
cat "$pcap" >/dev/null # into the page cache
size_mib=$(($(stat -c %s "$pcap") / 1048576))

# --- in-process benchmarks, old and new ---------------------------------

say "BenchmarkPipeline, base and new alternating ($COUNT rounds, -benchtime $BENCHTIME, $PACKETS frames, $size_mib MiB, in memory)"
# bench VERSION SUB: one run of one sub-benchmark of one test binary, in
# its own package directory; its result lines are prefixed with VERSION.
bench() {
	local dir=cmd/flowtrace
	[[ $1 == base ]] && dir=$work/base/cmd/flowtrace
	(cd "$dir" && FLOWTRACE_BENCH_PCAP=$pcap "$work/$1.test" -test.run '^$' \
		-test.bench "^BenchmarkPipeline/$2\$" -test.benchmem -test.benchtime "$BENCHTIME") |
		awk -v v="$1" '/^BenchmarkPipeline\// { print v, $0 }'
}
# text-no-findings and json-no-findings exist in the new tree only: the
# baseline had no findings engine, so its text and json rows are their
# like-for-like comparison.
subs=(minimal decode track text text-no-findings json json-no-findings)
: >"$work/bench.txt"
for ((round = 1; round <= COUNT; round++)); do
	order=(base new)
	((round % 2 == 0)) && order=(new base)
	for sub in "${subs[@]}"; do
		for v in "${order[@]}"; do
			[[ $sub == *-no-findings && $v == base ]] && continue
			bench "$v" "$sub" | tee -a "$work/bench.txt"
		done
	done
	echo "(round $round of $COUNT done; load: $(cut -d' ' -f1-3 /proc/loadavg))"
done

# The awk functions the summaries share: median(key) of the values
# val[key, 1..cnt[key]], and verdict(ok), which also marks a failure.
awk_lib='
function median(key,   n, i, j, t, a) {
	n = cnt[key]
	if (n == 0) return 0
	for (i = 1; i <= n; i++) a[i] = val[key, i]
	for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t }
	return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
}
function verdict(ok) { if (!ok) fail = 1; return ok ? "PASS" : "FAIL" }
'

# Medians per version and sub-benchmark. Metrics are "value unit" pairs.
awk -v max="$RATIO_MAX" -v limit="$LIMIT" "$awk_lib"'
{
	v = $1; name = $2; sub(/^BenchmarkPipeline\//, "", name); sub(/-[0-9]+$/, "", name)
	if (!(name in seen)) { seen[name] = 1; order[++names] = name }
	for (i = 4; i < NF; i += 2) { k = v SUBSEP name SUBSEP $(i+1); cnt[k]++; val[k, cnt[k]] = $i }
}
END {
	n = split("minimal decode track text json", want, " ")
	for (i = 1; i <= n; i++)
		if (!cnt["base" SUBSEP want[i] SUBSEP "ns/packet"] || !cnt["new" SUBSEP want[i] SUBSEP "ns/packet"]) {
			print "bench: benchmark results missing for " want[i]; exit 2
		}
	printf "\nns/packet, medians  %10s %10s %8s   %13s %10s\n", "base", "new", "change", "allocs/packet", "new MB/op"
	for (i = 1; i <= names; i++) {
		m = order[i]
		bm = m; sub(/-no-findings$/, "", bm) # the baseline had no findings engine
		b = median("base" SUBSEP bm SUBSEP "ns/packet"); c = median("new" SUBSEP m SUBSEP "ns/packet")
		pct[m] = 100 * (c - b) / b
		printf "%-18s  %10.1f %10.1f %+7.1f%%   %13.5f %10.1f\n", m, b, c, pct[m],
			median("new" SUBSEP m SUBSEP "allocs/packet"), median("new" SUBSEP m SUBSEP "B/op") / 1e6
	}
	print ""
	# Issues 8 and 9: the cost of their work, like for like. The
	# findings engine came later (issue 10) and the baseline has none, so
	# the whole runs are compared without it; track (decoding and the
	# tracker on one goroutine) is the CPU cost of a packet before output.
	print "issues 8 and 9, like for like (the baseline had no findings engine):"
	printf "  track: %+.1f%% over the baseline (limit +%g%%): %s\n", pct["track"], limit, verdict(pct["track"] <= limit)
	for (i = 1; i <= 2; i++) {
		m = i == 1 ? "text" : "json"
		if (!((m "-no-findings") in pct)) { printf "  %s without the findings engine: not measured: FAIL\n", m; fail = 1; continue }
		printf "  %s without the findings engine: %+.1f%% over the baseline (limit +%g%%): %s\n", m, pct[m "-no-findings"], limit, verdict(pct[m "-no-findings"] <= limit)
	}
	printf "the default run, with the findings engine (issue 10, no cost limit of its own): text %+.1f%%, json %+.1f%% over the baseline\n", pct["text"], pct["json"]
	if ("text-no-findings" in pct)
		printf "(the detectors: %+.1f%% of the baseline in text, %+.1f%% in json)\n", pct["text"] - pct["text-no-findings"], pct["json"] - pct["json-no-findings"]
	r = median("new" SUBSEP "text" SUBSEP "ns/packet") / median("new" SUBSEP "minimal" SUBSEP "ns/packet")
	printf "text / minimal = %.2f (limit %.1f): %s\n", r, max, verdict(r <= max)
	printf "%s\n", (fail ? "FAIL" : "PASS") > "/dev/stderr"
}' "$work/bench.txt" 2>"$work/verdict" | tee "$work/table.txt"
verdict=$(cat "$work/verdict")
minimal_ns=$(awk '$1 == "minimal" { print $3 }' "$work/table.txt")

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

# The findings engine's cost where it has the most to do: the hostile mix
# (benchgen -all: every bundled trace, floods, scans, forged RSTs and
# fragments included, a finding every few hundred frames), outside the
# benchmark's own mix. Reported, not a limit.
hostile=$work/hostile.pcap
"$work/benchgen" -q -all -n "$((PACKETS / 5))" -seed "$SEED" -o "$hostile"
say "findings on the hostile mix ($((PACKETS / 5)) frames of benchgen -all), 3 rounds alternating"
: >"$work/hostile.txt"
for round in 1 2 3; do
	for m in on off; do
		args=(-r "$hostile" --json)
		[[ $m == off ]] && args+=(--no-findings)
		t0=$(date +%s%N)
		"$work/flowtrace" "${args[@]}" >/dev/null 2>&1 || true
		echo "$m $((($(date +%s%N) - t0) / 1000000))" >>"$work/hostile.txt"
	done
done
nfind=$("$work/flowtrace" -r "$hostile" --json 2>/dev/null | grep -c '"type":"finding"' || true)
awk -v n="$nfind" "$awk_lib"'
{ cnt[$1]++; val[$1, cnt[$1]] = $2 }
END {
	on = median("on"); off = median("off")
	printf "--json: %d ms with findings (%d fired), %d ms with --no-findings: %+.1f%%\n", on, n, off, 100 * (on - off) / off
}' "$work/hostile.txt"

# --- compressed input ---------------------------------------------------

# Issue 12's target for compressed captures: a .gz capture analysed in at
# most 1.5x the time of the same capture uncompressed, on this machine's
# cores. A capture of a third of the benchmark's frames, compressed with
# gzip -6 and zstd -3 (the tools' defaults), each read by flowtrace --json
# as a user would (default workers), BENCH_COUNT rounds alternating.
gz_verdict=PASS
if need gzip gzip && need zstd zstd; then
	small=$work/small.pcap
	"$work/benchgen" -q -n "$((PACKETS / 3))" -seed "$SEED" -o "$small"
	gzip -6 -c "$small" >"$small.gz"
	zstd -q -3 -c "$small" >"$small.zst"
	cat "$small" "$small.gz" "$small.zst" >/dev/null
	say "compressed input ($((PACKETS / 3)) frames: $(($(stat -c %s "$small") >> 20)) MiB, .gz $(($(stat -c %s "$small.gz") >> 20)) MiB, .zst $(($(stat -c %s "$small.zst") >> 20)) MiB), $COUNT rounds alternating"
	: >"$work/compressed.txt"
	for ((round = 1; round <= COUNT; round++)); do
		for ext in "" .gz .zst; do
			t0=$(date +%s%N)
			if ! "$work/flowtrace" -r "$small$ext" --json >/dev/null 2>"$work/stderr.txt"; then
				echo "flowtrace -r small.pcap$ext failed: $(tail -1 "$work/stderr.txt")"
				gz_verdict=FAIL
			fi
			echo "pcap$ext $((($(date +%s%N) - t0) / 1000000))" >>"$work/compressed.txt"
		done
	done
	awk "$awk_lib"'
	{ cnt[$1]++; val[$1, cnt[$1]] = $2 }
	END {
		p = median("pcap")
		printf "%-10s %8s %15s\n", "input", "wall ms", "x uncompressed"
		n = split("pcap pcap.gz pcap.zst", k, " ")
		for (i = 1; i <= n; i++) printf "%-10s %8d %15.2f\n", k[i], median(k[i]), median(k[i]) / p
		printf ".gz: %.2fx the uncompressed time (target 1.5x): %s\n", median("pcap.gz") / p, verdict(median("pcap.gz") <= 1.5 * p)
		print (fail ? "FAIL" : "PASS") > "/dev/stderr"
	}' "$work/compressed.txt" 2>"$work/gz-verdict"
	[[ $gz_verdict == FAIL ]] || gz_verdict=$(cat "$work/gz-verdict")
else
	echo "(compressed input skipped: ${why_missing[gzip]:-}${why_missing[zstd]:-})"
fi

# --- scale --------------------------------------------------------------

scale_verdict=PASS
if [[ ${BENCH_SCALE:-1} != 0 ]]; then
	SPACKETS=${BENCH_SCALE_PACKETS:-5000000}
	SROUNDS=${BENCH_SCALE_ROUNDS:-3}
	go build -o "$work/minloop" ./internal/cmd/minloop
	big=$work/scale.pcap
	# Bulk transfers at half the usual share: issue 12's capture has about
	# 200,000 connections in 5 M packets (the default share gives 120,000).
	"$work/benchgen" -q -bulk 0.1 -n "$SPACKETS" -seed "$SEED" -o "$big"
	cat "$big" >/dev/null
	big_mib=$(($(stat -c %s "$big") / 1048576))
	conns=$("$work/flowtrace" -r "$big" --json -q --no-findings 2>/dev/null |
		awk -F'"connections":' '/"type":"summary"/ { split($2, a, ","); print a[1] }')
	say "scale: $SPACKETS frames, $big_mib MiB, ${conns:-?} connections, page-cached; $SROUNDS rounds alternating (medians)"
	# run1 LABEL CMD...: one timed run, "LABEL wall rss_kib" appended to scale.txt.
	run1() {
		local label=$1
		shift
		if ! /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt"; then
			echo "$label failed: $(tail -1 "$work/stderr.txt")"
			return
		fi
		echo "$label $(cat "$work/time.txt")" >>"$work/scale.txt"
	}
	workers=(1)
	"$work/flowtrace" --help 2>&1 | grep -q -- '--workers' && workers=(1 2)
	modes=("json:--json" "text:" "zeek:--zeek-log $work/zeek" "tables:-q")
	: >"$work/scale.txt"
	if [[ $have_time == 1 ]]; then
		for ((round = 1; round <= SROUNDS; round++)); do
			run1 minimal "$work/minloop" "$big"
			for w in "${workers[@]}"; do
				wflag=()
				[[ ${#workers[@]} -gt 1 ]] && wflag=(--workers "$w")
				for m in "${modes[@]}"; do
					rm -rf "$work/zeek" && mkdir -p "$work/zeek"
					# shellcheck disable=SC2086 # the mode's flags split on purpose
					run1 "${m%%:*}/$w" "$work/flowtrace" -r "$big" "${wflag[@]}" ${m#*:}
				done
			done
			echo "(round $round of $SROUNDS done; load: $(cut -d' ' -f1-3 /proc/loadavg))"
		done
		if [[ $have_tcptrace == 1 ]]; then
			run1 tcptrace tcptrace -n "$big"
		fi
		if [[ $have_tshark == 1 ]]; then
			run1 tshark tshark -r "$big" -T fields -e tcp.analysis.flags
		fi
		awk -v n="$SPACKETS" "$awk_lib"'
		{ k = $1; if (!(k in cnt)) order[++names] = k; cnt[k]++; val[k, cnt[k]] = $2; if ($3 > rss[k]) rss[k] = $3 }
		END {
			if (!cnt["minimal"] || !cnt["json/1"]) { print "bench: scale results missing"; print "FAIL" > "/dev/stderr"; exit }
			base = median("minimal")
			printf "\n%-14s %9s %12s %10s %12s\n", "command", "wall s", "packets/s", "x minimal", "peak RSS"
			for (i = 1; i <= names; i++) {
				k = order[i]; t = median(k)
				printf "%-14s %9.2f %12.0f %10.2f %8.0f MiB\n", k, t, n / t, t / base, rss[k] / 1024
			}
			print "(minimal: internal/cmd/minloop on the file; NAME/W: flowtrace in that output mode on W workers)"
			print ""
			j1 = median("json/1")
			printf "json, 1 worker: %.2fx minimal (target 1.3x): %s\n", j1 / base, verdict(j1 / base <= 1.3)
			if (cnt["json/2"]) {
				j2 = median("json/2")
				printf "json, 2 workers: %.2fx minimal (target 0.8x): %s\n", j2 / base, verdict(j2 / base <= 0.8)
			} else {
				printf "json, 2 workers: not measured, flowtrace has no --workers: FAIL\n"; fail = 1
			}
			best = cnt["json/2"] ? median("json/2") : j1
			tx = cnt["text/2"] ? median("text/2") : median("text/1")
			printf "text / json: %.2f (target 1.10): %s\n", tx / best, verdict(tx / best <= 1.10)
			if (cnt["tcptrace"]) printf "tcptrace -n / flowtrace --json: %.1fx (target 5x): %s\n", median("tcptrace") / best, verdict(median("tcptrace") / best >= 5)
			if (cnt["tshark"]) printf "tshark analysis / flowtrace --json: %.1fx (target 60x): %s\n", median("tshark") / best, verdict(median("tshark") / best >= 60)
			worst = 0
			for (i = 1; i <= names; i++) { k = order[i]; if (k != "minimal" && k != "tcptrace" && k != "tshark" && rss[k] > worst) { worst = rss[k]; wk = k } }
			printf "peak RSS, worst flowtrace mode (%s): %.0f MiB (target 100 MiB): %s\n", wk, worst / 1024, verdict(worst <= 100 * 1024)
			print (fail ? "FAIL" : "PASS") > "/dev/stderr"
		}' "$work/scale.txt" 2>"$work/scale-verdict"
		scale_verdict=$(cat "$work/scale-verdict")
	else
		echo "(scale section skipped: ${why_missing[/usr/bin/time]})"
	fi
fi

say "cost against the baseline and text / minimal: $verdict; compressed input: $gz_verdict; scale targets: $scale_verdict"
[[ $verdict == PASS && $gz_verdict == PASS && $scale_verdict == PASS ]]
