package search

import (
	"cmp"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// plainSearch answers a request of one language with bleve's own
// collector: facets, a sort by score and id, stored fields and locations
// for every match. Search must answer the same, faster.
func plainSearch(ix *Index, r Request) (*Result, error) {
	if err := r.validate(); err != nil {
		return nil, err
	}
	langs, name, err := ix.pick(r.Lang)
	if err != nil {
		return nil, err
	}
	if len(langs) != 1 {
		return nil, fmt.Errorf("plainSearch searches one language, not %d", len(langs))
	}
	q, err := r.buildQuery()
	if err != nil {
		return nil, err
	}
	req := bleve.NewSearchRequestOptions(q, r.Size, r.From, false)
	req.Fields = []string{FieldTitle, FieldHeading, FieldURL, FieldKind, FieldText}
	req.IncludeLocations = true
	for _, f := range FacetFields {
		req.AddFacet(f, bleve.NewFacetRequest(f, maxFacetValues))
	}
	req.SortBy([]string{"-_score", "_id"})
	res, err := langs[0].idx.Search(req)
	if err != nil {
		return nil, searchError(err)
	}
	out := &Result{Query: r.Query, Lang: name, Total: res.Total, Hits: []Hit{}, Facets: map[string][]Facet{}}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, Hit{
			Title:   cmp.Or(str(h.Fields[FieldHeading]), str(h.Fields[FieldTitle])),
			URL:     str(h.Fields[FieldURL]),
			Kind:    str(h.Fields[FieldKind]),
			Lang:    langs[0].lang,
			Snippet: snippet(str(h.Fields[FieldText]), locations(h, FieldText)),
			Score:   h.Score,
		})
	}
	for _, f := range FacetFields {
		list := []Facet{}
		if fr := res.Facets[f]; fr != nil && fr.Terms != nil {
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

// sameResults reports how two answers to one request differ.
func sameResults(name string, got, want *Result) error {
	if got.Total != want.Total || len(got.Hits) != len(want.Hits) || got.Lang != want.Lang {
		return fmt.Errorf("%s: %d matches (%d shown), want %d (%d shown)", name, got.Total, len(got.Hits), want.Total, len(want.Hits))
	}
	for i, h := range want.Hits {
		g := got.Hits[i]
		if g.URL != h.URL || g.Title != h.Title || g.Kind != h.Kind || g.Lang != h.Lang || g.Snippet != h.Snippet || math.Abs(g.Score-h.Score) > 1e-9*math.Abs(h.Score) {
			return fmt.Errorf("%s: hit %d is %+v, want %+v", name, i, g, h)
		}
	}
	if !reflect.DeepEqual(got.Facets, want.Facets) {
		return fmt.Errorf("%s: facets %v, want %v", name, got.Facets, want.Facets)
	}
	return nil
}

// sameAnswers checks that got and want answer every request alike.
func sameAnswers(t *testing.T, reqs []Request, got, want func(Request) (*Result, error)) {
	t.Helper()
	for _, r := range reqs {
		name := fmt.Sprintf("%q %+v", r.Query, r)
		g, gotErr := got(r)
		w, wantErr := want(r)
		if gotErr != nil || wantErr != nil {
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Errorf("%s: error %v, want %v", name, gotErr, wantErr)
			}
			continue
		}
		if err := sameResults(name, g, w); err != nil {
			t.Error(err)
		}
	}
}

// TestSearchAsBleve checks Search against bleve's own collector, on the
// synthetic and the real content and on a live index that changes.
// syntheticIndex builds and opens the index of the synthetic documents,
// which is closed when the test ends.
func syntheticIndex(t *testing.T) *Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	if err := Build(dir, syntheticDocs()); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestSearchAsBleve(t *testing.T) {
	check := func(t *testing.T, ix *Index, reqs []Request) {
		sameAnswers(t, reqs, ix.Search, func(r Request) (*Result, error) { return plainSearch(ix, r) })
	}
	t.Run("synthetic", func(t *testing.T) {
		check(t, syntheticIndex(t), syntheticRequests())
	})
	if docs, ok := realDocs(t); ok {
		t.Run("real", func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "index")
			if err := Build(dir, docs); err != nil {
				t.Fatal(err)
			}
			ix, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			check(t, ix, append(realRequests(), Request{Query: "smuggling", From: 990, Size: 50}, Request{Query: "-xyzzy", Size: 50}))
		})
	}
	t.Run("live", func(t *testing.T) {
		docs := syntheticDocs()
		m, err := NewMemory(docs[:10])
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		check(t, m.Index, syntheticRequests())
		changed := slices.Clone(docs[3:])
		changed[0].Text = "Smuggling of migrants, changed."
		if _, err := m.Update(changed); err != nil {
			t.Fatal(err)
		}
		check(t, m.Index, syntheticRequests())
	})
}
