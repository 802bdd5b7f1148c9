package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Analyzer is the analyzer of the text fields: bleve's English analyzer,
// with stemming and stop words.
const Analyzer = en.AnalyzerName

// newMapping describes the fields: text fields analysed in English with
// term vectors for phrases and snippets, facet fields as keywords, and BM25
// scoring.
func newMapping() mapping.IndexMapping {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = Analyzer
	text.Store = true
	text.IncludeTermVectors = true
	text.IncludeInAll = false

	facet := bleve.NewTextFieldMapping()
	facet.Analyzer = keyword.Name
	facet.Store = true
	facet.IncludeInAll = false
	facet.DocValues = true

	stored := bleve.NewTextFieldMapping()
	stored.Index = false
	stored.Store = true
	stored.IncludeInAll = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldTitle, text)
	doc.AddFieldMappingsAt(FieldText, text)
	for _, f := range []string{FieldKind, FieldArticles, FieldCountry, FieldYear, FieldMeeting, FieldLang} {
		doc.AddFieldMappingsAt(f, facet)
	}
	doc.AddFieldMappingsAt(FieldURL, stored)
	doc.AddFieldMappingsAt(FieldHeading, stored)

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = Analyzer
	m.ScoringModel = "bm25"
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}
