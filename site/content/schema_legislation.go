package content

import (
	"fmt"
	"net/url"
	"regexp"

	"protosite/site/diag"
	"protosite/site/frontmatter"
)

// LegislationMeta is the front matter of a national or regional instrument.
type LegislationMeta struct {
	Title        string      `yaml:"title"`         // title of the instrument or provision
	Country      string      `yaml:"country"`       // country code
	Year         *int        `yaml:"year"`          // year of the instrument; nil when the sources do not give it
	Source       string      `yaml:"source"`        // the main source read
	Status       string      `yaml:"status"`        // in-force, amended, repealed, bill or unknown
	Citation     string      `yaml:"citation"`      // how the instrument is cited
	Jurisdiction string      `yaml:"jurisdiction"`  // the legal order, such as "Australia (Commonwealth)"
	LastVerified *Date       `yaml:"last_verified"` // when the sources were last checked
	Sources      []SourceRef `yaml:"sources"`       // further sources
	Provisions   []LawPart   `yaml:"provisions"`    // the parts that implement the Protocol
	Claims       []Dispute   `yaml:"claims"`        // where sources disagree
	Elements     *Elements   `yaml:"elements"`      // analysis of the offence against art. 6
}

// SourceRef is a source with what it supports.
type SourceRef struct {
	URL   string `yaml:"url"`   // where it can be read
	Title string `yaml:"title"` // what it is
	Note  string `yaml:"note"`  // what it supports
}

// LawPart is one provision of a national instrument.
type LawPart struct {
	ID            string   `yaml:"id"`             // anchor on the page
	Label         string   `yaml:"label"`          // how the instrument numbers it, such as "s. 233A"
	Implements    []string `yaml:"implements"`     // citations of the Protocol provisions it implements
	Excerpt       string   `yaml:"excerpt"`        // verbatim text
	ExcerptSource string   `yaml:"excerpt_source"` // where the excerpt was read
	Summary       string   `yaml:"summary"`        // a paraphrase, labelled as such
	SummarySource string   `yaml:"summary_source"` // where the paraphrase comes from
	Missing       string   `yaml:"missing"`        // what the sources lack
	Note          string   `yaml:"note"`           // editorial note
}

// Dispute records sources that disagree on one point.
type Dispute struct {
	Topic  string  `yaml:"topic"`  // what they disagree on
	Claims []Claim `yaml:"claims"` // each source's claim
}

// Claim is what one source says.
type Claim struct {
	Text   string `yaml:"text"`   // the claim
	Source string `yaml:"source"` // who says so
}

// Elements is an analysis of a national offence against the elements of
// art. 6, authored with its source, never inferred.
type Elements struct {
	Source                   string `yaml:"source"`                    // who made the analysis, where
	FinancialBenefit         string `yaml:"financial_benefit"`         // required, aggravating, absent or unknown
	IllegalEntry             string `yaml:"illegal_entry"`             // covered, absent or unknown
	EnablingStay             string `yaml:"enabling_stay"`             // covered, absent or unknown
	Documents                string `yaml:"documents"`                 // covered, absent or unknown
	AggravatingCircumstances string `yaml:"aggravating_circumstances"` // covered, partial, absent or unknown
	MigrantsNotLiable        string `yaml:"migrants_not_liable"`       // covered, absent or unknown
}

var (
	anchorPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	statuses      = []string{"in-force", "amended", "repealed", "bill", "unknown"}
)

func (m *LegislationMeta) validate(f frontmatter.Fields, cs *Countries, errs *diag.List) {
	require(f, errs, "title", m.Title, "country", m.Country, "source", m.Source)
	if m.Country != "" {
		checkCode(f, cs, errs, "$.country", m.Country, false)
	}
	if !f.Has("year") {
		errs.Addf(f.Pos("year"), "year is required (write year: null when the sources do not give it)")
	} else if m.Year != nil && (*m.Year < 1800 || *m.Year > 2100) {
		errs.Addf(f.Pos("year"), "year %d is not a plausible year", *m.Year)
	}
	checkURL(f, errs, "$.source", m.Source)
	if m.Status == "" {
		m.Status = "unknown"
	} else if !oneOf(m.Status, statuses...) {
		errs.Addf(f.Pos("status"), "status must be one of %v, not %q", statuses, m.Status)
	}
	for i, s := range m.Sources {
		checkURL(f, errs, fmt.Sprintf("$.sources[%d].url", i), s.URL)
	}
	seen := map[string]bool{}
	for i, p := range m.Provisions {
		at := func(field string) diag.Pos { return f.At(fmt.Sprintf("$.provisions[%d].%s", i, field)) }
		switch {
		case !anchorPattern.MatchString(p.ID):
			errs.Addf(at("id"), "provision id %q must be lower-case letters, digits and hyphens", p.ID)
		case seen[p.ID]:
			errs.Addf(at("id"), "provision id %q is used twice", p.ID)
		}
		seen[p.ID] = true
		if p.Label == "" {
			errs.Addf(at("label"), "provision %q has no label", p.ID)
		}
		if len(p.Implements) == 0 {
			errs.Addf(at("implements"), "provision %q: implements is required (cite the Protocol provisions)", p.ID)
		}
		if p.Excerpt == "" && p.Summary == "" && p.Missing == "" {
			errs.Addf(at("id"), "provision %q needs an excerpt, a summary, or missing: saying what the sources lack", p.ID)
		}
		if p.Excerpt != "" {
			if p.ExcerptSource == "" {
				errs.Addf(at("excerpt"), "provision %q: an excerpt needs excerpt_source", p.ID)
			} else {
				checkURL(f, errs, fmt.Sprintf("$.provisions[%d].excerpt_source", i), p.ExcerptSource)
			}
		}
		if p.Summary != "" && p.SummarySource == "" {
			errs.Addf(at("summary"), "provision %q: a summary needs summary_source", p.ID)
		}
	}
	for i, d := range m.Claims {
		if d.Topic == "" || len(d.Claims) < 2 {
			errs.Addf(f.At(fmt.Sprintf("$.claims[%d].topic", i)), "a dispute needs a topic and at least two claims")
		}
		for j, c := range d.Claims {
			if c.Text == "" || c.Source == "" {
				errs.Addf(f.At(fmt.Sprintf("$.claims[%d].claims[%d]", i, j)), "a claim needs text and source")
			}
		}
	}
	if e := m.Elements; e != nil {
		if e.Source == "" {
			errs.Addf(f.Pos("elements"), "elements needs a source: the analysis must say where it comes from")
		}
		for field, v := range map[string]string{"financial_benefit": e.FinancialBenefit} {
			if v != "" && !oneOf(v, "required", "aggravating", "absent", "unknown") {
				errs.Addf(f.At("$.elements."+field), "%s must be required, aggravating, absent or unknown, not %q", field, v)
			}
		}
		for field, v := range map[string]string{"illegal_entry": e.IllegalEntry, "enabling_stay": e.EnablingStay, "documents": e.Documents, "migrants_not_liable": e.MigrantsNotLiable} {
			if v != "" && !oneOf(v, "covered", "absent", "unknown") {
				errs.Addf(f.At("$.elements."+field), "%s must be covered, absent or unknown, not %q", field, v)
			}
		}
		if v := e.AggravatingCircumstances; v != "" && !oneOf(v, "covered", "partial", "absent", "unknown") {
			errs.Addf(f.At("$.elements.aggravating_circumstances"), "aggravating_circumstances must be covered, partial, absent or unknown, not %q", v)
		}
	}
}

func checkURL(f frontmatter.Fields, errs *diag.List, path, s string) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs.Addf(f.At(path), "%q is not an http or https URL", s)
	}
}

func oneOf(v string, options ...string) bool {
	for _, o := range options {
		if v == o {
			return true
		}
	}
	return false
}
