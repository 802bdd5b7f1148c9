package e2e

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestStaticSearchAtSubPath serves the built site with a plain static file
// server below a sub-path, as any static host would, with no protosite
// process: the search page finds the provisions with the static index, in
// the browser, with facets.
func TestStaticSearchAtSubPath(t *testing.T) {
	t.Parallel()
	dir := sharedSite(t)
	mux := http.NewServeMux()
	mux.Handle("/sub/path/", http.StripPrefix("/sub/path/", http.FileServer(http.Dir(dir))))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	tab := newTab(t, newBrowser(t))

	u := srv.URL + "/sub/path/search/?q=fraudulent+travel+document"
	do(t, tab, "opening "+u, chromedp.Navigate(u))
	if !settle(t, tab, `document.querySelectorAll("#search-results > li").length >= 3`, true) {
		t.Fatalf("%s shows %d results, want at least 3", u, eval[int](t, tab, `document.querySelectorAll("#search-results > li").length`))
	}
	if eval[bool](t, tab, `document.getElementById("search-results").hasAttribute("data-server")`) {
		t.Fatal("the results were rendered by a server; this host is a plain file server")
	}
	links := eval[[]string](t, tab, `[...document.querySelectorAll("#search-results > li")].slice(0, 5).map(li => li.querySelector("a").href)`)
	var fragments []string
	for _, l := range links {
		p, err := url.Parse(l)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(p.Path, "/sub/path/") {
			t.Errorf("result link %s leaves the sub-path", l)
		}
		fragments = append(fragments, p.Fragment)
	}
	for _, want := range []string{"art_6__para_1__point_b__point_i", "art_3__point_c"} {
		if !slices.Contains(fragments, want) {
			t.Errorf("the first five results lead to %q, want #%s among them", fragments, want)
		}
	}
	if n := eval[int](t, tab, `document.querySelectorAll("#search-facets a, #search-facets button").length`); n == 0 {
		t.Error("no facets are shown")
	}

	// A query that matches nothing says so.
	none := srv.URL + "/sub/path/search/?q=zqxjvw"
	do(t, tab, "opening "+none, chromedp.Navigate(none))
	if !settle(t, tab, `(document.getElementById("search-status")?.textContent ?? "").includes("No results")`, true) {
		t.Errorf("a query with no results shows status %q", eval[string](t, tab, `document.getElementById("search-status")?.textContent ?? ""`))
	}
}
