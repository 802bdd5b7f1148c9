package render

import (
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
	Site        *config.Config     // site settings
	Content     *content.Site      // all content, for lists and tables of contents
	URL         string             // site-absolute URL of the page
	Title       string             // title for <title>; empty on the home page
	Description string             // meta description
	Section     string             // navigation section the page belongs to
	Nav         []*content.Doc     // free-standing pages shown in the main navigation
	Doc         *content.Doc       // the document the page shows, nil for generated pages
	Body        template.HTML      // the document rendered
	ID          string             // AKN id of the treaty part shown, such as "art_6"
	Label       string             // its short citation, such as "art. 6"
	Cite        string             // the label that "copy citation" uses
	Heading     string             // short heading for breadcrumbs
	CitedBy     []resolve.Backlink // places citing the whole treaty part
	Prev, Next  *content.Doc       // neighbours in reading order
	template    string
	assets      map[string]string
}

// Rel returns a link from this page to a site-absolute target.
func (p *Page) Rel(target string) string { return urls.Rel(p.URL, target) }

// Asset returns a link from this page to a named asset.
func (p *Page) Asset(name string) string { return urls.Rel(p.URL, p.assets[name]) }

func (p *Page) file() string { return urls.File(p.URL) }

// plan lists every page of the site with its data, in a stable order.
func (r *Renderer) plan(s *content.Site, g *resolve.Graph) []*Page {
	newPage := func(url, tmpl, title string) *Page {
		return &Page{Site: s.Config, Content: s, URL: url, Title: title, Nav: navPages(s), template: tmpl, assets: r.assets.url}
	}
	var pages []*Page
	home := newPage("/", "home", "")
	home.Description = s.Config.TreatyTitle + ", article by article."
	for _, d := range s.Pages {
		if d.URL == "/" {
			home.Doc = d
			home.Description = d.Page.Description
		}
	}
	pages = append(pages, home)
	index := newPage("/articles/", "articles", "Articles")
	index.Section = "articles"
	pages = append(pages, index)

	var reading []*content.Doc
	if s.Preamble != nil {
		reading = append(reading, s.Preamble)
	}
	reading = append(reading, s.Articles...)
	if s.Testimonium != nil {
		reading = append(reading, s.Testimonium)
	}
	for i, d := range reading {
		p := newPage(d.URL, "article", d.Title)
		p.Doc = d
		p.Section = "articles"
		p.Heading = d.Title
		if d.Kind == content.KindArticle {
			p.Heading = "Article " + itoa(d.Protocol.Article)
		}
		if !d.Root.IsZero() {
			p.ID = d.Root.String()
			p.Label = d.Root.Label()
			p.Cite = d.Root.Label()
			p.CitedBy = g.CitedBy(d.Root)
		}
		p.Description = describe(d)
		if i > 0 {
			p.Prev = reading[i-1]
		}
		if i+1 < len(reading) {
			p.Next = reading[i+1]
		}
		pages = append(pages, p)
	}
	for _, d := range s.Pages {
		if d.URL == "/" {
			continue
		}
		p := newPage(d.URL, "page", d.Title)
		p.Doc = d
		p.Description = d.Page.Description
		pages = append(pages, p)
	}
	nf := newPage("/404.html", "notfound", "Page not found")
	pages = append(pages, nf)
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

func describe(d *content.Doc) string {
	if d.Kind == content.KindArticle {
		return "Article " + itoa(d.Protocol.Article) + " of the Smuggling of Migrants Protocol: " + d.Protocol.Title + "."
	}
	return d.Title + " of the Smuggling of Migrants Protocol."
}

func itoa(n int) string { return strconv.Itoa(n) }

// sitemapURLs returns the pages worth listing in sitemap.xml.
func sitemapURLs(pages []*Page) []string {
	var out []string
	for _, p := range pages {
		if strings.HasSuffix(p.URL, "/") {
			out = append(out, p.URL)
		}
	}
	return out
}
