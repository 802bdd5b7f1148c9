package opendata

import (
	"strings"
	"time"
	"unicode"

	"protosite/site/config"
	"protosite/site/content"
)

// cslItem is the treaty as one item of CSL JSON, the input format of
// Citation Style Language processors and reference managers; the field
// names are those of the CSL schema's csl-data.json.
type cslItem struct {
	Type           string   `json:"type"` // always "treaty"
	ID             string   `json:"id"`   // the key a citation names, as in pandoc's [@id]
	Title          string   `json:"title"`
	TitleShort     string   `json:"title-short,omitempty"`
	ContainerTitle string   `json:"container-title,omitempty"` // the series the text is published in
	ContainerShort string   `json:"container-title-short,omitempty"`
	Volume         string   `json:"volume,omitempty"`
	Page           string   `json:"page,omitempty"` // the first page
	Issued         *cslDate `json:"issued,omitempty"`
	URL            string   `json:"URL,omitempty"`
	Language       string   `json:"language"`
}

// cslDate is a CSL date as its parts: year, month and day.
type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

// cslItems describes the treaty as CSL JSON: a list of one item, with
// what site.yaml gives of its bibliographic facts. The treaty is cited by
// its title and dates in the default language, as the full reference is.
// A citation of one article adds it as the locator: the item stands for
// the whole treaty, so that a bibliography lists it once.
func cslItems(s *content.Site) []cslItem {
	c := s.Config
	item := cslItem{
		Type: "treaty", ID: CSLID(c), Title: c.TreatyTitle, TitleShort: c.CitationPrefix,
		URL: strings.TrimSuffix(c.BaseURL, "/") + "/", Language: c.Language,
	}
	if item.TitleShort == item.Title {
		item.TitleShort = ""
	}
	if volume, series, page, ok := c.Series(); ok {
		item.Volume, item.Page = volume, page
		item.ContainerTitle, item.ContainerShort = c.TreatySeriesTitle, series
		if item.ContainerTitle == "" {
			item.ContainerTitle, item.ContainerShort = series, ""
		}
	}
	if adopted, err := time.Parse(time.DateOnly, c.Adopted); err == nil {
		item.Issued = &cslDate{DateParts: [][]int{{adopted.Year(), int(adopted.Month()), adopted.Day()}}}
	}
	return []cslItem{item}
}

// CSLID is the treaty's key in its CSL JSON: site.yaml's citation_prefix
// in lower case, with a hyphen for each run of other characters than
// letters and digits, as "smuggling-of-migrants-protocol".
func CSLID(c *config.Config) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(c.CitationPrefix) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			gap = false
			continue
		}
		gap = true
	}
	if b.Len() == 0 {
		return "treaty"
	}
	return b.String()
}
