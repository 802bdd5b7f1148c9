package e2e

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// searchHits is what a search page shows of its results.
type searchHits struct {
	Status string     `json:"status"` // text of #search-status
	Query  string     `json:"query"`  // the page's address's query
	All    bool       `json:"all"`    // whether "search all languages" is checked
	Hits   []shownHit `json:"hits"`
}

// shownHit is one result as the page shows it.
type shownHit struct {
	Path  string `json:"path"`  // the path of its link, from the site's root
	Lang  string `json:"lang"`  // the lang attribute of its link
	Label string `json:"label"` // its language label, if any
	Title string `json:"title"`
}

const readSearchHits = `(() => ({
	status: document.getElementById("search-status")?.textContent ?? "",
	query: location.search,
	all: document.getElementById("search-all")?.checked ?? false,
	hits: [...document.querySelectorAll("#search-results > li")].map(li => {
		const a = li.querySelector("a");
		return { path: new URL(a.href).pathname, lang: a.lang, label: li.querySelector(".hit-lang")?.textContent ?? "", title: a.textContent };
	}),
}))()`

// dutchTreaty is the path of a page of the Dutch Protocol, the translated
// content, served at the root or below /sub/.
var dutchTreaty = regexp.MustCompile(`^(/sub)?/nl/(articles/\d+|preamble|testimonium)/$`)

// checkDutchHits checks that a search shows Dutch results alone, on Dutch
// pages, unlabelled, with a status in Dutch.
func checkDutchHits(t *testing.T, got searchHits) {
	t.Helper()
	if len(got.Hits) < 2 {
		t.Fatalf("the Dutch search shows %d results (%q), want Dutch provisions", len(got.Hits), got.Status)
	}
	for _, h := range got.Hits {
		if !dutchTreaty.MatchString(h.Path) || h.Label != "" || h.Lang != "" {
			t.Errorf("the Dutch search shows %+v: want a page of the Dutch Protocol, not labelled with a language", h)
		}
	}
	if !strings.HasSuffix(got.Status, " resultaten.") {
		t.Errorf("the status reads %q, want a count of results in Dutch", got.Status)
	}
}

// checkAllHits checks that a search of every language from a Dutch page
// shows Dutch results unlabelled and English ones labelled English.
func checkAllHits(t *testing.T, got searchHits) {
	t.Helper()
	var dutch, english int
	for _, h := range got.Hits {
		switch {
		case dutchTreaty.MatchString(h.Path):
			dutch++
			if h.Label != "" {
				t.Errorf("Dutch result %s on the Dutch page is labelled %q", h.Path, h.Label)
			}
		default:
			english++
			if strings.Contains(h.Path, "/nl/") {
				t.Errorf("result %s is a Dutch page, but not of the Dutch Protocol, which alone is translated", h.Path)
			}
			if h.Label != "English" || h.Lang != "en" {
				t.Errorf("English result %s on the Dutch page is labelled %q, lang %q; want English, en", h.Path, h.Label, h.Lang)
			}
		}
	}
	if dutch == 0 || english == 0 {
		t.Errorf("every language shows %d Dutch and %d English results, want both: %+v", dutch, english, got.Hits)
	}
	if q, _ := url.ParseQuery(strings.TrimPrefix(got.Query, "?")); q.Get("lang") != "all" || !got.All {
		t.Errorf("every language: the address's query is %s and the switch checked %v; want lang=all, checked", got.Query, got.All)
	}
}

// TestSearchInDutch types a Dutch query on the Dutch search page, which
// searches the Dutch documents with the static index, then switches to
// every language; and does the same without JavaScript under protosite
// serve.
func TestSearchInDutch(t *testing.T) {
	t.Parallel()
	b := newBrowser(t)
	// "smokkelen" is Dutch alone; "Protocol" is Dutch and English.
	const q = "smokkelen Protocol"

	t.Run("static", func(t *testing.T) {
		dir := sharedSite(t)
		mux := http.NewServeMux()
		mux.Handle("/sub/", http.StripPrefix("/sub/", http.FileServer(http.Dir(dir))))
		srv := httptest.NewServer(mux)
		t.Cleanup(srv.Close)
		tab := newTab(t, b)
		do(t, tab, "opening the Dutch search page", chromedp.Navigate(srv.URL+"/sub/nl/search/"))
		do(t, tab, "typing "+q, chromedp.SendKeys(chromedp.CSS("#search-q"), q))
		settle(t, tab, `document.getElementById("search-status").textContent.endsWith("resultaten.")`, true)
		got := eval[searchHits](t, tab, readSearchHits)
		checkDutchHits(t, got)
		if strings.Contains(got.Query, "lang=") || got.All {
			t.Errorf("the Dutch search's address is %s with the switch checked %v: want its own language", got.Query, got.All)
		}

		do(t, tab, "switching to every language", chromedp.Click(chromedp.CSS("#search-all")))
		settle(t, tab, `!![...document.querySelectorAll("#search-results .hit-lang")].length`, true)
		checkAllHits(t, eval[searchHits](t, tab, readSearchHits))

		// The address keeps the choice.
		do(t, tab, "reloading", chromedp.Reload())
		settle(t, tab, `!![...document.querySelectorAll("#search-results .hit-lang")].length`, true)
		checkAllHits(t, eval[searchHits](t, tab, readSearchHits))
	})

	t.Run("served without JavaScript", func(t *testing.T) {
		srv := sharedServer(t)
		tab := newTab(t, b)
		u := srv.URL + "/nl/search/?q=" + url.QueryEscape(q)
		do(t, tab, "opening "+u+" without JavaScript", disableScripts, chromedp.Navigate(u))
		checkDutchHits(t, eval[searchHits](t, tab, readSearchHits))
		do(t, tab, "checking every language", chromedp.Click(chromedp.CSS("#search-all")))
		clickAndWaitForLoad(t, tab, chromedp.CSS(`#search-form button[type="submit"]`))
		checkAllHits(t, eval[searchHits](t, tab, readSearchHits))
		if got := eval[string](t, tab, `document.documentElement.lang`); got != "nl" {
			t.Errorf("the page searching every language has lang %q, want nl", got)
		}
	})
}

// readSearchProblem reads the status line of a search page and the part
// of it marked as English.
const readSearchProblem = `(() => {
	const status = document.getElementById("search-status");
	const en = status?.querySelector('span[lang="en"]');
	return [status?.textContent ?? "", en?.textContent ?? "", en?.dir ?? ""];
})()`

// TestSearchRefusedInDutch checks that a query the search refuses is
// reported on the Dutch search page in Dutch, with the static index and,
// without JavaScript, under protosite serve; and that a refusal the page
// has no words for is given in the search's own English words after the
// Dutch lead, marked as English.
func TestSearchRefusedInDutch(t *testing.T) {
	t.Parallel()
	b := newBrowser(t)
	cases := []struct{ q, want, english string }{
		{`"smokkel`, "Zoekfout: Een aanhalingsteken is niet gesloten.", ""},
		{"smokkel~", "Zoekfout: Vaag zoeken (~) wordt niet ondersteund.", ""},
		{strings.Repeat("smokkel ", 64), "Zoekfout: De zoekopdracht is 512 bytes lang; ze mag ten hoogste 500 bytes lang zijn.", ""},
	}
	check := func(t *testing.T, q string, got []string, want, english string) {
		t.Helper()
		wantDir := ""
		if english != "" {
			wantDir = "ltr"
		}
		if len(got) != 3 || got[0] != want || got[1] != english || got[2] != wantDir {
			t.Errorf("for %q the status line reads %q: want %q, with %q marked as English", q, got, want, english)
		}
	}

	t.Run("static", func(t *testing.T) {
		dir := sharedSite(t)
		srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
		t.Cleanup(srv.Close)
		for _, c := range cases {
			tab := newTab(t, b)
			do(t, tab, "opening the Dutch search page", chromedp.Navigate(srv.URL+"/nl/search/"))
			// All but the last character are set at once, the last typed: a
			// key at a time, a query of 512 characters takes some 1,500
			// DevTools round trips, too slow for one step on a busy machine.
			last := len(c.q) - 1
			do(t, tab, "typing "+c.q,
				chromedp.SetValue(chromedp.CSS("#search-q"), c.q[:last]),
				chromedp.SendKeys(chromedp.CSS("#search-q"), c.q[last:]))
			// SetValue reports its input too, and a query of 511 bytes is
			// refused as well: wait for the answer to the whole query.
			settle(t, tab, `document.getElementById("search-status").textContent === `+strconv.Quote(c.want), true)
			check(t, c.q, eval[[]string](t, tab, readSearchProblem), c.want, c.english)
		}
	})

	t.Run("served without JavaScript", func(t *testing.T) {
		srv := sharedServer(t)
		refused := append(cases, struct{ q, want, english string }{
			// A filter only a hand-made address can hold: the page has
			// no words of its own for it.
			"smokkel&kind=" + strings.Repeat("x", 65), "", "The kind filter is not a valid value.",
		})
		refused[len(refused)-1].want = "Zoekfout: " + refused[len(refused)-1].english
		for _, c := range refused {
			tab := newTab(t, b)
			u := srv.URL + "/nl/search/?q=" + url.QueryEscape(c.q)
			if q, filter, ok := strings.Cut(c.q, "&"); ok {
				u = srv.URL + "/nl/search/?q=" + url.QueryEscape(q) + "&" + filter
			}
			do(t, tab, "opening "+u+" without JavaScript", disableScripts, chromedp.Navigate(u))
			check(t, c.q, eval[[]string](t, tab, readSearchProblem), c.want, c.english)
		}
	})
}
