package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// splitAround moves bytes [lo,hi) of t's text into node, inserted after t,
// and returns a new text node holding what followed, or nil if nothing did.
// t keeps the text before lo, and is removed when there is none. A line
// break that ended t moves to the text after node, empty if need be, so
// that it stays outside node.
func splitAround(t *ast.Text, lo, hi int, node ast.Node) *ast.Text {
	seg := t.Segment
	parent := t.Parent()
	node.AppendChild(node, ast.NewTextSegment(text.NewSegment(seg.Start+lo, seg.Start+hi)))
	rest := seg.Start+hi < seg.Stop
	var after *ast.Text
	if rest || t.SoftLineBreak() || t.HardLineBreak() {
		after = ast.NewTextSegment(text.NewSegment(seg.Start+hi, seg.Stop))
		after.SetSoftLineBreak(t.SoftLineBreak())
		after.SetHardLineBreak(t.HardLineBreak())
		t.SetSoftLineBreak(false)
		t.SetHardLineBreak(false)
	}
	t.Segment = text.NewSegment(seg.Start, seg.Start+lo)
	parent.InsertAfter(parent, t, node)
	if after != nil {
		parent.InsertAfter(parent, node, after)
	}
	if lo == 0 {
		parent.RemoveChild(parent, t)
	}
	if !rest {
		return nil
	}
	return after
}
