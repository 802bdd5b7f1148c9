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
	"sync"

	"golang.org/x/sync/errgroup"

	"protosite/site/content"
	"protosite/site/diag"
	"protosite/site/i18n"
	"protosite/site/output"
	"protosite/site/resolve"
)

// Renderer renders pages; it holds the parsed templates and assets.
type Renderer struct {
	assets *assets  // stylesheet and script
	qr     *qrCache // QR codes made, by the address they encode
}

// pageTemplates are the templates that render a whole page with the base
// layout; embed replaces that layout with its own.
var pageTemplates = []string{"home", "articles", "article", "page", "notfound", "meetings", "meeting", "recommendations", "recommendation", "legislation-index", "law", "countries", "country", "glossary", "search", "goto", "compare", "modules", "module", "handout", "present", "reading", "parallel", "text", "embed", "unsaved"}

// New parses the embedded templates and interface strings and prepares
// the assets. The templates are parsed for each language when it is first
// rendered; New parses those of the reference language, so that a mistake
// in a template is reported here.
func New() (*Renderer, error) {
	r := &Renderer{qr: &qrCache{svg: map[string][]byte{}}}
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

// Render produces every file of the site, sorted by path. Problems in
// content found while rendering, such as a link to a page that does not
// exist, are all reported. Links in content may also name opts.ExtraURLs:
// files the caller writes beside the pages, such as "/data/protocol.json".
func (r *Renderer) Render(s *content.Site, g *resolve.Graph, opts Options) ([]output.File, error) {
	var mu sync.Mutex
	var files []output.File
	err := r.RenderTo(s, g, opts, func(f output.File) error {
		mu.Lock()
		files = append(files, f)
		mu.Unlock()
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(files, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}

// RenderTo renders as Render does, but hands each file to emit as soon as
// it is made, in no particular order and from several goroutines at once,
// so that a site need not be held in memory whole. Files are emitted
// before all problems are known: the caller keeps them aside until
// RenderTo returns nil.
func (r *Renderer) RenderTo(s *content.Site, g *resolve.Graph, opts Options, emit func(output.File) error) error {
	var errs diag.List
	provisions, err := provisionsScript(g)
	if err != nil {
		return fmt.Errorf("listing provisions: %w", err)
	}
	assetURLs, assetFiles := r.assets.with("provisions.js", provisions)
	langs, err := r.newLangViews(s)
	if err != nil {
		return err
	}
	quoted := prepareTransclusions(s, g)
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
			return fmt.Errorf("two pages at %s", p.URL) // a mistake in plan
		}
		at[p.URL] = true
	}
	for _, u := range opts.ExtraURLs {
		known[u] = true
	}
	toRender := pages
	if opts.Only != nil {
		toRender = r.affected(pages, opts.Only, quoted)
		if err := keepOthers(pages, toRender, opts.Keep); err != nil {
			return err
		}
	}
	// Rendering bodies changes the documents' trees (cited-by lists,
	// defined terms, links made relative), so it runs one page at a time;
	// executing the templates only reads, so it runs on every core. A
	// document's links are checked once: on the page of its own language.
	for _, p := range toRender {
		if p.Doc == nil {
			continue
		}
		check := p.Doc.Lang == p.Lang.Code
		body, err := r.body(p, p.Doc, g, known, &errs, check)
		if err != nil {
			return fmt.Errorf("rendering %s: %w", p.Doc.File.Path, err)
		}
		p.Body = body
		if gd := p.GuidanceDoc; gd != nil {
			if p.Guidance, err = r.body(p, gd, g, known, &errs, gd.Lang == p.Lang.Code); err != nil {
				return fmt.Errorf("rendering %s: %w", gd.File.Path, err)
			}
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	if err := r.executeAll(toRender, opts, emit); err != nil {
		return err
	}
	for _, l := range langs {
		if err := l.err(); err != nil {
			return err
		}
	}
	qrs, err := r.qrFiles(s, g, langs)
	if err != nil {
		return err
	}
	rest := append(assetFiles, qrs...)
	rest = append(rest, output.File{Path: "sitemap.xml", Data: sitemap(s.Config.BaseURL, pages)})
	for _, l := range langs {
		m, err := manifest(l, s.Config.Title, assetURLs)
		if err != nil {
			return err
		}
		rest = append(rest, m)
	}
	for _, f := range rest {
		if err := emit(f); err != nil {
			return err
		}
	}
	return nil
}

// executeAll executes the templates of pages, those of opts.First first,
// and runs opts.Beside meanwhile, once those are handed over.
func (r *Renderer) executeAll(pages []*Page, opts Options, emit func(output.File) error) error {
	first, others := splitFirst(pages, opts.First)
	workers := runtime.GOMAXPROCS(0)
	if err := r.execute(first, workers, emit); err != nil {
		return err
	}
	if len(first) > 0 && opts.FirstDone != nil {
		if err := opts.FirstDone(); err != nil {
			return err
		}
		// The pages just handed over are being fetched: leave them a core.
		workers = max(1, workers-1)
	}
	beside := make(chan error, 1)
	if opts.Beside != nil {
		go func() { beside <- opts.Beside() }()
	} else {
		beside <- nil
	}
	err := r.execute(others, workers, emit)
	// Waited for whatever happened: Beside reads the trees that the next
	// render changes.
	if berr := <-beside; err == nil {
		err = berr
	}
	return err
}

// execute executes the templates of pages on as many goroutines as workers.
func (r *Renderer) execute(pages []*Page, workers int, emit func(output.File) error) error {
	var eg errgroup.Group
	eg.SetLimit(workers)
	// Pages of one template are of a size, so each page's buffer starts
	// as large as the last of its template, up to maxPresize, and is not
	// grown and copied over and over.
	var mu sync.Mutex
	sizes := map[string]int{}
	for _, p := range pages {
		eg.Go(func() error {
			mu.Lock()
			size := sizes[p.template]
			mu.Unlock()
			buf := bytes.NewBuffer(make([]byte, 0, min(size+size/8+512, maxPresize)))
			t := p.lang.tmpl[p.template]
			if t == nil {
				return fmt.Errorf("rendering page %s: no template %q in pageTemplates", p.URL, p.template)
			}
			if err := t.ExecuteTemplate(buf, "base", p); err != nil {
				return fmt.Errorf("rendering page %s: %w", p.URL, err)
			}
			mu.Lock()
			sizes[p.template] = buf.Len()
			mu.Unlock()
			return emit(output.File{Path: p.file(), Data: buf.Bytes()})
		})
	}
	return eg.Wait()
}

// maxPresize bounds the buffer a page starts with: a few pages, such as
// comparisons, are far larger than others of their template.
const maxPresize = 256 << 10

// splitFirst splits pages into those of the content files named in
// paths, in every language, and the others.
func splitFirst(pages []*Page, paths []string) (first, rest []*Page) {
	if len(paths) == 0 {
		return nil, pages
	}
	of := func(d *content.Doc) bool { return d != nil && slices.Contains(paths, d.File.Path) }
	for _, p := range pages {
		if of(p.Doc) || of(p.GuidanceDoc) {
			first = append(first, p)
		} else {
			rest = append(rest, p)
		}
	}
	return first, rest
}

// keepOthers tells keep of the file of every page of pages not in toRender.
func keepOthers(pages, toRender []*Page, keep func(path string) error) error {
	if keep == nil {
		return nil
	}
	rendered := make(map[*Page]bool, len(toRender))
	for _, p := range toRender {
		rendered[p] = true
	}
	for _, p := range pages {
		if !rendered[p] {
			if err := keep(p.file()); err != nil {
				return err
			}
		}
	}
	return nil
}

// Options say what pages link to beyond the rendered content, and which
// pages to render.
type Options struct {
	SearchScripts []string     // site-absolute URLs of the static search index's scripts, in load order
	ExtraURLs     []string     // site-absolute URLs of other files written beside the pages, which content may link to
	Live          bool         // pages load the live-editing script, for protosite serve -watch
	First         []string     // content files whose pages, in every language, are rendered before all others
	FirstDone     func() error // called once the pages of First are emitted, before the others are rendered
	// Only, when set, is what changed since a build of the same site whose
	// files the caller kept (see Footprint.Changes): only the pages that
	// show some of it are rendered. The files that are not pages are all
	// made.
	Only *Edit
	// Keep is told the file of every page that Only leaves out, for the
	// caller to keep from the earlier build, before any page is emitted.
	Keep func(path string) error
	// Beside, when set, runs while the templates execute, once the
	// documents' trees are as the pages show them: work on the content
	// that makes no page, such as the open data, which then takes a core
	// when the pages leave one free.
	Beside func() error
}
