// Package profile writes Go CPU and heap profiles of a flowtrace run, for
// --cpuprofile and --memprofile. It owns nothing but the two files.
package profile

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// Profiles are the profile files of one run; an empty name is no profile.
type Profiles struct {
	CPU string // --cpuprofile: sampled from Start to Stop
	Mem string // --memprofile: the heap at Stop, with every allocation since the start
	cpu *os.File
	mem *os.File
}

// Start creates both files, so that a bad path fails before the run and
// a live capture can write them after it gives up root, and starts the
// CPU profile.
func (p *Profiles) Start() error {
	if p.Mem != "" {
		f, err := os.Create(p.Mem)
		if err != nil {
			return fmt.Errorf("--memprofile: %w", err)
		}
		p.mem = f
	}
	if p.CPU == "" {
		return nil
	}
	f, err := os.Create(p.CPU)
	if err != nil {
		p.Stop()
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("--cpuprofile %s: %w", p.CPU, err)
	}
	p.cpu = f
	return nil
}

// Stop ends the CPU profile and writes the heap profile.
func (p *Profiles) Stop() error {
	var errs []error
	if p.cpu != nil {
		pprof.StopCPUProfile()
		if err := p.cpu.Close(); err != nil {
			errs = append(errs, fmt.Errorf("--cpuprofile %s: %w", p.CPU, err))
		}
		p.cpu = nil
	}
	if p.mem != nil {
		if err := writeHeap(p.mem); err != nil {
			errs = append(errs, fmt.Errorf("--memprofile %s: %w", p.Mem, err))
		}
		p.mem = nil
	}
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

func writeHeap(f *os.File) error {
	runtime.GC() // the live heap as of now, not of the last collection
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
