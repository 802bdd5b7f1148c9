package opendata

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strings"

	"protosite/site/akn"
	"protosite/site/content"
)

// legislationLD is a schema.org Legislation, as much of it as the site uses.
type legislationLD struct {
	Context      string          `json:"@context,omitempty"`
	Type         string          `json:"@type"`
	ID           string          `json:"@id,omitempty"`
	Name         string          `json:"name,omitempty"`
	Identifier   string          `json:"legislationIdentifier,omitempty"` // "art. 6", or how a law is cited
	AKN          string          `json:"identifier,omitempty"`            // the AKN id, "art_6"
	URL          string          `json:"url,omitempty"`
	Language     string          `json:"inLanguage,omitempty"`
	Jurisdiction string          `json:"legislationJurisdiction,omitempty"`
	Date         string          `json:"legislationDate,omitempty"` // of adoption, YYYY-MM-DD
	IsPartOf     *legislationLD  `json:"isPartOf,omitempty"`
	Transposes   []legislationLD `json:"legislationTransposes,omitempty"`
	HasPart      []legislationLD `json:"hasPart,omitempty"`
}

// JSONLD returns the schema.org description of the page showing d, for a
// <script type="application/ld+json"> element in the page's head: a
// Legislation for an article or the preamble, part of the treaty (with its
// date of adoption, where site.yaml gives it), and for a national law a
// Legislation with its jurisdiction and the provisions of the Protocol it
// implements (legislationTransposes). Other documents, and a nil d, have
// none: the result is "".
//
// The JSON has "<", ">" and "&" escaped as \u003c and the like, so it cannot
// end the script element; html/template inserts a template.JS as it is.
func JSONLD(s *content.Site, d *content.Doc) (template.JS, error) {
	if d == nil {
		return "", nil
	}
	base := strings.TrimSuffix(s.Config.BaseURL, "/")
	var ld legislationLD
	switch {
	case (d.Kind == content.KindArticle || d.Kind == content.KindPreamble) && !d.Root.IsZero():
		ld = legislationLD{
			Type: "Legislation", ID: base + d.URL + "#" + d.Root.String(), Name: d.Title,
			Identifier: d.Root.Label(), AKN: d.Root.String(), URL: base + d.URL, Language: s.Config.Language,
			IsPartOf: &legislationLD{Type: "Legislation", Name: s.Config.TreatyTitle, URL: base + "/", Date: s.Config.Adopted},
		}
	case d.Kind == content.KindLegislation:
		m := d.Legislation
		ld = legislationLD{
			Type: "Legislation", ID: base + d.URL, Name: d.Title, Identifier: m.Citation, URL: base + d.URL,
			Jurisdiction: countryName(s, m.Country), Transposes: transposes(s, base, d, anyAnchor),
		}
		for _, p := range m.Provisions {
			ld.HasPart = append(ld.HasPart, legislationLD{
				Type: "Legislation", Name: p.Label, URL: base + d.URL + "#" + p.ID, Transposes: transposes(s, base, d, p.ID),
			})
		}
	default:
		return "", nil
	}
	ld.Context = "https://schema.org"
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(ld); err != nil {
		return "", err
	}
	return template.JS(strings.TrimSuffix(b.String(), "\n")), nil
}

// transposes describes the Protocol provisions d's front matter cites for
// anchor (see cites).
func transposes(s *content.Site, base string, d *content.Doc, anchor string) []legislationLD {
	var out []legislationLD
	for _, id := range cites(d, anchor) {
		out = append(out, legislationLD{Type: "Legislation", Identifier: id.Label(), AKN: id.String(), URL: base + provisionURL(s, id)})
	}
	return out
}

// provisionURL returns the site-absolute URL of a provision of the treaty,
// "/articles/6/#art_6__para_1", or "" when its article is not in s.
func provisionURL(s *content.Site, id akn.ID) string {
	var page *content.Doc
	switch top := id.Top(); {
	case top.Preamble:
		page = s.Preamble
	case top.Article >= 1 && top.Article <= len(s.Articles) && s.Articles[top.Article-1].Root.Article == top.Article:
		page = s.Articles[top.Article-1]
	}
	if page == nil {
		return ""
	}
	if len(id.Parts) == 0 {
		return page.URL
	}
	return page.URL + "#" + id.String()
}
