package markdown

import (
	"bytes"
	"fmt"
	"io"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// The chroma styles for light and dark colour schemes.
const (
	lightStyle = "github"
	darkStyle  = "github-dark"
)

// Highlighting renders fenced code with chroma, marking tokens with CSS
// classes so that the page needs no inline styles; HighlightCSS writes the
// matching stylesheet.
var Highlighting goldmark.Extender = highlightExtension{}

type highlightExtension struct{}

func (highlightExtension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 100)))
}

func formatter() *chromahtml.Formatter {
	return chromahtml.New(chromahtml.WithClasses(true), chromahtml.ClassPrefix("hl-"))
}

type codeRenderer struct{}

func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderFencedCode)
}

func renderFencedCode(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	block := n.(*ast.FencedCodeBlock)
	var code bytes.Buffer
	lines := block.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code.Write(seg.Value(src))
	}
	lang := string(block.Language(src))
	lexer := lexers.Get(lang)
	if lexer == nil {
		lexer = lexers.Fallback
	}
	iter, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
	if err != nil {
		return ast.WalkStop, fmt.Errorf("highlighting %s code: %w", lang, err)
	}
	if err := formatter().Format(w, styles.Get(lightStyle), iter); err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkSkipChildren, nil
}

// HighlightCSS writes the stylesheet for highlighted code: the light style,
// and the dark one for readers who prefer a dark colour scheme.
func HighlightCSS(w io.Writer) error {
	f := formatter()
	if err := f.WriteCSS(w, styles.Get(lightStyle)); err != nil {
		return err
	}
	if _, err := io.WriteString(w, "@media (prefers-color-scheme: dark) {\n"); err != nil {
		return err
	}
	if err := f.WriteCSS(w, styles.Get(darkStyle)); err != nil {
		return err
	}
	_, err := io.WriteString(w, "}\n")
	return err
}
