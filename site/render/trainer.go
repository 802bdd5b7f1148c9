package render

import (
	"bytes"
	"errors"
	"html/template"
	"slices"
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
// module.
func (pl *planner) planTrainer() []*Page {
	s, g, l := pl.s, pl.g, pl.lang
	var pages []*Page
	var views []*TrainerView
	for _, a := range s.Articles {
		views = append(views, newTrainerView(s, g, l, a))
	}
	var moduleViews []*TrainerView
	for _, m := range s.Modules {
		moduleViews = append(moduleViews, newTrainerView(s, g, l, m))
	}

	idx := pl.newPage("/modules/", "modules", l.t("title.modules"))
	idx.Section = "modules"
	idx.Description = l.t("description.modules")
	idx.Data = ModuleIndex{Modules: moduleViews, Articles: views}
	pages = append(pages, idx)
	for _, v := range moduleViews {
		p := pl.newPage(v.Doc.URL, "module", v.Doc.Title)
		p.show(v.Doc)
		p.Section, p.Data = "modules", v
		p.Description = l.t("description.module", "title", p.Doc.Title)
		if sum := p.Doc.Module.Summary; sum != "" {
			p.Description = sum
		}
		pages = append(pages, p)
	}

	for _, v := range append(views, moduleViews...) {
		section := "articles"
		if v.Doc.Kind == content.KindModule {
			section = "modules"
		}
		title := l.titleOf(v.Doc)
		translated := v.Doc.Original != nil && v.Doc.Protocol != nil && !l.Authentic
		h := pl.newPage(v.Handout, "handout", l.t("title.handout", "title", title))
		h.Translation = translated
		h.Section, h.Data, h.BodyClass = section, v.at(h.URL, false), "handout-page"
		h.Description = l.t("description.handout", "name", v.Name())
		h.shows = []*content.Doc{v.Doc}
		pr := pl.newPage(v.Present, "present", l.t("title.presentation", "title", title))
		pr.Translation = translated
		pr.Section, pr.Data, pr.BodyClass = section, v.at(pr.URL, true), "present-page"
		pr.Description = l.t("description.presentation", "name", v.Name())
		pr.Scripts = []string{"present.js"}
		pr.shows = []*content.Doc{v.Doc}
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
	Citation *Citation    // how to cite an article; nil for a module

	page    string // site-absolute URL of the page showing the view
	slides  bool   // cut for a presentation rather than a handout
	site    *content.Site
	graph   *resolve.Graph
	lang    *langView
	sources []section // the parts of the document, as cut
}

// newTrainerView makes the view of d, an article or module in the default
// language, for pages in language l: it shows d's translation where there
// is one.
func newTrainerView(s *content.Site, g *resolve.Graph, l *langView, orig *content.Doc) *TrainerView {
	d := orig.In(l.Code)
	v := &TrainerView{Doc: d, Handout: orig.URL + "handout/", Present: orig.URL + "present/", site: s, graph: g, lang: l}
	v.AbsURL = markdown.ShortURL(absURL(s, l.url(orig.URL)))
	if d.Kind == content.KindArticle {
		v.QR = l.qr(qrURL(d.Root.String()))
		v.Citation = citeArticle(s, l, d)
		v.sources = cutArticle(d)
	} else {
		v.QR = l.qr(qrURL(moduleQRName(d)))
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
		return v.lang.t("doc.article_name", "number", v.Doc.Protocol.Article)
	}
	return v.lang.t("doc.module_name", "title", v.Doc.Title)
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
		o := v.copyOptions()
		if !v.slides {
			o.Base = v.site.Config.BaseURL
		}
		if !sec.id.IsZero() {
			p.Label = sec.id.Label()
			p.URL = v.graph.URL(sec.id)
			p.AbsURL = markdown.ShortURL(absURL(v.site, v.lang.url(p.URL)))
			p.QR = v.lang.qr(qrURL(sec.id.String()))
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
	err := markdown.RenderCopy(&buf, v.Doc.File.Body, v.copyOptions(), v.sources[0].nodes...)
	return template.HTML(buf.String()), err
}

// copyOptions says how the view's document is copied onto its page.
func (v *TrainerView) copyOptions() markdown.CopyOptions {
	o := v.lang.copyOptions()
	o.Origin, o.Page = v.lang.url(v.Doc.URL), v.page
	return o
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
	b.WriteString(template.HTMLEscapeString(urls.Rel(v.page, v.lang.url(v.graph.URL(p.ID)))))
	b.WriteString(`"`)
	if v.lang.RTL() {
		b.WriteString(` dir="ltr"`)
	}
	b.WriteString(`>`)
	b.WriteString(template.HTMLEscapeString(p.ID.Label()))
	b.WriteString(`</a> <a class="qr-link" href="`)
	b.WriteString(template.HTMLEscapeString(urls.Rel(v.page, v.lang.qr(qrURL(p.ID.String())))))
	b.WriteString(`" aria-label="`)
	b.WriteString(template.HTMLEscapeString(v.lang.t("trainer.qr_for", "label", p.ID.Label())))
	b.WriteString(`">QR</a>`)
	return b.String()
}

// prepareTransclusions points every transclusion directive in the content
// at the provision it cites, in the document that holds it (in the
// directive's language, where the holder is translated), so that the
// directive renders the provision's current text. Resolving has already
// reported every directive that cites nothing. What depends on the page
// the directive is shown on is set when it is rendered. It returns, for
// each document with directives, the documents they quote.
func prepareTransclusions(s *content.Site, g *resolve.Graph) map[*content.Doc][]*content.Doc {
	quoted := map[*content.Doc][]*content.Doc{}
	for _, d := range slices.Concat(s.Docs, s.Translations) {
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
			holder = holder.In(d.Lang)
			quoted[d] = append(quoted[d], holder)
			t.Target = findProvision(holder, t.Ref)
			t.Source = holder.File.Body
			t.Origin = target
			t.Page = d.URL
			t.Caption = shortCitation(s, t.Ref)
			t.Cite = absURL(s, target)
			t.QR = qrURL(t.Ref.String())
			return ast.WalkSkipChildren, nil
		})
	}
	return quoted
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
