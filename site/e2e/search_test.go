package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
)

// bypassCSP makes the tab ignore the pages' Content-Security-Policy, so
// that markup injected into a page would run, as it would on a host that
// sends no such header; it must come before the navigation.
var bypassCSP = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	_, err := cdp.Call(ctx, t, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
	return err
})

// get fetches u and returns its status and body.
func get(t *testing.T, u string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return resp.StatusCode, body
}

// searchPage is what a search page shows.
type searchPage struct {
	Server string   `json:"server"` // data-server of the results list
	Status string   `json:"status"` // text of #search-status
	Value  string   `json:"value"`  // value of the search box
	Links  []string `json:"links"`  // first link of each result, absolute
	Facets int      `json:"facets"` // links in #search-facets
}

const readSearchPage = `(() => {
	const list = document.getElementById("search-results");
	return {
		server: list?.getAttribute("data-server") ?? "",
		status: document.getElementById("search-status")?.textContent ?? "",
		value: document.getElementById("search-q")?.value ?? "",
		links: [...(list?.children ?? [])].filter(li => li.tagName === "LI").map(li => li.querySelector("a")?.href ?? ""),
		facets: document.querySelectorAll("#search-facets a").length,
	};
})()`

// TestSearchPageServed checks the search page protosite serve renders:
// results without JavaScript, the same as the search API's, a message when
// nothing matches, and markup in a query escaped everywhere.
func TestSearchPageServed(t *testing.T) {
	t.Parallel()
	srv := sharedServer(t)
	b := newBrowser(t)

	t.Run("results without JavaScript", func(t *testing.T) {
		const q = "fraudulent travel document"
		status, body := get(t, srv.URL+"/api/search?q="+url.QueryEscape(q))
		if status != http.StatusOK {
			t.Fatalf("GET /api/search?q=%s: status %d: %s", q, status, body)
		}
		var api struct {
			Total uint64 `json:"total"`
			Hits  []struct {
				URL string `json:"url"`
			} `json:"hits"`
		}
		if err := json.Unmarshal(body, &api); err != nil {
			t.Fatalf("decoding the search API's answer: %v", err)
		}
		if len(api.Hits) < 3 {
			t.Fatalf("the search API finds %d hits for %q, want at least 3", len(api.Hits), q)
		}

		tab := newTab(t, b)
		u := srv.URL + "/search/?q=" + url.QueryEscape(q)
		do(t, tab, "opening "+u+" without JavaScript", disableScripts, chromedp.Navigate(u))
		got := eval[searchPage](t, tab, readSearchPage)
		if got.Server != "1" {
			t.Errorf(`#search-results has data-server=%q, want "1": the server did not render the results`, got.Server)
		}
		if got.Value != q {
			t.Errorf("the search box holds %q, want the query %q", got.Value, q)
		}
		if want := strconv.FormatUint(api.Total, 10) + " results."; got.Status != want {
			t.Errorf("#search-status reads %q, want %q", got.Status, want)
		}
		if got.Facets == 0 {
			t.Error("#search-facets has no links to refine the results")
		}
		if len(got.Links) != len(api.Hits) {
			t.Fatalf("the page lists %d results, the search API %d", len(got.Links), len(api.Hits))
		}
		for i, l := range got.Links {
			link, err := url.Parse(l)
			if err != nil {
				t.Fatalf("result %d: link %q: %v", i+1, l, err)
			}
			want, err := url.Parse(srv.URL + api.Hits[i].URL)
			if err != nil {
				t.Fatal(err)
			}
			if link.Host != want.Host || link.Path != want.Path || link.Fragment != want.Fragment {
				t.Errorf("result %d links to %s, want the hit %s", i+1, l, api.Hits[i].URL)
			}
			if hl := link.Query().Get("hl"); hl != q {
				t.Errorf("result %d links to %s, with hl=%q: want the query %q", i+1, l, hl, q)
			}
		}
	})

	t.Run("no results", func(t *testing.T) {
		const q = "zqxjvw"
		tab := newTab(t, b)
		u := srv.URL + "/search/?q=" + q
		do(t, tab, "opening "+u+" without JavaScript", disableScripts, chromedp.Navigate(u))
		got := eval[searchPage](t, tab, readSearchPage)
		if want := `No results for "` + q + `".`; got.Status != want {
			t.Errorf("#search-status reads %q, want %q", got.Status, want)
		}
		if len(got.Links) != 0 {
			t.Errorf("the page lists %d results for %q, want none: %q", len(got.Links), q, got.Links)
		}
	})

	t.Run("markup in the query", func(t *testing.T) {
		for _, q := range []string{
			`<script>window.pwned=1</script>`,
			`smuggling "><script>window.pwned=2</script>`,
			`migrants '><img src=x onerror="window.pwned=3">`,
			`fraudulent document</title><script>window.pwned=4</script>`,
		} {
			u := srv.URL + "/search/?q=" + url.QueryEscape(q)
			_, body := get(t, u)
			for _, raw := range []string{"<script>window.pwned", "<img src=x", "</title><script>"} {
				if bytes.Contains(body, []byte(raw)) {
					t.Errorf("GET %s: the page holds %q unescaped", u, raw)
				}
			}
			doc, err := html.Parse(bytes.NewReader(body))
			if err != nil {
				t.Fatalf("parsing %s: %v", u, err)
			}
			for _, e := range elements(doc, func(*html.Node) bool { return true }) {
				for _, a := range e.Attr {
					if strings.HasPrefix(a.Key, "on") {
						t.Errorf("GET %s: <%s> has an event handler attribute %s=%q", u, e.Data, a.Key, a.Val)
					}
				}
				if e.Data == "script" {
					src, _ := attr(e, "src")
					typ, _ := attr(e, "type")
					if src == "" && typ != "application/ld+json" {
						t.Errorf("GET %s: the page has an inline <script>: %s", u, renderNode(e))
					}
				}
			}
			if input := elements(doc, func(e *html.Node) bool { id, _ := attr(e, "id"); return id == "search-q" }); len(input) != 1 {
				t.Errorf("GET %s: %d elements #search-q, want 1", u, len(input))
			} else if v, _ := attr(input[0], "value"); v != q {
				t.Errorf("GET %s: the search box holds %q, want the query %q", u, v, q)
			}

			// In a browser that ignores the Content-Security-Policy, which
			// would block injected scripts on its own.
			tab := newTab(t, b)
			do(t, tab, "opening "+u+" ignoring the CSP", bypassCSP, chromedp.Navigate(u))
			if eval[bool](t, tab, `window.pwned !== undefined`) {
				t.Errorf("%s: markup in the query ran as script", u)
			}
			if got := eval[string](t, tab, `document.getElementById("search-q").value`); got != q {
				t.Errorf("%s: the search box holds %q, want the query %q", u, got, q)
			}
		}
	})
}

// renderNode is the HTML of a node, for messages.
func renderNode(n *html.Node) string {
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		return err.Error()
	}
	return b.String()
}
