package opendata

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"

	"protosite/site/akn"
	"protosite/site/content"
	"protosite/site/plaintext"
)

// Recommendation is one row of data/recommendations.json and .csv.
type Recommendation struct {
	ID           string   `json:"id"`            // the file name, as in /recommendations/<id>/
	Meeting      string   `json:"meeting"`       // id of the meeting that adopted it
	MeetingDate  string   `json:"meeting_date"`  // the meeting's first day, YYYY-MM-DD
	Paragraph    string   `json:"paragraph"`     // numbering in the report, verbatim
	Section      string   `json:"section"`       // heading it stands under, verbatim
	Theme        string   `json:"theme"`         // short theme
	Chapeau      string   `json:"chapeau"`       // introductory sentence, verbatim
	Text         string   `json:"text"`          // the recommendation, verbatim
	Concerns     []string `json:"concerns"`      // citations of the provisions it concerns (editorial)
	ConcernsIDs  []string `json:"concerns_ids"`  // their AKN ids
	ConcernsNote string   `json:"concerns_note"` // why it concerns them (editorial)
	URL          string   `json:"url"`           // site-absolute page URL
}

// Law is one instrument in data/legislation.json.
type Law struct {
	ID           string         `json:"id"`            // the file name, as in /legislation/<id>/
	Country      string         `json:"country"`       // ISO 3166-1 alpha-3 code, EUU for the European Union
	CountryName  string         `json:"country_name"`  // as United Nations documents write it
	Title        string         `json:"title"`         // verbatim
	Year         *int           `json:"year"`          // null when the sources do not give it
	Status       string         `json:"status"`        // in-force, amended, repealed, bill or unknown
	Citation     string         `json:"citation"`      // how the instrument is cited
	Jurisdiction string         `json:"jurisdiction"`  // the legal order
	Source       string         `json:"source"`        // the main source read
	LastVerified string         `json:"last_verified"` // YYYY-MM-DD, or "" when not recorded
	URL          string         `json:"url"`           // site-absolute page URL
	Provisions   []LawProvision `json:"provisions"`    // the parts that implement the Protocol
}

// LawProvision is a part of a law and the Protocol provisions it implements.
type LawProvision struct {
	ID            string   `json:"id"`             // anchor on the law's page
	Label         string   `json:"label"`          // as the instrument numbers it
	Implements    []string `json:"implements"`     // citations of the Protocol (editorial)
	ImplementsIDs []string `json:"implements_ids"` // their AKN ids
	Excerpt       string   `json:"excerpt"`        // verbatim text, or ""
	ExcerptSource string   `json:"excerpt_source"` // where the excerpt was read
	Summary       string   `json:"summary"`        // a paraphrase, or ""
	SummarySource string   `json:"summary_source"` // where the paraphrase comes from
	Missing       string   `json:"missing"`        // what the sources lack
	Note          string   `json:"note"`           // editorial note
	URL           string   `json:"url"`            // site-absolute URL with the #anchor
}

// Country is one entry of data/countries.json.
type Country struct {
	Code        string   `json:"code"`        // ISO 3166-1 alpha-3, EUU for the European Union
	Name        string   `json:"name"`        // as United Nations documents write it
	URL         string   `json:"url"`         // site-absolute page URL
	Legislation []string `json:"legislation"` // ids of its laws in data/legislation.json
}

func recommendations(s *content.Site) []Recommendation {
	out := []Recommendation{}
	for _, d := range s.Recommendations {
		m := d.Recommendation
		r := Recommendation{
			ID: d.ID, Meeting: m.Meeting, Paragraph: m.Paragraph, Section: m.Section, Theme: m.Theme, Chapeau: m.Chapeau,
			Text:     strings.Join(plaintext.Blocks(d.AST, d.File.Body), "\n\n"),
			Concerns: nonNil(m.Concerns), ConcernsIDs: citedIDs(d, ""), ConcernsNote: m.ConcernsNote, URL: d.URL,
		}
		if meeting := s.Doc("/meetings/" + m.Meeting + "/"); meeting != nil {
			r.MeetingDate = meeting.Meeting.Date.ISO()
		}
		out = append(out, r)
	}
	return out
}

func legislation(s *content.Site) []Law {
	out := []Law{}
	for _, d := range s.Legislation {
		m := d.Legislation
		law := Law{
			ID: d.ID, Country: m.Country, CountryName: countryName(s, m.Country), Title: m.Title, Year: m.Year,
			Status: m.Status, Citation: m.Citation, Jurisdiction: m.Jurisdiction, Source: m.Source, URL: d.URL,
			Provisions: []LawProvision{},
		}
		if m.LastVerified != nil {
			law.LastVerified = m.LastVerified.ISO()
		}
		for _, p := range m.Provisions {
			law.Provisions = append(law.Provisions, LawProvision{
				ID: p.ID, Label: p.Label, Implements: nonNil(p.Implements), ImplementsIDs: citedIDs(d, p.ID),
				Excerpt: strings.TrimSpace(p.Excerpt), ExcerptSource: p.ExcerptSource,
				Summary: strings.TrimSpace(p.Summary), SummarySource: p.SummarySource,
				Missing: strings.TrimSpace(p.Missing), Note: strings.TrimSpace(p.Note),
				URL: d.URL + "#" + p.ID,
			})
		}
		out = append(out, law)
	}
	return out
}

func countries(s *content.Site) []Country {
	laws := map[string][]string{}
	for _, d := range s.Legislation {
		laws[d.Legislation.Country] = append(laws[d.Legislation.Country], d.ID)
	}
	out := []Country{}
	for _, c := range s.Countries.All() {
		out = append(out, Country{Code: c.Code, Name: c.Name, URL: c.URL(), Legislation: nonNil(laws[c.Code])})
	}
	return out
}

func countryName(s *content.Site, code string) string {
	if c := s.Countries.Get(code); c != nil {
		return c.Name
	}
	return code
}

// anyAnchor asks cites for the citations of the whole document.
const anyAnchor = "\x00any"

// cites returns the provisions d's front matter cites for anchor (a law
// provision's id, "" for the document, anyAnchor for either), each once,
// in the order written.
func cites(d *content.Doc, anchor string) []akn.ID {
	var out []akn.ID
	for _, fc := range d.FieldCites {
		if (anchor == anyAnchor || fc.Anchor == anchor) && !slices.ContainsFunc(out, func(id akn.ID) bool { return id.String() == fc.Ref.String() }) {
			out = append(out, fc.Ref)
		}
	}
	return out
}

// citedIDs returns the AKN ids of cites(d, anchor).
func citedIDs(d *content.Doc, anchor string) []string {
	out := []string{}
	for _, id := range cites(d, anchor) {
		out = append(out, id.String())
	}
	return out
}

// nonNil makes a missing list an empty one, so JSON shows [] not null.
func nonNil(list []string) []string {
	if list == nil {
		return []string{}
	}
	return list
}

// ListSeparator joins the items of a list in one CSV cell.
const ListSeparator = "; "

// RecommendationColumns are the header of data/recommendations.csv.
var RecommendationColumns = []string{"id", "meeting", "meeting_date", "paragraph", "section", "theme", "chapeau", "text", "concerns", "concerns_ids", "concerns_note", "url"}

func recommendationRows(recs []Recommendation) [][]string {
	rows := [][]string{RecommendationColumns}
	for _, r := range recs {
		rows = append(rows, []string{r.ID, r.Meeting, r.MeetingDate, r.Paragraph, r.Section, r.Theme, r.Chapeau, r.Text,
			strings.Join(r.Concerns, ListSeparator), strings.Join(r.ConcernsIDs, ListSeparator), r.ConcernsNote, r.URL})
	}
	return rows
}

// LegislationColumns are the header of data/legislation.csv, which has one
// row a law provision (a law without provisions has one row with the
// provision's cells empty).
var LegislationColumns = []string{"law_id", "country", "country_name", "title", "year", "status", "provision_id", "label", "implements", "implements_ids", "excerpt", "excerpt_source", "summary", "summary_source", "missing", "note", "url"}

func legislationRows(laws []Law) [][]string {
	rows := [][]string{LegislationColumns}
	for _, l := range laws {
		year := ""
		if l.Year != nil {
			year = strconv.Itoa(*l.Year)
		}
		provisions := l.Provisions
		if len(provisions) == 0 {
			provisions = []LawProvision{{URL: l.URL}}
		}
		for _, p := range provisions {
			rows = append(rows, []string{l.ID, l.Country, l.CountryName, l.Title, year, l.Status, p.ID, p.Label,
				strings.Join(p.Implements, ListSeparator), strings.Join(p.ImplementsIDs, ListSeparator),
				p.Excerpt, p.ExcerptSource, p.Summary, p.SummarySource, p.Missing, p.Note, p.URL})
		}
	}
	return rows
}

// encodeCSV writes rows as RFC 4180 CSV: UTF-8, CRLF line ends, fields
// quoted where needed.
func encodeCSV(rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
