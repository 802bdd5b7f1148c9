package content

import (
	"fmt"
	"time"

	"protosite/site/diag"
	"protosite/site/frontmatter"
)

// MeetingMeta is the front matter of a meeting or statement.
type MeetingMeta struct {
	Type           string       `yaml:"type"`            // "meeting" or "statement"
	Title          string       `yaml:"title"`           // title of the page
	Organ          string       `yaml:"organ"`           // the body that met or was addressed
	Date           Date         `yaml:"date"`            // first or only day
	EndDate        *Date        `yaml:"end_date"`        // last day of a meeting of several days
	Place          string       `yaml:"place"`           // where it took place
	Source         string       `yaml:"source"`          // the document this file is taken from
	DocumentStatus string       `yaml:"document_status"` // the document's status line, verbatim
	Draft          bool         `yaml:"draft"`           // the source is a draft, not the final text
	Chair          *Person      `yaml:"chair"`           // who chaired
	Agenda         []string     `yaml:"agenda"`          // agenda items, verbatim
	Documents      []Document   `yaml:"documents"`       // documents before the meeting
	Panellists     []Person     `yaml:"panellists"`      // panellists, in the report's order
	Statements     []Statements `yaml:"statements"`      // who spoke under which item
	Attendance     *Attendance  `yaml:"attendance"`      // who was represented
	Mentions       []string     `yaml:"mentions"`        // country codes the document otherwise mentions
}

// Person is someone named in a meeting record.
type Person struct {
	Name        string `yaml:"name"`        // as written in the source
	Country     string `yaml:"country"`     // country code, optional
	Affiliation string `yaml:"affiliation"` // function and office, verbatim
	AgendaItem  string `yaml:"agenda_item"` // agenda item the person spoke under
}

// Document is a document before a meeting.
type Document struct {
	Symbol string `yaml:"symbol"` // UN document symbol, as printed
	Title  string `yaml:"title"`  // title, verbatim
}

// Statements records who spoke under one agenda item.
type Statements struct {
	AgendaItem string   `yaml:"agenda_item"` // agenda item number, or "opening"
	Group      string   `yaml:"group"`       // how the source groups the speakers, such as "parties"
	Countries  []string `yaml:"countries"`   // country codes of the speakers
}

// Attendance lists who was represented at a meeting.
type Attendance struct {
	Parties     []string `yaml:"parties"`     // States parties, by code
	Signatories []string `yaml:"signatories"` // signatory States, by code
	NonParties  []string `yaml:"non_parties"` // other States, by code
	Others      []string `yaml:"others"`      // organizations and entities, verbatim
	Incomplete  bool     `yaml:"incomplete"`  // the source's lists are cut short
}

// Date is a calendar date written YYYY-MM-DD.
type Date struct{ time.Time }

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return fmt.Errorf("date %q is not written YYYY-MM-DD", b)
	}
	d.Time = t
	return nil
}

// String writes the date as "4 July 2018".
func (d Date) String() string { return d.Format("2 January 2006") }

// ISO writes the date as YYYY-MM-DD.
func (d Date) ISO() string { return d.Format(time.DateOnly) }

func (m *MeetingMeta) validate(f frontmatter.Fields, cs *Countries, errs *diag.List) {
	if m.Type != "meeting" && m.Type != "statement" {
		errs.Addf(f.Pos("type"), "type must be meeting or statement, not %q", m.Type)
	}
	require(f, errs, "title", m.Title, "organ", m.Organ, "source", m.Source)
	if m.Date.IsZero() {
		errs.Addf(f.Pos("date"), "date is required")
	}
	if m.EndDate != nil && m.EndDate.Before(m.Date.Time) {
		errs.Addf(f.Pos("end_date"), "end_date %s is before date %s", m.EndDate.ISO(), m.Date.ISO())
	}
	if m.Chair != nil {
		checkCode(f, cs, errs, "$.chair.country", m.Chair.Country, true)
	}
	for i, p := range m.Panellists {
		if p.Name == "" {
			errs.Addf(f.At(fmt.Sprintf("$.panellists[%d]", i)), "panellist has no name")
		}
		checkCode(f, cs, errs, fmt.Sprintf("$.panellists[%d].country", i), p.Country, true)
	}
	for i, s := range m.Statements {
		checkCodes(f, cs, errs, fmt.Sprintf("$.statements[%d].countries", i), s.Countries)
	}
	if a := m.Attendance; a != nil {
		checkCodes(f, cs, errs, "$.attendance.parties", a.Parties)
		checkCodes(f, cs, errs, "$.attendance.signatories", a.Signatories)
		checkCodes(f, cs, errs, "$.attendance.non_parties", a.NonParties)
	}
	checkCodes(f, cs, errs, "$.mentions", m.Mentions)
}

// require reports each empty value of key/value pairs as a missing field.
func require(f frontmatter.Fields, errs *diag.List, kv ...string) {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			errs.Addf(f.Pos(kv[i]), "%s is required", kv[i])
		}
	}
}

func checkCode(f frontmatter.Fields, cs *Countries, errs *diag.List, path, code string, optional bool) {
	if code == "" && optional {
		return
	}
	if cs.Get(code) == nil {
		errs.Addf(f.At(path), "unknown country code %q (add it to %s)", code, CountriesFile)
	}
}

func checkCodes(f frontmatter.Fields, cs *Countries, errs *diag.List, path string, codes []string) {
	for i, c := range codes {
		checkCode(f, cs, errs, fmt.Sprintf("%s[%d]", path, i), c, false)
	}
}
