package render

import (
	"protosite/site/akn"
	"protosite/site/content"
	"protosite/site/provision"
	"protosite/site/resolve"
)

// Comparison is an article set beside the national provisions that
// implement it.
type Comparison struct {
	Article   *content.Doc       // the article
	Rows      []ComparisonRow    // one per provision, in document order
	Countries []*content.Country // countries with a provision in the comparison, by name
	Elements  []ElementsRow      // analyses of offences against art. 6, where recorded

	// A comparison too large for one page is split by country: its
	// overview has Shares and rows that count, each country's page has
	// Country and links back to Overview.
	Shares   []CountryShare   // on an overview, every country's page
	Country  *content.Country // on a country's page, the country
	Overview string           // on a country's page, the overview's site-absolute URL
}

// ComparisonRow is one provision of the treaty and what implements it.
type ComparisonRow struct {
	ID       akn.ID         // the provision
	Depth    int            // nesting below the article, for indentation
	Text     string         // its own text, verbatim
	National []LawProvision // national provisions citing it

	Count        int // on an overview, how many national provisions cite it
	CountryCount int // on an overview, from how many countries
}

// ElementsRow is one law's recorded analysis against the elements of art. 6.
type ElementsRow struct {
	Law      *content.Doc      // the law
	Country  *content.Country  // its country
	Elements *content.Elements // the analysis
}

// comparison builds the comparison of article a, or nil when no law
// implements it.
func comparison(s *content.Site, g *resolve.Graph, a *content.Doc) *Comparison {
	c := &Comparison{Article: a}
	seen := map[string]bool{}
	var countries []*content.Country
	addCountry := func(code string) {
		if !seen[code] {
			seen[code] = true
			if ct := s.Countries.Get(code); ct != nil {
				countries = append(countries, ct)
			}
		}
	}
	any := false
	add := func(id akn.ID, depth int, text string) {
		row := ComparisonRow{ID: id, Depth: depth, Text: text}
		for _, b := range g.CitedBy(id) {
			if b.From.Kind != content.KindLegislation {
				continue
			}
			for _, part := range b.From.Legislation.Provisions {
				if part.ID == b.Anchor {
					row.National = append(row.National, LawProvision{Law: b.From, Part: part})
				}
			}
			addCountry(b.From.Legislation.Country)
		}
		any = any || len(row.National) > 0
		c.Rows = append(c.Rows, row)
	}
	add(a.Root, 0, "")
	_ = provision.Walk(a.AST, func(p *provision.Provision) error {
		if !p.ID.IsZero() {
			add(p.ID, len(p.ID.Parts), p.Marker+" "+provisionText(p, a.File.Body))
		}
		return nil
	})
	if !any {
		return nil
	}
	if a.Protocol.Article == 6 {
		for _, law := range s.Legislation {
			if law.Legislation.Elements != nil {
				// Its country may have no provision listed: the
				// country filter, and the split by country, need it all
				// the same.
				addCountry(law.Legislation.Country)
				c.Elements = append(c.Elements, ElementsRow{Law: law, Country: s.Countries.Get(law.Legislation.Country), Elements: law.Legislation.Elements})
			}
		}
	}
	s.Countries.Sort(countries)
	c.Countries = countries
	return c
}
