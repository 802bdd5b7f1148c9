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

	"protosite/site/search"
)

// Handler serves the files of a built site. Unknown paths get the site's
// 404 page; only GET and HEAD are allowed.
type Handler struct {
	root     fs.FS         // the output directory
	notFound []byte        // 404.html, with a placeholder for the base URL
	index    *search.Index // the search index built with the site, nil when absent
	logf     func(format string, args ...any)
}

// New returns a handler for the site built in dir. It opens the search
// index the build wrote, read-only; it never builds one.
func New(dir string, logf func(format string, args ...any)) (*Handler, error) {
	root := os.DirFS(dir)
	nf, err := fs.ReadFile(root, "404.html")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	h := &Handler{root: root, notFound: nf, logf: logf}
	if h.logf == nil {
		h.logf = func(string, ...any) {}
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(search.IndexDir))); err == nil {
		if h.index, err = search.Open(filepath.Join(dir, filepath.FromSlash(search.IndexDir))); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// Close releases the search index.
func (h *Handler) Close() error {
	if h.index != nil {
		return h.index.Close()
	}
	return nil
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == "/api/search" {
		h.serveAPI(w, r)
		return
	}
	name, ok := cleanPath(r.URL.Path)
	if !ok {
		h.serveNotFound(w, r)
		return
	}
	info, err := fs.Stat(h.root, name)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, path.Base(r.URL.Path)+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		info, err = fs.Stat(h.root, name)
	}
	if err != nil || info.IsDir() {
		h.serveNotFound(w, r)
		return
	}
	if name == "goto/index.html" && r.URL.Query().Get("c") != "" {
		page, err := fs.ReadFile(h.root, name)
		if err != nil {
			h.serveNotFound(w, r)
			return
		}
		h.serveGoto(w, r, page)
		return
	}
	if name == "search/index.html" && r.URL.RawQuery != "" {
		page, err := fs.ReadFile(h.root, name)
		if err != nil {
			h.serveNotFound(w, r)
			return
		}
		h.serveSearchPage(w, r, page)
		return
	}
	if strings.HasPrefix(name, "static/") {
		// Asset names carry a hash of their contents.
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hdr.Set("Cache-Control", "no-cache")
	}
	http.ServeFileFS(w, r, h.root, name)
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
func (h *Handler) serveNotFound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusNotFound)
	if r.Method == http.MethodHead {
		return
	}
	if h.notFound == nil {
		_, _ = w.Write([]byte("<!DOCTYPE html><title>Not found</title><h1>Not found</h1>\n"))
		return
	}
	depth := strings.Count(strings.TrimPrefix(r.URL.Path, "/"), "/")
	base := "./" + strings.Repeat("../", depth)
	page := bytes.Replace(h.notFound, []byte("<head>"), []byte(`<head>`+"\n"+`<base href="`+base+`">`), 1)
	_, _ = w.Write(page)
}
