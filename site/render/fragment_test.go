package render

import (
	"os"
	"strings"
	"testing"

	"protosite/site/content"
	"protosite/site/resolve"
)

// TestFragmentsAreExact plans every page of the real content, in every
// language and with article 6's comparison split by country, and checks
// that each part the cache gives a page (the header's, a comparison row's
// treaty side) is what executing its template for that very page makes:
// a page that shares a key with another must render the same.
func TestFragmentsAreExact(t *testing.T) {
	s, err := content.Load(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := resolve.Resolve(s)
	if err != nil {
		t.Fatal(err)
	}
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	langs, err := r.newLangViews(s)
	if err != nil {
		t.Fatal(err)
	}
	s.Config.ComparisonLimit = 20
	pages := r.plan(s, g, langs, Options{})
	keys := map[string]bool{}
	cells, shared := 0, map[string]bool{}
	for _, p := range pages {
		if c, ok := p.Data.(*Comparison); ok {
			for _, row := range c.Rows {
				cached, err := p.TreatyCell(c, row)
				if err != nil {
					t.Fatal(err)
				}
				var own strings.Builder
				if err := p.lang.tmpl[p.template].ExecuteTemplate(&own, "compare-treaty", treatyCell{Page: p, Comparison: c, Article: p.In(c.Article), Row: row}); err != nil {
					t.Fatal(err)
				}
				if string(cached) != own.String() {
					t.Errorf("%s: the cached treaty side of %s differs from the page's own:\n%s\nwant:\n%s", p.URL, row.ID, cached, own.String())
				}
				cells++
				shared[p.Lang.Code+string(cached)] = true
			}
		}
		for _, name := range []string{"header-tools", "site-nav"} {
			cached, err := p.Fragment(name)
			if err != nil {
				t.Fatal(err)
			}
			var own strings.Builder
			if err := p.lang.tmpl[p.template].ExecuteTemplate(&own, name, p); err != nil {
				t.Fatal(err)
			}
			if string(cached) != own.String() {
				t.Errorf("%s: the cached %s differs from the page's own:\n%s\nwant:\n%s", p.URL, name, cached, own.String())
			}
			keys[p.Lang.Code+"\x00"+p.fragmentKey(name)] = true
		}
	}
	// The cache is worth having only if pages share what it holds.
	if len(keys) > len(pages) {
		t.Errorf("%d pages have %d fragment keys: pages share none", len(pages), len(keys))
	}
	if cells == 0 || len(shared) > cells/2 {
		t.Errorf("comparison pages show %d treaty sides, %d of them different: pages share few", cells, len(shared))
	}
}
