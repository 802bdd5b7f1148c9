package search

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
)

// AllLanguages is the value of Request.Lang that searches every language.
const AllLanguages = "all"

// plainAnalyzer is the analyzer of a language bleve has none for: words
// as Unicode segments them, in lower case, neither stemmed nor dropped. It
// finds every word as written in any language, where another language's
// stemmer or stop words would mangle or drop words; a language that
// deserves better gets an entry in analyzers.
const plainAnalyzer = "protosite_plain"

// textAnalyzer is how a language's text is analysed: the bleve analyzer
// and the stop list whose words it drops, "" for none.
type textAnalyzer struct{ name, stop string }

// analyzers are the analyzers of the languages bleve knows, by primary
// language subtag: the six official languages of the United Nations and
// Dutch; Chinese, Japanese and Korean share bleve's bigram analyzer.
var analyzers = map[string]textAnalyzer{
	"en": {en.AnalyzerName, en.StopName},
	"nl": {nl.AnalyzerName, nl.StopName},
	"fr": {fr.AnalyzerName, fr.StopName},
	"es": {es.AnalyzerName, es.StopName},
	"ar": {ar.AnalyzerName, ar.StopName},
	"ru": {ru.AnalyzerName, ru.StopName},
	"zh": {cjk.AnalyzerName, ""},
	"ja": {cjk.AnalyzerName, ""},
	"ko": {cjk.AnalyzerName, ""},
}

// AnalyzerFor returns the name of the analyzer of text in the language
// with tag lang: bleve's for the language, or plainAnalyzer for a
// language bleve has none for.
func AnalyzerFor(lang string) string { return analyzerFor(lang).name }

func analyzerFor(lang string) textAnalyzer {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	if a, ok := analyzers[primary]; ok {
		return a
	}
	return textAnalyzer{name: plainAnalyzer}
}

// langTag is a language tag as the site writes them: a primary language
// subtag and optional subtags (zh-Hans). It names directories, so nothing
// else gets in.
var langTag = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

// byLang groups documents by language, the languages in order: the
// default one first, then by tag. Every document must have a language
// tag.
func byLang(docs []Doc) (def string, langs []string, groups map[string][]Doc, err error) {
	// Counted first, so that each group is made once at its size.
	counts := map[string]int{}
	for _, d := range docs {
		if _, ok := counts[d.Lang]; !ok && !langTag.MatchString(d.Lang) {
			return "", nil, nil, fmt.Errorf("indexing %s: %q is not a language tag such as en or zh-Hans", d.ID, d.Lang)
		}
		counts[d.Lang]++
	}
	groups = map[string][]Doc{}
	for lang, n := range counts {
		groups[lang] = make([]Doc, 0, n)
	}
	for _, d := range docs {
		groups[d.Lang] = append(groups[d.Lang], d)
	}
	def, err = defaultLang(groups)
	if err != nil {
		return "", nil, nil, err
	}
	return def, orderLangs(def, groups), groups, nil
}

// orderLangs lists the languages of groups, def first, then by tag: the
// order in which results of equal score are listed.
func orderLangs[V any](def string, groups map[string]V) []string {
	langs := sortedKeys(groups)
	if i := slices.Index(langs, def); i > 0 {
		langs = slices.Insert(slices.Delete(langs, i, i+1), 0, def)
	}
	return langs
}

// defaultLang tells which language of the documents is the site's
// default: the site publishes every other language under a prefix of its
// tag (/nl/articles/6/), so the default language is the one whose
// documents are not all under such a prefix. Documents of one language
// are in the default language whatever their URLs.
func defaultLang(groups map[string][]Doc) (string, error) {
	if len(groups) == 0 {
		return "", nil
	}
	if len(groups) == 1 {
		for lang := range groups {
			return lang, nil
		}
	}
	var unprefixed []string
	for _, lang := range sortedKeys(groups) {
		for _, d := range groups[lang] {
			if !strings.HasPrefix(d.URL, "/"+lang+"/") {
				unprefixed = append(unprefixed, lang)
				break
			}
		}
	}
	if len(unprefixed) != 1 {
		return "", fmt.Errorf("indexing: cannot tell the default language among %s: the documents of every language but the default have URLs under /<language>/, and here %d languages have documents outside theirs (%s)", strings.Join(sortedKeys(groups), ", "), len(unprefixed), strings.Join(unprefixed, ", "))
	}
	return unprefixed[0], nil
}
