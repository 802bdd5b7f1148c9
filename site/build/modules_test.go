package build

import (
	"fmt"
	"net/url"
	"path"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// moduleSite is twoArticles with a training module that embeds art. 1(2).
const moduleSite = twoArticles + `-- modules/basics.md --
---
title: "Basics"
summary: "A module for the tests."
audience: "Testers"
---
What the module is about, with a [link to article 2](/articles/2/#art_2__para_1).

## Scope

::provision art. 1(2)

Questions about art. 1(2), written by the trainer.

## Whole article

::provision art. 2
`

func TestModuleShowsCurrentProvisionText(t *testing.T) {
	files := renderSite(t, moduleSite)
	page := files["modules/basics/index.html"]
	if page == "" {
		t.Fatal("no page for the module")
	}
	fig := between(t, page, `<figure class="transclusion" data-citation="art. 1(2)">`, "</figure>")
	mustContain(t, "the transclusion of art. 1(2)", fig,
		`<blockquote cite="https://example.org/sub/articles/1/#art_1__para_2">`,
		`<span class="num">2.</span> <a class="cite" href="../../articles/1/#art_1__para_1" title="art. 1(1)">Paragraph 1</a> of this article does not apply to:`,
		// The points nested in the provision come with it.
		`<div class="provision" data-citation="art. 1(2)(a)">`,
		`<span class="num">(a)</span> Things; and`,
		`<a class="cite" href="../../articles/2/#art_2__para_1__point_b" title="art. 2(1)(b)">article 2, paragraph 1 (b)</a>`,
		`<figcaption><a href="../../articles/1/#art_1__para_2">Test Protocol, art. 1(2)</a>`,
		`<span class="abs-url">example.org/sub/articles/1/#art_1__para_2</span>`,
		`<a class="origin" href="../../articles/1/#art_1__para_2__point_b"`,
	)
	// The copy carries no ids and no ¶ links of its own: the article's ids
	// stay unique to the article's page.
	mustNotContain(t, "the transclusion of art. 1(2)", fig, ` id="`, "pilcrow", "art. 1(1)</a> This Protocol")
	mustNotContain(t, "the module page", page, "::provision")
	mustContain(t, "the module page", page, `Other things, as defined in`)
	whole := between(t, page, `<figure class="transclusion" data-citation="art. 2">`, "</figure>")
	mustContain(t, "the transclusion of art. 2", whole, `<span class="num">1.</span> Each State Party shall establish`, `<span class="num">2.</span> The offences in`)
	checkUniqueIDs(t, "modules/basics/index.html", page)

	// The module counts as citing the provisions it embeds.
	art1 := files["articles/1/index.html"]
	para2 := between(t, art1, `<div class="provision" id="art_1__para_2"`, `<div class="provision" id="art_1__para_2__point_a"`)
	mustContain(t, "the cited-by list of art. 1(2)", para2,
		`1 training module</summary>`,
		`<span class="cited-by-kind">Modules:</span> <a href="../../modules/basics/">Basics</a>`)
	mustContain(t, "the cited-by list of article 2", files["articles/2/index.html"],
		`<span class="cited-by-kind">Modules (1):</span> <a href="../../modules/basics/">Basics</a>`)
}

func TestModuleFollowsTheArticle(t *testing.T) {
	before := renderSite(t, moduleSite)["modules/basics/index.html"]
	changed := strings.Replace(moduleSite, "(a) Things; and", "(a) Widgets; and", 1)
	if changed == moduleSite {
		t.Fatal("the fixture changed")
	}
	files := renderSite(t, changed)
	after := files["modules/basics/index.html"]
	mustContain(t, "the module after the article changed", after, `<span class="num">(a)</span> Widgets; and`)
	mustNotContain(t, "the module after the article changed", after, "Things; and")
	mustContain(t, "the module's handout after the article changed", files["modules/basics/handout/index.html"], "Widgets; and")
	mustContain(t, "the module's presentation after the article changed", files["modules/basics/present/index.html"], "Widgets; and")
	if before == after {
		t.Error("changing the article did not change the module's page")
	}
}

func TestModuleDirectiveErrors(t *testing.T) {
	for _, tt := range []struct{ name, from, to, want string }{
		{"missing provision", "::provision art. 1(2)", "::provision art. 1(9)",
			`modules/basics.md:10:13: citation "art. 1(9)" refers to art. 1(9), which does not exist`},
		{"not a citation", "::provision art. 1(2)", "::provision the scope",
			`modules/basics.md:10:13: ::provision "the scope": write the citation of one provision and nothing else, such as ::provision art. 6(3)`},
		{"unknown field", "audience:", "level:", `modules/basics.md:4:1: front matter: unknown field "level"`},
		{"no title", "title: \"Basics\"\n", "", `modules/basics.md:1:1: title is required`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			broken := strings.Replace(moduleSite, tt.from, tt.to, 1)
			_, err := Render(siteFS(t, broken))
			if err == nil {
				t.Fatalf("rendering with %q succeeded", tt.to)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error is\n%v\nwant it to contain\n%s", err, tt.want)
			}
		})
	}
}

func TestTrainerViews(t *testing.T) {
	files := renderSite(t, moduleSite)
	for _, base := range []string{"articles/1/", "articles/2/", "modules/basics/"} {
		for _, view := range []string{"handout/", "present/"} {
			name := base + view + "index.html"
			page := files[name]
			if page == "" {
				t.Errorf("no %s", name)
				continue
			}
			checkUniqueIDs(t, name, page)
			mustNotContain(t, name, page, "<script>", `id="art_`)
		}
	}
	handout := files["articles/1/handout/index.html"]
	mustContain(t, "the handout of article 1", handout,
		`<img src="../../../qr/art_1.svg"`,
		`<a href="../">example.org/sub/articles/1/</a>`,
		`<a class="part-cite" href="../#art_1__para_2">art. 1(2)</a> <span class="abs-url">example.org/sub/articles/1/#art_1__para_2</span> <a class="qr-link" href="../../../qr/art_1__para_2.svg"`,
		`<a class="prov-cite" href="../#art_1__para_2__point_a">art. 1(2)(a)</a> <a class="qr-link" href="../../../qr/art_1__para_2__point_a.svg"`,
	)
	present := files["articles/2/present/index.html"]
	mustContain(t, "the presentation of article 2", present,
		`<section class="slide slide-title" id="slide-1" aria-label="Slide 1 of 3">`,
		`<section class="slide" id="slide-2" aria-label="Slide 2 of 3: art. 2(1)">`,
		`<section class="slide" id="slide-3" aria-label="Slide 3 of 3: art. 2(2)">`,
		`src="../../../static/present.`,
	)
	mustContain(t, "the presentation of the module", files["modules/basics/present/index.html"],
		`<div class="slide-intro module-copy">`,
		`id="slide-2" aria-label="Slide 2 of 3: Scope"`,
		`id="slide-3" aria-label="Slide 3 of 3: Whole article"`,
	)
	mustContain(t, "the handout of the module", files["modules/basics/handout/index.html"],
		`<a href="../../../articles/2/#art_2__para_1" data-url="example.org/sub/articles/2/#art_2__para_1">link to article 2</a>`)
	mustContain(t, "the index of modules", files["modules/index.html"],
		`<a href="basics/">Basics</a>`, `<a href="../articles/2/present/">Presentation`)

	// A QR code for every provision, article and module page.
	for _, id := range []string{"art_1", "art_1__para_1", "art_1__para_2", "art_1__para_2__point_a", "art_1__para_2__point_b", "art_2", "art_2__para_1", "art_2__para_1__point_a", "art_2__para_1__point_b", "art_2__para_2", "module-basics"} {
		if !strings.Contains(files["qr/"+id+".svg"], "<title>https://example.org/sub/") {
			t.Errorf("no QR code qr/%s.svg for its absolute URL", id)
		}
	}
	mustContain(t, "the QR code of art. 1(2)(a)", files["qr/art_1__para_2__point_a.svg"], "<title>https://example.org/sub/articles/1/#art_1__para_2__point_a</title>")
	mustContain(t, "the QR code of the module", files["qr/module-basics.svg"], "<title>https://example.org/sub/modules/basics/</title>")
	qrs := 0
	for name := range files {
		if strings.HasPrefix(name, "qr/") {
			qrs++
		}
	}
	if qrs != 11 {
		t.Errorf("%d QR codes, want 11: 2 articles, 8 provisions and 1 module", qrs)
	}

	for _, b := range brokenLinks(t, files, func(name string) bool {
		return strings.HasPrefix(name, "modules/") || strings.HasSuffix(name, "/handout/index.html") || strings.HasSuffix(name, "/present/index.html")
	}) {
		t.Error(b)
	}
}

// between returns the part of s from the first from up to the next to.
func between(t *testing.T, s, from, to string) string {
	t.Helper()
	_, rest, ok := strings.Cut(s, from)
	if !ok {
		t.Fatalf("no %s in the page", from)
	}
	part, _, ok := strings.Cut(rest, to)
	if !ok {
		t.Fatalf("no %s after %s", to, from)
	}
	return from + part
}

func parseHTML(t *testing.T, name, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("parsing %s: %v", name, err)
	}
	return doc
}

func attrOf(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func checkUniqueIDs(t *testing.T, name, page string) {
	t.Helper()
	seen := map[string]bool{}
	for n := range parseHTML(t, name, page).Descendants() {
		if id, ok := attrOf(n, "id"); ok && n.Type == html.ElementNode {
			if seen[id] {
				t.Errorf("%s: id %q appears twice", name, id)
			}
			seen[id] = true
		}
	}
}

// brokenLinks checks every href and src in the <main> of the pages in
// files that check names: each must be relative and lead to a file of the
// site and, with a fragment, to an element of that file. (The header's
// links, the same on every page, lead to pages such as the glossary that a
// small test site may not have.)
func brokenLinks(t *testing.T, files map[string]string, check func(name string) bool) []string {
	t.Helper()
	ids := map[string]map[string]bool{}
	idsOf := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		m := map[string]bool{}
		for n := range parseHTML(t, file, files[file]).Descendants() {
			if id, ok := attrOf(n, "id"); ok {
				m[id] = true
			}
		}
		ids[file] = m
		return m
	}
	var broken []string
	for file, page := range files {
		if !strings.HasSuffix(file, ".html") || !check(file) {
			continue
		}
		base := &url.URL{Path: "/" + strings.TrimSuffix(file, "index.html")}
		var main *html.Node
		for n := range parseHTML(t, file, page).Descendants() {
			if n.Type == html.ElementNode && n.Data == "main" {
				main = n
			}
		}
		if main == nil {
			broken = append(broken, file+": no <main>")
			continue
		}
		for n := range main.Descendants() {
			for _, key := range []string{"href", "src"} {
				ref, ok := attrOf(n, key)
				if !ok || n.Type != html.ElementNode {
					continue
				}
				u, err := url.Parse(ref)
				if err != nil || strings.HasPrefix(ref, "/") {
					broken = append(broken, fmt.Sprintf("%s: %s=%q is not a relative link", file, key, ref))
					continue
				}
				if u.Scheme != "" {
					continue
				}
				target := base.ResolveReference(u)
				name := strings.TrimPrefix(target.Path, "/")
				if name == "" || strings.HasSuffix(name, "/") {
					name += "index.html"
				}
				name = path.Clean(name)
				if _, ok := files[name]; !ok {
					broken = append(broken, fmt.Sprintf("%s: %s=%q: no file %s", file, key, ref, name))
					continue
				}
				if target.Fragment != "" && !idsOf(name)[target.Fragment] {
					broken = append(broken, fmt.Sprintf("%s: %s=%q: no id %s in %s", file, key, ref, target.Fragment, name))
				}
			}
		}
	}
	return broken
}
