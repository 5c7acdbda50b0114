# scripts/lib.sh: shared functions for scripts/mktraces.sh. Source it, do not
# run it. Everything here acts only inside network namespaces named ft-*,
# which it creates and deletes itself; nothing touches the host's interfaces.

FT_CLI=ft-cli
FT_SRV=ft-srv
FT_BR=ft-br
CLI4=10.77.0.1
SRV4=10.77.0.2
CLI6=fd77::1
SRV6=fd77::2
MAC_CLI=02:77:00:00:00:01
MAC_SRV=02:77:00:00:00:02
SRV=$SRV4:5000 # the server's usual listening end
CLI=$CLI4:40001 # the client's usual bound end
SNAPLEN=200
DRIVE_DEADLINE=20 # seconds; default tcpdrive -deadline
CAP_MAX=120       # seconds; no capture outlives this

BG_PIDS=()   # every background process this script started (timeout wrappers)
CAP_PID=""   # the running capture
CAP_FILE=""  # where it writes
CAP_NAME=""  # scenario it belongs to
CAP_TOOL=""  # tcpdump or dumpcap
CAP_SNAP=""   # snaplen for the next capture (default $SNAPLEN); reset per scenario
CAP_FILTER="" # capture filter for the next capture (default "tcp"); reset per scenario
CLI_MORE=""   # more addresses of ft-cli and ft-srv for ss_truth (tunnels); reset per scenario
SRV_MORE=""

log() { printf 'mktraces: %s\n' "$*" >&2; }
die() {
	log "error: $*"
	exit 1
}

nsx() { ip netns exec "$@"; }

now_ms() { date +%s%3N; }

# kill_bg stops every background process this run started, by pid. They are
# all "timeout" wrappers, which pass the signal on to their command.
kill_bg() {
	local p
	for p in "${BG_PIDS[@]}"; do
		kill -TERM "$p" 2>/dev/null || true
	done
	for p in "${BG_PIDS[@]}"; do
		wait "$p" 2>/dev/null || true
	done
	BG_PIDS=()
	CAP_PID=""
}

# ns_reset deletes every ft-* namespace, first killing the processes left in
# it (only ever ones a run of this script started there).
ns_reset() {
	local ns p
	for ns in $(ip netns list | awk '{print $1}' | grep '^ft-' || true); do
		for p in $(ip netns pids "$ns" 2>/dev/null); do
			kill -KILL "$p" 2>/dev/null || true
		done
		ip netns del "$ns" 2>/dev/null || true
	done
}

cleanup() {
	local rc=$?
	trap - EXIT INT TERM
	kill_bg
	ns_reset
	[ -n "${WORK:-}" ] && [ -d "$WORK" ] && rm -rf "$WORK"
	exit "$rc"
}

# ns_config NS MY4 MY6 PEER4 PEER6 PEERMAC IFACE: addresses, static
# neighbours (no ARP or ND in the traces), no IPv6 autoconfiguration and no
# offloads, so a capture shows wire-sized segments with valid checksums.
ns_config() {
	local ns=$1 my4=$2 my6=$3 peer4=$4 peer6=$5 peermac=$6 if=${7:-eth0}
	nsx "$ns" sysctl -qw net.ipv6.conf.all.accept_ra=0 net.ipv6.conf.default.accept_ra=0 >/dev/null
	nsx "$ns" ip link set lo up
	nsx "$ns" ip link set "$if" addrgenmode none
	nsx "$ns" "$BIN/tcpdrive" -q nooffload "$if"
	nsx "$ns" ip addr add "$my4/24" dev "$if"
	nsx "$ns" ip addr add "$my6/64" dev "$if" nodad
	nsx "$ns" ip link set "$if" up
	nsx "$ns" ip neigh replace "$peer4" lladdr "$peermac" dev "$if" nud permanent
	nsx "$ns" ip -6 neigh replace "$peer6" lladdr "$peermac" dev "$if" nud permanent
}

# setup_direct: ft-cli eth0 <-> ft-srv eth0, one veth pair.
setup_direct() {
	ns_reset
	ip netns add "$FT_CLI"
	ip netns add "$FT_SRV"
	ip link add name eth0 netns "$FT_CLI" address "$MAC_CLI" type veth \
		peer name eth0 netns "$FT_SRV" address "$MAC_SRV"
	ns_config "$FT_CLI" "$CLI4" "$CLI6" "$SRV4" "$SRV6" "$MAC_SRV"
	ns_config "$FT_SRV" "$SRV4" "$SRV6" "$CLI4" "$CLI6" "$MAC_CLI"
}

# setup_bridge DELAYBRIDGE-ARGS...: ft-cli eth0 <-> c0 ft-br s0 <-> eth0
# ft-srv, with delaybridge forwarding between c0 (-a) and s0 (-b).
setup_bridge() {
	ns_reset
	ip netns add "$FT_CLI"
	ip netns add "$FT_SRV"
	ip netns add "$FT_BR"
	nsx "$FT_BR" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 >/dev/null
	ip link add name eth0 netns "$FT_CLI" address "$MAC_CLI" type veth peer name c0 netns "$FT_BR"
	ip link add name eth0 netns "$FT_SRV" address "$MAC_SRV" type veth peer name s0 netns "$FT_BR"
	nsx "$FT_BR" "$BIN/tcpdrive" -q nooffload c0
	nsx "$FT_BR" "$BIN/tcpdrive" -q nooffload s0
	nsx "$FT_BR" ip link set c0 up
	nsx "$FT_BR" ip link set s0 up
	ns_config "$FT_CLI" "$CLI4" "$CLI6" "$SRV4" "$SRV6" "$MAC_SRV"
	ns_config "$FT_SRV" "$SRV4" "$SRV6" "$CLI4" "$CLI6" "$MAC_CLI"
	spawn "$LOGS/bridge.log" timeout 100 ip netns exec "$FT_BR" "$BIN/delaybridge" -a c0 -b s0 -deadline 90s "$@"
	local i
	for i in $(seq 50); do
		grep -q 'forwarding' "$LOGS/bridge.log" && return 0
		sleep 0.1
	done
	die "delaybridge did not start: $(cat "$LOGS/bridge.log")"
}

# setup_router MTU: ft-cli eth0 <-> c0 ft-br s0 <-> eth0 ft-srv, ft-br
# forwarding IPv4 as a kernel router whose s0 (towards the server) has MTU
# MTU. The endpoints keep their usual addresses and static neighbours: c0
# has the server's MAC and s0 the client's, so each endpoint sees the router
# as its peer. With DF clear (ft-cli ip_no_pmtu_disc=1), the router
# fragments what does not fit.
setup_router() {
	ns_reset
	ip netns add "$FT_CLI"
	ip netns add "$FT_SRV"
	ip netns add "$FT_BR"
	ip link add name eth0 netns "$FT_CLI" address "$MAC_CLI" type veth peer name c0 netns "$FT_BR" address "$MAC_SRV"
	ip link add name eth0 netns "$FT_SRV" address "$MAC_SRV" type veth peer name s0 netns "$FT_BR" address "$MAC_CLI"
	nsx "$FT_BR" sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0 \
		net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 >/dev/null
	local i
	for i in c0 s0; do
		nsx "$FT_BR" "$BIN/tcpdrive" -q nooffload "$i"
		nsx "$FT_BR" sysctl -qw "net.ipv4.conf.$i.rp_filter=0" >/dev/null
		nsx "$FT_BR" ip link set "$i" up
	done
	nsx "$FT_BR" ip link set s0 mtu "$1"
	nsx "$FT_BR" ip route add "$CLI4/32" dev c0
	nsx "$FT_BR" ip route add "$SRV4/32" dev s0
	nsx "$FT_BR" ip neigh replace "$CLI4" lladdr "$MAC_CLI" dev c0 nud permanent
	nsx "$FT_BR" ip neigh replace "$SRV4" lladdr "$MAC_SRV" dev s0 nud permanent
	ns_config "$FT_CLI" "$CLI4" "$CLI6" "$SRV4" "$SRV6" "$MAC_SRV"
	ns_config "$FT_SRV" "$SRV4" "$SRV6" "$CLI4" "$CLI6" "$MAC_CLI"
}

# frag_routes: like flood_routes, for the forged fragment sources
# 10.79.0.0/16 and fd79::/64.
frag_routes() {
	flood_routes
	nsx "$FT_SRV" ip -6 route add fd79::/64 via "$CLI6" dev eth0
	nft_load "$FT_CLI" <<-'EOF'
		table ip6 ftsink6 {
			chain pre {
				type filter hook prerouting priority -300; policy accept;
				ip6 daddr fd79::/64 drop
			}
		}
	EOF
}

# spawn LOG CMD...: run CMD in the background, output appended to LOG.
# LAST_PID is its pid.
spawn() {
	local logf=$1
	shift
	"$@" >>"$logf" 2>&1 &
	LAST_PID=$!
	BG_PIDS+=("$LAST_PID")
}

# drive NS [-deadline SECONDS] STEP...: start tcpdrive in NS in the
# background (log in $LOGS/NS.log); DRIVE_PID is its pid.
drive() {
	local ns=$1 dl=$DRIVE_DEADLINE
	shift
	if [ "$1" = "-deadline" ]; then
		dl=$2
		shift 2
	fi
	spawn "$LOGS/$ns.log" timeout $((dl + 5)) ip netns exec "$ns" "$BIN/tcpdrive" -deadline "${dl}s" "$@"
	DRIVE_PID=$LAST_PID
}

# drive_fg NS [-deadline SECONDS] STEP...: the same, waiting for it to end.
drive_fg() {
	drive "$@"
	wait "$DRIVE_PID" || true
}

# wait_pid PID SECONDS: wait for a background process to end, at most
# SECONDS (it keeps running after that; kill_bg ends it).
wait_pid() {
	local pid=$1 n=$(($2 * 10)) i
	for ((i = 0; i < n; i++)); do
		kill -0 "$pid" 2>/dev/null || {
			wait "$pid" 2>/dev/null || true
			return 0
		}
		sleep 0.1
	done
	log "warning: pid $pid still running after $2 s"
}

# wait_listen NS PORT: wait until something listens on PORT in NS (3 s max).
wait_listen() {
	local i
	for i in $(seq 30); do
		[ -n "$(nsx "$1" ss -Htln "sport = :$2")" ] && return 0
		sleep 0.1
	done
	die "nothing listens on port $2 in $1"
}

# nft_load NS: load an nftables ruleset from stdin into namespace NS.
nft_load() { nsx "$1" nft -f -; }

# cap_start NAME NS IFACE [tcpdump|dumpcap] [EXTRA-ARGS...]: start capturing
# TCP on IFACE in NS into $WORK/NAME.pcap and wait until the capturer is
# listening. CAP_SNAP and CAP_FILTER, when set, replace the snaplen and the
# "tcp" filter.
cap_start() {
	CAP_NAME=$1
	local ns=$2 if=$3 tool=${4:-tcpdump}
	CAP_TOOL=$tool
	shift 3
	[ $# -gt 0 ] && shift
	CAP_FILE=$WORK/$CAP_NAME.pcap
	local err=$LOGS/capture.err ready snap=${CAP_SNAP:-$SNAPLEN} filter=${CAP_FILTER:-tcp}
	: >"$err"
	case $tool in
	tcpdump)
		spawn "$err" timeout "$CAP_MAX" ip netns exec "$ns" tcpdump -U --immediate-mode -n -s "$snap" -i "$if" -w "$CAP_FILE" "$@" "$filter"
		ready='listening on'
		;;
	dumpcap)
		spawn "$err" timeout "$CAP_MAX" ip netns exec "$ns" dumpcap -q -n -s "$snap" -i "$if" -f "$filter" -w "$CAP_FILE" "$@"
		ready='Capturing on'
		;;
	*) die "unknown capture tool $tool" ;;
	esac
	CAP_PID=$LAST_PID
	local i
	for i in $(seq 50); do
		grep -q "$ready" "$err" && {
			sleep 0.1
			return 0
		}
		kill -0 "$CAP_PID" 2>/dev/null || break
		sleep 0.1
	done
	die "capture did not start: $(cat "$err")"
}

# ---- Scenario files (testdata/scenarios/NAME.scenario). The header is
# the leading block of "# key: value" lines (continuations "#   ..."); the
# rest is the recipe, sourced by scen_run. internal/scenario parses the
# same files strictly; here only the keys the script acts on are read.

SCEN_CAPTURE=""  # "NS IFACE [tcpdump|dumpcap] [ARGS...]" from "# capture:"
SCEN_SOCKETS=()  # "COUNT NS STATE LOCAL PEER" from "# socket:" / "# sockets:"

# scen_load FILE: read FILE's header into SCEN_CAPTURE and SCEN_SOCKETS.
scen_load() {
	local line
	SCEN_CAPTURE=""
	SCEN_SOCKETS=()
	while IFS= read -r line; do
		case $line in
		"# capture: "*) SCEN_CAPTURE=${line#"# capture: "} ;;
		"# socket: "*) SCEN_SOCKETS+=("1 ${line#"# socket: "}") ;;
		"# sockets: "*) SCEN_SOCKETS+=("${line#"# sockets: "}") ;;
		"#"*) ;;
		*) break ;;
		esac
	done <"$1"
	[ -n "$SCEN_CAPTURE" ] || die "$1: no \"# capture:\" line"
}

# scen_run NAME FILE: run FILE's recipe (its own function scope, so the
# recipe may declare locals).
scen_run() {
	CAP_NAME=$1
	# shellcheck disable=SC1090
	. "$2"
}

# cap_here: start the capture the scenario's "# capture:" line names.
cap_here() {
	# shellcheck disable=SC2086 # NS IFACE TOOL ARGS, split on purpose
	cap_start "$CAP_NAME" $SCEN_CAPTURE
}

# glob_quote S: S as a bash pattern in which only * is special.
glob_quote() {
	local s=${1//\\/\\\\}
	s=${s//\[/\\[}
	s=${s//]/\\]}
	s=${s//\?/\\?}
	printf '%s' "$s"
}

# expect_sockets: the non-LISTEN sockets ss showed in both namespaces are
# exactly those the scenario's "# socket:" and "# sockets:" lines declare
# (states in RFC 9293 names; "*" in an address matches anything; a
# "sockets:" line gives how many match it).
expect_sockets() {
	local got=() used=() e i n cnt ns st l p pat
	mapfile -t got < <(awk '
		BEGIN { m["ESTAB"] = "ESTABLISHED"; m["SYN-RECV"] = "SYN-RECEIVED"; m["UNCONN"] = "CLOSED" }
		/^# ns / { cur = $3; next }
		/^#/ { next }
		cur != "" && /^[A-Z]/ && $1 != "State" && $1 != "LISTEN" { print cur, (($1 in m) ? m[$1] : $1), $4, $5 }' "$WORK/$CAP_NAME.ss")
	for e in "${SCEN_SOCKETS[@]}"; do
		read -r cnt ns st l p <<<"$e"
		pat=$(glob_quote "$ns $st $l $p")
		n=0
		for i in "${!got[@]}"; do
			[ -n "${used[$i]:-}" ] && continue
			# shellcheck disable=SC2053 # pat is a pattern on purpose
			if [[ ${got[$i]} == $pat ]]; then
				used[i]=1
				n=$((n + 1))
			fi
		done
		[ "$n" = "$cnt" ] || check_fail "ss: $n sockets match \"$ns $st $l $p\", want $cnt"
	done
	n=0
	for i in "${!got[@]}"; do
		if [ -z "${used[$i]:-}" ]; then
			n=$((n + 1))
			[ "$n" -le 5 ] && check_fail "ss: unexpected socket ${got[$i]}"
		fi
	done
	[ "$n" -le 5 ] || check_fail "ss: $n unexpected sockets in all"
}

# forge NS ARGS...: send hand-made segments from NS with internal/cmd/forge
# (see its doc); a failure is a failed check.
forge() {
	local ns=$1
	shift
	timeout 30 ip netns exec "$ns" "$BIN/forge" "$@" >>"$LOGS/forge.log" 2>&1 ||
		check_fail "forge $*: $(tail -1 "$LOGS/forge.log")"
}

# cap_seq FLAGS: "SEQ TSVAL" of the first segment of the running capture
# whose flags are exactly FLAGS (tcpdump syntax: tcp-syn, tcp-syn|tcp-ack);
# TSVAL is empty without timestamps. tcpdump, not tshark: it starts in
# milliseconds, so a recipe can act inside a short window (a held SYN-ACK).
cap_seq() {
	tcpdump -r "$CAP_FILE" -nS -c 1 "tcp[tcpflags] == $1" 2>/dev/null |
		awk '{ for (i = 1; i < NF; i++) { if ($i == "seq") s = $(i + 1); if ($i == "val" && $(i - 1) ~ /TS$/) v = $(i + 1) } gsub(/[,:]/, "", s); print s, v }'
}

# cap_last HOST PORT: "ACK TSVAL TSECR" of the last segment of the running
# capture sent from HOST:PORT (TSVAL and TSECR empty without timestamps);
# tcpdump, fast as cap_seq.
cap_last() {
	tcpdump -r "$CAP_FILE" -nS "src host $1 and tcp src port $2" 2>/dev/null | tail -n 1 |
		awk '{ for (i = 1; i < NF; i++) { if ($i == "ack") a = $(i + 1); if ($i == "val" && $(i - 1) ~ /TS$/) { v = $(i + 1); e = $(i + 3) } } gsub(/[,\]]/, "", a); gsub(/[,\]]/, "", e); print a, v, e }'
}

# flood_routes: the spoofed flood sources 10.79.0.0/16 are routed from
# ft-srv to ft-cli, whose prerouting hook drops everything sent to them: the
# server's SYN-ACKs leave (and are captured at ft-srv eth0) and vanish, and
# no ICMP comes back.
flood_routes() {
	nsx "$FT_SRV" ip route add 10.79.0.0/16 via "$CLI4" dev eth0
	nft_load "$FT_CLI" <<-'EOF'
		table ip ftsink {
			chain pre {
				type filter hook prerouting priority -300; policy accept;
				ip daddr 10.79.0.0/16 drop
			}
		}
	EOF
}

# stealth_target: ft-srv listens on 5000 (open); nothing on 5001 (closed);
# its input hook drops everything to 5002 (filtered).
stealth_target() {
	nft_load "$FT_SRV" <<-'EOF'
		table inet ft {
			chain input {
				type filter hook input priority 0; policy accept;
				tcp dport 5002 drop
			}
		}
	EOF
	drive "$FT_SRV" listen "$SRV" hold
	wait_listen "$FT_SRV" 5000
}

# nmap_probe SCAN-TYPE: nmap SCAN-TYPE (-sF, -sN, -sX, -sA) of ports
# 5000-5002 of ft-srv from ft-cli, source port 41000, one retry.
nmap_probe() {
	timeout 60 ip netns exec "$FT_CLI" nmap "$1" -p 5000-5002 -g 41000 -n -Pn --max-retries 1 -e eth0 "$SRV4" >>"$LOGS/nmap.log" 2>&1 ||
		check_fail "nmap $1 failed: $(tail -3 "$LOGS/nmap.log")"
}

# ss_truth FILE: the kernel's view of every TCP socket in both endpoint
# namespaces, in the format internal/kerneltruth parses. CLI_MORE and
# SRV_MORE add addresses of the namespaces (a tunnel's inner addresses).
ss_truth() {
	{
		echo "# flowtrace kernel truth: ss -tanoi at end of capture"
		echo "# ns $FT_CLI $CLI4 $CLI6${CLI_MORE:+ $CLI_MORE}"
		nsx "$FT_CLI" ss -tanoi
		echo "# ns $FT_SRV $SRV4 $SRV6${SRV_MORE:+ $SRV_MORE}"
		nsx "$FT_SRV" ss -tanoi
	} >"$1"
}

# finish [QUIET-SECONDS]: wait for quiet, record the kernel truth while the
# capture still runs, stop the capture with SIGINT and everything else.
# run_scenario then checks the trace (expect_*) and installs it in $OUT.
finish() {
	sleep "${1:-0.4}"
	local t0 t1
	t0=$(date +%s.%N)
	ss_truth "$WORK/$CAP_NAME.ss"
	t1=$(date +%s.%N)
	# dumpcap has no immediate mode: give libpcap time to hand over the
	# last ring block before stopping it.
	if [ "$CAP_TOOL" = dumpcap ]; then sleep 1.5; fi
	kill -INT "$CAP_PID" 2>/dev/null || true
	wait "$CAP_PID" 2>/dev/null || true
	kill_bg
	[ -s "$CAP_FILE" ] || die "$CAP_NAME: empty capture"
	trim_after "$t0" "$t1"
}

# trim_after T0 T1: the ss snapshot ran from T0 to T1 (epoch seconds). A
# capture does not always stop at once (a retransmission timer may fire
# between ss and SIGINT), so packets stamped after T0 are cut off, keeping
# the file's format: the trace ends where the kernel truth was taken. A
# packet inside the snapshot itself makes the truth ambiguous: a failed
# check.
trim_after() {
	local late during fmt
	late=$(tshark -r "$CAP_FILE" -T fields -e frame.time_epoch 2>/dev/null | awk -v t="$1" '$1 > t' | grep -c . || true)
	[ "$late" = 0 ] && return 0
	during=$(tshark -r "$CAP_FILE" -T fields -e frame.time_epoch 2>/dev/null | awk -v a="$1" -v b="$2" '$1 > a && $1 <= b' | grep -c . || true)
	[ "$during" = 0 ] || check_fail "$during packets captured while ss ran"
	case $(od -An -tx1 -N4 "$CAP_FILE" | tr -d ' ') in
	d4c3b2a1 | a1b2c3d4) fmt=pcap ;;
	4d3cb2a1 | a1b23c4d) fmt=nsecpcap ;;
	0a0d0d0a) fmt=pcapng ;;
	*) die "$CAP_NAME: unknown capture file format" ;;
	esac
	editcap -F "$fmt" -B "$(date -u -d "@$1" +%Y-%m-%dT%H:%M:%S.%NZ)" "$CAP_FILE" "$CAP_FILE.trim" >/dev/null 2>&1 ||
		die "$CAP_NAME: editcap failed"
	mv "$CAP_FILE.trim" "$CAP_FILE"
	log "$CAP_NAME: dropped $late packets captured after the ss snapshot"
}

# install_trace: copy NAME.pcap and NAME.ss to $OUT.
install_trace() {
	cp "$CAP_FILE" "$OUT/$CAP_NAME.pcap"
	cp "$WORK/$CAP_NAME.ss" "$OUT/$CAP_NAME.ss"
	local n
	n=$(capinfos -c -M "$OUT/$CAP_NAME.pcap" 2>/dev/null | awk -F': *' '/Number of packets/ {print $2}')
	log "$CAP_NAME: $n packets, $(stat -c %s "$OUT/$CAP_NAME.pcap") bytes"
	if [ -n "${VERBOSE:-}" ]; then
		tcpdump -nr "$OUT/$CAP_NAME.pcap" 2>/dev/null | sed 's/^/    /' >&2
		grep -v '^#' "$OUT/$CAP_NAME.ss" | sed 's/^/    /' >&2
	fi
}

# Checks on the finished trace. A failed check is reported and keeps the
# scenario's trace out of $OUT (the committed one stays).
CHECK_FAILS=0
check_fail() {
	log "CHECK FAILED $CAP_NAME: $*"
	CHECK_FAILS=$((CHECK_FAILS + 1))
}

# tsf FILTER FIELD-ARGS...: tshark fields of the frames matching FILTER.
tsf() { tshark -r "$CAP_FILE" -Y "$1" -T fields -E separator=' ' "${@:2}" 2>/dev/null; }

# segs: one line per TCP segment: srcport flags seq ack len time.
segs() { tsf tcp -e tcp.srcport -e tcp.flags -e tcp.seq_raw -e tcp.ack_raw -e tcp.len -e frame.time_epoch; }

# expect_count FILTER MIN [MAX]: the number of frames matching the tshark
# display filter FILTER is within MIN..MAX (MAX defaults to MIN).
expect_count() {
	local n
	n=$(tsf "$1" -e frame.number | grep -c . || true)
	if [ "$n" -lt "$2" ] || [ "$n" -gt "${3:-$2}" ]; then
		check_fail "\"$1\": $n frames, want $2..${3:-$2}"
	fi
}

# expect_awk DESCRIPTION PROGRAM: the awk PROGRAM, fed segs, exits 0.
expect_awk() {
	segs | awk "$2" || check_fail "$1"
}

# expect_state NS STATE LOCAL PEER: ss in NS shows a socket LOCAL-PEER in
# ss state STATE.
expect_state() {
	awk -v ns="$1" -v st="$2" -v l="$3" -v p="$4" '
		/^# ns / { cur = $3; next }
		cur == ns && $1 == st && $4 == l && $5 == p { found = 1 }
		END { exit !found }' "$WORK/$CAP_NAME.ss" ||
		check_fail "ss: no $2 $3 $4 in $1"
}

# expect_no_conn NS: ss in NS shows no socket but listeners.
expect_no_conn() {
	local n
	n=$(awk -v ns="$1" '/^# ns / { cur = $3; next } cur == ns && /^[A-Z]/ && $1 != "State" && $1 != "LISTEN"' "$WORK/$CAP_NAME.ss" | grep -c . || true)
	[ "$n" = 0 ] || check_fail "ss: $n connection sockets in $1, want none"
}

# expect_close4 / expect_close3: the trace ends in a four-segment close
# (FIN, ACK, FIN, ACK) or a three-segment one (FIN, FIN+ACK acknowledging
# the first FIN, ACK).
expect_close4() {
	expect_awk "not a 4-segment close" '{ f[NR] = $2 } END { exit !(f[NR-3] == "0x0011" && f[NR-2] == "0x0010" && f[NR-1] == "0x0011" && f[NR] == "0x0010") }'
}
expect_close3() {
	expect_awk "not a 3-segment close" '{ f[NR] = $2; s[NR] = $3; a[NR] = $4 } END { exit !(f[NR-2] == "0x0011" && f[NR-1] == "0x0011" && f[NR] == "0x0010" && a[NR-1] == (s[NR-2] + 1) % 4294967296) }'
}

# last_seq PCAP SRC SPORT: the next sequence number the sender SRC:SPORT
# will use, from the last segment it sent in PCAP (seq + payload length,
# +1 for SYN or FIN).
last_seq() {
	tshark -r "$1" -Y "ip.src == $2 && tcp.srcport == $3" -T fields \
		-e tcp.seq_raw -e tcp.len -e tcp.flags.syn -e tcp.flags.fin 2>/dev/null |
		tail -n 1 | awk '{ s = $1 + $2; if ($3 == "1" || $3 == "True") s++; if ($4 == "1" || $4 == "True") s++; printf "%.0f\n", s % 4294967296 }'
}

# vxlan_pair NAME VNI LOCAL-CLI REMOTE-CLI INNER-CLI INNER-SRV: a VXLAN
# device NAME (UDP 4789) in ft-cli and ft-srv, over the underlay addresses
# LOCAL-CLI (ft-cli's) and REMOTE-CLI (ft-srv's), with INNER-CLI and
# INNER-SRV on it (prefix length included), static neighbours and no
# offloads, and no IPv6 link-local traffic of its own.
vxlan_pair() {
	local name=$1 vni=$2 ucli=$3 usrv=$4 icli=$5 isrv=$6 ns me peer ul ur mac pmac i
	for i in 0 1; do
		if [ $i = 0 ]; then
			ns=$FT_CLI me=$icli peer=${isrv%/*} ul=$ucli ur=$usrv mac=02:78:00:00:$vni:01 pmac=02:78:00:00:$vni:02
		else
			ns=$FT_SRV me=$isrv peer=${icli%/*} ul=$usrv ur=$ucli mac=02:78:00:00:$vni:02 pmac=02:78:00:00:$vni:01
		fi
		nsx "$ns" ip link add "$name" address "$mac" type vxlan id "$vni" local "$ul" remote "$ur" dstport 4789 dev eth0
		nsx "$ns" ip link set "$name" addrgenmode none
		nsx "$ns" "$BIN/tcpdrive" -q nooffload "$name"
		nsx "$ns" ip addr add "$me" dev "$name" nodad 2>/dev/null || nsx "$ns" ip addr add "$me" dev "$name"
		nsx "$ns" ip link set "$name" up
		nsx "$ns" ip neigh replace "$peer" lladdr "$pmac" dev "$name" nud permanent
	done
}

# hping_flood NSRC COUNT: a SYN flood from hping3 in ft-cli to $SRV, in
# the background: NSRC spoofed sources 10.79.0.1 ... 10.79.0.NSRC (route
# them with flood_routes), each one hping3 run sending COUNT SYNs 2 ms
# apart from ports 10000, 10001, ... (hping3 moves its source port on per
# packet), MSS option 1460. HPING_PIDS are the runs' pids.
hping_flood() {
	local i
	HPING_PIDS=()
	for ((i = 1; i <= $1; i++)); do
		spawn "$LOGS/hping3.log" timeout 20 ip netns exec "$FT_CLI" hping3 -q -I eth0 -S -a "10.79.0.$i" -s 10000 \
			-p "${SRV##*:}" --tcp-mss 1460 -c "$2" -i u2000 "$SRV4"
		HPING_PIDS+=("$LAST_PID")
	done
}
