package offline

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"protosite/site/output"
)

func TestFileLink(t *testing.T) {
	for in, want := range map[string]string{
		"../8/":                 "../8/index.html",
		"../8/#art_8__para_2":   "../8/index.html#art_8__para_2",
		"./":                    "./index.html",
		"../../":                "../../index.html",
		"#art_6":                "#art_6",
		"?q=x":                  "?q=x",
		"../static/style.css":   "../static/style.css",
		"https://example.org/":  "https://example.org/",
		"mailto:a@example.org":  "mailto:a@example.org",
		"../search/?q=a#b":      "../search/index.html?q=a#b",
		"..":                    "../index.html",
		"../data/protocol.json": "../data/protocol.json",
	} {
		page := func(v string) string { return `<a href="` + v + `">` }
		if got := string(appendFileLinks(nil, []byte(page(in)))); got != page(want) {
			t.Errorf("link %q became %q, want %q", in, got, page(want))
		}
	}
}

func TestPackRewritesLinksAndKeepsTheRest(t *testing.T) {
	page := `<!DOCTYPE html><html data-root="../../"><head><link rel="stylesheet" href="../../static/s.css"></head>` +
		`<body><a class="cite" href="../8/#art_8" title="art. 8">article 8</a> &amp; <a href="#x">here</a><script src="../../static/a.js" defer></script></body></html>`
	data, err := Pack([]output.File{
		{Path: "articles/6/index.html", Data: []byte(page)},
		{Path: "static/s.css", Data: []byte("body{}")},
		{Path: "static/s.css.gz", Data: []byte("zz")},
	})
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 2 {
		t.Fatalf("pack has %d files, want 2 (no .gz)", len(zr.File))
	}
	f, _ := zr.Open(Folder + "/articles/6/index.html")
	got, _ := io.ReadAll(f)
	for _, want := range []string{`href="../8/index.html#art_8"`, `data-root="../../"`, `href="../../static/s.css"`, `href="#x"`, `&amp;`, `<script src="../../static/a.js" defer></script>`} {
		if !bytes.Contains(got, []byte(want)) {
			t.Errorf("packed page lacks %s:\n%s", want, got)
		}
	}
}

func TestFileLinksRewritesOnlyLinkAttributes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<a href="../8/">x</a>`, `<a href="../8/index.html">x</a>`},
		{"<a\nhref=\"x/#p\">", "<a\nhref=\"x/index.html#p\">"},
		{`<img src="../">`, `<img src="../index.html">`},
		{`<a data-href="x/" href="https://example.org/">`, `<a data-href="x/" href="https://example.org/">`},
		{`<p>write href=&#34;x/&#34; here</p>`, `<p>write href=&#34;x/&#34; here</p>`},
		{`<a href="?q=a&amp;b">`, `<a href="?q=a&amp;b">`},
		{`<a title="a" href="..">`, `<a title="a" href="../index.html">`},
		{`<a href="x/`, `<a href="x/`},
	} {
		if got := string(appendFileLinks(nil, []byte(c.in))); got != c.want {
			t.Errorf("appendFileLinks(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSpilledPackIsTheSame(t *testing.T) {
	files := []output.File{
		{Path: "articles/6/index.html", Data: []byte(`<a href="../8/">article 8</a>`)},
		{Path: "static/s.css", Data: bytes.Repeat([]byte("body{margin:0}"), 500)},
		{Path: "index.html", Data: []byte(`<a href="articles/6/#art_6">6</a>`)},
	}
	want, err := Pack(files)
	if err != nil {
		t.Fatal(err)
	}
	spill, err := os.Create(filepath.Join(t.TempDir(), "spill"))
	if err != nil {
		t.Fatal(err)
	}
	defer spill.Close()
	p := NewSpillingPacker(spill)
	for _, f := range files {
		if err := p.Add(f); err != nil {
			t.Fatal(err)
		}
	}
	var got bytes.Buffer
	if err := p.Write(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("spilled pack differs from the pack held in memory")
	}
	if info, err := spill.Stat(); err != nil || info.Size() == 0 {
		t.Errorf("nothing was spilled: %v, %v", info, err)
	}
}
