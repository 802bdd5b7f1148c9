package render

import (
	"slices"

	"protosite/site/content"
)

// affected returns, in plan order, the pages that show something e names:
// the text of a file whose body changed, on the page of the document, the
// pages that quote it (handouts, presentations, comparison views) and the
// pages of documents that embed its provisions; the "Cited by" lists of a
// document's provisions; and the definitions of terms, in the glossary and
// in the popups of the pages that use them. quoted lists, for each
// document, the documents its transclusions quote. Of any other document,
// a page shows only what its footprint holds (see Footprint): an edit that
// changes that renders every page.
func (r *Renderer) affected(pages []*Page, e *Edit, quoted map[*content.Doc][]*content.Doc) []*Page {
	bodies := setOf(e.Bodies)
	cited := setOf(e.CitedBy)
	var out []*Page
	for _, p := range pages {
		if p.showsText(bodies, quoted) || p.showsCitedBy(cited) || r.showsDefinitions(p, e.Terms[p.Lang.Code]) {
			out = append(out, p)
		}
	}
	return out
}

// showsText reports whether the page shows the text of a file in paths,
// its own or quoted.
func (p *Page) showsText(paths map[string]bool, quoted map[*content.Doc][]*content.Doc) bool {
	todo := append([]*content.Doc{p.Doc, p.GuidanceDoc}, p.shows...)
	seen := map[*content.Doc]bool{}
	for len(todo) > 0 {
		d := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if d == nil || seen[d] {
			continue
		}
		if paths[d.File.Path] {
			return true
		}
		seen[d] = true
		todo = append(todo, quoted[d]...)
	}
	return false
}

// showsCitedBy reports whether the page shows a document in paths, or a
// translation of one, with the "Cited by" lists of its provisions, which
// list what cites the original.
func (p *Page) showsCitedBy(paths map[string]bool) bool {
	d := p.Doc
	if d == nil {
		return false
	}
	if d.Original != nil {
		d = d.Original
	}
	return paths[d.File.Path]
}

// showsDefinitions reports whether the page shows the definition of a term
// with one of ids: the glossary does, and so does a page whose text uses
// the term, in its popups. Which terms a page uses is known once they are
// linked in its documents, as rendering them would.
func (r *Renderer) showsDefinitions(p *Page, ids []string) bool {
	if len(ids) == 0 {
		return false
	}
	if p.template == "glossary" {
		return true
	}
	for _, d := range []*content.Doc{p.Doc, p.GuidanceDoc} {
		if d != nil {
			r.linkTerms(p, d)
		}
	}
	return slices.ContainsFunc(p.Definitions, func(t Term) bool { return slices.Contains(ids, t.ID) })
}

// setOf returns the members of list as a set.
func setOf(list []string) map[string]bool {
	set := make(map[string]bool, len(list))
	for _, s := range list {
		set[s] = true
	}
	return set
}
