package server

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// serveDir is a Handler serving dir, closed when the test ends.
func serveDir(t *testing.T, dir string) *Handler {
	t.Helper()
	h, err := New(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	return h
}

// writeTree writes files (path → contents) under a new directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func get(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, "http://example.org/", nil)
	req.URL.Path, req.URL.RawQuery, _ = strings.Cut(target, "?")
	req.RequestURI = target
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestServeFilesAndRefuseWhatIsNotPublic(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"index.html":              "<!DOCTYPE html><html><head><title>Home</title></head><body>home</body></html>",
		"articles/6/index.html":   "<!DOCTYPE html><html><head><title>Art 6</title></head><body>article six</body></html>",
		"404.html":                `<!DOCTYPE html><html><head><title>Not found</title><link rel="stylesheet" href="static/style.css"></head><body>missing</body></html>`,
		"static/style.abc123.css": "body{}",
		".search/chunk":           "secret index",
		".git/config":             "secret",
	})
	h := serveDir(t, dir)

	tests := []struct {
		method, path string
		status       int
		body         string
	}{
		{"GET", "/", 200, "home"},
		{"GET", "/articles/6/", 200, "article six"},
		{"HEAD", "/articles/6/", 200, ""},
		{"GET", "/articles/6", 301, ""},
		{"GET", "/articles/99/", 404, "missing"},
		{"GET", "/.search/chunk", 404, "missing"},
		{"GET", "/.git/config", 404, "missing"},
		{"GET", "/articles/../.git/config", 404, "missing"},
		{"GET", "/%2e%2e/etc/passwd", 404, "missing"},
		{"GET", "/static/../../etc/passwd", 404, "missing"},
		{"POST", "/", 405, ""},
		{"DELETE", "/articles/6/", 405, ""},
	}
	for _, tt := range tests {
		rec := get(t, h, tt.method, tt.path)
		if rec.Code != tt.status {
			t.Errorf("%s %s: status %d, want %d", tt.method, tt.path, rec.Code, tt.status)
		}
		if tt.body != "" && !strings.Contains(rec.Body.String(), tt.body) {
			t.Errorf("%s %s: body %q does not contain %q", tt.method, tt.path, rec.Body.String(), tt.body)
		}
		if strings.Contains(rec.Body.String(), "secret") {
			t.Errorf("%s %s: served a hidden file", tt.method, tt.path)
		}
		for _, hdr := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
			if rec.Header().Get(hdr) == "" {
				t.Errorf("%s %s: no %s header", tt.method, tt.path, hdr)
			}
		}
	}
}

func TestNotFoundPageLinksWorkAtAnyDepth(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"404.html": `<!DOCTYPE html><html><head><title>Not found</title></head><body><a href="articles/">Articles</a></body></html>`,
	})
	h := serveDir(t, dir)
	rec := get(t, h, "GET", "/articles/99/extra")
	if rec.Code != 404 {
		t.Fatalf("status %d, want 404", rec.Code)
	}
	if !strings.Contains(rec.Body.String(), `<base href="./../../">`) {
		t.Errorf("404 page at depth 2 has no base pointing at the site root:\n%s", rec.Body.String())
	}
}

func TestStaticAssetsAreCachedForEver(t *testing.T) {
	dir := writeTree(t, map[string]string{"static/site.0123456789.js": "x", "index.html": "home"})
	h := serveDir(t, dir)
	if cc := get(t, h, "GET", "/static/site.0123456789.js").Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("asset Cache-Control = %q, want immutable", cc)
	}
	if cc := get(t, h, "GET", "/").Header().Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("page Cache-Control = %q, want no-cache", cc)
	}
}

func TestGotoRedirectsToProvisions(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"goto/index.html":       `<p class="goto-status" id="goto-main-status" role="status" aria-live="polite"></p>`,
		"articles/6/index.html": `<div id="art_6__para_1__point_a"></div>`,
		"preamble/index.html":   `<div id="preamble__recital_2"></div>`,
	})
	h := serveDir(t, dir)
	tests := []struct {
		c        string
		status   int
		location string
		body     string
	}{
		{"6(1)(a)", 302, "../articles/6/#art_6__para_1__point_a", ""},
		{"art 6.1.a", 302, "../articles/6/#art_6__para_1__point_a", ""},
		{"article 6", 302, "../articles/6/", ""},
		{"preamble 2", 302, "../preamble/#preamble__recital_2", ""},
		{"artikel 6 lid 1 onder a", 302, "../articles/6/#art_6__para_1__point_a", ""},
		{"第六条第一款(a)项", 302, "../articles/6/#art_6__para_1__point_a", ""},
		{"6(9)", 404, "", "No provision art. 6(9) in the Protocol."},
		{"article 26", 404, "", "No provision art. 26 in the Protocol."},
		{"<script>alert(1)</script>", 400, "", "&lt;script&gt;"},
	}
	for _, tt := range tests {
		rec := get(t, h, "GET", "/goto/?c="+url.QueryEscape(tt.c))
		if rec.Code != tt.status {
			t.Errorf("goto %q: status %d, want %d", tt.c, rec.Code, tt.status)
		}
		if loc := rec.Header().Get("Location"); loc != tt.location {
			t.Errorf("goto %q: Location %q, want %q", tt.c, loc, tt.location)
		}
		if !strings.Contains(rec.Body.String(), tt.body) || strings.Contains(rec.Body.String(), "<script>") {
			t.Errorf("goto %q: body %q, want it to contain %q and no raw script", tt.c, rec.Body.String(), tt.body)
		}
	}
}

func TestConditionalAndCompressedResponses(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"static/site.0123456789.js":    "console.log(1)",
		"static/site.0123456789.js.gz": "gzipped bytes",
		"index.html":                   "home",
	})
	h := serveDir(t, dir)
	first := get(t, h, "GET", "/")
	etag := first.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("If-None-Match", etag)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("If-None-Match with the current ETag: status %d, want 304", rec.Code)
	}

	req = httptest.NewRequest("GET", "/static/site.0123456789.js", nil)
	req.Header.Set("Accept-Encoding", "br, gzip;q=0.8")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Header().Get("Content-Encoding") != "gzip" || rec.Body.String() != "gzipped bytes" {
		t.Errorf("gzip accepted: encoding %q body %q, want the .gz file", rec.Header().Get("Content-Encoding"), rec.Body.String())
	}
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
		t.Errorf("Content-Type %q, want JavaScript", ct)
	}
	plain := get(t, h, "GET", "/static/site.0123456789.js")
	if plain.Header().Get("Content-Encoding") != "" || plain.Body.String() != "console.log(1)" {
		t.Errorf("gzip not accepted: got the compressed file")
	}
}

func TestTextIsCompressedWithoutTwin(t *testing.T) {
	page := "<!DOCTYPE html><p>" + strings.Repeat("Smuggling of migrants. ", 200) + "</p>"
	dir := writeTree(t, map[string]string{
		"index.html":                      page,
		"small.html":                      "<p>short</p>",
		"static/search/en/d1.0123abcd.js": strings.Repeat("x", 2000),
	})
	h := serveDir(t, dir)
	fetch := func(path, encoding string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		if encoding != "" {
			req.Header.Set("Accept-Encoding", encoding)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	gunzip := func(rec *httptest.ResponseRecorder) string {
		zr, err := gzip.NewReader(rec.Body)
		if err != nil {
			t.Fatalf("the body is not gzip: %v", err)
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for _, path := range []string{"/", "/static/search/en/d1.0123abcd.js"} {
		zipped, plain := fetch(path, "gzip, br"), fetch(path, "")
		if zipped.Header().Get("Content-Encoding") != "gzip" {
			t.Errorf("%s with gzip accepted: Content-Encoding %q", path, zipped.Header().Get("Content-Encoding"))
			continue
		}
		if got := gunzip(zipped); got != plain.Body.String() {
			t.Errorf("%s gzipped is not the file", path)
		}
		if zipped.Header().Get("ETag") == plain.Header().Get("ETag") {
			t.Errorf("%s: the gzipped and the plain body have one ETag", path)
		}
		// Asked again, the same bytes and ETag: a 304 works.
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		req.Header.Set("If-None-Match", zipped.Header().Get("ETag"))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotModified {
			t.Errorf("%s again with its ETag: status %d, want 304", path, rec.Code)
		}
	}
	if enc := fetch("/small.html", "gzip").Header().Get("Content-Encoding"); enc != "" {
		t.Errorf("a page of a few bytes was sent with Content-Encoding %q", enc)
	}
	if enc := fetch("/", "identity").Header().Get("Content-Encoding"); enc != "" {
		t.Errorf("a client that does not accept gzip got Content-Encoding %q", enc)
	}
}

// Only the pages made to be framed may be framed by another site.
func TestOnlyEmbeddedPagesMayBeFramed(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"articles/6/index.html":                 "article six",
		"embed/art_6__para_1/index.html":        "art. 6(1) alone",
		"nl/embed/art_6__para_1/index.html":     "art. 6(1) alone, in Dutch",
		"404.html":                              "missing",
		"articles/6/embed-not-a-dir/index.html": "not embedded",
	})
	h := serveDir(t, dir)
	for _, tt := range []struct {
		path, frameAncestors string
	}{
		{"/articles/6/", "frame-ancestors 'none'"},
		{"/articles/6/embed-not-a-dir/", "frame-ancestors 'none'"},
		{"/embed/art_6__para_1/", "frame-ancestors *"},
		{"/nl/embed/art_6__para_1/", "frame-ancestors *"},
	} {
		rec := get(t, h, "GET", tt.path)
		if rec.Code != http.StatusOK {
			t.Errorf("GET %s: status %d", tt.path, rec.Code)
		}
		csp := rec.Header().Get("Content-Security-Policy")
		if !strings.HasSuffix(csp, tt.frameAncestors) || !strings.HasPrefix(csp, "default-src 'self';") {
			t.Errorf("GET %s: Content-Security-Policy %q, want it to end %q", tt.path, csp, tt.frameAncestors)
		}
	}
}

// Without JavaScript the goto page answers in its own language, with the
// messages its status element carries.
func TestGotoAnswersInThePageLanguage(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"nl/goto/index.html":       `<p class="goto-status" id="goto-main-status" role="status" data-invalid="Geen aanhaling: probeer 6(1)(a)." data-missing="Het Protocol heeft geen bepaling {citation}."></p>`,
		"nl/articles/6/index.html": `<div id="art_6__para_1"></div>`,
	})
	h := serveDir(t, dir)
	for _, tt := range []struct {
		c      string
		status int
		body   string
	}{
		{"6(9)", 404, "Het Protocol heeft geen bepaling art. 6(9).</p>"},
		{"<script>x</script>", 400, "Geen aanhaling: probeer 6(1)(a). (“&lt;script&gt;x&lt;/script&gt;”)</p>"},
		{"artikel 6 lid 1", 302, ""},
	} {
		rec := get(t, h, "GET", "/nl/goto/?c="+url.QueryEscape(tt.c))
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.body) {
			t.Errorf("goto %q in Dutch: status %d, body %q; want %d and %q", tt.c, rec.Code, rec.Body.String(), tt.status, tt.body)
		}
	}
}

// Files whose media type Go's table lacks, or leaves to the system, are
// sent with the same one everywhere: a browser or reference manager goes
// by it.
func TestMediaTypesOfTheSitesOwnFiles(t *testing.T) {
	h := serveDir(t, writeTree(t, map[string]string{
		"index.html":             "<!DOCTYPE html><title>Home</title>",
		"manifest.webmanifest":   "{}",
		"data/protocol.ris":      "TY  - STAT\r\nER  - \r\n",
		"data/protocol.bib":      "@misc{x,}\n",
		"data/protocol.csl.json": "[]",
	}))
	for path, want := range map[string]string{
		"/manifest.webmanifest":   "application/manifest+json",
		"/data/protocol.ris":      "application/x-research-info-systems",
		"/data/protocol.bib":      "application/x-bibtex",
		"/data/protocol.csl.json": "application/json",
	} {
		rec := get(t, h, "GET", path)
		if ct := rec.Header().Get("Content-Type"); rec.Code != 200 || ct != want {
			t.Errorf("%s: status %d, Content-Type %q, want 200 and %q", path, rec.Code, ct, want)
		}
	}
}
