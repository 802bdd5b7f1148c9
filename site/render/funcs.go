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
	"pair":  func(p *Page, d *content.Doc) DocRef { return DocRef{Page: p, Doc: d} },
	"sub":   func(a, b int) int { return a - b },
	"isURL": func(s string) bool { return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") },
}
