package server

import (
	"bytes"
	"encoding/json"
	"html"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"protosite/site/search"
)

// searchForm is what the search page's form says about the page (see
// site/render's SearchPage): the language it searches, the interface
// strings in the page's language, and the names of the languages, to
// label results in another language. A page built without them reads as
// English.
type searchForm struct {
	lang  string                     // data-lang: the page's language
	ui    map[string]json.RawMessage // data-ui: key → string, or count → plural form → string
	langs map[string]langName        // data-langs: tag → name
}

// langName is a language's name in itself and its direction.
type langName struct {
	Name string `json:"name"`
	Dir  string `json:"dir"`
}

// englishSearch are the strings of a page that carries none.
var englishSearch = map[string]string{
	"search_failed":        "Search failed; try again.",
	"search_error":         "Search error:",
	"search_no_results":    `No results for "{text}".`,
	"search_facet_kind":    "Kind",
	"search_facet_article": "Article",
	"search_facet_country": "Country",
	"search_facet_year":    "Year",
}

// readSearchForm reads the search form's attributes from the page.
func readSearchForm(page []byte) *searchForm {
	f := &searchForm{}
	tag := startTag(page, "search-form")
	f.lang, _ = attrOf(tag, "data-lang")
	if s, ok := attrOf(tag, "data-ui"); ok {
		_ = json.Unmarshal([]byte(s), &f.ui)
	}
	if s, ok := attrOf(tag, "data-langs"); ok {
		_ = json.Unmarshal([]byte(s), &f.langs)
	}
	return f
}

// problem returns, as HTML, what the status line says of a request the
// search refuses: the page's words for it, then what was refused, in the
// page's words where it has them (search.Problems), else in the search's
// own, which are in English and marked so.
func (f *searchForm) problem(msg string) string {
	lead := html.EscapeString(f.say("search_error", ""))
	if key, args, ok := search.Explain(msg); ok {
		var s string
		if json.Unmarshal(f.ui[key], &s) == nil && s != "" {
			for i := 0; i+1 < len(args); i += 2 {
				s = strings.ReplaceAll(s, "{"+args[i]+"}", args[i+1])
			}
			return lead + " " + html.EscapeString(s)
		}
	}
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:] + "."
	}
	return lead + ` <span lang="en" dir="ltr">` + html.EscapeString(msg) + `</span>`
}

// say returns the string key with {text} filled.
func (f *searchForm) say(key, text string) string {
	var s string
	if json.Unmarshal(f.ui[key], &s) != nil || s == "" {
		s = englishSearch[key]
	}
	return strings.ReplaceAll(s, "{text}", text)
}

// count returns the count key for n, in the plural form of n in the
// page's language, as the script picks it with Intl.PluralRules.
func (f *searchForm) count(key string, n uint64) string {
	var forms map[string]string
	lang := f.lang
	if json.Unmarshal(f.ui[key], &forms) != nil || forms["other"] == "" {
		forms, lang = map[string]string{"one": "{n} result.", "other": "{n} results."}, "en"
	}
	s := forms[pluralForm(lang, n)]
	if s == "" {
		s = forms["other"]
	}
	return strings.ReplaceAll(s, "{n}", strconv.FormatUint(n, 10))
}

// pluralForm names the plural form of n in language lang, as CLDR does.
func pluralForm(lang string, n uint64) string {
	tag, err := language.Parse(lang)
	if err != nil || n > 1<<31 {
		return "other"
	}
	switch plural.Cardinal.MatchPlural(tag, int(n), 0, 0, 0, 0) {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}

// startTag returns the start tag of the element with the given id, or nil.
func startTag(page []byte, id string) []byte {
	i := bytes.Index(page, []byte(` id="`+id+`"`))
	if i < 0 {
		return nil
	}
	start := bytes.LastIndexByte(page[:i], '<')
	end := bytes.IndexByte(page[i:], '>')
	if start < 0 || end < 0 {
		return nil
	}
	return page[start : i+end+1]
}

// attrOf returns the value of a double-quoted attribute of a start tag, as
// html/template writes them, unescaped.
func attrOf(tag []byte, name string) (string, bool) {
	i := bytes.Index(tag, []byte(" "+name+`="`))
	if i < 0 {
		return "", false
	}
	v := tag[i+len(name)+3:]
	end := bytes.IndexByte(v, '"')
	if end < 0 {
		return "", false
	}
	return html.UnescapeString(string(v[:end])), true
}
