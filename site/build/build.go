// Package build runs the pipeline: load content, resolve references, render
// pages, index, and write the output so that it replaces the previous
// output only once complete.
package build

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"protosite/site/content"
	"protosite/site/diag"
	"protosite/site/offline"
	"protosite/site/opendata"
	"protosite/site/output"
	"protosite/site/provision"
	"protosite/site/render"
	"protosite/site/resolve"
	"protosite/site/search"
)

// Summary counts what a build produced.
type Summary struct {
	Pages      int           // HTML pages written
	Provisions int           // citable provisions in the treaty
	Citations  int           // citations found and linked
	Files      int           // files written, pages included
	SearchDocs int           // documents in the search index
	Elapsed    time.Duration // wall time of the whole build
	Stages     []Stage       // the steps of the build in order, with their times
}

// String is the one-line summary the command prints.
func (s Summary) String() string {
	return fmt.Sprintf("built %d pages, %d provisions, %d citations in %s", s.Pages, s.Provisions, s.Citations, s.Elapsed.Round(time.Millisecond))
}

// Result is a site rendered in memory.
type Result struct {
	Files   []output.File // every output file, sorted by path
	Summary Summary       // what was built
}

// resolved is the content loaded and its references resolved.
type resolved struct {
	site  *content.Site
	graph *resolve.Graph
}

// load runs the first two stages, reporting the problems of both.
func load(fsys fs.FS) (*resolved, error) {
	s, loadErr := content.Load(fsys)
	if s == nil {
		return nil, loadErr
	}
	g, err := resolve.Resolve(s)
	if loadErr != nil || err != nil {
		return nil, diag.Merge(loadErr, err)
	}
	return &resolved{site: s, graph: g}, nil
}

// render renders every page and the open data, sorted by path; opts say
// what the pages link to beyond themselves, such as the static search
// index.
func (rs *resolved) render(opts render.Options) ([]output.File, error) {
	r, err := render.New()
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	var files []output.File
	err = rs.renderTo(r, opts, func(f output.File) error {
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

// options adds to opts the files written beside the pages.
func (rs *resolved) options(opts render.Options) render.Options {
	opts.ExtraURLs = append(opts.ExtraURLs, opendata.URLs()...)
	opts.ExtraURLs = append(opts.ExtraURLs, "/"+offline.Path)
	return opts
}

// renderTo renders with r as render does, handing each file to put as it
// is made, from several goroutines at once. The open data is made while
// the pages are.
func (rs *resolved) renderTo(r *render.Renderer, opts render.Options, put func(output.File) error) error {
	opts.Beside = func() error {
		data, err := opendata.Files(rs.site, rs.graph)
		if err != nil {
			return fmt.Errorf("writing open data: %w", err)
		}
		for _, f := range data {
			if err := put(f); err != nil {
				return err
			}
		}
		return nil
	}
	return r.RenderTo(rs.site, rs.graph, rs.options(opts), put)
}

// summarize counts what content holds and what was written: pages and
// files in all.
func (rs *resolved) summarize(pages, files int) Summary {
	sum := Summary{Pages: pages, Files: files}
	for _, d := range rs.site.Docs {
		_ = provision.Walk(d.AST, func(*provision.Provision) error { sum.Provisions++; return nil })
	}
	sum.Citations = rs.graph.Citations()
	return sum
}

// counts counts the pages among files, and the files.
func counts(files []output.File) (pages, all int) {
	for _, f := range files {
		if isHTML(f.Path) {
			pages++
		}
	}
	return pages, len(files)
}

// Render loads, resolves and renders the content in fsys without writing
// anything and without a search index. It reports every problem found.
func Render(fsys fs.FS) (*Result, error) {
	start := time.Now()
	rs, err := load(fsys)
	if err != nil {
		return nil, err
	}
	files, err := rs.render(render.Options{})
	if err != nil {
		return nil, err
	}
	res := &Result{Files: files, Summary: rs.summarize(counts(files))}
	res.Summary.Elapsed = time.Since(start)
	return res, nil
}

// Build renders the content directory contentDir with its search index and
// writes the site to outDir, replacing what was there only when everything
// succeeded.
func Build(contentDir, outDir string) (Summary, error) {
	start := time.Now()
	watch := newStopwatch()
	rs, err := load(os.DirFS(contentDir))
	if err != nil {
		return Summary{}, err
	}
	watch.lap("load")
	var w *Writer
	var searchDocs int
	err = Write(outDir, func(into *Writer) error {
		w = into
		// The search documents and the export are let go of once written,
		// and the pages rendered while the index is finished.
		scripts, n, indexed, err := writeSearch(w, rs.site)
		if err != nil {
			return err
		}
		watch.lap("search export")
		searchDocs = n
		r, err := render.New()
		if err == nil {
			err = rs.renderTo(r, render.Options{SearchScripts: scripts}, w.Put)
		}
		watch.lap("render")
		if ierr := indexed(); err == nil && ierr != nil {
			err = fmt.Errorf("building the search index: %w", ierr)
		}
		watch.lap("search index")
		if err == nil {
			err = writeSaveLists(w, rs.site)
		}
		return err
	})
	if err != nil {
		return Summary{}, err
	}
	watch.lap("write")
	sum := rs.summarize(int(w.pages.Load()), int(w.files.Load()))
	sum.SearchDocs = searchDocs
	sum.Elapsed = time.Since(start)
	sum.Stages = watch.stages
	return sum, nil
}

// writeSearch starts the search index of s in w's directory and puts its
// export; it returns the export's scripts, the number of search documents
// and a function that waits for the index.
func writeSearch(w *Writer, s *content.Site) (scripts []string, n int, indexed func() error, err error) {
	docs := search.Documents(s)
	indexDir := filepath.Join(w.Dir(), filepath.FromSlash(search.IndexDir))
	static, indexed, err := search.StartStatic(indexDir, docs)
	if err != nil {
		return nil, 0, nil, fmt.Errorf("building the search index: %w", err)
	}
	if err := w.PutAll(static.Files); err != nil {
		indexed()
		return nil, 0, nil, err
	}
	return static.Scripts, len(docs), indexed, nil
}

// writeSaveLists puts the offline save list of each language, once every
// other file is in.
func writeSaveLists(w *Writer, s *content.Site) error {
	codes := []string{s.Config.Language}
	for _, l := range s.Config.Languages {
		if l.Code != s.Config.Language {
			codes = append(codes, l.Code)
		}
	}
	lists, err := offline.SaveLists(w.Written(), codes)
	if err != nil {
		return err
	}
	for i, l := range lists {
		data, err := offline.EncodeList(l)
		if err != nil {
			return fmt.Errorf("writing %s: %w", offline.ListPath(codes[i]), err)
		}
		if err := w.Put(output.File{Path: offline.ListPath(codes[i]), Data: data}); err != nil {
			return err
		}
	}
	return nil
}

func isHTML(p string) bool { return filepath.Ext(p) == ".html" }
