package render

import (
	"html/template"
	"strings"

	"protosite/site/opendata"
)

// JSONLD returns the schema.org JSON-LD of the page's document, or "" when
// it has none; base.html puts it in a <script type="application/ld+json">.
// A page in another language than the default describes its document only
// when it is translated: a fallback page leaves that to the original.
func (p *Page) JSONLD() (template.JS, error) {
	if p.lang.isDefault() {
		return opendata.JSONLD(p.Content, p.Doc)
	}
	if p.Doc == nil || p.Fallback || p.Doc.Protocol == nil {
		return "", nil
	}
	// The same description, of the translation: its title, its language
	// and its address under the language's prefix.
	s := *p.Content
	cfg := *s.Config
	cfg.Language = p.Lang.Code
	cfg.TreatyTitle = p.TreatyTitle()
	cfg.BaseURL = strings.TrimSuffix(cfg.BaseURL, "/") + p.lang.prefix + "/"
	s.Config = &cfg
	d := *p.Doc
	d.Title = p.TitleOf(p.Doc)
	return opendata.JSONLD(&s, &d)
}
