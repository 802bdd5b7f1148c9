package e2e

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// readingItems lists the citations heading the reading list's items;
// readingItemsCount counts them.
const (
	readingItems      = `[...document.querySelectorAll("#reading-items > li > h2 > a")].map(a => a.textContent)`
	readingItemsCount = `document.querySelectorAll("#reading-items > li").length`
)

// TestReadingList builds a reading list in Chromium: from its address, by
// the form, and by its buttons, checking what it shows and that the
// address keeps the list.
func TestReadingList(t *testing.T) {
	t.Parallel()
	srv, _ := serveRealSite(t)
	b := newBrowser(t)

	t.Run("from the address", func(t *testing.T) {
		tab := newTab(t, b)
		grantClipboard(t, tab, srv.URL)
		do(t, tab, "opening a list", chromedp.Navigate(srv.URL+"/reading/?p=art_6__para_1__point_a,art_3__point_c,preamble__recital_2,art_8&t=Workshop+day+1"))
		want := []string{"art. 6(1)(a)", "art. 3(c)", "preamble, recital 2", "art. 8"}
		if got := eval[[]string](t, tab, readingItems); !slices.Equal(got, want) {
			t.Fatalf("items are %q, want %q", got, want)
		}
		if got := eval[string](t, tab, `document.getElementById("reading-title").textContent`); got != "Workshop day 1" {
			t.Errorf("the list's heading is %q, want its title", got)
		}
		// Each item is the provision's text, subparagraphs included, and
		// its heading leads to the provision's place.
		texts := eval[[]string](t, tab, `[...document.querySelectorAll("#reading-items .reading-text")].map(d => d.textContent.replace(/\s+/g, " "))`)
		for i, w := range []string{"The smuggling of migrants", "That is being used by a person other than the rightful holder", "Recalling General Assembly resolution 54/212", "A State Party that has reasonable grounds to suspect that a vessel"} {
			if i >= len(texts) || !strings.Contains(texts[i], w) {
				t.Errorf("item %d does not contain %q", i+1, w)
			}
		}
		links := eval[[]string](t, tab, `[...document.querySelectorAll("#reading-items > li > h2 > a")].map(a => a.href)`)
		if want := srv.URL + "/articles/6/#art_6__para_1__point_a"; len(links) == 0 || links[0] != want {
			t.Errorf("the first item leads to %q, want %q", links, want)
		}
		// "Copy link" copies the list's address.
		do(t, tab, "clicking Copy link", chromedp.Click(chromedp.CSS(`#reading-share button`)))
		if want := eval[string](t, tab, `location.href`); settle(t, tab, `navigator.clipboard.readText()`, want) != want {
			t.Errorf("Copy link did not copy the list's address %s", want)
		}
		// Copies repeat no id of the page.
		if n := eval[int](t, tab, `(() => { const ids = [...document.querySelectorAll("[id]")].map(e => e.id); return ids.length - new Set(ids).size; })()`); n != 0 {
			t.Errorf("%d ids are repeated on the page", n)
		}
	})

	t.Run("by the form and buttons", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening an empty list", chromedp.Navigate(srv.URL+"/reading/"))
		add := func(citation string) string {
			do(t, tab, "adding "+citation,
				chromedp.SetValue(chromedp.ID("reading-add"), citation),
				chromedp.Click(chromedp.CSS(`#reading-form button[type="submit"]`)))
			return eval[string](t, tab, `document.getElementById("reading-status").textContent`)
		}
		if got, want := add("6(1)(b)(i)"), "Added art. 6(1)(b)(i)."; got != want {
			t.Errorf("adding 6(1)(b)(i) says %q, want %q", got, want)
		}
		add("article 3")
		if got, want := add("6.1.b.i"), "art. 6(1)(b)(i) is already in the list."; got != want {
			t.Errorf("adding it again says %q, want %q", got, want)
		}
		if got, want := add("99"), "No provision 99 in the Protocol."; got != want {
			t.Errorf("adding 99 says %q, want %q", got, want)
		}
		if got := add("six"); !strings.HasPrefix(got, "Not a citation") {
			t.Errorf("adding \"six\" says %q, want it to say it is not a citation", got)
		}
		do(t, tab, "moving art. 3 up", chromedp.Click(chromedp.Search(`//button[@aria-label="Move up: art. 3"]`)))
		if got, want := eval[[]string](t, tab, readingItems), []string{"art. 3", "art. 6(1)(b)(i)"}; !slices.Equal(got, want) {
			t.Errorf("after moving art. 3 up, items are %q, want %q", got, want)
		}
		do(t, tab, "naming the list", chromedp.SendKeys(chromedp.ID("reading-name"), "Day 2"))
		address, err := url.Parse(eval[string](t, tab, `location.href`))
		if err != nil {
			t.Fatal(err)
		}
		if got := address.Query(); got.Get("p") != "art_3,art_6__para_1__point_b__point_i" || got.Get("t") != "Day 2" {
			t.Errorf("the address is %s, want it to hold the list and its title", address)
		}
		do(t, tab, "removing art. 3", chromedp.Click(chromedp.Search(`//button[@aria-label="Remove art. 3"]`)))
		if got, want := eval[[]string](t, tab, readingItems), []string{"art. 6(1)(b)(i)"}; !slices.Equal(got, want) {
			t.Errorf("after removing art. 3, items are %q, want %q", got, want)
		}
	})

	// The script names each provision by its citation, as the build does:
	// every provision of the treaty, named in the address, must show.
	t.Run("every provision", func(t *testing.T) {
		ids := provisionIDsOfBuild(t)
		tab := newTab(t, b)
		do(t, tab, "opening a list of every provision", chromedp.Navigate(srv.URL+"/reading/?p="+strings.Join(ids, ",")))
		if got := eval[int](t, tab, readingItemsCount); got != len(ids) {
			t.Errorf("the list shows %d of %d provisions; status: %q", got, len(ids), eval[string](t, tab, `document.getElementById("reading-status").textContent`))
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening a list without JavaScript", disableScripts, chromedp.Navigate(srv.URL+"/reading/?p=art_6"))
		if got := eval[string](t, tab, `document.querySelector("noscript") ? "yes" : ""`); got == "" {
			t.Fatalf("the page has no message for readers without JavaScript")
		}
		if got := eval[bool](t, tab, `document.getElementById("reading-form").hidden && document.getElementById("reading-source").hidden`); !got {
			t.Errorf("without JavaScript the form or the copy of the treaty shows")
		}
	})
}

var provisionsMap = regexp.MustCompile(`"((?:art_\d+|preamble)(?:__[a-z]+_[0-9a-z]+)*)":`)

// provisionIDsOfBuild lists every provision id of the shared build, from
// the map the go-to box loads.
func provisionIDsOfBuild(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sharedSite(t), "static", "provisions.*.js"))
	if err != nil || len(files) != 1 {
		t.Fatalf("finding provisions.js: %v, %q", err, files)
	}
	src, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range provisionsMap.FindAllStringSubmatch(string(src), -1) {
		ids = append(ids, m[1])
	}
	if len(ids) < 100 {
		t.Fatalf("provisions.js names %d provisions, want the whole treaty", len(ids))
	}
	return ids
}
