package render

import (
	"html/template"
	"strings"

	"protosite/site/content"
)

// layoutTargets are the pages the layout's header links to, besides the
// free-standing pages of the navigation. A fragment's key holds the link
// to each from the page (see fragmentKey), so a link added to the header
// must be added here. TestFragmentsAreExact checks, on the real content,
// that pages sharing a key render the fragment alike.
var layoutTargets = []string{"/", "/search/", "/goto/", "/articles/", "/recommendations/", "/legislation/", "/countries/", "/meetings/", "/glossary/", "/modules/"}

// Fragment returns the part of the layout defined as the template name,
// rendered once for all the pages that would render it alike: most of
// the header's actions are links and messages that differ only between
// languages, sections and places in the site, and executing them again
// on each of thousands of pages is much of a page's cost.
func (p *Page) Fragment(name string) (template.HTML, error) {
	return p.shared(p.fragmentKey(name), name, p)
}

// treatyCell is what the compare-treaty template shows: a provision of
// the treaty beside its national provisions.
type treatyCell struct {
	Page       *Page         // the page showing it
	Comparison *Comparison   // the comparison
	Article    *content.Doc  // the article, in the page's language
	Row        ComparisonRow // the provision's row
}

// TreatyCell returns the treaty side of a comparison's row, rendered once
// for all the pages of the language that link to the article alike: each
// country's page of a comparison split by country shows every provision
// of the article.
func (p *Page) TreatyCell(c *Comparison, row ComparisonRow) (template.HTML, error) {
	key := "compare-treaty\x00" + c.Article.URL + "\x00" + row.ID.String() + "\x00" + p.Rel(c.Article.URL)
	return p.shared(key, "compare-treaty", treatyCell{Page: p, Comparison: c, Article: p.In(c.Article), Row: row})
}

// shared executes the template name with data once per key and
// language, and returns what it made.
func (p *Page) shared(key, name string, data any) (template.HTML, error) {
	if h, ok := p.lang.fragments.Load(key); ok {
		return h.(template.HTML), nil
	}
	var b strings.Builder
	if err := p.lang.tmpl[p.template].ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	p.lang.fragments.Store(key, h)
	return h, nil
}

// fragmentKey is what a header fragment of the page depends on: its
// language (held by the cache), its section, the navigation page it is,
// if any, and the links from it to the header's targets.
func (p *Page) fragmentKey(name string) string {
	var b strings.Builder
	b.WriteString(name)
	b.WriteByte(0)
	b.WriteString(p.Section)
	b.WriteByte(0)
	for _, d := range p.Nav {
		if p.Base == d.URL {
			b.WriteString(d.URL)
		}
	}
	for _, t := range layoutTargets {
		b.WriteByte(0)
		b.WriteString(p.Rel(t))
	}
	for _, d := range p.Nav {
		b.WriteByte(0)
		b.WriteString(p.Rel(d.URL))
	}
	return b.String()
}
