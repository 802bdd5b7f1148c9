package e2e

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"protosite/site/build"
)

// serveSplitComparison builds the real content with a comparison limit
// below article 6's national provisions, so that its comparison is split
// by country, and serves it.
func serveSplitComparison(t *testing.T) *httptest.Server {
	t.Helper()
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if err := os.CopyFS(content, os.DirFS(contentDir)); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join(content, "site.yaml")
	src, err := os.ReadFile(settings)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(settings, append(src, "\ncomparison_limit: 20\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if _, err := build.Build(content, out); err != nil {
		t.Fatalf("building: %v", err)
	}
	return serveDir(t, out)
}

// TestCompareSplitByCountry follows a comparison split by country in the
// browser: the overview lists the countries, each link leads to a page
// showing that country's provisions and no other's, with no filter to
// hide them, and the breadcrumb leads back.
func TestCompareSplitByCountry(t *testing.T) {
	t.Parallel()
	srv := serveSplitComparison(t)
	b := newBrowser(t)
	tab := newTab(t, b)
	overview := srv.URL + "/articles/6/compare/"
	do(t, tab, "opening "+overview, chromedp.Navigate(overview))
	if n := eval[int](t, tab, `document.querySelectorAll(".compare-national li[data-country]").length`); n != 0 {
		t.Errorf("the overview lists %d national provisions, want none", n)
	}
	if eval[bool](t, tab, filterShown) {
		t.Error("the overview shows a country filter")
	}
	countries := eval[[]string](t, tab, `[...document.querySelectorAll(".compare-countries a")].map(a => a.textContent)`)
	if len(countries) < 10 {
		t.Fatalf("the overview links to %d countries, want every country of article 6's laws (at least 10)", len(countries))
	}
	clickAndWaitForLoad(t, tab, chromedp.CSS(`.compare-countries li:nth-child(2) a`))
	path := eval[string](t, tab, `location.pathname`)
	if path != "/articles/6/compare/can/" {
		t.Fatalf("the second country's link leads to %s, want /articles/6/compare/can/ (Canada)", path)
	}
	rows := eval[countryRows](t, tab, readCountryRows)
	if rows.Shown["CAN"] == 0 || len(rows.Shown) != 1 || len(rows.Hidden) != 0 {
		t.Errorf("Canada's page shows %v and hides %v, want Canada's provisions alone, all shown", rows.Shown, rows.Hidden)
	}
	if eval[bool](t, tab, filterShown) {
		t.Error("a country's page shows a country filter")
	}
	if got := eval[string](t, tab, `document.querySelector("h1").textContent`); got != "Article 6. Criminalization: compared with national law, Canada" {
		t.Errorf("Canada's page is headed %q", got)
	}
	clickAndWaitForLoad(t, tab, chromedp.CSS(`.breadcrumb li:nth-last-child(2) a`))
	if got := eval[string](t, tab, `location.pathname`); got != "/articles/6/compare/" {
		t.Errorf("the breadcrumb leads to %s, want the overview", got)
	}
	auditSplitPages(t, b, srv.URL)
}

// auditSplitPages runs axe-core on the overview and a country's page.
func auditSplitPages(t *testing.T, b context.Context, base string) {
	axe := axeSource(t)
	for _, p := range []string{"/articles/6/compare/", "/articles/6/compare/can/", "/nl/articles/6/compare/can/"} {
		tab := newTab(t, b)
		do(t, tab, "opening "+p, chromedp.Navigate(base+p))
		run(t, tab, "injecting axe-core", chromedp.Evaluate[chromedp.Void](axe+"\n;undefined"))
		ctx, cancel := context.WithTimeout(tab, axeTimeout)
		violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](runAxe, chromedp.EvalAwaitPromise))
		cancel()
		if err != nil {
			t.Fatalf("running axe on %s: %v", p, err)
		}
		for _, v := range violations {
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("%s: %s (%s): %s; elements: %v", p, v.ID, v.Impact, v.Help, v.Targets)
			}
		}
	}
}
