package render

import (
	"protosite/site/content"
)

// planKinds lists the pages of meetings, recommendations, legislation,
// countries and the glossary, each kind with its index page.
func (pl *planner) planKinds() []*Page {
	s, l := pl.s, pl.lang
	var pages []*Page
	// add makes a page, which the language may not have (see
	// missingPages): it is then made but not listed, and links lead to the
	// default language's.
	add := func(url, tmpl, title, section string, doc *content.Doc, data any) *Page {
		p := pl.newPage(url, tmpl, title)
		p.Section, p.Data = section, data
		if doc != nil {
			p.show(doc)
			if p.Title == "" {
				p.Title = l.titleOf(p.Doc)
			}
		}
		if l.has(url) {
			pages = append(pages, p)
		}
		return p
	}

	add("/meetings/", "meetings", l.t("title.meetings"), "meetings", nil, nil).Description = l.t("description.meetings")
	for _, m := range s.Meetings {
		p := add(m.URL, "meeting", "", "meetings", m, adoptedAt(s, m))
		p.Description = l.t("description.meeting", "organ", p.Doc.Meeting.Organ, "date", l.date(m.Meeting.Date))
	}

	add("/recommendations/", "recommendations", l.t("title.recommendations"), "recommendations", nil, pl.shared.recommendations).Description = l.t("description.recommendations")
	for _, rec := range s.Recommendations {
		p := add(rec.URL, "recommendation", "", "recommendations", rec, s.Doc("/meetings/"+rec.Recommendation.Meeting+"/"))
		p.Description = l.t("description.recommendation", "theme", p.Doc.Recommendation.Theme, "paragraph", p.Doc.Recommendation.Paragraph)
	}

	add("/legislation/", "legislation-index", l.t("title.legislation"), "legislation", nil, pl.shared.legislation).Description = l.t("description.legislation")
	for _, law := range s.Legislation {
		p := add(law.URL, "law", "", "legislation", law, nil)
		p.Description = l.t("description.law", "country", countryName(s, law.Legislation.Country), "title", p.Doc.Title)
	}

	countries := pl.shared.countries
	add("/countries/", "countries", l.t("title.countries"), "countries", nil, countries).Description = l.t("description.countries")
	for _, c := range countries {
		p := add(c.Country.URL(), "country", c.Country.Name, "countries", nil, c)
		p.Description = l.t("description.country", "country", c.Country.Name)
	}

	add("/goto/", "goto", l.t("title.goto"), "", nil, nil).BodyClass = "goto-page"
	if len(l.terms) > 0 {
		add("/glossary/", "glossary", l.t("title.glossary"), "glossary", nil, l.terms).Description = l.t("description.glossary")
	}
	return pages
}

func countryName(s *content.Site, code string) string {
	if c := s.Countries.Get(code); c != nil {
		return c.Name
	}
	return code
}

// adoptedAt returns the recommendations adopted at meeting m.
func adoptedAt(s *content.Site, m *content.Doc) []*content.Doc {
	var out []*content.Doc
	for _, r := range s.Recommendations {
		if r.Recommendation.Meeting == m.ID {
			out = append(out, r)
		}
	}
	return out
}

// RecommendationIndex groups recommendations two ways.
type RecommendationIndex struct {
	ByMeeting []MeetingRecs // in meeting order
	ByTheme   []ThemeRecs   // in order of first appearance
}

// MeetingRecs is a meeting with the recommendations it adopted.
type MeetingRecs struct {
	Meeting *content.Doc   // the meeting
	Recs    []*content.Doc // its recommendations
}

// ThemeRecs is a theme with its recommendations.
type ThemeRecs struct {
	Theme string         // the theme as written
	Recs  []*content.Doc // its recommendations
}

func recommendationIndex(s *content.Site) RecommendationIndex {
	var idx RecommendationIndex
	for _, m := range s.Meetings {
		if recs := adoptedAt(s, m); len(recs) > 0 {
			idx.ByMeeting = append(idx.ByMeeting, MeetingRecs{Meeting: m, Recs: recs})
		}
	}
	themes := map[string]int{}
	for _, r := range s.Recommendations {
		t := r.Recommendation.Theme
		i, ok := themes[t]
		if !ok {
			i = len(idx.ByTheme)
			themes[t] = i
			idx.ByTheme = append(idx.ByTheme, ThemeRecs{Theme: t})
		}
		idx.ByTheme[i].Recs = append(idx.ByTheme[i].Recs, r)
	}
	return idx
}
