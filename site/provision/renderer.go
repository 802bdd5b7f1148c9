package provision

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
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
	rest := p.FirstChild()
	para, _ := rest.(*ast.Paragraph)
	if para != nil {
		rest = para.NextSibling()
	}
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
// which may be nil) and the pilcrow, separated by single spaces.
func (r *htmlRenderer) renderText(w util.BufWriter, source []byte, p *Provision, para *ast.Paragraph, id string) error {
	link := r.pilcrow && id != ""
	if para == nil && p.Marker == "" && !link {
		return nil
	}
	if para != nil && para.Attributes() != nil {
		_, _ = w.WriteString("<p")
		html.RenderAttributes(w, para, html.ParagraphAttributeFilter)
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("<p>")
	}
	sep := false
	if p.Marker != "" {
		_, _ = w.WriteString(`<span class="num">`)
		_, _ = w.Write(util.EscapeHTML([]byte(p.Marker)))
		_, _ = w.WriteString("</span>")
		sep = true
	}
	if para != nil && para.HasChildren() {
		if sep {
			_ = w.WriteByte(' ')
		}
		for c := para.FirstChild(); c != nil; c = c.NextSibling() {
			if err := r.full.Render(w, source, c); err != nil {
				return err
			}
		}
		sep = true
	}
	if link {
		if sep {
			_ = w.WriteByte(' ')
		}
		_, _ = w.WriteString(`<a class="pilcrow"`)
		writeAttr(w, "href", "#"+id)
		name := "Link to " + p.ID.Label()
		if r.linkTo != nil {
			name = r.linkTo(p.ID.Label())
		}
		writeAttr(w, "aria-label", name)
		_, _ = w.WriteString(">¶</a>")
	}
	_, _ = w.WriteString("</p>\n")
	return nil
}

// writeAttr writes ` name="value"` with value escaped.
func writeAttr(w util.BufWriter, name, value string) {
	_ = w.WriteByte(' ')
	_, _ = w.WriteString(name)
	_, _ = w.WriteString(`="`)
	_, _ = w.Write(util.EscapeHTML([]byte(value)))
	_ = w.WriteByte('"')
}
