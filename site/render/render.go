// Package render turns resolved content into the files of the site: HTML
// pages from the templates, the stylesheet and script with content-hashed
// names, and sitemap.xml.
package render

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"protosite/site/content"
	"protosite/site/diag"
	"protosite/site/i18n"
	"protosite/site/output"
	"protosite/site/resolve"
)

// Renderer renders pages; it holds the parsed templates and assets.
type Renderer struct {
	assets *assets // stylesheet and script
}

// pageTemplates are the templates that render a whole page with the base layout.
var pageTemplates = []string{"home", "articles", "article", "page", "notfound", "meetings", "meeting", "recommendations", "recommendation", "legislation-index", "law", "countries", "country", "glossary", "search", "goto", "compare", "modules", "module", "handout", "present"}

// New parses the embedded templates and interface strings and prepares
// the assets. The templates are parsed for each language when it is first
// rendered; New parses those of the reference language, so that a mistake
// in a template is reported here.
func New() (*Renderer, error) {
	r := &Renderer{}
	msgs, err := loadMessages(i18n.Reference)
	if err != nil {
		return nil, err
	}
	if _, err := templatesFor(msgs[i18n.Reference]); err != nil {
		return nil, err
	}
	if r.assets, err = newAssets(); err != nil {
		return nil, err
	}
	return r, nil
}

// Render produces every file of the site. Problems in content found while
// rendering, such as a link to a page that does not exist, are all reported.
// Links in content may also name opts.ExtraURLs: files the caller writes
// beside the pages, such as "/data/protocol.json".
func (r *Renderer) Render(s *content.Site, g *resolve.Graph, opts Options) ([]output.File, error) {
	var errs diag.List
	var files []output.File
	provisions, err := provisionsScript(g)
	if err != nil {
		return nil, fmt.Errorf("listing provisions: %w", err)
	}
	assetURLs, assetFiles := r.assets.with("provisions.js", provisions)
	langs, err := r.newLangViews(s)
	if err != nil {
		return nil, err
	}
	prepareTransclusions(s, g)
	pages := r.plan(s, g, langs, opts)
	for _, p := range pages {
		p.assets = assetURLs
		p.terms = p.lang.terms
		p.Live = opts.Live
	}
	known := map[string]bool{}
	at := map[string]bool{}
	for _, p := range pages {
		known[p.Base] = true
		if at[p.URL] {
			return nil, fmt.Errorf("two pages at %s", p.URL) // a mistake in plan
		}
		at[p.URL] = true
	}
	for _, u := range opts.ExtraURLs {
		known[u] = true
	}
	// Rendering bodies changes the documents' trees (cited-by lists,
	// defined terms, links made relative), so it runs one page at a time;
	// executing the templates only reads, so it runs on every core. A
	// document's links are checked once: on the page of its own language.
	for _, p := range pages {
		if p.Doc == nil {
			continue
		}
		check := p.Doc.Lang == p.Lang.Code
		body, err := r.body(p, p.Doc, g, known, &errs, check)
		if err != nil {
			return nil, fmt.Errorf("rendering %s: %w", p.Doc.File.Path, err)
		}
		p.Body = body
		if gd := p.GuidanceDoc; gd != nil {
			if p.Guidance, err = r.body(p, gd, g, known, &errs, gd.Lang == p.Lang.Code); err != nil {
				return nil, fmt.Errorf("rendering %s: %w", gd.File.Path, err)
			}
		}
	}
	pageFiles := make([]output.File, len(pages))
	var eg errgroup.Group
	eg.SetLimit(runtime.GOMAXPROCS(0))
	for i, p := range pages {
		eg.Go(func() error {
			var buf bytes.Buffer
			if err := p.lang.tmpl[p.template].ExecuteTemplate(&buf, "base", p); err != nil {
				return fmt.Errorf("rendering page %s: %w", p.URL, err)
			}
			pageFiles[i] = output.File{Path: p.file(), Data: buf.Bytes()}
			return nil
		})
	}
	if err := eg.Wait(); err != nil {
		return nil, err
	}
	files = append(files, pageFiles...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	for _, l := range langs {
		if err := l.err(); err != nil {
			return nil, err
		}
	}
	files = append(files, assetFiles...)
	qrs, err := qrFiles(s, g, langs)
	if err != nil {
		return nil, err
	}
	files = append(files, qrs...)
	files = append(files, output.File{Path: "sitemap.xml", Data: sitemap(s.Config.BaseURL, pages)})
	slices.SortFunc(files, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

// Options say what pages link to beyond the rendered content.
type Options struct {
	SearchScripts []string // site-absolute URLs of the static search index's scripts, in load order
	ExtraURLs     []string // site-absolute URLs of other files written beside the pages, which content may link to
	Live          bool     // pages load the live-editing script, for protosite serve -watch
}
