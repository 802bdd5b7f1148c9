package provision

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// parserPriority puts the provision parser ahead of goldmark's list parser
// (300), which would otherwise take "1. " for an ordered list.
const parserPriority = 100

// blockParser opens a Provision for each marker line at the top of the
// document. The rest of the line, and any lazily wrapped lines after it,
// become the provision's child paragraph through goldmark's own parsers.
type blockParser struct{}

// Trigger implements parser.BlockParser.
func (blockParser) Trigger() []byte { return []byte("0123456789(abcdefghijklmnopqrstuvwxyz") }

// Open implements parser.BlockParser.
func (blockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	// Nested lines belong to lists, quotes and the like, not to the article.
	if parent.Kind() != ast.KindDocument {
		return nil, parser.NoChildren
	}
	pos := pc.BlockOffset()
	if pos < 0 || pc.BlockIndent() > 3 {
		return nil, parser.NoChildren
	}
	line, _ := reader.PeekLine()
	kind, marker, _, width := scanMarker(line[pos:])
	if kind == noMarker {
		return nil, parser.NoChildren
	}
	reader.Advance(pos + width)
	return NewProvision(marker), parser.HasChildren
}

// Continue implements parser.BlockParser.
func (blockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) || startsProvision(line, reader.LineOffset()) {
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

// Close implements parser.BlockParser.
func (blockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser: each provision starts
// on its own line even when the author left out the blank line before it.
func (blockParser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (blockParser) CanAcceptIndentedLine() bool { return false }

// startsProvision reports whether line would open a provision, so that a
// marker line ends the provision before it instead of continuing its text.
func startsProvision(line []byte, offset int) bool {
	w, pos := util.IndentWidth(line, offset)
	if w > 3 || pos >= len(line) {
		return false
	}
	kind, _, _, _ := scanMarker(line[pos:])
	return kind != noMarker
}
