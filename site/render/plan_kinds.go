package render

import (
	"protosite/site/content"
	"protosite/site/resolve"
)

// planKinds lists the pages of meetings, recommendations, legislation,
// countries and the glossary, each kind with its index page.
func (r *Renderer) planKinds(s *content.Site, g *resolve.Graph) []*Page {
	var pages []*Page
	add := func(url, tmpl, title, section string, doc *content.Doc, data any) *Page {
		p := r.newPage(s, g, url, tmpl, title)
		p.Section, p.Doc, p.Data = section, doc, data
		pages = append(pages, p)
		return p
	}

	add("/meetings/", "meetings", "Meetings and statements", "meetings", nil, nil).Description =
		"Meetings of the Working Group on the Smuggling of Migrants and statements to the Conference of the Parties, by date."
	for _, m := range s.Meetings {
		add(m.URL, "meeting", m.Title, "meetings", m, adoptedAt(s, m)).Description = m.Meeting.Organ + ", " + m.Meeting.Date.String() + "."
	}

	add("/recommendations/", "recommendations", "Recommendations", "recommendations", nil, recommendationIndex(s)).Description =
		"Recommendations of the Working Group on the Smuggling of Migrants, by meeting and by theme, with the provisions they concern."
	for _, rec := range s.Recommendations {
		p := add(rec.URL, "recommendation", rec.Title, "recommendations", rec, s.Doc("/meetings/"+rec.Recommendation.Meeting+"/"))
		p.Description = rec.Recommendation.Theme + ": recommendation " + rec.Recommendation.Paragraph + "."
	}

	add("/legislation/", "legislation-index", "Legislation", "legislation", nil, legislationIndex(s, g)).Description =
		"National and regional laws on the smuggling of migrants, by country and by article of the Protocol."
	for _, law := range s.Legislation {
		p := add(law.URL, "law", law.Title, "legislation", law, nil)
		p.Description = countryName(s, law.Legislation.Country) + ": " + law.Title + "."
	}

	countries := countryPages(s, g)
	add("/countries/", "countries", "Countries", "countries", nil, countries).Description =
		"Every country named on the site, with its legislation, the articles it implements and its participation in meetings."
	for _, c := range countries {
		p := add(c.Country.URL(), "country", c.Country.Name, "countries", nil, c)
		p.Description = c.Country.Name + ": legislation, articles implemented and participation."
	}

	add("/goto/", "goto", "Go to a provision", "", nil, nil).BodyClass = "goto-page"
	if terms := glossary(s); len(terms) > 0 {
		add("/glossary/", "glossary", "Glossary", "glossary", nil, terms).Description =
			"The terms defined in article 3 of the Protocol, each with its definition and link."
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
