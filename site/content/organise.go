package content

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// crossCheck checks what one document says about another, and sorts the
// lists of each kind.
func (l *loader) crossCheck(s *Site, byURL map[string]*Doc) {
	for _, r := range s.Recommendations {
		if byURL["/meetings/"+r.Recommendation.Meeting+"/"] == nil {
			l.errs.Addf(r.Fields.Pos("meeting"), "no meeting %q in meetings/", r.Recommendation.Meeting)
		}
	}
	for n, g := range s.Guidance {
		if n > len(s.Articles)+len(l.broken) {
			l.errs.Addf(g.Fields.Pos("article"), "guidance on article %d, but the Protocol has %d articles", n, len(s.Articles))
		}
	}
	slices.SortStableFunc(s.Meetings, func(a, b *Doc) int {
		return cmp.Or(a.Meeting.Date.Compare(b.Meeting.Date.Time), strings.Compare(a.ID, b.ID))
	})
	meetingOrder := map[string]int{}
	for i, m := range s.Meetings {
		meetingOrder[m.ID] = i
	}
	slices.SortStableFunc(s.Recommendations, func(a, b *Doc) int {
		return cmp.Or(cmp.Compare(meetingOrder[a.Recommendation.Meeting], meetingOrder[b.Recommendation.Meeting]), strings.Compare(a.Recommendation.Paragraph, b.Recommendation.Paragraph), strings.Compare(a.ID, b.ID))
	})
	col := collate.New(language.English, collate.Loose)
	name := func(d *Doc) string {
		if c := s.Countries.Get(d.Legislation.Country); c != nil {
			return c.Name
		}
		return d.Legislation.Country
	}
	slices.SortStableFunc(s.Legislation, func(a, b *Doc) int {
		return cmp.Or(col.CompareString(name(a), name(b)), col.CompareString(a.Title, b.Title), strings.Compare(a.ID, b.ID))
	})
}
