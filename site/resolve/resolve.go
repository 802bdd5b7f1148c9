// Package resolve checks every citation in the content against the
// provisions that exist, points each at its target, and records what cites
// what, so that every provision can show its "Cited by" list.
package resolve

import (
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
	Within akn.ID       // the provision the citation stands in; zero outside provisions
}

// URL returns the site-absolute address of the citing place.
func (b Backlink) URL() string {
	if b.Within.IsZero() || len(b.Within.Parts) == 0 {
		return b.From.URL
	}
	return b.From.URL + "#" + b.Within.String()
}

// Label returns a short name for the citing place, such as "art. 16(1)".
func (b Backlink) Label() string {
	if len(b.Within.Parts) > 0 {
		return b.Within.Label()
	}
	return b.From.Title
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
	for _, d := range s.Docs {
		src := d.File.Body
		seen := map[[2]string]bool{}
		_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			c, ok := n.(*markdown.Citation)
			if !ok || !entering {
				return ast.WalkContinue, nil
			}
			g.citations++
			target := g.URL(c.Ref)
			if target == "" {
				off := max(c.Offset, 0)
				errs.Addf(d.Pos(off), "citation %q refers to %s, which does not exist", c.CitingText(src), c.Ref.Label())
				return ast.WalkContinue, nil
			}
			c.Href = urls.Rel(d.URL, target)
			within := enclosing(c, d.Root)
			if within.String() == c.Ref.String() {
				return ast.WalkContinue, nil
			}
			key := [2]string{c.Ref.String(), within.String()}
			if seen[key] {
				return ast.WalkContinue, nil
			}
			seen[key] = true
			g.citedBy[c.Ref.String()] = append(g.citedBy[c.Ref.String()], Backlink{From: d, Within: within})
			return ast.WalkContinue, nil
		})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return g, nil
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
