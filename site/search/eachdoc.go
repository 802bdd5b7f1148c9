package search

import (
	"fmt"

	index "github.com/blevesearch/bleve_index_api"
)

// eachDocument calls fn with the internal and external id of every
// document the reader holds, in the reader's order.
func eachDocument(r index.IndexReader, fn func(in index.IndexInternalID, ext string) error) error {
	ids, err := r.DocIDReaderAll()
	if err != nil {
		return fmt.Errorf("listing documents: %w", err)
	}
	defer ids.Close()
	for {
		in, err := ids.Next()
		if err != nil {
			return fmt.Errorf("listing documents: %w", err)
		}
		if in == nil {
			return nil
		}
		ext, err := r.ExternalID(in)
		if err != nil {
			return fmt.Errorf("reading a document id: %w", err)
		}
		if err := fn(in, ext); err != nil {
			return err
		}
	}
}
