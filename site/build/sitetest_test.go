package build

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// siteFS turns a txtar archive into a content directory.
func siteFS(t *testing.T, archive string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// renderSite renders a txtar site and indexes its files by path.
func renderSite(t *testing.T, archive string) map[string]string {
	t.Helper()
	return renderFS(t, siteFS(t, archive))
}

// renderFS renders the content in fsys and indexes its files by path.
func renderFS(t *testing.T, fsys fs.FS) map[string]string {
	t.Helper()
	res, err := Render(fsys)
	if err != nil {
		t.Fatalf("rendering: %v", err)
	}
	out := map[string]string{}
	for _, f := range res.Files {
		out[f.Path] = string(f.Data)
	}
	return out
}

func mustContain(t *testing.T, name, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s does not contain %q", name, w)
		}
	}
}

func mustNotContain(t *testing.T, name, got string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(got, w) {
			t.Errorf("%s contains %q", name, w)
		}
	}
}
