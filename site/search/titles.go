package search

import (
	"slices"

	"protosite/site/content"
	"protosite/site/i18n"
	"protosite/templates"
)

// titles writes the titles the content package makes up in English
// ("Article 6. Strafbaarstelling") in a translation's language, with the
// site's interface strings, as the translation's pages write them; where
// a language has no strings, or a title needs none, the document's own
// title stands.
type titles struct {
	def      string
	catalogs map[string]*i18n.Catalog
}

// newTitles reads the interface strings of the site's other languages.
func newTitles(s *content.Site) titles {
	t := titles{def: s.Config.Language}
	var codes []string
	for _, l := range s.Config.Languages {
		if l.Code != t.def {
			codes = append(codes, l.Code)
		}
	}
	if len(codes) > 0 {
		// The build checks the message files; a problem there leaves the
		// documents' own titles.
		t.catalogs, _ = i18n.LoadLangs(templates.FS, "i18n", "templates/", codes...)
	}
	return t
}

// of returns d's title in its language.
func (t titles) of(d *content.Doc) string {
	c := t.catalogs[d.Lang]
	if d.Lang == t.def || c == nil {
		return d.Title
	}
	var s string
	var err error
	switch {
	case d.Kind == content.KindArticle:
		s, err = c.T("doc.article_title", "number", d.Protocol.Article, "title", d.Protocol.Title)
	case d.Kind == content.KindPreamble && d.Protocol.Title == "":
		s, err = c.T("doc.preamble")
	case d.Kind == content.KindTestimonium && d.Protocol.Title == "":
		s, err = c.T("doc.testimonium")
	case d.Kind == content.KindGuidance:
		s, err = c.T("label.guidance", "number", d.Guidance.Article)
	default:
		return d.Title
	}
	if err != nil {
		return d.Title
	}
	return s
}

// recommendation returns a recommendation's label in its language:
// "Recommendation 10".
func (t titles) recommendation(d *content.Doc) string {
	english := "Recommendation " + d.Recommendation.Paragraph
	c := t.catalogs[d.Lang]
	if d.Lang == t.def || c == nil {
		return english
	}
	s, err := c.T("doc.recommendation", "paragraph", d.Recommendation.Paragraph)
	if err != nil {
		return english
	}
	return s
}

// langsOf lists the languages of d's translations, in order.
func langsOf(d *content.Doc) []string {
	var out []string
	for lang := range d.Translations {
		out = append(out, lang)
	}
	slices.Sort(out)
	return out
}
