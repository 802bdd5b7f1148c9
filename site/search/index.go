package search

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Index is a built index, opened read-only.
type Index struct {
	idx bleve.Index

	mu  sync.RWMutex // held for writing while a Memory index changes
	tab *table       // what a search needs of every document
}

// Open opens the index in dir read-only.
func Open(dir string) (*Index, error) {
	idx, err := bleve.OpenUsing(dir, map[string]any{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("opening search index %s: %w", dir, err)
	}
	ix := &Index{idx: idx}
	if err := ix.load(); err != nil {
		idx.Close()
		return nil, fmt.Errorf("opening search index %s: %w", dir, err)
	}
	return ix, nil
}

// load reads the documents' table; the caller holds mu or is alone.
func (ix *Index) load() error {
	t, err := readTable(ix.idx)
	if err != nil {
		return err
	}
	ix.tab = t
	return nil
}

// Close releases the index.
func (ix *Index) Close() error { return ix.idx.Close() }

// Result is one page of hits with facet counts over all matching documents.
type Result struct {
	Query  string             `json:"query"`  // the query as asked
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
	Snippet string  `json:"snippet"` // HTML: the text around the match, escaped, with <mark> around matched words
	Score   float64 `json:"score"`   // BM25 score
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
// It runs in two passes over bleve. The first visits every match with
// bleve's searchers and scores, without loading anything per match: it
// keeps the best hits, ties broken by id, and counts facets from the
// table of documents read when the index was opened. The second runs the
// query again on the page's hits alone, for their stored fields and where
// their terms matched. bleve's own collector, asked for facets, a sort by
// id and match locations, loads doc values, ids and locations for every
// match: ten times slower on large results.
func (ix *Index) Search(r Request) (*Result, error) {
	start := time.Now()
	if err := r.validate(); err != nil {
		return nil, err
	}
	q, err := r.buildQuery()
	if err != nil {
		return nil, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	t := ix.tab
	c := newCollector(t, r.From+r.Size)
	ctx := context.WithValue(context.Background(), bsearch.MakeDocumentMatchHandlerKey, bsearch.MakeDocumentMatchHandler(c.handler))
	if _, err := ix.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, 0, 0, false)); err != nil {
		return nil, searchError(err)
	}
	if c.err != nil {
		return nil, fmt.Errorf("searching: %w", c.err)
	}
	out := &Result{Query: r.Query, Total: c.total, Hits: []Hit{}, Facets: c.facets()}
	page := c.best(r.From)
	if len(page) > 0 {
		hits, err := ix.hits(q, page)
		if err != nil {
			return nil, err
		}
		out.Hits = hits
	}
	out.Took = time.Since(start)
	return out, nil
}

func searchError(err error) error {
	if strings.Contains(err.Error(), "parse") || strings.Contains(err.Error(), "syntax") {
		return userErrorf("the query cannot be run: %v", err)
	}
	return fmt.Errorf("searching: %w", err)
}

// hits runs q on the page's documents alone, for what a hit shows.
func (ix *Index) hits(q query.Query, page []scored) ([]Hit, error) {
	ids := make([]string, len(page))
	for i, h := range page {
		ids[i] = ix.tab.ids[h.rank]
	}
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{q, query.NewDocIDQuery(ids)}), len(ids), 0, false)
	req.Fields = []string{FieldTitle, FieldHeading, FieldURL, FieldKind, FieldText}
	req.IncludeLocations = true
	res, err := ix.idx.Search(req)
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
			Snippet: snippet(str(h.Fields[FieldText]), locations(h, FieldText)),
			Score:   p.score,
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

// scored is a match: its score and the rank of its id.
type scored struct {
	score float64
	rank  int32
}

// better orders matches as the results list them: by score, then by id.
func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.rank < b.rank
}

// collector keeps the best matches and counts facets as bleve hands it
// every match.
type collector struct {
	t      *table
	keep   int
	heap   []scored // the best matches so far, the worst at the root
	total  uint64
	counts [][]int // facet field → value → matches
	err    error
}

func newCollector(t *table, keep int) *collector {
	c := &collector{t: t, keep: keep, heap: make([]scored, 0, keep)}
	c.counts = make([][]int, len(t.facets))
	for i, f := range t.facets {
		c.counts[i] = make([]int, len(f.values))
	}
	return c
}

func (c *collector) handler(sc *bsearch.SearchContext) (bsearch.DocumentMatchHandler, bool, error) {
	return func(d *bsearch.DocumentMatch) error {
		if d == nil {
			return nil
		}
		n, ok := c.t.number(d.IndexInternalID)
		score := d.Score
		sc.DocumentMatchPool.Put(d)
		if !ok {
			c.err = fmt.Errorf("a match is not among the index's documents")
			return c.err
		}
		c.total++
		for i, f := range c.t.facets {
			counts := c.counts[i]
			for _, v := range f.vals[f.off[n]:f.off[n+1]] {
				counts[v]++
			}
		}
		c.add(scored{score: score, rank: c.t.rank[n]})
		return nil
	}, false, nil
}

// add offers a match to the heap of the best.
func (c *collector) add(s scored) {
	h := c.heap
	if len(h) < c.keep {
		h = append(h, s)
		for i := len(h) - 1; i > 0; {
			p := (i - 1) / 2
			if !better(h[p], h[i]) {
				break
			}
			h[p], h[i] = h[i], h[p]
			i = p
		}
		c.heap = h
		return
	}
	if len(h) == 0 || !better(s, h[0]) {
		return
	}
	h[0] = s
	for i := 0; ; {
		l, r, worst := 2*i+1, 2*i+2, i
		if l < len(h) && better(h[worst], h[l]) {
			worst = l
		}
		if r < len(h) && better(h[worst], h[r]) {
			worst = r
		}
		if worst == i {
			break
		}
		h[i], h[worst] = h[worst], h[i]
		i = worst
	}
}

// best returns the kept matches from the from-th on, best first.
func (c *collector) best(from int) []scored {
	out := slices.Clone(c.heap)
	slices.SortFunc(out, func(a, b scored) int {
		if better(a, b) {
			return -1
		}
		return 1
	})
	if from >= len(out) {
		return nil
	}
	return out[from:]
}

// facets lists each facet field's values by count, as bleve's terms facet
// does: the most frequent first, ties by value, at most maxFacetValues.
func (c *collector) facets() map[string][]Facet {
	out := make(map[string][]Facet, len(c.t.facets))
	for i, f := range c.t.facets {
		list := []Facet{}
		for v, n := range c.counts[i] {
			if n > 0 {
				list = append(list, Facet{Value: f.values[v], Count: n})
			}
		}
		slices.SortFunc(list, func(a, b Facet) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
		out[f.field] = list[:min(len(list), maxFacetValues)]
	}
	return out
}
