package render

import (
	"fmt"
	"html/template"
	"path"
	"strconv"
	"strings"

	"protosite/site/config"
	"protosite/site/content"
	"protosite/site/offline"
	"protosite/site/resolve"
	"protosite/site/urls"
)

// Page is what a page template sees.
type Page struct {
	Site          *config.Config  // site settings
	Content       *content.Site   // all content, for lists and tables of contents
	URL           string          // site-absolute URL of the page
	Title         string          // title for <title>; empty on the home page
	Description   string          // meta description
	Section       string          // navigation section the page belongs to
	Nav           []*content.Doc  // free-standing pages shown in the main navigation
	Doc           *content.Doc    // the document the page shows, nil for generated pages
	Body          template.HTML   // the document rendered
	ID            string          // AKN id of the treaty part shown, such as "art_6"
	Label         string          // its short citation, such as "art. 6"
	Heading       string          // short heading for breadcrumbs
	CitedByGroups []BacklinkGroup // places citing the whole treaty part, grouped by kind
	Related       []RelatedGroup  // recommendations and laws citing any provision of the treaty part
	Guidance      template.HTML   // the article's implementation guidance, rendered
	Prev, Next    *content.Doc    // neighbours in reading order
	Data          any             // what a generated page lists, such as a country's records
	Scripts       []string        // site-absolute URLs of scripts the page needs besides site.js
	BodyClass     string          // class of the body element, for page-specific scripts
	Definitions   []Term          // the defined terms used on the page, for their popups
	Compare       string          // site-absolute URL of the article's comparison view, if any
	Parallel      string          // site-absolute URL of the article's languages side by side, if it has a translation
	Citation      *Citation       // how to cite the article, nil on other pages
	Live          bool            // the page loads the live-editing script
	DeviceSave    string          // site-absolute URL of the offline save list, on the Offline copy page only
	NoIndex       bool            // search engines are asked not to index the page

	Lang             config.Language // the language of the page's interface
	Base             string          // URL of the page in the default language: the same page has the same Base in every language
	Fallback         bool            // Doc is shown in the default language: the page's has no translation
	Translation      bool            // Doc is treaty text in a language whose text is not authentic
	GuidanceDoc      *content.Doc    // the guidance shown, in the page's language or the default
	GuidanceFallback bool            // the guidance is shown in the default language
	Alternates       []Alternate     // the page in every language, and x-default, for <link rel="alternate">
	Switch           []SwitchItem    // the language switch; empty for a site in one language
	AlternateLinks   template.HTML   // Alternates as <link> elements
	SwitchList       template.HTML   // Switch as a list of links

	lang     *langView
	terms    []Term            // every defined term of the site, in the page's language
	graph    *resolve.Graph    // citations, for template helpers
	template string            // name of the page template
	assets   map[string]string // asset name → site-absolute URL
	// shows are the documents whose text the page shows other than as Doc
	// and GuidanceDoc, such as a handout's: a live rebuild renders the page
	// again when their text changes, and only then (see affected).
	shows []*content.Doc
}

// Rel returns a link from this page to a site-absolute target, given as
// in the default language: a page is reached in the page's language, a
// file (stylesheet, QR code, data) as it is.
func (p *Page) Rel(target string) string { return urls.Rel(p.URL, p.lang.url(target)) }

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

// planner makes the pages of one language.
type planner struct {
	r      *Renderer
	s      *content.Site
	g      *resolve.Graph
	lang   *langView
	shared *shared
}

// shared is what the pages of every language list, computed once.
type shared struct {
	legislation     LegislationIndex
	countries       []*CountryPage
	recommendations RecommendationIndex
}

// newPage makes the page at url, given as in the default language, in the
// planner's language.
func (pl *planner) newPage(url, tmpl, title string) *Page {
	return &Page{
		Site: pl.s.Config, Content: pl.s, URL: pl.lang.prefix + url, Base: url, Title: title, Nav: navPages(pl.s),
		Lang: pl.lang.Language, lang: pl.lang, graph: pl.g, template: tmpl, assets: pl.r.assets.url,
	}
}

// show makes d, in the page's language where translated, the document the
// page shows.
func (p *Page) show(d *content.Doc) {
	p.Doc = p.In(d)
	p.Fallback = p.Doc.Lang != p.Lang.Code
	p.Translation = !p.Fallback && !p.Lang.Authentic && p.Doc.Protocol != nil
}

// plan lists every page of the site with its data, in a stable order: the
// pages of the default language, then those of each other language.
func (r *Renderer) plan(s *content.Site, g *resolve.Graph, langs []*langView, opts Options) []*Page {
	sh := &shared{legislation: legislationIndex(s, g), countries: countryPages(s, g), recommendations: recommendationIndex(s)}
	var pages []*Page
	for _, l := range langs {
		pl := &planner{r: r, s: s, g: g, lang: l, shared: sh}
		pages = append(pages, pl.plan(opts)...)
	}
	for _, p := range pages {
		if p.Base != "/404.html" {
			p.setAlternates(langs)
		}
	}
	return pages
}

// plan lists the pages of one language.
func (pl *planner) plan(opts Options) []*Page {
	l := pl.lang
	pages := pl.planTreaty()
	pages = append(pages, pl.planKinds()...)
	pages = append(pages, pl.planTrainer()...)
	if p := pl.planFullText(); p != nil {
		pages = append(pages, p)
	}
	pages = append(pages, pl.planReading())
	pages = append(pages, pl.planEmbeds()...)
	pages = append(pages, pl.planParallel()...)
	if l.has("/search/") {
		pages = append(pages, pl.planSearch(opts))
	}
	for _, d := range pl.s.Pages {
		if d.URL == "/" {
			continue
		}
		p := pl.newPage(d.URL, "page", "")
		p.show(d)
		p.Title = p.Doc.Title
		p.Description = p.Doc.Page.Description
		if d.URL == offlinePage {
			p.DeviceSave = "/" + offline.ListPath(l.Code)
			p.Scripts = []string{"device.js"}
		}
		pages = append(pages, p)
	}
	unsaved := pl.newPage(unsavedPage, "unsaved", l.t("title.unsaved"))
	unsaved.NoIndex = true // it is shown in place of pages, with no connection
	pages = append(pages, unsaved)
	if l.isDefault() {
		// One page answers for every address that has none; the server
		// sends it for any language.
		pages = append(pages, pl.newPage("/404.html", "notfound", l.t("title.notfound")))
	}
	return pages
}

// offlinePage is the address of the page that offers the offline copy,
// content/pages/offline.md, which also offers to keep the site on the
// device; unsavedPage is the page the service worker shows for an address
// not kept when there is no network.
var (
	offlinePage = path.Dir("/"+offline.Path) + "/"
	unsavedPage = offlinePage + "unsaved/"
)

// Manifest returns a link to the web app manifest of the page's language.
func (p *Page) Manifest() string { return urls.Rel(p.URL, p.lang.manifestURL()) }

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
		// Handouts and presentations repeat their article or module, and
		// embedded provisions its text.
		if strings.HasSuffix(p.URL, "/") && !strings.HasSuffix(p.URL, "/handout/") && !strings.HasSuffix(p.URL, "/present/") && p.template != "embed" && p.template != "unsaved" {
			out = append(out, p.URL)
		}
	}
	return out
}
