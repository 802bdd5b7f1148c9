package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"protosite/site/config"
	"protosite/site/content"
	"protosite/site/resolve"
	"protosite/site/urls"
)

// Page is what a page template sees.
type Page struct {
	Site          *config.Config    // site settings
	Content       *content.Site     // all content, for lists and tables of contents
	URL           string            // site-absolute URL of the page
	Title         string            // title for <title>; empty on the home page
	Description   string            // meta description
	Section       string            // navigation section the page belongs to
	Nav           []*content.Doc    // free-standing pages shown in the main navigation
	Doc           *content.Doc      // the document the page shows, nil for generated pages
	Body          template.HTML     // the document rendered
	ID            string            // AKN id of the treaty part shown, such as "art_6"
	Label         string            // its short citation, such as "art. 6"
	Heading       string            // short heading for breadcrumbs
	CitedByGroups []BacklinkGroup   // places citing the whole treaty part, grouped by kind
	Related       []RelatedGroup    // recommendations and laws citing any provision of the treaty part
	Guidance      template.HTML     // the article's implementation guidance, rendered
	Prev, Next    *content.Doc      // neighbours in reading order
	Data          any               // what a generated page lists, such as a country's records
	Scripts       []string          // site-absolute URLs of scripts the page needs besides site.js
	BodyClass     string            // class of the body element, for page-specific scripts
	Definitions   []Term            // the defined terms used on the page, for their popups
	Compare       string            // site-absolute URL of the article's comparison view, if any
	Live          bool              // the page loads the live-editing script
	terms         []Term            // every defined term of the site
	graph         *resolve.Graph    // citations, for template helpers
	template      string            // name of the page template
	assets        map[string]string // asset name → site-absolute URL
}

// Rel returns a link from this page to a site-absolute target.
func (p *Page) Rel(target string) string { return urls.Rel(p.URL, target) }

// Script returns a link to a script: a named asset such as "compare.js",
// or a site-absolute URL.
func (p *Page) Script(s string) (string, error) {
	if strings.HasPrefix(s, "/") {
		return urls.Rel(p.URL, s), nil
	}
	return p.Asset(s)
}

// Asset returns a link from this page to a named asset; naming an asset
// that does not exist is an error, so that no page links to nothing.
func (p *Page) Asset(name string) (string, error) {
	u, ok := p.assets[name]
	if !ok {
		return "", fmt.Errorf("no asset named %q", name)
	}
	return urls.Rel(p.URL, u), nil
}

// Country returns the country with code, or nil.
func (p *Page) Country(code string) *content.Country { return p.Content.Countries.Get(code) }

// CountryName returns the name of the country with code, or the code.
func (p *Page) CountryName(code string) string {
	if c := p.Country(code); c != nil {
		return c.Name
	}
	return code
}

// ProvisionURL returns the site-absolute URL of the provision a citation
// in a front matter field names, or "" when it names nothing.
func (p *Page) ProvisionURL(citation string) string {
	for _, fc := range p.Doc.FieldCites {
		if fc.Text == citation {
			return p.graph.URL(fc.Ref)
		}
	}
	return ""
}

func (p *Page) file() string { return urls.File(p.URL) }

func (r *Renderer) newPage(s *content.Site, g *resolve.Graph, url, tmpl, title string) *Page {
	return &Page{Site: s.Config, Content: s, URL: url, Title: title, Nav: navPages(s), graph: g, template: tmpl, assets: r.assets.url}
}

// plan lists every page of the site with its data, in a stable order.
func (r *Renderer) plan(s *content.Site, g *resolve.Graph, opts Options) []*Page {
	pages := r.planTreaty(s, g)
	pages = append(pages, r.planKinds(s, g)...)
	pages = append(pages, r.planTrainer(s, g)...)
	sp := r.newPage(s, g, "/search/", "search", "Search")
	sp.Section = "search"
	sp.Description = "Search the Protocol, the recommendations and the legislation, down to the subparagraph."
	sp.Scripts = append([]string{"search.js"}, opts.SearchScripts...)
	pages = append(pages, sp)
	for _, d := range s.Pages {
		if d.URL == "/" {
			continue
		}
		p := r.newPage(s, g, d.URL, "page", d.Title)
		p.Doc = d
		p.Description = d.Page.Description
		pages = append(pages, p)
	}
	pages = append(pages, r.newPage(s, g, "/404.html", "notfound", "Page not found"))
	return pages
}

func navPages(s *content.Site) []*content.Doc {
	var out []*content.Doc
	for _, d := range s.Pages {
		if d.URL != "/" {
			out = append(out, d)
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// sitemapURLs returns the pages worth listing in sitemap.xml.
func sitemapURLs(pages []*Page) []string {
	var out []string
	for _, p := range pages {
		// Handouts and presentations repeat their article or module.
		if strings.HasSuffix(p.URL, "/") && !strings.HasSuffix(p.URL, "/handout/") && !strings.HasSuffix(p.URL, "/present/") {
			out = append(out, p.URL)
		}
	}
	return out
}
