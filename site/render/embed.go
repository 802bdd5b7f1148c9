package render

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark/ast"

	"protosite/site/akn"
	"protosite/site/config"
	"protosite/site/content"
	"protosite/site/markdown"
	"protosite/site/provision"
	"protosite/site/urls"
)

// Embed is one provision, or a whole part of the treaty, alone on a page
// made to be shown inside another site's page, in an iframe: a course
// page or a national guide quotes the provision from its source, and
// shows it as the source has it.
type Embed struct {
	// Citation is its short citation, "Smuggling of Migrants Protocol,
	// art. 6(1)(a)", which links to its place.
	Citation     string
	CitationLang string          // the citation's language where it is not the page's
	Place        string          // site-absolute URL of its place in the treaty, with its id
	Canonical    string          // the absolute address of its part's page
	Doc          *content.Doc    // the part holding it, in the language shown
	Language     config.Language // the language of Doc
	node         ast.Node
	page         string // site-absolute URL of the page
	lang         *langView
}

// embedURL is the site-absolute URL, in the default language, of the
// page that embeds the provision or part id.
func embedURL(id akn.ID) string { return "/" + urls.EmbedDir + "/" + id.String() + "/" }

// planEmbeds makes a page for each part of the treaty that has an id, the
// preamble and the articles, and for each of their provisions.
func (pl *planner) planEmbeds() []*Page {
	s, l := pl.s, pl.lang
	var pages []*Page
	for _, part := range s.Treaty() {
		d := part.In(l.Code)
		if d.Root.IsZero() {
			continue // the testimonium, which has no id to cite
		}
		add := func(id akn.ID, n ast.Node) {
			p := pl.newPage(embedURL(id), "embed", shortCitation(s, id))
			e := &Embed{
				Citation: p.Title, Place: d.URL + "#" + id.String(),
				Canonical: absURL(s, l.url(d.URL)), Doc: d, Language: l.all[d.Lang].Language,
				node: n, page: p.URL, lang: l,
			}
			if l.Code != s.Config.Language {
				e.CitationLang = s.Config.Language
			}
			p.Data = e
			// Each shows its part's text: a live rebuild renders it again
			// when that text changes.
			p.shows = []*content.Doc{d}
			pages = append(pages, p)
		}
		add(d.Root, d.AST)
		_ = provision.Walk(d.AST, func(p *provision.Provision) error {
			if !p.ID.IsZero() {
				add(p.ID, p)
			}
			return nil
		})
	}
	return pages
}

// Text renders the provision, with the provisions it holds, as a copy
// whose links open outside the frame.
func (e *Embed) Text() (template.HTML, error) {
	o := e.lang.copyOptions()
	o.Origin, o.Page = e.lang.url(e.Doc.URL), e.page
	o.Tail = func(*provision.Provision) string { return "" }
	var buf bytes.Buffer
	if err := markdown.RenderCopy(&buf, e.Doc.File.Body, o, e.node); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}
