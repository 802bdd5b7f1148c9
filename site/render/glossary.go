package render

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"protosite/site/content"
	"protosite/site/provision"
)

// Term is a term defined in article 3, with its definition verbatim.
type Term struct {
	Term  string // the defined term, as quoted in the definition
	ID    string // AKN id of the defining provision
	URL   string // site-absolute URL of the defining provision
	Label string // its short citation, such as "art. 3(a)"
	Text  string // the definition, verbatim
	Items []Term // the items of a definition in parts, without Term
	Lang  string // the language of the term and its definition
}

// glossary reads the definitions of article 3 in language lang, or in the
// default language where it is not translated: each point whose text opens
// with a quoted term.
func glossary(s *content.Site, lang string) []Term {
	if len(s.Articles) < 3 {
		return nil
	}
	art := s.Articles[2].In(lang)
	src := art.File.Body
	var terms []Term
	for c := art.AST.FirstChild(); c != nil; c = c.NextSibling() {
		p, ok := c.(*provision.Provision)
		if !ok || p.ID.IsZero() {
			continue
		}
		text := provisionText(p, src)
		term, ok := quotedTerm(text)
		if !ok {
			continue
		}
		t := Term{Term: term, ID: p.ID.String(), URL: art.URL + "#" + p.ID.String(), Label: p.ID.Label(), Text: text, Lang: art.Lang}
		_ = provision.Walk(p, func(sub *provision.Provision) error {
			if sub != p {
				t.Items = append(t.Items, Term{ID: sub.ID.String(), URL: art.URL + "#" + sub.ID.String(), Label: sub.ID.Label(), Text: sub.Marker + " " + provisionText(sub, src), Lang: art.Lang})
			}
			return nil
		})
		terms = append(terms, t)
	}
	return terms
}

// provisionText returns the text of a provision's own paragraph.
func provisionText(p *provision.Provision, src []byte) string {
	para, ok := p.FirstChild().(*ast.Paragraph)
	if !ok {
		return ""
	}
	var b strings.Builder
	lines := para.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return strings.TrimSpace(strings.Join(strings.Fields(b.String()), " "))
}

// quotedTerm returns the term a definition opens with, in straight or
// typographic double quotes, as English and other languages write them
// (the Dutch text opens „ and closes with a straight quote).
func quotedTerm(text string) (string, bool) {
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"„", `"`}, {"„", "”"}, {"„", "“"}, {"«", "»"}, {"« ", " »"}, {"「", "」"}} {
		if rest, ok := strings.CutPrefix(text, q[0]); ok {
			if term, _, ok := strings.Cut(rest, q[1]); ok && term != "" {
				return term, true
			}
		}
	}
	return "", false
}
