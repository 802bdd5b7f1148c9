package render

import (
	"html/template"
	"strings"

	"protosite/site/content"
)

// DocRef pairs a page with a document, for templates that need both.
type DocRef struct {
	Page *Page        // the page being rendered
	Doc  *content.Doc // the document to show
}

// funcs are the helpers templates may call.
var funcs = template.FuncMap{
	"pair": func(p *Page, d *content.Doc) DocRef { return DocRef{Page: p, Doc: d} },
	"status": func(s string) string {
		switch s {
		case "in-force":
			return "In force"
		case "amended":
			return "In force, as amended"
		case "repealed":
			return "Repealed"
		case "bill":
			return "Bill (not enacted)"
		}
		return "Not established by the sources"
	},
	"element": func(s string) string {
		switch s {
		case "required":
			return "Required element of the offence"
		case "aggravating":
			return "Aggravating circumstance only"
		case "absent":
			return "Not an element"
		case "covered":
			return "Covered"
		case "partial":
			return "Partly covered"
		}
		return "Not established by the sources"
	},
	"sub":   func(a, b int) int { return a - b },
	"isURL": func(s string) bool { return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") },
}
