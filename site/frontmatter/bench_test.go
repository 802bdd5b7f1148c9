package frontmatter_test

import (
	"fmt"
	"os"
	"testing"

	"protosite/site/content"
	"protosite/site/diag"
	"protosite/site/frontmatter"
)

// BenchmarkDecode decodes a real law's front matter as the loader does,
// finding the position of each citation in it too, by the fast path and
// by goccy alone.
func BenchmarkDecode(b *testing.B) {
	const p = "legislation/usa-8-usc-1324.md"
	src, err := os.ReadFile("../../content/" + p)
	if err != nil {
		b.Fatal(err)
	}
	file, derr := frontmatter.Split(p, src)
	if derr != nil {
		b.Fatal(derr)
	}
	for _, bc := range []struct {
		name   string
		decode func(any) (frontmatter.Fields, *diag.Error)
	}{{"fast", file.Decode}, {"goccy", file.DecodeGoccy}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(file.Meta)))
			b.ReportAllocs()
			for b.Loop() {
				var m content.LegislationMeta
				fields, derr := bc.decode(&m)
				if derr != nil {
					b.Fatal(derr)
				}
				for i, lp := range m.Provisions {
					for j := range lp.Implements {
						_ = fields.At(fmt.Sprintf("$.provisions[%d].implements[%d]", i, j))
					}
				}
			}
		})
	}
}
