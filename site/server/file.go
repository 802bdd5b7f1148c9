package server

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"

	"protosite/site/output"
)

// serveFile answers with a file of the site, with an ETag so that
// conditional requests get 304, and compressed for a client that accepts
// gzip: with the .gz twin the build wrote for a large asset, or else
// compressed here when it is text.
func (h *Handler) serveFile(w http.ResponseWriter, r *http.Request, st *site, name string) {
	hdr := w.Header()
	if ctype := contentType(name); ctype != "" {
		hdr.Set("Content-Type", ctype)
	}
	hdr.Add("Vary", "Accept-Encoding")
	data, gzipped, err := st.body(name, acceptsGzip(r))
	if errors.Is(err, fs.ErrNotExist) {
		h.serveNotFound(w, r, st)
		return
	}
	if err != nil {
		h.logf("serving %s: %v", name, err)
		http.Error(w, "the file cannot be read", http.StatusInternalServerError)
		return
	}
	if gzipped {
		hdr.Set("Content-Encoding", "gzip")
	}
	sum := fnv.New64a()
	sum.Write(data)
	hdr.Set("ETag", fmt.Sprintf(`"%x"`, sum.Sum64()))
	// The ETag decides freshness; a zero time keeps ServeContent from
	// adding Last-Modified, which a rebuild would change without cause.
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// ownTypes are the media types of files the site writes that Go's table
// lacks, or takes from the system's, which differs from system to system.
var ownTypes = map[string]string{
	".webmanifest": "application/manifest+json",
	".ris":         "application/x-research-info-systems",
	".bib":         "application/x-bibtex",
}

// contentType is the media type of the file name, from its extension.
func contentType(name string) string {
	if t, ok := ownTypes[path.Ext(name)]; ok {
		return t
	}
	return mime.TypeByExtension(path.Ext(name))
}

// body returns what to send of the file name, and whether it is gzipped.
func (st *site) body(name string, gzipOK bool) ([]byte, bool, error) {
	if gzipOK {
		if data, err := fs.ReadFile(st.root, name+".gz"); err == nil {
			return data, true, nil
		}
	}
	data, err := fs.ReadFile(st.root, name)
	if err != nil || !gzipOK || !output.Compressible(name) || len(data) < minGzip {
		return data, false, err
	}
	gz, err := st.gzipped.of(name, data)
	return gz, err == nil, err
}

// acceptsGzip reports whether the request accepts gzip-encoded bodies.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.TrimSpace(params) != "q=0" {
			return true
		}
	}
	return false
}
