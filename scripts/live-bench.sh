#!/usr/bin/env bash
# scripts/live-bench.sh: drops under load. Replays a large generated trace
# over a veth pair with tcpreplay at rising rates, capturing on the far end
# with flowtrace -i on one worker (one AF_PACKET TPACKET_V3 ring) and on two
# (two rings in one PACKET_FANOUT hash group, each read by its worker), in
# immediate mode, the default, and on two workers with
# --immediate-mode=false (the summary names the path from the "listening
# on" line) and with tcpdump -w /dev/null, one at a time, and prints side
# by side the
# kernel drops each had at each rate and the highest rate each took with no
# drop. Needs root, tcpreplay and tcpdump (make test-deps). About 1-2 min.
#
#   scripts/live-bench.sh [-n FRAMES] [-s SNAPLEN] [-B KiB] [RATE...]
#
# RATEs are packets per second for tcpreplay --pps; "top" is --topspeed.
# Everything happens in one namespace, ftlive-bench-PID, holding both ends of
# the veth pair; it is deleted at the end whatever happens.
set -euo pipefail

FRAMES=300000
SNAP=256
BUFKIB=2048
while getopts n:s:B: o; do
	case $o in
	n) FRAMES=$OPTARG ;;
	s) SNAP=$OPTARG ;;
	B) BUFKIB=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
RATES=("$@")
[ ${#RATES[@]} -gt 0 ] || RATES=(50000 100000 200000 400000 top)

[ "$(id -u)" = 0 ] || { echo "live-bench: needs root (namespaces, capture)" >&2; exit 1; }
for t in tcpreplay tcpdump ip go; do
	command -v $t >/dev/null || { echo "live-bench: $t not found (make test-deps)" >&2; exit 1; }
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
NS=ftlive-bench-$$
WORK=$(mktemp -d /tmp/ftlive-bench.XXXXXX)
CAP_PID=""
cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	[ -n "$CAP_PID" ] && kill -KILL "$CAP_PID" 2>/dev/null || true
	ip netns del "$NS" 2>/dev/null || true
	rm -rf "$WORK"
	exit "$rc"
}
trap cleanup EXIT INT TERM

log() { printf 'live-bench: %s\n' "$*" >&2; }

log "building flowtrace and benchgen"
(cd "$ROOT" && go build -o "$WORK/flowtrace" ./cmd/flowtrace && go build -o "$WORK/benchgen" ./internal/cmd/benchgen)
log "generating $FRAMES frames (snaplen $SNAP)"
"$WORK/benchgen" -q -n "$FRAMES" -snaplen "$SNAP" -o "$WORK/bench.pcap"

ip netns add "$NS"
ip -n "$NS" link add va type veth peer name vb
ip netns exec "$NS" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip -n "$NS" link set va up
ip -n "$NS" link set vb up

# run_one TOOL RATE: capture on vb with TOOL while tcpreplay sends the
# trace out of va at RATE; prints "sent_pps captured dropped_kernel".
run_one() {
	local tool=$1 rate=$2 err=$WORK/cap.err rr=$WORK/replay.out
	case $tool in
	flowtrace-w1)
		timeout 120 ip netns exec "$NS" "$WORK/flowtrace" -i vb --workers 1 -B "$BUFKIB" -s "$SNAP" --keep-root >/dev/null 2>"$err" &
		;;
	flowtrace-w2)
		timeout 120 ip netns exec "$NS" "$WORK/flowtrace" -i vb --workers 2 -B "$BUFKIB" -s "$SNAP" --keep-root >/dev/null 2>"$err" &
		;;
	flowtrace-w2-batch)
		timeout 120 ip netns exec "$NS" "$WORK/flowtrace" -i vb --workers 2 -B "$BUFKIB" -s "$SNAP" --keep-root --immediate-mode=false >/dev/null 2>"$err" &
		;;
	tcpdump)
		timeout 120 ip netns exec "$NS" tcpdump -i vb -B "$BUFKIB" -s "$SNAP" -w /dev/null 2>"$err" &
		;;
	esac
	CAP_PID=$!
	local i
	for i in $(seq 50); do
		grep -q 'listening on' "$err" 2>/dev/null && break
		sleep 0.1
	done
	local speed=(--pps="$rate")
	[ "$rate" = top ] && speed=(--topspeed)
	timeout 100 ip netns exec "$NS" tcpreplay -i va "${speed[@]}" "$WORK/bench.pcap" >"$rr" 2>&1 || true
	sleep 1
	kill -INT "$CAP_PID" 2>/dev/null || true
	wait "$CAP_PID" 2>/dev/null || true
	CAP_PID=""
	local pps cap drop
	pps=$(sed -n 's/.*Rated: [0-9.]* Bps, [0-9.]* Mbps, \([0-9.]*\) pps.*/\1/p' "$rr" | head -1)
	if [ "$tool" = tcpdump ]; then
		cap=$(sed -n 's/^\([0-9]*\) packets captured.*/\1/p' "$err")
		drop=$(sed -n 's/^\([0-9]*\) packets dropped by kernel.*/\1/p' "$err")
	else
		sed -n 's/.*listening on .*, through \(.*\)$/\1/p' "$err" | sed 's/ (fanout group [0-9]*\(, hash\)\{0,1\})//' >"$WORK/path.$tool"
		cap=$(sed -n 's/.*: \([0-9]*\) packets captured, .*/\1/p' "$err")
		# "N dropped by kernel (ring 0: x, ring 1: y), ..." with several rings
		drop=$(sed -n 's/.* \([0-9]*\) dropped by kernel[ ,].*/\1/p' "$err")
	fi
	echo "${pps%.*} ${cap:-?} ${drop:-?}"
}

TOOLS=(flowtrace-w1 flowtrace-w2 flowtrace-w2-batch tcpdump)
declare -A BEST FIRSTDROP
for t in "${TOOLS[@]}"; do BEST[$t]=0; FIRSTDROP[$t]=none; done
printf '%-9s' "rate"
for t in "${TOOLS[@]}"; do printf ' | %-34s' "$t (sent pps, captured, drops)"; done
printf '\n'
for rate in "${RATES[@]}"; do
	printf '%-9s' "$rate"
	for t in "${TOOLS[@]}"; do
		read -r pps cap drop < <(run_one "$t" "$rate")
		printf ' | %-34s' "$pps pps, $cap, $drop dropped"
		if [ "$drop" = 0 ] && [ "$cap" = "$FRAMES" ]; then
			if [ "${FIRSTDROP[$t]}" = none ] && [ "${pps:-0}" -gt "${BEST[$t]}" ]; then
				BEST[$t]=$pps
			fi
		elif [ "${FIRSTDROP[$t]}" = none ]; then
			FIRSTDROP[$t]="$pps pps"
		fi
	done
	printf '\n'
done
echo
echo "highest rate with every frame captured and no drop at it or any lower rate"
echo "($FRAMES frames, snaplen $SNAP, -B $BUFKIB KiB, $(nproc) cores shared with tcpreplay):"
for t in "${TOOLS[@]}"; do
	path=""
	[ -s "$WORK/path.$t" ] && path=", through $(cat "$WORK/path.$t")"
	printf '  %-18s %8s pps   (first drops at: %s%s)\n' "$t" "${BEST[$t]}" "${FIRSTDROP[$t]}" "$path"
done
