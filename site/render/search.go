package render

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"protosite/site/search"
	"protosite/site/urls"
)

// SearchPage is what the search page of a language needs besides the page:
// its form carries it for static/search-page.js and for the server, which
// renders results into the page (site/server).
type SearchPage struct {
	Lang   string // the language the page searches, its own
	UI     string // the search's interface strings (keys js.search_*), as JSON; a count is a map of plural forms
	Langs  string // the languages searched, as JSON: tag → {name, dir}, to label results in another language
	Switch bool   // whether to offer to search every language: more than one has a search page
	Root   string // the way from the page to the site's root, where results' URLs start
	// Problems are the refusals the page says in its language, as JSON:
	// [pattern, key, placeholders] for each of search.Problems.
	Problems string
}

// searchStrings are the keys, after "js.", of the search's interface
// strings; searchCounts are those that are counts.
var (
	searchStrings = []string{"search_searching", "search_no_results", "search_more", "search_load_failed", "search_failed", "search_error", "search_remove_filter", "search_facet_kind", "search_facet_article", "search_facet_country", "search_facet_year",
		"search_query_empty", "search_query_too_long", "search_query_fuzzy", "search_query_regexp", "search_query_wildcard", "search_query_quote", "search_query_number", "search_query_syntax"}
	searchCounts = []string{"search_results"}
)

// planSearch makes the search page of the planner's language.
func (pl *planner) planSearch(opts Options) *Page {
	l := pl.lang
	p := pl.newPage("/search/", "search", l.t("title.search"))
	p.Section = "search"
	p.Description = l.t("description.search")
	p.Scripts = append([]string{"search.js", "search-page.js"}, opts.SearchScripts...)
	data := &SearchPage{Lang: l.Code, Root: urls.Rel(p.URL, "/")}
	type name struct {
		Name string `json:"name"`
		Dir  string `json:"dir"`
	}
	names := map[string]name{}
	for _, code := range slices.Sorted(maps.Keys(l.all)) {
		if o := l.all[code]; o.has("/search/") {
			names[code] = name{Name: cmpOr(o.Name, code), Dir: o.Dir}
		}
	}
	data.Switch = len(names) > 1
	if b, err := json.Marshal(names); err != nil {
		l.fail(fmt.Errorf("encoding the languages of the search page: %w", err))
	} else {
		data.Langs = string(b)
	}
	ui, err := l.searchUI()
	if err != nil {
		l.fail(err)
	}
	data.UI = ui
	if data.Problems, err = problemsJSON(); err != nil {
		l.fail(fmt.Errorf("encoding the search's problems: %w", err))
	}
	p.Data = data
	return p
}

// searchUI encodes the search's interface strings for the search page:
// strings with their placeholders unfilled, and counts as a map of plural
// form (CLDR's zero, one, two, few, many, other) to string, which the
// script picks from with Intl.PluralRules and the server with the same
// rules.
func (l *langView) searchUI() (string, error) {
	m, err := l.jsStrings(searchStrings)
	if err != nil {
		return "", err
	}
	tag, err := language.Parse(l.Code)
	if err != nil {
		return "", fmt.Errorf("language %q: %w", l.Code, err)
	}
	for _, k := range searchCounts {
		forms := map[string]string{}
		for name, n := range pluralSamples(tag) {
			// The last value given for {n} is the one written: the
			// placeholder stays for the script to fill.
			s, err := l.msgs.N("js."+k, n, "n", "{n}")
			if err != nil {
				return "", err
			}
			forms[name] = s
		}
		m[k] = forms
	}
	b, err := json.Marshal(m) // keys sorted, so the output is stable
	return string(b), err
}

// pluralNames are the plural forms as CLDR and Intl.PluralRules name them.
var pluralNames = map[plural.Form]string{
	plural.Zero: "zero", plural.One: "one", plural.Two: "two",
	plural.Few: "few", plural.Many: "many", plural.Other: "other",
}

// pluralSamples returns, for each plural form the language uses for whole
// numbers, the smallest number of that form, as the message files are
// checked (site/i18n).
func pluralSamples(tag language.Tag) map[string]int {
	samples := make([]int, 0, 1002)
	for n := range 1000 {
		samples = append(samples, n)
	}
	out := map[string]int{}
	for _, n := range append(samples, 1000000, 2000000) {
		name := pluralNames[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]
		if _, ok := out[name]; !ok && name != "" {
			out[name] = n
		}
	}
	return out
}

// problemsJSON encodes search.Problems as the search page's script reads
// them.
func problemsJSON() (string, error) {
	var out [][]any
	for _, p := range search.Problems {
		out = append(out, []any{p.Pattern.String(), p.Key, p.Args})
	}
	b, err := json.Marshal(out)
	return string(b), err
}
