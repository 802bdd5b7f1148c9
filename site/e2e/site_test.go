package e2e

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
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

// serveRealSite serves the real site, the build shared by the test binary
// (sharedSite), at the root of a test server of its own, as "protosite
// serve" does. The test must not change the files in dir.
func serveRealSite(t testing.TB) (srv *httptest.Server, dir string) {
	t.Helper()
	dir = sharedSite(t)
	return serveDir(t, dir), dir
}

// serveDir serves the built site in dir at the root of a test server of
// its own, as "protosite serve" does.
func serveDir(t testing.TB, dir string) *httptest.Server {
	t.Helper()
	h, err := server.New(dir, nil)
	if err != nil {
		t.Fatalf("serving %s: %v", dir, err)
	}
	t.Cleanup(func() { h.Close() })
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// shared is the one build of the real content that tests which only read
// the output share, made on first use and removed by TestMain.
var shared struct {
	once sync.Once
	tmp  string // the temporary directory that holds the build
	dir  string // the output directory
	err  error

	srvOnce sync.Once
	srv     *httptest.Server
	handler *server.Handler
	srvErr  error
}

// TestMain runs the tests, then removes what they shared.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared.srv != nil {
		shared.srv.Close()
	}
	if shared.handler != nil {
		shared.handler.Close()
	}
	if shared.tmp != "" {
		os.RemoveAll(shared.tmp)
	}
	os.Exit(code)
}

// sharedSite is the real site built once for the whole test binary, as
// buildRealSite builds it. Tests must not change anything in it; a test
// that does uses buildRealSite.
func sharedSite(t testing.TB) string {
	t.Helper()
	shared.once.Do(func() {
		shared.tmp, shared.err = os.MkdirTemp("", "protosite-e2e-")
		if shared.err != nil {
			return
		}
		shared.dir = filepath.Join(shared.tmp, "public")
		_, shared.err = build.Build(contentDir, shared.dir)
	})
	if shared.err != nil {
		t.Fatalf("building %s: %v", contentDir, shared.err)
	}
	return shared.dir
}

// sharedServer serves sharedSite at the root of a test server, as
// "protosite serve" does, for the whole test binary.
func sharedServer(t testing.TB) *httptest.Server {
	t.Helper()
	dir := sharedSite(t)
	shared.srvOnce.Do(func() {
		shared.handler, shared.srvErr = server.New(dir, nil)
		if shared.srvErr == nil {
			shared.srv = httptest.NewServer(shared.handler)
		}
	})
	if shared.srvErr != nil {
		t.Fatalf("serving %s: %v", dir, shared.srvErr)
	}
	return shared.srv
}
