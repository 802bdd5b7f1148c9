package build

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"protosite/site/content"
	"protosite/site/output"
	"protosite/site/render"
	"protosite/site/search"
)

// Live builds a site in memory and rebuilds it when its content changes,
// for live editing. The search index is kept in memory too and updated
// with only the documents that changed; nothing is written to disk.
type Live struct {
	contentDir string
	renderer   *render.Renderer  // kept, with what it caches, from one build to the next
	files      map[string][]byte // the output of the last good build, by path
	sources    map[string][]byte // the content files of the last good build, by path
	footprint  *render.Footprint // what the pages of the last good build show of its content
	index      *search.Memory
}

// Update is the outcome of a live build.
type Update struct {
	Files         map[string][]byte // every output file, by path
	Changed       []string          // paths whose contents changed since the last good build
	Rendered      int               // pages rendered; the others are kept from the last good build
	SearchTouched int               // search documents indexed or deleted
	Summary       Summary           // what was built
}

// Early is told of the pages of the edited files as soon as they are
// rendered, before the rest of the site: files is the last good build with
// those pages in place, and changed the paths of the pages that changed.
type Early func(files map[string][]byte, changed []string)

// NewLive builds the content in contentDir in memory.
func NewLive(contentDir string) (*Live, *Update, error) {
	r, err := render.New()
	if err != nil {
		return nil, nil, err
	}
	l := &Live{contentDir: contentDir, renderer: r, files: map[string][]byte{}}
	u, err := l.Rebuild(nil)
	if err != nil {
		return nil, nil, err
	}
	return l, u, nil
}

// Files returns the output of the last good build, by path.
func (l *Live) Files() map[string][]byte { return l.files }

// Index returns the search index of the last good build.
func (l *Live) Index() *search.Memory { return l.index }

// Rebuild builds the site again. Only the pages that show something that
// changed since the last good build are rendered, when that can be told
// (see render.Footprint); the others are kept. The pages of the content
// files that changed are rendered first and, when early is not nil,
// handed to it at once. On failure the last good build stays as it was,
// and the error lists every problem.
func (l *Live) Rebuild(early Early) (*Update, error) {
	start := time.Now()
	rs, err := load(os.DirFS(l.contentDir))
	if err != nil {
		return nil, err
	}
	footprint := render.NewFootprint(rs.site, rs.graph)
	var mu sync.Mutex
	out := map[string][]byte{}
	rendered := 0
	opts := render.Options{Live: true}
	if l.sources != nil {
		opts.First = editedFiles(l.sources, rs.site)
	}
	if l.footprint != nil {
		if edit, ok := l.footprint.Changes(footprint); ok {
			opts.Only = edit
			opts.Keep = func(p string) error {
				data, ok := l.files[p]
				if !ok {
					return fmt.Errorf("keeping page %s: the last build has no such file", p)
				}
				mu.Lock()
				out[p] = data
				mu.Unlock()
				return nil
			}
		}
	}
	if early != nil {
		opts.FirstDone = func() error {
			mu.Lock()
			defer mu.Unlock()
			files := maps.Clone(l.files)
			var changed []string
			for p, data := range out {
				if !bytes.Equal(files[p], data) {
					changed = append(changed, p)
				}
				files[p] = data
			}
			slices.Sort(changed)
			early(files, changed)
			return nil
		}
	}
	err = rs.renderTo(l.renderer, opts, func(f output.File) error {
		mu.Lock()
		out[f.Path] = f.Data
		if isHTML(f.Path) {
			rendered++
		}
		mu.Unlock()
		return nil
	})
	if err != nil {
		return nil, err
	}
	docs := search.Documents(rs.site)
	u := &Update{Files: out, Rendered: rendered, Summary: rs.summarize(countsOf(out))}
	if l.index == nil {
		if l.index, err = search.NewMemory(docs); err != nil {
			return nil, err
		}
		u.SearchTouched = len(docs)
	} else if u.SearchTouched, err = l.index.Update(docs); err != nil {
		return nil, err
	}
	for p, data := range out {
		if old, ok := l.files[p]; !ok || !bytes.Equal(old, data) {
			u.Changed = append(u.Changed, p)
		}
	}
	slices.Sort(u.Changed)
	l.files = out
	l.sources = sourcesOf(rs.site)
	l.footprint = footprint
	u.Summary.SearchDocs = len(docs)
	u.Summary.Elapsed = time.Since(start)
	return u, nil
}

// editedFiles lists the content files of s that are new or differ from
// sources.
func editedFiles(sources map[string][]byte, s *content.Site) []string {
	var out []string
	for p, src := range sourcesOf(s) {
		if old, ok := sources[p]; !ok || !bytes.Equal(old, src) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// sourcesOf returns the content files of s's documents, by path.
func sourcesOf(s *content.Site) map[string][]byte {
	out := map[string][]byte{}
	for _, d := range slices.Concat(s.Docs, s.Translations) {
		out[d.File.Path] = d.File.Src
	}
	return out
}

// countsOf counts the pages among files, and the files.
func countsOf(files map[string][]byte) (pages, all int) {
	for p := range files {
		if isHTML(p) {
			pages++
		}
	}
	return pages, len(files)
}

// PageURL is the address of the page in file p, relative to the site's
// root, or "" when p is not a page.
func PageURL(p string) string {
	if path.Ext(p) != ".html" {
		return ""
	}
	if p == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(p, "/index.html"); ok {
		return "/" + dir + "/"
	}
	return "/" + p
}
