package provision

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Parts splits a provision's children into the paragraph holding its own
// words (nil when it has none) and the first child after it, where its
// nested provisions and other blocks begin.
func Parts(p *Provision) (para *ast.Paragraph, rest ast.Node) {
	rest = p.FirstChild()
	para, _ = rest.(*ast.Paragraph)
	if para != nil {
		rest = para.NextSibling()
	}
	return para, rest
}

// WriteText writes the <p> of a provision: its number, its own words
// (para, which may be nil) each rendered by render, and tail, HTML written
// as it is, separated by single spaces. Every renderer of provisions,
// whatever it ends the text with, writes it this way.
func WriteText(w util.BufWriter, p *Provision, para *ast.Paragraph, render func(ast.Node) error, tail string) error {
	if para != nil && para.Attributes() != nil {
		_, _ = w.WriteString("<p")
		html.RenderAttributes(w, para, html.ParagraphAttributeFilter)
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("<p>")
	}
	sep := false
	if p.Marker != "" {
		_, _ = w.WriteString(`<span class="num">`)
		_, _ = w.Write(util.EscapeHTML([]byte(p.Marker)))
		_, _ = w.WriteString("</span>")
		sep = true
	}
	if para != nil && para.HasChildren() {
		if sep {
			_ = w.WriteByte(' ')
		}
		for c := para.FirstChild(); c != nil; c = c.NextSibling() {
			if err := render(c); err != nil {
				return err
			}
		}
		sep = true
	}
	if tail != "" {
		if sep {
			_ = w.WriteByte(' ')
		}
		_, _ = w.WriteString(tail)
	}
	_, _ = w.WriteString("</p>\n")
	return nil
}
