package render

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"protosite/site/content"
	"protosite/site/markdown"
	"protosite/site/provision"
	"protosite/site/urls"
)

// linkTerms links the defined terms used in d, as rendered on page p, and
// records which definitions the page must carry for its popups.
// The terms looked for are those of the document's language; links to
// their definitions are made relative to the page in the default
// language, which leads to the same place in every language, since the
// trees of terms are shared by the pages of every language.
func (r *Renderer) linkTerms(p *Page, d *content.Doc) {
	if len(p.terms) == 0 {
		return
	}
	terms := p.terms
	if l := p.lang.all[d.Lang]; l != nil {
		terms = l.terms
	}
	defs := make([]markdown.Definition, len(terms))
	defining := map[string]bool{}
	for i, t := range terms {
		defs[i] = markdown.Definition{Phrase: t.Term, ID: t.ID, Href: urls.Rel(p.Base, t.URL)}
		defining[t.ID] = true
	}
	skip := func(n ast.Node) bool {
		pr, ok := n.(*provision.Provision)
		return ok && defining[pr.ID.String()]
	}
	markdown.LinkTerms(d.AST, d.File.Body, defs, skip)
	used := map[string]bool{}
	for _, t := range p.Definitions {
		used[t.ID] = true
	}
	_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*markdown.Term); ok && entering && !used[t.Def] {
			used[t.Def] = true
		}
		return ast.WalkContinue, nil
	})
	p.Definitions = p.Definitions[:0]
	for _, t := range p.terms {
		if used[t.ID] {
			p.Definitions = append(p.Definitions, t)
		}
	}
}

// Definition returns the full text of a term's definition, items included.
func (t Term) Definition() string {
	parts := []string{t.Text}
	for _, it := range t.Items {
		parts = append(parts, it.Text)
	}
	return strings.Join(parts, " ")
}
