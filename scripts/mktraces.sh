#!/usr/bin/env bash
# mktraces.sh [-v] [SCENARIO...]: regenerate testdata/pcaps/SCENARIO.pcap and
# SCENARIO.ss from the real Linux TCP stack (no arguments: every scenario).
#
# Each scenario is one file, testdata/scenarios/SCENARIO.scenario: a header
# of "# key: value" lines (what happens, how, the capture point, the
# kernel's expected sockets; README.md's "Test traces" section describes
# them), then a bash recipe using the functions of scripts/lib.sh. The
# recipe runs between network namespaces this script creates (ft-cli
# 10.77.0.1 fd77::1, ft-srv 10.77.0.2 fd77::2, and for delayed paths ft-br,
# running internal/cmd/delaybridge), drives both endpoints with
# internal/cmd/tcpdrive (and internal/cmd/forge for hand-made segments),
# captures with tcpdump (snaplen 200, filter "tcp", unless a scenario says
# otherwise) and, while the capture still runs, records `ss -tanoi` in both
# endpoint namespaces: the kernel's own final state of every socket. The
# script then checks that ss showed exactly the sockets the header declares.
#
# Needs root, Go, iproute2, tcpdump, nftables, hping3, nmap and tshark
# (wireshark's capinfos, editcap, dumpcap). Every command is bounded by
# timeout; the EXIT trap deletes the namespaces and stops background
# processes. -v prints each trace and its ss truth. With FT_FAILED_DIR set,
# a trace that fails its checks is copied there for inspection; FT_OUT
# installs traces in another directory than testdata/pcaps (a dry run).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${FT_OUT:-$ROOT/testdata/pcaps}
# shellcheck source=scripts/lib.sh
. "$ROOT/scripts/lib.sh"

[ "$(id -u)" = 0 ] || die "must run as root (network namespaces, nft, tcpdump)"
for t in go ip tcpdump nft hping3 nmap tshark capinfos dumpcap ss timeout; do
	command -v "$t" >/dev/null || die "missing $t"
done

if [ "${1:-}" = "-v" ]; then
	VERBOSE=1
	shift
fi

WORK=$(mktemp -d /tmp/ft-traces.XXXXXX)
BIN=$WORK/bin
LOGS=$WORK/logs
mkdir -p "$BIN" "$LOGS" "$OUT"
trap cleanup EXIT
trap 'exit 130' INT TERM

log "building tcpdrive, delaybridge and forge"
(cd "$ROOT" && go build -o "$BIN/tcpdrive" ./internal/cmd/tcpdrive && go build -o "$BIN/delaybridge" ./internal/cmd/delaybridge &&
	go build -o "$BIN/forge" ./internal/cmd/forge)

SCEN_DIR=$ROOT/testdata/scenarios
ALL=()
for f in "$SCEN_DIR"/*.scenario; do
	f=${f##*/}
	ALL+=("${f%.scenario}")
done

FAILED=()
run_scenario() {
	local name=$1 file=$SCEN_DIR/$1.scenario
	[ -f "$file" ] || die "unknown scenario $name (known: ${ALL[*]})"
	log "== $name"
	CHECK_FAILS=0
	CAP_FILE=""
	CAP_SNAP=""
	CAP_FILTER=""
	CLI_MORE=""
	SRV_MORE=""
	scen_load "$file"
	scen_run "$name" "$file"
	[ -n "$CAP_FILE" ] && [ -f "$WORK/$name.ss" ] || die "$name: the recipe never called cap_here and finish"
	expect_sockets
	kill_bg
	ns_reset
	if [ "$CHECK_FAILS" = 0 ]; then
		install_trace
	else
		FAILED+=("$name")
		if [ -n "${FT_FAILED_DIR:-}" ]; then
			mkdir -p "$FT_FAILED_DIR"
			cp "$CAP_FILE" "$WORK/$CAP_NAME.ss" "$FT_FAILED_DIR/"
			log "$name: failed trace copied to $FT_FAILED_DIR"
		fi
		log "$name: not installed; logs:"
		tail -n 20 "$LOGS"/*.log >&2 || true
		tcpdump -nr "$CAP_FILE" 2>/dev/null | sed 's/^/    /' >&2
		sed 's/^/    /' "$WORK/$CAP_NAME.ss" >&2
	fi
	rm -f "$LOGS"/*.log
}

if [ $# -eq 0 ]; then
	set -- "${ALL[@]}"
fi
for s in "$@"; do
	run_scenario "$s"
done
if [ ${#FAILED[@]} -gt 0 ]; then
	die "checks failed for: ${FAILED[*]} (their committed traces were left as they were)"
fi
log "done"
