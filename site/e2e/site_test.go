package e2e

import (
	"net/http/httptest"
	"path/filepath"
	"testing"

	"protosite/site/build"
	"protosite/site/server"
)

// contentDir is the real content, relative to this package's directory,
// where "go test" runs.
const contentDir = "../../content"

// buildRealSite builds the real content as protosite build does, search
// index, static export and offline copy included, into a fresh directory,
// which it returns.
func buildRealSite(t testing.TB) string {
	t.Helper()
	// Build swaps a sibling directory into place, so give it a directory
	// of its own to do that in.
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(contentDir, dir); err != nil {
		t.Fatalf("building %s: %v", contentDir, err)
	}
	return dir
}

// serveRealSite builds the real site and serves it at the root of a test
// server, as "protosite serve" does.
func serveRealSite(t testing.TB) (srv *httptest.Server, dir string) {
	t.Helper()
	dir = buildRealSite(t)
	h, err := server.New(dir, nil)
	if err != nil {
		t.Fatalf("serving %s: %v", dir, err)
	}
	t.Cleanup(func() { h.Close() })
	srv = httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, dir
}
