package provision

import "github.com/yuin/goldmark/ast"

// Walk calls fn for each provision below doc in document order, parents first, until fn fails.
func Walk(doc ast.Node, fn func(p *Provision) error) error {
	return ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*Provision); ok && entering {
			if err := fn(p); err != nil {
				return ast.WalkStop, err
			}
		}
		return ast.WalkContinue, nil
	})
}
