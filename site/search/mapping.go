package search

import (
	"github.com/blevesearch/bleve/v2"
	kw "github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Analyzer is the analyzer of the text fields: bleve's English analyzer,
// with stemming and stop words.
const Analyzer = en.AnalyzerName

// newMapping describes the fields: text fields analysed in English with
// term vectors for phrases and snippets, keyword fields indexed whole, and
// BM25 scoring. Only what a hit shows is stored; facets are counted from
// the keyword fields' postings (table.go), so no field has doc values,
// and no query searches bleve's _all field.
func newMapping() mapping.IndexMapping {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = Analyzer
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
	m.DefaultMapping = doc
	m.DefaultAnalyzer = Analyzer
	m.ScoringModel = "bm25"
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}
