package build

import (
	"os"
	"testing"
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
