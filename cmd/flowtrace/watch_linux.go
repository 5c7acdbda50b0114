package main

import (
	"os"
	"syscall"
	"unsafe"
)

// termSize returns the terminal's columns and rows, 80×24 if unknown.
func termSize(f *os.File) (cols, rows int) {
	var ws struct{ Row, Col, X, Y uint16 }
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(&ws)))
	if e != 0 || ws.Col == 0 || ws.Row == 0 {
		return 80, 24
	}
	return int(ws.Col), int(ws.Row)
}

// cbreak puts terminal f in cbreak mode: keys are read one by one,
// unechoed, while Ctrl-C still sends SIGINT. It returns the function that
// restores the previous mode.
func cbreak(f *os.File) (restore func(), err error) {
	var old syscall.Termios
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TCGETS, uintptr(unsafe.Pointer(&old))); e != 0 {
		return nil, e
	}
	t := old
	t.Lflag &^= syscall.ICANON | syscall.ECHO
	t.Cc[syscall.VMIN], t.Cc[syscall.VTIME] = 1, 0
	set := func(t *syscall.Termios) error {
		if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TCSETS, uintptr(unsafe.Pointer(t))); e != 0 {
			return e
		}
		return nil
	}
	if err := set(&t); err != nil {
		return nil, err
	}
	return func() { set(&old) }, nil
}
