package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkRenderRealContent loads, resolves and renders the real content
// in memory.
func BenchmarkRenderRealContent(b *testing.B) {
	fsys := os.DirFS("../../content")
	b.ReportAllocs()
	var pages int
	for b.Loop() {
		res, err := Render(fsys)
		if err != nil {
			b.Fatal(err)
		}
		pages = res.Summary.Pages
	}
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkLiveRebuild edits article 6 of a copy of the real content and
// rebuilds it as live editing does: it reports the time until the edited
// pages are ready to serve, and until the whole site is.
func BenchmarkLiveRebuild(b *testing.B) {
	dir, l, _ := liveCopy(b)
	article := filepath.Join(dir, "protocol", "article-06.md")
	src, err := os.ReadFile(article)
	if err != nil {
		b.Fatal(err)
	}
	var edited, whole time.Duration
	i := 0
	for b.Loop() {
		i++
		b.StopTimer()
		text := strings.Replace(string(src), "Nothing in this Protocol shall prevent", fmt.Sprintf("Nothing in this Protocol (edit %d) shall prevent", i), 1)
		if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		_, err := l.Rebuild(func(map[string][]byte, []string) { edited += time.Since(start) })
		if err != nil {
			b.Fatal(err)
		}
		whole += time.Since(start)
	}
	b.ReportMetric(float64(edited.Microseconds())/1000/float64(b.N), "ms-to-edited-page")
	b.ReportMetric(float64(whole.Microseconds())/1000/float64(b.N), "ms-to-whole-site")
}
