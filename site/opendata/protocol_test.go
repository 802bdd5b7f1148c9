package opendata_test

import (
	"strings"
	"testing"

	"protosite/site/akn"
	"protosite/site/opendata"
	"protosite/site/urls"
)

// walkProvisions calls fn for every provision in the tree, parents first.
func walkProvisions(list []opendata.Provision, fn func(opendata.Provision)) {
	for _, p := range list {
		fn(p)
		walkProvisions(p.Provisions, fn)
	}
}

// TestProtocolMatchesHTML checks protocol.json against the rendered pages
// both ways: every provision in the JSON is an element of its page with
// the same words, and every provision of a page is in the JSON.
func TestProtocolMatchesHTML(t *testing.T) {
	s, g := load(t)
	files := dataFiles(t, s, g)
	site := renderSite(t, s, g)
	var p opendata.Protocol
	decodeJSON(t, opendata.ProtocolJSON, files[opendata.ProtocolJSON], &p)

	if p.Title != s.Config.TreatyTitle {
		t.Errorf("title = %q, want the treaty title %q", p.Title, s.Config.TreatyTitle)
	}
	if n := len(s.Articles) + 2; len(p.Parts) != n {
		t.Fatalf("%d parts, want preamble, %d articles and testimonium", len(p.Parts), len(s.Articles))
	}
	if p.Parts[0].Type != "preamble" || p.Parts[len(p.Parts)-1].Type != "testimonium" {
		t.Errorf("parts run from %s to %s, want preamble to testimonium", p.Parts[0].Type, p.Parts[len(p.Parts)-1].Type)
	}

	inJSON := map[string]bool{}
	for _, part := range p.Parts {
		if part.Source.Repo == "" || part.Source.Path == "" || len(part.Source.Commit) != 40 {
			t.Errorf("%s: incomplete source %+v", part.URL, part.Source)
		}
		page := urls.File(part.URL)
		data, ok := site[page]
		if !ok {
			t.Errorf("%s: no page %s in the site", part.URL, page)
			continue
		}
		byID := elementsByID(parseHTML(t, page, data))
		if part.ID != "" {
			inJSON[part.ID] = true
			if byID[part.ID] == nil {
				t.Errorf("%s: the page has no element with id %s", part.URL, part.ID)
			}
		}
		if part.Type == "article" && (part.Number == 0 || part.Chapter == nil || part.Chapter.Number == "" || part.Title == "") {
			t.Errorf("%s: article without number, chapter or title: %+v", part.URL, part)
		}
		walkProvisions(part.Provisions, func(pr opendata.Provision) {
			inJSON[pr.ID] = true
			id, err := akn.Parse(pr.ID)
			if err != nil {
				t.Errorf("%s: %v", pr.ID, err)
				return
			}
			if pr.Citation != id.Label() {
				t.Errorf("%s: citation %q, want %q", pr.ID, pr.Citation, id.Label())
			}
			if pr.URL != g.URL(id) || pr.URL != part.URL+"#"+pr.ID {
				t.Errorf("%s: url %q, want %q", pr.ID, pr.URL, part.URL+"#"+pr.ID)
			}
			div := byID[pr.ID]
			if div == nil {
				t.Errorf("%s: %s has no element with id %s", pr.ID, page, pr.ID)
				return
			}
			if got := attr(div, "data-citation"); got != pr.Citation {
				t.Errorf("%s: page says citation %q, JSON %q", pr.ID, got, pr.Citation)
			}
			if pr.Text == "" {
				t.Errorf("%s: no text", pr.ID)
			}
			if want := ownText(div); pr.Text != want {
				t.Errorf("%s: JSON text differs from the page:\n json: %q\n page: %q", pr.ID, pr.Text, want)
			}
			if !id.Preamble && (pr.Num == "" || strings.HasPrefix(pr.Text, pr.Num)) {
				t.Errorf("%s: num %q should be the marker, apart from the text %q", pr.ID, pr.Num, pr.Text)
			}
		})
	}

	// Every provision id on the treaty pages is in the JSON.
	for id := range treatyIDs(t, s, site) {
		if !inJSON[id] {
			t.Errorf("provision %s of the pages is not in %s", id, opendata.ProtocolJSON)
		}
	}
	var all []string
	for _, id := range g.IDs() {
		all = append(all, id.String())
		if !inJSON[id.String()] {
			t.Errorf("provision %s of the content is not in %s", id, opendata.ProtocolJSON)
		}
	}
	if len(all) != len(inJSON) {
		t.Errorf("%s has %d ids, the content %d", opendata.ProtocolJSON, len(inJSON), len(all))
	}
}

// TestProtocolText checks the loose text of the parts: the intro of
// article 3, the whole of article 2, and the testimonium.
func TestProtocolText(t *testing.T) {
	s, g := load(t)
	var p opendata.Protocol
	decodeJSON(t, opendata.ProtocolJSON, dataFiles(t, s, g)[opendata.ProtocolJSON], &p)
	byURL := map[string]opendata.Part{}
	for _, part := range p.Parts {
		byURL[part.URL] = part
	}
	for url, want := range map[string]string{
		"/articles/3/":  "For the purposes of this Protocol:",
		"/testimonium/": "IN WITNESS WHEREOF, the undersigned plenipotentiaries",
		"/articles/2/":  "The purpose of this Protocol is to prevent and combat the smuggling of migrants",
	} {
		if got := byURL[url].Text; !strings.HasPrefix(got, want) {
			t.Errorf("%s: text %q, want it to start %q", url, got, want)
		}
	}
	if a6 := byURL["/articles/6/"]; a6.Text != "" || len(a6.Provisions) != 4 {
		t.Errorf("article 6: text %q and %d paragraphs, want no loose text and 4 paragraphs", a6.Text, len(a6.Provisions))
	}
}
