package search

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"
)

// A search of every language merges the answers of the languages'
// indexes, each scored with its own statistics: by score, then by the
// order of the languages (the default first, then by tag), then by id.
// A language's index is not given the others' statistics, as bleve's
// index alias can: the browser, which loads only the languages it
// searches, scores each language as its server index does, and the
// scores of one language do not change when another is added.

// langScored is a match in the index of language lang, a position in the
// list of languages searched.
type langScored struct {
	lang int
	scored
}

// mergeBest returns the size matches from the from-th on, over the best
// each language kept, best first.
func mergeBest(found []*collector, from, size int) []langScored {
	var all []langScored
	for l, c := range found {
		for _, s := range c.best(0) {
			all = append(all, langScored{l, s})
		}
	}
	slices.SortFunc(all, func(a, b langScored) int {
		switch {
		case a.score != b.score:
			if a.score > b.score {
				return -1
			}
			return 1
		case a.lang != b.lang:
			return a.lang - b.lang
		}
		return int(a.rank - b.rank)
	})
	if from >= len(all) {
		return nil
	}
	return all[from:min(len(all), from+size)]
}

// pageHits makes the page's hits, each with its language's index.
func pageHits(langs []*langIndex, q query.Query, page []langScored) ([]Hit, error) {
	out := make([]Hit, len(page))
	for l, li := range langs {
		var mine []scored
		var at []int
		for i, p := range page {
			if p.lang == l {
				mine = append(mine, p.scored)
				at = append(at, i)
			}
		}
		if len(mine) == 0 {
			continue
		}
		hits, err := li.hits(q, mine)
		if err != nil {
			return nil, err
		}
		for i, h := range hits {
			out[at[i]] = h
		}
	}
	return out, nil
}

// mergeFacets lists each facet field's values by count over every
// language, as bleve's terms facet does: the most frequent first, ties by
// value, at most maxFacetValues.
func mergeFacets(found []*collector) map[string][]Facet {
	out := make(map[string][]Facet, len(FacetFields))
	for i, field := range FacetFields {
		counts := map[string]int{}
		for _, c := range found {
			f := c.t.facets[i]
			for v, n := range c.counts[i] {
				if n > 0 {
					counts[f.values[v]] += n
				}
			}
		}
		list := make([]Facet, 0, len(counts))
		for v, n := range counts {
			list = append(list, Facet{Value: v, Count: n})
		}
		slices.SortFunc(list, func(a, b Facet) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
		out[field] = list[:min(len(list), maxFacetValues)]
	}
	return out
}
