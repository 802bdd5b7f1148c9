package search

import (
	"context"
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

// textFields are the fields analysed in English.
var textFields = []string{FieldTitle, FieldText}

// corpus is a bleve index as the export sees it: documents numbered by
// their external id in sorted order, so that the numbering does not depend
// on bleve's internal order.
type corpus struct {
	docs     []*exportDoc
	avg      map[string]float64             // field → the average field length bleve's BM25 uses
	postings map[string]map[string]*posting // text field → term → postings
	keywords map[string]map[string][]int    // keyword field → value → doc numbers, ascending
	surfaces map[string]map[string]bool     // lower-cased surface word → terms it was analysed into
}

// exportDoc is one document.
type exportDoc struct {
	id, url, title, kind, text string
	length                     map[string]int // text field → its length as bleve's norm records it
	tokens                     []tokenLoc     // the text field's tokens, by position
}

// tokenLoc is where a token of the text field is.
type tokenLoc struct{ pos, start, end int }

// posting lists the documents a term occurs in, ascending.
type posting struct {
	docs      []int
	freqs     []int
	positions [][]int
}

// readCorpus reads everything the browser needs from the index.
func readCorpus(idx bleve.Index) (*corpus, error) {
	adv, err := idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("opening the index's internals: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("opening an index reader: %w", err)
	}
	defer r.Close()
	c := &corpus{
		avg:      map[string]float64{},
		postings: map[string]map[string]*posting{},
		keywords: map[string]map[string][]int{},
		surfaces: map[string]map[string]bool{},
	}
	num, err := c.readDocs(r)
	if err != nil {
		return nil, err
	}
	if err := c.readAverages(r); err != nil {
		return nil, err
	}
	for _, f := range textFields {
		if err := c.readTextField(r, f, num); err != nil {
			return nil, err
		}
	}
	for _, f := range keywordFields {
		if err := c.readKeywordField(r, f, num); err != nil {
			return nil, err
		}
	}
	for _, d := range c.docs {
		slices.SortFunc(d.tokens, func(a, b tokenLoc) int { return a.pos - b.pos })
	}
	return c, nil
}

// readDocs numbers the documents by external id and reads their stored
// fields; it returns the numbers by internal id.
func (c *corpus) readDocs(r index.IndexReader) (map[string]int, error) {
	ids, err := r.DocIDReaderAll()
	if err != nil {
		return nil, fmt.Errorf("listing documents: %w", err)
	}
	defer ids.Close()
	external := map[string]string{} // internal → external
	var names []string
	for {
		in, err := ids.Next()
		if err != nil {
			return nil, fmt.Errorf("listing documents: %w", err)
		}
		if in == nil {
			break
		}
		ext, err := r.ExternalID(in)
		if err != nil {
			return nil, fmt.Errorf("reading a document id: %w", err)
		}
		external[string(in)] = ext
		names = append(names, ext)
	}
	slices.Sort(names)
	if n, err := r.DocCount(); err != nil || n != uint64(len(names)) {
		return nil, fmt.Errorf("the index counts %d documents and lists %d (%v); export a freshly built index", n, len(names), err)
	}
	byExt := map[string]int{}
	for i, name := range names {
		byExt[name] = i
		d := &exportDoc{id: name, length: map[string]int{}}
		doc, err := r.Document(name)
		if err != nil || doc == nil {
			return nil, fmt.Errorf("reading stored fields of %s: %v", name, err)
		}
		var heading string
		doc.VisitFields(func(f index.Field) {
			v := string(f.Value())
			switch f.Name() {
			case FieldHeading:
				heading = v
			case FieldURL:
				d.url = v
			case FieldTitle:
				d.title = v
			case FieldKind:
				d.kind = v
			case FieldText:
				d.text = v
			}
		})
		if heading != "" {
			// Results show the heading; the title is what is searched.
			d.title = heading
		}
		c.docs = append(c.docs, d)
	}
	num := map[string]int{}
	for in, ext := range external {
		num[in] = byExt[ext]
	}
	return num, nil
}

// readAverages records the average field length bleve's BM25 scorer uses:
// the field's dictionary size over the document count, rounded up (see
// bm25ScoreMetrics in bleve's search/searcher/search_term.go).
func (c *corpus) readAverages(r index.IndexReader) error {
	br, ok := r.(index.BM25Reader)
	if !ok {
		return fmt.Errorf("the index reader does not report field cardinality, which BM25 needs")
	}
	n := len(c.docs)
	for _, f := range append(slices.Clone(textFields), keywordFields...) {
		card, err := br.FieldCardinality(f)
		if err != nil {
			return fmt.Errorf("reading the cardinality of %s: %w", f, err)
		}
		if n > 0 {
			c.avg[f] = math.Ceil(float64(card) / float64(n))
		}
	}
	return nil
}

// readTextField reads a text field's postings with positions, its field
// lengths, and the surface words behind its terms.
func (c *corpus) readTextField(r index.IndexReader, field string, num map[string]int) error {
	terms := map[string]*posting{}
	c.postings[field] = terms
	err := eachPosting(r, field, true, func(term string, tfd *index.TermFieldDoc) error {
		doc := c.docs[num[string(tfd.ID)]]
		if err := doc.setLength(field, tfd.Norm); err != nil {
			return err
		}
		p := terms[term]
		if p == nil {
			p = &posting{}
			terms[term] = p
		}
		var pos []int
		stored := doc.title
		if field == FieldText {
			stored = doc.text
		}
		for _, v := range tfd.Vectors {
			pos = append(pos, int(v.Pos))
			if int(v.End) > len(stored) || v.Start > v.End {
				return fmt.Errorf("%s: a %s token lies outside the stored text", doc.id, field)
			}
			c.addSurface(strings.ToLower(stored[v.Start:v.End]), term)
			if field == FieldText {
				doc.tokens = append(doc.tokens, tokenLoc{pos: int(v.Pos), start: int(v.Start), end: int(v.End)})
			}
		}
		if uint64(len(pos)) != tfd.Freq {
			return fmt.Errorf("%s: term %q in %s has %d positions for frequency %d; the field needs term vectors", doc.id, term, field, len(pos), tfd.Freq)
		}
		slices.Sort(pos)
		p.docs = append(p.docs, num[string(tfd.ID)])
		p.freqs = append(p.freqs, int(tfd.Freq))
		p.positions = append(p.positions, pos)
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range terms {
		p.sort()
	}
	return nil
}

// readKeywordField reads which documents have which values of a field
// indexed whole. The browser derives each document's field length from its
// number of values, so the export checks that bleve's norms agree.
func (c *corpus) readKeywordField(r index.IndexReader, field string, num map[string]int) error {
	values := map[string][]int{}
	c.keywords[field] = values
	count := map[int]int{}
	lengths := map[int]int{}
	err := eachPosting(r, field, false, func(term string, tfd *index.TermFieldDoc) error {
		n := num[string(tfd.ID)]
		if tfd.Freq != 1 {
			return fmt.Errorf("%s: value %q of %s is repeated; the export needs distinct values", c.docs[n].id, term, field)
		}
		l, err := normLength(tfd.Norm)
		if err != nil {
			return fmt.Errorf("%s: %s: %w", c.docs[n].id, field, err)
		}
		values[term] = append(values[term], n)
		count[n]++
		lengths[n] = l
		return nil
	})
	if err != nil {
		return err
	}
	for n, l := range lengths {
		if count[n] != l {
			return fmt.Errorf("%s: %s has %d values but bleve counts a length of %d", c.docs[n].id, field, count[n], l)
		}
	}
	for _, docs := range values {
		slices.Sort(docs)
	}
	return nil
}

// eachPosting calls fn for every posting of every term of field.
func eachPosting(r index.IndexReader, field string, vectors bool, fn func(term string, tfd *index.TermFieldDoc) error) error {
	dict, err := r.FieldDict(field)
	if err != nil {
		return fmt.Errorf("reading the dictionary of %s: %w", field, err)
	}
	defer dict.Close()
	for {
		e, err := dict.Next()
		if err != nil {
			return fmt.Errorf("reading the dictionary of %s: %w", field, err)
		}
		if e == nil {
			return nil
		}
		term := e.Term
		tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, true, true, vectors)
		if err != nil {
			return fmt.Errorf("reading postings of %s:%s: %w", field, term, err)
		}
		n := uint64(0)
		for {
			tfd, err := tfr.Next(&index.TermFieldDoc{})
			if err != nil {
				tfr.Close()
				return fmt.Errorf("reading postings of %s:%s: %w", field, term, err)
			}
			if tfd == nil {
				break
			}
			n++
			if err := fn(term, tfd); err != nil {
				tfr.Close()
				return err
			}
		}
		// BM25 takes the document frequency from Count; the browser counts
		// postings. They differ only in an index with deleted documents.
		if n != tfr.Count() {
			tfr.Close()
			return fmt.Errorf("%s:%s has %d postings but a count of %d; export a freshly built index", field, term, n, tfr.Count())
		}
		if err := tfr.Close(); err != nil {
			return fmt.Errorf("closing postings of %s:%s: %w", field, term, err)
		}
	}
}

// setLength records a field's length from a posting's norm and checks that
// every posting of the document agrees.
func (d *exportDoc) setLength(field string, norm float64) error {
	l, err := normLength(norm)
	if err != nil {
		return fmt.Errorf("%s: %s: %w", d.id, field, err)
	}
	if old, ok := d.length[field]; ok && old != l {
		return fmt.Errorf("%s: %s has two lengths, %d and %d", d.id, field, old, l)
	}
	d.length[field] = l
	return nil
}

// normLength recovers the whole field length behind a norm. bleve stores
// float32(1/sqrt(length)); the browser recomputes that norm from the
// length with Math.fround, so the length must reproduce it exactly.
func normLength(norm float64) (int, error) {
	if norm <= 0 {
		return 0, fmt.Errorf("norm %v is not positive; the export needs norms", norm)
	}
	l := int(math.Round(1 / (norm * norm)))
	if float64(float32(1/math.Sqrt(float64(l)))) != norm {
		return 0, fmt.Errorf("norm %v is not float32(1/sqrt(n)) for a whole n", norm)
	}
	return l, nil
}

// addSurface records that a surface word was analysed into term.
func (c *corpus) addSurface(word, term string) {
	m := c.surfaces[word]
	if m == nil {
		m = map[string]bool{}
		c.surfaces[word] = m
	}
	m[term] = true
}

// sort orders a term's postings by document number: bleve's internal
// order need not be the external one.
func (p *posting) sort() {
	idx := make([]int, len(p.docs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return p.docs[a] - p.docs[b] })
	docs, freqs, pos := make([]int, len(idx)), make([]int, len(idx)), make([][]int, len(idx))
	for i, j := range idx {
		docs[i], freqs[i], pos[i] = p.docs[j], p.freqs[j], p.positions[j]
	}
	p.docs, p.freqs, p.positions = docs, freqs, pos
}
