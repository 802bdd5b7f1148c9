package bench

import (
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"
)

var pagesBuilt = regexp.MustCompile(`built (\d+) pages`)

// benchmarkBuild times whole builds, search index and static export
// included, of a corpus with n synthetic laws (0: the real content).
func benchmarkBuild(b *testing.B, n int) {
	bin := binary(b)
	content := generated(b, n)
	out := filepath.Join(b.TempDir(), "public")
	var total, user, sys, gcCPU time.Duration
	var peak int64
	var pages, gcs int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		elapsed, mem, log, cpu := run(b, bin, "build", "-content", content, "-out", out)
		total += elapsed
		user += cpu.user
		sys += cpu.sys
		peak = max(peak, mem)
		if m := pagesBuilt.FindStringSubmatch(log); m != nil {
			pages, _ = strconv.Atoi(m[1])
		}
		n, c := collections(log)
		if n == 0 {
			b.Fatalf("the build reported no collection; gctrace's format may have changed:\n%s", log)
		}
		gcs += n
		gcCPU += c
	}
	b.StopTimer()
	per := total / time.Duration(b.N)
	b.ReportMetric(float64(per.Milliseconds()), "ms/build")
	b.ReportMetric(float64(pages)/per.Seconds(), "pages/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(pages), "pages")
	// CPU time, the kernel's apart: on a file system where many files were
	// just deleted, as by an earlier benchmark's clean-up, creating files
	// costs far more system time than on a quiet one.
	b.ReportMetric(user.Seconds()/float64(b.N), "user-s")
	b.ReportMetric(sys.Seconds()/float64(b.N), "sys-s")
	// The collector's share, steadier than times on a machine whose speed
	// drifts: collections, and the CPU time they took.
	b.ReportMetric(float64(gcs)/float64(b.N), "gcs")
	b.ReportMetric(gcCPU.Seconds()/float64(b.N), "gc-cpu-s")
}

func BenchmarkBuildRealContent(b *testing.B) { benchmarkBuild(b, 0) }
func BenchmarkBuild1000Laws(b *testing.B)    { benchmarkBuild(b, 1000) }
func BenchmarkBuild10000Laws(b *testing.B)   { benchmarkBuild(b, 10000) }
