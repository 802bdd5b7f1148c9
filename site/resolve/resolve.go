// Package resolve checks every citation in the content against the
// provisions that exist, points each at its target, and records what cites
// what, so that every provision can show its "Cited by" list.
package resolve

import (
	"slices"

	"github.com/yuin/goldmark/ast"

	"protosite/site/akn"
	"protosite/site/content"
	"protosite/site/diag"
	"protosite/site/markdown"
	"protosite/site/provision"
	"protosite/site/urls"
)

// Backlink is one place that cites a provision.
type Backlink struct {
	From   *content.Doc // the citing document
	Anchor string       // the element on the citing page, "" for the page itself
	Label  string       // short name of the citing place, such as "art. 16(1)"
}

// URL returns the site-absolute address of the citing place.
func (b Backlink) URL() string {
	if b.Anchor == "" {
		return b.From.URL
	}
	return b.From.URL + "#" + b.Anchor
}

// Graph is the content's provisions and the citations between them.
type Graph struct {
	holder    map[string]*content.Doc // provision id → document holding it
	ids       []akn.ID                // every provision id, in document order
	citedBy   map[string][]Backlink   // provision id → places citing it, in content order
	citations int                     // number of citations in the content
}

// Has reports whether id names a provision that exists.
func (g *Graph) Has(id akn.ID) bool { _, ok := g.holder[id.String()]; return ok }

// URL returns the site-absolute address of a provision, with its anchor.
func (g *Graph) URL(id akn.ID) string {
	d := g.holder[id.String()]
	if d == nil {
		return ""
	}
	if len(id.Parts) == 0 {
		return d.URL
	}
	return d.URL + "#" + id.String()
}

// Holder returns the document holding provision id, or nil.
func (g *Graph) Holder(id akn.ID) *content.Doc { return g.holder[id.String()] }

// IDs returns every provision id in document order.
func (g *Graph) IDs() []akn.ID { return g.ids }

// CitedBy returns the places that cite id itself (not its sub-provisions).
func (g *Graph) CitedBy(id akn.ID) []Backlink { return g.citedBy[id.String()] }

// Citations returns the number of citations found in the content.
func (g *Graph) Citations() int { return g.citations }

// Resolve indexes the provisions of s, checks every citation, sets each
// citation's link relative to the page it is on, and records backlinks.
// Every citation of something that does not exist is reported.
func Resolve(s *content.Site) (*Graph, error) {
	g := &Graph{holder: map[string]*content.Doc{}, citedBy: map[string][]Backlink{}}
	var errs diag.List
	for _, d := range s.Docs {
		if d.Root.IsZero() {
			continue
		}
		g.add(d.Root, d)
		_ = provision.Walk(d.AST, func(p *provision.Provision) error {
			if !p.ID.IsZero() {
				g.add(p.ID, d)
			}
			return nil
		})
	}
	// Translations are checked and linked like the rest, but list nothing
	// in "Cited by": their originals already do. A translation has its
	// original's URL, so a link relative to it leads, in the translation's
	// language, to the same place.
	for _, d := range slices.Concat(s.Docs, s.Translations) {
		translated := d.Original != nil
		src := d.File.Body
		_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			c, ok := n.(*markdown.Citation)
			if !ok || !entering {
				return ast.WalkContinue, nil
			}
			g.citations++
			target := g.URL(c.Ref)
			if target == "" {
				if !s.BrokenArticles[c.Ref.Article] {
					errs.Addf(d.Pos(max(c.Offset, 0)), "citation %q refers to %s, which does not exist", c.CitingText(src), c.Ref.Label())
				}
				return ast.WalkContinue, nil
			}
			c.Href = urls.Rel(d.URL, target)
			if translated {
				return ast.WalkContinue, nil
			}
			within := enclosing(c, d.Root)
			if within.String() == c.Ref.String() || (d.Guidance != nil && d.Guidance.Article == c.Ref.Article) {
				// A provision citing itself, or guidance citing the article
				// it is shown with, would only point back at the same place.
				return ast.WalkContinue, nil
			}
			g.link(c.Ref, s, d, within)
			return ast.WalkContinue, nil
		})
		for _, fc := range d.FieldCites {
			g.citations++
			if !g.Has(fc.Ref) {
				if !s.BrokenArticles[fc.Ref.Article] {
					errs.Addf(fc.Pos, "citation %q refers to %s, which does not exist", fc.Text, fc.Ref.Label())
				}
				continue
			}
			if !translated {
				g.addBacklink(fc.Ref, Backlink{From: d, Anchor: fc.Anchor, Label: label(s, d, fc.Anchor)})
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return g, nil
}

// link records that within, a place in d, cites ref.
func (g *Graph) link(ref akn.ID, s *content.Site, d *content.Doc, within akn.ID) {
	anchor := ""
	if len(within.Parts) > 0 {
		anchor = within.String()
	}
	lbl := label(s, d, anchor)
	if anchor != "" {
		lbl = within.Label()
	}
	g.addBacklink(ref, Backlink{From: d, Anchor: anchor, Label: lbl})
}

// addBacklink records b once for ref.
func (g *Graph) addBacklink(ref akn.ID, b Backlink) {
	key := ref.String()
	for _, have := range g.citedBy[key] {
		if have.From == b.From && have.Anchor == b.Anchor {
			return
		}
	}
	g.citedBy[key] = append(g.citedBy[key], b)
}

func (g *Graph) add(id akn.ID, d *content.Doc) {
	if _, dup := g.holder[id.String()]; dup {
		return // reported by the loader as a duplicate
	}
	g.holder[id.String()] = d
	g.ids = append(g.ids, id)
}

// enclosing returns the innermost provision around n, or root outside any.
func enclosing(n ast.Node, root akn.ID) akn.ID {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if pr, ok := p.(*provision.Provision); ok && !pr.ID.IsZero() {
			return pr.ID
		}
	}
	return root
}
