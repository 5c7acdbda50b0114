package main

import (
	"fmt"
	"os"
	"os/user"
	"strconv"
	"syscall"
)

// dropPrivileges is tcpdump's -Z: when flowtrace runs as root it becomes
// name (its uid, primary gid and supplementary groups) once the capture
// handle is open, so a bug in parsing hostile packets runs as an
// unprivileged user. It reports whether it switched. Not being root is
// not an error: there is nothing to give up (a binary with file
// capabilities keeps them; see README).
//
// Go's syscall.Setuid and friends apply to every thread of the process
// (Go 1.16 and later; with cgo, through the C library's broadcast).
func dropPrivileges(name string) (bool, error) {
	if os.Geteuid() != 0 && os.Getuid() != 0 {
		return false, nil
	}
	u, err := user.Lookup(name)
	if err != nil {
		return false, fmt.Errorf("cannot drop root privileges: %v\n  choose an existing user with -Z USER, or stay root with --keep-root", err)
	}
	uid, err1 := strconv.Atoi(u.Uid)
	gid, err2 := strconv.Atoi(u.Gid)
	if err1 != nil || err2 != nil {
		return false, fmt.Errorf("cannot drop root privileges: user %s has a non-numeric uid %q or gid %q", name, u.Uid, u.Gid)
	}
	if uid == 0 {
		return false, fmt.Errorf("cannot drop root privileges: user %s is root (uid 0); use --keep-root to stay root on purpose", name)
	}
	groups := []int{gid}
	if ids, err := u.GroupIds(); err == nil {
		for _, s := range ids {
			if g, err := strconv.Atoi(s); err == nil && g != gid {
				groups = append(groups, g)
			}
		}
	}
	if err := syscall.Setgroups(groups); err != nil {
		return false, fmt.Errorf("cannot drop root privileges: setgroups: %v", err)
	}
	if err := syscall.Setgid(gid); err != nil {
		return false, fmt.Errorf("cannot drop root privileges: setgid %d: %v", gid, err)
	}
	if err := syscall.Setuid(uid); err != nil {
		return false, fmt.Errorf("cannot drop root privileges: setuid %d: %v", uid, err)
	}
	// Make sure it cannot be undone.
	if syscall.Setuid(0) == nil {
		return false, fmt.Errorf("cannot drop root privileges: setuid(0) still succeeds after switching to %s", name)
	}
	return true, nil
}
