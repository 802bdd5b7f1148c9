package opendata

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"protosite/site/akn"
	"protosite/site/content"
	"protosite/site/plaintext"
	"protosite/site/provision"
	"protosite/site/resolve"
)

// Protocol is the treaty as data/protocol.json gives it.
type Protocol struct {
	Title    string `json:"title"`    // the treaty's full title, verbatim
	Language string `json:"language"` // BCP 47 tag of the text
	Parts    []Part `json:"parts"`    // preamble, articles and testimonium, in reading order
}

// Part is the preamble, an article or the testimonium.
type Part struct {
	Type       string      `json:"type"`               // "preamble", "article" or "testimonium"
	ID         string      `json:"id,omitempty"`       // AKN id, "art_6"; the testimonium has none
	Citation   string      `json:"citation,omitempty"` // "art. 6"
	URL        string      `json:"url"`                // site-absolute page URL
	Number     int         `json:"number,omitempty"`   // article number
	Title      string      `json:"title"`              // article title, verbatim, or "Preamble"
	Chapter    *Chapter    `json:"chapter,omitempty"`  // the article's chapter
	Text       string      `json:"text,omitempty"`     // text outside numbered provisions, verbatim
	Source     Source      `json:"source"`             // where the text was taken from
	Provisions []Provision `json:"provisions,omitempty"`

	id    akn.ID   // the part's identifier; zero for the testimonium
	paras []string // Text, one string a paragraph
}

// Chapter is the chapter an article stands in.
type Chapter struct {
	Number string `json:"number"` // roman numeral as written, "II"
	Title  string `json:"title"`  // verbatim
}

// Source is the provenance of a part's text, from its front matter.
type Source struct {
	Repo         string `json:"repo"`
	Path         string `json:"path"`
	Commit       string `json:"commit"`
	Origin       string `json:"origin,omitempty"`
	Verification string `json:"verification,omitempty"`
}

// Provision is a paragraph, point, recital or formula with what it holds.
type Provision struct {
	ID         string      `json:"id"`            // AKN id, "art_6__para_1__point_b__point_i"
	Citation   string      `json:"citation"`      // "art. 6(1)(b)(i)"
	URL        string      `json:"url"`           // "/articles/6/#art_6__para_1__point_b__point_i"
	Num        string      `json:"num,omitempty"` // the marker as written, "(i)"; none in the preamble
	Text       string      `json:"text"`          // its own words, verbatim, without the marker
	Provisions []Provision `json:"provisions,omitempty"`

	id    akn.ID
	paras []string // Text, one string a paragraph
}

// buildProtocol gathers the treaty's parts in reading order.
func buildProtocol(s *content.Site, g *resolve.Graph) *Protocol {
	p := &Protocol{Title: s.Config.TreatyTitle, Language: s.Config.Language, Parts: []Part{}}
	for _, d := range slices.Concat([]*content.Doc{s.Preamble}, s.Articles, []*content.Doc{s.Testimonium}) {
		if d != nil {
			p.Parts = append(p.Parts, part(d, g))
		}
	}
	return p
}

func part(d *content.Doc, g *resolve.Graph) Part {
	m := d.Protocol
	pt := Part{
		Type:   string(d.Kind),
		URL:    d.URL,
		Title:  d.Title,
		Source: Source{Repo: m.SourceRepo, Path: m.SourcePath, Commit: m.SourceCommit, Origin: m.SourceOrigin, Verification: m.Verification},
		id:     d.Root,
	}
	if !d.Root.IsZero() {
		pt.ID, pt.Citation = d.Root.String(), d.Root.Label()
	}
	if d.Kind == content.KindArticle {
		pt.Number, pt.Title = m.Article, m.Title
		pt.Chapter = &Chapter{Number: m.Chapter, Title: m.ChapterTitle}
	}
	pt.paras = ownText(d.AST, d.File.Body)
	pt.Text = strings.Join(pt.paras, "\n\n")
	pt.Provisions = provisions(d.AST, d.File.Body, g)
	return pt
}

// provisions returns the provisions directly below n, with theirs.
func provisions(n ast.Node, src []byte, g *resolve.Graph) []Provision {
	var out []Provision
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		p, ok := c.(*provision.Provision)
		if !ok || p.ID.IsZero() {
			continue
		}
		pr := Provision{ID: p.ID.String(), Citation: p.ID.Label(), URL: g.URL(p.ID), Num: p.Marker, id: p.ID}
		pr.paras = ownText(p, src)
		pr.Text = strings.Join(pr.paras, "\n\n")
		pr.Provisions = provisions(p, src, g)
		out = append(out, pr)
	}
	return out
}

// ownText returns the text of the blocks directly below n that are not
// provisions, one string a block: a provision's own words without its
// marker (which is not part of the tree) and without the nested provisions.
func ownText(n ast.Node, src []byte) []string {
	var out []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*provision.Provision); ok {
			continue
		}
		if t := plaintext.Of(c, src); t != "" {
			out = append(out, t)
		}
	}
	return out
}
