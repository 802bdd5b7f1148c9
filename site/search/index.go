package search

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Index is a built index of every language of a site, opened read-only.
type Index struct {
	mu    sync.RWMutex // held for writing while a Memory index changes
	def   string       // the default language
	langs []*langIndex // the default language first, then by tag
}

// langIndex is the index of one language.
type langIndex struct {
	lang string
	idx  bleve.Index
	tab  *table // what a search needs of every document
}

// Open opens the index of every language in dir read-only.
func Open(dir string) (*Index, error) {
	l, err := readLayout(dir)
	if err != nil {
		return nil, fmt.Errorf("opening search index %s: %w", dir, err)
	}
	ix := &Index{def: l.Default}
	for _, lang := range l.Languages {
		idx, err := bleve.OpenUsing(langDir(dir, lang), map[string]any{"read_only": true})
		if err != nil {
			ix.Close()
			return nil, fmt.Errorf("opening search index %s: %w", langDir(dir, lang), err)
		}
		li := &langIndex{lang: lang, idx: idx}
		ix.langs = append(ix.langs, li)
		if err := li.load(); err != nil {
			ix.Close()
			return nil, fmt.Errorf("opening search index %s: %w", langDir(dir, lang), err)
		}
	}
	return ix, nil
}

// load reads the documents' table; the caller holds the Index's mu or is
// alone.
func (li *langIndex) load() error {
	t, err := readTable(li.idx)
	if err != nil {
		return err
	}
	li.tab = t
	return nil
}

// Close releases the index.
func (ix *Index) Close() error {
	var errs []error
	for _, li := range ix.langs {
		errs = append(errs, li.idx.Close())
	}
	return errors.Join(errs...)
}

// Languages lists the languages the index has documents in: the default
// language first, then by tag.
func (ix *Index) Languages() []string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.names()
}

// DefaultLanguage is the site's default language, which a request that
// names none searches; "" for an index of no documents.
func (ix *Index) DefaultLanguage() string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.def
}

// Result is one page of hits with facet counts over all matching documents.
type Result struct {
	Query  string             `json:"query"`  // the query as asked
	Lang   string             `json:"lang"`   // the language searched, or "all"
	Total  uint64             `json:"total"`  // documents matching
	Took   time.Duration      `json:"took"`   // time spent searching, in nanoseconds
	Hits   []Hit              `json:"hits"`   // the page of hits, best first
	Facets map[string][]Facet `json:"facets"` // counts by kind, article, country and year
}

// Hit is one matching document.
type Hit struct {
	Title   string  `json:"title"`   // its title
	URL     string  `json:"url"`     // site-absolute URL with its anchor
	Kind    string  `json:"kind"`    // its kind
	Lang    string  `json:"lang"`    // its language
	Snippet string  `json:"snippet"` // HTML: the text around the match, escaped, with <mark> around matched words
	Score   float64 `json:"score"`   // BM25 score
	// Explanation is how the score was reached, when the request asked.
	Explanation *Explanation `json:"explanation,omitempty"`
}

// Facet is how many matching documents have one value of a facet field.
type Facet struct {
	Value string `json:"value"` // the field value
	Count int    `json:"count"` // documents with it
}

// maxFacetValues is how many values of a facet field a result lists, the
// most frequent first, as bleve's terms facet with this size does.
const maxFacetValues = 100

// Search answers a request. A problem with the request is a *UserError.
//
// Each language's index answers on its own, with its own analyzer and
// statistics; a search of every language merges their answers by score
// (merge.go). In each, the search runs in two passes over bleve. The
// first visits every match with bleve's searchers and scores, without
// loading anything per match: it keeps the best hits, ties broken by id,
// and counts facets from the table of documents read when the index was
// opened. The second runs the query again on the page's hits alone, for
// their stored fields and where their terms matched. bleve's own
// collector, asked for facets, a sort by id and match locations, loads
// doc values, ids and locations for every match: ten times slower on
// large results.
func (ix *Index) Search(r Request) (*Result, error) {
	start := time.Now()
	if err := r.validate(); err != nil {
		return nil, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	langs, name, err := ix.pick(r.Lang)
	if err != nil {
		return nil, err
	}
	q, err := r.buildQuery()
	if err != nil {
		return nil, err
	}
	found := make([]*collector, len(langs))
	for i, li := range langs {
		if found[i], err = li.collect(q, r.From+r.Size, r.Explain); err != nil {
			return nil, err
		}
	}
	out := &Result{Query: r.Query, Lang: name, Hits: []Hit{}, Facets: mergeFacets(found)}
	for _, c := range found {
		out.Total += c.total
	}
	page := mergeBest(found, r.From, r.Size)
	if len(page) > 0 {
		hits, err := pageHits(langs, q, page)
		if err != nil {
			return nil, err
		}
		out.Hits = hits
	}
	out.Took = time.Since(start)
	return out, nil
}

// pick returns the indexes a request's language names, and the name of
// what is searched: "" is the default language; the caller holds mu.
func (ix *Index) pick(lang string) ([]*langIndex, string, error) {
	switch lang {
	case AllLanguages:
		return ix.langs, AllLanguages, nil
	case "":
		lang = ix.def
		if lang == "" {
			return nil, "", nil // no documents
		}
	}
	for _, li := range ix.langs {
		if li.lang == lang {
			return []*langIndex{li}, lang, nil
		}
	}
	return nil, "", userErrorf("lang must be %s or one of the languages searched: %s", AllLanguages, strings.Join(ix.names(), ", "))
}

// names lists the languages; the caller holds mu.
func (ix *Index) names() []string {
	var out []string
	for _, li := range ix.langs {
		out = append(out, li.lang)
	}
	return out
}

// collect runs q over the language's index, keeping its best keep
// matches, with how their scores were reached when explain is set, and
// counting facets over all.
func (li *langIndex) collect(q query.Query, keep int, explain bool) (*collector, error) {
	c := newCollector(li.tab, keep)
	ctx := context.WithValue(context.Background(), bsearch.MakeDocumentMatchHandlerKey, bsearch.MakeDocumentMatchHandler(c.handler))
	if _, err := li.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, explain)); err != nil {
		return nil, searchError(err)
	}
	if c.err != nil {
		return nil, fmt.Errorf("searching: %w", c.err)
	}
	return c, nil
}

func searchError(err error) error {
	if strings.Contains(err.Error(), "parse") || strings.Contains(err.Error(), "syntax") {
		return userErrorf("the query cannot be run: %v", err)
	}
	return fmt.Errorf("searching: %w", err)
}

// hits runs q on the page's documents alone, for what a hit shows.
func (li *langIndex) hits(q query.Query, page []scored) ([]Hit, error) {
	ids := make([]string, len(page))
	for i, h := range page {
		ids[i] = li.tab.ids[h.rank]
	}
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{q, query.NewDocIDQuery(ids)}), len(ids), 0, false)
	req.Fields = []string{FieldTitle, FieldHeading, FieldURL, FieldKind, FieldText}
	req.IncludeLocations = true
	res, err := li.idx.Search(req)
	if err != nil {
		return nil, searchError(err)
	}
	byID := make(map[string]*bsearch.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		byID[h.ID] = h
	}
	out := make([]Hit, len(page))
	for i, p := range page {
		h := byID[ids[i]]
		if h == nil {
			return nil, fmt.Errorf("searching: hit %s is not found again", ids[i])
		}
		out[i] = Hit{
			Title:   cmp.Or(str(h.Fields[FieldHeading]), str(h.Fields[FieldTitle])),
			URL:     str(h.Fields[FieldURL]),
			Kind:    str(h.Fields[FieldKind]),
			Lang:    li.lang,
			Snippet: snippet(str(h.Fields[FieldText]), locations(h, FieldText)),
			Score:   p.score,
		}
		if p.expl != nil {
			out[i].Explanation = explanation(p.expl)
		}
	}
	return out, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// locations lists the byte ranges of matched terms in a field.
func locations(h *bsearch.DocumentMatch, field string) [][2]int {
	var out [][2]int
	for _, locs := range h.Locations[field] {
		for _, l := range locs {
			out = append(out, [2]int{int(l.Start), int(l.End)})
		}
	}
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}
