package e2e

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// headerGoto is the go-to box in the page header.
const headerGoto = `#header-c`

// typeCitation types a citation into the header's go-to box and presses
// Enter.
func typeCitation(t *testing.T, tab context.Context, citation string) {
	t.Helper()
	do(t, tab, "typing "+citation+" and Enter in the go-to box",
		chromedp.SendKeys(chromedp.CSS(headerGoto), citation),
		chromedp.KeyEvent(kb.Enter))
}

// typeCitationAndWaitForLoad types a citation and waits for the page it
// leads to.
func typeCitationAndWaitForLoad(t *testing.T, tab context.Context, citation string) {
	t.Helper()
	run(t, tab, "typing "+citation+" and Enter in the go-to box, and waiting for the next page",
		chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Steps(
			chromedp.SendKeys(chromedp.CSS(headerGoto), citation),
			chromedp.KeyEvent(kb.Enter))))
}

// gotoCases are citations typed into the go-to box and where they lead;
// noJS marks those also tried without JavaScript, where the server parses
// them (its parser has unit tests of its own).
var gotoCases = []struct {
	citation, path, hash string
	noJS                 bool
}{
	{"6(1)(a)", "/articles/6/", "#art_6__para_1__point_a", true},
	{"art 6.1.a", "/articles/6/", "#art_6__para_1__point_a", false},
	{"article 18", "/articles/18/", "", true},
	{"3(c)(ii)", "/articles/3/", "#art_3__point_c__point_ii", false},
	{"preamble", "/preamble/", "", true},
	{"artikel 6 lid 1 onder a", "/articles/6/", "#art_6__para_1__point_a", true},
	{"статья 18", "/articles/18/", "", false},
}

// TestGotoCitation checks the go-to box in the page header: a citation
// opens its provision, an unknown one says so and stays, and without
// JavaScript protosite serve redirects to the provision.
func TestGotoCitation(t *testing.T) {
	t.Parallel()
	srv := sharedServer(t)
	b := newBrowser(t)
	// Start from a page other than the targets, below the root, so that
	// the relative links are put to the test.
	start := srv.URL + "/articles/1/"

	for _, js := range []bool{true, false} {
		name := "with JavaScript"
		if !js {
			name = "without JavaScript"
		}
		t.Run(name, func(t *testing.T) {
			for _, c := range gotoCases {
				if !js && !c.noJS {
					continue
				}
				t.Run(c.citation, func(t *testing.T) {
					tab := newTab(t, b)
					if js {
						do(t, tab, "opening "+start, chromedp.Navigate(start))
					} else {
						do(t, tab, "opening "+start+" without JavaScript", disableScripts, chromedp.Navigate(start))
					}
					typeCitationAndWaitForLoad(t, tab, c.citation)
					if got := eval[string](t, tab, `location.pathname`); got != c.path {
						t.Errorf("%q leads to path %s, want %s", c.citation, got, c.path)
					}
					if got := eval[string](t, tab, `location.hash`); got != c.hash {
						t.Errorf("%q leads to fragment %q, want %q", c.citation, got, c.hash)
					}
					if c.hash != "" {
						if got := eval[string](t, tab, `document.querySelector(":target")?.id ?? ""`); "#"+got != c.hash {
							t.Errorf("after %q the :target element is %q, want %s", c.citation, got, c.hash[1:])
						}
					}
				})
			}
		})
	}

	t.Run("unknown citation", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening "+start, chromedp.Navigate(start))
		typeCitation(t, tab, "article 99")
		const status = `document.querySelector(".site-header .goto-status")?.textContent ?? ""`
		want := "No provision article 99 in the Protocol."
		if got := settle(t, tab, status, want); got != want {
			t.Errorf("after \"article 99\" the header's .goto-status reads %q, want %q", got, want)
		}
		if got := eval[string](t, tab, `location.href`); got != start {
			t.Errorf("after \"article 99\" the page is %s, want it to stay at %s", got, start)
		}
	})

	t.Run("unknown citation without JavaScript", func(t *testing.T) {
		// The server answers the goto page with the message, and 404.
		u := srv.URL + "/goto/?c=" + url.QueryEscape("article 99")
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want %d", u, resp.StatusCode, http.StatusNotFound)
		}
		tab := newTab(t, b)
		do(t, tab, "opening "+start+" without JavaScript", disableScripts, chromedp.Navigate(start))
		typeCitationAndWaitForLoad(t, tab, "article 99")
		if got := eval[string](t, tab, `location.pathname`); got != "/goto/" {
			t.Errorf("without JavaScript \"article 99\" leads to %s, want the goto page /goto/", got)
		}
		want := "No provision art. 99 in the Protocol."
		if got := eval[string](t, tab, `document.querySelector("main .goto-status")?.textContent ?? ""`); got != want {
			t.Errorf("the goto page's .goto-status reads %q, want %q", got, want)
		}
	})

	t.Run("unknown citation without JavaScript, in Dutch", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening the Dutch article 1 without JavaScript", disableScripts, chromedp.Navigate(srv.URL+"/nl/articles/1/"))
		typeCitationAndWaitForLoad(t, tab, "artikel 99")
		want := "Het Protocol heeft geen bepaling art. 99."
		if got := eval[string](t, tab, `document.querySelector("main .goto-status")?.textContent ?? ""`); got != want {
			t.Errorf("the Dutch goto page's .goto-status reads %q, want %q", got, want)
		}
	})
}
