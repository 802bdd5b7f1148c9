package render

import (
	"protosite/site/content"
	"protosite/site/resolve"
)

// LegislationIndex lists laws by country and as a matrix of countries
// against articles.
type LegislationIndex struct {
	ByCountry []CountryLaws // countries sorted by name
	Articles  []int         // the matrix's columns: every article number
	Rows      []MatrixRow   // one per country with legislation
}

// CountryLaws is a country's laws.
type CountryLaws struct {
	Country *content.Country // the country
	Laws    []*content.Doc   // its laws, by title
}

// MatrixRow is one country's row of the matrix.
type MatrixRow struct {
	Country *content.Country // the country
	Cells   []MatrixCell     // one per article
}

// MatrixCell counts a country's provisions implementing one article.
type MatrixCell struct {
	Article int    // the article
	Count   int    // provisions of the country's laws that cite it
	URL     string // where the country page lists them
}

func legislationIndex(s *content.Site, g *resolve.Graph) LegislationIndex {
	var idx LegislationIndex
	for _, a := range s.Articles {
		idx.Articles = append(idx.Articles, a.Protocol.Article)
	}
	for _, d := range s.Legislation {
		c := s.Countries.Get(d.Legislation.Country)
		if n := len(idx.ByCountry); n == 0 || idx.ByCountry[n-1].Country != c {
			idx.ByCountry = append(idx.ByCountry, CountryLaws{Country: c})
		}
		idx.ByCountry[len(idx.ByCountry)-1].Laws = append(idx.ByCountry[len(idx.ByCountry)-1].Laws, d)
	}
	for _, cl := range idx.ByCountry {
		counts := implementedArticles(cl.Laws)
		row := MatrixRow{Country: cl.Country}
		for _, n := range idx.Articles {
			cell := MatrixCell{Article: n, Count: len(counts[n])}
			if cell.Count > 0 {
				cell.URL = cl.Country.URL() + "#implements-art-" + itoa(n)
			}
			row.Cells = append(row.Cells, cell)
		}
		idx.Rows = append(idx.Rows, row)
	}
	return idx
}

// LawProvision is one provision of a law, as lists show it.
type LawProvision struct {
	Law  *content.Doc    // the law
	Part content.LawPart // the provision
}

// implementedArticles maps each article number to the law provisions that
// cite it, in law order.
func implementedArticles(laws []*content.Doc) map[int][]LawProvision {
	out := map[int][]LawProvision{}
	for _, d := range laws {
		seen := map[[2]any]bool{}
		for _, fc := range d.FieldCites {
			n := fc.Ref.Article
			key := [2]any{n, fc.Anchor}
			if n == 0 || seen[key] {
				continue
			}
			seen[key] = true
			for _, p := range d.Legislation.Provisions {
				if p.ID == fc.Anchor {
					out[n] = append(out[n], LawProvision{Law: d, Part: p})
				}
			}
		}
	}
	return out
}
