package opendata_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"protosite/site/akn"
	"protosite/site/opendata"
)

// readCSV parses a CSV file as RFC 4180 says, checking its header.
func readCSV(t *testing.T, name string, data []byte, header []string) [][]string {
	t.Helper()
	if !utf8.Valid(data) {
		t.Fatalf("%s is not UTF-8", name)
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Errorf("%s: lines do not end in CRLF", name)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = len(header)
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], header) {
		t.Fatalf("%s: header %q, want %q", name, rows[0], header)
	}
	return rows[1:]
}

func join(list []string) string { return strings.Join(list, opendata.ListSeparator) }

func TestRecommendationsCSVMatchesJSON(t *testing.T) {
	s, g := load(t)
	files := dataFiles(t, s, g)
	var recs []opendata.Recommendation
	decodeJSON(t, opendata.RecommendationsJSON, files[opendata.RecommendationsJSON], &recs)
	rows := readCSV(t, opendata.RecommendationsCSV, files[opendata.RecommendationsCSV], opendata.RecommendationColumns)
	if len(recs) != len(s.Recommendations) || len(rows) != len(recs) {
		t.Fatalf("%d recommendations in the content, %d in JSON, %d CSV rows", len(s.Recommendations), len(recs), len(rows))
	}
	for i, r := range recs {
		want := []string{r.ID, r.Meeting, r.MeetingDate, r.Paragraph, r.Section, r.Theme, r.Chapeau, r.Text, join(r.Concerns), join(r.ConcernsIDs), r.ConcernsNote, r.URL}
		if !slices.Equal(rows[i], want) {
			t.Errorf("CSV row %d differs from the JSON:\n csv:  %q\n json: %q", i+1, rows[i], want)
		}
		d := s.Recommendations[i]
		if r.ID != d.ID || r.URL != d.URL || r.Text == "" || r.MeetingDate == "" {
			t.Errorf("recommendation %d: %+v does not match %s", i, r, d.File.Path)
		}
		checkIDs(t, r.URL, r.ConcernsIDs, g.Has)
	}
}

func TestLegislationCSVMatchesJSON(t *testing.T) {
	s, g := load(t)
	files := dataFiles(t, s, g)
	var laws []opendata.Law
	decodeJSON(t, opendata.LegislationJSON, files[opendata.LegislationJSON], &laws)
	rows := readCSV(t, opendata.LegislationCSV, files[opendata.LegislationCSV], opendata.LegislationColumns)
	if len(laws) != len(s.Legislation) {
		t.Fatalf("%d laws in the content, %d in JSON", len(s.Legislation), len(laws))
	}
	var want [][]string
	for i, l := range laws {
		d := s.Legislation[i]
		if l.ID != d.ID || l.URL != d.URL || l.CountryName == "" || l.CountryName == l.Country {
			t.Errorf("law %d: %+v does not match %s", i, l, d.File.Path)
		}
		if (l.Year == nil) != (d.Legislation.Year == nil) {
			t.Errorf("%s: year %v, content %v", l.ID, l.Year, d.Legislation.Year)
		}
		year := ""
		if l.Year != nil {
			year = strconv.Itoa(*l.Year)
		}
		if len(l.Provisions) != len(d.Legislation.Provisions) {
			t.Errorf("%s: %d provisions, content %d", l.ID, len(l.Provisions), len(d.Legislation.Provisions))
		}
		for _, p := range l.Provisions {
			if p.URL != l.URL+"#"+p.ID || len(p.ImplementsIDs) == 0 {
				t.Errorf("%s#%s: url %q, implements_ids %q", l.ID, p.ID, p.URL, p.ImplementsIDs)
			}
			checkIDs(t, p.URL, p.ImplementsIDs, g.Has)
			want = append(want, []string{l.ID, l.Country, l.CountryName, l.Title, year, l.Status, p.ID, p.Label,
				join(p.Implements), join(p.ImplementsIDs), p.Excerpt, p.ExcerptSource, p.Summary, p.SummarySource, p.Missing, p.Note, p.URL})
		}
	}
	if len(rows) != len(want) {
		t.Fatalf("%d CSV rows, %d provisions in the JSON", len(rows), len(want))
	}
	for i := range want {
		if !slices.Equal(rows[i], want[i]) {
			t.Errorf("CSV row %d differs from the JSON:\n csv:  %q\n json: %q", i+1, rows[i], want[i])
		}
	}
}

func TestCountries(t *testing.T) {
	s, g := load(t)
	var cs []opendata.Country
	decodeJSON(t, opendata.CountriesJSON, dataFiles(t, s, g)[opendata.CountriesJSON], &cs)
	site := renderSite(t, s, g)
	if len(cs) != len(s.Countries.All()) {
		t.Fatalf("%d countries, content has %d", len(cs), len(s.Countries.All()))
	}
	laws := 0
	for _, c := range cs {
		if _, ok := site[strings.TrimPrefix(c.URL, "/")+"index.html"]; !ok {
			t.Errorf("%s: no page %s", c.Code, c.URL)
		}
		laws += len(c.Legislation)
	}
	if laws != len(s.Legislation) {
		t.Errorf("countries list %d laws, content has %d", laws, len(s.Legislation))
	}
}

// checkIDs checks that every id is an AKN id of a provision that exists.
func checkIDs(t *testing.T, where string, ids []string, has func(akn.ID) bool) {
	t.Helper()
	for _, s := range ids {
		id, err := akn.Parse(s)
		if err != nil || !has(id) {
			t.Errorf("%s: %q is no provision", where, s)
		}
	}
}
