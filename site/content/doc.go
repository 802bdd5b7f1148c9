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
	KindArticle        Kind = "article"        // an article of the Protocol
	KindPreamble       Kind = "preamble"       // the preamble of the Protocol
	KindTestimonium    Kind = "testimonium"    // the closing formula of the Protocol
	KindPage           Kind = "page"           // a free-standing page such as "about"
	KindMeeting        Kind = "meeting"        // a meeting or a statement
	KindRecommendation Kind = "recommendation" // a recommendation adopted at a meeting
	KindLegislation    Kind = "legislation"    // a national or regional instrument
	KindGuidance       Kind = "guidance"       // implementation guidance for one article
	KindModule         Kind = "module"         // a training module
)

// Doc is one content file, loaded and parsed.
type Doc struct {
	File           *frontmatter.File   // the file, split into front matter and body
	Fields         frontmatter.Fields  // where each front matter field stands
	Kind           Kind                // what the document is
	URL            string              // site-absolute URL path ending in "/", such as "/articles/6/"
	Title          string              // title shown in headings and lists
	Root           akn.ID              // the treaty part the document holds; zero for other documents
	Protocol       *ProtocolMeta       // front matter of treaty documents, nil otherwise
	Page           *PageMeta           // front matter of pages, nil otherwise
	Meeting        *MeetingMeta        // front matter of meetings and statements
	Recommendation *RecommendationMeta // front matter of recommendations
	Legislation    *LegislationMeta    // front matter of legislation
	Guidance       *GuidanceMeta       // front matter of guidance
	Module         *ModuleMeta         // front matter of training modules
	ID             string              // the id in the document's URL, for kinds that have one
	FieldCites     []FieldCite         // citations written in front matter fields
	AST            ast.Node            // the parsed body
	// Lang is the code of the language the document is written in.
	Lang string
	// Translations are the document's translations by language code; only
	// documents in the default language have them.
	Translations map[string]*Doc
	// Original is, for a translation, the document in the default language
	// it translates; nil for documents in the default language. A
	// translation has the URL of its original (without the language's
	// prefix) and, for treaty text, the same provisions with the same ids.
	Original *Doc
}

// In returns the document in language lang: its translation when there is
// one, or else the document itself, as a fallback.
func (d *Doc) In(lang string) *Doc {
	if t := d.Translations[lang]; t != nil {
		return t
	}
	return d
}

// FieldCite is a citation of the Protocol written in a front matter field,
// such as a recommendation's concerns or a law's implements.
type FieldCite struct {
	Ref    akn.ID   // what is cited
	Text   string   // the field's text
	Pos    diag.Pos // where the field's value stands
	Anchor string   // the element on the page the citation belongs to, "" for the page
}

// Pos returns the file position of byte offset off in the body.
func (d *Doc) Pos(off int) diag.Pos { return d.File.Pos(d.File.BodyOffset + off) }

// Site is all the content of a site.
type Site struct {
	Config          *config.Config // site settings
	Docs            []*Doc         // every document, in a stable order
	Articles        []*Doc         // articles 1 to N, in order
	Preamble        *Doc           // the preamble, nil when absent
	Testimonium     *Doc           // the testimonium, nil when absent
	Pages           []*Doc         // free-standing pages, by URL
	Countries       *Countries     // countries named in the content
	Meetings        []*Doc         // meetings and statements, by date
	Recommendations []*Doc         // recommendations, by meeting and paragraph
	Legislation     []*Doc         // legislation, by country name and title
	Guidance        map[int]*Doc   // guidance, by article number
	BrokenArticles  map[int]bool   // articles whose files failed to load, whose citations are not reported
	Modules         []*Doc         // training modules, by id
	// Translations are every translated document, by file path; they are
	// not in Docs, which holds the default language only, and are reached
	// from their originals (Doc.Translations).
	Translations []*Doc
}

// Doc returns the document at url, or nil.
func (s *Site) Doc(url string) *Doc {
	for _, d := range s.Docs {
		if d.URL == url {
			return d
		}
	}
	return nil
}

// Treaty returns the parts of the treaty in reading order: the preamble,
// the articles and the testimonium, those the site has.
func (s *Site) Treaty() []*Doc {
	var out []*Doc
	if s.Preamble != nil {
		out = append(out, s.Preamble)
	}
	out = append(out, s.Articles...)
	if s.Testimonium != nil {
		out = append(out, s.Testimonium)
	}
	return out
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
