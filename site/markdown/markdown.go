// Package markdown configures goldmark for protosite: GitHub-flavoured
// tables, footnotes, definition lists, heading ids, code highlighted with
// CSS classes, citations of the Protocol turned into links, and provisions
// embedded by reference (see Transclusion).
package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"

	"protosite/site/provision"
)

// config collects what the options choose.
type config struct {
	provisions bool
	labels     Labels
}

// Labels are what the renderers write in the page's language.
type Labels struct {
	// LinkTo is the accessible name of a provision's ¶ link, given the
	// provision's citation; "Link to art. 6(1)" when nil.
	LinkTo func(label string) string
	// RTL says pages are written right to left: citation links are then
	// marked dir="ltr", so that "art. 6(1)(a)" keeps its order.
	RTL bool
}

// WithLabels sets the words and direction of the page's language.
func WithLabels(l Labels) Option { return func(c *config) { c.labels = l } }

// Option changes how New configures goldmark.
type Option func(*config)

// WithProvisions parses the numbered structure of treaty text into
// provisions with stable ids (see package provision).
func WithProvisions() Option { return func(c *config) { c.provisions = true } }

// New returns a goldmark instance for site content. It is safe for
// concurrent use; per-document settings travel in the parser context (see
// NewContext).
func New(opts ...Option) goldmark.Markdown {
	var c config
	for _, o := range opts {
		o(&c)
	}
	exts := []goldmark.Extender{
		extension.Table,
		extension.Strikethrough,
		extension.Footnote,
		extension.DefinitionList,
		Highlighting,
		citationExtension{ltr: c.labels.RTL},
		Transclusions,
	}
	if c.provisions {
		exts = append(exts, provision.Extension(provision.WithLinkLabel(c.labels.LinkTo)))
	}
	return goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		// Content is trusted Markdown written by the project, but raw HTML
		// stays off so that a stray tag in a source cannot reach a page.
		goldmark.WithRendererOptions(html.WithXHTML()),
	)
}
