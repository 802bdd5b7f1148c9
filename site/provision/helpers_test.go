package provision

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"protosite/site/akn"
)

// parsed is the outcome of parsing one article body.
type parsed struct {
	doc ast.Node
	pc  parser.Context
}

// parse reads src with root set, or with no root when root is zero.
func parse(md goldmark.Markdown, root akn.ID, src []byte) parsed {
	pc := parser.NewContext()
	if !root.IsZero() {
		SetRoot(pc, root)
	}
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	return parsed{doc, pc}
}

func render(t testing.TB, md goldmark.Markdown, src []byte, doc ast.Node) string {
	t.Helper()
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		t.Fatalf("render: %v", err)
	}
	return buf.String()
}

func ids(t testing.TB, doc ast.Node) []string {
	t.Helper()
	var out []string
	if err := Walk(doc, func(p *Provision) error {
		out = append(out, p.ID.String())
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func newMarkdown(opts ...Option) goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(Extension(opts...)))
}
