package render

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"

	"protosite/site/config"
	"protosite/site/content"
)

// TestSearchPageLanguages checks which languages have a search page of
// their own: those with documents of their own, which it searches; a
// language with an interface alone keeps the default language's.
func TestSearchPageLanguages(t *testing.T) {
	s := &content.Site{
		Config:       &config.Config{Language: "en"},
		Countries:    &content.Countries{},
		Translations: []*content.Doc{{Lang: "nl", URL: "/articles/6/"}},
	}
	if missingPages(s, "nl")["/search/"] {
		t.Error("Dutch, which has documents, has no search page")
	}
	if !missingPages(s, "fr")["/search/"] {
		t.Error("French, which has no documents, has a search page of its own")
	}
}

// TestSearchUI checks the search page's strings: every one, and each count
// with the plural forms its language uses, which the script and the
// server choose from.
func TestSearchUI(t *testing.T) {
	msgs, err := loadMessages("ar", "nl", "zh")
	if err != nil {
		t.Fatal(err)
	}
	for code, forms := range map[string][]string{
		"en": {"one", "other"},
		"nl": {"one", "other"},
		"ar": {"few", "many", "one", "other", "two", "zero"},
		"zh": {"other"},
	} {
		l := &langView{Language: config.Language{Code: code}, msgs: msgs[code]}
		got, err := l.searchUI()
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		var ui map[string]any
		if err := json.Unmarshal([]byte(got), &ui); err != nil {
			t.Fatalf("%s: %v: %s", code, err, got)
		}
		for _, k := range searchStrings {
			if s, ok := ui[k].(string); !ok || s == "" {
				t.Errorf("%s: %s is %v, want a string", code, k, ui[k])
			}
		}
		counts, _ := ui["search_results"].(map[string]any)
		if have := slices.Sorted(maps.Keys(counts)); !slices.Equal(have, forms) {
			t.Errorf("%s: search_results has the forms %v, want %v", code, have, forms)
		}
		if code == "nl" && (counts["one"] != "{n} resultaat." || counts["other"] != "{n} resultaten." || ui["search_no_results"] != "Geen resultaten voor “{text}”.") {
			t.Errorf("nl: the strings are %s", got)
		}
	}
}
