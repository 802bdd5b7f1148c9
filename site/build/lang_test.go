package build

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// languageSite renders testdata/languages.txtar.
func languageSite(t *testing.T) map[string]string {
	t.Helper()
	return languageSiteWith(t, "")
}

// languageSiteWith renders the language fixture with more files, given as
// the lines of a txtar archive.
func languageSiteWith(t *testing.T, more string) map[string]string {
	t.Helper()
	src, err := os.ReadFile("testdata/languages.txtar")
	if err != nil {
		t.Fatal(err)
	}
	return renderSite(t, string(src)+more)
}

var idAttr = regexp.MustCompile(`id="(art_[^"]*)"`)

// provisionIDs lists the ids of provisions on a page, in order.
func provisionIDs(page string) []string { return matches(idAttr, page) }

// matches returns the first group of each match of re in s.
func matches(re *regexp.Regexp, s string) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestLanguagesSameIDs checks that a provision has the same id in every
// language, so that a link or a language switch keeps the reader's place.
func TestLanguagesSameIDs(t *testing.T) {
	files := languageSite(t)
	for _, art := range []string{"1", "2", "3"} {
		want := provisionIDs(files["articles/"+art+"/index.html"])
		if len(want) < 2 && art != "3" {
			t.Fatalf("article %s has ids %q", art, want)
		}
		for _, lang := range []string{"ar", "zh", "nl"} {
			page := lang + "/articles/" + art + "/index.html"
			if got := provisionIDs(files[page]); !slices.Equal(got, want) {
				t.Errorf("%s ids %q, want those of the English page %q", page, got, want)
			}
		}
	}
	mustContain(t, "nl article 1", files["nl/articles/1/index.html"],
		`<div class="provision" id="art_1__para_2__point_b" data-citation="art. 1(2)(b)">`,
		`<p><span class="num">b.</span> grote dingen.`)
}

// TestLanguagesAttributes checks lang and dir on every page and on text in
// another language than the page's.
func TestLanguagesAttributes(t *testing.T) {
	files := languageSite(t)
	for name, body := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		lang, dir := "en", "ltr"
		for _, l := range []string{"ar", "zh", "nl"} {
			if strings.HasPrefix(name, l+"/") {
				lang = l
			}
		}
		if lang == "ar" {
			dir = "rtl"
		}
		mustContain(t, name, body, `<html lang="`+lang+`" dir="`+dir+`"`)
		// Every link is relative, so the site works at any sub-path.
		mustNotContain(t, name, body, `href="/`, `src="/`)
	}
	ar := files["ar/articles/1/index.html"]
	mustContain(t, "ar article 1", ar,
		`<span class="artnum">المادة 1</span>`,
		`<a class="brand" href="../../" lang="en" dir="ltr">Test Protocol</a>`)
	mustContain(t, "ar home", files["ar/index.html"], `<h1>بروتوكول تجريبي</h1>`)
	mustContain(t, "en home", files["index.html"], `<h1>Test Protocol against Things</h1>`)
	// Citations inside right-to-left text keep their left-to-right order.
	mustContain(t, "ar article 1", ar, `<a class="cite" dir="ltr" href="../2/#art_2__para_1__point_a" title="art. 2(1)(a)">art. 2(1)(a)</a>`)
	mustContain(t, "ar article 2", files["ar/articles/2/index.html"], `<a href="../1/#art_1__para_2__point_b" dir="ltr">art. 1(2)(b)</a>`)
}

// TestLanguagesCitationsInNonLatinText checks that "art. 2(1)(a)" written
// in Arabic or Chinese text is recognised and linked, even with no space
// between it and the words around it.
func TestLanguagesCitationsInNonLatinText(t *testing.T) {
	files := languageSite(t)
	mustContain(t, "ar article 1", files["ar/articles/1/index.html"],
		`انظر <a class="cite" dir="ltr" href="../2/#art_2__para_1__point_a"`,
		`وفقاًلـ<a class="cite" dir="ltr" href="../2/#art_2__para_1__point_b"`)
	mustContain(t, "zh article 1", files["zh/articles/1/index.html"],
		`参见<a class="cite" href="../2/#art_2__para_1__point_a" title="art. 2(1)(a)">art. 2(1)(a)</a>的规定`,
		`见<a class="cite" href="../2/#art_2__para_1__point_b" title="art. 2(1)(b)">art. 2(1)(b)</a>。`)
}

// TestLanguagesDutchCitations checks that Dutch text links its references
// as the Dutch translation writes them, to the provision in Dutch, and
// leaves a reference to another instrument alone.
func TestLanguagesDutchCitations(t *testing.T) {
	files := languageSite(t)
	page := files["nl/articles/1/index.html"]
	mustContain(t, "nl article 1", page,
		`zoals <a class="cite" href="../2/#art_2__para_1__point_a" title="art. 2(1)(a)">artikel 2, eerste lid, onder a</a>, van dit Protocol`,
		`in <a class="cite" href="#art_1__para_2__point_b" title="art. 1(2)(b)">onderdeel b</a> van dit lid`,
		`in het <a class="cite" href="#art_1__para_1" title="art. 1(1)">eerste lid</a> van dit artikel`,
		`onverminderd artikel 27 van het Verdrag`)
	mustNotContain(t, "nl article 1", page, `>artikel 27<`)
}

// TestLanguagesFallback checks that a page missing in a language shows the
// default language's, marked as such.
func TestLanguagesFallback(t *testing.T) {
	files := languageSite(t)
	ar3 := files["ar/articles/3/index.html"]
	mustContain(t, "ar article 3", ar3,
		`<p class="fallback-note" role="note">هذه الصفحة غير متاحة بالعربية بعد؛ وهي معروضة بلغتها الأصلية: <span lang="en" dir="ltr">English</span>.</p>`,
		`<div class="treaty-text" lang="en" dir="ltr">`,
		`<span class="arttitle" lang="en" dir="ltr">Final things</span>`,
		// Links in the fallback text stay in the reader's language.
		`<a class="cite" dir="ltr" href="../1/" title="art. 1">article 1</a>`)
	zh3 := files["zh/articles/3/index.html"]
	mustContain(t, "zh article 3", zh3, `本页尚无中文版本`, `<div class="treaty-text" lang="en">`)
	mustNotContain(t, "zh article 3", zh3, `class="treaty-text" lang="en" dir=`)
	mustContain(t, "nl about", files["nl/about/index.html"], `Deze pagina is nog niet in het Nederlands beschikbaar`, `<article class="page" lang="en">`,
		`href="../articles/2/#art_2__para_1__point_b__point_ii"`, // a page: in the language
		`href="../../data/protocol.json"`)                        // a file: the same in every language
	for _, page := range []string{"articles/1/index.html", "ar/articles/1/index.html", "zh/articles/2/index.html"} {
		mustNotContain(t, page, files[page], `class="fallback-note"`)
	}
	// A translation that is not authentic says so, and names its source.
	mustContain(t, "nl article 1", files["nl/articles/1/index.html"], `<p class="translation-note" role="note">Vertaling in het Nederlands, geen authentieke tekst`, `Bron van deze vertaling: Testbron.`)
	mustNotContain(t, "ar article 1", files["ar/articles/1/index.html"], `class="translation-note"`)
}

// TestLanguagesAlternates checks the hreflang links and the language
// switch: every language's version of the page, relative, and x-default.
func TestLanguagesAlternates(t *testing.T) {
	files := languageSite(t)
	mustContain(t, "ar article 2", files["ar/articles/2/index.html"],
		`<link rel="alternate" hreflang="en" href="../../../articles/2/">`,
		`<link rel="alternate" hreflang="ar" href="./">`,
		`<link rel="alternate" hreflang="zh" href="../../../zh/articles/2/">`,
		`<link rel="alternate" hreflang="nl" href="../../../nl/articles/2/">`,
		`<link rel="alternate" hreflang="x-default" href="../../../articles/2/">`,
		`<span aria-current="true" lang="ar" dir="rtl">العربية</span>`,
		`<a href="../../../zh/articles/2/" hreflang="zh" lang="zh" dir="ltr" data-lang-switch>中文</a>`)
	mustContain(t, "en home", files["index.html"],
		`<link rel="alternate" hreflang="en" href="./">`,
		`<link rel="alternate" hreflang="nl" href="nl/">`,
		`<a href="ar/" hreflang="ar" lang="ar" dir="rtl" data-lang-switch>العربية</a>`)
	mustNotContain(t, "404", files["404.html"], `hreflang`)
	for _, page := range []string{"ar/articles/2/index.html", "zh/goto/index.html", "nl/modules/index.html", "ar/about/index.html"} {
		if files[page] == "" {
			t.Errorf("no page %s", page)
		}
	}
	// Every language with documents of its own has a search page, which
	// searches them (site/search), and the search pages name each other.
	mustContain(t, "zh search", files["zh/search/index.html"], `data-lang="zh"`, `id="search-all"`, `<link rel="alternate" hreflang="en" href="../../search/">`)
	mustContain(t, "zh article 2", files["zh/articles/2/index.html"], `action="../../search/"`)
	mustContain(t, "search", files["search/index.html"], `<link rel="alternate" hreflang="zh" href="../zh/search/">`)
	mustContain(t, "sitemap", files["sitemap.xml"], "<loc>https://example.org/sub/ar/articles/2/</loc>", "<loc>https://example.org/sub/zh/</loc>")
}

// TestLanguagesInterface checks the interface strings of each language.
func TestLanguagesInterface(t *testing.T) {
	files := languageSite(t)
	mustContain(t, "zh article 2", files["zh/articles/2/index.html"],
		`<nav class="breadcrumb" aria-label="导航路径">`, `<span class="artnum">第2条</span>`, `aria-label="链接到 art. 2(1)"`,
		`<summary>被引用： 1 项条款</summary>`)
	mustContain(t, "ar article 2", files["ar/articles/2/index.html"], `<summary>مُشار إليه في: حكم واحد</summary>`, `data-ui="{`)
	mustContain(t, "nl article 2", files["nl/articles/2/index.html"], `<summary>Aangehaald in: 1 bepaling</summary>`)
	mustContain(t, "en article 2", files["articles/2/index.html"], `<summary>Cited by: 1 provision</summary>`)
	mustNotContain(t, "en article 2", files["articles/2/index.html"], `data-ui=`)
}

// TestLanguagesProblems checks that mistakes in translations fail the
// build, each named with its file.
func TestLanguagesProblems(t *testing.T) {
	src, err := os.ReadFile("testdata/languages.txtar")
	if err != nil {
		t.Fatal(err)
	}
	base := string(src)
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"provision missing", "(ii) 旧物品。", "", []string{"protocol/article-02.zh.md", "the translation lacks art. 2(1)(b)(ii)"}},
		{"provision added", "(ii) المواد القديمة.", "(ii) المواد القديمة.\n\n(iii) المزيد.", []string{"protocol/article-02.ar.md", "art. 2(1)(b)(iii) (art_2__para_1__point_b__point_iii) is not in protocol/article-02.md"}},
		{"wrong article", "article: 2\ntitle: \"事物\"", "article: 3\ntitle: \"事物\"", []string{"protocol/article-02.zh.md", "translates, is article /articles/2"}},
		{"no original", "-- pages/about.md --", "-- pages/contact.nl.md --\n---\ntitle: \"Contact\"\n---\nTekst.\n-- pages/about.md --", []string{"pages/contact.nl.md translates pages/contact.md, which does not exist"}},
		{"unknown language", "-- pages/about.md --", "-- pages/about.de.md --\n---\ntitle: \"Über\"\n---\nText.\n-- pages/about.md --", []string{"pages/about.de.md", `names language "de", which is not in site.yaml's languages (en, ar, zh, nl)`}},
		{"no messages", "  - {code: nl, name: \"Nederlands\", authentic: false}", "  - {code: nl, name: \"Nederlands\", authentic: false}\n  - {code: de, name: \"Deutsch\"}", []string{`language "de" has no interface strings: add templates/i18n/de.yaml`}},
		{"default not listed", "  - {code: en, name: \"English\", authentic: true}\n", "", []string{"site.yaml", `the default language "en" is not in languages`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(base, tt.old) {
				t.Fatalf("fixture lacks %q", tt.old)
			}
			_, err := Render(siteFS(t, strings.Replace(base, tt.old, tt.new, 1)))
			if err == nil {
				t.Fatal("rendered without error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}
