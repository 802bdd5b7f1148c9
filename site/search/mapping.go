package search

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	kw "github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// newMapping describes the fields of an index of one language: text
// fields analysed with the language's analyzer (AnalyzerFor), with term
// vectors for phrases and snippets, keyword fields indexed whole, and BM25
// scoring. Only what a hit shows is stored; facets are counted from the
// keyword fields' postings (table.go), so no field has doc values, and no
// query searches bleve's _all field.
func newMapping(lang string) (*mapping.IndexMappingImpl, error) {
	analyzer := AnalyzerFor(lang)
	text := bleve.NewTextFieldMapping()
	text.Analyzer = analyzer
	text.Store = true
	text.IncludeTermVectors = true
	text.IncludeInAll = false
	text.DocValues = false

	keyword := bleve.NewTextFieldMapping()
	keyword.Analyzer = kw.Name
	keyword.Store = false
	keyword.IncludeInAll = false
	keyword.IncludeTermVectors = true // a phrase, kind:"legislation", needs them
	keyword.DocValues = false

	shown := *keyword
	shown.Store = true

	stored := bleve.NewTextFieldMapping()
	stored.Index = false
	stored.Store = true
	stored.IncludeInAll = false
	stored.IncludeTermVectors = false
	stored.DocValues = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldTitle, text)
	doc.AddFieldMappingsAt(FieldText, text)
	doc.AddFieldMappingsAt(FieldKind, &shown)
	for _, f := range []string{FieldArticles, FieldCountry, FieldYear, FieldMeeting, FieldLang} {
		doc.AddFieldMappingsAt(f, keyword)
	}
	doc.AddFieldMappingsAt(FieldURL, stored)
	doc.AddFieldMappingsAt(FieldHeading, stored)
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	m := bleve.NewIndexMapping()
	if analyzer == plainAnalyzer {
		// Defined in the mapping, which the index stores, so that an index
		// opened later analyses queries as it was built.
		err := m.AddCustomAnalyzer(plainAnalyzer, map[string]any{"type": custom.Name, "tokenizer": unicode.Name, "token_filters": []any{lowercase.Name}})
		if err != nil {
			return nil, fmt.Errorf("defining the analyzer of %s: %w", lang, err)
		}
	}
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzer
	m.ScoringModel = "bm25"
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, nil
}
