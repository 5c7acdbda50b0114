//go:build linux

package capture

import (
	"runtime"
	"syscall"
	"unsafe"
)

// Live capture needs one capability, CAP_NET_RAW: libpcap opens an
// AF_PACKET socket with it and sets promiscuous mode through that socket
// (PACKET_ADD_MEMBERSHIP), which needs nothing more. A binary given it
// as a file capability in the permitted set only ("setcap
// cap_net_raw=p") starts with it permitted but not effective, and the
// kernel runs such a binary even where the capability cannot be granted
// (a container without NET_RAW, no_new_privs): it then simply does not
// have it, and reading files works. withNetRaw raises it into the
// effective set only while the interface is opened.

const (
	capNetRaw          = 13         // CAP_NET_RAW, linux/capability.h
	linuxCapVersion3   = 0x20080522 // _LINUX_CAPABILITY_VERSION_3
	prCapbsetRead      = 23         // PR_CAPBSET_READ
	prGetNoNewPrivs    = 39         // PR_GET_NO_NEW_PRIVS
	netRawMask         = 1 << capNetRaw
	netRawWord         = 0 // capNetRaw < 32: the first of the two words
	capUserDataEntries = 2
)

type capHeader struct {
	version uint32
	pid     int32 // 0: the calling thread
}

type capData struct {
	effective, permitted, inheritable uint32
}

// NetRaw is the process's hold on CAP_NET_RAW.
type NetRaw struct {
	Effective  bool // held now
	Permitted  bool // may be raised (root, or a file capability)
	Bounding   bool // in the bounding set: a file capability can grant it
	NoNewPrivs bool // file capabilities are ignored at exec
}

// NetRawStatus reports the calling thread's hold on CAP_NET_RAW, for
// advice when opening an interface was refused. Any field it cannot read
// is false.
func NetRawStatus() NetRaw {
	var s NetRaw
	if d, ok := capget(); ok {
		s.Effective = d[netRawWord].effective&netRawMask != 0
		s.Permitted = d[netRawWord].permitted&netRawMask != 0
	}
	if r, _, e := syscall.Syscall(syscall.SYS_PRCTL, prCapbsetRead, capNetRaw, 0); e == 0 {
		s.Bounding = r == 1
	}
	if r, _, e := syscall.Syscall(syscall.SYS_PRCTL, prGetNoNewPrivs, 0, 0); e == 0 {
		s.NoNewPrivs = r == 1
	}
	return s
}

func capget() ([capUserDataEntries]capData, bool) {
	h := capHeader{version: linuxCapVersion3}
	var d [capUserDataEntries]capData
	_, _, e := syscall.RawSyscall(syscall.SYS_CAPGET, uintptr(unsafe.Pointer(&h)), uintptr(unsafe.Pointer(&d[0])), 0)
	return d, e == 0
}

func capset(d [capUserDataEntries]capData) bool {
	h := capHeader{version: linuxCapVersion3}
	_, _, e := syscall.RawSyscall(syscall.SYS_CAPSET, uintptr(unsafe.Pointer(&h)), uintptr(unsafe.Pointer(&d[0])), 0)
	return e == 0
}

// withNetRaw runs open with CAP_NET_RAW effective if it is permitted.
// Capabilities belong to a thread, so open runs on this goroutine's
// thread, locked, and every cgo call it makes runs there too; the
// effective set is restored before the thread is unlocked. Root and
// "=eip" file capabilities already hold it: nothing changes then.
func withNetRaw(open func() error) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	d, ok := capget()
	if !ok || d[netRawWord].permitted&netRawMask == 0 || d[netRawWord].effective&netRawMask != 0 {
		return open()
	}
	raised := d
	raised[netRawWord].effective |= netRawMask
	if !capset(raised) {
		return open()
	}
	defer func() {
		if !capset(d) {
			// The thread keeps an effective capability it should not:
			// let it end with the goroutine rather than serve others.
			runtime.LockOSThread()
		}
	}()
	return open()
}
