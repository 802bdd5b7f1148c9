package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const siteYAML = `-- site.yaml --
title: "Test Protocol"
treaty_title: "Test Protocol against Things"
citation_prefix: "Test Protocol"
base_url: "https://example.org/sub/"
language: "en"
`

const source = `source_repo: example/repo
source_path: treaty.md
source_commit: 061f5d521bd5462d44e042e1872388e198fa1bb7
`

const twoArticles = siteYAML + `-- protocol/article-01.md --
---
article: 1
title: "Scope"
chapter: "I"
chapter_title: "General provisions"
` + source + `---

1. This Protocol applies to the offences established in accordance with article 2 of this Protocol.

2. Paragraph 1 of this article does not apply to:

(a) Things; and

(b) Other things, as defined in article 2, paragraph 1 (b), of this Protocol.
-- protocol/article-02.md --
---
article: 2
title: "Criminalization"
chapter: "I"
chapter_title: "General provisions"
` + source + `---

1. Each State Party shall establish as criminal offences:

(a) Doing things;

(b) Doing other things.

2. The offences in paragraph 1 (a) and (b) of this article are serious.
`

func TestRenderLinksCitationsBothWays(t *testing.T) {
	files := renderSite(t, twoArticles)
	art1, art2 := files["articles/1/index.html"], files["articles/2/index.html"]
	if art1 == "" || art2 == "" {
		t.Fatalf("missing article pages; have %d files", len(files))
	}
	mustContain(t, "article 1", art1,
		`id="art_1__para_2__point_b"`,
		`<a class="cite" href="../2/" title="art. 2">article 2</a>`,
		`<a class="cite" href="#art_1__para_1" title="art. 1(1)">Paragraph 1</a>`,
		`href="../2/#art_2__para_1__point_b"`,
		`<a class="pilcrow" href="#art_1__para_2__point_a" aria-label="Link to art. 1(2)(a)">¶</a>`,
	)
	// Article 2 is cited as a whole by art. 1(1), which its own list counts,
	// and at 2(1)(b) by art. 1(2)(b).
	mustContain(t, "article 2", art2,
		`<details class="cited-by-article">`,
		`<summary><h2 id="cited-by-h">Cited by</h2> <span class="cited-by-counts">1 provision</span></summary>`,
		`<a href="../1/#art_1__para_1">art. 1(1)</a>`,
		`<a href="../1/#art_1__para_2__point_b">art. 1(2)(b)</a>`,
		`<a class="cite" href="#art_2__para_1__point_a" title="art. 2(1)(a)">paragraph 1 (a)</a>`,
	)
	// Every link is relative, so the site works at any sub-path.
	for name, body := range files {
		if strings.HasSuffix(name, ".html") {
			mustNotContain(t, name, body, `href="/`, `src="/`, `href="http://`, `src="http`)
		}
	}
	mustContain(t, "sitemap.xml", files["sitemap.xml"], "<loc>https://example.org/sub/articles/2/</loc>")
}

func TestRenderIsDeterministic(t *testing.T) {
	a, err := Render(siteFS(t, twoArticles))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(siteFS(t, twoArticles))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Files) != len(b.Files) {
		t.Fatalf("file counts differ: %d and %d", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Path != b.Files[i].Path || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs between two builds of the same input", a.Files[i].Path)
		}
	}
}

func TestRenderReportsEveryProblemWithPosition(t *testing.T) {
	broken := strings.Replace(twoArticles, "article 2 of this Protocol.", "article 26 of this Protocol.", 1)
	broken = strings.Replace(broken, "paragraph 1 (a) and (b) of this article", "paragraph 9 of this article", 1)
	_, err := Render(siteFS(t, broken))
	if err == nil {
		t.Fatal("rendering a site citing article 26 succeeded")
	}
	want := []string{
		`protocol/article-01.md:11:73: citation "article 26" refers to art. 26, which does not exist`,
		`protocol/article-02.md:17:20: citation "paragraph 9" refers to art. 2(9), which does not exist`,
	}
	got := strings.Split(err.Error(), "\n")
	if len(got) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(got), len(want), err)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("problem %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	dir := t.TempDir()
	contentDir := filepath.Join(dir, "content")
	out := filepath.Join(dir, "public")
	writeSite(t, contentDir, twoArticles)
	if _, err := Build(contentDir, out); err != nil {
		t.Fatalf("first build: %v", err)
	}
	before, err := os.ReadFile(filepath.Join(out, "articles", "2", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	writeSite(t, contentDir, strings.Replace(twoArticles, "article 2 of this Protocol", "article 99 of this Protocol", 1))
	if _, err := Build(contentDir, out); err == nil {
		t.Fatal("build citing article 99 succeeded")
	}
	after, err := os.ReadFile(filepath.Join(out, "articles", "2", "index.html"))
	if err != nil {
		t.Fatalf("previous output is gone: %v", err)
	}
	if !bytes.Equal(before, after) {
		t.Error("a failed build changed the previous output")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "content" && e.Name() != "public" {
			t.Errorf("build left %s behind", e.Name())
		}
	}
}

func writeSite(t *testing.T, dir, archive string) {
	t.Helper()
	for name, f := range siteFS(t, archive) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
