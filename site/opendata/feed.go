package opendata

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"protosite/site/content"
	"protosite/site/plaintext"
)

// AtomNamespace is the namespace of Atom feeds.
const AtomNamespace = "http://www.w3.org/2005/Atom"

// entry is one dated change of the content.
type entry struct {
	url     string    // site-absolute URL of the page that changed
	title   string    // what changed
	summary string    // a line about it
	date    time.Time // when, as the content records it
}

// entries lists the changes the content dates: meetings and statements by
// their date, recommendations by their meeting's date, and laws by the day
// their sources were last checked, when recorded. Newest first.
func entries(s *content.Site) []entry {
	var out []entry
	for _, d := range s.Meetings {
		m := d.Meeting
		out = append(out, entry{url: d.URL, title: d.Title, summary: strings.Join(slices.DeleteFunc([]string{m.Organ, m.Place}, func(v string) bool { return v == "" }), ", "), date: m.Date.Time})
	}
	for _, d := range s.Recommendations {
		m := d.Recommendation
		meeting := s.Doc("/meetings/" + m.Meeting + "/")
		if meeting == nil {
			continue
		}
		out = append(out, entry{url: d.URL, title: d.Title + ": " + m.Theme, summary: plaintext.Of(d.AST, d.File.Body), date: meeting.Meeting.Date.Time})
	}
	for _, d := range s.Legislation {
		m := d.Legislation
		if m.LastVerified == nil {
			continue
		}
		out = append(out, entry{url: d.URL, title: countryName(s, m.Country) + ": " + d.Title,
			summary: "Sources last checked against the text on " + m.LastVerified.String() + ".", date: m.LastVerified.Time})
	}
	slices.SortStableFunc(out, func(a, b entry) int { return cmp.Or(b.date.Compare(a.date), strings.Compare(a.url, b.url)) })
	return out
}

// atomDate writes a content date as an Atom date, at midnight UTC.
func atomDate(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// feed writes the Atom feed of the content's dated changes. Its updated
// date is the newest entry's, never the time of the build; links are
// absolute, under the site's base_url.
func feed(s *content.Site) ([]byte, error) {
	base := strings.TrimSuffix(s.Config.BaseURL, "/")
	list := entries(s)
	updated := time.Unix(0, 0) // no dated content: a fixed date rather than the clock
	if len(list) > 0 {
		updated = list[0].date
	}
	w := newXMLWriter()
	w.start("feed", "xmlns", AtomNamespace, "xml:lang", s.Config.Language)
	w.leaf("id", base+"/")
	w.leaf("title", s.Config.Title)
	w.leaf("subtitle", "Dated changes to the content: meetings, recommendations and legislation.")
	w.leaf("updated", atomDate(updated))
	w.leaf("link", "", "rel", "self", "href", base+"/"+Feed)
	w.leaf("link", "", "rel", "alternate", "type", "text/html", "href", base+"/")
	w.start("author")
	w.leaf("name", s.Config.Title)
	w.leaf("uri", base+"/")
	w.end("author")
	for _, e := range list {
		w.start("entry")
		w.leaf("id", base+e.url)
		w.leaf("title", e.title)
		w.leaf("updated", atomDate(e.date))
		w.leaf("link", "", "rel", "alternate", "type", "text/html", "href", base+e.url)
		w.leaf("summary", e.summary)
		w.end("entry")
	}
	w.end("feed")
	return w.bytes()
}
