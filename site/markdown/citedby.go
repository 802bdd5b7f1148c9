package markdown

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// KindCitedBy is the node kind of CitedBy.
var KindCitedBy = ast.NewNodeKind("CitedBy")

// Backref is one place that cites a provision, as a CitedBy list shows it.
type Backref struct {
	Label string // short name of the citing place, such as "art. 16(1)"
	Href  string // link to it, relative to the page
}

// CitedBy lists the places that cite the provision it stands in. The render
// stage inserts it once citations are resolved.
type CitedBy struct {
	ast.BaseBlock
	Refs []Backref // the citing places, in content order
}

// Kind implements ast.Node.
func (n *CitedBy) Kind() ast.NodeKind { return KindCitedBy }

// Dump implements ast.Node.
func (n *CitedBy) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Refs": strconv.Itoa(len(n.Refs))}, nil)
}

type citedByRenderer struct{}

func (citedByRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCitedBy, renderCitedBy)
}

func renderCitedBy(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	c := n.(*CitedBy)
	_, _ = w.WriteString(`<details class="cited-by"><summary>Cited by ` + strconv.Itoa(len(c.Refs)) + "</summary><ul>")
	for _, r := range c.Refs {
		_, _ = w.WriteString(`<li><a href="`)
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(r.Href), false)))
		_, _ = w.WriteString(`">`)
		_, _ = w.Write(util.EscapeHTML([]byte(r.Label)))
		_, _ = w.WriteString("</a></li>")
	}
	_, _ = w.WriteString("</ul></details>\n")
	return ast.WalkSkipChildren, nil
}
