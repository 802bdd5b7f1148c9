package search

import (
	"fmt"
	"slices"

	bsearch "github.com/blevesearch/bleve/v2/search"
)

// scored is a match: its score and the rank of its id.
type scored struct {
	score float64
	rank  int32
	expl  *bsearch.Explanation // how score was reached, when asked for
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
		score, expl := d.Score, d.Expl
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
		c.add(scored{score: score, rank: c.t.rank[n], expl: expl})
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
