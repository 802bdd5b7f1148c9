package search

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"
)

// readDocs reads the documents of an index back: the stored fields and
// the keyword fields' values, which are indexed, not stored.
func readDocs(dir string) ([]Doc, error) {
	idx, err := bleve.OpenUsing(dir, map[string]any{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("opening search index %s: %w", dir, err)
	}
	defer idx.Close()
	r, err := openReader(idx)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	byInternal := map[string]int{}
	var docs []Doc
	err = eachDocument(r, func(in index.IndexInternalID, ext string) error {
		doc, err := r.Document(ext)
		if err != nil || doc == nil {
			return fmt.Errorf("reading stored fields of %s: %v", ext, err)
		}
		d := Doc{ID: ext}
		doc.VisitFields(func(f index.Field) {
			v := string(f.Value())
			switch f.Name() {
			case FieldHeading:
				d.Heading = v
			case FieldURL:
				d.URL = v
			case FieldTitle:
				d.Title = v
			case FieldKind:
				d.Kind = v
			case FieldText:
				d.Text = v
			}
		})
		byInternal[string(in)] = len(docs)
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, f := range []string{FieldArticles, FieldCountry, FieldYear, FieldMeeting, FieldLang} {
		dict, err := r.FieldDict(f)
		if err != nil {
			return nil, fmt.Errorf("reading the dictionary of %s: %w", f, err)
		}
		for {
			e, err := dict.Next()
			if err != nil {
				dict.Close()
				return nil, fmt.Errorf("reading the dictionary of %s: %w", f, err)
			}
			if e == nil {
				break
			}
			tfr, err := r.TermFieldReader(context.Background(), []byte(e.Term), f, false, false, false)
			if err != nil {
				dict.Close()
				return nil, fmt.Errorf("reading postings of %s:%s: %w", f, e.Term, err)
			}
			for {
				tfd, err := tfr.Next(nil)
				if err != nil {
					tfr.Close()
					dict.Close()
					return nil, fmt.Errorf("reading postings of %s:%s: %w", f, e.Term, err)
				}
				if tfd == nil {
					break
				}
				n, ok := byInternal[string(tfd.ID)]
				if !ok {
					continue
				}
				d := &docs[n]
				switch f {
				case FieldArticles:
					d.Articles = append(d.Articles, e.Term)
				case FieldCountry:
					d.Country = e.Term
				case FieldYear:
					d.Year = e.Term
				case FieldMeeting:
					d.Meeting = e.Term
				case FieldLang:
					d.Lang = e.Term
				}
			}
			tfr.Close()
		}
		dict.Close()
	}
	slices.SortFunc(docs, func(a, b Doc) int { return strings.Compare(a.ID, b.ID) })
	return docs, nil
}
