// Package content loads the site's content directory: every Markdown file is
// read, its front matter checked against the schema of its kind, and its
// body parsed into a goldmark tree. Nothing here knows about HTML or URLs of
// other pages; that is the work of later stages.
package content

import (
	"github.com/yuin/goldmark/ast"

	"protosite/site/akn"
	"protosite/site/config"
	"protosite/site/diag"
	"protosite/site/frontmatter"
)

// Kind says what a document is, and so which schema and template it uses.
type Kind string

// The kinds of document.
const (
	KindArticle     Kind = "article"     // an article of the Protocol
	KindPreamble    Kind = "preamble"    // the preamble of the Protocol
	KindTestimonium Kind = "testimonium" // the closing formula of the Protocol
	KindPage        Kind = "page"        // a free-standing page such as "about"
)

// Doc is one content file, loaded and parsed.
type Doc struct {
	File     *frontmatter.File  // the file, split into front matter and body
	Fields   frontmatter.Fields // where each front matter field stands
	Kind     Kind               // what the document is
	URL      string             // site-absolute URL path ending in "/", such as "/articles/6/"
	Title    string             // title shown in headings and lists
	Root     akn.ID             // the treaty part the document holds; zero for other documents
	Protocol *ProtocolMeta      // front matter of treaty documents, nil otherwise
	Page     *PageMeta          // front matter of pages, nil otherwise
	AST      ast.Node           // the parsed body
}

// Pos returns the file position of byte offset off in the body.
func (d *Doc) Pos(off int) diag.Pos { return d.File.Pos(d.File.BodyOffset + off) }

// Site is all the content of a site.
type Site struct {
	Config      *config.Config // site settings
	Docs        []*Doc         // every document, in a stable order
	Articles    []*Doc         // articles 1 to N, in order
	Preamble    *Doc           // the preamble, nil when absent
	Testimonium *Doc           // the testimonium, nil when absent
	Pages       []*Doc         // free-standing pages, by URL
}

// Chapter is a chapter of the Protocol with its articles.
type Chapter struct {
	Number   string // roman numeral as written, such as "II"
	Title    string // chapter title
	Articles []*Doc // its articles, in order
}

// Chapters groups the articles by chapter, in article order.
func (s *Site) Chapters() []Chapter {
	var out []Chapter
	for _, a := range s.Articles {
		m := a.Protocol
		if len(out) == 0 || out[len(out)-1].Number != m.Chapter {
			out = append(out, Chapter{Number: m.Chapter, Title: m.ChapterTitle})
		}
		out[len(out)-1].Articles = append(out[len(out)-1].Articles, a)
	}
	return out
}
