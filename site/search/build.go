package search

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/blevesearch/go-porterstemmer"
)

// Build writes a new bleve index of docs into dir, which must not exist:
// an index per language, in dir/<language>, and the list of languages
// (layout.go).
func Build(dir string, docs []Doc) error {
	_, err := build(dir, docs)
	return err
}

// built is what a build analysed of one language, for the export: the
// documents in order of id, for each its fields as bleve indexed them,
// and the postings the goroutines that analysed them gathered, each of a
// range of documents.
type built struct {
	lang     string
	m        mapping.IndexMapping
	docs     []Doc
	analysed []analysedDoc
	postings *postings
}

// analysedDoc is a document's fields as bleve indexed them.
type analysedDoc struct {
	text     [2]analysedField // title, text
	tokens   []tokenLoc       // the text's tokens, by position, until its export record is made
	export   docExport        // the document as the export writes it
	keywords [][]string       // per keyword field (keywordFields), its terms
	lengths  []int            // per keyword field, its length as bleve counts it
}

// part is what one goroutine gathered of its range of documents for the
// export: the postings of their terms, in the form postingsOf writes save
// that the first document's gap is left for the merge, and the surface
// words behind the terms.
type part struct {
	from, to int
	terms    map[string]*partPostings
	surfaces map[string]*rawSurface // surface word as written → terms
	dropped  map[string]bool        // lower-cased words between the text's tokens, which the analyzer dropped
	gaps     map[string]bool        // the stretches of text those words were found in
}

// partPostings are a term's postings in a part: per text field the
// number of documents, the first and the last, and the encoded postings
// and positions without the first document's gap.
type partPostings struct {
	df, first, last [2]int
	core, pos       [2]vlq
}

// analysedField is a text field's analysis: its length in tokens and its
// terms with their frequencies and locations.
type analysedField struct {
	length int
	freqs  index.TokenFrequencies
}

// build analyses the documents of each language on every core and writes
// each language's index.
func build(dir string, docs []Doc) ([]*built, error) {
	l, groups, err := splitLangs(docs)
	if err != nil {
		return nil, err
	}
	if err := createIndexDir(dir, l); err != nil {
		return nil, err
	}
	var out []*built
	for _, lang := range l.Languages {
		b, wait, err := indexLang(langDir(dir, lang), lang, groups[lang], indexChunk)
		if err == nil {
			err = wait()
		}
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

// splitLangs sorts the documents by id, which must be distinct, and
// groups them by language.
func splitLangs(docs []Doc) (layout, map[string][]Doc, error) {
	docs, err := sortedDocs(docs)
	if err != nil {
		return layout{}, nil, err
	}
	def, langs, groups, err := byLang(docs)
	if err != nil {
		return layout{}, nil, err
	}
	return layout{Default: def, Languages: langs}, groups, nil
}

// analyseLang maps and analyses the documents of one language, sorted by
// id, with the language's analyzer.
func analyseLang(lang string, docs []Doc) (*built, error) {
	m, err := newMapping(lang)
	if err != nil {
		return nil, err
	}
	return analyse(lang, m, docs, indexChunk, nil)
}

// sortedDocs returns docs sorted by id, which must be distinct.
func sortedDocs(docs []Doc) ([]Doc, error) {
	docs = slices.Clone(docs)
	slices.SortFunc(docs, func(a, b Doc) int { return strings.Compare(a.ID, b.ID) })
	for i := 1; i < len(docs); i++ {
		if docs[i].ID == docs[i-1].ID {
			return nil, fmt.Errorf("indexing: two documents have the id %s", docs[i].ID)
		}
	}
	return docs, nil
}

// analyse maps and analyses docs of the language lang, sorted by id, on
// every core, a chunk of documents at a time, each goroutine a range of
// the chunk. When index is not nil, it gets each chunk's documents mapped
// for bleve as soon as they are analysed, and they are let go of: a
// corpus is never held analysed whole. Each document's export record is
// made as soon as it is analysed too, for its tokens are many times the
// size of the record.
func analyse(lang string, m mapping.IndexMapping, docs []Doc, chunk int, index func([]*document.Document) error) (*built, error) {
	b := &built{lang: lang, m: m, docs: docs, analysed: make([]analysedDoc, len(docs)), postings: newPostings()}
	errs := make([]error, len(docs))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(docs)/64))
	analysers := make([]*analyser, workers)
	for w := range analysers {
		// Kept from chunk to chunk, with the stems they remember.
		analysers[w] = newAnalyser(m)
	}
	for start := 0; start < len(docs); start += chunk {
		end := min(len(docs), start+chunk)
		mapped := make([]*document.Document, end-start)
		var chunk []*part
		for w := range workers {
			from, to := start+w*(end-start)/workers, start+(w+1)*(end-start)/workers
			if from < to {
				chunk = append(chunk, &part{from: from, to: to, terms: map[string]*partPostings{}, surfaces: map[string]*rawSurface{}, dropped: map[string]bool{}, gaps: map[string]bool{}})
			}
		}
		var wg sync.WaitGroup
		for w, p := range chunk {
			wg.Go(func() {
				a := analysers[w]
				for i := p.from; i < p.to; i++ {
					mapped[i-start], errs[i] = a.analyse(docs[i], &b.analysed[i])
					if errs[i] == nil {
						errs[i] = p.add(i, docs[i], &b.analysed[i])
					}
					if errs[i] == nil {
						errs[i] = p.export(lang, i, docs[i], &b.analysed[i])
					}
					// The index keeps the text fields' analysis.
					b.analysed[i].text = [2]analysedField{}
				}
			})
		}
		wg.Wait()
		for _, p := range chunk {
			b.postings.add(p) // in order of documents
		}
		for i, err := range errs[start:end] {
			if err != nil {
				return nil, fmt.Errorf("indexing %s: %w", docs[start+i].ID, err)
			}
		}
		if index != nil {
			if err := index(mapped); err != nil {
				return nil, err
			}
		}
	}
	return b, nil
}

// add adds document n's text fields to the part's postings and its tokens
// to the surface words.
func (p *part) add(n int, d Doc, a *analysedDoc) error {
	for slot := range textFields {
		stored := d.Title
		if slot == 1 {
			stored = d.Text
		}
		f := a.text[slot]
		if f.length == 0 {
			continue
		}
		for term, tf := range f.freqs {
			pp := p.terms[term]
			if pp == nil {
				pp = &partPostings{}
				p.terms[term] = pp
			}
			freq := tf.Frequency()
			if freq != len(tf.Locations) || freq == 0 {
				return fmt.Errorf("term %q has %d locations for frequency %d; the field needs term vectors", term, len(tf.Locations), freq)
			}
			if pp.df[slot] == 0 {
				pp.first[slot] = n
			} else {
				pp.core[slot].put(n - pp.last[slot])
			}
			pp.df[slot]++
			pp.last[slot] = n
			if freq == 1 {
				pp.core[slot].put(f.length * 2)
			} else {
				pp.core[slot].put(f.length*2 + 1)
				pp.core[slot].put(freq - 2)
			}
			var buf [8]int
			pos := buf[:0]
			for _, l := range tf.Locations {
				if l.End > len(stored) || l.Start > l.End {
					return fmt.Errorf("a token of %q lies outside the stored text", term)
				}
				pos = append(pos, l.Position)
				w := stored[l.Start:l.End]
				s := p.surfaces[w]
				if s == nil {
					s = &rawSurface{}
					p.surfaces[w] = s
				}
				if !slices.Contains(s.terms, term) {
					s.terms = append(s.terms, term)
				}
			}
			slices.Sort(pos)
			at := 0
			for _, q := range pos {
				pp.pos[slot].put(q - at)
				at = q
			}
		}
	}
	return nil
}

// indexed is the document as bleve sees it.
func indexed(d Doc) map[string]any {
	m := map[string]any{
		FieldTitle: d.Title,
		FieldText:  d.Text,
		FieldKind:  d.Kind,
		FieldURL:   d.URL,
		FieldLang:  d.Lang,
	}
	if len(d.Articles) > 0 {
		m[FieldArticles] = d.Articles
	}
	for f, v := range map[string]string{FieldCountry: d.Country, FieldYear: d.Year, FieldMeeting: d.Meeting, FieldHeading: d.Heading} {
		if v != "" {
			m[f] = v
		}
	}
	return m
}

// analyser maps and analyses documents on one goroutine. For English it
// analyses the text fields as bleve's English analyzer does, step by step,
// but remembers what the Porter stemmer made of each word: stemming is a
// pure function of the word, and a corpus has far fewer words than tokens.
// Other languages' analyzers run as they are.
type analyser struct {
	m       mapping.IndexMapping
	steps   *analysis.DefaultAnalyzer // the analyzer, if it ends with the Porter stemmer
	unicode bool                      // its tokenizer is bleve's unicode tokenizer, which latinTokens can stand in for
	stemmed map[string][]byte
	terms   map[string]string // each term once
	buffer  tokenBuffer
	owners  []*index.TokenFreq // frequencies' scratch space
}

func newAnalyser(m mapping.IndexMapping) *analyser {
	a := &analyser{m: m, stemmed: map[string][]byte{}, terms: map[string]string{}}
	if da, ok := m.AnalyzerNamed(m.AnalyzerNameForPath(FieldText)).(*analysis.DefaultAnalyzer); ok && da.CharFilters == nil && len(da.TokenFilters) > 0 {
		if _, ok := da.TokenFilters[len(da.TokenFilters)-1].(*porter.PorterStemmer); ok {
			a.steps = da
			_, a.unicode = da.Tokenizer.(*unicode.UnicodeTokenizer)
		}
	}
	return a
}

// analyse maps a document and analyses its fields, recording the
// analysis in out.
func (a *analyser) analyse(d Doc, out *analysedDoc) (*document.Document, error) {
	doc := document.NewDocument(d.ID)
	if err := a.m.MapDocument(doc, indexed(d)); err != nil {
		return nil, err
	}
	out.keywords = make([][]string, len(keywordFields))
	out.lengths = make([]int, len(keywordFields))
	for i, f := range doc.Fields {
		tf, ok := f.(*document.TextField)
		if !ok || !tf.Options().IsIndexed() {
			continue
		}
		if k := slices.Index(keywordFields, tf.Name()); k >= 0 {
			tf.Analyze()
			af := analysedField{length: tf.AnalyzedLength(), freqs: tf.AnalyzedTokenFrequencies()}
			out.lengths[k] += af.length
			for term := range af.freqs {
				out.keywords[k] = append(out.keywords[k], term)
			}
			// Kept for the index, which would analyse the field again.
			doc.Fields[i] = &analysedText{TextField: tf, analysedField: af}
			continue
		}
		slot := slices.Index(textFields, tf.Name())
		if slot < 0 || tf.Analyzer() == nil {
			return nil, fmt.Errorf("field %s is neither text nor keyword", tf.Name())
		}
		var tokens analysis.TokenStream
		if a.steps != nil {
			tokens = a.tokens(tf.Value())
		} else {
			tokens = tf.Analyzer().Analyze(bytes.Clone(tf.Value()))
		}
		af := analysedField{length: len(tokens), freqs: a.frequencies(tokens, tf.ArrayPositions(), tf.Options())}
		out.text[slot] = af
		if slot == 1 {
			out.tokens = make([]tokenLoc, len(tokens))
			for j, t := range tokens {
				term := a.term(t.Term)
				out.tokens[j] = tokenLoc{pos: t.Position, start: t.Start, end: t.End, term: term}
			}
		}
		doc.Fields[i] = &analysedText{TextField: tf, analysedField: af}
	}
	return doc, nil
}

// tokens runs the analyzer's steps, the stemmer remembered.
func (a *analyser) tokens(value []byte) analysis.TokenStream {
	// The filters change terms in place, and terms share the value's bytes.
	value = bytes.Clone(value)
	tokens, ok := a.buffer.latinTokens(value)
	if !ok || !a.unicode {
		tokens = a.steps.Tokenizer.Tokenize(value)
	}
	filters := a.steps.TokenFilters
	for _, f := range filters[:len(filters)-1] {
		tokens = f.Filter(tokens)
	}
	for _, t := range tokens {
		if t.KeyWord {
			continue
		}
		s, ok := a.stemmed[string(t.Term)]
		if !ok {
			s = analysis.BuildTermFromRunes(porterstemmer.StemWithoutLowerCasing(bytes.Runes(t.Term)))
			a.stemmed[string(t.Term)] = s
		}
		t.Term = s
	}
	return tokens
}

// analysedText is a text field analysed ahead of indexing: bleve's
// Analyze, which the index calls, keeps the analysis.
type analysedText struct {
	*document.TextField
	analysedField
}

func (t *analysedText) Analyze()                                         {}
func (t *analysedText) AnalyzedLength() int                              { return t.length }
func (t *analysedText) AnalyzedTokenFrequencies() index.TokenFrequencies { return t.freqs }
