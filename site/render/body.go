package render

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark/ast"

	"protosite/site/akn"
	"protosite/site/content"
	"protosite/site/diag"
	"protosite/site/markdown"
	"protosite/site/provision"
	"protosite/site/resolve"
)

// body renders a document's goldmark tree for page p, after adding "Cited
// by" lists to its provisions and pointing its site-absolute links at the
// page's language. The tree is shared by the pages of every language that
// show the document, so what depends on the page is set before each render
// and the links are put back after it. When check is set, links to pages
// and provisions that do not exist are reported.
func (r *Renderer) body(p *Page, d *content.Doc, g *resolve.Graph, known map[string]bool, errs *diag.List, check bool) (template.HTML, error) {
	_ = provision.Walk(d.AST, func(pr *provision.Provision) error {
		if pr.ID.IsZero() || pr.FirstChild() == nil {
			return nil
		}
		// Replace a list from an earlier render of the same tree.
		if old, ok := pr.FirstChild().NextSibling().(*markdown.CitedBy); ok {
			pr.RemoveChild(pr, old)
		}
		back := g.CitedBy(pr.ID)
		if len(back) == 0 {
			return nil
		}
		all := ""
		if p.Compare != "" {
			all = p.Compare + "#cmp-" + pr.ID.String()
		}
		node := citedByNode(p, back, all)
		pr.InsertAfter(pr, pr.FirstChild(), node)
		return nil
	})
	src := d.File.Body
	r.linkTerms(p, d)
	type saved struct {
		link *ast.Link
		dest []byte
	}
	var restore []saved
	copyOpts := p.lang.copyOptions()
	copyOpts.Page = p.URL
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if t, ok := n.(*markdown.Transclusion); ok {
			t.Copy = copyOpts
			return ast.WalkSkipChildren, nil
		}
		link, ok := n.(*ast.Link)
		if !ok {
			return ast.WalkContinue, nil
		}
		dest := string(link.Destination)
		if !strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") {
			return ast.WalkContinue, nil
		}
		if check {
			if msg := checkLocal(dest, known, g); msg != "" {
				errs.Add(diag.Errorf(d.Pos(linkOffset(link)), "link to %s: %s", dest, msg))
				return ast.WalkContinue, nil
			}
		}
		restore = append(restore, saved{link, link.Destination})
		link.Destination = []byte(p.Rel(dest))
		return ast.WalkContinue, nil
	})
	var buf bytes.Buffer
	err := p.lang.md.Renderer().Render(&buf, src, d.AST)
	for _, s := range restore {
		s.link.Destination = s.dest
	}
	if err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// checkLocal says what is wrong with a site-absolute link, or "" if nothing.
func checkLocal(dest string, known map[string]bool, g *resolve.Graph) string {
	page, frag, _ := strings.Cut(dest, "#")
	if !known[page] {
		return "no such page"
	}
	if strings.HasPrefix(frag, "art_") || strings.HasPrefix(frag, "preamble") {
		id, err := akn.Parse(frag)
		if err != nil || !g.Has(id) {
			return "no provision " + frag
		}
		if g.URL(id.Top()) != page {
			return frag + " is not on that page"
		}
	}
	return ""
}

// linkOffset finds a source offset for a link, which goldmark does not
// record, from the first text inside it.
func linkOffset(n ast.Node) int {
	off := 0
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return off
}
