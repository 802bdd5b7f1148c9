// Package server serves a built site from its output directory.
package server

import (
	"bytes"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"

	"protosite/site/search"
	"protosite/site/urls"
)

// Searcher answers search requests; a built index and a live one both do.
type Searcher interface {
	Search(search.Request) (*search.Result, error)
}

// site is what a Handler serves at one moment.
type site struct {
	root     fs.FS      // the output files
	notFound []byte     // 404.html, or nil
	index    Searcher   // the search index, nil when absent
	gzipped  *gzipCache // files compressed for clients that accept gzip
}

// Handler serves the files of a built site. Unknown paths get the site's
// 404 page; only GET and HEAD are allowed. The site can be swapped while
// serving, as live editing does.
type Handler struct {
	current atomic.Pointer[site]
	closer  func() error // releases the index opened by New
	logf    func(format string, args ...any)
	extra   map[string]http.Handler // handlers for paths under /_protosite/
}

// New returns a handler for the site built in dir. It opens the search
// index the build wrote, read-only; it never builds one.
func New(dir string, logf func(format string, args ...any)) (*Handler, error) {
	h := newHandler(logf)
	var idx Searcher
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(search.IndexDir))); err == nil {
		opened, err := search.Open(filepath.Join(dir, filepath.FromSlash(search.IndexDir)))
		if err != nil {
			return nil, err
		}
		idx, h.closer = opened, opened.Close
	}
	if err := h.Swap(os.DirFS(dir), idx); err != nil {
		return nil, err
	}
	return h, nil
}

// NewEmpty returns a handler with nothing to serve until Swap.
func NewEmpty(logf func(format string, args ...any)) *Handler { return newHandler(logf) }

func newHandler(logf func(format string, args ...any)) *Handler {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	h := &Handler{logf: logf, extra: map[string]http.Handler{}}
	h.current.Store(&site{root: emptyFS{}, gzipped: newGzipCache()})
	return h
}

// Swap starts serving root and index in place of what was served.
func (h *Handler) Swap(root fs.FS, index Searcher) error {
	nf, err := fs.ReadFile(root, "404.html")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	h.current.Store(&site{root: root, notFound: nf, index: index, gzipped: newGzipCache()})
	return nil
}

// Handle serves path, which must start with /_protosite/, with handler.
func (h *Handler) Handle(path string, handler http.Handler) { h.extra[path] = handler }

// Close releases the search index opened by New.
func (h *Handler) Close() error {
	if h.closer != nil {
		return h.closer()
	}
	return nil
}

// securityPolicy is the Content-Security-Policy of the response for
// urlPath: no script or style from elsewhere, and no framing by another
// site, save for the pages made for it (urls.EmbedDir), which any site may
// frame.
func securityPolicy(urlPath string) string {
	const policy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors "
	if urls.Embeddable(urlPath) {
		return policy + "*"
	}
	return policy + "'none'"
}

// emptyFS holds no files.
type emptyFS struct{}

func (emptyFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Content-Security-Policy", securityPolicy(r.URL.Path))
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	st := h.current.Load()
	if r.URL.Path == "/api/search" {
		h.serveAPI(w, r, st)
		return
	}
	if x, ok := h.extra[r.URL.Path]; ok {
		x.ServeHTTP(w, r)
		return
	}
	name, ok := cleanPath(r.URL.Path)
	if !ok {
		h.serveNotFound(w, r, st)
		return
	}
	info, err := fs.Stat(st.root, name)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, path.Base(r.URL.Path)+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		info, err = fs.Stat(st.root, name)
	}
	if err != nil || info.IsDir() {
		h.serveNotFound(w, r, st)
		return
	}
	if strings.HasSuffix("/"+name, "/goto/index.html") && r.URL.Query().Get("c") != "" {
		page, err := fs.ReadFile(st.root, name)
		if err != nil {
			h.serveNotFound(w, r, st)
			return
		}
		h.serveGoto(w, r, page, st)
		return
	}
	if strings.HasSuffix("/"+name, "/search/index.html") && r.URL.RawQuery != "" {
		page, err := fs.ReadFile(st.root, name)
		if err != nil {
			h.serveNotFound(w, r, st)
			return
		}
		h.serveSearchPage(w, r, page, st)
		return
	}
	if strings.HasPrefix(name, "static/") {
		// Asset names carry a hash of their contents.
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hdr.Set("Cache-Control", "no-cache")
	}
	h.serveFile(w, r, st, name)
}

// cleanPath maps a URL path to a file name in the output, refusing paths
// that leave it or that name hidden files.
func cleanPath(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || strings.ContainsRune(p, 0) {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	name := strings.Trim(path.Clean(p), "/")
	if name == "" {
		name = "."
	}
	return name, fs.ValidPath(name)
}

// serveNotFound answers with the site's 404 page. Its links are written
// relative to the site root, so a <base> pointing there keeps them working
// at any depth.
func (h *Handler) serveNotFound(w http.ResponseWriter, r *http.Request, st *site) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusNotFound)
	if r.Method == http.MethodHead {
		return
	}
	if st.notFound == nil {
		_, _ = w.Write([]byte("<!DOCTYPE html><title>Not found</title><h1>Not found</h1>\n"))
		return
	}
	depth := strings.Count(strings.TrimPrefix(r.URL.Path, "/"), "/")
	base := "./" + strings.Repeat("../", depth)
	page := bytes.Replace(st.notFound, []byte("<head>"), []byte(`<head>`+"\n"+`<base href="`+base+`">`), 1)
	_, _ = w.Write(page)
}
