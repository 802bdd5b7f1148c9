package provision

import (
	"testing"

	"github.com/yuin/goldmark"

	"protosite/site/akn"
)

func BenchmarkPlainTmp(b *testing.B) {
	src := article6(b)
	md := goldmark.New()
	for b.Loop() {
		p := parse(md, akn.Article(6), src)
		render(b, md, src, p.doc)
	}
}
