#!/usr/bin/env bash
# mktraces.sh [-v] [SCENARIO...]: regenerate testdata/pcaps/SCENARIO.pcap and
# SCENARIO.ss from the real Linux TCP stack (no arguments: every scenario).
#
# Each scenario runs between network namespaces this script creates (ft-cli
# 10.77.0.1 fd77::1, ft-srv 10.77.0.2 fd77::2, and for delayed paths ft-br,
# running internal/cmd/delaybridge), drives both endpoints with
# internal/cmd/tcpdrive, captures with tcpdump (snaplen 200, filter "tcp",
# unless a scenario says otherwise),
# and, while the capture still runs, records `ss -tanoi` in both endpoint
# namespaces: the kernel's own final state of every socket.
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
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 0" 1
	expect_count "tcp.flags.fin == 1" 2
	expect_count "tcp.flags.reset == 1" 0
	expect_close4
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
	expect_no_conn "$FT_SRV"
}

sc_server_close() {
	setup_direct
	cap_start server-close "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 1000 send 2000 sleep 100ms close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 1000 readn 2000 read sleep 200ms close
	finish
	expect_count "tcp.flags.fin == 1" 2
	expect_count "tcp.flags.fin == 1 && tcp.srcport == 5000" 1
	expect_close4
	expect_state "$FT_SRV" TIME-WAIT "$SRV" "$CLI"
	expect_no_conn "$FT_CLI"
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
	expect_count "tcp.flags.fin == 1" 2
	expect_close3
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
	expect_no_conn "$FT_SRV"
}

sc_refused() {
	setup_direct
	cap_start refused "$FT_CLI" eth0
	drive_fg "$FT_CLI" connect "$SRV4:5999" --bind "$CLI" close
	finish
	expect_count "tcp.flags.syn == 1" 1
	expect_count "tcp.flags.reset == 1 && tcp.flags.ack == 1 && tcp.srcport == 5999" 1
	expect_no_conn "$FT_CLI"
	expect_no_conn "$FT_SRV"
}

# The server drops every SYN (nft input hook); the capture at the client
# shows the SYN and its retransmissions (1 s, 3 s) while connect() blocks.
sc_unanswered_syn() {
	setup_direct
	nft_load "$FT_SRV" <<-'EOF'
		table inet ft {
			chain input {
				type filter hook input priority 0; policy accept;
				tcp dport 5000 tcp flags & (syn | ack) == syn drop
			}
		}
	EOF
	drive "$FT_SRV" listen "$SRV" hold
	wait_listen "$FT_SRV" 5000
	cap_start unanswered-syn "$FT_CLI" eth0
	drive "$FT_CLI" connect "$SRV" --bind "$CLI" close
	sleep 3.5
	finish 0
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 0" 3 5
	expect_count "tcp.srcport == 5000" 0
	expect_state "$FT_CLI" SYN-SENT "$CLI" "$SRV"
}

# The server's nft input hook drops the first SYN only: an nft quota of 100
# bytes is used up by the first 60-byte SYN, so the retransmitted one passes.
# The capture on the server's interface sees both SYNs (packet taps run
# before the input hook).
sc_syn_retransmit() {
	setup_direct
	nft_load "$FT_SRV" <<-'EOF'
		table inet ft {
			chain input {
				type filter hook input priority 0; policy accept;
				tcp dport 5000 tcp flags & (syn | ack) == syn quota until 100 bytes drop
			}
		}
	EOF
	cap_start syn-retransmit "$FT_SRV" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 readn 100 sleep 100ms close
	finish
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 0" 2
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 1" 1
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# The client's nft input hook drops the first SYN-ACK; the capture on the
# server's interface sees every SYN-ACK leave.
sc_synack_retransmit() {
	setup_direct
	nft_load "$FT_CLI" <<-'EOF'
		table inet ft {
			chain input {
				type filter hook input priority 0; policy accept;
				tcp sport 5000 tcp flags & (syn | ack) == syn | ack quota until 100 bytes drop
			}
		}
	EOF
	cap_start synack-retransmit "$FT_SRV" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 readn 100 sleep 100ms close
	finish
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 1" 2 4
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# The client sends and shuts down its write side; the server reads to EOF,
# then sends three more chunks over 200 ms and closes.
sc_half_close() {
	setup_direct
	cap_start half-close "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept read send 1000 sleep 100ms send 1000 sleep 100ms send 1000 close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 1000 shutdown read close
	finish
	expect_awk "server sent fewer than 2 data segments after the client's FIN" '$1 == 40001 && $2 == "0x0011" { fin = 1 } fin && $1 == 5000 && $5 > 0 { n++ } END { exit !(n >= 2) }'
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
	expect_no_conn "$FT_SRV"
}

# The server application never closes: server CLOSE-WAIT, client (orphaned)
# FIN-WAIT-2.
sc_close_wait_stuck() {
	setup_direct
	cap_start close-wait-stuck "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 readn 100 sleep 100ms close
	finish 0.5
	expect_count "tcp.flags.fin == 1" 1
	expect_state "$FT_CLI" FIN-WAIT-2 "$CLI" "$SRV"
	expect_state "$FT_SRV" CLOSE-WAIT "$SRV" "$CLI"
}

# The server's nft input hook drops the client's first FIN (quota as in
# syn-retransmit: the bare 52-byte FIN uses it up); the client retransmits it
# after its RTO. Captured on the server's interface, so both FINs appear.
sc_fin_retransmit() {
	setup_direct
	nft_load "$FT_SRV" <<-'EOF'
		table inet ft {
			chain input {
				type filter hook input priority 0; policy accept;
				tcp dport 5000 tcp flags & fin == fin quota until 100 bytes drop
			}
		}
	EOF
	cap_start fin-retransmit "$FT_SRV" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 read sleep 100ms close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 readn 100 sleep 100ms close
	sleep 1
	finish
	expect_count "tcp.flags.fin == 1 && tcp.srcport == 40001" 2
	expect_count "tcp.flags.fin == 1 && tcp.srcport == 5000" 1
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# The client closes first; 0.6 s later an nft output rule in the client
# drops every bare ACK it sends, so the final ACK of the server's FIN (sent
# at 1.1 s) never leaves. The capture is on the client's interface, after
# the output hook, so it never shows that ACK; the server retransmits its
# FIN and stays in LAST-ACK, the client is in TIME-WAIT.
sc_last_ack_stuck() {
	setup_direct
	cap_start last-ack-stuck "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 read sleep 900ms close hold
	wait_listen "$FT_SRV" 5000
	drive "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 readn 100 sleep 200ms close hold
	sleep 0.6
	nft_load "$FT_CLI" <<-'EOF'
		table inet ft {
			chain output {
				type filter hook output priority 0; policy accept;
				tcp dport 5000 tcp flags == ack drop
			}
		}
	EOF
	sleep 3
	finish 0
	expect_count "tcp.flags.fin == 1 && tcp.srcport == 5000" 3 8
	expect_awk "client segments after the server's FIN" '$1 == 5000 && $2 == "0x0011" { fin = 1; next } fin && $1 == 40001 { bad = 1 } END { exit bad || !fin }'
	expect_state "$FT_SRV" LAST-ACK "$SRV" "$CLI"
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# SO_LINGER {1, 0} close of an established connection: RST instead of FIN.
sc_rst_client_abort() {
	setup_direct
	cap_start rst-client-abort "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 readn 100 sleep 100ms abort
	finish
	expect_count "tcp.flags.reset == 1" 1
	expect_count "tcp.flags.reset == 1 && tcp.srcport == 40001" 1
	expect_count "tcp.flags.fin == 1" 0
	expect_no_conn "$FT_CLI"
	expect_no_conn "$FT_SRV"
}

sc_rst_server_abort() {
	setup_direct
	cap_start rst-server-abort "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 sleep 100ms abort hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 readn 100 read close
	finish
	expect_count "tcp.flags.reset == 1" 1
	expect_count "tcp.flags.reset == 1 && tcp.srcport == 5000" 1
	expect_count "tcp.flags.fin == 1" 0
	expect_no_conn "$FT_CLI"
	expect_no_conn "$FT_SRV"
}

# The server reads 500 of the 1000 bytes sent and closes: unread data in
# the receive queue makes Linux send RST instead of FIN (RFC 2525 2.17).
sc_rst_unread_data() {
	setup_direct
	cap_start rst-unread-data "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 500 sleep 200ms close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 1000 read close
	finish
	expect_count "tcp.flags.reset == 1" 1
	expect_count "tcp.flags.reset == 1 && tcp.srcport == 5000" 1
	expect_count "tcp.flags.fin == 1" 0
	expect_no_conn "$FT_CLI"
	expect_no_conn "$FT_SRV"
}

# 40 writes of 100 bytes 50 ms apart; the capture starts 1 s in (about the
# 20th write), then the client closes.
sc_midstream() {
	setup_direct
	drive "$FT_SRV" listen "$SRV" accept read close hold
	wait_listen "$FT_SRV" 5000
	drive "$FT_CLI" connect "$SRV" --bind "$CLI" repeat 40 send 100 sleep 50ms end close
	local cli=$DRIVE_PID
	sleep 1
	cap_start midstream "$FT_SRV" eth0
	wait_pid "$cli" 10
	finish
	expect_count "tcp.flags.syn == 1" 0
	expect_count "tcp.len == 100" 10 30
	expect_count "tcp.flags.fin == 1" 2
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# The connection idles 1.5 s before the client closes; the capture starts
# in that idle time, so its first packet is the client's FIN.
sc_starts_with_fin() {
	setup_direct
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 read close hold
	wait_listen "$FT_SRV" 5000
	drive "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 readn 100 sleep 1500ms close
	local cli=$DRIVE_PID
	sleep 0.8
	cap_start starts-with-fin "$FT_SRV" eth0
	wait_pid "$cli" 5
	finish
	expect_count "frame.number == 1 && tcp.flags.fin == 1 && tcp.srcport == 40001" 1
	expect_count "tcp.flags.syn == 1" 0
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# Both ends bind a fixed port and connect() to each other at the same
# wall-clock moment; delaybridge delays each direction 100 ms, so the SYNs
# cross on the wire (RFC 9293 3.5, figure 8). Captured at the client.
sc_simultaneous_open() {
	setup_bridge -delay 100ms
	cap_start simultaneous-open "$FT_CLI" eth0
	local t=$(($(now_ms) + 500))
	drive "$FT_SRV" until "$t" connect "$CLI" --bind "$SRV4:40002" readn 100 send 100 read close hold
	drive "$FT_CLI" until "$t" connect "$SRV4:40002" --bind "$CLI" send 100 readn 100 sleep 300ms close
	sleep 2
	finish
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 0" 2
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 0 && tcp.srcport == 40002" 1
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 1" 2
	expect_awk "SYNs do not cross (a SYN-ACK before both SYNs)" '$2 == "0x0002" { n++ } $2 == "0x0012" && n < 2 { bad = 1 } END { exit bad }'
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV4:40002"
}

# Both ends close at the same wall-clock moment, 100 ms apart on the wire:
# the FINs cross, both go FIN-WAIT-1 -> CLOSING -> TIME-WAIT.
sc_simultaneous_close() {
	setup_bridge -delay 100ms
	cap_start simultaneous-close "$FT_CLI" eth0
	local t=$(($(now_ms) + 1500))
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 until "$t" close hold
	wait_listen "$FT_SRV" 5000
	drive "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 readn 100 until "$t" close
	sleep 2
	finish
	expect_count "tcp.flags.fin == 1" 2
	expect_awk "FINs do not cross (one FIN acknowledges the other)" '$2 == "0x0011" { n++; sq[n] = $3; ak[n] = $4 } END { exit !(n == 2 && ak[1] != (sq[2] + 1) % 4294967296 && ak[2] != (sq[1] + 1) % 4294967296) }'
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
	expect_state "$FT_SRV" TIME-WAIT "$SRV" "$CLI"
}

# Ten 200-byte writes 15 ms apart over a 200 ms RTT (delaybridge: 100 ms
# each way); the bridge holds the third data segment from the client 40 ms
# more, so it reaches the server behind the next two. The hold stays under
# RACK's reordering window (min_rtt/4 = 50 ms), so the client does not
# retransmit it. Captured at the server.
sc_reorder() {
	setup_bridge -delay 100ms -hold ab:data:3:40ms
	cap_start reorder "$FT_SRV" eth0
	drive "$FT_SRV" listen "$SRV" accept read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" repeat 10 send 200 sleep 15ms end sleep 300ms close
	sleep 0.3
	finish
	expect_count "tcp.srcport == 40001 && tcp.len > 0" 10
	expect_awk "no data segment arrived behind a later one" '$1 == 40001 && $5 > 0 { d = ($3 - max + 4294967296) % 4294967296; if (max != "" && d >= 2147483648) late++; else max = ($3 + $5) % 4294967296 } END { exit !(late == 1) }'
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# TCP Fast Open without a cookie: client net.ipv4.tcp_fastopen = 0x5
# (client on, data in the SYN without a cookie), server 0x202 (server on,
# accept SYN data without a cookie) and TCP_FASTOPEN on the listener. The
# client's connect is TCP_FASTOPEN_CONNECT, so its first write goes on the
# SYN.
sc_syn_data() {
	setup_direct
	nsx "$FT_CLI" sysctl -qw net.ipv4.tcp_fastopen=5
	nsx "$FT_SRV" sysctl -qw net.ipv4.tcp_fastopen=0x202
	cap_start syn-data "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" --fastopen accept readn 100 send 100 read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" --fastopen send 100 readn 100 sleep 100ms close
	finish
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 0 && tcp.len == 100" 1
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# The server closes first (server TIME-WAIT); 0.5 s later the client
# connects again from the same port 40001, and the server's TIME-WAIT socket
# accepts the new SYN (its ISN and timestamp are newer). Two connections on
# one 4-tuple; the second closes client first.
sc_port_reuse() {
	setup_direct
	cap_start port-reuse "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 close accept readn 100 send 100 read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 readn 100 read close \
		sleep 500ms connect "$SRV" --bind "$CLI" send 100 readn 100 sleep 100ms close
	finish
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 0" 2
	expect_awk "first close not server-first" '$2 == "0x0011" && !d { d = 1; r = ($1 != 5000) } END { exit r }'
	expect_awk "second SYN does not come after the server's TIME-WAIT began" '$2 == "0x0011" && $1 == 5000 && !sf { sf = 1 } $2 == "0x0002" { n++; if (n == 2 && sf) ok = 1 } END { exit !ok }'
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# A client-closed connection from port 40001, 61 s of silence (Linux
# TIME-WAIT lasts 60 s), then a short connection from port 40002. At the
# end the kernel has forgotten 40001 and holds 40002 in TIME-WAIT.
sc_time_wait_expire() {
	setup_direct
	cap_start time-wait-expire "$FT_CLI" eth0
	drive "$FT_SRV" -deadline 80 listen "$SRV" accept readn 100 send 100 read close accept readn 100 send 100 read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" -deadline 80 connect "$SRV" --bind "$CLI" send 100 readn 100 close \
		sleep 61s connect "$SRV" --bind "$CLI4:40002" send 100 readn 100 close
	finish
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 0" 2
	expect_awk "gap between the connections under 61 s" '$2 == "0x0002" { n++; t[n] = $6 } END { exit !(t[2] - t[1] >= 61) }'
	expect_state "$FT_CLI" TIME-WAIT "$CLI4:40002" "$SRV"
	if grep -q "$CLI " "$WORK/time-wait-expire.ss"; then check_fail "ss still shows $CLI"; fi
}

# An established, idle connection; hping3 in the client namespace forges two
# RSTs from the client's address and port: first one 2^30 beyond the
# server's RCV.NXT (out of window: silently dropped), then one 1000 beyond
# it (in window but not exact: RFC 5961 challenge ACK). RCV.NXT is read from
# the running capture. The connection survives and closes normally.
# Captured at the server.
sc_rst_injected() {
	setup_direct
	cap_start rst-injected "$FT_SRV" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 read close hold
	wait_listen "$FT_SRV" 5000
	drive "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 readn 100 sleep 3500ms send 100 sleep 100ms close
	local cli=$DRIVE_PID
	sleep 0.5
	local nxt
	nxt=$(last_seq "$CAP_FILE" "$CLI4" 40001)
	[ -n "$nxt" ] || die "rst-injected: no client segment captured yet"
	log "rst-injected: server RCV.NXT $nxt"
	local far=$(((nxt + 1073741824) % 4294967296)) near=$(((nxt + 1000) % 4294967296))
	timeout 10 ip netns exec "$FT_CLI" hping3 -q -I eth0 --rst -s 40001 -k -p 5000 -M "$far" -c 1 "$SRV4" >>"$LOGS/hping3.log" 2>&1 || true
	sleep 0.3
	timeout 10 ip netns exec "$FT_CLI" hping3 -q -I eth0 --rst -s 40001 -k -p 5000 -M "$near" -c 1 "$SRV4" >>"$LOGS/hping3.log" 2>&1 || true
	wait_pid "$cli" 5
	finish
	expect_count "tcp.flags.reset == 1" 2
	expect_awk "no challenge ACK right after the in-window RST" '$2 == "0x0004" { n++; next } n == 2 && !seen { seen = 1; ok = ($1 == 5000 && $2 == "0x0010") } END { exit !ok }'
	expect_count "tcp.flags.fin == 1" 2
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# client-close over IPv6.
sc_ipv6() {
	setup_direct
	cap_start ipv6 "$FT_CLI" eth0
	drive "$FT_SRV" listen "[$SRV6]:5000" accept readn 1000 send 2000 read sleep 200ms close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "[$SRV6]:5000" --bind "[$CLI6]:40001" send 1000 readn 2000 sleep 100ms close
	finish
	expect_count "ipv6 && tcp.flags.syn == 1 && tcp.flags.ack == 0" 1
	expect_count "tcp.flags.fin == 1" 2
	expect_close4
	expect_state "$FT_CLI" TIME-WAIT "[$CLI6]:40001" "[$SRV6]:5000"
}

# client-close captured three other ways: on the "any" pseudo-interface in
# the server namespace (link type LINUX_SLL2), by dumpcap as pcapng (the
# file keeps the .pcap name; its magic says pcapng), and with nanosecond
# timestamps (pcap magic 0xa1b23c4d).
client_close_as() {
	setup_direct
	cap_start "$@"
	drive "$FT_SRV" listen "$SRV" accept readn 1000 send 2000 read sleep 200ms close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 1000 readn 2000 sleep 100ms close
	finish
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 0" 1
	expect_count "tcp.flags.fin == 1" 2
	expect_close4
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}
sc_any_sll2() { client_close_as any-sll2 "$FT_SRV" any tcpdump -y LINUX_SLL2; }
sc_pcapng() { client_close_as pcapng "$FT_CLI" eth0 dumpcap; }
sc_nanosecond() { client_close_as nanosecond "$FT_CLI" eth0 tcpdump --time-stamp-precision=nano; }

# nmap SYN scan of ports 1-200 from the client namespace; the server listens
# on 22, 80 and 143. Open ports answer SYN-ACK (and the scanner resets
# them), closed ports answer RST-ACK. Captured at the server.
sc_syn_scan() {
	setup_direct
	cap_start syn-scan "$FT_SRV" eth0
	drive "$FT_SRV" listen "$SRV4:22" listen "$SRV4:80" listen "$SRV4:143" hold
	wait_listen "$FT_SRV" 143
	timeout 60 ip netns exec "$FT_CLI" nmap -sS -p 1-200 -n -Pn --max-retries 1 -e eth0 "$SRV4" >>"$LOGS/nmap.log" 2>&1 || log "nmap failed: $(tail -3 "$LOGS/nmap.log")"
	finish
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 0" 200 400
	expect_count "tcp.flags.syn == 1 && tcp.flags.ack == 1" 3 6
	expect_count "tcp.flags.reset == 1 && tcp.flags.ack == 1 && tcp.srcport == 5000" 0
	expect_count "tcp.flags.reset == 1 && tcp.flags.ack == 1 && ip.src == 10.77.0.2" 190 400
	expect_state "$FT_SRV" LISTEN "$SRV4:22" "0.0.0.0:*"
	expect_state "$FT_SRV" LISTEN "$SRV4:80" "0.0.0.0:*"
	expect_state "$FT_SRV" LISTEN "$SRV4:143" "0.0.0.0:*"
}

# ---- Sequence analysis (issue 3): loss, reordering, windows, keep-alives.
# The checks use tshark's own tcp.analysis fields, so each trace is known to
# carry the class it exists for.

# One data segment lost after the capture point: delaybridge (5 ms each way)
# drops the client's 2nd data segment; the capture at ft-cli eth0 shows it
# leave, and its retransmission by the timer (TLP/RTO: nothing else is in
# flight, so no duplicate ACKs).
sc_loss_rto() {
	setup_bridge -delay 5ms -drop ab:data:2
	cap_start loss-rto "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 300 send 100 read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 sleep 100ms send 100 sleep 700ms send 100 readn 100 sleep 100ms close
	finish
	expect_count "tcp.analysis.retransmission" 1
	expect_count "tcp.analysis.fast_retransmission" 0
	expect_count "tcp.analysis.duplicate_ack" 0
	expect_count "tcp.analysis.lost_segment" 0
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# A 200 KB write; delaybridge (5 ms each way) drops the 30th data segment,
# after the capture point at ft-cli eth0. The server's duplicate ACKs with
# SACK blocks trigger a fast retransmission.
sc_loss_fast() {
	setup_bridge -delay 5ms -drop ab:data:30
	cap_start loss-fast "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 200000 sleep 300ms close
	sleep 0.3
	finish
	expect_count "tcp.analysis.duplicate_ack && tcp.options.sack_le" 3 200
	expect_count "tcp.analysis.fast_retransmission" 1
	expect_count "tcp.analysis.retransmission" 1
	expect_count "tcp.analysis.lost_segment" 0
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# As loss-fast (100 KB) but captured at ft-srv eth0, after the drop: the
# capture never sees the lost segment ("previous segment not captured" on
# the next one), then the server's duplicate ACKs and the retransmission
# that fills the hole.
sc_loss_upstream() {
	setup_bridge -delay 5ms -drop ab:data:30
	cap_start loss-upstream "$FT_SRV" eth0
	drive "$FT_SRV" listen "$SRV" accept read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 100000 sleep 300ms close
	sleep 0.3
	finish
	expect_count "tcp.analysis.lost_segment" 1
	expect_count "tcp.analysis.duplicate_ack" 3 200
	expect_count "tcp.analysis.retransmission || tcp.analysis.out_of_order" 1
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# The capture misses a segment the server did receive: the capture filter
# at ft-srv eth0 leaves out the one segment whose payload starts with
# "XXXX" (the client's 2nd write, 100 bytes of 'X'). The server ACKs it
# (an ACK of data the capture never saw); the client's next segment starts
# beyond the last one captured.
sc_acked_unseen() {
	setup_direct
	CAP_FILTER='tcp and not (ip[2:2] - ((ip[0] & 0xf) << 2) - ((tcp[12] & 0xf0) >> 2) >= 4 and tcp[((tcp[12] & 0xf0) >> 2):4] = 0x58585858)'
	cap_start acked-unseen "$FT_SRV" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 300 send 100 read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 sleep 100ms send 100 --byte X sleep 100ms send 100 readn 100 sleep 100ms close
	finish
	expect_count "tcp.srcport == 40001 && tcp.len == 100" 2
	expect_count "tcp.analysis.ack_lost_segment" 2
	expect_count "tcp.analysis.lost_segment" 1
	expect_count "tcp.analysis.retransmission" 0
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# A 100 KB write through delaybridge (5 ms each way) with -swap: the 20th,
# 40th and 60th data segments each reach the server right behind the one
# sent after them. Captured at ft-srv eth0: three times a segment beyond a
# hole ("previous segment not captured"), the server's immediate ACK with a
# SACK block (a duplicate ACK when the previous ACK had the same number),
# then the missing one, out of order; nothing is retransmitted.
sc_reorder_bulk() {
	setup_bridge -delay 5ms -swap ab:data:20:1 -swap ab:data:40:1 -swap ab:data:60:1
	cap_start reorder-bulk "$FT_SRV" eth0
	drive "$FT_SRV" listen "$SRV" accept read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 100000 sleep 300ms close
	sleep 0.3
	finish
	expect_count "tcp.analysis.out_of_order" 3
	expect_count "tcp.analysis.lost_segment" 3
	expect_count "tcp.analysis.retransmission" 0
	expect_count "tcp.analysis.duplicate_ack" 0 3
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# The server's receive buffer is small (SO_RCVBUF 4096 on the listener: a
# 2896-byte window) and its program does not read for 2 s; the client
# writes 30 KB and shuts down its side. The client fills the window, the
# server advertises a zero window, the client probes it with the persist
# timer (Linux probes are bare ACKs with seq SND.UNA-1, backing off), the
# server answers each probe with a zero window; when the server reads, its
# window update (same ack, window 2896) lets the rest through. Two sysctls
# keep the trace to the zero-window story: tcp_early_retrans=0 in ft-cli
# (no tail loss probe: the server's delayed ACK, held back because its
# window is shrinking, would otherwise draw a spurious TLP retransmission)
# and tcp_invalid_ratelimit=0 in ft-srv (the server answers every probe;
# by default it answers out-of-window segments at most every 500 ms).
# Captured at ft-cli eth0.
sc_zero_window() {
	setup_direct
	nsx "$FT_CLI" sysctl -qw net.ipv4.tcp_early_retrans=0
	nsx "$FT_SRV" sysctl -qw net.ipv4.tcp_invalid_ratelimit=0
	cap_start zero-window "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" --rcvbuf 4096 accept sleep 2s read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 30000 shutdown read close
	finish
	expect_count "tcp.analysis.zero_window" 3 40
	expect_count "tcp.analysis.window_full" 1 40
	expect_count "tcp.analysis.window_update" 1 40
	expect_count "tcp.analysis.keep_alive" 3 6
	expect_count "tcp.analysis.retransmission" 0
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# Linux never sends the 1-byte zero-window probe tshark's
# tcp.analysis.zero_window_probe describes (its persist timer sends a bare
# ACK with seq SND.UNA-1, which tshark calls a keep-alive), but BSD and
# Windows stacks do. So, as in zero-window, the server stalls with a zero
# window; about 0.5 s in, hping3 in ft-cli sends such a probe as those
# stacks would: from 10.77.0.1:40001, ACK flag, seq SND.NXT, the client's
# current ack, and the one next byte of the client's stream. The server
# refuses it (zero window) with an ACK advertising window 0, the probe ACK.
# Linux's own probes go on around it. Captured at ft-cli eth0 (the forged
# probe is captured on its way out).
sc_zero_window_probe() {
	setup_direct
	nsx "$FT_CLI" sysctl -qw net.ipv4.tcp_early_retrans=0
	nsx "$FT_SRV" sysctl -qw net.ipv4.tcp_invalid_ratelimit=0
	cap_start zero-window-probe "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" --rcvbuf 4096 accept sleep 1500ms read close hold
	wait_listen "$FT_SRV" 5000
	drive "$FT_CLI" connect "$SRV" --bind "$CLI" send 20000 shutdown read close
	local cli=$DRIVE_PID
	sleep 0.5
	local seq len rel ack
	read -r seq len rel < <(tshark -r "$CAP_FILE" -Y "ip.src == $CLI4 && tcp.srcport == 40001 && tcp.len > 0" -T fields -e tcp.seq_raw -e tcp.len -e tcp.seq 2>/dev/null | tail -n 1)
	[ -n "$seq" ] || die "zero-window-probe: no client data segment captured yet"
	ack=$(tshark -r "$CAP_FILE" -Y "ip.src == $CLI4 && tcp.srcport == 40001" -T fields -e tcp.ack_raw 2>/dev/null | tail -n 1)
	local nxt=$(((seq + len) % 4294967296)) off=$((rel + len - 1))
	log "zero-window-probe: client SND.NXT $nxt (stream offset $off), ack $ack"
	# tcpdrive's send fills with a..z repeated: the byte at offset off.
	printf "\\$(printf '%03o' $((97 + off % 26)))" >"$WORK/probe"
	timeout 10 ip netns exec "$FT_CLI" hping3 -q -I eth0 -A -s 40001 -k -p 5000 -M "$nxt" -L "$ack" -w 63 -d 1 -E "$WORK/probe" -c 1 "$SRV4" >>"$LOGS/hping3.log" 2>&1 || true
	wait_pid "$cli" 5
	finish
	expect_count "tcp.analysis.zero_window_probe" 1
	expect_count "tcp.analysis.zero_window_probe_ack" 1
	expect_count "tcp.analysis.zero_window" 2 40
	expect_count "tcp.analysis.window_update" 1 40
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# zero-window with a short stall: the server reads 250 ms in, after its
# window closed (~130 ms) but before the client's persist timer fires, so
# the trace has window-full segments, one zero window and a pure window
# update, and no probes. tcp_early_retrans=0 in ft-cli as in zero-window.
# Captured at ft-cli eth0.
sc_window_update() {
	setup_direct
	nsx "$FT_CLI" sysctl -qw net.ipv4.tcp_early_retrans=0
	cap_start window-update "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" --rcvbuf 4096 accept sleep 250ms read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 12000 shutdown read close
	finish
	expect_count "tcp.analysis.window_update" 1 3
	expect_count "tcp.analysis.zero_window" 1 3
	expect_count "tcp.analysis.keep_alive" 0
	expect_count "tcp.analysis.retransmission" 0
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# The client sets SO_KEEPALIVE with TCP_KEEPIDLE 1 s, TCP_KEEPINTVL 1 s,
# TCP_KEEPCNT 5, exchanges 100 bytes each way and idles 3.5 s: keep-alives
# (seq SND.NXT-1, no payload) at about 1, 2 and 3 s, each answered by the
# server. Captured at ft-cli eth0.
sc_keepalive() {
	setup_direct
	cap_start keepalive "$FT_CLI" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" keepalive 1:1:5 send 100 readn 100 sleep 3500ms close
	finish
	expect_count "tcp.analysis.keep_alive" 3 4
	expect_count "tcp.analysis.keep_alive_ack" 3 4
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# delaybridge (5 ms each way) drops the server's first bare ACK (of the
# client's 100 bytes). The capture at ft-srv eth0 sees that ACK leave, then
# the client's retransmission of the acknowledged bytes (spurious), then
# the server's duplicate ACK with a D-SACK block.
sc_spurious_retrans() {
	setup_bridge -delay 5ms -drop ba:ack:1
	cap_start spurious-retrans "$FT_SRV" eth0
	drive "$FT_SRV" listen "$SRV" accept read close hold
	wait_listen "$FT_SRV" 5000
	drive_fg "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 sleep 800ms close
	sleep 0.3
	finish
	expect_count "tcp.analysis.spurious_retransmission" 1
	expect_count "tcp.analysis.duplicate_ack" 1
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

# The client sends 100 bytes (a..v repeated); hping3 in ft-cli then forges
# a segment from 10.77.0.1:40001 with the same sequence range, an
# acceptable ACK and 100 different bytes ("INJECTED..." repeated). The
# server, already past it, answers with a duplicate ACK (D-SACK). Seq and
# ack are read from the running capture. Full payloads are captured
# (snaplen 1600) so the two versions can be compared. Captured at ft-srv
# eth0.
sc_retrans_differ() {
	setup_direct
	CAP_SNAP=1600
	cap_start retrans-differ "$FT_SRV" eth0
	drive "$FT_SRV" listen "$SRV" accept readn 100 send 100 read close hold
	wait_listen "$FT_SRV" 5000
	drive "$FT_CLI" connect "$SRV" --bind "$CLI" send 100 readn 100 sleep 1500ms send 100 sleep 100ms close
	local cli=$DRIVE_PID
	sleep 0.5
	local seq ack
	read -r seq ack < <(tshark -r "$CAP_FILE" -Y "ip.src == $CLI4 && tcp.srcport == 40001 && tcp.len == 100" -T fields -e tcp.seq_raw -e tcp.ack_raw 2>/dev/null | head -n 1)
	[ -n "$seq" ] || die "retrans-differ: no client data segment captured yet"
	ack=$(tshark -r "$CAP_FILE" -Y "ip.src == $CLI4 && tcp.srcport == 40001" -T fields -e tcp.ack_raw 2>/dev/null | tail -n 1)
	log "retrans-differ: client data seq $seq, ack $ack"
	local payload=$WORK/payload
	printf 'INJECTED-%.0s' $(seq 12) | head -c 100 >"$payload"
	timeout 10 ip netns exec "$FT_CLI" hping3 -q -I eth0 -A -s 40001 -k -p 5000 -M "$seq" -L "$ack" -w 502 -d 100 -E "$payload" -c 1 "$SRV4" >>"$LOGS/hping3.log" 2>&1 || true
	wait_pid "$cli" 5
	finish
	expect_count "tcp.srcport == 40001 && tcp.len == 100" 3
	expect_count "tcp.analysis.retransmission" 1
	expect_count "tcp.analysis.duplicate_ack" 1 2
	expect_count "tcp.payload contains \"INJECTED\"" 1
	expect_state "$FT_CLI" TIME-WAIT "$CLI" "$SRV"
}

ALL=(client-close server-close close-3seg refused unanswered-syn syn-retransmit synack-retransmit
	half-close close-wait-stuck fin-retransmit last-ack-stuck rst-client-abort rst-server-abort
	rst-unread-data midstream starts-with-fin simultaneous-open simultaneous-close reorder
	syn-data port-reuse time-wait-expire rst-injected ipv6 any-sll2 pcapng nanosecond syn-scan
	loss-rto loss-fast loss-upstream acked-unseen reorder-bulk zero-window zero-window-probe window-update keepalive
	spurious-retrans retrans-differ)

FAILED=()
run_scenario() {
	local name=$1 fn=sc_${1//-/_}
	declare -F "$fn" >/dev/null || die "unknown scenario $name (known: ${ALL[*]})"
	log "== $name"
	CHECK_FAILS=0
	CAP_SNAP=""
	CAP_FILTER=""
	"$fn"
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
