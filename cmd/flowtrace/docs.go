package main

import (
	"fmt"
	"io"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"

	"github.com/flowtrace/flowtrace/internal/flagdoc"
)

// manual is flowtrace's documentation besides the flags: --help prints
// the synopsis, examples and footer, the man page (flowtrace.1, rendered
// by TestManPage) all of it.
func manual() *flagdoc.Page {
	return &flagdoc.Page{
		Name:    "flowtrace",
		Summary: "replay both endpoints' TCP state machines from a capture file or a live interface",
		Synopsis: []string{
			"[flags] -r FILE [BPF filter]",
			"[flags] -i IFACE [BPF filter]",
			"-D",
			"schema clickhouse [--cluster NAME] [--database NAME]",
		},
		Desc: []string{
			"flowtrace reads TCP traffic from a pcap or pcapng file (optionally gzip or zstd compressed, or standard input) or captures it live, " +
				"and replays every segment through the RFC 9293 state machines of both endpoints of each connection. " +
				"It prints each state transition with its reason, then a connection table and a histogram of final endpoint states; " +
				"with --json the same as JSON Lines, one record per line.",
			"Trailing arguments are a BPF filter in tcpdump syntax (see pcap-filter(7)); it applies to files too. " +
				"Results go to standard output, diagnostics to standard error. The output is deterministic: the same input gives the same bytes.",
		},
		Groups: []string{groupInput, groupOutput, groupDrill, groupTracker, groupLive, groupSink, groupProfile},
		Examples: []flagdoc.Example{
			{Cmd: "flowtrace -r trace.pcap", Text: "annotated transcript, connection table, histogram"},
			{Cmd: "flowtrace -r trace.pcapng --json", Text: "the same as JSON Lines"},
			{Cmd: "tcpdump -w - | flowtrace -r -", Text: "read standard input"},
			{Cmd: "flowtrace -nr trace.pcap 'tcp port 443'", Text: "trailing arguments are a BPF filter"},
			{Cmd: "flowtrace -r trace.pcap --state CLOSE-WAIT", Text: "only connections stuck in CLOSE-WAIT"},
			{Cmd: "flowtrace -r trace.pcap --conn c42 -w c42.pcap", Text: "one connection in full, saved for Wireshark"},
			{Cmd: "flowtrace -r trace.pcap --zeek-log logs", Text: "also write logs/conn.log for zeek-cut"},
			{Cmd: "sudo flowtrace -i eth0 -w s.pcap", Text: "capture live, save for replay"},
			{Cmd: "sudo flowtrace -i any --watch", Text: "a refreshed view of states, like top"},
			{Cmd: "flowtrace schema clickhouse | clickhouse-client -n", Text: "the ClickHouse tables for --sink"},
		},
		Footer: "Exit status: 0 ok (a live capture stopped by Ctrl-C included), 1 runtime error (damaged or unreadable input, interface down), 2 usage error, 3 a check failed (--forbid, --require, --max, --expect).\n" +
			"Live capture needs root or CAP_NET_RAW, nothing else. To let users capture:\n" +
			"  sudo setcap cap_net_raw=p $(command -v flowtrace)\n" +
			"More in the man page: man flowtrace (or man -l doc/flowtrace.1).",
		Sections: []flagdoc.Section{
			{Title: "Exit status", Paras: []string{
				"0 on success, a live capture stopped by Ctrl-C or SIGTERM included. " +
					"1 on a runtime error: a missing, unreadable, damaged or truncated capture file, an unsupported link type, an interface that went down; " +
					"everything read before the error is still analysed and printed. " +
					"2 on a usage error: an unknown flag, a missing -r or -i, an invalid value, conflicting flags, a bad BPF filter, a rule that cannot be parsed (the message shows the rule with a caret under the column). " +
					"3 when a check failed: a --forbid, --require or --max rule was broken, or the output differs from the --expect file; the verdict, with the connections that broke each rule, is on standard error.",
			}},
			{Title: "Permissions", Paras: []string{
				"Reading files needs no privilege. Capturing live needs root or the capability CAP_NET_RAW, nothing else: " +
					"libpcap opens a packet socket with it and sets promiscuous mode through that socket. " +
					"To let ordinary users capture, give the binary the capability in its permitted set only:",
				"\tsudo setcap cap_net_raw=p /usr/local/bin/flowtrace",
				"flowtrace raises CAP_NET_RAW into its effective set only while it opens the interface, and never for -r. " +
					"Without the effective bit (=p rather than =eip) the kernel runs the binary even where CAP_NET_RAW is not allowed " +
					"(a container started with --cap-drop ALL, Podman's defaults, no_new_privs), so reading files keeps working there.",
				"Started as root, flowtrace switches to user nobody (-Z) once the interface is open, before it creates the -w file.",
			}},
			{Title: "See also", Paras: []string{"tcpdump(8), pcap-filter(7), setcap(8), capabilities(7), ss(8)"}},
		},
	}
}

// completion is --completion SHELL (parseFlags checked the name).
func completion(w io.Writer, fs *pflag.FlagSet, shell string) error {
	if shell == "zsh" {
		return flagdoc.Zsh(w, fs, "flowtrace")
	}
	return flagdoc.Bash(w, fs, "flowtrace")
}

// versionString is --version: the version set by the linker, or else the
// module's as go build recorded it (v1.2.3 from go install or a tagged
// checkout; "(devel)" for an untagged one), then the VCS revision, commit
// time and "dirty" that go build records, and the Go version.
func versionString(linked string) string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return formatVersion(linked, bi, runtime.Version())
}

// pseudoVersion matches the version go build derives from an untagged
// commit (v0.0.0-20261129040000-6478f39c0a1b): it says nothing the
// revision and time do not.
var pseudoVersion = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+-(.*\.)?[0-9]{14}-[0-9a-f]{12}$`)

func formatVersion(linked string, bi *debug.BuildInfo, goVersion string) string {
	v := linked
	dirty := false
	if v == "" && bi != nil {
		v, dirty = strings.CutSuffix(bi.Main.Version, "+dirty")
		if pseudoVersion.MatchString(v) {
			v = ""
		}
	}
	if v == "" {
		v = "(devel)"
	}
	parts := []string{"flowtrace", v}
	if bi != nil {
		set := map[string]string{}
		for _, s := range bi.Settings {
			set[s.Key] = s.Value
		}
		if rev := set["vcs.revision"]; rev != "" && !strings.Contains(v, rev[:min(len(rev), 7)]) {
			parts = append(parts, rev[:min(len(rev), 12)])
		}
		if t := set["vcs.time"]; t != "" {
			parts = append(parts, t)
		}
		dirty = dirty || set["vcs.modified"] == "true"
	}
	if dirty && !strings.HasSuffix(v, "dirty") {
		parts = append(parts, "dirty")
	}
	return fmt.Sprintf("%s (%s)", strings.Join(parts, " "), goVersion)
}
