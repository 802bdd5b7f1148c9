package provision

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
	"io"
	"strings"
)

// rendererPriority is the one goldmark's own extensions use; only this
// renderer handles KindProvision, so the value hardly matters.
const rendererPriority = 500

// htmlRenderer writes a provision as a <div> whose first <p> carries the
// number and a self-link. Everything inside is rendered by the full renderer
// it belongs to, so other extensions' inline nodes still work there.
type htmlRenderer struct {
	full    renderer.Renderer // the renderer this one is registered in
	pilcrow bool
	linkTo  func(label string) string // the ¶ link's accessible name; nil for English
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindProvision, r.renderProvision)
}

func (r *htmlRenderer) renderProvision(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	p := node.(*Provision)
	id := p.ID.String()
	_, _ = w.WriteString(`<div class="provision"`)
	if id != "" {
		writeAttr(w, "id", id)
		writeAttr(w, "data-citation", p.ID.Label())
	}
	_, _ = w.WriteString(">\n")

	// The child paragraph is rendered here rather than by the walk, because
	// the number and the link go inside its <p>.
	para, rest := Parts(p)
	if err := r.renderText(w, source, p, para, id); err != nil {
		return ast.WalkStop, err
	}
	for c := rest; c != nil; c = c.NextSibling() {
		if err := r.full.Render(w, source, c); err != nil {
			return ast.WalkStop, err
		}
	}
	return ast.WalkSkipChildren, nil
}

// renderText writes the <p> with the marker, the provision's own words (para,
// which may be nil) and the pilcrow.
func (r *htmlRenderer) renderText(w util.BufWriter, source []byte, p *Provision, para *ast.Paragraph, id string) error {
	link := r.pilcrow && id != ""
	if para == nil && p.Marker == "" && !link {
		return nil
	}
	var tail strings.Builder
	if link {
		tail.WriteString(`<a class="pilcrow"`)
		writeAttr(&tail, "href", "#"+id)
		name := "Link to " + p.ID.Label()
		if r.linkTo != nil {
			name = r.linkTo(p.ID.Label())
		}
		writeAttr(&tail, "aria-label", name)
		tail.WriteString(">¶</a>")
	}
	return WriteText(w, p, para, func(n ast.Node) error { return r.full.Render(w, source, n) }, tail.String())
}

// attrWriter is what writeAttr writes to: a goldmark writer or a builder.
type attrWriter interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
}

// writeAttr writes ` name="value"` with value escaped.
func writeAttr(w attrWriter, name, value string) {
	_ = w.WriteByte(' ')
	_, _ = w.WriteString(name)
	_, _ = w.WriteString(`="`)
	_, _ = w.Write(util.EscapeHTML([]byte(value)))
	_ = w.WriteByte('"')
}
