package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestBrokenContent builds each site in testdata/broken over the output of
// a good build. Each must fail with exactly the problems its "want" file
// lists, leave the good output as it was, leave nothing behind, and never
// panic.
func TestBrokenContent(t *testing.T) {
	cases, _ := filepath.Glob("testdata/broken/*.txtar")
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/broken")
	}
	for _, path := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var want string
			var files []txtar.File
			for _, f := range ar.Files {
				if f.Name == "want" {
					want = strings.TrimSpace(string(f.Data))
				} else {
					files = append(files, f)
				}
			}
			checkBrokenBuild(t, files, want)
		})
	}
}

// TestHugeFileIsRefused builds a site with a content file over the size
// limit, which is generated here rather than kept in testdata.
func TestHugeFileIsRefused(t *testing.T) {
	huge := "---\ntitle: \"Huge\"\n---\n" + strings.Repeat("All work and no play. ", 250_000)
	checkBrokenBuild(t, []txtar.File{{Name: "pages/huge.md", Data: []byte(huge)}},
		"pages/huge.md:1:1: file is 5500022 bytes, more than the limit of 4194304")
}

func checkBrokenBuild(t *testing.T, broken []txtar.File, want string) {
	t.Helper()
	dir := t.TempDir()
	good := filepath.Join(dir, "good")
	writeSite(t, good, twoArticles)
	out := filepath.Join(dir, "public")
	if _, err := Build(good, out); err != nil {
		t.Fatalf("building the good site: %v", err)
	}
	before, err := os.ReadFile(filepath.Join(out, "articles", "1", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad")
	writeSite(t, bad, twoArticles)
	for _, f := range broken {
		p := filepath.Join(bad, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err = Build(bad, out)
	if err == nil {
		t.Fatal("the broken site built")
	}
	if got := strings.TrimSpace(err.Error()); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	after, err := os.ReadFile(filepath.Join(out, "articles", "1", "index.html"))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the failed build changed the previous output (%v)", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "good" && e.Name() != "bad" && e.Name() != "public" {
			t.Errorf("the failed build left %s behind", e.Name())
		}
	}
}

// TestMarkupInContentIsEscaped builds a site whose titles and text hold
// HTML and script: the pages show them as text.
func TestMarkupInContentIsEscaped(t *testing.T) {
	site := twoArticles + `-- pages/about.md --
---
title: "About <script>alert('title')</script>"
description: "A page with \"quotes\" & <b>tags</b>"
---
Text with <script>alert("body")</script> and <img src=x onerror=alert(1)> inline,
and a [link](javascript:alert(1)).

<div onclick="alert(2)">a raw block</div>
`
	files := renderSite(t, site)
	page := files["about/index.html"]
	if page == "" {
		t.Fatal("no about page")
	}
	mustNotContain(t, "about page", page, "<script>alert", "<img src=x", `onerror=`, `onclick=`, `href="javascript:`)
	mustContain(t, "about page", page, "About &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;")
}
