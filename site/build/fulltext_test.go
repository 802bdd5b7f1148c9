package build

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	fullTextParts  = regexp.MustCompile(`<section class="full-text-part" id="([^"]+)"`)
	citationHrefs  = regexp.MustCompile(`<a class="cite"(?: dir="ltr")? href="([^"]*)"`)
	everyElementID = regexp.MustCompile(` id="([^"]+)"`)
)

// The whole text holds every part of the treaty in reading order and
// every provision under its own id, once, as the article pages do; a
// citation of the treaty leads to its place on the same page, a part's
// heading to the part's own page.
func TestWholeText(t *testing.T) {
	files := languageSite(t)

	page := files["text/index.html"]
	if page == "" {
		t.Fatal("no page text/index.html")
	}
	if got, want := matches(fullTextParts, page), []string{"art_1", "art_2", "art_3"}; !slices.Equal(got, want) {
		t.Errorf("the whole text's parts are %q, want %q", got, want)
	}
	var want []string
	for _, n := range []string{"1", "2", "3"} {
		want = append(want, provisionIDs(files["articles/"+n+"/index.html"])...)
	}
	if got := provisionIDs(page); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("the whole text's provisions are\n%q\nwant those of the article pages\n%q", got, want)
	}
	ids := matches(everyElementID, page)
	slices.Sort(ids)
	if dup := slices.Compact(slices.Clone(ids)); len(dup) != len(ids) {
		t.Errorf("the whole text repeats an id: %q", ids)
	}
	for _, href := range matches(citationHrefs, page) {
		if !strings.HasPrefix(href, "#") {
			t.Errorf("a citation on the whole text leads away from it, to %s", href)
		}
	}
	mustContain(t, "the whole text", page,
		`<h1>Test Protocol against Things</h1>`,
		`<h2 class="text-chapter" id="chapter-I">Chapter I. General provisions</h2>`,
		`<h3><a href="../articles/1/">Article 1. Scope</a></h3>`,
		`<a class="cite" href="#art_2__para_1__point_a" title="art. 2(1)(a)">art. 2(1)(a)</a>`,
		`<a class="origin" href="../articles/1/#art_1__para_2__point_a" aria-label="art. 1(2)(a) on its article page">¶</a>`,
		`<li><a href="#art_3">Article 3. `,
		`Taken from <code>example/repo</code>, file <code>treaty.md</code>`,
	)
	mustContain(t, "the article index", files["articles/index.html"], `<a href="../text/">The whole text on one page</a>`)
	mustContain(t, "article 1", files["articles/1/index.html"], `<a href="../../text/#art_1">In the whole text</a>`)
	mustContain(t, "the home page", files["index.html"], `<a href="text/">The whole text on one page</a>`)

	// In Dutch: the Dutch text where there is one, marked as a translation
	// with its source; the English text, marked as such, where there is
	// not; and the Dutch references linked within the page.
	nl := files["nl/text/index.html"]
	mustContain(t, "the Dutch whole text", nl,
		`<li aria-current="page">Volledige tekst</li>`,
		`Bron van deze vertaling: Testbron.`,
		`<section class="full-text-part" id="art_1" data-citation="art. 1">`,
		`Deze testtekst is van toepassing op dingen`,
		`href="#art_2__para_1__point_a"`,
		`<section class="full-text-part" id="art_2" data-citation="art. 2" lang="en">`,
		`<p class="fallback-note" role="note">`,
	)
	if got := provisionIDs(nl); !slices.Equal(got, want) {
		t.Errorf("the Dutch whole text's provisions are\n%q\nwant\n%q", got, want)
	}
	// Arabic is authentic: no translation note; the page is right to
	// left, and the English it falls back to left to right.
	ar := files["ar/text/index.html"]
	mustNotContain(t, "the Arabic whole text", ar, `class="translation-note"`)
	mustContain(t, "the Arabic whole text", ar, `<html lang="ar" dir="rtl"`, `الأشياء الصغيرة`,
		`<section class="full-text-part" id="art_3" data-citation="art. 3" lang="en" dir="ltr">`)
}

// A site without articles has no whole text, and links to none.
func TestNoWholeTextWithoutArticles(t *testing.T) {
	files := renderSite(t, siteYAML+"-- pages/about.md --\n---\ntitle: About\n---\nText.\n")
	if _, ok := files["text/index.html"]; ok {
		t.Error("a site without articles has a whole text")
	}
	mustNotContain(t, "the home page", files["index.html"], `text/"`)
}
