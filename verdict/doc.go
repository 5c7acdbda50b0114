// Package verdict owns flowtrace's CI assertions: the rule language of
// --forbid, --require, --max and --rules files ([Parse], [ParseRules]),
// their evaluation over one input's connection records and findings
// ([Evaluate]), the text verdict and the JUnit XML report ([Suite],
// [WriteJUnit]). A [Collector] (a tracker.Observer) gathers the records
// during a run; cmd/flowtrace wires the flags to it and exits 3 when a
// rule is broken.
//
// # Rules
//
// A rule is a verb and a body. On the command line the flag is the verb
// (--forbid 'state=CLOSE-WAIT'); in a rules file each line starts with it
// (forbid state=CLOSE-WAIT), # starts a comment.
//
//	forbid COND                  no connection may match COND
//	forbid count(COND) CMP N     the number of matching connections may not satisfy CMP N
//	require COND                 every connection must match COND (and there must be one)
//	require count(COND) CMP N    e.g. count(conn_state=SF) >= 10
//	max FIELD=LIMIT              no connection's FIELD above LIMIT
//	max FIELD=P%                 FIELD summed over all connections, as a percentage of their segments
//	max FIELD.AGG=LIMIT          AGG is sum, min, max, mean or a percentile p1..p100 (p99: nearest rank)
//	max count(COND)=N            at most N connections match COND
//
// A condition is FIELD OP VALUE, combined with and, or, not and
// parentheses. OP is =, !=, <, <=, > or >=; only = and != apply to text.
// A VALUE runs to the next and, or, ) or the end (ended=reset by server
// is one value), or is "quoted". Text compares without case, and * in it
// matches any run of characters (subject=10.0.0.2:*). A number may have a
// unit: % (of the connection's segments: orig_retrans>1%), or ns, us,
// ms, s, m, h for a time (handshake_rtt>10ms, duration>30s).
//
// FIELD is a field of the JSON conn record (flowtrace --json: orig_state,
// resp_p, conn_state, history, end, duration, hs_rtt_ms,
// orig_zero_windows, …) or one of these derived names:
//
//	state            either endpoint's final state (CLOSE-WAIT, any case, - optional)
//	port, host       either endpoint's port or address
//	ended            how it ended, as --ended takes it: closed, reset,
//	                 refused, unanswered, incomplete, open, unknown, part of
//	                 an ending ("closed by client"), or "reset by server"
//	closed           graceful (a FIN exchange completed), reset, refused,
//	                 unanswered, incomplete, closing, open or unknown
//	X                for each per-side counter orig_X/resp_X (retrans,
//	                 zero_windows, dup_acks, pkts, bytes, …): their sum
//	                 (rtt_min_ms, rtt_mean_ms, rtt_max_ms: the larger)
//	retransmissions  orig_retrans + resp_retrans
//	packets          orig_pkts + resp_pkts
//	handshake_rtt    hs_rtt_ms, in milliseconds
//	finding, kind    a finding's kind (syn-flood, port-scan, …)
//	subject          a finding's subject (host, host:port or uid)
//	severity         a finding's severity (info, warning, alert)
//
// A condition is about connections or about findings, never both:
// forbid finding=syn-flood fails if the input has a syn-flood finding,
// require finding=port-scan if it has none. A connection that lacks a
// field (no hs_rtt_ms when the handshake was missed) matches no
// comparison on it and is left out of --max aggregates.
//
// A rule that cannot be parsed is a [SyntaxError]: the message names the
// rule's source and column and shows the rule with a caret under it.
//
// # Verdicts
//
// A broken rule's [Result] names the rule, what was measured, and up to
// [MaxOffenders] connections that broke it (uid, 4-tuple, first and last
// packet numbers, and the values of the fields the rule read), in packet
// order. Evaluation is deterministic: results depend on the records, not
// on the order connections ended.
package verdict
