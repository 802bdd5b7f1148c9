package render

import (
	"cmp"

	"protosite/site/content"
)

// DefaultComparisonLimit is how many national provisions a comparison view
// lists on one page when site.yaml does not say: beyond it, a page would
// be too heavy for a phone on a slow link, so the view is split by country.
const DefaultComparisonLimit = 200

// CountryShare is one country's part of a comparison split by country.
type CountryShare struct {
	Country    *content.Country // the country
	URL        string           // site-absolute URL of its comparison page
	Provisions int              // its national provisions in the comparison
}

// entries counts what the comparison lists: national provisions, and laws
// in the elements table.
func (c *Comparison) entries() int { return c.provisions() + len(c.Elements) }

// split divides a comparison too large for one page into an overview,
// which counts each provision's national provisions and links to every
// country's page, and one comparison per country.
func (c *Comparison) split(url string) (overview *Comparison, byCountry []*Comparison) {
	overview = &Comparison{Article: c.Article}
	for _, ct := range c.Countries {
		one := c.only(ct)
		one.Overview = url
		byCountry = append(byCountry, one)
		overview.Shares = append(overview.Shares, CountryShare{Country: ct, URL: url + ct.Slug() + "/", Provisions: one.provisions()})
	}
	for _, row := range c.Rows {
		counted := ComparisonRow{ID: row.ID, Depth: row.Depth, Text: row.Text, Count: len(row.National)}
		seen := map[string]bool{}
		for _, lp := range row.National {
			seen[lp.Law.Legislation.Country] = true
		}
		counted.CountryCount = len(seen)
		overview.Rows = append(overview.Rows, counted)
	}
	return overview, byCountry
}

// only is the part of the comparison that concerns one country.
func (c *Comparison) only(ct *content.Country) *Comparison {
	one := &Comparison{Article: c.Article, Countries: []*content.Country{ct}, Country: ct}
	for _, row := range c.Rows {
		kept := ComparisonRow{ID: row.ID, Depth: row.Depth, Text: row.Text}
		for _, lp := range row.National {
			if lp.Law.Legislation.Country == ct.Code {
				kept.National = append(kept.National, lp)
			}
		}
		one.Rows = append(one.Rows, kept)
	}
	for _, e := range c.Elements {
		if e.Law.Legislation.Country == ct.Code {
			one.Elements = append(one.Elements, e)
		}
	}
	return one
}

// provisions counts the national provisions the comparison lists.
func (c *Comparison) provisions() int {
	n := 0
	for _, row := range c.Rows {
		n += len(row.National)
	}
	return n
}

// comparePages plans the comparison view of article d at url: one page,
// or, when it lists more national provisions than the site's limit, an
// overview and a page per country.
func (pl *planner) comparePages(d *content.Doc, c *Comparison, url, site string) []*Page {
	l := pl.lang
	title := l.titleOf(d)
	page := func(url, title, desc string, data *Comparison) *Page {
		p := pl.newPage(url, "compare", title)
		p.Section, p.Data = "articles", data
		p.shows = []*content.Doc{d}
		p.Description = desc
		return p
	}
	desc := l.t("description.compare", "number", d.Protocol.Article, "site", site)
	limit := cmp.Or(pl.s.Config.ComparisonLimit, DefaultComparisonLimit)
	if c.entries() <= limit {
		p := page(url, l.t("title.compare", "title", title), desc, c)
		p.Scripts = []string{"compare.js"}
		return []*Page{p}
	}
	overview, byCountry := c.split(url)
	pages := []*Page{page(url, l.t("title.compare", "title", title), desc, overview)}
	for _, one := range byCountry {
		name := one.Country.Name
		pages = append(pages, page(url+one.Country.Slug()+"/",
			l.t("title.compare_country", "title", title, "country", name),
			l.t("description.compare_country", "number", d.Protocol.Article, "site", site, "country", name), one))
	}
	return pages
}

// Total counts the national provisions of every country on an overview.
func (c *Comparison) Total() int {
	n := 0
	for _, sh := range c.Shares {
		n += sh.Provisions
	}
	return n
}
