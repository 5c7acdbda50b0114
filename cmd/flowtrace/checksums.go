package main

import (
	"fmt"
	"io"

	"github.com/flowtrace/flowtrace/capture"
	"github.com/flowtrace/flowtrace/printer"
)

// checksumFlag is --checksums: a capture.ChecksumMode parsed as a flag, so
// a bad value is a usage error naming the choices.
type checksumFlag struct{ m *capture.ChecksumMode }

func (f checksumFlag) String() string {
	if f.m == nil {
		return capture.ChecksumAuto.String()
	}
	return f.m.String()
}

func (f checksumFlag) Set(s string) error {
	m, err := capture.ParseChecksumMode(s)
	if err != nil {
		return fmt.Errorf("must be auto, verify or off")
	}
	*f.m = m
	return nil
}

func (checksumFlag) Type() string { return "string" }

// isChecksumReason reports whether a noted reason is a bad checksum:
// those segments are not "kept despite a defect" but dropped by their
// receivers, and diagnoseChecksums reports them.
func isChecksumReason(name string) bool {
	return name == capture.BadIPv4Checksum.String() || name == capture.BadTCPChecksum.String()
}

// diagnoseChecksums reports on stderr the segments with bad checksums the
// tracker did not apply, and, once each, the senders whose checksums were
// not verified because they offload them.
func diagnoseChecksums(w io.Writer, name string, sum printer.Summary) {
	if n := sum.Tracker.BadChecksum; n > 0 {
		fmt.Fprintf(w, "flowtrace: %s: %d segments with a bad checksum, dropped by their receivers: not applied", name, n)
		if k := sum.Tracker.BadChecksumNoConn; k > 0 {
			fmt.Fprintf(w, " (%d of no connection)", k)
		}
		fmt.Fprintln(w)
	}
	for _, a := range sum.Offload {
		fmt.Fprintf(w, "flowtrace: %s: %s: checksums not computed (offload), not verified\n", name, a)
	}
	if more := sum.OffloadSenders - uint64(len(sum.Offload)); more > 0 {
		fmt.Fprintf(w, "flowtrace: %s: and %d more senders: checksums not computed (offload), not verified\n", name, more)
	}
}
