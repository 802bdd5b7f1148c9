package search

import (
	"cmp"
	"strings"
	"sync"
	"testing"
)

// fuzzIndex is a small index of the synthetic English and Dutch
// documents, built once per process: in memory, as live editing uses,
// since fuzzing workers are many processes and each would otherwise write
// an index.
var fuzzIndex = sync.OnceValues(func() (*Memory, error) { return NewMemory(bilingualDocs()) })

// FuzzSearchRequest searches with random query strings, languages and
// filter values: Search must not panic, must answer a *UserError or a
// result, every hit must be in the language asked for, and every snippet
// must be escaped text with <mark> and </mark> alone as markup.
func FuzzSearchRequest(f *testing.F) {
	for _, r := range append(syntheticRequests(), dutchRequests()...) {
		f.Add(r.Query, r.Lang, r.Kind, r.Article, r.Country, r.Year, r.From, r.Size)
	}
	f.Add(`"a <b>" <script>`, "nl", "<x>", "6", "FRA", "2018", 0, 10)
	f.Add("smug*~2 /x/ +-", "all", "", "", "", "", 3, 50)
	f.Fuzz(func(t *testing.T, q, lang, kind, article, country, year string, from, size int) {
		ix, err := fuzzIndex()
		if err != nil {
			t.Fatal(err)
		}
		res, err := ix.Search(Request{Query: q, Lang: lang, Kind: kind, Article: article, Country: country, Year: year, From: from, Size: size})
		if err != nil {
			if !IsUserError(err) {
				t.Fatalf("%q: not a user error: %v", q, err)
			}
			return
		}
		if res == nil {
			t.Fatalf("%q: no result and no error", q)
		}
		if uint64(len(res.Hits)) > res.Total {
			t.Errorf("%q: %d hits of %d matches", q, len(res.Hits), res.Total)
		}
		for _, h := range res.Hits {
			if want := cmp.Or(lang, "en"); h.Lang != want && want != AllLanguages {
				t.Errorf("%q in %q: hit %s is in %q", q, lang, h.URL, h.Lang)
			}
			rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(h.Snippet)
			if strings.Contains(rest, "<") {
				t.Errorf("%q: snippet %q has markup beyond <mark>", q, h.Snippet)
			}
		}
	})
}
