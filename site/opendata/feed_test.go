package opendata_test

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"protosite/site/opendata"
	"protosite/site/urls"
)

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Href string `xml:"href,attr"`
}

type atomFeed struct {
	XMLName xml.Name   `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Author  string     `xml:"author>name"`
	Entries []struct {
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Link    atomLink `xml:"link"`
		Summary string   `xml:"summary"`
	} `xml:"entry"`
}

// TestFeed checks that feed.xml is an Atom feed whose dates all come from
// the content, newest first, with absolute links to pages that exist.
func TestFeed(t *testing.T) {
	s, g := load(t)
	data := dataFiles(t, s, g)[opendata.Feed]
	site := renderSite(t, s, g)
	var f atomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", opendata.Feed, err)
	}
	base := strings.TrimSuffix(s.Config.BaseURL, "/")
	if f.ID == "" || f.Title == "" || f.Author == "" {
		t.Errorf("feed lacks id, title or author: %+v", f)
	}
	if len(f.Entries) == 0 {
		t.Fatal("the feed has no entries")
	}
	contentDates := map[string]bool{}
	for _, m := range s.Meetings {
		contentDates[m.Meeting.Date.ISO()] = true
	}
	for _, l := range s.Legislation {
		if l.Legislation.LastVerified != nil {
			contentDates[l.Legislation.LastVerified.ISO()] = true
		}
	}
	seen := map[string]bool{}
	var newest time.Time
	for i, e := range f.Entries {
		at, err := time.Parse(time.RFC3339, e.Updated)
		if err != nil {
			t.Errorf("entry %s: updated %q: %v", e.ID, e.Updated, err)
			continue
		}
		if !contentDates[at.Format(time.DateOnly)] || at.Hour()+at.Minute()+at.Second() != 0 {
			t.Errorf("entry %s: updated %s is no date of the content (%v)", e.ID, e.Updated, contentDates)
		}
		if i > 0 && e.Updated > f.Entries[i-1].Updated {
			t.Errorf("entry %s is newer than the one before it", e.ID)
		}
		if at.After(newest) {
			newest = at
		}
		if seen[e.ID] {
			t.Errorf("entry id %s is used twice", e.ID)
		}
		seen[e.ID] = true
		page, ok := strings.CutPrefix(e.Link.Href, base)
		if !ok || e.ID != e.Link.Href {
			t.Errorf("entry %s: link %q is not absolute under %s", e.ID, e.Link.Href, base)
		}
		if _, ok := site[urls.File(page)]; !ok {
			t.Errorf("entry %s: no page %s", e.ID, page)
		}
		if e.Title == "" || e.Summary == "" {
			t.Errorf("entry %s has no title or summary", e.ID)
		}
	}
	if want := newest.Format(time.RFC3339); f.Updated != want {
		t.Errorf("feed updated %s, want the newest entry's %s", f.Updated, want)
	}
	self := false
	for _, l := range f.Links {
		self = self || (l.Rel == "self" && l.Href == base+"/"+opendata.Feed)
	}
	if !self {
		t.Errorf("no rel=self link to %s/%s in %v", base, opendata.Feed, f.Links)
	}
}
