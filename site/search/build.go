package search

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
)

// batchSize bounds how many documents are indexed per batch.
const batchSize = 1000

// Build writes a new bleve index of docs into dir, which must not exist.
func Build(dir string, docs []Doc) error {
	idx, err := bleve.New(dir, newMapping())
	if err != nil {
		return fmt.Errorf("creating search index: %w", err)
	}
	b := idx.NewBatch()
	for _, d := range docs {
		if err := b.Index(d.ID, indexed(d)); err != nil {
			idx.Close()
			return fmt.Errorf("indexing %s: %w", d.ID, err)
		}
		if b.Size() >= batchSize {
			if err := idx.Batch(b); err != nil {
				idx.Close()
				return fmt.Errorf("writing search index: %w", err)
			}
			b.Reset()
		}
	}
	if err := idx.Batch(b); err != nil {
		idx.Close()
		return fmt.Errorf("writing search index: %w", err)
	}
	return idx.Close()
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
