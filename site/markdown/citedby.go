package markdown

import (
	"strconv"
	"strings"

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

// BackrefGroup is the places of one kind that cite a provision.
type BackrefGroup struct {
	Name     string    // what the places are, plural, such as "Legislation"
	Singular string    // one of them, such as "law"
	Plural   string    // several of them, such as "laws"
	Refs     []Backref // the places listed, in content order
	Total    int       // how many places there are, listed or not
	More     string    // link to the full list when not all are listed

	// The words shown, in the page's language; when empty, the English
	// ones are made from the fields above.
	Count    string // the count, such as "3 laws"
	Label    string // the group's label, such as "Legislation:"
	MoreText string // what says that more are not listed, such as "and 5 more"
}

// CitedBy lists the places that cite the provision it stands in, grouped by
// kind and counted. The render stage inserts it once citations are resolved.
type CitedBy struct {
	ast.BaseBlock
	Groups []BackrefGroup // non-empty groups, in display order

	Summary string // the list's summary before the counts, "Cited by:" when empty
	Comma   string // what separates listed places, ", " when empty
	// LTR marks each link with dir="ltr", so that citations such as
	// "art. 6(1)" keep their order in right-to-left text.
	LTR bool
}

// Kind implements ast.Node.
func (n *CitedBy) Kind() ast.NodeKind { return KindCitedBy }

// Dump implements ast.Node.
func (n *CitedBy) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Groups": strconv.Itoa(len(n.Groups))}, nil)
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
	summary, comma := c.Summary, c.Comma
	if summary == "" {
		summary = "Cited by:"
	}
	if comma == "" {
		comma = ", "
	}
	_, _ = w.WriteString(`<details class="cited-by"><summary>`)
	_, _ = w.Write(util.EscapeHTML([]byte(summary)))
	_ = w.WriteByte(' ')
	for i, g := range c.Groups {
		if i > 0 {
			_, _ = w.WriteString(" · ")
		}
		count := g.Count
		if count == "" {
			noun := g.Plural
			if g.total() == 1 {
				noun = g.Singular
			}
			count = strconv.Itoa(g.total()) + " " + noun
		}
		_, _ = w.Write(util.EscapeHTML([]byte(count)))
	}
	_, _ = w.WriteString("</summary>")
	for _, g := range c.Groups {
		_, _ = w.WriteString(`<p class="cited-by-group"><span class="cited-by-kind">`)
		label := g.Label
		if label == "" {
			label = g.Name + ":"
		}
		_, _ = w.Write(util.EscapeHTML([]byte(label)))
		_, _ = w.WriteString("</span> ")
		for i, r := range g.Refs {
			if i > 0 {
				_, _ = w.Write(util.EscapeHTML([]byte(comma)))
			}
			_, _ = w.WriteString(`<a href="`)
			_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(r.Href), false)))
			_, _ = w.WriteString(`"`)
			if c.LTR {
				_, _ = w.WriteString(` dir="ltr"`)
			}
			_, _ = w.WriteString(`>`)
			_, _ = w.Write(util.EscapeHTML([]byte(r.Label)))
			_, _ = w.WriteString("</a>")
		}
		if rest := g.total() - len(g.Refs); rest > 0 {
			more := g.MoreText
			if more == "" {
				more = "and " + strconv.Itoa(rest) + " more"
			}
			more = string(util.EscapeHTML([]byte(more)))
			sep := strings.TrimRight(comma, " ")
			if g.More != "" {
				_, _ = w.Write(util.EscapeHTML([]byte(sep)))
				_, _ = w.WriteString(` <a href="`)
				_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(g.More), false)))
				_, _ = w.WriteString(`">` + more + "</a>")
			} else {
				_, _ = w.Write(util.EscapeHTML([]byte(sep)))
				_, _ = w.WriteString(" " + more)
			}
		}
		_, _ = w.WriteString("</p>")
	}
	_, _ = w.WriteString("</details>\n")
	return ast.WalkSkipChildren, nil
}

// total is how many places the group counts, listed or not.
func (g BackrefGroup) total() int { return max(g.Total, len(g.Refs)) }
