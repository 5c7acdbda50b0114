//go:build !linux

package main

import (
	"errors"
	"os"
)

// termSize returns 80×24: the size is read only on Linux.
func termSize(*os.File) (cols, rows int) { return 80, 24 }

// cbreak fails: keys are read only on Linux.
func cbreak(*os.File) (func(), error) { return nil, errors.New("no cbreak mode on this system") }
