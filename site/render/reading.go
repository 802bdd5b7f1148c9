package render

import (
	"bytes"
	"html/template"

	"protosite/site/content"
	"protosite/site/markdown"
)

// ReadingList is what the reading list page holds: a copy of the treaty
// from which its script shows the provisions named in the page's address,
// in that order, so that a trainer shares a list as one link that works on
// any host and from file://, with no request beyond the page.
type ReadingList struct {
	UI   string         // the script's interface strings (keys js.reading_* and the go-to box's), as JSON
	docs []*content.Doc // the preamble and the articles, in the page's language where translated
	page string         // site-absolute URL of the page
	lang *langView
}

// ReadingSource is one part of the treaty, copied for the reading list.
type ReadingSource struct {
	Ref   string        // its AKN id: "art_6", or "preamble"
	Label string        // its citation: "art. 6"
	Title string        // its title in the page's language, such as "Article 6. Criminalization"
	URL   string        // site-absolute URL of its page
	Doc   *content.Doc  // the document copied, for its language
	Body  template.HTML // the copy, its provisions without ids but with their citations
}

// readingStrings are the keys, after "js.", of the script's messages: its
// own, the go-to box's for a citation it cannot add, and its copy button's
// label (site.js, which copies, says how it went).
var readingStrings = []string{"reading_remove", "reading_remove_aria", "reading_up", "reading_up_aria", "reading_added", "reading_have", "goto_invalid", "goto_missing", "copy_link"}

// planReading makes the reading list page.
func (pl *planner) planReading() *Page {
	s, l := pl.s, pl.lang
	p := pl.newPage("/reading/", "reading", l.t("title.reading"))
	p.Section = "modules"
	p.Description = l.t("description.reading")
	p.Scripts = []string{"reading.js"}
	ui, err := l.scriptStrings(readingStrings...)
	if err != nil {
		l.fail(err)
	}
	r := &ReadingList{UI: ui, page: p.URL, lang: l}
	for _, d := range s.Treaty() {
		if !d.Root.IsZero() { // the testimonium has no provision to list
			r.docs = append(r.docs, d.In(l.Code))
		}
	}
	p.Data = r
	// The page copies the treaty: a live rebuild renders it again when the
	// treaty's text changes.
	p.shows = r.docs
	return p
}

// Sources renders the copy of each part of the treaty.
func (r *ReadingList) Sources() ([]ReadingSource, error) {
	var out []ReadingSource
	for _, d := range r.docs {
		o := r.lang.copyOptions()
		o.Origin, o.Page = r.lang.url(d.URL), r.page
		var buf bytes.Buffer
		if err := markdown.RenderCopy(&buf, d.File.Body, o, d.AST); err != nil {
			return nil, err
		}
		out = append(out, ReadingSource{
			Ref: d.Root.String(), Label: d.Root.Label(), Title: r.lang.titleOf(d),
			URL: d.URL, Doc: d, Body: template.HTML(buf.String()),
		})
	}
	return out, nil
}
