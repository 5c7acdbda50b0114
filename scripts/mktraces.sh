#!/usr/bin/env bash
# mktraces.sh [-v] [SCENARIO...]: regenerate testdata/pcaps/SCENARIO.pcap and
# SCENARIO.ss from the real Linux TCP stack (no arguments: every scenario).
#
# Each scenario runs between network namespaces this script creates (ft-cli
# 10.77.0.1 fd77::1, ft-srv 10.77.0.2 fd77::2, and for delayed paths ft-br,
# running internal/cmd/delaybridge), drives both endpoints with
# internal/cmd/tcpdrive, captures with tcpdump (snaplen 200, filter "tcp"),
# and, while the capture still runs, records `ss -tanoi` in both endpoint
# namespaces: the kernel's own final state of every socket.
#
# Needs root, Go, iproute2, tcpdump, nftables, hping3, nmap and tshark
# (wireshark's capinfos, editcap, dumpcap). Every command is bounded by
# timeout; the EXIT trap deletes the namespaces and stops background
# processes. -v prints each trace and its ss truth.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/testdata/pcaps
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

log "building tcpdrive and delaybridge"
(cd "$ROOT" && go build -o "$BIN/tcpdrive" ./internal/cmd/tcpdrive && go build -o "$BIN/delaybridge" ./internal/cmd/delaybridge)

SRV=$SRV4:5000
CLI=$CLI4:40001
now_ms() { date +%s%3N; }

# A normal exchange with a listening server: the client sends 1000 bytes,
# the server answers 2000.

sc_client_close() {
	setup_direct
	cap_start client-close "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 1000 send 2000 read sleep 200ms close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 1000 readn 2000 sleep 100ms close
	finish
}

sc_server_close() {
	setup_direct
	cap_start server-close "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 1000 send 2000 sleep 100ms close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 1000 readn 2000 read sleep 200ms close
	finish
}

# The passive closer reads EOF and closes at once: Linux enters pingpong
# (delayed-ACK) mode on receiving the FIN, so its ACK rides on its own FIN.
sc_close_3seg() {
	setup_direct
	cap_start close-3seg "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 readn 100 sleep 300ms close
	finish
}

sc_refused() {
	setup_direct
	cap_start refused "$FT_CLI" eth0
	drive_fg "$FT_CLI" connect "$SRV4:5999" --bind "$CLI" close
	finish
}

ALL=(client-close server-close close-3seg refused)

run_scenario() {
	local name=$1 fn=sc_${1//-/_}
	declare -F "$fn" >/dev/null || die "unknown scenario $name (known: ${ALL[*]})"
	log "== $name"
	"$fn"
	kill_bg
	ns_reset
}

if [ $# -eq 0 ]; then
	set -- "${ALL[@]}"
fi
for s in "$@"; do
	run_scenario "$s"
done
log "done"
