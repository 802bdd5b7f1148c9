package render

import (
	"html/template"
	"strconv"
	"strings"

	"protosite/site/content"
	"protosite/site/i18n"
	"protosite/site/markdown"
	"protosite/site/urls"
)

// The page's language: its versions in other languages, its interface
// strings, and text of another language marked as such.

// Alternate is the page in one language, for <link rel="alternate">.
type Alternate struct {
	Hreflang string // language code, or "x-default"
	Href     string // link from the page
}

// SwitchItem is one language in the language switch.
type SwitchItem struct {
	Code, Name, Dir string
	Href            string // link to the same page in that language
	Current         bool   // the page's own language
}

// setAlternates links the page to itself in every language.
func (p *Page) setAlternates(langs []*langView) {
	if len(langs) < 2 {
		return
	}
	for _, l := range langs {
		if !l.has(p.Base) {
			continue
		}
		href := urls.Rel(p.URL, l.url(p.Base))
		p.Alternates = append(p.Alternates, Alternate{Hreflang: l.Code, Href: href})
		p.Switch = append(p.Switch, SwitchItem{Code: l.Code, Name: l.Name, Dir: l.Dir, Href: href, Current: l.Code == p.Lang.Code})
	}
	if len(p.Switch) < 2 {
		p.Alternates, p.Switch = nil, nil
		return
	}
	p.Alternates = append(p.Alternates, Alternate{Hreflang: "x-default", Href: urls.Rel(p.URL, p.Base)})
	// Written here rather than by the template: they are on every page,
	// and a template action costs far more than a string.
	var b strings.Builder
	for _, a := range p.Alternates {
		b.WriteString(`<link rel="alternate" hreflang="` + a.Hreflang + `" href="` + template.HTMLEscapeString(a.Href) + "\">\n")
	}
	p.AlternateLinks = template.HTML(b.String())
	b.Reset()
	b.WriteString("<ul>\n")
	for _, sw := range p.Switch {
		attrs := `lang="` + sw.Code + `" dir="` + sw.Dir + `"`
		name := template.HTMLEscapeString(sw.Name)
		if sw.Current {
			b.WriteString(`<li><span aria-current="true" ` + attrs + ">" + name + "</span></li>\n")
		} else {
			b.WriteString(`<li><a href="` + template.HTMLEscapeString(sw.Href) + `" hreflang="` + sw.Code + `" ` + attrs + " data-lang-switch>" + name + "</a></li>\n")
		}
	}
	b.WriteString("</ul>")
	p.SwitchList = template.HTML(b.String())
}

// T returns the interface string key in the page's language, with its
// placeholders filled from args, pairs of name and value.
func (p *Page) T(key string, args ...any) (string, error) { return p.lang.msgs.T(key, args...) }

// H returns the interface string key, which holds HTML, with its
// placeholders filled and escaped.
func (p *Page) H(key string, args ...any) (template.HTML, error) {
	return p.lang.msgs.HTML(key, args...)
}

// N returns the count message key for n.
func (p *Page) N(key string, n int, args ...any) (string, error) {
	return p.lang.msgs.N(key, n, args...)
}

// In returns d in the page's language: its translation, or d itself.
func (p *Page) In(d *content.Doc) *content.Doc {
	if d == nil {
		return nil
	}
	return d.In(p.Lang.Code)
}

// langAttrs returns the lang and dir attributes that mark text in language
// code inside the page, or "" when the page is in that language.
func (p *Page) langAttrs(code string) string {
	if code == "" || code == p.Lang.Code {
		return ""
	}
	dir := "ltr"
	if l, ok := p.Site.Lang(code); ok {
		dir = l.Dir
	}
	a := ` lang="` + template.HTMLEscapeString(code) + `"`
	if dir != p.Lang.Dir {
		a += ` dir="` + dir + `"`
	}
	return a
}

// LangAttr returns the attributes for an element holding text of d.
func (p *Page) LangAttr(d *content.Doc) template.HTMLAttr {
	if d == nil {
		return ""
	}
	return template.HTMLAttr(p.langAttrs(d.Lang))
}

// LangAttrCode returns the attributes for an element holding text in
// language code.
func (p *Page) LangAttrCode(code string) template.HTMLAttr {
	return template.HTMLAttr(p.langAttrs(code))
}

// Text returns s, text of d, escaped, and marked with its language when it
// is not the page's.
func (p *Page) Text(d *content.Doc, s string) template.HTML {
	if d == nil {
		return template.HTML(template.HTMLEscapeString(s))
	}
	return p.TextIn(d.Lang, s)
}

// TextIn returns s, text in language code, escaped and marked like Text.
func (p *Page) TextIn(code, s string) template.HTML {
	if s == "" {
		return ""
	}
	esc := template.HTMLEscapeString(s)
	if a := p.langAttrs(code); a != "" {
		return template.HTML("<span" + a + ">" + esc + "</span>")
	}
	return template.HTML(esc)
}

// Block returns body, rendered content of d, wrapped in a <div> that marks
// its language when it is not the page's.
func (p *Page) Block(d *content.Doc, body template.HTML) template.HTML {
	if d == nil {
		return body
	}
	a := p.langAttrs(d.Lang)
	if a == "" {
		return body
	}
	return template.HTML("<div" + a + ">\n" + string(body) + "</div>")
}

// LTR marks an element holding a citation such as "art. 6(1)" as left to
// right on right-to-left pages, so that it keeps its order.
func (p *Page) LTR() template.HTMLAttr {
	if p.Lang.RTL() {
		return ` dir="ltr"`
	}
	return ""
}

// Cite returns a citation such as "art. 6(1)(a)", isolated as left to
// right on right-to-left pages.
func (p *Page) Cite(label string) template.HTML {
	esc := template.HTMLEscapeString(label)
	if p.Lang.RTL() {
		return template.HTML(`<bdi dir="ltr">` + esc + `</bdi>`)
	}
	return template.HTML(esc)
}

// linkTmpl writes a link with html/template's escaping of URLs.
var linkTmpl = template.Must(template.New("a").Parse(`<a href="{{.Href}}">{{.Text}}</a>`))

// A returns a link to an absolute URL, for messages that hold one.
func (p *Page) A(href, text string) (template.HTML, error) {
	var b strings.Builder
	err := linkTmpl.Execute(&b, struct{ Href, Text string }{href, text})
	return template.HTML(b.String()), err
}

// UI returns the scripts' strings in the page's language, as JSON, or ""
// in English, which the scripts hold themselves.
func (p *Page) UI() string { return p.lang.ui }

// UIPresent returns the presentation script's strings, as JSON, or "" in
// English.
func (p *Page) UIPresent() string { return p.lang.deckUI }

// SiteTitle is the site's title in the page's language, or the default one.
func (p *Page) SiteTitle() string { return cmpOr(p.Lang.Title, p.Site.Title) }

// SiteLangAttr marks the site's title with the default language when the
// page's language has none of its own.
func (p *Page) SiteLangAttr() template.HTMLAttr {
	if p.Lang.Title != "" {
		return ""
	}
	return template.HTMLAttr(p.langAttrs(p.Site.Language))
}

// TreatyTitle is the treaty's full title in the page's language, or the
// default one.
func (p *Page) TreatyTitle() string { return cmpOr(p.Lang.TreatyTitle, p.Site.TreatyTitle) }

// TreatyLangAttr marks the treaty's title with the default language when
// the page's language has none of its own.
func (p *Page) TreatyLangAttr() template.HTMLAttr {
	if p.Lang.TreatyTitle != "" {
		return ""
	}
	return template.HTMLAttr(p.langAttrs(p.Site.Language))
}

// TreatyTitleHTML is TreatyTitle, marked with its language when it is not
// the page's.
func (p *Page) TreatyTitleHTML() template.HTML {
	if p.Lang.TreatyTitle != "" {
		return template.HTML(template.HTMLEscapeString(p.Lang.TreatyTitle))
	}
	return p.TextIn(p.Site.Language, p.Site.TreatyTitle)
}

// DefaultLang is the code of the default language.
func (p *Page) DefaultLang() string { return p.Site.Language }

// DefaultLangName is the default language's name in itself, marked with
// its language.
func (p *Page) DefaultLangName() template.HTML {
	d := p.Site.Default()
	return p.TextIn(d.Code, cmpOr(d.Name, d.Code))
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// TitleOf returns a document's title as the page's language writes it:
// "Artikel 6. Strafbaarstelling" for a Dutch article.
func (p *Page) TitleOf(d *content.Doc) string { return p.lang.titleOf(d) }

func (l *langView) titleOf(d *content.Doc) string {
	if d == nil {
		return ""
	}
	switch d.Kind {
	case content.KindArticle:
		return l.t("doc.article_title", "number", d.Protocol.Article, "title", d.Protocol.Title)
	case content.KindPreamble:
		if d.Protocol.Title == "" {
			return l.t("doc.preamble")
		}
	case content.KindTestimonium:
		if d.Protocol.Title == "" {
			return l.t("doc.testimonium")
		}
	case content.KindRecommendation:
		return l.t("doc.recommendation", "paragraph", d.Recommendation.Paragraph)
	}
	return d.Title
}

// Date writes a date as the page's language does.
func (p *Page) Date(d content.Date) string { return p.lang.date(d) }

func (l *langView) date(d content.Date) string {
	return l.t("date.format", "day", d.Day(), "month", l.t("month."+strconv.Itoa(int(d.Month()))), "year", d.Year())
}

// Role writes what a country did at a meeting.
func (p *Page) Role(r Role) (string, error) { return p.T(r.Key, "arg", r.Arg) }

// Chapters groups the articles in the page's language by chapter.
func (p *Page) Chapters() []LangChapter {
	var out []LangChapter
	for _, a := range p.Content.Articles {
		d := p.In(a)
		m := d.Protocol
		if len(out) == 0 || out[len(out)-1].Number != a.Protocol.Chapter {
			out = append(out, LangChapter{Number: a.Protocol.Chapter, Title: m.ChapterTitle, Doc: d})
		}
		out[len(out)-1].Articles = append(out[len(out)-1].Articles, d)
	}
	return out
}

// LangChapter is a chapter of the Protocol in one language.
type LangChapter struct {
	Number   string         // roman numeral as written
	Title    string         // chapter title, in the language of Doc
	Doc      *content.Doc   // the chapter's first article, whose language the title is in
	Articles []*content.Doc // its articles, each in the page's language or the default
}

// Preamble is the preamble in the page's language, or nil.
func (p *Page) Preamble() *content.Doc { return p.In(p.Content.Preamble) }

// Testimonium is the testimonium in the page's language, or nil.
func (p *Page) Testimonium() *content.Doc { return p.In(p.Content.Testimonium) }

// qr maps the URL of a QR code of the default language, which encodes the
// address of a page in it, to the QR code of the same page in this
// language, under the language's prefix: "/qr/art_6.svg" is
// "/nl/qr/art_6.svg" in Dutch.
func (l *langView) qr(url string) string {
	if l.prefix == "" || !strings.HasPrefix(url, "/qr/") {
		return url
	}
	return l.prefix + url
}

// copyOptions are the language settings of content copied onto a page of
// this language (handouts, presentations, quoted provisions).
func (l *langView) copyOptions() markdown.CopyOptions {
	o := markdown.CopyOptions{LTR: l.RTL(), QR: l.qr}
	if !l.isDefault() {
		o.Local = l.url
	}
	if l.Code != i18n.Reference {
		o.OriginLabel = func(label string) string { return l.t("copy.origin", "label", label) }
		o.QRLabel = func(label string) string { return l.t("trainer.qr_for", "label", label) }
	}
	return o
}
