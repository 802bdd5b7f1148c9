package server

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// serveFile answers with a file of the site, with an ETag so that
// conditional requests get 304, and with its precompressed .gz twin when
// the build wrote one and the client accepts gzip.
func (h *Handler) serveFile(w http.ResponseWriter, r *http.Request, st *site, name string) {
	hdr := w.Header()
	if ctype := mime.TypeByExtension(path.Ext(name)); ctype != "" {
		hdr.Set("Content-Type", ctype)
	}
	hdr.Add("Vary", "Accept-Encoding")
	served := name
	if acceptsGzip(r) {
		if _, err := fs.Stat(st.root, name+".gz"); err == nil {
			served = name + ".gz"
			hdr.Set("Content-Encoding", "gzip")
		}
	}
	data, err := fs.ReadFile(st.root, served)
	if err != nil {
		h.serveNotFound(w, r, st)
		return
	}
	sum := fnv.New64a()
	sum.Write(data)
	hdr.Set("ETag", fmt.Sprintf(`"%x"`, sum.Sum64()))
	// The ETag decides freshness; a zero time keeps ServeContent from
	// adding Last-Modified, which a rebuild would change without cause.
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
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
