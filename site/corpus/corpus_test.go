package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"protosite/site/build"
)

func TestGeneratedCorpusBuilds(t *testing.T) {
	dir := t.TempDir()
	if err := Generate("../../content", dir, 50); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "legislation"))
	if err != nil || len(entries) != 50 {
		t.Fatalf("want 50 synthetic documents, have %d (%v)", len(entries), err)
	}
	res, err := build.Render(os.DirFS(dir))
	if err != nil {
		t.Fatalf("the generated corpus does not build: %v", err)
	}
	if res.Summary.Pages < 50 {
		t.Errorf("built only %d pages", res.Summary.Pages)
	}
}
