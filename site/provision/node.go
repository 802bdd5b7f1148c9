package provision

import (
	"github.com/yuin/goldmark/ast"

	"protosite/site/akn"
)

// KindProvision is the ast.NodeKind of a Provision.
var KindProvision = ast.NewNodeKind("Provision")

// Provision is one numbered paragraph or point of an article, or one clause of the preamble.
//
// Its first child, if any, is the *ast.Paragraph with its own words; nested
// provisions and any unnumbered blocks that continue it follow.
type Provision struct {
	ast.BaseBlock
	ID     akn.ID // the provision's identifier; zero until named, or when no root is set
	Marker string // the number as written, "1.", "(b)", "(i)"; empty in the preamble
}

// NewProvision returns a Provision with the given marker and no identifier.
func NewProvision(marker string) *Provision { return &Provision{Marker: marker} }

// Kind implements ast.Node.
func (p *Provision) Kind() ast.NodeKind { return KindProvision }

// Dump implements ast.Node.
func (p *Provision) Dump(source []byte, level int) {
	ast.DumpHelper(p, source, level, map[string]string{
		"ID":     p.ID.String(),
		"Marker": p.Marker,
	}, nil)
}
