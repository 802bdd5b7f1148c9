package search

import (
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"

	"protosite/site/akn"
	"protosite/site/content"
	"protosite/site/plaintext"
	"protosite/site/provision"
)

// Documents lists the search documents of a site, in every language it
// has documents in: every provision of the treaty, recommendation,
// provision of a law, guidance note and section of other pages, and the
// same of each translation, under its language's prefix (/nl/articles/6/).
func Documents(s *content.Site) []Doc {
	t := newTitles(s)
	// Made on every core: a large site has tens of thousands, and the
	// search stage waits for them all.
	of := make([][]Doc, len(s.Docs))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(s.Docs); i += workers {
				d := s.Docs[i]
				of[i] = docsOf(s, t, d, "")
				for _, lang := range langsOf(d) {
					of[i] = append(of[i], docsOf(s, t, d.Translations[lang], s.Config.Prefix(lang))...)
				}
			}
		})
	}
	wg.Wait()
	docs := slices.Concat(of...)
	slices.SortFunc(docs, func(a, b Doc) int { return strings.Compare(a.ID, b.ID) })
	return slices.CompactFunc(docs, func(a, b Doc) bool { return a.ID == b.ID })
}

// docsOf makes the search documents of one document, in its language, its
// URLs under prefix.
func docsOf(s *content.Site, t titles, d *content.Doc, prefix string) []Doc {
	lang := d.Lang
	var docs []Doc
	switch d.Kind {
	case content.KindArticle, content.KindPreamble:
		docs = treatyDocs(d, t.of(d), lang)
	case content.KindTestimonium:
		docs = []Doc{{ID: d.URL, Kind: "provision", Title: t.of(d), Text: plaintext.Of(d.AST, d.File.Body), URL: d.URL, Lang: lang}}
	case content.KindRecommendation:
		docs = []Doc{recommendationDoc(s, d, t.recommendation(d), lang)}
	case content.KindLegislation:
		docs = legislationDocs(s, d, lang)
	case content.KindGuidance:
		n := strconv.Itoa(d.Guidance.Article)
		docs = []Doc{{ID: d.URL, Kind: "guidance", Title: t.of(d), Text: plaintext.Of(d.AST, d.File.Body), URL: d.URL, Articles: []string{n}, Lang: lang}}
	case content.KindMeeting:
		docs = sectionDocs(d, "meeting", lang, func(doc *Doc) { doc.Meeting = d.ID; doc.Year = strconv.Itoa(d.Meeting.Date.Year()) })
	case content.KindPage:
		docs = sectionDocs(d, "page", lang, nil)
	case content.KindModule:
		docs = sectionDocs(d, "module", lang, nil)
	}
	if prefix != "" {
		for i := range docs {
			docs[i].ID, docs[i].URL = prefix+docs[i].ID, prefix+docs[i].URL
		}
	}
	return docs
}

// treatyDocs makes one document per provision, holding the provision's own
// text, and one for the text of the article outside numbered provisions.
func treatyDocs(d *content.Doc, heading, lang string) []Doc {
	src := d.File.Body
	article := ""
	if !d.Root.Preamble {
		article = strconv.Itoa(d.Root.Article)
	}
	newDoc := func(id akn.ID, text string) Doc {
		// A provision's title is its citation alone: the article's title
		// would make every provision of "Security and control of
		// documents" match "documents" in its title. Results show both.
		doc := Doc{ID: d.URL + "#" + id.String(), Kind: "provision", Title: id.Label(), Heading: id.Label() + ": " + heading, Text: text, URL: d.URL + "#" + id.String(), Lang: lang}
		if len(id.Parts) == 0 {
			doc.ID, doc.URL, doc.Title, doc.Heading = d.URL, d.URL, heading, ""
		}
		if article != "" {
			doc.Articles = []string{article}
		}
		return doc
	}
	var docs []Doc
	var loose []string
	for c := d.AST.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*provision.Provision); !ok {
			loose = append(loose, plaintext.Of(c, src))
		}
	}
	if len(loose) > 0 || d.Kind == content.KindArticle {
		docs = append(docs, newDoc(d.Root, strings.Join(loose, " ")))
	}
	_ = provision.Walk(d.AST, func(p *provision.Provision) error {
		if p.ID.IsZero() {
			return nil
		}
		var own []string
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			if _, nested := c.(*provision.Provision); !nested {
				own = append(own, plaintext.Of(c, src))
			}
		}
		text := strings.TrimSpace(strings.Join(own, " "))
		if p.Marker != "" {
			text = p.Marker + " " + text
		}
		docs = append(docs, newDoc(p.ID, text))
		return nil
	})
	return docs
}

func recommendationDoc(s *content.Site, d *content.Doc, label, lang string) Doc {
	m := d.Recommendation
	doc := Doc{ID: d.URL, Kind: "recommendation", Title: label + ": " + m.Theme, Text: plaintext.Of(d.AST, d.File.Body), URL: d.URL, Meeting: m.Meeting, Articles: citedArticles(d, ""), Lang: lang}
	if meeting := s.Doc("/meetings/" + m.Meeting + "/"); meeting != nil {
		doc.Year = strconv.Itoa(meeting.Meeting.Date.Year())
	}
	return doc
}

func legislationDocs(s *content.Site, d *content.Doc, lang string) []Doc {
	m := d.Legislation
	country := m.Country
	if c := s.Countries.Get(m.Country); c != nil {
		country = c.Name
	}
	year := ""
	if m.Year != nil {
		year = strconv.Itoa(*m.Year)
	}
	base := Doc{Kind: "legislation", Country: m.Country, Year: year, Lang: lang}
	page := base
	page.ID, page.URL, page.Title = d.URL, d.URL, country+": "+d.Title
	page.Text = plaintext.Of(d.AST, d.File.Body)
	page.Articles = citedArticles(d, "\x00all")
	docs := []Doc{page}
	for _, p := range m.Provisions {
		doc := base
		doc.ID = d.URL + "#" + p.ID
		doc.URL = doc.ID
		doc.Title = country + ": " + d.Title + ", " + p.Label
		doc.Text = strings.Join(nonEmpty(p.Excerpt, p.Summary, p.Missing, p.Note), " ")
		doc.Articles = citedArticles(d, p.ID)
		docs = append(docs, doc)
	}
	return docs
}

// citedArticles lists the article numbers a document's front matter cites
// for anchor; "\x00all" means for any anchor.
func citedArticles(d *content.Doc, anchor string) []string {
	var out []string
	for _, fc := range d.FieldCites {
		if (anchor == "\x00all" || fc.Anchor == anchor) && fc.Ref.Article > 0 {
			out = append(out, strconv.Itoa(fc.Ref.Article))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sectionDocs makes one document per section of a page, a section running
// from one heading to the next.
func sectionDocs(d *content.Doc, kind, lang string, fill func(*Doc)) []Doc {
	src := d.File.Body
	var docs []Doc
	cur := Doc{ID: d.URL, Kind: kind, Title: d.Title, URL: d.URL, Lang: lang}
	var text []string
	flush := func() {
		cur.Text = strings.Join(text, " ")
		if fill != nil {
			fill(&cur)
		}
		if strings.TrimSpace(cur.Text) != "" || cur.ID == d.URL {
			docs = append(docs, cur)
		}
		text = nil
	}
	for c := d.AST.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok {
			if id, ok := h.AttributeString("id"); ok {
				flush()
				anchor := string(id.([]byte))
				cur = Doc{ID: d.URL + "#" + anchor, Kind: kind, Title: d.Title + ": " + plaintext.Of(h, src), URL: d.URL + "#" + anchor, Lang: lang}
				continue
			}
		}
		text = append(text, plaintext.Of(c, src))
	}
	flush()
	return docs
}

func nonEmpty(vals ...string) []string {
	var out []string
	for _, v := range vals {
		if strings.TrimSpace(v) != "" {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}
