package server

import (
	"encoding/json"
	"html"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"protosite/site/search"
)

// searchPage is a search page as site/render writes one, for a language:
// its form names the language, carries the interface strings and the
// languages' names, and offers to search every language.
func searchPage(lang, ui string) string {
	langs := `{"en":{"name":"English","dir":"ltr"},"nl":{"name":"Nederlands","dir":"ltr"}}`
	return `<!DOCTYPE html><html lang="` + lang + `"><body>` +
		`<form class="search-page-form" role="search" action="./" method="get" id="search-form" data-lang="` + lang + `" data-langs="` + html.EscapeString(langs) + `" data-ui="` + html.EscapeString(ui) + `">` +
		`<input type="search" name="q" id="search-q"><input type="checkbox" name="lang" value="all" id="search-all"></form>` +
		`<p id="search-status" role="status"></p><div id="search-facets"></div><ol id="search-results"></ol></body></html>`
}

// dutchUI are the Dutch strings of templates/i18n/nl.yaml that the server
// writes.
const dutchUI = `{"search_facet_article":"Artikel","search_facet_country":"Land","search_facet_kind":"Soort","search_facet_year":"Jaar","search_failed":"Zoeken is mislukt; probeer het opnieuw.","search_no_results":"Geen resultaten voor “{text}”.","search_results":{"one":"{n} resultaat.","other":"{n} resultaten."}}`

// serveBilingual serves a site with search pages in English and Dutch and
// an index of both.
func serveBilingual(t *testing.T) *Handler {
	t.Helper()
	dir := writeTree(t, map[string]string{
		"search/index.html":    searchPage("en", `{"search_results":{"one":"{n} result.","other":"{n} results."}}`),
		"nl/search/index.html": searchPage("nl", dutchUI),
	})
	docs := []search.Doc{
		{ID: "/articles/6/#a", URL: "/articles/6/#a", Kind: "provision", Title: "art. 6(1)(a)", Text: "The smuggling of migrants.", Articles: []string{"6"}, Lang: "en"},
		{ID: "/articles/6/#b", URL: "/articles/6/#b", Kind: "provision", Title: "art. 6(1)(b)", Text: "Producing a fraudulent travel document.", Articles: []string{"6"}, Lang: "en"},
		{ID: "/nl/articles/6/#a", URL: "/nl/articles/6/#a", Kind: "provision", Title: "art. 6(1)(a)", Text: "Het smokkelen van migranten.", Articles: []string{"6"}, Lang: "nl"},
		{ID: "/nl/articles/10/#c", URL: "/nl/articles/10/#c", Kind: "provision", Title: "art. 10(1)(c)", Text: "De authenticiteit van reisdocumenten.", Articles: []string{"10"}, Lang: "nl"},
		{ID: "/nl/articles/14/#a", URL: "/nl/articles/14/#a", Kind: "provision", Title: "art. 14(2)(a)", Text: "De kwaliteit van reisdocumenten.", Articles: []string{"14"}, Lang: "nl"},
	}
	if _, err := search.BuildStatic(filepath.Join(dir, filepath.FromSlash(search.IndexDir)), docs); err != nil {
		t.Fatal(err)
	}
	return serveDir(t, dir)
}

func TestSearchAPILanguages(t *testing.T) {
	h := serveBilingual(t)
	type answer struct {
		Lang  string `json:"lang"`
		Total int    `json:"total"`
		Hits  []struct {
			URL  string `json:"url"`
			Lang string `json:"lang"`
		} `json:"hits"`
		Error string `json:"error"`
	}
	ask := func(query string, status int) answer {
		t.Helper()
		rec := get(t, h, "GET", "/api/search?"+query)
		var a answer
		if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
			t.Fatalf("GET /api/search?%s: %v: %s", query, err, rec.Body)
		}
		if rec.Code != status {
			t.Errorf("GET /api/search?%s: status %d, want %d: %s", query, rec.Code, status, rec.Body)
		}
		return a
	}
	if a := ask("q=reisdocument&lang=nl", http.StatusOK); a.Total != 2 || a.Lang != "nl" || a.Hits[0].Lang != "nl" || a.Hits[1].Lang != "nl" {
		t.Errorf("reisdocument in Dutch: %+v, want the two Dutch provisions", a)
	}
	if a := ask("q=reisdocument", http.StatusOK); a.Total != 0 || a.Lang != "en" {
		t.Errorf("reisdocument in the default language: %+v, want no results in English", a)
	}
	if a := ask("q=smuggling&lang=en", http.StatusOK); a.Total != 1 || a.Hits[0].URL != "/articles/6/#a" {
		t.Errorf("smuggling in English: %+v, want art. 6(1)(a) alone", a)
	}
	if a := ask("q=migrants+migranten&lang=all", http.StatusOK); a.Total != 2 || a.Lang != "all" || a.Hits[0].Lang == a.Hits[1].Lang {
		t.Errorf("migrants in every language: %+v, want one English and one Dutch result", a)
	}
	for _, lang := range []string{"xx", "NL", "../nl", "all%20"} {
		if a := ask("q=migrants&lang="+lang, http.StatusBadRequest); !strings.Contains(a.Error, "en, nl") {
			t.Errorf("lang=%s: error %q, want one naming the languages", lang, a.Error)
		}
	}
}

func TestSearchPageLanguages(t *testing.T) {
	h := serveBilingual(t)
	page := func(target string, status int) string {
		t.Helper()
		rec := get(t, h, "GET", target)
		if rec.Code != status {
			t.Errorf("GET %s: status %d, want %d", target, rec.Code, status)
		}
		return rec.Body.String()
	}
	mustHave := func(target, body string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s: no %s in\n%s", target, w, body)
			}
		}
	}

	// The Dutch page searches Dutch, and says so in Dutch.
	u := "/nl/search/?q=reisdocument"
	body := page(u, http.StatusOK)
	mustHave(u, body, `>2 resultaten.</p>`, `<a href="../articles/10/?hl=reisdocument#c">art. 10(1)(c)</a>`, `<h2>Artikel</h2>`)
	if strings.Contains(body, "hit-lang") || strings.Contains(body, " checked") {
		t.Errorf("GET %s: Dutch results on the Dutch page are labelled, or every language is checked:\n%s", u, body)
	}
	u = "/nl/search/?q=smuggling"
	mustHave(u, page(u, http.StatusOK), `>Geen resultaten voor “smuggling”.</p>`)

	// Every language from the English page: the Dutch result labelled.
	u = "/search/?q=migrants+migranten&lang=all"
	body = page(u, http.StatusOK)
	mustHave(u, body, `>2 results.</p>`, `id="search-all" checked>`,
		`<a href="../nl/articles/6/?hl=migrants+migranten#a" lang="nl" dir="ltr" hreflang="nl">art. 6(1)(a)</a> <span class="hit-kind">provision</span> <span class="hit-lang" lang="nl" dir="ltr">Nederlands</span>`,
		`<a href="?article=6&amp;lang=all&amp;q=migrants+migranten">6</a> (2)`)
	u = "/search/?q=migranten"
	mustHave(u, page(u, http.StatusOK), `>No results for &#34;migranten&#34;.</p>`)

	// A refused request: the page's words for it (English here, where the
	// page carries none), then the search's own, marked as English.
	u = "/search/?q=migrants&lang=xx"
	mustHave(u, page(u, http.StatusBadRequest), `>Search error: <span lang="en" dir="ltr">Lang must be all or one of the languages searched: en, nl.</span></p>`)
	u = "/nl/search/?q=migranten&from=x"
	mustHave(u, page(u, http.StatusBadRequest), `<span lang="en" dir="ltr">From must be a whole number.</span>`)
}
