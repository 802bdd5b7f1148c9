package build

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	parallelRow  = regexp.MustCompile(`<tr(?: id="([^"]*)")? class="depth-\d">`)
	parallelCell = regexp.MustCompile(`<td lang="([a-z]+)" dir="(ltr|rtl)">`)
)

// An article with translations has its languages side by side: a row per
// provision, in the default language's order, a column per language that
// has the article, the authentic text marked as such.
func TestLanguagesSideBySide(t *testing.T) {
	files := languageSite(t)

	page := files["articles/1/parallel/index.html"]
	var rows []string
	for _, m := range parallelRow.FindAllStringSubmatch(page, -1) {
		rows = append(rows, m[1])
	}
	if want := []string{"art_1__para_1", "art_1__para_2", "art_1__para_2__point_a", "art_1__para_2__point_b"}; !slices.Equal(rows, want) {
		t.Errorf("rows of article 1 are %q, want %q", rows, want)
	}
	var langs []string
	for _, m := range parallelCell.FindAllStringSubmatch(page, 4) {
		langs = append(langs, m[1]+":"+m[2])
	}
	if want := []string{"en:ltr", "ar:rtl", "zh:ltr", "nl:ltr"}; !slices.Equal(langs, want) {
		t.Errorf("the first row's cells are %q, want %q", langs, want)
	}
	mustContain(t, "article 1 side by side", page,
		`<h1>Article 1. Scope: languages side by side</h1>`,
		`<th scope="col" lang="en" dir="ltr">English <span class="parallel-status">authentic text</span></th>`,
		`<th scope="col" lang="nl" dir="ltr">Nederlands <span class="parallel-status">translation, not authentic</span></th>`,
		// Each cell is that language's own words, without the provisions
		// the provision holds, and links to its place in that language.
		`<td lang="nl" dir="ltr"><span class="parallel-lang">Nederlands · translation, not authentic</span><div class="provision" data-citation="art. 1(2)">`,
		`href="../../../nl/articles/1/#art_1__para_2__point_a"`,
	)
	// Each language's text names its source.
	mustContain(t, "article 1 side by side", page,
		`<p><strong lang="en" dir="ltr">English</strong>: Test source. Taken from <code>example/repo</code>, file <code>treaty.md</code>`,
		`<p><strong lang="nl" dir="ltr">Nederlands</strong>: <span lang="nl">Testbron</span>. Taken from <code>example/repo</code>, file <code>treaty-nl.md</code>`,
	)
	if strings.Count(page, "Small things") != 1 {
		t.Errorf("article 1's (2)(a) appears %d times side by side, want once", strings.Count(page, "Small things"))
	}

	// Article 2 has no Dutch: its columns are the languages that have it.
	langs = nil
	for _, m := range parallelCell.FindAllStringSubmatch(files["articles/2/parallel/index.html"], 3) {
		langs = append(langs, m[1])
	}
	if want := []string{"en", "ar", "zh"}; !slices.Equal(langs, want) {
		t.Errorf("the first row of article 2 has cells in %q, want %q", langs, want)
	}

	// Article 3 is in English only: no page, and no link to one.
	if _, ok := files["articles/3/parallel/index.html"]; ok {
		t.Errorf("article 3, in English only, has languages side by side")
	}
	mustNotContain(t, "article 3", files["articles/3/index.html"], "parallel/")
	mustContain(t, "article 1", files["articles/1/index.html"], `<a href="parallel/">Languages side by side</a>`)
	mustContain(t, "Dutch article 1", files["nl/articles/1/index.html"], `<a href="parallel/">Talen naast elkaar</a>`)
	mustContain(t, "Dutch article 1 side by side", files["nl/articles/1/parallel/index.html"], `<h1>Artikel 1. Toepassingsgebied: talen naast elkaar</h1>`)
}
