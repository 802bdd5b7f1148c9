package build

import (
	"regexp"
	"strings"
	"testing"
)

// The reading list page carries a copy of the treaty for its script: every
// part, named by its id and citation and linked to its page, with the
// provisions' citations but none of their ids.
func TestReadingListCopiesTheTreaty(t *testing.T) {
	files := renderSite(t, twoArticles)
	page := files["reading/index.html"]
	source, ok := strings.CutPrefix(page[strings.Index(page, `<div id="reading-source" hidden>`):], `<div id="reading-source" hidden>`)
	if !ok {
		t.Fatalf("reading/index.html has no copy of the treaty")
	}
	mustContain(t, "the reading list's copy", source,
		`<section data-ref="art_1" data-citation="art. 1" data-url="../articles/1/" data-title="Article 1. Scope">`,
		`<section data-ref="art_2" data-citation="art. 2" data-url="../articles/2/" data-title="Article 2. Criminalization">`,
		`<div class="provision" data-citation="art. 2(1)(b)">`,
		// A cross-reference in the copy leads from the reading list's page.
		`href="../articles/2/#art_2__para_1__point_b"`,
	)
	if ids := regexp.MustCompile(`\sid="[^"]*"`).FindAllString(source, -1); len(ids) > 0 {
		t.Errorf("the copy repeats ids of the treaty's pages: %q", ids)
	}
	mustContain(t, "the modules page", files["modules/index.html"], `<a href="../reading/">Reading list:`)
}
