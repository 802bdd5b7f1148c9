package search

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// Index is a built index, opened read-only.
type Index struct {
	idx bleve.Index
}

// Open opens the index in dir read-only.
func Open(dir string) (*Index, error) {
	idx, err := bleve.OpenUsing(dir, map[string]any{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("opening search index %s: %w", dir, err)
	}
	return &Index{idx: idx}, nil
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

// Search answers a request. A problem with the request is a *UserError.
func (ix *Index) Search(r Request) (*Result, error) {
	if err := r.validate(); err != nil {
		return nil, err
	}
	q, err := r.buildQuery()
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(q, r.Size, r.From, false)
	req.Fields = []string{FieldTitle, FieldHeading, FieldURL, FieldKind, FieldText}
	req.IncludeLocations = true
	for _, f := range FacetFields {
		req.AddFacet(f, bleve.NewFacetRequest(f, 100))
	}
	// Ties break by id so that results are the same on every run.
	req.SortBy([]string{"-_score", "_id"})
	res, err := ix.idx.Search(req)
	if err != nil {
		if strings.Contains(err.Error(), "parse") || strings.Contains(err.Error(), "syntax") {
			return nil, userErrorf("the query cannot be run: %v", err)
		}
		return nil, fmt.Errorf("searching: %w", err)
	}
	out := &Result{Query: r.Query, Total: res.Total, Took: res.Took, Hits: []Hit{}, Facets: map[string][]Facet{}}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, Hit{
			Title:   cmp.Or(str(h.Fields[FieldHeading]), str(h.Fields[FieldTitle])),
			URL:     str(h.Fields[FieldURL]),
			Kind:    str(h.Fields[FieldKind]),
			Snippet: snippet(str(h.Fields[FieldText]), locations(h, FieldText)),
			Score:   h.Score,
		})
	}
	for _, f := range FacetFields {
		fr := res.Facets[f]
		list := []Facet{}
		if fr != nil && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				list = append(list, Facet{Value: t.Term, Count: t.Count})
			}
		}
		slices.SortStableFunc(list, func(a, b Facet) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
		out.Facets[f] = list
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
