package render

import (
	"bytes"
	"html/template"
	"slices"

	"protosite/site/content"
	"protosite/site/markdown"
)

// FullText is the whole treaty on one page, in reading order, each
// provision under its own id: for reading it through, finding words in it
// with the browser and printing it, as EUR-Lex shows an act whole.
type FullText struct {
	Sources     []*FullTextSource // where the text was taken from, in reading order
	Translation *FullTextSource   // where the first part in the page's language was taken from, when that is not the default; or nil
	docs        []*content.Doc    // the parts, in the page's language where translated
	page        string            // site-absolute URL of the page
	lang        *langView
}

// FullTextPart is one part of the treaty on the whole text's page.
type FullTextPart struct {
	ID           string        // the section's id: the part's AKN id, such as "art_6", or "testimonium"
	Title        string        // its title in the page's language, such as "Article 6. Criminalization"
	URL          string        // site-absolute URL of its own page
	Doc          *content.Doc  // the part, in the language shown
	OpensChapter bool          // whether a chapter of the treaty starts with it
	Fallback     bool          // whether it is shown in the default language, untranslated
	Body         template.HTML // its text, its provisions under their ids
}

// FullTextSource is a file the text of one or more parts was taken from.
type FullTextSource struct {
	Doc           *content.Doc // the first part taken from it, whose language its origin is in
	Origin        string       // the publication the file mirrors, as the first part that names it says
	Repo          string       // the repository holding the file
	Path          string       // the file in that repository
	Commit        string       // the commit of the file
	Verifications []string     // how the parts were checked against it, each note once
}

// fullTextURL is the site-absolute URL of the whole text, in the default
// language.
const fullTextURL = "/text/"

// planFullText makes the page of the whole treaty, or nil for a site
// without articles.
func (pl *planner) planFullText() *Page {
	s, l := pl.s, pl.lang
	if len(s.Articles) == 0 {
		return nil
	}
	p := pl.newPage(fullTextURL, "text", l.t("title.text"))
	p.Section = "articles"
	p.Description = l.t("description.text")
	f := &FullText{page: p.URL, lang: l}
	byFile := map[[3]string]*FullTextSource{}
	for _, d := range s.Treaty() {
		d = d.In(l.Code)
		f.docs = append(f.docs, d)
		if m := d.Protocol; m != nil {
			src := f.addSource(byFile, d, m)
			if f.Translation == nil && d.Lang == l.Code && !l.isDefault() {
				f.Translation = src
			}
		}
	}
	p.Data = f
	// The page copies the treaty: a live rebuild renders it again when the
	// treaty's text changes.
	p.shows = f.docs
	return p
}

// addSource records where d, with front matter m, was taken from, and
// returns that source.
func (f *FullText) addSource(byFile map[[3]string]*FullTextSource, d *content.Doc, m *content.ProtocolMeta) *FullTextSource {
	key := [3]string{m.SourceRepo, m.SourcePath, m.SourceCommit}
	src := byFile[key]
	if src == nil {
		src = &FullTextSource{Doc: d, Repo: m.SourceRepo, Path: m.SourcePath, Commit: m.SourceCommit}
		byFile[key] = src
		f.Sources = append(f.Sources, src)
	}
	if src.Origin == "" && m.SourceOrigin != "" {
		src.Doc, src.Origin = d, m.SourceOrigin
	}
	if m.Verification != "" && !slices.Contains(src.Verifications, m.Verification) {
		src.Verifications = append(src.Verifications, m.Verification)
	}
	return src
}

// Parts renders each part of the treaty in reading order.
func (f *FullText) Parts() ([]FullTextPart, error) {
	here := map[string]bool{}
	for _, d := range f.docs {
		here[f.lang.url(d.URL)] = true
	}
	var out []FullTextPart
	chapter := ""
	for _, d := range f.docs {
		o := f.lang.copyOptions()
		o.Origin, o.Page = f.lang.url(d.URL), f.page
		o.IDs, o.Holds = true, func(page string) bool { return here[page] }
		var buf bytes.Buffer
		if err := markdown.RenderCopy(&buf, d.File.Body, o, d.AST); err != nil {
			return nil, err
		}
		part := FullTextPart{
			ID: d.Root.String(), Title: f.lang.titleOf(d), URL: d.URL, Doc: d,
			Fallback: d.Lang != f.lang.Code, Body: template.HTML(buf.String()),
		}
		if d.Root.IsZero() && d.Protocol != nil {
			part.ID = d.Protocol.Section
		}
		if m := d.Protocol; m != nil && m.Chapter != "" && m.Chapter != chapter {
			chapter, part.OpensChapter = m.Chapter, true
		}
		out = append(out, part)
	}
	return out, nil
}
