package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"protosite/site/corpus"
)

// binary builds the protosite command once per benchmark run.
func binary(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "protosite")
	cmd := exec.Command("go", "build", "-o", bin, "../../cmd/protosite")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("building protosite: %v", err)
	}
	return bin
}

// generated returns a content directory with n synthetic laws, or the
// real content for n = 0.
func generated(b *testing.B, n int) string {
	b.Helper()
	if n == 0 {
		abs, err := filepath.Abs("../../content")
		if err != nil {
			b.Fatal(err)
		}
		return abs
	}
	dir := filepath.Join(b.TempDir(), "content")
	if err := corpus.Generate("../../content", dir, n); err != nil {
		b.Fatalf("generating %d documents: %v", n, err)
	}
	return dir
}

// cpuTime is the CPU time a process took, in user space and in the kernel.
type cpuTime struct{ user, sys time.Duration }

// run runs the binary and returns its wall time, peak resident memory,
// output and CPU time. Its collector reports each collection in the
// output (withGCTrace).
func run(b *testing.B, bin string, args ...string) (time.Duration, int64, string, cpuTime) {
	b.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = withGCTrace()
	var out strings.Builder
	cmd.Stdout = &out
	cmd.Stderr = &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s %v: %v\n%s", bin, args, err, out.String())
	}
	elapsed := time.Since(start)
	var peak int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peak = ru.Maxrss * 1024 // kilobytes on Linux
	}
	cpu := cpuTime{user: cmd.ProcessState.UserTime(), sys: cmd.ProcessState.SystemTime()}
	return elapsed, peak, out.String(), cpu
}
