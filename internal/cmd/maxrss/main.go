//go:build unix

// Command maxrss runs a command and writes its peak resident set size.
// TestMemoryTextBounded uses it to measure flowtrace alone:
//
//	maxrss -o FILE COMMAND [ARG...]
//
// The command inherits standard input, output and error; maxrss exits
// with its status and writes its ru_maxrss (in KiB, as Linux reports it)
// to FILE.
//
// Measuring from a small process matters: on Linux a child's ru_maxrss
// starts at its parent's peak RSS (the address space the child was forked
// from counts until exec), so a command run straight from a large test
// binary reports at least the test binary's own peak.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
)

func main() {
	if len(os.Args) < 4 || os.Args[1] != "-o" {
		fmt.Fprintln(os.Stderr, "usage: maxrss -o FILE COMMAND [ARG...]")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[3], os.Args[4:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		fmt.Fprintf(os.Stderr, "maxrss: %v\n", err)
		os.Exit(1)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if err := os.WriteFile(os.Args[2], []byte(strconv.FormatInt(int64(ru.Maxrss), 10)+"\n"), 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "maxrss: %v\n", err)
		os.Exit(1)
	}
	os.Exit(cmd.ProcessState.ExitCode())
}
