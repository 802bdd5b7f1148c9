package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"protosite/site/akn"
	"protosite/site/cite"
	"protosite/site/provision"
)

// KindCitation is the node kind of Citation.
var KindCitation = ast.NewNodeKind("Citation")

// Citation is a reference to a provision of the Protocol found in text. Its
// children are the text that cites.
type Citation struct {
	ast.BaseInline
	Ref    akn.ID // what is cited
	Offset int    // byte offset of the citing text in the parsed source
	Href   string // link target, set once references are resolved; empty renders plain text
}

// Kind implements ast.Node.
func (n *Citation) Kind() ast.NodeKind { return KindCitation }

// Dump implements ast.Node.
func (n *Citation) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Ref": n.Ref.String(), "Href": n.Href}, nil)
}

// CitingText returns the citing text as written.
func (n *Citation) CitingText(src []byte) string {
	var b []byte
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b = append(b, t.Segment.Value(src)...)
		}
	}
	return string(b)
}

// Citations is the extension that finds citations in text.
var Citations goldmark.Extender = citationExtension{}

type citationExtension struct {
	ltr bool // mark citation links dir="ltr", for right-to-left pages
}

func (e citationExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(citationTransformer{}, 1000)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(citationRenderer{ltr: e.ltr}, 100), util.Prioritized(citedByRenderer{}, 100), util.Prioritized(termRenderer{}, 100)))
}

var (
	articleKey = parser.NewContextKey()
	langKey    = parser.NewContextKey()
)

// NewContext returns a parser context for a document in language lang
// that lies inside article (0 outside the treaty) and whose provisions are
// named below root (the zero ID for documents without provisions). The
// language says how references are written: Dutch text cites "artikel 6,
// eerste lid".
func NewContext(article int, root akn.ID, lang string) parser.Context {
	pc := parser.NewContext()
	pc.Set(articleKey, article)
	pc.Set(langKey, lang)
	if !root.IsZero() {
		provision.SetRoot(pc, root)
	}
	return pc
}

type citationTransformer struct{}

func (citationTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	article, _ := pc.Get(articleKey).(int)
	lang, _ := pc.Get(langKey).(string)
	src := reader.Source()
	var runs [][]*ast.Text
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindLink, ast.KindAutoLink, ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML, ast.KindImage:
			return ast.WalkSkipChildren, nil
		}
		if n.Type() != ast.TypeBlock || !n.HasChildren() {
			return ast.WalkContinue, nil
		}
		// Collect runs of adjacent text nodes, so that a citation written
		// across a soft line break is still seen whole.
		var run []*ast.Text
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok && !t.IsRaw() {
				run = append(run, t)
				continue
			}
			if len(run) > 0 {
				runs = append(runs, run)
				run = nil
			}
		}
		if len(run) > 0 {
			runs = append(runs, run)
		}
		return ast.WalkContinue, nil
	})
	for _, run := range runs {
		ctx := contextOf(run[0], article)
		ctx.Lang = lang
		linkRun(run, src, ctx)
	}
}

// contextOf finds the article and numbered paragraph that n is written in.
func contextOf(n ast.Node, article int) cite.Context {
	ctx := cite.Context{Article: article}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if pr, ok := p.(*provision.Provision); ok && !pr.ID.IsZero() {
			ctx.Para = pr.ID.Para()
			break
		}
	}
	return ctx
}

// linkRun parses the joined text of run and wraps each citation found.
func linkRun(run []*ast.Text, src []byte, ctx cite.Context) {
	var joined []byte
	starts := make([]int, len(run)) // offset of each node's text in joined
	for i, t := range run {
		starts[i] = len(joined)
		joined = append(joined, t.Segment.Value(src)...)
		if t.SoftLineBreak() {
			joined = append(joined, ' ')
		}
	}
	cites := cite.Parse(string(joined), ctx)
	// Work backwards so that splitting a node leaves earlier offsets valid.
	for i := len(cites) - 1; i >= 0; i-- {
		c := cites[i]
		if c.Start == c.End {
			// A reference implied by a range has no text of its own; keep
			// it as an empty node so that it still counts as a citation.
			node := &Citation{Ref: c.Ref, Offset: -1}
			if k := nodeAt(starts, c.Start); k >= 0 {
				node.Offset = run[k].Segment.Start + c.Start - starts[k]
				insertAfterOffset(run[k], node, c.Start-starts[k], src)
			}
			continue
		}
		for k := len(run) - 1; k >= 0; k-- {
			nodeStart := starts[k]
			nodeEnd := nodeStart + run[k].Segment.Len()
			lo, hi := max(c.Start, nodeStart), min(c.End, nodeEnd)
			if lo >= hi {
				continue
			}
			wrap(run[k], lo-nodeStart, hi-nodeStart, c.Ref)
		}
	}
}

// nodeAt returns the index of the node whose text holds joined offset off.
func nodeAt(starts []int, off int) int {
	k := -1
	for i, s := range starts {
		if s <= off {
			k = i
		}
	}
	return k
}

// wrap moves bytes [lo,hi) of t's text into a Citation of ref.
func wrap(t *ast.Text, lo, hi int, ref akn.ID) {
	splitAround(t, lo, hi, &Citation{Ref: ref, Offset: t.Segment.Start + lo})
}

// insertAfterOffset places an empty node at offset off of t's text, splitting t.
func insertAfterOffset(t *ast.Text, node ast.Node, off int, _ []byte) {
	parent := t.Parent()
	seg := t.Segment
	if off <= 0 {
		parent.InsertBefore(parent, t, node)
		return
	}
	if off >= seg.Len() {
		parent.InsertAfter(parent, t, node)
		return
	}
	after := ast.NewTextSegment(text.NewSegment(seg.Start+off, seg.Stop))
	after.SetSoftLineBreak(t.SoftLineBreak())
	after.SetHardLineBreak(t.HardLineBreak())
	t.SetSoftLineBreak(false)
	t.SetHardLineBreak(false)
	t.Segment = text.NewSegment(seg.Start, seg.Start+off)
	parent.InsertAfter(parent, t, node)
	parent.InsertAfter(parent, node, after)
}

type citationRenderer struct {
	ltr bool
}

func (r citationRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCitation, r.render)
}

func (r citationRenderer) render(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	c := n.(*Citation)
	if c.Href == "" || !c.HasChildren() {
		return ast.WalkContinue, nil
	}
	if entering {
		_, _ = w.WriteString(`<a class="cite"`)
		if r.ltr {
			_, _ = w.WriteString(` dir="ltr"`)
		}
		_, _ = w.WriteString(` href="`)
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(c.Href), false)))
		_, _ = w.WriteString(`" title="`)
		_, _ = w.Write(util.EscapeHTML([]byte(c.Ref.Label())))
		_, _ = w.WriteString(`">`)
	} else {
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}
