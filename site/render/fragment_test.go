package render

import (
	"os"
	"strings"
	"testing"

	"protosite/site/content"
	"protosite/site/resolve"
)

// TestFragmentsAreExact plans every page of the real content, in every
// language, and checks that each header fragment the cache gives it is
// what executing the fragment for that very page makes: a page that shares
// a key with another must render the same. It fails, for instance, when
// the header links to a page missing from layoutTargets.
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
	pages := r.plan(s, g, langs, Options{})
	keys := map[string]bool{}
	for _, p := range pages {
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
	// The cache is worth having only if pages share fragments.
	if len(keys) > len(pages) {
		t.Errorf("%d pages have %d fragment keys: pages share none", len(pages), len(keys))
	}
}
