//go:build !unix

package build

import "time"

// processCPU is the CPU time the process has used: 0, for this system
// does not say.
func processCPU() time.Duration { return 0 }
