package build

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestLiveRebuildHandsOverTheEditedPagesFirst(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, twoArticles)
	l, first, err := NewLive(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(first.Files["articles/2/index.html"]), "Doing other things") {
		t.Fatal("the first build lacks article 2's text")
	}
	art2 := filepath.Join(dir, "protocol", "article-02.md")
	src, err := os.ReadFile(art2)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(art2, []byte(strings.Replace(string(src), "Doing other things", "Doing edited things", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	var early map[string][]byte
	var earlyChanged []string
	u, err := l.Rebuild(func(files map[string][]byte, changed []string) {
		early, earlyChanged = files, changed
	})
	if err != nil {
		t.Fatal(err)
	}
	if early == nil {
		t.Fatal("the edited pages were not handed over before the rest")
	}
	if !slices.Contains(earlyChanged, "articles/2/index.html") {
		t.Errorf("early changes %v lack article 2's page", earlyChanged)
	}
	if slices.Contains(earlyChanged, "articles/1/index.html") {
		t.Errorf("early changes %v name article 1, whose file was not edited", earlyChanged)
	}
	if !strings.Contains(string(early["articles/2/index.html"]), "Doing edited things") {
		t.Error("the page handed over early lacks the edit")
	}
	// The rest of the site is there too, from the last good build.
	if string(early["articles/1/index.html"]) != string(first.Files["articles/1/index.html"]) {
		t.Error("the files handed over early lack the last good build's other pages")
	}
	if string(u.Files["articles/2/index.html"]) != string(early["articles/2/index.html"]) {
		t.Error("the page handed over early differs from the same page of the whole build")
	}
	if !slices.Contains(u.Changed, "articles/2/index.html") {
		t.Errorf("changes %v lack article 2's page", u.Changed)
	}

	// Nothing edited: nothing is handed over early, and nothing changed.
	called := false
	u, err = l.Rebuild(func(map[string][]byte, []string) { called = true })
	if err != nil {
		t.Fatal(err)
	}
	if called || len(u.Changed) != 0 {
		t.Errorf("a rebuild without edits handed pages over early (%v) or changed %v", called, u.Changed)
	}
}

func TestPageURL(t *testing.T) {
	for p, want := range map[string]string{
		"index.html":            "/",
		"articles/6/index.html": "/articles/6/",
		"404.html":              "/404.html",
		"static/style.css":      "",
		"nl/index.html":         "/nl/",
	} {
		if got := PageURL(p); got != want {
			t.Errorf("PageURL(%q) = %q, want %q", p, got, want)
		}
	}
}
