package search

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
)

// table is what a search needs of every document, read once when the
// index opens: the order of the external ids, which breaks ties between
// equal scores, and the values of the facet fields. Documents are known
// by a number: the internal number in a scorch index, which it writes as
// eight big-endian bytes, or one the table gives each internal id of
// another index (live editing's in memory).
type table struct {
	rank   []int32          // number → rank of its id; -1 for none
	ids    []string         // rank → external id
	byID   map[string]int32 // internal id → number, when not scorch's
	facets []*facetTable
}

// facetTable lists a facet field's values and each document's.
type facetTable struct {
	field  string
	values []string // sorted
	off    []int32  // internal number n → its values are vals[off[n]:off[n+1]]
	vals   []int32  // indexes into values
}

// number returns the internal number of an internal id.
func (t *table) number(id index.IndexInternalID) (int, bool) {
	var n uint64
	if t.byID != nil {
		k, ok := t.byID[string(id)]
		if !ok {
			return 0, false
		}
		n = uint64(k)
	} else if len(id) == 8 {
		n = binary.BigEndian.Uint64(id)
	} else {
		return 0, false
	}
	if n >= uint64(len(t.rank)) || t.rank[n] < 0 {
		return 0, false
	}
	return int(n), true
}

// openReader opens a reader of idx's internals, which the table and the
// export read beyond what a search gives.
func openReader(idx bleve.Index) (index.IndexReader, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("opening the index's internals: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("opening an index reader: %w", err)
	}
	return r, nil
}

// readTable reads the table of the documents in idx.
func readTable(idx bleve.Index) (*table, error) {
	r, err := openReader(idx)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	type doc struct {
		n  uint64
		id string
	}
	var docs []doc
	t := &table{}
	size := uint64(0)
	err = eachDocument(r, func(in index.IndexInternalID, ext string) error {
		if len(in) != 8 && t.byID == nil {
			if len(docs) > 0 {
				return fmt.Errorf("internal ids of %d and 8 bytes", len(in))
			}
			t.byID = map[string]int32{}
		}
		var n uint64
		if t.byID != nil {
			n = uint64(len(t.byID))
			t.byID[string(in)] = int32(n)
		} else {
			n = binary.BigEndian.Uint64(in)
		}
		docs = append(docs, doc{n, ext})
		size = max(size, n+1)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(docs, func(a, b doc) int {
		if a.id < b.id {
			return -1
		}
		if a.id > b.id {
			return 1
		}
		return 0
	})
	t.rank, t.ids = make([]int32, size), make([]string, len(docs))
	for i := range t.rank {
		t.rank[i] = -1
	}
	for i, d := range docs {
		t.rank[d.n] = int32(i)
		t.ids[i] = d.id
	}
	for _, f := range FacetFields {
		ft, err := t.readFacetTable(r, f)
		if err != nil {
			return nil, err
		}
		t.facets = append(t.facets, ft)
	}
	return t, nil
}

// readFacetTable reads which documents have which values of field from
// its postings, as bleve's doc values hold them.
func (t *table) readFacetTable(r index.IndexReader, field string) (*facetTable, error) {
	ft := &facetTable{field: field}
	size := len(t.rank)
	perDoc := make([][]int32, size)
	dict, err := r.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("reading the dictionary of %s: %w", field, err)
	}
	defer dict.Close()
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("reading the dictionary of %s: %w", field, err)
		}
		if e == nil {
			break
		}
		v := int32(len(ft.values))
		ft.values = append(ft.values, e.Term)
		tfr, err := r.TermFieldReader(context.Background(), []byte(e.Term), field, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("reading postings of %s:%s: %w", field, e.Term, err)
		}
		for {
			tfd, err := tfr.Next(nil)
			if err != nil {
				tfr.Close()
				return nil, fmt.Errorf("reading postings of %s:%s: %w", field, e.Term, err)
			}
			if tfd == nil {
				break
			}
			if n, ok := t.number(tfd.ID); ok {
				perDoc[n] = append(perDoc[n], v)
			}
		}
		tfr.Close()
	}
	ft.off = make([]int32, size+1)
	for n, vs := range perDoc {
		ft.off[n+1] = ft.off[n] + int32(len(vs))
		ft.vals = append(ft.vals, vs...)
	}
	return ft, nil
}
