package resolve

import (
	"strconv"

	"protosite/site/content"
)

// label names a citing place for "Cited by" lists: the document, and for a
// law the provision within it.
func label(s *content.Site, d *content.Doc, anchor string) string {
	switch d.Kind {
	case content.KindRecommendation:
		lbl := "Recommendation " + d.Recommendation.Paragraph
		if m := s.Doc("/meetings/" + d.Recommendation.Meeting + "/"); m != nil {
			lbl += " (" + strconv.Itoa(m.Meeting.Date.Year()) + ")"
		}
		return lbl
	case content.KindLegislation:
		country := d.Legislation.Country
		if c := s.Countries.Get(country); c != nil {
			country = c.Name
		}
		for _, p := range d.Legislation.Provisions {
			if p.ID == anchor {
				return country + ", " + p.Label
			}
		}
		return country + ", " + d.Title
	case content.KindGuidance:
		return "Guidance on article " + strconv.Itoa(d.Guidance.Article)
	}
	return d.Title
}
