package bench

import (
	"flag"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var pagesBuilt = regexp.MustCompile(`built (\d+) pages`)

// cpuProfiles names a directory for the CPU profile of each whole build,
// from which make pgo makes cmd/protosite/default.pgo.
var cpuProfiles = flag.String("cpuprofiles", "", "write each whole build's CPU profile into `dir`")

// benchmarkBuild times whole builds, search index and static export
// included, of a corpus with n synthetic laws (0: the real content).
func benchmarkBuild(b *testing.B, n int) {
	bin := binary(b)
	content := generated(b, n)
	out := filepath.Join(b.TempDir(), "public")
	var total, user, sys, gcCPU time.Duration
	var peak int64
	var pages, gcs int
	stages := map[string]time.Duration{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		args := []string{"build", "-stages", "-content", content, "-out", out}
		if *cpuProfiles != "" {
			args = append(args, "-cpuprofile", filepath.Join(*cpuProfiles, fmt.Sprintf("build-%d-laws-%d.prof", n, i)))
		}
		elapsed, mem, log, cpu := run(b, bin, args...)
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
		st, err := stageWalls(log)
		if err != nil {
			b.Fatal(err)
		}
		for name, d := range st {
			stages[name] += d
		}
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
	// Where the wall time went, stage by stage (protosite build -stages).
	for name, d := range stages {
		b.ReportMetric(d.Seconds()/float64(b.N), strings.ReplaceAll(name, " ", "-")+"-s")
	}
}

// stageLine is a line of the table protosite build -stages prints: a
// stage's name, then its wall, CPU and collector times.
var stageLine = regexp.MustCompile(`(?m)^([a-z][a-z ]*?) +([0-9.]+[a-zµ]+) +([0-9.]+[a-zµ]+) +([0-9.]+[a-zµ]+)$`)

// stageWalls reads the wall time of each stage from a build's output.
func stageWalls(log string) (map[string]time.Duration, error) {
	out := map[string]time.Duration{}
	for _, m := range stageLine.FindAllStringSubmatch(log, -1) {
		d, err := time.ParseDuration(m[2])
		if err != nil {
			return nil, fmt.Errorf("stage %s: %w", m[1], err)
		}
		out[m[1]] = d
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the build printed no stage; -stages's format may have changed:\n%s", log)
	}
	return out, nil
}

func BenchmarkBuildRealContent(b *testing.B) { benchmarkBuild(b, 0) }
func BenchmarkBuild1000Laws(b *testing.B)    { benchmarkBuild(b, 1000) }
func BenchmarkBuild10000Laws(b *testing.B)   { benchmarkBuild(b, 10000) }
