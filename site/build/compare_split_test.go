package build

import (
	"io/fs"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// countryEntry is a national provision or a row of the table of elements
// on a comparison page, with its country.
var countryEntry = regexp.MustCompile(`(?s)<(li|tr) data-country="([A-Z]{3})".*?</(?:li|tr)>`)

// upLinks is the start of a relative link that climbs out of the page's
// directory, which differs between pages at different depths.
var upLinks = regexp.MustCompile(`(href|src)="(\.\./)+`)

// entriesByCountry lists a comparison page's national provisions and
// elements rows by country, their links made comparable across depths.
func entriesByCountry(page string) map[string][]string {
	out := map[string][]string{}
	for _, m := range countryEntry.FindAllStringSubmatch(page, -1) {
		out[m[2]] = append(out[m[2]], upLinks.ReplaceAllString(m[0], `$1="`))
	}
	return out
}

// withSetting copies the real content into memory with a line added to
// site.yaml.
func withSetting(t *testing.T, line string) fs.FS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../../content"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile("../../content/" + p)
		fsys[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	fsys["site.yaml"].Data = append(fsys["site.yaml"].Data, "\n"+line+"\n"...)
	return fsys
}

// TestComparisonSplitByCountry lowers the comparison limit below article
// 6's 42 national provisions and 10 analysed laws: its view becomes an
// overview that counts them and a page per country that holds exactly that
// country's part of the single page, in every language, while views under
// the limit stay as they were.
func TestComparisonSplitByCountry(t *testing.T) {
	whole := renderFS(t, os.DirFS("../../content"))
	split := renderFS(t, withSetting(t, "comparison_limit: 20"))

	for _, view := range []string{"articles/3/compare/index.html", "articles/16/compare/index.html", "nl/articles/3/compare/index.html"} {
		if whole[view] == "" || whole[view] != split[view] {
			t.Errorf("%s changed, or is missing, though it lists fewer entries than the limit", view)
		}
	}
	for _, prefix := range []string{"", "nl/"} {
		overview := split[prefix+"articles/6/compare/index.html"]
		want := entriesByCountry(whole[prefix+"articles/6/compare/index.html"])
		if len(want) < 10 {
			t.Fatalf("the single comparison page of article 6 lists %d countries, want at least 10", len(want))
		}
		if got := entriesByCountry(overview); len(got) > 0 {
			t.Errorf("%sarticles/6/compare/ lists national provisions of %d countries, want none on an overview", prefix, len(got))
		}
		mustNotContain(t, prefix+"articles/6/compare/", overview, `id="compare-filter"`, `table class="elements"`)
		var pages []string
		for path := range split {
			if rest, ok := strings.CutPrefix(path, prefix+"articles/6/compare/"); ok && rest != "index.html" {
				pages = append(pages, rest)
			}
		}
		slices.Sort(pages)
		var wantPages []string
		for code := range want {
			wantPages = append(wantPages, strings.ToLower(code)+"/index.html")
		}
		slices.Sort(wantPages)
		if !slices.Equal(pages, wantPages) {
			t.Errorf("%sarticles/6/compare/ has pages %v, want one per country: %v", prefix, pages, wantPages)
		}
		for _, code := range slices.Sorted(maps.Keys(want)) {
			slug := strings.ToLower(code)
			page := split[prefix+"articles/6/compare/"+slug+"/index.html"]
			got := entriesByCountry(page)
			if !slices.Equal(got[code], want[code]) {
				t.Errorf("%sarticles/6/compare/%s/ lists %d entries of %s, want the %d of the single page, identical", prefix, slug, len(got[code]), code, len(want[code]))
			}
			if len(got) != 1 {
				t.Errorf("%sarticles/6/compare/%s/ lists entries of %d countries, want %s alone", prefix, slug, len(got), code)
			}
			mustContain(t, prefix+"articles/6/compare/"+slug+"/", page, `<a href="../">`, `aria-current="page">`)
			mustNotContain(t, prefix+"articles/6/compare/"+slug+"/", page, `id="compare-filter"`)
			mustContain(t, prefix+"articles/6/compare/", overview, `<a href="`+slug+`/">`)
		}
	}
	overview := split["articles/6/compare/index.html"]
	mustContain(t, "articles/6/compare/", overview, "42 national provisions · 12 countries.", "Canada</a> <span class=\"muted\">5 national provisions</span>")
	mustContain(t, "nl/articles/6/compare/", split["nl/articles/6/compare/index.html"], "42 nationale bepalingen · 12 landen.")
}
