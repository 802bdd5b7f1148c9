package render

import (
	"html/template"

	"protosite/site/opendata"
)

// JSONLD returns the schema.org JSON-LD of the page's document, or "" when
// it has none; base.html puts it in a <script type="application/ld+json">.
func (p *Page) JSONLD() (template.JS, error) { return opendata.JSONLD(p.Content, p.Doc) }
