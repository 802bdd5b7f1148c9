package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// profileFlags are the flags that profile a command, as go test's do.
type profileFlags struct {
	cpu, mem *string
}

func defineProfileFlags(fset *flag.FlagSet) profileFlags {
	return profileFlags{
		cpu: fset.String("cpuprofile", "", "write a CPU profile to `file`, for go tool pprof"),
		mem: fset.String("memprofile", "", "write a memory profile to `file` at the end, for go tool pprof"),
	}
}

// start starts the CPU profile, if asked for; stop ends it and writes the
// memory profile, if asked for.
func (p profileFlags) start() (stop func() error, err error) {
	var cpu *os.File
	if *p.cpu != "" {
		if cpu, err = os.Create(*p.cpu); err != nil {
			return nil, fmt.Errorf("profiling: %w", err)
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			cpu.Close()
			return nil, fmt.Errorf("profiling: %w", err)
		}
	}
	return func() error {
		var errs []error
		if cpu != nil {
			pprof.StopCPUProfile()
			errs = append(errs, cpu.Close())
		}
		if *p.mem != "" {
			errs = append(errs, writeHeapProfile(*p.mem))
		}
		if err := errors.Join(errs...); err != nil {
			return fmt.Errorf("profiling: %w", err)
		}
		return nil
	}, nil
}

// writeHeapProfile writes the profile of memory allocated and in use.
func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	runtime.GC() // so that the profile's figures for memory in use are current
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
