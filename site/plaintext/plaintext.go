// Package plaintext extracts the text of goldmark trees, for consumers that
// need words rather than HTML: the search index and the open-data files.
package plaintext

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Of returns the text under n as written in src, with markup dropped,
// blocks and line breaks separated by a space and runs of white space
// collapsed to one.
func Of(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if c.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			lines := c.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// Blocks returns the text of each child of n that has any, in order: the
// paragraphs of a document, for example, one string each.
func Blocks(n ast.Node, src []byte) []string {
	var out []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t := Of(c, src); t != "" {
			out = append(out, t)
		}
	}
	return out
}
