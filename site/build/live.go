package build

import (
	"bytes"
	"os"
	"time"

	"protosite/site/output"
	"protosite/site/render"
	"protosite/site/search"
)

// Live builds a site in memory and rebuilds it when its content changes,
// for live editing. The search index is kept in memory too and updated
// with only the documents that changed; nothing is written to disk.
type Live struct {
	contentDir string
	files      map[string][]byte
	index      *search.Memory
}

// Update is the outcome of a live build.
type Update struct {
	Files         map[string][]byte // every output file, by path
	Changed       []string          // paths whose contents changed since the last good build
	SearchTouched int               // search documents indexed or deleted
	Summary       Summary           // what was built
}

// NewLive builds the content in contentDir in memory.
func NewLive(contentDir string) (*Live, *Update, error) {
	l := &Live{contentDir: contentDir, files: map[string][]byte{}}
	u, err := l.Rebuild()
	if err != nil {
		return nil, nil, err
	}
	return l, u, nil
}

// Index returns the search index of the last good build.
func (l *Live) Index() *search.Memory { return l.index }

// Rebuild builds the site again. On failure the last good build stays as
// it was, and the error lists every problem.
func (l *Live) Rebuild() (*Update, error) {
	start := time.Now()
	rs, err := load(os.DirFS(l.contentDir))
	if err != nil {
		return nil, err
	}
	files, err := rs.render(render.Options{Live: true})
	if err != nil {
		return nil, err
	}
	docs := search.Documents(rs.site)
	u := &Update{Files: make(map[string][]byte, len(files)), Summary: rs.summarize(counts(files))}
	if l.index == nil {
		if l.index, err = search.NewMemory(docs); err != nil {
			return nil, err
		}
		u.SearchTouched = len(docs)
	} else if u.SearchTouched, err = l.index.Update(docs); err != nil {
		return nil, err
	}
	u.Changed = changed(l.files, files)
	for _, f := range files {
		u.Files[f.Path] = f.Data
	}
	l.files = u.Files
	u.Summary.SearchDocs = len(docs)
	u.Summary.Elapsed = time.Since(start)
	return u, nil
}

// changed lists the files that differ from the previous build's.
func changed(prev map[string][]byte, files []output.File) []string {
	var out []string
	for _, f := range files {
		if old, ok := prev[f.Path]; !ok || !bytes.Equal(old, f.Data) {
			out = append(out, f.Path)
		}
	}
	return out
}
