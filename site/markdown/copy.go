package markdown

import (
	"io"
	"net/url"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"protosite/site/provision"
	"protosite/site/urls"
)

// CopyOptions says how RenderCopy shows content on a page other than its own.
type CopyOptions struct {
	// Origin is the site-absolute URL of the page the content belongs to;
	// the links in it, relative to that page or site-absolute, are read
	// from there. A "#fragment" is ignored.
	Origin string
	// Page is the site-absolute URL of the page the copy is shown on; links
	// are made relative to it.
	Page string
	// Tail, if set, gives the HTML written at the end of each named
	// provision's own text, in place of its ¶ link. Unset, the copy links
	// each provision to its original anchor. The HTML is written as is.
	Tail func(p *provision.Provision) string
	// Base, if set, is the absolute URL the site is published at: each
	// link to a page of the site then carries its absolute address without
	// the scheme in data-url, for a printed copy to show.
	Base string
	// Local, if set, maps a site-absolute URL as written in content, in the
	// default language, to the same place in the page's language, such as
	// "/legislation/x/" to "/nl/legislation/x/" where that page exists.
	Local func(url string) string
	// OriginLabel is the accessible name of the ¶ link to a provision's
	// original, given its citation; nil for English.
	OriginLabel func(label string) string
	// LTR marks citation links dir="ltr", for right-to-left pages.
	LTR bool
	// QRLabel is the accessible name of the link to a quoted provision's
	// QR code, given its citation; nil for English.
	QRLabel func(label string) string
	// QR maps the site-absolute URL of a QR code of the default language
	// to the page's language; nil keeps it.
	QR func(url string) string
	// Shallow leaves out of each provision the provisions it holds, so
	// that a copy can be laid out one provision at a time, as the
	// languages side by side are.
	Shallow bool
	// Holds, if set, says whether the copy's page holds the page at a
	// site-absolute URL, its part of the treaty under its root's id and
	// each provision under its own, as the languages side by side hold
	// their article and the whole text the treaty: a citation of one of
	// them leads to its id on the copy's page.
	Holds func(page string) bool
	// IDs keeps each provision's id, for a page that holds each provision
	// it copies once, as the whole text does.
	IDs bool
}

// RenderCopy renders nodes, subtrees of a document whose source is src, as
// a copy shown on another page: provisions keep their numbers and
// data-citation but lose their ids, so that the page holding the copy never
// repeats the ids of the original; their ¶ links and "Cited by" lists are
// left out, and so are the links of defined terms, whose popups belong to
// the original page; and every other link is rewritten to lead from the
// copy's page to where the original led. Everything else renders as the
// site's goldmark renderer renders it.
func RenderCopy(w io.Writer, src []byte, o CopyOptions, nodes ...ast.Node) error {
	c := copyRenderers.Get().(*copyRenderer)
	defer copyRenderers.Put(c)
	c.o = o
	defer func() { c.o = CopyOptions{} }()
	for _, n := range nodes {
		if err := c.full.Render(w, src, n); err != nil {
			return err
		}
	}
	return nil
}

// copyRenderers holds renderers for RenderCopy, which is called for every
// part of every handout and slide: making a goldmark renderer is far
// dearer than rendering a provision. Each is used by one call at a time,
// with that call's options.
var copyRenderers = sync.Pool{New: func() any {
	r := New(WithProvisions()).Renderer()
	c := &copyRenderer{full: r}
	r.AddOptions(renderer.WithNodeRenderers(util.Prioritized(c, copyPriority)))
	return c
}}

// copyPriority puts the copy's renderers ahead of every renderer New
// registers (the lowest of which is 100).
const copyPriority = 10

// copyRenderer replaces, for a copy, the renderers of the nodes that carry
// ids or links.
type copyRenderer struct {
	full renderer.Renderer // the renderer this one is registered in
	o    CopyOptions
}

func (r *copyRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(provision.KindProvision, r.renderProvision)
	reg.Register(KindCitation, r.renderCitation)
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(KindCitedBy, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkSkipChildren, nil
	})
	reg.Register(KindTerm, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkContinue, nil // the term's words, without the link
	})
	reg.Register(KindTransclusion, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		return ast.WalkSkipChildren, renderTransclusion(w, n.(*Transclusion), r.o)
	})
}

func (r *copyRenderer) renderProvision(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	p := n.(*provision.Provision)
	_, _ = w.WriteString(`<div class="provision"`)
	if !p.ID.IsZero() {
		if r.o.IDs {
			writeAttr(w, "id", p.ID.String())
		}
		writeAttr(w, "data-citation", p.ID.Label())
	}
	_, _ = w.WriteString(">\n")
	para, rest := provision.Parts(p)
	if err := provision.WriteText(w, p, para, func(c ast.Node) error { return r.full.Render(w, src, c) }, r.tail(p)); err != nil {
		return ast.WalkStop, err
	}
	for c := rest; c != nil; c = c.NextSibling() {
		if _, sub := c.(*provision.Provision); sub && r.o.Shallow {
			continue
		}
		if err := r.full.Render(w, src, c); err != nil {
			return ast.WalkStop, err
		}
	}
	return ast.WalkSkipChildren, nil
}

// tail is what ends a provision's text: the caller's, or a link to the
// original anchor.
func (r *copyRenderer) tail(p *provision.Provision) string {
	if r.o.Tail != nil {
		return r.o.Tail(p)
	}
	if p.ID.IsZero() {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<a class="origin"`)
	writeAttr(&b, "href", rebase("#"+p.ID.String(), r.o.Origin, r.o.Page))
	name := p.ID.Label() + " on its article page"
	if r.o.OriginLabel != nil {
		name = r.o.OriginLabel(p.ID.Label())
	}
	writeAttr(&b, "aria-label", name)
	b.WriteString(">¶</a>")
	return b.String()
}

func (r *copyRenderer) renderCitation(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	c := n.(*Citation)
	if c.Href == "" || !c.HasChildren() {
		return ast.WalkContinue, nil
	}
	if entering {
		_, _ = w.WriteString(`<a class="cite"`)
		if r.o.LTR {
			_, _ = w.WriteString(` dir="ltr"`)
		}
		writeAttr(w, "href", r.citationHref(c))
		writeAttr(w, "title", c.Ref.Label())
		_, _ = w.WriteString(">")
	} else {
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}

func (r *copyRenderer) renderLink(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	l := n.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<a")
	if dest := l.Destination; !html.IsDangerousURL(dest) {
		writeAttr(w, "href", string(util.URLEscape([]byte(rebase(r.o.local(string(dest)), r.o.Origin, r.o.Page)), true)))
		if target, ok := siteTarget(string(dest), r.o.Origin); ok && r.o.Base != "" {
			writeAttr(w, "data-url", ShortURL(strings.TrimSuffix(r.o.Base, "/")+target))
		}
	}
	if l.Title != nil {
		writeAttr(w, "title", string(l.Title))
	}
	_, _ = w.WriteString(">")
	return ast.WalkContinue, nil
}

// local maps a site-absolute link to the page's language (see Local);
// other links are left as they are.
func (o CopyOptions) local(href string) string {
	if o.Local == nil || !strings.HasPrefix(href, "/") || strings.HasPrefix(href, "//") {
		return href
	}
	return o.Local(href)
}

// rebase rewrites href, a link written on the page at origin, into a link
// from the page at page to the same place. Links with a scheme or a host
// are left as they are.
func rebase(href, origin, page string) string {
	target, ok := siteTarget(href, origin)
	if !ok {
		return href
	}
	return urls.Rel(page, target)
}

// citationHref is where citation c leads from the copy's page: a
// provision the page holds (see Holds) is an anchor on it, and so is a
// whole part it holds, under the id of the part's root.
func (r *copyRenderer) citationHref(c *Citation) string {
	if r.o.Holds != nil {
		target, ok := siteTarget(c.Href, r.o.Origin)
		page, frag, _ := strings.Cut(target, "#")
		if frag == "" && !c.Ref.IsZero() {
			frag = c.Ref.String()
		}
		if ok && frag != "" && r.o.Holds(page) {
			return "#" + frag
		}
	}
	return rebase(c.Href, r.o.Origin, r.o.Page)
}

// siteTarget returns the site-absolute URL, with any fragment, that href
// leads to from the page at origin, and false for a link out of the site.
func siteTarget(href, origin string) (string, bool) {
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "" || u.Host != "" || href == "" {
		return "", false
	}
	originPage, _, _ := strings.Cut(origin, "#")
	abs := (&url.URL{Path: originPage}).ResolveReference(u)
	target := abs.Path
	if abs.Fragment != "" {
		target += "#" + abs.Fragment
	}
	return target, true
}

// ShortURL is an absolute URL as printed for a reader to type: without its
// scheme.
func ShortURL(abs string) string {
	for _, scheme := range []string{"https://", "http://"} {
		if s, ok := strings.CutPrefix(abs, scheme); ok {
			return s
		}
	}
	return abs
}

// writeAttr writes ` name="value"` with value escaped.
func writeAttr(w io.Writer, name, value string) {
	_, _ = io.WriteString(w, " "+name+`="`)
	_, _ = w.Write(util.EscapeHTML([]byte(value)))
	_, _ = io.WriteString(w, `"`)
}
