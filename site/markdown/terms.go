package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// KindTerm is the node kind of Term.
var KindTerm = ast.NewNodeKind("Term")

// Term is a use of a defined term; it links to the definition, and a
// script shows the definition on hover and focus.
type Term struct {
	ast.BaseInline
	Def  string // id of the defining provision, such as "art_3__point_a"
	Href string // link to the definition, relative to the page
}

// Kind implements ast.Node.
func (n *Term) Kind() ast.NodeKind { return KindTerm }

// Dump implements ast.Node.
func (n *Term) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Def": n.Def, "Href": n.Href}, nil)
}

// Definition is a defined term to look for in text.
type Definition struct {
	Phrase string // the term, such as "illegal entry"
	ID     string // the defining provision's id
	Href   string // link to it from the page being rendered
}

// LinkTerms marks the first use of each defined term in every top-level
// block of doc: once per paragraph or provision is enough to find the
// definition without turning every line into links. Text inside links,
// code, citations, headings and the defining provisions is left alone;
// skip reports the blocks to pass over.
func LinkTerms(doc ast.Node, src []byte, defs []Definition, skip func(ast.Node) bool) {
	if len(defs) == 0 {
		return
	}
	for block := doc.FirstChild(); block != nil; block = block.NextSibling() {
		linkTermsIn(block, src, defs, skip)
	}
}

func linkTermsIn(block ast.Node, src []byte, defs []Definition, skip func(ast.Node) bool) {
	used := map[string]bool{}
	var texts []*ast.Text
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if skip != nil && skip(n) {
			return ast.WalkSkipChildren, nil
		}
		if t, ok := n.(*Term); ok {
			// Linked by an earlier render of the same tree.
			used[t.Def] = true
			return ast.WalkSkipChildren, nil
		}
		switch n.Kind() {
		case ast.KindLink, ast.KindAutoLink, ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHeading, ast.KindImage, KindCitation, KindCitedBy:
			return ast.WalkSkipChildren, nil
		}
		if t, ok := n.(*ast.Text); ok && !t.IsRaw() {
			texts = append(texts, t)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		for {
			d, lo, hi, ok := findTerm(t.Segment.Value(src), defs, used)
			if !ok {
				break
			}
			used[d.ID] = true
			node := &Term{Def: d.ID, Href: d.Href}
			// After wrapping, t keeps only the text before the term, so
			// the text after it is searched as a node of its own.
			after := splitAround(t, lo, hi, node)
			if after == nil {
				break
			}
			t = after
		}
	}
}

// findTerm finds the earliest unused term in s, whole words only, with an
// optional plural "s". The term is matched in lower case, or with a capital
// first letter at the start of a sentence, but not in title case: "the
// Smuggling of Migrants Protocol" is a name, not a use of the term.
func findTerm(s []byte, defs []Definition, used map[string]bool) (d Definition, lo, hi int, ok bool) {
	text := string(s)
	best := -1
	for _, def := range defs {
		if used[def.ID] {
			continue
		}
		lower := strings.ToLower(def.Phrase)
		r, size := utf8.DecodeRuneInString(lower)
		for _, phrase := range []string{lower, string(unicode.ToUpper(r)) + lower[size:]} {
			for from := 0; from < len(text); {
				i := strings.Index(text[from:], phrase)
				if i < 0 {
					break
				}
				i += from
				end := i + len(phrase)
				if end < len(text) && text[end] == 's' {
					end++
				}
				if wordEdge(text, i-1) && wordEdge(text, end) {
					if best < 0 || i < best {
						best, d, lo, hi = i, def, i, end
					}
					break
				}
				from = i + 1
			}
		}
	}
	return d, lo, hi, best >= 0
}

// wordEdge reports whether position i of s is outside a word.
func wordEdge(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	if !utf8.RuneStart(s[i]) {
		return false
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

type termRenderer struct{}

func (termRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTerm, renderTerm)
}

func renderTerm(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	t := n.(*Term)
	if entering {
		_, _ = w.WriteString(`<a class="term" href="`)
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(t.Href), false)))
		_, _ = w.WriteString(`" data-term="`)
		_, _ = w.Write(util.EscapeHTML([]byte(t.Def)))
		_, _ = w.WriteString(`">`)
	} else {
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}
