package render

import (
	"bytes"
	"errors"
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"protosite/site/akn"
	"protosite/site/content"
	"protosite/site/markdown"
	"protosite/site/provision"
	"protosite/site/resolve"
	"protosite/site/urls"
)

// planTrainer lists the pages for trainers: the index of training modules,
// each module, and the handout and presentation of every article and
// module. It first points every transclusion directive in the content at
// the provision it embeds.
func (r *Renderer) planTrainer(s *content.Site, g *resolve.Graph) []*Page {
	prepareTransclusions(s, g)
	var pages []*Page
	var views []*TrainerView
	for _, a := range s.Articles {
		views = append(views, newTrainerView(s, g, a))
	}
	var moduleViews []*TrainerView
	for _, m := range s.Modules {
		moduleViews = append(moduleViews, newTrainerView(s, g, m))
	}

	idx := r.newPage(s, g, "/modules/", "modules", "Training modules")
	idx.Section = "modules"
	idx.Description = "Training modules built on the text of the Protocol, and a printable handout and a presentation of every article."
	idx.Data = ModuleIndex{Modules: moduleViews, Articles: views}
	pages = append(pages, idx)
	for _, v := range moduleViews {
		p := r.newPage(s, g, v.Doc.URL, "module", v.Doc.Title)
		p.Doc, p.Section, p.Data = v.Doc, "modules", v
		p.Description = "Training module: " + v.Doc.Title + "."
		if sum := v.Doc.Module.Summary; sum != "" {
			p.Description = sum
		}
		pages = append(pages, p)
	}

	for _, v := range append(views, moduleViews...) {
		section := "articles"
		if v.Doc.Kind == content.KindModule {
			section = "modules"
		}
		h := r.newPage(s, g, v.Handout, "handout", v.Doc.Title+": handout")
		h.Section, h.Data, h.BodyClass = section, v.at(h.URL, false), "handout-page"
		h.Description = "Printable handout of " + v.Name() + ", with its link and QR code."
		pr := r.newPage(s, g, v.Present, "present", v.Doc.Title+": presentation")
		pr.Section, pr.Data, pr.BodyClass = section, v.at(pr.URL, true), "present-page"
		pr.Description = "Presentation of " + v.Name() + ", one slide at a time."
		pr.Scripts = []string{"present.js"}
		pages = append(pages, h, pr)
	}
	return pages
}

// ModuleIndex is what the index of modules lists.
type ModuleIndex struct {
	Modules  []*TrainerView // the training modules, by id
	Articles []*TrainerView // every article, for its handout and presentation
}

// TrainerView is an article or a module as trainers use it: its page, its
// handout and its presentation, with the addresses and QR code that let a
// printed sheet or a projected slide be followed back to the site.
type TrainerView struct {
	Doc      *content.Doc // the article or module
	Handout  string       // site-absolute URL of its handout
	Present  string       // site-absolute URL of its presentation
	QR       string       // site-absolute URL of the QR code of its page
	AbsURL   string       // absolute URL of its page, as printed: "protosite.example.org/articles/6/"
	Citation string       // full citation of an article, such as "Smuggling of Migrants Protocol, art. 6"; "" for a module

	page    string // site-absolute URL of the page showing the view
	slides  bool   // cut for a presentation rather than a handout
	site    *content.Site
	graph   *resolve.Graph
	sources []section // the parts of the document, as cut
}

func newTrainerView(s *content.Site, g *resolve.Graph, d *content.Doc) *TrainerView {
	v := &TrainerView{Doc: d, Handout: d.URL + "handout/", Present: d.URL + "present/", site: s, graph: g}
	v.AbsURL = markdown.ShortURL(absURL(s, d.URL))
	if d.Kind == content.KindArticle {
		v.QR = qrURL(d.Root.String())
		v.Citation = s.Config.CitationPrefix + ", " + d.Root.Label()
		v.sources = cutArticle(d)
	} else {
		v.QR = qrURL(moduleQRName(d))
		v.sources = cutModule(d)
	}
	return v
}

// at returns a copy of v for the page at url.
func (v *TrainerView) at(url string, slides bool) *TrainerView {
	c := *v
	c.page, c.slides = url, slides
	return &c
}

// Name is how the view's document is named in sentences: "article 6" or
// the module's title.
func (v *TrainerView) Name() string {
	if v.Doc.Kind == content.KindArticle {
		return "article " + strconv.Itoa(v.Doc.Protocol.Article)
	}
	return "the module " + v.Doc.Title
}

// IsArticle reports whether the view shows an article.
func (v *TrainerView) IsArticle() bool { return v.Doc.Kind == content.KindArticle }

// section is a part of a document: for an article, a top-level provision
// with any unnumbered text before it; for a module, a "##" heading and what
// follows it, or what comes before the first.
type section struct {
	id    akn.ID     // the provision, for articles
	title string     // the heading's text, for modules; "" before the first heading
	nodes []ast.Node // the top-level blocks the part is made of
}

func cutArticle(d *content.Doc) []section {
	var out []section
	var loose []ast.Node
	for c := d.AST.FirstChild(); c != nil; c = c.NextSibling() {
		if pr, ok := c.(*provision.Provision); ok && !pr.ID.IsZero() {
			out = append(out, section{id: pr.ID, nodes: append(loose, c)})
			loose = nil
			continue
		}
		loose = append(loose, c)
	}
	if len(loose) > 0 {
		if len(out) == 0 {
			return []section{{nodes: loose}}
		}
		out[len(out)-1].nodes = append(out[len(out)-1].nodes, loose...)
	}
	return out
}

func cutModule(d *content.Doc) []section {
	var out []section
	src := d.File.Body
	for c := d.AST.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok && h.Level == 2 {
			out = append(out, section{title: headingText(h, src)})
		} else if len(out) == 0 {
			out = append(out, section{})
		}
		out[len(out)-1].nodes = append(out[len(out)-1].nodes, c)
	}
	return out
}

// headingText is the plain text of a heading.
func headingText(h ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(h, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// Part is one section of a handout or one slide of a presentation.
type Part struct {
	ID     string        // id of the part on the page, such as "slide-2"
	Number int           // its number, from 1
	Label  string        // the provision's citation, such as "art. 6(1)", for articles
	Title  string        // the heading's text, for modules; "" for the part before the first heading
	URL    string        // site-absolute URL of the provision, for articles
	AbsURL string        // its absolute URL as printed, for articles
	QR     string        // site-absolute URL of the provision's QR code, for articles
	Body   template.HTML // the part, rendered as a copy on the view's page
}

// Parts renders the document's sections for the view's page. A
// presentation numbers them after its title slide, which shows a module's
// introduction (see Intro).
func (v *TrainerView) Parts() ([]Part, error) {
	var out []Part
	first := 1
	if v.slides {
		first = 2
	}
	for i, sec := range v.slideSources() {
		p := Part{Number: first + i, Title: sec.title}
		p.ID = "part-" + strconv.Itoa(p.Number)
		if v.slides {
			p.ID = "slide-" + strconv.Itoa(p.Number)
		}
		o := markdown.CopyOptions{Origin: v.Doc.URL, Page: v.page}
		if !v.slides {
			o.Base = v.site.Config.BaseURL
		}
		if !sec.id.IsZero() {
			p.Label = sec.id.Label()
			p.URL = v.graph.URL(sec.id)
			p.AbsURL = markdown.ShortURL(absURL(v.site, p.URL))
			p.QR = qrURL(sec.id.String())
			o.Tail = v.tail
		}
		var buf bytes.Buffer
		if err := markdown.RenderCopy(&buf, v.Doc.File.Body, o, sec.nodes...); err != nil {
			return nil, err
		}
		p.Body = template.HTML(buf.String())
		out = append(out, p)
	}
	return out, nil
}

// Slides is the number of slides of a presentation, title slide included.
func (v *TrainerView) Slides() int { return len(v.slideSources()) + 1 }

// hasIntro reports whether the document is a module with text before its
// first "##" heading.
func (v *TrainerView) hasIntro() bool {
	return v.Doc.Kind == content.KindModule && len(v.sources) > 0 && v.sources[0].title == ""
}

// slideSources are the sections shown as parts of the view: all of them on
// a handout; on a presentation, all but a module's introduction.
func (v *TrainerView) slideSources() []section {
	if v.slides && v.hasIntro() {
		return v.sources[1:]
	}
	return v.sources
}

// Intro renders, for a presentation's title slide, a module's text before
// its first "##" heading; it is empty otherwise.
func (v *TrainerView) Intro() (template.HTML, error) {
	if !v.slides || !v.hasIntro() {
		return "", nil
	}
	var buf bytes.Buffer
	err := markdown.RenderCopy(&buf, v.Doc.File.Body, markdown.CopyOptions{Origin: v.Doc.URL, Page: v.page}, v.sources[0].nodes...)
	return template.HTML(buf.String()), err
}

// tail ends the text of each provision below the top level of an article:
// on a handout, its citation linked to the provision and a link to its QR
// code; on a slide, nothing, since the slide's heading names the provision.
func (v *TrainerView) tail(p *provision.Provision) string {
	if v.slides || p.ID.IsZero() || len(p.ID.Parts) <= 1 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<a class="prov-cite" href="`)
	b.WriteString(template.HTMLEscapeString(urls.Rel(v.page, v.graph.URL(p.ID))))
	b.WriteString(`">`)
	b.WriteString(template.HTMLEscapeString(p.ID.Label()))
	b.WriteString(`</a> <a class="qr-link" href="`)
	b.WriteString(template.HTMLEscapeString(urls.Rel(v.page, qrURL(p.ID.String()))))
	b.WriteString(`" aria-label="QR code for `)
	b.WriteString(template.HTMLEscapeString(p.ID.Label()))
	b.WriteString(`">QR</a>`)
	return b.String()
}

// prepareTransclusions points every transclusion directive in the content
// at the provision it cites, in the document that holds it, so that the
// directive renders the provision's current text. Resolving has already
// reported every directive that cites nothing.
func prepareTransclusions(s *content.Site, g *resolve.Graph) {
	for _, d := range s.Docs {
		_ = ast.Walk(d.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			t, ok := n.(*markdown.Transclusion)
			if !ok || !entering {
				return ast.WalkContinue, nil
			}
			target := g.URL(t.Ref)
			page, _, _ := strings.Cut(target, "#")
			holder := s.Doc(page)
			if t.Ref.IsZero() || holder == nil {
				return ast.WalkSkipChildren, nil
			}
			t.Target = findProvision(holder, t.Ref)
			t.Source = holder.File.Body
			t.Origin = target
			t.Page = d.URL
			t.Caption = s.Config.CitationPrefix + ", " + t.Ref.Label()
			t.Cite = absURL(s, target)
			t.QR = qrURL(t.Ref.String())
			return ast.WalkSkipChildren, nil
		})
	}
}

// findProvision returns the node of provision id in d, or d's whole tree
// when id is the article d holds.
func findProvision(d *content.Doc, id akn.ID) ast.Node {
	if id.String() == d.Root.String() {
		return d.AST
	}
	var found ast.Node
	_ = provision.Walk(d.AST, func(p *provision.Provision) error {
		if p.ID.String() == id.String() {
			found = p
			return errFound
		}
		return nil
	})
	return found
}

// errFound stops a walk once it found what it looked for.
var errFound = errors.New("found")

// absURL is the absolute address of a site-absolute URL under the site's
// base URL.
func absURL(s *content.Site, u string) string {
	return strings.TrimSuffix(s.Config.BaseURL, "/") + u
}
