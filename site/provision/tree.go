package provision

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"protosite/site/akn"
)

// transformerPriority only orders this transformer among others; it needs
// nothing from them.
const transformerPriority = 100

// treeTransformer turns the flat run of provisions the block parser leaves at
// the top of the document into the article's tree, and names every node.
type treeTransformer struct{}

// Transform implements parser.ASTTransformer.
func (treeTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	n := &nester{root: root(pc), seen: map[string]bool{}}
	if n.root.Preamble {
		n.wrapPreamble(doc)
	}
	for c := doc.FirstChild(); c != nil; {
		next := c.NextSibling() // c may move below an earlier provision
		n.place(c)
		c = next
	}
	if !n.root.IsZero() {
		addProblems(pc, n.problems)
	}
}

// nester holds what is open while the article is read top to bottom: the
// current paragraph, its current lettered point and that point's current
// roman point. A later provision can only go below one of these, so document
// order is kept.
type nester struct {
	root                akn.ID
	para, letter, roman *Provision
	lastPara            int // number of the last paragraph, for the sequence check
	seen                map[string]bool
	problems            []Problem
}

// wrapPreamble makes each top-level paragraph of the preamble a provision:
// the opening and closing words are formulas, the clauses between recitals.
func (n *nester) wrapPreamble(doc *ast.Document) {
	var paras []*ast.Paragraph
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if p, ok := c.(*ast.Paragraph); ok {
			paras = append(paras, p)
		}
	}
	for i, para := range paras {
		id := n.root.Child(akn.Recital, strconv.Itoa(i))
		switch i {
		case 0:
			id = n.root.Child(akn.Formula, "1")
		case len(paras) - 1:
			id = n.root.Child(akn.Formula, "2")
		}
		p := NewProvision("")
		p.SetPos(para.Pos())
		doc.ReplaceChild(doc, para, p)
		p.AppendChild(p, para)
		n.name(p, id)
	}
}

// place puts one top-level block where it belongs.
func (n *nester) place(c ast.Node) {
	p, ok := c.(*Provision)
	if !ok {
		// Unnumbered text after a provision continues it; before any, it is
		// the article's own text and stays at the top.
		if in := n.innermost(); in != nil {
			in.AppendChild(in, c)
		}
		return
	}
	switch kind, num := splitMarker(p.Marker); kind {
	case paraMarker:
		n.placePara(p, num)
	case pointMarker:
		n.placePoint(p, num)
	default: // a preamble clause, already named
		n.para, n.letter, n.roman = nil, nil, nil
	}
}

func (n *nester) placePara(p *Provision, num string) {
	n.para, n.letter, n.roman = p, nil, nil
	if !n.name(p, n.root.Child(akn.Para, num)) {
		return
	}
	v, _ := strconv.Atoi(num)
	if want := n.lastPara + 1; v != want {
		n.report(p, "paragraph %s is out of sequence, expected %d", num, want)
	}
	n.lastPara = v
}

func (n *nester) placePoint(p *Provision, num string) {
	if n.isRomanPoint(num) {
		n.roman = p
		if n.letter != nil {
			n.appendTo(n.letter, p, num)
			return
		}
		// Keep it at the level of a lettered point so nothing is lost.
		n.report(p, "point (%s) reads as a roman numeral but follows no lettered point", num)
		n.appendTo(n.para, p, num)
		return
	}
	n.letter, n.roman = p, nil
	n.appendTo(n.para, p, num)
}

// isRomanPoint tells "(i)" below "(b)" from the letter "(i)" after "(h)".
func (n *nester) isRomanPoint(num string) bool {
	if !isRoman(num) {
		return false
	}
	if n.letter == nil {
		return true
	}
	_, letter := splitMarker(n.letter.Marker)
	return nextLetter(letter) != num
}

// appendTo moves point p below parent, or leaves it directly under the
// article when parent is nil, and names it.
func (n *nester) appendTo(parent, p *Provision, num string) {
	id := n.root
	if parent != nil {
		parent.AppendChild(parent, p)
		id = parent.ID
	}
	n.name(p, id.Child(akn.Point, num))
}

func (n *nester) innermost() *Provision {
	switch {
	case n.roman != nil:
		return n.roman
	case n.letter != nil:
		return n.letter
	}
	return n.para
}

// name gives p its identifier and reports whether it was not yet taken.
func (n *nester) name(p *Provision, id akn.ID) bool {
	if n.root.IsZero() {
		return true
	}
	p.ID = id
	s := id.String()
	if n.seen[s] {
		n.report(p, "%s is numbered twice (duplicate identifier %s)", id.Label(), s)
		return false
	}
	n.seen[s] = true
	return true
}

func (n *nester) report(p *Provision, format string, args ...any) {
	n.problems = append(n.problems, Problem{Offset: p.Pos(), Msg: fmt.Sprintf(format, args...)})
}

// splitMarker returns the kind and bare number of a marker as written.
func splitMarker(marker string) (markerKind, string) {
	switch {
	case len(marker) >= 2 && strings.HasSuffix(marker, ".") && isDigit(marker[0]):
		return paraMarker, marker[:len(marker)-1]
	case len(marker) >= 2 && strings.HasSuffix(marker, ".") && isLetter(marker[0]):
		return pointMarker, marker[:len(marker)-1]
	case len(marker) >= 3 && marker[0] == '(' && strings.HasSuffix(marker, ")"):
		return pointMarker, marker[1 : len(marker)-1]
	}
	return noMarker, ""
}
