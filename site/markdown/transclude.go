package markdown

import (
	"bytes"
	"cmp"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"protosite/site/akn"
	"protosite/site/cite"
)

// DirectivePrefix opens a transclusion directive: a line of its own such as
//
//	::provision art. 6(3)
//
// A line starting with "::" means nothing else to goldmark: without this
// extension it is a paragraph of text, and the definition lists extension
// only takes a single ":" after a term.
const DirectivePrefix = "::provision"

// KindTransclusion is the node kind of Transclusion.
var KindTransclusion = ast.NewNodeKind("Transclusion")

// Transclusion stands where a directive embeds a provision of the Protocol
// by reference. The module file holds only the citation; the text shown is
// the provision's own subtree, taken from its article when the page is
// rendered, so it is always the current treaty text.
//
// Its only child is a Citation of the provision (absent when the directive
// is malformed), so that resolving references checks that the provision
// exists, reports a directive that cites nothing with its position, and
// lists the document in the provision's "Cited by".
type Transclusion struct {
	ast.BaseBlock
	Ref    akn.ID // the provision cited; zero when the directive is malformed
	Offset int    // byte offset of the citation in the source
	End    int    // byte offset of the end of the citation in the source

	// Set by the render stage once references are resolved.
	Target  ast.Node // the provision's node, or the document of a whole article, in the document holding it
	Source  []byte   // the source of that document
	Origin  string   // site-absolute URL of the provision: its page and anchor
	Page    string   // site-absolute URL of the page the directive is shown on
	Caption string   // the citation shown with the text, such as "Smuggling of Migrants Protocol, art. 6(3)"
	Cite    string   // absolute URL of the provision under the site's base URL, for cite= and for print
	QR      string   // site-absolute URL of the provision's QR code, "" for none
	// Copy holds the language settings of the page the directive is
	// rendered on (Local, labels, direction; see CopyOptions); Origin,
	// Cite and QR above are those of the default language.
	Copy CopyOptions
}

// Kind implements ast.Node.
func (n *Transclusion) Kind() ast.NodeKind { return KindTransclusion }

// Dump implements ast.Node.
func (n *Transclusion) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Ref": n.Ref.String(), "Origin": n.Origin}, nil)
}

// Problem is a malformed directive found while parsing.
type Problem struct {
	Offset int    // byte offset in the source
	Msg    string // what is wrong, without a trailing period
}

var problemsKey = parser.NewContextKey()

// Problems returns the malformed directives found while parsing with pc, in
// document order.
func Problems(pc parser.Context) []Problem {
	ps, _ := pc.Get(problemsKey).([]Problem)
	return ps
}

func addProblem(pc parser.Context, p Problem) { pc.Set(problemsKey, append(Problems(pc), p)) }

// Transclusions is the extension that parses and renders directives.
var Transclusions goldmark.Extender = transclusionExtension{}

type transclusionExtension struct{}

// transclusionParserPriority runs the directive parser before the definition
// list parsers (101, 102), which also trigger on ":" after a paragraph.
const transclusionParserPriority = 90

func (transclusionExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(transclusionParser{}, transclusionParserPriority)),
		parser.WithASTTransformers(util.Prioritized(transclusionTransformer{}, 100)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(transclusionRenderer{}, 100)))
}

type transclusionParser struct{}

// Trigger implements parser.BlockParser.
func (transclusionParser) Trigger() []byte { return []byte{':'} }

// Open implements parser.BlockParser.
func (transclusionParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	pos := pc.BlockOffset()
	if pos < 0 || pc.BlockIndent() > 3 {
		return nil, parser.NoChildren
	}
	line, seg := reader.PeekLine()
	rest, ok := bytes.CutPrefix(line[pos:], []byte(DirectivePrefix))
	if !ok || (len(rest) > 0 && !util.IsSpace(rest[0])) {
		return nil, parser.NoChildren // "::provisions", say: not a directive
	}
	start := seg.Start + pos + len(DirectivePrefix)
	lead := len(rest) - len(bytes.TrimLeft(rest, " \t"))
	start += lead
	written := string(bytes.TrimRight(rest[lead:], " \t\r\n"))
	reader.AdvanceToEOL()

	node := &Transclusion{Offset: start, End: start + len(written)}
	cites := cite.Parse(written, cite.Context{})
	switch {
	case written == "":
		addProblem(pc, Problem{Offset: start, Msg: DirectivePrefix + " needs the citation of a provision, such as " + DirectivePrefix + " art. 6(3)"})
	case len(cites) != 1 || cites[0].Start != 0 || cites[0].End != len(written):
		addProblem(pc, Problem{Offset: start, Msg: fmt.Sprintf("%s %q: write the citation of one provision and nothing else, such as %s art. 6(3)", DirectivePrefix, written, DirectivePrefix)})
	default:
		node.Ref = cites[0].Ref
	}
	return node, parser.NoChildren
}

// Continue implements parser.BlockParser: a directive is one line.
func (transclusionParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

// Close implements parser.BlockParser.
func (transclusionParser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser: a directive stands on
// its own line even without a blank line before it.
func (transclusionParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (transclusionParser) CanAcceptIndentedLine() bool { return false }

// transclusionTransformer gives each directive its Citation child. It
// cannot be added while blocks are parsed: goldmark then still reads the
// lines of every node below a block, which an inline node does not have.
type transclusionTransformer struct{}

func (transclusionTransformer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		t, ok := n.(*Transclusion)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if !t.Ref.IsZero() && !t.HasChildren() {
			c := &Citation{Ref: t.Ref, Offset: t.Offset}
			c.AppendChild(c, ast.NewTextSegment(text.NewSegment(t.Offset, t.End)))
			t.AppendChild(t, c)
		}
		return ast.WalkSkipChildren, nil
	})
}

type transclusionRenderer struct{}

func (transclusionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTransclusion, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		t := n.(*Transclusion)
		o := t.Copy
		o.Page = cmp.Or(o.Page, t.Page)
		return ast.WalkSkipChildren, renderTransclusion(w, t, o)
	})
}

// renderTransclusion writes the provision t embeds as it appears on the
// page at page: a quotation of the provision's current text, without the
// ids and ¶ links of the original, which stays one click away.
func renderTransclusion(w util.BufWriter, t *Transclusion, o CopyOptions) error {
	if t.Target == nil {
		// Only a build that has already failed gets here: resolving reports
		// every directive that cites nothing.
		return nil
	}
	// Origin, Cite and QR are the default language's; a page in another
	// language links to the provision in its own language.
	origin := o.local(t.Origin)
	cite := t.Cite
	if cite != "" && origin != t.Origin {
		cite = strings.TrimSuffix(t.Cite, t.Origin) + origin
	}
	qr := t.QR
	if qr != "" && o.QR != nil {
		qr = o.QR(qr)
	}
	_, _ = w.WriteString(`<figure class="transclusion"`)
	writeAttr(w, "data-citation", t.Ref.Label())
	_, _ = w.WriteString(">\n<blockquote")
	if cite != "" {
		writeAttr(w, "cite", cite)
	}
	_, _ = w.WriteString(">\n")
	page := o.Page
	co := o
	co.Origin, co.Tail, co.Base = origin, nil, ""
	if err := RenderCopy(w, t.Source, co, t.Target); err != nil {
		return err
	}
	_, _ = w.WriteString("</blockquote>\n<figcaption><a")
	writeAttr(w, "href", rebase(origin, origin, page))
	_, _ = w.WriteString(">")
	_, _ = w.Write(util.EscapeHTML([]byte(t.Caption)))
	_, _ = w.WriteString("</a>")
	if cite != "" {
		_, _ = w.WriteString(` <span class="abs-url">`)
		_, _ = w.Write(util.EscapeHTML([]byte(ShortURL(cite))))
		_, _ = w.WriteString("</span>")
	}
	if qr != "" {
		_, _ = w.WriteString(` <a class="qr-link"`)
		writeAttr(w, "href", rebase(qr, page, page))
		name := "QR code for " + t.Ref.Label()
		if o.QRLabel != nil {
			name = o.QRLabel(t.Ref.Label())
		}
		writeAttr(w, "aria-label", name)
		_, _ = w.WriteString(">QR</a>")
	}
	_, _ = w.WriteString("</figcaption>\n</figure>\n")
	return nil
}
