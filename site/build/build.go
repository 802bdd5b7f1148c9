// Package build runs the pipeline: load content, resolve references, render
// pages, and write the output so that it replaces the previous output only
// once complete.
package build

import (
	"fmt"
	"io/fs"
	"os"
	"time"

	"protosite/site/content"
	"protosite/site/diag"
	"protosite/site/output"
	"protosite/site/provision"
	"protosite/site/render"
	"protosite/site/resolve"
)

// Summary counts what a build produced.
type Summary struct {
	Pages      int           // HTML pages written
	Provisions int           // citable provisions in the treaty
	Citations  int           // citations found and linked
	Files      int           // files written, pages included
	Elapsed    time.Duration // wall time of the whole build
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

// Render loads, resolves and renders the content in fsys without writing
// anything. It reports every problem found.
func Render(fsys fs.FS) (*Result, error) {
	start := time.Now()
	s, loadErr := content.Load(fsys)
	if s == nil {
		return nil, loadErr
	}
	g, err := resolve.Resolve(s)
	if loadErr != nil || err != nil {
		return nil, diag.Merge(loadErr, err)
	}
	r, err := render.New()
	if err != nil {
		return nil, err
	}
	files, err := r.Render(s, g)
	if err != nil {
		return nil, err
	}
	res := &Result{Files: files}
	for _, f := range files {
		if isHTML(f.Path) {
			res.Summary.Pages++
		}
	}
	for _, d := range s.Docs {
		_ = provision.Walk(d.AST, func(*provision.Provision) error { res.Summary.Provisions++; return nil })
	}
	res.Summary.Citations = g.Citations()
	res.Summary.Files = len(files)
	res.Summary.Elapsed = time.Since(start)
	return res, nil
}

// Build renders the content directory contentDir and writes the site to
// outDir, replacing what was there only when everything succeeded.
func Build(contentDir, outDir string) (Summary, error) {
	start := time.Now()
	res, err := Render(os.DirFS(contentDir))
	if err != nil {
		return Summary{}, err
	}
	if err := Write(outDir, res.Files); err != nil {
		return Summary{}, err
	}
	res.Summary.Elapsed = time.Since(start)
	return res.Summary, nil
}

func isHTML(p string) bool { return len(p) > 5 && p[len(p)-5:] == ".html" }
