package search

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
)

// keywordFields are the fields indexed whole, as the export carries them:
// the facet fields and the other fields a query may name.
var keywordFields = []string{FieldKind, FieldArticles, FieldCountry, FieldYear, FieldMeeting, FieldLang}

// textFields are the fields analysed with the language's analyzer.
var textFields = []string{FieldTitle, FieldText}

// corpus is an index as the export writes it, made from the analysis the
// index was built from: documents numbered by their id in sorted order.
type corpus struct {
	lang     string                      // the language tag, the directory of the export's files
	docs     []docExport                 // by document number
	dropped  map[string]bool             // lower-cased words of the text that the analyzer dropped
	avg      map[string]float64          // field → the average field length bleve's BM25 uses
	terms    map[string]*termPostings    // term → its postings in the title and the text
	keywords map[string]map[string][]int // keyword field → value → doc numbers, ascending
	kwLength map[string][]int            // keyword field → doc number → its length
	surfaces map[string]map[string]bool  // lower-cased surface word → terms it was analysed into
	raw      map[string]*rawSurface      // surface word as written → terms
}

// termPostings are a term's postings, encoded as they are read: per text
// field the number of documents and, per document, the gap from the
// previous one, its field length and the term's frequency (postingsOf);
// and apart, the positions.
type termPostings struct {
	df        [2]int
	last      [2]int
	core, pos [2]vlq
}

// rawSurface lists the terms a surface word was analysed into.
type rawSurface struct{ terms []string }

// postings are the terms, surface words and dropped words of a
// language's documents analysed so far: each chunk's parts are merged in
// once the chunk is analysed, and let go of, so that a large corpus's
// terms are held once rather than once per part.
type postings struct {
	terms    map[string]*termPostings   // term → its postings in the title and the text
	surfaces map[string]map[string]bool // lower-cased surface word → terms it was analysed into
	dropped  map[string]bool            // lower-cased words of the text that the analyzer dropped
}

func newPostings() *postings {
	return &postings{terms: map[string]*termPostings{}, surfaces: map[string]map[string]bool{}, dropped: map[string]bool{}}
}

// add merges in p, whose documents follow all those added before.
func (m *postings) add(p *part) {
	for w := range p.dropped {
		m.dropped[w] = true
	}
	for term, pp := range p.terms {
		t := m.terms[term]
		if t == nil {
			t = &termPostings{}
			m.terms[term] = t
		}
		for slot := range textFields {
			if pp.df[slot] == 0 {
				continue
			}
			t.core[slot].put(pp.first[slot] - t.last[slot])
			t.core[slot] = append(t.core[slot], pp.core[slot]...)
			t.pos[slot] = append(t.pos[slot], pp.pos[slot]...)
			t.df[slot] += pp.df[slot]
			t.last[slot] = pp.last[slot]
		}
	}
	for w, s := range p.surfaces {
		lower := strings.ToLower(w)
		sm := m.surfaces[lower]
		if sm == nil {
			sm = map[string]bool{}
			m.surfaces[lower] = sm
		}
		for _, t := range s.terms {
			sm[t] = true
		}
	}
}

// newCorpus makes the export's corpus of what a build analysed. bleve's
// BM25 takes the average field length from the index's dictionary sizes,
// which for an index of one segment are the numbers of distinct terms
// (averages.check compares them once the index is written).
func newCorpus(b *built) (*corpus, error) {
	c := &corpus{
		lang:     b.lang,
		avg:      map[string]float64{},
		terms:    b.postings.terms,
		keywords: map[string]map[string][]int{},
		kwLength: map[string][]int{},
		surfaces: b.postings.surfaces,
		dropped:  b.postings.dropped,
	}
	for _, f := range keywordFields {
		c.keywords[f] = map[string][]int{}
		c.kwLength[f] = make([]int, len(b.docs))
	}
	for n, d := range b.docs {
		a := &b.analysed[n]
		c.docs = append(c.docs, a.export)
		for k, f := range keywordFields {
			vals := slices.Compact(slices.Sorted(slices.Values(a.keywords[k])))
			if len(vals) != len(a.keywords[k]) || a.lengths[k] != len(vals) {
				// The browser counts a document's values for its length.
				return nil, fmt.Errorf("%s: %s has %d values, %d distinct, and a length of %d; the export needs distinct values", d.ID, f, len(a.keywords[k]), len(vals), a.lengths[k])
			}
			for _, v := range vals {
				c.keywords[f][v] = append(c.keywords[f][v], n)
			}
			c.kwLength[f][n] = len(vals)
		}
	}
	if n := len(b.docs); n > 0 {
		for slot, f := range textFields {
			card := 0
			for _, t := range c.terms {
				if t.df[slot] > 0 {
					card++
				}
			}
			c.avg[f] = math.Ceil(float64(card) / float64(n))
		}
		for _, f := range keywordFields {
			c.avg[f] = math.Ceil(float64(len(c.keywords[f])) / float64(n))
		}
	}
	return c, nil
}

// named returns the name of one of the corpus's files, which is its path
// under ExportDir without the hash: "nl/b3".
func (c *corpus) named(name string) string { return c.lang + "/" + name }

// averages are what the export's scores depend on of the whole corpus:
// the number of documents and the average field lengths.
type averages struct {
	docs int
	avg  map[string]float64
}

// averages returns the corpus's averages, to check against its index
// once the index is written, without holding the corpus.
func (c *corpus) averages() averages { return averages{docs: len(c.docs), avg: c.avg} }

// check compares the averages with those of the index in dir, which the
// server scores with.
func (a averages) check(dir string) error {
	idx, err := bleve.OpenUsing(dir, map[string]any{"read_only": true})
	if err != nil {
		return fmt.Errorf("opening search index %s: %w", dir, err)
	}
	defer idx.Close()
	r, err := openReader(idx)
	if err != nil {
		return err
	}
	defer r.Close()
	n := a.docs
	if count, err := r.DocCount(); err != nil || count != uint64(n) {
		return fmt.Errorf("the index counts %d documents, the export %d (%v)", count, n, err)
	}
	br, ok := r.(index.BM25Reader)
	if !ok {
		return fmt.Errorf("the index reader does not report field cardinality, which BM25 needs")
	}
	for _, f := range append(slices.Clone(textFields), keywordFields...) {
		card, err := br.FieldCardinality(f)
		if err != nil {
			return fmt.Errorf("reading the cardinality of %s: %w", f, err)
		}
		if want := math.Ceil(float64(card) / float64(n)); n > 0 && a.avg[f] != want {
			return fmt.Errorf("the index has %d terms in %s, for an average length of %v; the export counts %v: export a freshly built index", card, f, want, a.avg[f])
		}
	}
	return nil
}

// postingsOf returns a term's postings as the browser reads them: per
// field the number of documents, then per document the gap from the
// previous document number and its field length times two, plus one when
// the frequency is above one, then followed by the frequency less two.
func (p *termPostings) postingsOf() string {
	var v vlq
	for slot := range textFields {
		v.put(p.df[slot])
		v = append(v, p.core[slot]...)
	}
	return v.String()
}

// positionsOf returns a term's positions: per field, per document of its
// postings, the positions as gaps from the previous one.
func (p *termPostings) positionsOf() string {
	return string(p.pos[0]) + string(p.pos[1])
}
