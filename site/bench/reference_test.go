package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"protosite/site/corpus"
)

// BenchmarkReference10000Laws renders the 10,000 synthetic laws of
// BenchmarkBuild10000Laws with Hugo, a page each laid out as protosite
// lays out a law (testdata/hugo), then indexes the pages with Pagefind:
// the tools whose times and memory the build's targets are set against.
// This machine's speed drifts from hour to hour, so the reference is
// measured beside the build, in the same run (make bench-reference). It
// is skipped without hugo, and reports no Pagefind figures without
// pagefind.
func BenchmarkReference10000Laws(b *testing.B) {
	hugo := referenceTool(b, "PROTOSITE_HUGO", "../../.cache/reference/bin/hugo", "hugo")
	if hugo == "" {
		b.Skip("no hugo: make bench-reference installs it, or set PROTOSITE_HUGO")
	}
	pagefind := referenceTool(b, "PROTOSITE_PAGEFIND", "../../.cache/reference/npm/node_modules/.bin/pagefind", "pagefind")
	site := hugoSite(b, 10000)
	var hugoWall, pagefindWall, hugoCPU, pagefindCPU time.Duration
	var hugoPeak, pagefindPeak int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		public := filepath.Join(site, "public")
		if err := os.RemoveAll(public); err != nil {
			b.Fatal(err)
		}
		elapsed, peak, _, cpu := run(b, hugo, "--quiet", "--source", site, "--destination", public)
		hugoWall += elapsed
		hugoCPU += cpu.user + cpu.sys
		hugoPeak = max(hugoPeak, peak)
		if pagefind != "" {
			elapsed, peak, _, cpu := run(b, pagefind, "--site", public)
			pagefindWall += elapsed
			pagefindCPU += cpu.user + cpu.sys
			pagefindPeak = max(pagefindPeak, peak)
		}
	}
	b.StopTimer()
	n := time.Duration(b.N)
	b.ReportMetric(float64((hugoWall / n).Milliseconds()), "hugo-ms")
	b.ReportMetric(float64(hugoPeak)/(1<<20), "hugo-peak-MB")
	b.ReportMetric((hugoCPU / n).Seconds(), "hugo-cpu-s")
	if pagefind != "" {
		b.ReportMetric(float64((pagefindWall / n).Milliseconds()), "pagefind-ms")
		b.ReportMetric(float64(pagefindPeak)/(1<<20), "pagefind-peak-MB")
		b.ReportMetric((pagefindCPU / n).Seconds(), "pagefind-cpu-s")
		b.ReportMetric(float64(((hugoWall + pagefindWall) / n).Milliseconds()), "ms/build")
	}
}

// referenceTool finds a reference tool: the path in the environment
// variable env, else the copy make bench-reference installs at local,
// else name on PATH; "" if there is none.
func referenceTool(b *testing.B, env, local, name string) string {
	b.Helper()
	if p := os.Getenv(env); p != "" {
		return p
	}
	if abs, err := filepath.Abs(local); err == nil {
		if _, err := os.Stat(abs); err == nil {
			return abs
		}
	}
	p, _ := exec.LookPath(name)
	return p
}

// hugoSite returns a Hugo site of the reference layouts and n synthetic
// laws, the same laws BenchmarkBuild10000Laws builds for n = 10000.
func hugoSite(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	site := filepath.Join(dir, "site")
	if err := os.CopyFS(site, os.DirFS("testdata/hugo")); err != nil {
		b.Fatal(err)
	}
	gen := filepath.Join(dir, "generated")
	if err := corpus.Generate("../../content", gen, n); err != nil {
		b.Fatalf("generating %d documents: %v", n, err)
	}
	if err := os.MkdirAll(filepath.Join(site, "content"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(filepath.Join(gen, "legislation"), filepath.Join(site, "content", "legislation")); err != nil {
		b.Fatal(err)
	}
	return site
}
