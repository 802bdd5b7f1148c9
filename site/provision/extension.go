package provision

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// config holds what the options set.
type config struct {
	pilcrow bool
	linkTo  func(label string) string
}

// Option configures the extension.
type Option func(*config)

// WithPilcrow sets whether each named provision ends with a ¶ link to itself (default true).
func WithPilcrow(on bool) Option { return func(c *config) { c.pilcrow = on } }

// WithLinkLabel sets the accessible name of the ¶ link, given the
// provision's citation, for pages in other languages than English; nil
// keeps "Link to art. 6(1)".
func WithLinkLabel(f func(label string) string) Option { return func(c *config) { c.linkTo = f } }

// extender adds the provision parser, transformer and renderer to goldmark.
type extender struct {
	cfg config
}

// Extension returns the goldmark extension that parses, names and renders provisions.
func Extension(opts ...Option) goldmark.Extender {
	e := &extender{cfg: config{pilcrow: true}}
	for _, o := range opts {
		o(&e.cfg)
	}
	return e
}

// Extend implements goldmark.Extender.
func (e *extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(blockParser{}, parserPriority)),
		parser.WithASTTransformers(util.Prioritized(treeTransformer{}, transformerPriority)),
	)
	r := m.Renderer()
	r.AddOptions(renderer.WithNodeRenderers(util.Prioritized(
		&htmlRenderer{full: r, pilcrow: e.cfg.pilcrow, linkTo: e.cfg.linkTo}, rendererPriority)))
}
